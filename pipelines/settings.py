"""Effective settings: defaults, then one TOML file, then ``BDARS_*`` environment variables.

The TOML file is ``$BDARS_CONFIG`` if set, else ``bdars.toml`` in the working directory if present,
else ``$XDG_CONFIG_HOME/bdars/config.toml``. Keys in the file are the field names below;
the environment variable for a field is ``BDARS_`` + its name in capitals.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from pipelines.errors import ConfigError


def _default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "bdars"


@dataclass(frozen=True)
class Settings:
    """Every setting bdars reads, loaded once and passed explicitly."""

    data_dir: Path
    database_url: str
    key_file: Path
    secret_key: str | None = None
    config_file: Path | None = None
    session_minutes: int = 60
    dashboard_port: int = 8501
    jurisdictions_file: Path | None = None
    boundaries_file: Path | None = None

    @property
    def masked_database_url(self) -> str:
        return mask_password(self.database_url)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def with_database(self, url: str) -> Settings:
        return replace(self, database_url=url)


def mask_password(url: str) -> str:
    """``postgresql+psycopg://bdars:secret@host/db`` → ``postgresql+psycopg://bdars:***@host/db``."""
    parts = urlsplit(url)
    if parts.password:
        parts = parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@", 1))
    if parts.query:
        query = [
            (key, "***" if key.lower() in ("password", "passwd", "pass") else value)
            for key, value in parse_qsl(parts.query, keep_blank_values=True)
        ]
        parts = parts._replace(query=urlencode(query, safe="*"))
    return urlunsplit(parts)


def _config_file(environ: dict[str, str]) -> Path | None:
    if environ.get("BDARS_CONFIG"):
        path = Path(environ["BDARS_CONFIG"]).expanduser()
        if not path.is_file():
            raise ConfigError(f"BDARS_CONFIG points to {path}, which is not a file.")
        return path
    local = Path("bdars.toml")
    if local.is_file():
        return local.resolve()
    xdg = environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    candidate = Path(xdg) / "bdars" / "config.toml"
    return candidate if candidate.is_file() else None


def _read_toml(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(
            f"{path} is not valid TOML: {error}. Fix the file or unset BDARS_CONFIG."
        ) from None


_KNOWN = {
    "data_dir",
    "database_url",
    "key_file",
    "secret_key",
    "session_minutes",
    "dashboard_port",
    "jurisdictions_file",
    "boundaries_file",
}


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Read the settings file and environment once. Unknown keys are an error, not ignored."""
    env = dict(os.environ if environ is None else environ)
    config_file = _config_file(env)
    values: dict[str, object] = _read_toml(config_file) if config_file else {}
    unknown = sorted(set(values) - _KNOWN)
    if unknown:
        raise ConfigError(
            f"{config_file}: unknown setting(s) {', '.join(unknown)}; "
            f"known settings are {', '.join(sorted(_KNOWN))}."
        )
    for name in _KNOWN:
        env_value = env.get(f"BDARS_{name.upper()}")
        if env_value:
            values[name] = env_value
    data_dir = Path(str(values.get("data_dir") or _default_data_dir())).expanduser()
    database_url = str(values.get("database_url") or f"sqlite:///{data_dir / 'bdars.sqlite3'}")
    key_file = Path(str(values.get("key_file") or data_dir / "bdars.key")).expanduser()
    settings = Settings(
        data_dir=data_dir,
        database_url=database_url,
        key_file=key_file,
        secret_key=str(values["secret_key"]) if values.get("secret_key") else None,
        config_file=config_file,
        session_minutes=_as_int(values, "session_minutes", 60),
        dashboard_port=_as_int(values, "dashboard_port", 8501),
        jurisdictions_file=_as_path(values, "jurisdictions_file"),
        boundaries_file=_as_path(values, "boundaries_file"),
    )
    if not settings.database_url.startswith(("sqlite", "postgresql")):
        raise ConfigError(
            f"database_url must start with sqlite:/// or postgresql+psycopg://, "
            f"found {settings.masked_database_url!r}."
        )
    return settings


def _as_path(values: dict[str, object], name: str) -> Path | None:
    raw = values.get(name)
    return Path(str(raw)).expanduser() if raw else None


def _as_int(values: dict[str, object], name: str, default: int) -> int:
    raw = values.get(name, default)
    try:
        return int(str(raw))
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, found {raw!r}.") from None


def describe(settings: Settings) -> list[tuple[str, str]]:
    """The settings as (name, value) rows for ``bdars config``, with secrets masked."""
    rows = []
    for field in fields(settings):
        value = getattr(settings, field.name)
        if field.name == "database_url":
            value = settings.masked_database_url
        elif field.name == "secret_key":
            value = "set (hidden)" if value else "not set; using key_file"
        rows.append((field.name, "" if value is None else str(value)))
    return rows
