"""The shared shape of every importer: read → plain frozen records → validate → upsert in batches.

A bad row is reported with its file, row number and reason and skipped; it never aborts the run and never
half-writes (records are validated before anything is written, and each record is written in one unit).
The report (`kaart ingest … --report FILE`) has one line per row: created, updated, unchanged, rejected,
warning or proposal, with the reason.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from graph import csv_export


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


@dataclass(frozen=True)
class RowIssue:
    file: str
    row: int  # 1-based data row number (header is row 0; 0 = the file as a whole)
    record_id: str | None
    outcome: str  # rejected | warning | proposal (issues); created | updated | unchanged (rows)
    reason: str


@dataclass
class Report:
    source: str
    dry_run: bool = False
    counts: Counter[str] = field(default_factory=Counter)
    issues: list[RowIssue] = field(default_factory=list)
    rows: list[RowIssue] = field(default_factory=list)  # the outcome of every row that was written

    def reject(self, file: str, row: int, record_id: str | None, reason: str) -> None:
        self.issues.append(RowIssue(file, row, record_id, "rejected", reason))
        self.counts["rejected"] += 1

    def warn(self, file: str, row: int, record_id: str | None, reason: str) -> None:
        self.issues.append(RowIssue(file, row, record_id, "warning", reason))
        self.counts["warnings"] += 1

    def propose(self, file: str, row: int, record_id: str | None, reason: str, *, new: bool = True) -> None:
        """A change that waits for a coördinator (review queue)."""
        self.issues.append(RowIssue(file, row, record_id, "proposal", reason))
        if new:
            self.counts["proposals"] += 1

    def outcome(self, file: str, row: int, record_id: str | None, outcome: str, reason: str = "") -> None:
        self.rows.append(RowIssue(file, row, record_id, outcome, reason))

    def add_upsert(self, kind: str, result: Any) -> None:
        for key, value in result.as_dict().items():
            self.counts[key] += value
            self.counts[f"{kind}_{key}"] += value

    def summary(self) -> dict[str, int]:
        keys = ["created", "updated", "unchanged", "rejected", "proposals", "warnings"]
        out = {k: int(self.counts.get(k, 0)) for k in keys}
        out.update({k: int(v) for k, v in sorted(self.counts.items()) if k not in out})
        return out

    def lines(self) -> list[RowIssue]:
        """Every report line, by file and row."""
        return sorted(self.rows + self.issues, key=lambda i: (i.file, i.row, i.record_id or "", i.outcome))

    def write(self, path: Path) -> None:
        """Row-level report: CSV (by extension .csv) or JSON."""
        path = Path(path)
        if path.suffix.lower() == ".csv":
            with path.open("w", newline="", encoding="utf-8") as fh:
                w = csv_export.writer(fh)  # a report for people: formulas neutralised
                w.writerow(["file", "row", "id", "outcome", "reason"])
                for i in self.lines():
                    w.writerow([i.file, i.row, i.record_id or "", i.outcome, i.reason])
        else:
            path.write_text(
                json.dumps(
                    {
                        "source": self.source,
                        "dry_run": self.dry_run,
                        "counts": self.summary(),
                        "rows": [i.__dict__ for i in self.lines()],
                    },
                    ensure_ascii=False,
                    indent=2,
                ),
                encoding="utf-8",
            )


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM), else cp1252 (what Excel and the LRK/DUO exports write)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


Rows = list[tuple[int, dict[str, str]]]  # (1-based data row number, values by header); blank rows left out


def read_csv_table(path: Path, *, strip: bool = True) -> tuple[list[str], Rows]:
    """Header and numbered rows of a CSV file: UTF-8 or cp1252, `,` `;` or tab separated; keys (and, unless
    `strip=False`, values) stripped. Row numbers count every data row after the header (row 1 is the
    spreadsheet's second line)."""
    text = decode(Path(path).read_bytes())
    first = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(first))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        return [], []
    rows: Rows = []
    for n, values in enumerate(reader, start=1):
        if any(v.strip() for v in values):
            cells = [(v.strip() if strip else v) for v in values]
            rows.append((n, {h: (cells[i] if i < len(cells) else "") for i, h in enumerate(header) if h}))
    return header, rows


def read_csv_rows(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV file as dicts; UTF-8 (with or without BOM) or cp1252, `,` or `;` separated."""
    return [row for _, row in read_csv_table(path)[1]]


def read_xlsx_table(path: Path, sheet: str | None = None) -> tuple[list[str], Rows]:
    """Header and numbered rows of the first (or named) sheet of an .xlsx file; every cell as text."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        ws = wb[sheet] if sheet else wb.worksheets[0]
        it = ws.iter_rows(values_only=True)
        header_row = next(it, None)
        if header_row is None:
            return [], []
        header = [str(h).strip() if h is not None else "" for h in header_row]
        rows: Rows = []
        for n, values in enumerate(it, start=1):
            cells = [_cell_text(v) for v in values]
            if any(cells):
                rows.append((n, {h: (cells[i] if i < len(cells) else "") for i, h in enumerate(header) if h}))
        return header, rows
    finally:
        wb.close()


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return (
            value.date().isoformat()
            if (value.hour, value.minute, value.second) == (0, 0, 0)
            else value.isoformat()
        )
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_table(path: Path, sheet: str | None = None) -> tuple[list[str], Rows]:
    path = Path(path)
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        return read_xlsx_table(path, sheet)
    return read_csv_table(path)
