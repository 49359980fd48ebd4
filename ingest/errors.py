"""The one exception every importer raises for a refused file (`kaart ingest` exits 2); re-exported by
ingest/base.py. Its own module so that ingest/sniff.py (which ingest/base.py uses) can raise it too."""

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
