"""Someone else decides on the link a co-ordinator is looking at: her click changes nothing and
the page says who decided, with no error page."""

from __future__ import annotations

import pytest

from pipelines import audit
from pipelines.link import record_decision
from tests.dashboard.conftest import Dashboard
from tests.dashboard.test_linking_pages import _decisions, _seed


@pytest.mark.parametrize("button", ["review_confirm", "review_reject"])
def test_a_link_decided_meanwhile_gives_a_message_not_an_error(dashboard: Dashboard, button):
    _seed(dashboard)
    at = dashboard.logged_in("co-ordinator")
    at.switch_page("views/review.py").run()
    assert at.subheader[0].value == "T-2 ↔ T-3: 55% likely the same aggressor"
    with dashboard.store.engine() as engine:
        record_decision(engine, "T-3", "T-2", "rejected", "dana", "other van")

    at.button(key=button).click().run()
    assert not at.exception, at.exception
    assert not at.error
    assert at.warning[0].value.startswith(
        "Nothing changed: T-2 ↔ T-3 was already rejected by dana at "
    )
    assert _decisions(dashboard) == [("T-2", "T-3", "rejected", "dana")]
    with dashboard.store.engine() as engine:
        log = audit.read(engine)
    assert list(log[log["action"].str.startswith("link_")]["user_name"]) == ["dana"]
