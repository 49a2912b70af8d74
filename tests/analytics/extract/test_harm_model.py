"""The harm model the normaliser falls back on when no phrase names a harm."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer

from analytics.extract.harm_model import (
    HarmModel,
    guess_harm_types,
    model_text,
    shipped_model,
    train,
)
from analytics.extract.harms import extract
from analytics.vocabulary import HARM_TYPES

TINY = [
    ("he choked me in the car", {"strangulation"}),
    ("choked me till i blacked out", {"strangulation"}),
    ("he choked me hard", {"strangulation"}),
    ("left without paying a cent", {"non_payment"}),
    ("short on paying, half the rate", {"non_payment"}),
    ("never paying, drove off", {"non_payment"}),
    ("weird vibes, stared the whole time", {"other"}),
    ("creepy vibes, questions about my family", {"other"}),
    ("just strange vibes, nothing happened", {"other"}),
]


@pytest.fixture(scope="module")
def tiny_model() -> HarmModel:
    texts = [model_text({"what_happened": text}) for text, _ in TINY]
    return train(texts, [codes for _, codes in TINY], HARM_TYPES, source="tiny")


def _through_vectorizers(model: HarmModel, text: str) -> np.ndarray:
    """Probabilities as scikit-learn's vectorizers, given the model's vocabularies, compute
    them."""
    blocks = []
    for settings, vocabulary, idf in (
        ({"ngram_range": (1, 2)}, model.word_vocabulary, model.word_idf),
        (
            {"analyzer": "char_wb", "ngram_range": (3, 5)},
            model.character_vocabulary,
            model.character_idf,
        ),
    ):
        vectorizer = TfidfVectorizer(**settings, sublinear_tf=True, vocabulary=vocabulary)
        vectorizer.idf_ = idf
        blocks.append(vectorizer.transform([text]))
    features = sp.hstack(blocks).tocsr()
    scores = features @ model.coefficients.T.astype(np.float64) + model.intercepts
    return 1.0 / (1.0 + np.exp(-scores[0]))


@pytest.mark.parametrize(
    "text",
    [
        "he squeezed my throat and left without paying",
        "choked choked choked",
        "Ünïcödé ☐ 漢字 — he wouldn't pay",
        "",
        "zzzz qqqq",
    ],
)
def test_direct_scoring_equals_the_vectorizers(tiny_model: HarmModel, text: str) -> None:
    direct = tiny_model.probabilities(text)
    assert np.allclose(direct, _through_vectorizers(tiny_model, text), atol=1e-12)


@given(st.text(max_size=200))
def test_terms_are_cut_as_the_vectorizers_cut_them(text: str) -> None:
    from analytics.extract.harm_model import character_terms, word_terms

    words = TfidfVectorizer(ngram_range=(1, 2)).build_analyzer()
    characters = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5)).build_analyzer()
    assert word_terms(text) == words(text)
    assert character_terms(text) == characters(text)


def test_a_saved_model_scores_as_it_was_trained(tiny_model: HarmModel, tmp_path: Path) -> None:
    path = tmp_path / "model.npz"
    tiny_model.save(path)
    loaded = HarmModel.load(path)
    assert loaded.codes == tiny_model.codes
    assert loaded.source == "tiny"
    for text, _ in TINY:
        text = model_text({"what_happened": text})
        assert np.allclose(loaded.probabilities(text), tiny_model.probabilities(text), atol=2e-3)
        assert loaded.guess(text) == tiny_model.guess(text)


def test_the_tiny_model_learns_its_examples(tiny_model: HarmModel) -> None:
    for text, codes in TINY:
        probabilities = tiny_model.probabilities(model_text({"what_happened": text}))
        assert {tiny_model.codes[int(np.argmax(probabilities))]} == codes


def test_negated_words_are_marked_to_the_end_of_their_clause() -> None:
    text = model_text({"what_happened": "No one hit me, but he didn't pay. He choked me"})
    assert "not_one not_hit not_me" in text
    assert "didn't not_pay" in text
    assert "he choked me" in text
    assert "but not_" not in model_text({"what_happened": "nothing was stolen but he choked me"})


def test_the_shipped_model_knows_every_common_harm_and_says_where_it_was_learned() -> None:
    model = shipped_model()
    common = set(HARM_TYPES) - {"drugging"}
    assert common <= set(model.codes)
    assert "tuning sets" in model.source
    assert "eval" not in model.source


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        ("he told me he knows people at the border and would have me deported", "threats"),
        ("the envelope was light, maybe half, and he was gone before i counted", "non_payment"),
    ],
)
def test_harm_told_in_words_no_phrase_knows_is_guessed(narrative: str, expected: str) -> None:
    assert extract({"what_happened": narrative}, guess=False)["incident_types"] == "other"
    guessed = extract({"what_happened": narrative})
    assert expected in guessed["incident_types"].split(";")
    assert guessed["incident_types_guessed"] == "yes"


def test_a_description_with_no_story_is_not_guessed_from() -> None:
    report = {"aggressor_description": "white, 40s, spiderweb tattoo on his elbow"}
    assert extract(report) == {
        "incident_types": "other",
        "severity": "1",
        "incident_types_guessed": "",
        "incident_types_added": "",
        "incident_types_dropped": "",
    }


@given(st.text(max_size=300))
def test_any_text_gives_probabilities_and_known_codes(text: str) -> None:
    model = shipped_model()
    probabilities = model.probabilities(model_text({"what_happened": text}))
    assert np.all((probabilities >= 0) & (probabilities <= 1))
    assert guess_harm_types({"what_happened": text}) <= set(HARM_TYPES)
