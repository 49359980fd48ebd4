"""Where the writer lives now, among the places a question names (m12test20 "Place messages", ADR 0175).

Why a module of its own: "Ik ben van Winterswijk naar Aalten verhuisd, hoe vind ik een huisarts?" measured from
Winterswijk, "de eerste plaats in uw vraag", while the writer lives in Aalten now. The first place named is often
where one came from ("ik kom uit Doetinchem en woon nu in Lintelo"), lived before ("eerst in Doetinchem"), or works
("ik werk in Winterswijk maar woon in Aalten"). Here each place is read by what its clause says the writer does
there — a general reading of who does what, not a list of sentences:
- NOW: the place moved to with a move told as done ("naar Aalten verhuisd", "verhuisd naar IJzerlo"), or the writer's
  own "woon" ("ik woon sinds kort in Dinxperlo", "wij wonen in …");
- BEFORE: the place moved from with a move told as done, where one comes from ("kom uit", "geboren in"), a former
  cue in its clause ("eerst in", "vroeger woonde ik in");
- STAY: where one wants to stay ("maar ik wil in Aalten blijven"), below the writer's own "woon";
- ELSEWHERE: where one works or studies, or moves to but has not yet ("gaan verhuizen naar …");
- nothing said: "".
A clause about a relative ("mijn dochter is naar Doetinchem verhuisd") says nothing of the writer (match/whose_place.py
reads that). The words are data: ontology/words.yaml `moved-verbs`, `origin-verbs`, `former-cues`, `home-verbs`,
`work-verbs`.
"""

from __future__ import annotations

from typing import Any

from match.whose_place import WRITER, is_relative, place_span
from match.words import word_set

# A place's clause ends here; "en" too ("ik kom uit Doetinchem en woon nu in Lintelo"), not "naar"/"van".
CLAUSE_END = frozenset({".", ",", ";", "!", "?", ":", "en", "maar", "want", "omdat", "terwijl", "of"})
FROM = frozenset({"van", "uit", "vanuit"})
TO = frozenset({"naar"})
PREPOSITIONS = frozenset({"bij", "met", "naast", "van", "voor", "zonder", "samen"})
NOW, STAY, BEFORE, ELSEWHERE = "now", "stay", "before", "elsewhere"


def _clause(tokens: list[str], start: int, stop: int) -> list[str]:
    """The words of the clause around tokens[start:stop], the place's own words left out."""
    a, b = start, stop
    while a > 0 and tokens[a - 1] not in CLAUSE_END:
        a -= 1
    while b < len(tokens) and tokens[b] not in CLAUSE_END:
        b += 1
    return tokens[a:start] + tokens[stop:b]


def _relative_subject(clause: list[str]) -> bool:
    """A relative in the clause who is not behind a preposition ("bij mn oma in Bredevoort" is where one lives)."""
    return any(
        is_relative(w) and not set(clause[max(0, i - 3) : i]) & PREPOSITIONS for i, w in enumerate(clause)
    )


def reading(place_text: str, tokens: list[str]) -> str:
    """PREPOSITIONS = frozenset({"bij", "met", "naast", "van", "voor", "zonder", "samen"})
    NOW, BEFORE, ELSEWHERE or "" for the place `place_text` (as written) in the folded `tokens`."""
    span = place_span(place_text, tokens)
    if span is None:
        return ""
    clause = _clause(tokens, *span)
    words = set(clause)
    if _relative_subject(clause) and not words & WRITER:
        return ""  # "mijn dochter is naar Doetinchem verhuisd": the daughter's move
    before = tokens[span[0] - 1] if span[0] else ""
    moved = bool(words & word_set("moved-verbs"))
    if before in TO:
        return NOW if moved else ELSEWHERE  # "naar Aalten verhuisd" / "naar Winterswijk gaan verhuizen"
    if before in FROM and (moved or words & word_set("origin-verbs")):
        return BEFORE  # "van Winterswijk … verhuisd", "kom uit Doetinchem"
    if words & word_set("stay-verbs") and not words & word_set("home-verbs"):
        return STAY  # "maar ik wil in Aalten blijven"; "blijven wonen" is a home
    if words & word_set("former-cues"):
        return BEFORE  # "eerst in Doetinchem", "vroeger woonde ik in Winterswijk"
    home = words & word_set("home-verbs")
    if "woon" in home or (home and words & WRITER):
        return NOW
    if words & word_set("work-verbs"):
        return ELSEWHERE
    return ""


def lives_now_first(places: list[Any], tokens: list[str]) -> tuple[list[Any], bool]:
    """`places` (each has `.text`) with where the writer lives now first, and those lived in before, worked in or
    not yet moved to last; True when the order was decided by such a reading (the message then says "waar u nu
    woont"), False when nothing was told of it (the order as it was)."""
    kinds = [reading(p.text, tokens) for p in places]
    decided = NOW in kinds or STAY in kinds or (any(k in (BEFORE, ELSEWHERE) for k in kinds) and "" in kinds)
    if not decided:
        return places, False
    rank = {NOW: 0, STAY: 1, "": 2, ELSEWHERE: 3, BEFORE: 4}
    return [p for _, p in sorted(zip(kinds, places, strict=True), key=lambda kp: rank[kp[0]])], True
