"""Review links: suggested links, the ones where a decision changes most first; confirm or reject
in one click, with the evidence and both reports side by side; undo."""

import pandas as pd
import streamlit as st

from dashboard import data, widgets
from dashboard.state import page_context
from pipelines import dashboard_links, dashboard_queries
from pipelines.errors import BdarsError
from pipelines.link import record_decision
from pipelines.link.decisions import AlreadyDecidedError
from pipelines.link.review import pending_count, pending_links

RECENT_LABELS = {
    "report_id_a": "report",
    "report_id_b": "with report",
    "decision": "decision",
    "at": "when",
    "note": "note",
}
DECISION_WORDS = {
    "confirmed": "same aggressor (confirmed)",
    "rejected": "different people (rejected)",
    "undone": "decision undone",
}
SKIPPED_KEY = "review_skipped"
NOTICE_KEY = "review_notice"

context = page_context()
engine, viewer = context.engine, context.viewer
st.title("Review links")
notice = st.session_state.pop(NOTICE_KEY, None)
if notice:
    {"success": st.success, "warning": st.warning, "error": st.error}[notice[0]](notice[1])


def decide(a: str, b: str, decision: str, note_key: str = "") -> None:
    # A button's callback: it decides on the pair the button was shown with, even when someone
    # else's decision has since moved the page on to another pair.
    note = str(st.session_state.get(note_key, "")) if note_key else "undo"
    try:
        record_decision(engine, a, b, decision, viewer.name, note)
    except AlreadyDecidedError as error:
        data.clear()
        st.session_state[NOTICE_KEY] = ("warning", f"Nothing changed: {error}.")
        return
    except BdarsError as error:
        st.session_state[NOTICE_KEY] = ("error", str(error))
        return
    data.clear()
    verb = {"confirmed": "Confirmed", "rejected": "Rejected", "undone": "Undid the decision on"}
    st.session_state[NOTICE_KEY] = (
        "success",
        f"{verb[decision]} {a} ↔ {b}. Profiles follow at the next `bdars run`.",
    )


skipped: set[tuple[str, str]] = st.session_state.setdefault(SKIPPED_KEY, set())
pending = pending_links(engine, 50 + len(skipped))
keep = [
    (a, b) not in skipped
    for a, b in zip(pending["report_id_a"], pending["report_id_b"], strict=True)
]
pending = pending.loc[pd.Series(keep, index=pending.index, dtype=bool)]
if pending.empty:
    st.info("No suggested links are waiting for a decision.")
else:
    pair = pending.iloc[0]
    a, b = str(pair["report_id_a"]), str(pair["report_id_b"])
    st.caption(f"{pending_count(engine):,} suggested link(s) waiting; this one changes the most.")
    st.subheader(f"{a} ↔ {b}: {pair['probability']:.0%} likely the same aggressor")
    if pair["aggressor_a"] != pair["aggressor_b"]:
        st.caption(
            f"Confirming joins profiles {pair['aggressor_a']} ({pair['size_a']} report(s)) "
            f"and {pair['aggressor_b']} ({pair['size_b']} report(s))."
        )
    else:
        st.caption(f"Both reports are already in profile {pair['aggressor_a']}.")
    st.caption(widgets.EVIDENCE_HELP)
    st.dataframe(widgets.evidence_table(pair["evidence"]), hide_index=True)
    facts = dashboard_links.report_features(engine, [a, b])
    texts = dashboard_queries.report_texts(engine, [a, b], viewer.name, f"review:{a} {b}")
    for column, report_id in zip(st.columns(2), (a, b), strict=True):
        with column:
            widgets.bold_label(report_id)
            widgets.report_summary(facts, report_id)
            widgets.report_words(texts, report_id)
    st.text_input("Note (optional)", key="review_note")
    confirm, reject, skip = st.columns(3)
    confirm.button(
        "Same aggressor: confirm",
        key="review_confirm",
        type="primary",
        on_click=decide,
        args=(a, b, "confirmed", "review_note"),
    )
    reject.button(
        "Different people: reject",
        key="review_reject",
        on_click=decide,
        args=(a, b, "rejected", "review_note"),
    )
    skip.button("Not sure: skip for now", key="review_skip", on_click=skipped.add, args=((a, b),))

st.subheader("Your recent decisions")
recent = dashboard_links.latest_decisions(engine, viewer.name)
if recent.empty:
    st.caption("None yet.")
else:
    st.dataframe(
        recent.rename(columns=RECENT_LABELS).assign(
            decision=recent["decision"].map(DECISION_WORDS).fillna(recent["decision"])
        ),
        hide_index=True,
    )
    last = recent.iloc[0]
    if last["decision"] != "undone":
        st.button(
            f"Undo: {last['decision']} {last['report_id_a']} ↔ {last['report_id_b']}",
            key="review_undo",
            on_click=decide,
            args=(str(last["report_id_a"]), str(last["report_id_b"]), "undone"),
        )
