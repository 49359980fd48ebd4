"""The shared shape of every importer: read → plain frozen records → validate → upsert in batches.

A bad row is reported with its file, row number and reason and skipped; it never aborts the run and never
half-writes (records are validated before anything is written, and each record is written in one unit).
The report (`kaart ingest … --report FILE`) has one line per row: created, updated, unchanged, rejected,
warning or proposal, with the reason.
"""

from __future__ import annotations

import csv
import itertools
import json
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from graph import csv_export
from ingest import sniff
from ingest.errors import FileRejected  # re-exported: importers raise ingest.base.FileRejected


@dataclass(frozen=True)
class RowIssue:
    file: str
    row: int  # the line in Excel/a text editor (header = row 1, first data row = 2); 0 = the file as a whole
    record_id: str | None
    outcome: str  # rejected | warning | proposal (issues); created | updated | unchanged (rows)
    reason: str


ROW_NUMBERING = (
    "rij = regel zoals in Excel of een teksteditor: de kopregel is rij 1, de eerste gegevensrij rij 2"
)
DETAIL_LIMIT = 100  # rejected/warning rows kept one by one per file; beyond this only counted


@dataclass
class Report:
    """The outcome of one run. Rejections and warnings are kept in detail for the first DETAIL_LIMIT rows
    per file (and always for the file as a whole, row 0); the rest only counted, and said in one summary
    line: a national file with 280 000 bad rows gives a readable report in bounded memory."""

    source: str
    dry_run: bool = False
    counts: Counter[str] = field(default_factory=Counter)
    issues: list[RowIssue] = field(default_factory=list)
    rows: list[RowIssue] = field(default_factory=list)  # the outcome of every row that was written
    detail_limit: int = DETAIL_LIMIT
    _detailed: Counter[tuple[str, str]] = field(default_factory=Counter, repr=False)
    _hidden: Counter[tuple[str, str]] = field(default_factory=Counter, repr=False)

    def _issue(self, issue: RowIssue) -> None:
        key = (issue.file, issue.outcome)
        if issue.row == 0 or self._detailed[key] < self.detail_limit:
            self.issues.append(issue)
            if issue.row:
                self._detailed[key] += 1
        else:
            self._hidden[key] += 1

    def reject(self, file: str, row: int, record_id: str | None, reason: str) -> None:
        self._issue(RowIssue(file, row, record_id, "rejected", reason))
        self.counts["rejected"] += 1

    def warn(self, file: str, row: int, record_id: str | None, reason: str) -> None:
        self._issue(RowIssue(file, row, record_id, "warning", reason))
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

    def file_rejection(self) -> RowIssue | None:
        """The report line that refused the whole file (row 0, rejected), if any."""
        return next((i for i in self.issues if i.row == 0 and i.outcome == "rejected"), None)

    def raise_if_file_rejected(self) -> None:
        """Raise FileRejected when a mapping step refused the whole file; call it before writing."""
        issue = self.file_rejection()
        if issue is not None:
            raise FileRejected(issue.reason, issue.file)

    def summary(self) -> dict[str, int]:
        keys = ["created", "updated", "unchanged", "rejected", "proposals", "warnings"]
        out = {k: int(self.counts.get(k, 0)) for k in keys}
        out.update({k: int(v) for k, v in sorted(self.counts.items()) if k not in out})
        return out

    def not_detailed(self) -> int:
        """How many rejected/warning rows were only counted (beyond the detail limit)."""
        return sum(self._hidden.values())

    def summary_lines(self) -> list[RowIssue]:
        """One line per file and outcome with more rows than were kept in detail."""
        word = {"rejected": "afgewezen", "warning": "met een waarschuwing"}
        return [
            RowIssue(
                file,
                0,
                None,
                outcome,
                f"nog {n} rijen {word.get(outcome, outcome)} (alleen de eerste {self.detail_limit} staan hier)",
            )
            for (file, outcome), n in sorted(self._hidden.items())
        ]

    def lines(self) -> list[RowIssue]:
        """Every report line, by file and row (with the summary of rows not kept in detail)."""
        return sorted(
            self.rows + self.issues + self.summary_lines(),
            key=lambda i: (i.file, i.row, i.record_id or "", i.outcome),
        )

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
                        "row_numbering": ROW_NUMBERING,
                        "counts": self.summary(),
                        "rows": [i.__dict__ for i in self.lines()],
                    },
                    ensure_ascii=False,
                    indent=2,
                ),
                encoding="utf-8",
            )


def missing_columns(missing: list[str] | tuple[str, ...]) -> str:
    """The Dutch reason for missing columns, singular or plural: "kolom 'a' ontbreekt", "kolommen 'a' en 'b'
    ontbreken"."""
    names = [repr(c) for c in missing]
    if len(names) == 1:
        return f"kolom {names[0]} ontbreekt; bestand overgeslagen"
    return f"kolommen {', '.join(names[:-1])} en {names[-1]} ontbreken; bestand overgeslagen"


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def decode(raw: bytes) -> str:
    """Text of bytes already in memory (small files): the rules of `ingest.sniff` (BOM, UTF-8, UTF-16; stray
    non-UTF-8 bytes read as Windows-1252; a cp1252 file as cp1252); FileRejected when it is not text."""
    return sniff.decode_bytes(raw)


def sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


Rows = list[tuple[int, dict[str, str]]]  # (line number, header = 1; values by header); blank rows left out
HeaderFinder = Callable[[list[list[str]]], int]  # the first rows of a sheet -> index of its header row
HEADER_SEARCH = 10  # a header is looked for among this many first rows (title rows above it)


RowStream = Iterator[tuple[int, dict[str, str]]]  # numbered rows, read while they are used


def _numbered_stream(
    records: Iterator[list[str]], strip: bool, find_header: HeaderFinder | None
) -> tuple[list[str], RowStream]:
    """Header (decided on the first lines) and a stream of numbered rows from raw records. A row's number is
    its line as a person sees it in Excel or a text editor: the header, when it is the first line, is row 1
    and the first data row is row 2; with title rows above the header, numbers still match the sheet."""
    head: list[list[str]] = []
    for values in records:
        head.append(values)
        if find_header is None or len(head) >= HEADER_SEARCH:
            break
    if not head:
        return [], iter(())
    at = find_header(head) if find_header is not None else 0
    header = [h.strip() for h in head[at]]

    def rows() -> RowStream:
        for n, values in enumerate(itertools.chain(head[at + 1 :], records), start=at + 2):
            if any(v.strip() for v in values):
                cells = [(v.strip() if strip else v) for v in values]
                yield (n, {h: (cells[i] if i < len(cells) else "") for i, h in enumerate(header) if h})

    return header, rows()


def _numbered(
    records: Iterator[list[str]], strip: bool, find_header: HeaderFinder | None
) -> tuple[list[str], Rows]:
    header, rows = _numbered_stream(records, strip, find_header)
    return header, list(rows)


@contextmanager
def open_csv_table(
    path: Path,
    *,
    strip: bool = True,
    problems: Any = None,
    find_header: HeaderFinder | None = None,
) -> Iterator[tuple[list[str], RowStream]]:
    """Like `read_csv_table`, but the rows are streamed while the file is open: a national register is
    filtered row by row (memory bounded by what is kept, not by the file), and a file without the right
    header is refused after its first lines."""
    path = Path(path)
    stream, enc = sniff.open_text(path)
    with stream:
        first = stream.readline(sniff.SAMPLE)
        if not first.strip():
            if not stream.read(sniff.SAMPLE).strip():  # nothing at all: say so, not "kolom … ontbreekt"
                raise FileRejected("het bestand is leeg", path.name)
            yield [], iter(())
            return
        stream.seek(0)
        reader = csv.reader(sniff.lines(stream, path.name), delimiter=sniff_delimiter(first))

        escaped = sniff.ESCAPED.search

        def records() -> Iterator[list[str]]:
            try:
                for n, values in enumerate(reader):
                    if escaped("".join(values)):  # a stray byte: repaired, and said on its row
                        values, found = sniff.repair_row(values, enc)
                        for reason in found if problems is not None else ():
                            problems.add(n + 1, reason)  # the line number (header = 1)
                    yield values
            except csv.Error as exc:
                raise FileRejected(
                    f"geen leesbare CSV (regel {reader.line_num}: {exc}); sla het bestand op als CSV UTF-8",
                    path.name,
                ) from None

        yield _numbered_stream(records(), strip, find_header)


@contextmanager
def open_table(
    path: Path,
    sheet: str | None = None,
    *,
    problems: Any = None,
    find_header: HeaderFinder | None = None,
) -> Iterator[tuple[list[str], RowStream]]:
    """A CSV (streamed, see `open_csv_table`) or .xlsx table (by extension) as header + row stream."""
    path = Path(path)
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        header, rows = read_xlsx_table(path, sheet, find_header=find_header)
        yield header, iter(rows)
        return
    with open_csv_table(path, problems=problems, find_header=find_header) as table:
        yield table


def read_csv_table(
    path: Path,
    *,
    strip: bool = True,
    problems: Any = None,
    find_header: HeaderFinder | None = None,
) -> tuple[list[str], Rows]:
    """Header and numbered rows of a CSV file: encoding decided once on a sample (`ingest.sniff`: UTF-8 with
    or without BOM, UTF-16, Windows-1252; not text or not certain → FileRejected), then streamed; `,` `;` or
    tab separated; keys (and, unless `strip=False`, values) stripped. Row numbers are lines as in Excel or a
    text editor (header = row 1, first data row = row 2). Stray bytes are repaired per row and, when
    `problems` (an `ingest.sniff.Problems`) is given, reported there with their row."""
    with open_csv_table(path, strip=strip, problems=problems, find_header=find_header) as (header, rows):
        return header, list(rows)


def read_csv_rows(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV file as dicts; UTF-8 (with or without BOM) or cp1252, `,` or `;` separated."""
    return [row for _, row in read_csv_table(path)[1]]


XLSX_MERGE_LIMIT = 20 * 1024 * 1024  # merged cells need the full (not read-only) workbook: small files only


def read_xlsx_table(
    path: Path, sheet: str | None = None, *, find_header: HeaderFinder | None = None
) -> tuple[list[str], Rows]:
    """Header and numbered rows of the first (or named) sheet of an .xlsx file; every cell as text. Merged
    cells (an organisation over a block of rows) give their value to every cell they cover."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    small = path.stat().st_size <= XLSX_MERGE_LIMIT
    try:
        wb = load_workbook(path, read_only=not small, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise FileRejected(f"geen leesbaar Excel-bestand (.xlsx): {exc}", path.name) from None
    try:
        try:
            ws = wb[sheet] if sheet else wb.worksheets[0]
        except KeyError:
            raise FileRejected(
                f"werkblad {sheet!r} bestaat niet (wel: {', '.join(wb.sheetnames)})", path.name
            ) from None
        merged: dict[tuple[int, int], Any] = {}
        for rng in getattr(ws, "merged_cells", None) and ws.merged_cells.ranges or ():
            value = ws.cell(rng.min_row, rng.min_col).value
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    merged[(r, c)] = value

        def records() -> Iterator[list[str]]:
            for r, values in enumerate(ws.iter_rows(values_only=True), start=1):
                if merged:
                    values = tuple(
                        merged.get((r, c), v) if v is None else v for c, v in enumerate(values, start=1)
                    )
                yield [_cell_text(v) for v in values]

        return _numbered(records(), True, find_header)
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


def read_table(
    path: Path,
    sheet: str | None = None,
    *,
    problems: Any = None,
    find_header: HeaderFinder | None = None,
) -> tuple[list[str], Rows]:
    """A CSV or .xlsx table (by extension); see `read_csv_table` and `read_xlsx_table`."""
    path = Path(path)
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        return read_xlsx_table(path, sheet, find_header=find_header)
    return read_csv_table(path, problems=problems, find_header=find_header)


def report_problems(report: Report, file: str, problems: Any, *, offset: int = 0) -> None:
    """The reader's row problems (stray bytes, by line number) as warnings in the report."""
    for row, reason in problems:
        report.warn(file, row + offset if row else 0, None, reason)
