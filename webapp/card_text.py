"""A card's own text on a "je" page (tester25 N-R, ADR 0189).

Why: on a page that says "je" (a child or teenager writes), the box and the why-lines said "je", but the cards of
113 ("Denkt u aan zelfmoord …") and Veilig Thuis ("Maakt u zich zorgen …") showed the service's own description in
"u": a teenager read both on one screen. A service's description is the organisation's text, in "u". On a "je" page
a card shows the service's text in "je" from the gemeente profile (`cards_je`: the same text said to a young reader,
translated like the front door's own text); a description that says "u" without one gives way to a short "je" line
(labels-inwoner.yaml `registers.je.lines.card_more`) that points to the service's page. A description that says
neither stays as it is. The front door keeps its own "je" text (the row's `door_text`, ADR 0145).

Privacy: reads the result's register only, never the question's text.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from flask import current_app
from markupsafe import Markup

WORDS_FILE = Path(__file__).resolve().parents[1] / "ontology" / "card-register.yaml"


@cache
def _u_words() -> re.Pattern[str]:
    raw = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8")) or {}
    words = sorted((re.escape(str(w)) for w in raw.get("u_words") or ()), key=len, reverse=True)
    return (
        re.compile(r"(?<![\w'])(?:" + "|".join(words) + r")(?![\w'])", re.I) if words else re.compile("(?!)")
    )


def says_u(text: str | None) -> bool:
    """The text addresses its reader as "u" (card-register.yaml `u_words`, whole words)."""
    return bool(text) and bool(_u_words().search(text or ""))


def card_text_je(service: Any, row: Any, result: Any) -> str:
    """The Dutch text a card shows instead of its description on a "je" page, or "" (the description as it is):
    the profile's `cards_je` text of the service, else the short "je" line for a description in "u"."""
    if getattr(result, "register", None) != "je" or (row and row.get("door_text")):
        return ""
    profile = current_app.extensions.get("kaart_gemeente")
    own = (getattr(profile, "cards_je", None) or {}).get(getattr(service, "id", ""), "")
    if own:
        return own
    if not says_u(getattr(service, "description", None)):
        return ""
    from ontology.inwoner import load_inwoner_labels

    return load_inwoner_labels().register("je").lines.get("card_more", "")


def init_card_text(app: Any) -> None:
    """`kaart_je_tekst(s, r, result)` in the templates: the card's "je" text in the interface language (as the
    door's text: Dutch, marked lang="nl", where a translation is missing), or an empty Markup."""
    from webapp.notices import door_text_shown

    def kaart_je_tekst(service: Any, row: Any = None, result: Any = None) -> Markup:
        text = card_text_je(service, row, result)
        return door_text_shown(text) if text else Markup("")

    app.jinja_env.globals["kaart_je_tekst"] = kaart_je_tekst
