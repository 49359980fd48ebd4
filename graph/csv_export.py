"""The one CSV writer of the kaart: every CSV the kaart writes goes through `writer`/`dict_writer`/`to_text`.

CSV files for people (the beheer downloads `historie.csv`/`metadata.csv`, `dekking.csv`, the import report of
`kaart ingest --report x.csv`) are opened in a spreadsheet, which runs a cell that starts with `=`, `+`, `-`
or `@` as a formula (`-2+3+cmd|' /C calc'!A0`, `=HYPERLINK(…)`). By the OWASP rule for CSV injection every
text cell that starts with one of `= + - @`, a tab or a carriage return gets a `'` in front. No exceptions for
phone numbers (`+31 …` becomes `'+31 …`): an exception is exactly the hole (`-2+3+cmd…`, `+1+HYPERLINK(…)`).
Numbers that are Python numbers are not text and stay as they are.

The HSDS datapackage (`kaart export hsds`) uses the same writer with `formulas=False`: it is data for other
programs, validated against the HSDS schemas and read back by `kaart ingest hsds`, so every value must be
exactly what is in the graph (a `'` would change phone numbers and descriptions and break the round trip).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import IO, Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """The value, with a `'` in front when it is text that a spreadsheet would read as a formula. A carriage
    return inside a text becomes a line feed: with `\n` line ends the csv module would not quote it, and
    the row would break in two in a spreadsheet."""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_START):
        value = "'" + value
    return value.replace("\r\n", "\n").replace("\r", "\n") if "\r" in value else value


class Writer:
    """`csv.writer` with every cell passed through `safe_cell` (unless `formulas=False`)."""

    def __init__(self, fh: IO[str], *, formulas: bool = True, **kwargs: Any) -> None:
        self._w = csv.writer(fh, **kwargs)
        self._safe = formulas

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._w.writerow([safe_cell(v) for v in row] if self._safe else list(row))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


class DictWriter(csv.DictWriter):
    """`csv.DictWriter` with every value passed through `safe_cell` (the header row too)."""

    def writerow(self, rowdict):  # noqa: ANN001, ANN201 - csv's signature
        return super().writerow({k: safe_cell(v) for k, v in rowdict.items()})

    def writeheader(self):  # noqa: ANN201
        return self.writer.writerow([safe_cell(f) for f in self.fieldnames])


def writer(fh: IO[str], *, formulas: bool = True, **kwargs: Any) -> Writer:
    """A CSV writer for `fh`. `formulas=False` only for data files for programs (HSDS), see the module doc."""
    return Writer(fh, formulas=formulas, **kwargs)


def dict_writer(fh: IO[str], fieldnames: Sequence[str], **kwargs: Any) -> DictWriter:
    return DictWriter(fh, fieldnames=fieldnames, **kwargs)


def to_text(header: Sequence[str], rows: Iterable[Iterable[Any]], *, lineterminator: str = "\n") -> str:
    """A whole CSV (header and rows) as text, for a download."""
    out = io.StringIO()
    w = writer(out, lineterminator=lineterminator)
    w.writerow(header)
    w.writerows(rows)
    return out.getvalue()
