"""Ingest: intake files in, raw reports (verbatim, never changed) and quarantined rows out."""

from pipelines.ingest.loader import FileSummary, IngestSummary, RowIssue, ingest_files
from pipelines.ingest.mapping import ColumnMapping, load_mapping

__all__ = [
    "ColumnMapping",
    "FileSummary",
    "IngestSummary",
    "RowIssue",
    "ingest_files",
    "load_mapping",
]
