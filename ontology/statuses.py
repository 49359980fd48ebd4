"""The kinds of temporary status (ontology/statuses.yaml): tijdelijk gesloten, geen nieuwe aanmeldingen,
verhuisd, eigen bericht, and for professionals only "bestaat, maar nu niet doorverwijzen".

Vocabulary is data: the ids are stable (stored in the graph, exported as HSDS attribute codes); labels and what
the matcher does with a kind live in the YAML file, not in code."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

STATUSES_FILE = Path(__file__).resolve().parent / "statuses.yaml"
AUDIENCES = ("public", "professional")
MATCHER_EFFECTS = ("lower", "hide", "none")
APPLIES_TO = ("service", "organisation")


@dataclass(frozen=True)
class StatusKind:
    id: str
    label: str
    b1_label: str
    audience: str = "public"  # public | professional
    applies_to: tuple[str, ...] = APPLIES_TO
    matcher: str = "none"  # lower | hide | none
    hsds_status: str = ""  # e.g. "temporarily closed" while the status holds
    text_required: bool = False
    why: str = ""

    @property
    def public(self) -> bool:
        return self.audience == "public"


@functools.cache
def _load(path: Path) -> tuple[StatusKind, ...]:
    with path.open(encoding="utf-8") as fh:
        rows = yaml.safe_load(fh) or []
    kinds = []
    for n, row in enumerate(rows, 1):
        kind = StatusKind(
            id=str(row["id"]),
            label=str(row["label"]),
            b1_label=str(row.get("b1_label") or row["label"]),
            audience=str(row.get("audience") or "public"),
            applies_to=tuple(row.get("applies_to") or APPLIES_TO),
            matcher=str(row.get("matcher") or "none"),
            hsds_status=str(row.get("hsds_status") or ""),
            text_required=bool(row.get("text_required")),
            why=str(row.get("why") or ""),
        )
        problems = validate_kind(kind)
        if problems:
            raise ValueError(f"{path.name} item {n} ({kind.id}): {'; '.join(problems)}")
        kinds.append(kind)
    if len({k.id for k in kinds}) != len(kinds):
        raise ValueError(f"{path.name}: dubbele id")
    return tuple(kinds)


def validate_kind(kind: StatusKind) -> list[str]:
    problems = []
    if kind.audience not in AUDIENCES:
        problems.append(f"audience {kind.audience!r} onbekend")
    if kind.matcher not in MATCHER_EFFECTS:
        problems.append(f"matcher {kind.matcher!r} onbekend")
    if not set(kind.applies_to) <= set(APPLIES_TO):
        problems.append(f"applies_to {kind.applies_to!r} onbekend")
    if kind.hsds_status not in ("", "active", "inactive", "defunct", "temporarily closed"):
        problems.append(f"hsds_status {kind.hsds_status!r} is geen HSDS-status")
    if kind.matcher == "hide" and kind.public:
        problems.append("verbergen in de openbare resultaten kan alleen bij een status voor professionals")
    return problems


def load_statuses(path: Path | None = None) -> tuple[StatusKind, ...]:
    """Every kind of temporary status, in the order of the file (cached)."""
    return _load(Path(path).resolve() if path is not None else STATUSES_FILE)


def status_kinds(path: Path | None = None) -> dict[str, StatusKind]:
    return {k.id: k for k in load_statuses(path)}
