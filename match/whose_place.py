"""A place told as where someone else lives is not where the writer asks help.

"Onze dochter woont in Utrecht en komt eens per maand" in a carer's story made Utrecht the place of the question:
distances were measured from Utrecht and the page said "Utrecht ligt niet in de gemeente Aalten … Woont u ergens
anders?" (tester16). A place stays the question's place when the writer lives there, or when the question is about
the person who lives there ("Mijn moeder woont in Bredevoort en kan niet meer koken. Wie kan haar helpen?": help
near the mother). It is set aside when a relative (or hij/zij) lives, works or studies there and the asking
sentence is about someone else. The words are data: the relatives of ontology/words.yaml `relations` and the list
`other-persons`, the verbs of the list `lives-there`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from match.words import _data, fold, word_set

CLAUSE_END = frozenset({".", ",", ";", "!", "?", ":", "en", "maar", "want", "omdat", "terwijl"})
SENTENCE_END = frozenset({".", "!", "?"})
WRITER = frozenset({"ik", "wij", "we", "mij", "me", "ons"})
THIRD = frozenset({"hij", "zij", "ze", "hem", "haar"})
WITH = frozenset({"met", "bij", "samen", "zonder", "naast"})


@lru_cache(maxsize=1)
def _relatives() -> frozenset[str]:
    related = (fold(w) for r in _data().get("relations") or () for w in r.get("words") or ())
    return frozenset(related) | word_set("other-persons")


def is_relative(word: str) -> bool:
    """A relative or another person a writer names ("dochter", "ouders", "buurman")."""
    return word in _relatives()


def place_span(place_text: str, tokens: list[str]) -> tuple[int, int] | None:
    """Token span of the place as written, or None."""
    words = fold(place_text).split()
    at = next((i for i in range(len(tokens)) if words and tokens[i : i + len(words)] == words), None)
    return None if at is None else (at, at + len(words))


def other_lives_there(place_text: str, tokens: list[str]) -> tuple[str | None, int]:
    """(the other person whose place it is, the place's first token) — (None, -1) when it is not told so."""
    span = place_span(place_text, tokens)
    if span is None:
        return None, -1
    start, stop = span
    while start > 0 and tokens[start - 1] not in CLAUSE_END:
        start -= 1
    while stop < len(tokens) and tokens[stop] not in CLAUSE_END:
        stop += 1  # "sinds mijn dochter in Nijmegen studeert": the verb after the place
    clause = tokens[start : span[0]] + tokens[span[1] : stop]
    # "wij wonen met vier kinderen in Aalten", "woon bij mijn oma in …": a relative behind a preposition lives
    # there with the subject, and is not the one told of (ADR 0175)
    who = next(
        (
            t
            for i, t in enumerate(clause)
            if (t in _relatives() or t in THIRD) and not set(clause[max(0, i - 3) : i]) & WITH
        ),
        None,
    )
    if who is None or WRITER & set(clause) or not set(clause) & word_set("lives-there"):
        return None, -1
    return who, span[0]


def someone_elses(place_text: str, tokens: list[str]) -> bool:
    """True when the place `place_text` (as written) is told as where another person lives and the question asks
    about someone else than that person."""
    who, at = other_lives_there(place_text, tokens)
    return who is not None and not _about(who, tokens, at)


def _about(who: str, tokens: list[str], at: int) -> bool:
    """Does the asking sentence (the last one; the place's own when that is the last) speak of `who`?"""
    end = len(tokens)
    while end > 0 and tokens[end - 1] in SENTENCE_END:
        end -= 1
    last = end
    while last > 0 and tokens[last - 1] not in SENTENCE_END:
        last -= 1
    if last <= at:
        return True  # the place is told in the asking sentence itself
    return bool(({who} | THIRD) & set(tokens[last:end]))


def writers_own(place_text: str, tokens: list[str]) -> bool:
    """True when the writer says he or she lives there: "wij wonen in Bredevoort", "maar ik, in Aalten, …"."""
    span = place_span(place_text, tokens)
    if span is None:
        return False
    near = [t for t in tokens[max(0, span[0] - 6) : span[0]] if t not in CLAUSE_END][-4:]
    return bool(WRITER & set(near)) and not (set(near) & _relatives())


def writers_places(places: list[Any], tokens: list[str]) -> list[Any]:
    """`places` without those told as where someone else lives (analysis.places; each has `.text`); when the
    writer names a place of his or her own, that one comes first and other people's places go
    ("Onze dochter woont in Utrecht en heeft het zwaar. Wij wonen in Bredevoort …", tester17)."""
    own = [p for p in places if writers_own(p.text, tokens)]
    if own:
        return own + [p for p in places if p not in own and other_lives_there(p.text, tokens)[0] is None]
    return [p for p in places if not someone_elses(p.text, tokens)]


def who_lives_there(place_text: str, tokens: list[str]) -> str | None:
    """The relative told as living, working or studying at the place ("mijn dochter woont in Winterswijk":
    "dochter"), or None: not told so, or only a pronoun ("ze woont in …" names nobody to say it of; ADR 0163)."""
    who, _ = other_lives_there(place_text, tokens)
    return who if who is not None and who not in THIRD else None
