"""A separate real process doing one dashboard save, exactly as the page does it:
``python -m tests.pipelines.faults.worker save USER FIELDS_JSON`` (New report),
``... decide USER A B DECISION`` (Review links), ``... status USER TARGET STATUS`` (Case page).

Settings come from the environment (``BDARS_*``), like ``bdars dashboard``. Prints ``done ...`` and
exits 0, or prints ``refused: <message>`` and exits 3 when bdars refuses with a message. With
``BDARS_WORKER_READY=<path>`` it writes that file just before it starts the save."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from pipelines import dashboard_intake
from pipelines.errors import BdarsError
from pipelines.liaison import set_status
from pipelines.link import record_decision
from pipelines.settings import load_settings
from pipelines.storage.database import connect


def main(argv: list[str]) -> int:
    action, user, *rest = argv
    settings = load_settings()
    engine = connect(settings)
    ready = os.environ.get("BDARS_WORKER_READY")
    if ready:
        Path(ready).write_text("ready", encoding="utf-8")
    try:
        if action == "save":
            saved = dashboard_intake.save_report(engine, settings, json.loads(rest[0]), user)
            print("done", saved.report_id, saved.new, "; ".join(saved.problems))
        elif action == "decide":
            a, b, decision = rest
            record_decision(engine, a, b, decision, user, "concurrent test")
            print("done", decision)
        elif action == "status":
            target, status = rest
            print("done", set_status(engine, None, target, status, user))
        else:
            raise SystemExit(f"unknown action {action!r}")
    except BdarsError as error:
        print(f"refused: {error}")
        return 3
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
