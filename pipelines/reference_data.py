"""The user's own reference data, when settings name it: an official boundary file (GeoJSON or
shapefile) and a jurisdictions table that moves a municipality to another police agency."""

from __future__ import annotations

import hashlib

from analytics.extract import places
from analytics.extract.places.boundaries import load_boundaries
from analytics.extract.places.reference import PlaceDataError, load_jurisdictions
from pipelines.errors import ConfigError
from pipelines.settings import Settings


def configure_places(settings: Settings) -> str:
    """Install the configured place data for normalising; returns a fingerprint of it ("" when
    the shipped data is used) so that changing a file re-normalises the reports it affects."""
    if not settings.jurisdictions_file and not settings.boundaries_file:
        places.use(None)
        return ""
    digest = hashlib.sha256()
    jurisdictions = None
    boundaries = None
    if settings.jurisdictions_file:
        text = _read_text(settings.jurisdictions_file, "jurisdictions_file")
        digest.update(text.encode())
        jurisdictions = _parsed(settings.jurisdictions_file, lambda: load_jurisdictions(text))
    if settings.boundaries_file:
        path = settings.boundaries_file
        digest.update(path.read_bytes() if path.is_file() else b"")
        boundaries = _parsed(path, lambda: load_boundaries(_boundary_source(path)))
    places.use(places.Places(boundaries=boundaries, jurisdictions=jurisdictions))
    return digest.hexdigest()[:16]


def _read_text(path, setting: str) -> str:  # type: ignore[no-untyped-def]
    try:
        return path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise ConfigError(f"{setting} {path} cannot be read: {error.strerror}.") from None


def _boundary_source(path):  # type: ignore[no-untyped-def]
    if path.suffix.lower() in (".geojson", ".json"):
        return _read_text(path, "boundaries_file")
    import geopandas

    try:
        return geopandas.read_file(path)
    except Exception as error:  # noqa: BLE001 - any reader failure is a configuration problem
        raise ConfigError(
            f"boundaries_file {path} cannot be read as GeoJSON or a shapefile: {error}"
        ) from None


def _parsed(path, build):  # type: ignore[no-untyped-def]
    try:
        return build()
    except PlaceDataError as error:
        raise ConfigError(f"{path}: {error}") from None
