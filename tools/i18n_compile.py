"""Compile the interface catalogues (webapp/translations/<lang>/LC_MESSAGES/messages.po → .mo), as `pybabel
compile` does, but leave out a plural message that is not fully translated: Babel would write its empty
strings into the .mo and the page would show nothing instead of the Dutch fallback. Prints per language how
much is translated. Run by `make translations`; the .mo files are committed (ADR 0084)."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "webapp" / "translations"


def usable(message) -> bool:
    """Translated, not fuzzy, and for a plural every form filled in."""
    if not message.id or message.fuzzy:
        return False
    if isinstance(message.string, (tuple, list)):
        return all(message.string)
    return bool(message.string)


def compile_catalogue(po: Path) -> tuple[int, int]:
    """Write the .mo next to `po`; returns (translated, total)."""
    with po.open("rb") as fh:
        catalog = read_po(fh)
    total = sum(1 for m in catalog if m.id)
    for message in list(catalog):
        if message.id and not usable(message):
            catalog.delete(message.id, message.context)
    translated = sum(1 for m in catalog if usable(m))
    with po.with_suffix(".mo").open("wb") as fh:
        write_mo(fh, catalog)
    return translated, total


def main() -> int:
    for po in sorted(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po")):
        translated, total = compile_catalogue(po)
        print(f"{po.parent.parent.name}: {translated} of {total} texts translated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
