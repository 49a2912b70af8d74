"""Named points where a test can hold a real ``bdars`` process in the middle of a transaction,
then kill it (``kill -9``) or let it go on. Nothing happens unless both variables are set.

``BDARS_PAUSE_AT=<name>`` picks the point; ``BDARS_PAUSE_FILE=<path>``: on reaching it the process
writes its id to that file and waits while the file exists. Used by the fault tests
(``tests/pipelines/faults``); a deployment never sets them.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

DASHBOARD_SAVE = "dashboard_save"
"""A New report is written (raw report, contact, features), its audit entry not yet."""
LINK_DECISION = "link_decision"
"""A pair is locked and found undecided; the decision is not yet written."""
STATUS_CHANGE = "status_change"
"""A status change is written, its audit entry not yet."""


def pause_point(name: str) -> None:
    if os.environ.get("BDARS_PAUSE_AT") != name:
        return
    flag = os.environ.get("BDARS_PAUSE_FILE")
    if not flag:
        return
    path = Path(flag)
    path.write_text(str(os.getpid()), encoding="utf-8")
    while path.exists():
        time.sleep(0.02)
