"""The spreadsheet's way of saying a service is for professionals only (ADR 0116; issue 12, i18n7).

A coördinator writes it as a column "alleen voor professionals" (ja/nee), as a column "publiek" (ja/nee; nee is
for professionals only), or as a word in the doelgroep column ("professionals", "hulpverleners"). The cell words
besides ja/nee are data (ontology/publiek.yaml `spreadsheet`). A value that says neither rejects the row with
its reason: a guess either sends residents to a casusoverleg or hides help from them. A sheet that says nothing
(no column, empty cells) is read from the service's own words, as an HSDS package without the taxonomy is.
"""

from __future__ import annotations

from ingest import vocab
from ontology.publiek import load_publiek

COLUMNS: dict[str, tuple[str, ...]] = {
    "alleen_professionals": (
        "alleen voor professionals", "alleen professionals", "voor professionals", "professionals only",
        "professional only", "professional_only", "alleen voor hulpverleners", "alleen hulpverleners",
    ),
    "publiek": ("publiek", "openbaar", "publiek toegankelijk", "voor inwoners", "public"),
}  # fmt: skip
YES = frozenset({"ja", "j", "yes", "y", "true", "waar", "1", "x", "v"})
NO = frozenset({"nee", "n", "no", "false", "onwaar", "0", "-"})


def _words(kind: str) -> frozenset[str]:
    publiek = load_publiek()
    return frozenset(vocab.fold(w) for w in getattr(publiek, f"sheet_{kind}"))


def _cell(value: str, yes_means_professionals: bool) -> bool | None:
    """True: for professionals only; False: for residents; None: the cell says neither."""
    word = vocab.fold(value)
    if word in YES:
        return yes_means_professionals
    if word in NO:
        return not yes_means_professionals
    if word in _words("professionals"):
        return True
    if word in _words("residents"):
        return False
    return None


def doelgroep_without_professionals(cell: str | None) -> tuple[str, bool]:
    """The doelgroep cell without the words that say "for professionals" (they are no doelgroep of ours, so they
    are not reported as unknown), and whether it had one."""
    parts = vocab.split_cell(cell)
    kept = [p for p in parts if vocab.fold(p) not in _words("professionals")]
    return ", ".join(kept), len(kept) < len(parts)


def professional_only(row: dict[str, str], in_doelgroep: bool) -> tuple[bool | None, str | None]:
    """(the flag the sheet gives, or None when it says nothing; the reason to reject the row, or None)."""
    said: list[tuple[str, bool]] = []
    for column, yes_means_professionals in (("alleen_professionals", True), ("publiek", False)):
        value = (row.get(column) or "").strip()
        if not value:
            continue
        flag = _cell(value, yes_means_professionals)
        if flag is None:
            header = COLUMNS[column][0]
            return None, f"{header}: {value!r} is geen ja of nee (vul ja, nee of niets in)"
        said.append((COLUMNS[column][0], flag))
    if in_doelgroep:
        said.append(("doelgroep", True))
    if len({flag for _, flag in said}) > 1:
        which = ", ".join(f"{h}: {'alleen professionals' if f else 'publiek'}" for h, f in said)
        return None, f"alleen voor professionals of publiek? De kolommen spreken elkaar tegen ({which})"
    return (said[0][1] if said else None), None
