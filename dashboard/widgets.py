"""Small pieces several pages share. Report text is always shown as plain text, never HTML."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from analytics.features import GUESSED_HARMS_NOTE, harm_note
from pipelines.dashboard_queries import REPORT_TEXT_COLUMNS

SUMMARY_COLUMNS = (
    "received_at",
    "incident_date",
    "incident_types",
    "phones",
    "plate",
    "vehicle_colour",
    "vehicle_make",
    "vehicle_model",
    "names",
    "marks",
    "neighbourhood",
    "jurisdiction",
)

SUMMARY_LABELS = {"incident_types": "kinds of harm", "marks": "marks or tattoos"}


def harms_in_words(codes: object) -> str:
    """Harm codes as the vocabulary names them, worst first: ``non_payment;physical_assault``
    → ``physical assault, refused to pay``."""
    from analytics.features import split_list
    from analytics.publish.words import harm_names

    return harm_names(split_list(str(codes or "")))


GUESSED_HARMS = f"{GUESSED_HARMS_NOTE}, no harm phrase found: check the report"


def _fact(column: str, record: pd.Series) -> str:
    value = record.get(column)
    if column != "incident_types":
        return str(value or "")
    words = harms_in_words(value)
    if record.get("incident_types_guessed") == "yes":
        return f"{words} ({GUESSED_HARMS})"
    note = harm_note(record)
    return f"{words} ({note}: check the report)" if note else words


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$])")


def escaped(text: object) -> str:
    """Text from reports made inert for ``st.markdown``: no link, image, HTML or formatting
    can come out of a report id or a reporter's words."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", str(text))


SEARCH_FILLER = frozenset(
    [
        "starts",
        "start",
        "starting",
        "begins",
        "begin",
        "beginning",
        "with",
        "ends",
        "end",
        "ending",
        "in",
        "plate",
        "plates",
        "phone",
        "number",
        "numbers",
        "no",
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "digits",
        "last",
        "first",
        "like",
    ]
)


def search_words(query: str) -> str:
    """The search as the search engine wants it: the way people say it (``starts with BV4``,
    ``phone ends in 0134``) without the words that only describe the search."""
    words = [w for w in re.split(r"[\s,;#]+", query.strip()) if w]
    kept = [w for w in words if w.lower().rstrip(":") not in SEARCH_FILLER]
    return " ".join(kept)


def bold_label(text: object) -> None:
    """A bold line naming a report or profile, whatever characters its id holds."""
    st.markdown(f"**{escaped(text)}**")


def report_words(texts: pd.DataFrame, report_id: str) -> None:
    """One report in the reporter's words, collapsed, as plain text."""
    rows = texts[texts["report_id"] == report_id]
    if rows.empty:
        return
    record = rows.iloc[0]
    with st.expander(f"{report_id}: in the reporter's words (may describe violence)"):
        for column in REPORT_TEXT_COLUMNS:
            value = str(record[column] or "")
            if value:
                st.caption(column.replace("_", " "))
                st.text(value)


def report_summary(features: pd.DataFrame, report_id: str) -> None:
    """The normalised facts of one report as a two-column table."""
    rows = features[features["report_id"] == report_id]
    if rows.empty:
        st.caption("not normalised yet")
        return
    record = rows.iloc[0]
    facts = [
        (SUMMARY_LABELS.get(column, column.replace("_", " ")), _fact(column, record))
        for column in SUMMARY_COLUMNS
        if str(record.get(column, "") or "")
    ]
    st.dataframe(pd.DataFrame(facts, columns=["fact", "value"]), hide_index=True)


_CAMEL_WORD = re.compile(r"(?<=[a-z])(?=[A-Z])")

EVIDENCE_HELP = (
    "Weight: how strongly each comparison points to the same aggressor (above 0) or to "
    "different people (below 0). The likelihood adds them all up."
)


def plain_name(code: object) -> str:
    """A comparison's code name in words: ``SamePhone`` → ``same phone``, ``plate`` → ``plate``."""
    return _CAMEL_WORD.sub(" ", str(code)).replace("_", " ").lower()


def status_words(status: object) -> str:
    """A workflow status in words: ``forwarded_to_liaison`` → ``forwarded to liaison``."""
    return str(status).replace("_", " ")


def evidence_table(parts: list[dict[str, object]]) -> pd.DataFrame:
    """Evidence parts as rows: what was compared, what was found, and how much it weighs
    (positive: points to the same aggressor; negative: points to different people)."""
    frame = pd.DataFrame(parts, columns=["comparison", "label", "weight"])
    frame = frame.assign(comparison=frame["comparison"].map(plain_name))
    return frame.rename(columns={"label": "evidence"})


def _decision_words(decision: str, user: str) -> str:
    if decision == "confirmed":
        return f"Linked (confirmed by {user})."
    return f"Marked as different people (rejected by {user})."


def candidate_matches(
    engine: Engine, viewer_name: str, report_id: str, found: pd.DataFrame
) -> None:
    """The likeliest aggressors for a report, each with its evidence and a confirm button; a
    pair already decided shows the decision instead of the button. Never the report itself."""
    from pipelines.dashboard_links import matches_for_display, pair_decisions
    from pipelines.errors import BdarsError
    from pipelines.link import record_decision
    from pipelines.link.decisions import AlreadyDecidedError

    found = matches_for_display(engine, report_id, found)
    if found.empty:
        st.info(
            "No known aggressor resembles this report. It stays in the Inbox, and it will be "
            "compared with every later report."
        )
        return
    st.caption(EVIDENCE_HELP)
    decided = pair_decisions(engine, report_id, [str(r) for r in found["report_id"]])
    for rank, match in enumerate(found.itertuples(index=False)):
        other = str(match.report_id)
        if match.linked:
            title = f"{match.aggressor_id}: {match.probability:.0%} likely (closest report {other})"
            profile = f"profile {match.aggressor_id}"
        else:
            title = (
                f"Report {other}, not yet linked: {match.probability:.0%} likely the same aggressor"
            )
            profile = "a profile"
        with st.container(border=True):
            st.markdown(f"**{escaped(title)}**")
            st.dataframe(evidence_table(list(match.evidence)), hide_index=True)
            if other in decided:
                st.caption(escaped(_decision_words(*decided[other])))
                continue
            if st.button(f"Same aggressor: link to {other}", key=f"confirm_{report_id}_{rank}"):
                note = f"matched to {match.aggressor_id}" if match.linked else f"matched to {other}"
                try:
                    record_decision(engine, report_id, other, "confirmed", viewer_name, note)
                except AlreadyDecidedError as error:
                    st.info(f"Nothing changed: {error}.")
                except BdarsError as error:
                    st.info(f"Not linked: {error}.")
                else:
                    st.success(
                        f"Linked {report_id} to {other}. They join {profile} at the next update "
                        "(“Update links and profiles now” on the Inbox, or `bdars run`). Undo it "
                        "under Review links."
                    )


def update_now(engine: Engine, settings: object, viewer_name: str, key: str) -> None:
    """The “Update links and profiles now” button: ``bdars run`` from the page, with progress,
    then what changed."""
    from dashboard import data
    from pipelines.errors import BdarsError
    from pipelines.run_now import AlreadyRunningError, update_now

    st.caption(
        "Reports saved or uploaded and links confirmed since the last update reach the profiles "
        "when links and profiles are updated."
    )
    if not st.button("Update links and profiles now", key=key, icon=":material/sync:"):
        return
    bar = st.progress(0.0, text="Starting…")
    try:
        summary = update_now(
            engine,
            settings,  # type: ignore[arg-type]
            viewer_name,
            lambda fraction, words: bar.progress(min(max(fraction, 0.0), 1.0), text=words),
        )
    except AlreadyRunningError as error:
        bar.empty()
        st.info(f"Not started: {error}.")
    except BdarsError as error:
        bar.empty()
        st.error(f"The update stopped: {error}.")
    else:
        data.clear()
        st.success(f"Links and profiles are up to date: {summary.words()}")
