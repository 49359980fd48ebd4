"""The input boundary for importers (graph/input.py): every record of every source passes here before it is
written (`write_mapped`), so `kaart ingest csv|xlsx|hsds|lrk|duo|netwerken|document` share one set of rules.

A record with a control character in a text, a web address that is not http(s) (`javascript:…`) or an e-mail
address that is not one plain address (`x@y.nl?cc=…`) is rejected with its file, row number and reason, and
so are the records that hang from it (the services and phones of a rejected organisation). The reason names
the field, never the value (it may be anything).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from graph.input import MAX_TEXT, InputRejected, check_email, check_text, check_url

URL_FIELDS = ("website", "url")
EMAIL_FIELDS = ("email",)
# Free text that may run over several lines; every other text field is one line (a line break in a name ends up
# in mail headers and CSV cells).
MULTILINE_FIELDS = (
    "description",
    "application_process",
    "eligibility_description",
    "fees_description",
    "wait_time",
    "opening_hours",
    "address_1",
)
_LABELS = (
    ("organisations", "Organisation"),
    ("locations", "Location"),
    ("services", "Service"),
    ("phones", "Phone"),
    ("netwerken", "Netwerk"),
)


def record_problems(record: Any) -> list[str]:
    """What is wrong with one record, as `field: reason` (Dutch), empty when it may pass."""
    problems = []
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        values = value if isinstance(value, tuple) else (value,)
        for item in values:
            if not isinstance(item, str) or not item:
                continue
            try:
                if f.name in URL_FIELDS:
                    check_url(item)
                elif f.name in EMAIL_FIELDS:
                    check_email(item)
                elif f.name in MULTILINE_FIELDS:
                    check_text(item, multiline=True, max_len=MAX_TEXT)
                else:  # names, ids, places, numbers: one line, like the beheer forms ask
                    check_text(item, multiline=False, max_len=MAX_TEXT)
            except InputRejected as exc:
                problems.append(f"{f.name} {exc}")
    return problems


def screen(mapped: Any, report: Any) -> None:
    """Drop the records of `mapped` that do not pass, with a rejection per record in `report`."""
    rejected: dict[str, set[str]] = {label: set() for _, label in _LABELS}
    for attr, label in _LABELS:
        kept = []
        for record in getattr(mapped, attr):
            problems = record_problems(record)
            parent = _rejected_parent(record, rejected)
            if parent:
                problems.append(parent)
            if problems:
                rejected[label].add(record.id)
                file, row = mapped.where.get((label, record.id), ("", 0))
                report.reject(file, row, record.id, "; ".join(problems))
            else:
                kept.append(record)
        setattr(mapped, attr, kept)
    for label, ids in rejected.items():
        for rid in ids:
            mapped.hsds.pop((label, rid), None)


def _rejected_parent(record: Any, rejected: dict[str, set[str]]) -> str | None:
    org = getattr(record, "organization_id", None)
    if org and org in rejected["Organisation"]:
        return "hoort bij een afgewezen organisatie"
    svc = getattr(record, "service_id", None)
    if svc and svc in rejected["Service"]:
        return "hoort bij een afgewezen dienst"
    return None
