"""The word model that adds harm types the phrase list missed."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize

from analytics.extract.harm_revision import WordHarmModel, shipped_word_model, train
from analytics.extract.harms import extract, story_text
from analytics.features import split_list
from analytics.vocabulary import HARM_TYPES

TINY = [
    ("he choked me in the car", {"strangulation"}),
    ("choked me till i blacked out", {"strangulation"}),
    ("he choked me hard and left", {"strangulation", "non_payment"}),
    ("left without paying a cent", {"non_payment"}),
    ("short on paying, half the rate", {"non_payment"}),
    ("never paying, drove off", {"non_payment"}),
    ("weird vibes, stared the whole time", {"other"}),
    ("creepy vibes, questions about my family", {"other"}),
    ("just strange vibes, nothing happened", {"other"}),
]


@pytest.fixture(scope="module")
def tiny_model() -> WordHarmModel:
    texts = [story_text({"what_happened": text}) for text, _ in TINY]
    return train(texts, [codes for _, codes in TINY], HARM_TYPES, source="tiny")


def _through_scikit_learn(model: WordHarmModel, text: str) -> np.ndarray:
    vectorizer = CountVectorizer(ngram_range=(1, 2), binary=True, vocabulary=model.vocabulary)
    features = normalize(vectorizer.transform([text]))
    return (features @ model.coefficients.T.astype(np.float64) + model.intercepts)[0]


def test_scores_are_those_scikit_learn_computes(tiny_model: WordHarmModel) -> None:
    for text in ("he choked me, never paying", "weird vibes", "nothing in the vocabulary"):
        story = story_text({"what_happened": text})
        assert tiny_model.scores(story) == pytest.approx(_through_scikit_learn(tiny_model, story))


def test_a_type_is_added_only_when_its_words_are_there(tiny_model: WordHarmModel) -> None:
    assert "strangulation" in tiny_model.added(story_text({"what_happened": "choked me"}))
    assert "strangulation" not in tiny_model.added(story_text({"what_happened": "paid, left"}))


def test_other_is_never_added(tiny_model: WordHarmModel) -> None:
    assert (
        tiny_model.probabilities(story_text({"what_happened": "weird vibes"}))[
            tiny_model.codes.index("other")
        ]
        > 0.5
    )
    assert "other" not in tiny_model.added(story_text({"what_happened": "weird vibes"}))


def test_saved_and_loaded_model_scores_the_same(tiny_model: WordHarmModel, tmp_path: Path) -> None:
    path = tmp_path / "words.npz"
    tiny_model.save(path)
    loaded = WordHarmModel.load(path)
    story = story_text({"what_happened": "he choked me, never paying"})
    assert loaded.codes == tiny_model.codes
    assert loaded.source == "tiny"
    assert loaded.scores(story) == pytest.approx(tiny_model.scores(story), abs=1e-2)


def test_shipped_model_says_what_it_was_learned_from() -> None:
    model = shipped_word_model()
    assert "hand-written tuning sets" in model.source
    assert "eval" not in model.source.replace("evaluation", "")
    assert set(model.codes) <= set(HARM_TYPES)


def test_daily_texts_after_a_block_are_read_as_stalking_too() -> None:
    report = {"what_happened": "he kept texting me all week after I blocked him, new numbers"}
    assert extract(report, guess=False)["incident_types"] == "harassment"
    read = extract(report)
    assert read["incident_types"] == "harassment;stalking"
    assert read["incident_types_added"] == "stalking"
    assert read["severity"] == "3"


def test_nothing_is_added_without_a_story_or_when_the_phrases_found_no_harm() -> None:
    assert extract({"incident_types": "assault"})["incident_types_added"] == ""
    assert extract({"what_happened": "he didn't hurt me but he was creepy"}) == {
        "incident_types": "other",
        "severity": "1",
        "incident_types_guessed": "",
        "incident_types_added": "",
        "incident_types_dropped": "",
    }


@given(st.text(max_size=300))
@example("TOKO $BACK")
def test_the_phrases_types_are_kept_unless_listed_as_dropped(story: str) -> None:
    """ "TOKO $BACK" reads as theft to the phrases; the words make it robbery, and the theft is
    listed as dropped, not lost unseen."""
    phrases_only = set(split_list(extract({"what_happened": story}, guess=False)["incident_types"]))
    read = extract({"what_happened": story})
    found = set(split_list(read["incident_types"]))
    dropped = set(split_list(read["incident_types_dropped"]))
    assert phrases_only - {"other"} - dropped <= found
    assert dropped <= phrases_only
    assert not dropped & {"strangulation", "sexual_assault", "weapon"}
    assert set(split_list(read["incident_types_added"])) <= found


def _two_word_model() -> WordHarmModel:
    """Strangulation likely when "choked" is there, theft never, harassment always."""
    return WordHarmModel(
        codes=["strangulation", "theft", "harassment", "other"],
        vocabulary={"choked": 0, "texts": 1},
        coefficients=np.array([[10.0, 0.0], [0.0, 0.0], [0.0, 0.0], [0.0, 0.0]]),
        intercepts=np.array([-5.0, -6.0, 3.0, -6.0]),
    )


def test_a_type_the_words_make_unlikely_is_dropped_but_never_the_last() -> None:
    model = _two_word_model()
    assert model.revise("he choked me", {"theft", "strangulation"}) == ({"harassment"}, {"theft"})
    assert model.revise("he choked me", {"theft"}) == ({"strangulation", "harassment"}, {"theft"})
    assert model.revise("texts", {"theft", "other"}) == ({"harassment"}, {"theft"})
    assert model.revise("", {"theft"})[1] == {"theft"}
    assert _without_harassment(model).revise("", {"theft"}) == (set(), set())


def _without_harassment(model: WordHarmModel) -> WordHarmModel:
    return WordHarmModel(
        model.codes, model.vocabulary, model.coefficients, np.array([-5.0, -6.0, -6.0, -6.0])
    )


def test_the_gravest_types_are_never_dropped() -> None:
    model = _without_harassment(_two_word_model())
    assert model.revise("nothing here", {"strangulation", "theft"}) == (set(), {"theft"})
    assert model.revise("nothing here", {"sexual_assault", "weapon"}) == (set(), set())


@pytest.mark.parametrize(
    "story",
    ["INC: no $, filming w/o consent. @ 04:44", "Had knife, no $, followed her home."],
)
def test_a_short_list_of_harms_keeps_every_one_the_phrases_read(story: str) -> None:
    found = extract({"what_happened": story})
    assert "non_payment" in split_list(found["incident_types"])
    assert found["incident_types_dropped"] == ""
