"""The one exception that refuses a whole file; its own module so that `ingest.sniff` and `ingest.base` can
both use it without importing each other."""

from __future__ import annotations


class FileRejected(Exception):
    """The whole file is refused (not readable as text, wrong format, required columns missing, nothing for the
    gemeente asked for): the importer raises it BEFORE anything is written, and `kaart ingest` exits 2 with the
    Dutch reason. Rows that are merely bad are report lines (exit 1), never this."""

    def __init__(self, reason: str, file: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.file = file

    def __str__(self) -> str:
        return f"{self.file}: {self.reason}" if self.file else self.reason
