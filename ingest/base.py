"""The shared shape of every importer: read → plain frozen records → validate → upsert in batches.

A bad row is reported with its file, row number and reason and skipped; it never aborts the run and never
half-writes (records are validated before anything is written, and each record is written in one unit).
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class RowIssue:
    file: str
    row: int  # 1-based data row number (header is row 0)
    record_id: str | None
    outcome: str  # rejected | warning
    reason: str


@dataclass
class Report:
    source: str
    dry_run: bool = False
    counts: Counter[str] = field(default_factory=Counter)
    issues: list[RowIssue] = field(default_factory=list)

    def reject(self, file: str, row: int, record_id: str | None, reason: str) -> None:
        self.issues.append(RowIssue(file, row, record_id, "rejected", reason))
        self.counts["rejected"] += 1

    def warn(self, file: str, row: int, record_id: str | None, reason: str) -> None:
        self.issues.append(RowIssue(file, row, record_id, "warning", reason))
        self.counts["warnings"] += 1

    def add_upsert(self, kind: str, result: Any) -> None:
        for key, value in result.as_dict().items():
            self.counts[key] += value
            self.counts[f"{kind}_{key}"] += value

    def summary(self) -> dict[str, int]:
        keys = ["created", "updated", "unchanged", "rejected", "proposals", "warnings"]
        out = {k: int(self.counts.get(k, 0)) for k in keys}
        out.update({k: int(v) for k, v in sorted(self.counts.items()) if k not in out})
        return out

    def write(self, path: Path) -> None:
        """Row-level report: CSV (by extension .csv) or JSON."""
        path = Path(path)
        if path.suffix.lower() == ".csv":
            with path.open("w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh)
                w.writerow(["file", "row", "id", "outcome", "reason"])
                for i in self.issues:
                    w.writerow([i.file, i.row, i.record_id or "", i.outcome, i.reason])
        else:
            path.write_text(
                json.dumps(
                    {
                        "source": self.source,
                        "dry_run": self.dry_run,
                        "counts": self.summary(),
                        "rows": [i.__dict__ for i in self.issues],
                    },
                    ensure_ascii=False,
                    indent=2,
                ),
                encoding="utf-8",
            )


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def read_csv_rows(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV file as dicts; UTF-8 (with or without BOM) or cp1252, `,` or `;` separated."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(text.splitlines(), delimiter=delimiter)
    return [{(k or "").strip(): (v or "").strip() for k, v in row.items() if k is not None} for row in reader]
