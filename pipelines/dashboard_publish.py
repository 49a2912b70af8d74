"""What the dashboard publishes: the monthly report file, the map's boundaries and community
alerts. Each call is recorded in the audit log as the matching ``bdars`` command records it."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from datetime import datetime
from importlib import resources
from pathlib import Path

import pandas as pd
from shapely.geometry import MultiPolygon, Polygon, mapping, shape
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient
from sqlalchemy import Engine

from analytics.publish.alerts import Alert
from pipelines.liaison import responsiveness
from pipelines.publish.alerts import SmtpSettings, alert_for, send_alert
from pipelines.publish.data import load_policy
from pipelines.publish.report import publish_report

REPORT_FORMATS = (".pdf", ".html")


def boundaries() -> dict[str, object]:
    """The shipped approximate area boundaries (GeoJSON, longitude/latitude), as the report's
    map draws them, with rings wound clockwise: the browser's map (d3-geo, spherical) reads a
    counter-clockwise ring as the whole globe but that area."""
    source = resources.files("analytics.reference").joinpath("boundaries.geojson")
    shapes = json.loads(source.read_text(encoding="utf-8"))
    for feature in shapes.get("features", []):
        feature["geometry"] = mapping(_clockwise(shape(feature["geometry"])))
    return shapes


def _clockwise(geometry: BaseGeometry) -> BaseGeometry:
    if isinstance(geometry, Polygon):
        return orient(geometry, sign=-1.0)
    if isinstance(geometry, MultiPolygon):
        return MultiPolygon([orient(part, sign=-1.0) for part in geometry.geoms])
    return geometry


def area_names(shapes: Mapping[str, object]) -> tuple[str, ...]:
    """The areas the map can draw, in file order (as ``charts.area_names`` reads them)."""
    features = shapes.get("features", [])
    assert isinstance(features, list)
    return tuple(str(feature["properties"]["name"]) for feature in features)


def monthly_report_file(
    engine: Engine, month: str, suffix: str, viewer: str, wait_days: float = 14
) -> tuple[str, bytes]:
    """Write the monthly report like ``bdars report --month`` (and audited like it); returns the
    file's name and bytes."""
    name = f"bad-date-report-{month}{suffix}"
    with tempfile.TemporaryDirectory(prefix="bdars-report-") as folder:
        path = Path(folder) / name
        publish_report(engine, month, path, viewer, wait_days=wait_days)
        return name, path.read_bytes()


def responsiveness_figures(
    engine: Engine, wait_days: float, now: datetime | None = None
) -> tuple[pd.DataFrame, dict[str, int]]:
    """Days to each step per month received, and how many wait longer than ``wait_days``."""
    return responsiveness(engine, now=now, wait_days=wait_days)


def community_alert(engine: Engine, report_id: str, viewer: str) -> Alert:
    """The alert for one report under the shipped redaction policy (audited, as ``bdars alert``)."""
    return alert_for(engine, report_id, load_policy(), viewer)


def _addresses(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def smtp_from_environment(
    environ: Mapping[str, str] | None = None,
) -> tuple[SmtpSettings, list[str], list[str]]:
    """The SMTP server and recipients from the same variables ``bdars alert`` reads."""
    env = os.environ if environ is None else environ
    port = env.get("BDARS_SMTP_PORT", "587").strip() or "587"
    smtp = SmtpSettings(
        host=env.get("BDARS_SMTP_HOST", "").strip(),
        port=int(port) if port.isdigit() else 587,
        sender=env.get("BDARS_SMTP_FROM", "").strip(),
        user=env.get("BDARS_SMTP_USER", "").strip(),
        password=env.get("BDARS_SMTP_PASSWORD", ""),
        starttls=env.get("BDARS_SMTP_STARTTLS", "1").strip().lower() not in {"0", "false", "no"},
    )
    return (
        smtp,
        _addresses(env.get("BDARS_ALERT_TO", "")),
        _addresses(env.get("BDARS_ALERT_SMS_TO", "")),
    )


def sending_problems(environ: Mapping[str, str] | None = None) -> list[str]:
    """Why alerts cannot be sent from here (empty when they can)."""
    smtp, email_to, sms_to = smtp_from_environment(environ)
    problems = smtp.problems()
    if not email_to and not sms_to:
        problems.append("no recipients (BDARS_ALERT_TO or BDARS_ALERT_SMS_TO)")
    return problems


def send_community_alert(engine: Engine, alert: Alert, report_id: str, viewer: str) -> int:
    """Send the alert through the configured SMTP server (audited as ``alert.send``)."""
    smtp, email_to, sms_to = smtp_from_environment()
    return send_alert(engine, alert, report_id, smtp, email_to, sms_to, viewer)
