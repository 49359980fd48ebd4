"""The note about a relative who lives outside the gemeente: only when the need is that relative's, and in the
relative's number (m12test20 "Place messages", t20-28; ADR 0175, after ADR 0163).

Why a module of its own: a widower of 79 in IJzerlo who asks help with his tablet for himself read "Uw kinderen
woont in Utrecht, buiten de gemeente Aalten. Voor hulp in Utrecht kunt u ook kijken bij de gemeente daar." Two
things were wrong. The verb: a plural relative ("kinderen", "ouders") lives in the plural, and the writer says so
himself ("mijn kinderen wonen in Utrecht"): the note takes the number of the verb the writer used. And the note
itself: it matters only when the help is for the relative. Whose need it is, read from who the sentences are about:
- the asking sentence (the last one that does more than tell who lives where: "Ik woon zelf in Bredevoort." asks
  nothing) comes after the relative's: the need is the relative's when it names the relative or speaks of him or
  her ("hij", "ze", "hem", "hen"), else the writer's own ("Ik zou graag iemand hebben die me helpt");
- the relative's own sentence asks: a later clause of it with the writer as subject makes the need the writer's
  ("mijn zoon woont in Arnhem maar ik heb zelf schulden"); a clause that goes on without a subject or with the
  relative's keeps it the relative's ("… en kan niet meer rondkomen", "… en hij drinkt").
"""

from __future__ import annotations

from typing import Any

from match.clauses import token_spans
from match.nlp import Analysis, fold
from match.whose_place import (
    CLAUSE_END,
    SENTENCE_END,
    THIRD,
    WRITER,
    other_lives_there,
    place_span,
    who_lives_there,
)
from match.words import word_set

# Pronouns that speak of the relative(s), plural ones too ("wie kan hen helpen?")
OF_THEM = THIRD | frozenset({"hen", "hun"})


def _sentences(tokens: list[str]) -> list[tuple[int, int]]:
    return token_spans(tokens, SENTENCE_END)


def _clauses(tokens: list[str], start: int, stop: int) -> list[tuple[int, int]]:
    return token_spans(tokens, CLAUSE_END, start, stop)


def _only_where_one_lives(tokens: list[str], start: int, stop: int) -> bool:
    """A sentence that only tells where someone lives: each of its clauses has a verb of living ("Ik woon zelf in
    Bredevoort.", "Wij wonen in Aalten en mijn zoon woont in Arnhem.")."""
    lives = word_set("lives-there") | word_set("home-verbs")
    return all(set(tokens[a:b]) & lives for a, b in _clauses(tokens, start, stop))


def need_is_theirs(place_text: str, tokens: list[str]) -> bool:
    """Is the need in the question that of the person told as living at `place_text`? See the module doc."""
    who, at = other_lives_there(place_text, tokens)
    if who is None:
        return False
    them = {who} | OF_THEM
    sentences = _sentences(tokens)
    asking = [s for s in sentences if not _only_where_one_lives(tokens, *s)] or sentences
    start, stop = asking[-1]
    if start > at:  # the asking sentence comes after the relative's
        return bool(them & set(tokens[start:stop]))
    own = next(((a, b) for a, b in sentences if a <= at < b), (start, stop))
    later = [set(tokens[a:b]) for a, b in _clauses(tokens, *own) if a > at]
    said = [bool(words & them) for words in later if words & (them | WRITER)]
    if said:
        return said[-1]  # the last clause with a subject decides: "… maar ik heb zelf schulden"
    if later:
        return True  # "… en kan niet meer rondkomen": the relative's own predicate
    return not any(set(tokens[a:b]) & WRITER for a, b in _clauses(tokens, own[0], at))


def plural(place_text: str, tokens: list[str]) -> bool:
    """The relative living at `place_text` is several people: the writer's own verb says so ("mijn kinderen wonen
    in Utrecht"): a verb of living in its plural form (-en: wonen, werken, studeren, zitten)."""
    span = place_span(place_text, tokens)
    if span is None:
        return False
    a = span[0]
    while a > 0 and tokens[a - 1] not in CLAUSE_END:
        a -= 1
    verbs = [t for t in tokens[a : span[0]] if t in word_set("lives-there")]
    return bool(verbs) and verbs[-1].endswith("en")


def relatives_elsewhere(analysis: Analysis, analyzer: Any, kernen: set[str] | None) -> list[str]:
    """A message for each relative told as living in a place outside the gemeente of this kaart whose need the
    question is about ("Uw dochter woont in Winterswijk, buiten de gemeente Aalten. …", ADR 0163; "Uw kinderen wonen
    in …", ADR 0175): the help shown is the kaart's own, so the answer says plainly where the person in need lives
    and which gemeente helps there. Nothing without the kaart's kernen; a place the gazetteer gives no gemeente
    (outside the region) is outside too: "de gemeente daar"."""
    ours = {g for g in (gemeente_of(k, analyzer) for k in kernen or ()) if g}
    if not ours:
        return []
    out: list[str] = []
    for hit in analysis.places:
        who = who_lives_there(hit.text, analysis.tokens)
        theirs = gemeente_of(hit.name, analyzer)
        if not who or theirs in ours or fold(hit.name) in {fold(k) for k in kernen or ()}:
            continue
        if not need_is_theirs(hit.text, analysis.tokens):
            continue  # t20-28: the writer asks for himself; his children's town does not matter
        lives = "wonen" if plural(hit.text, analysis.tokens) else "woont"
        there = f"de gemeente {theirs}" if theirs else "de gemeente daar"
        out.append(
            f"Uw {who} {lives} in {hit.name}, buiten de gemeente {sorted(ours)[0]}. Voor hulp in {hit.name} kunt u "
            f"ook kijken bij {there}."
        )
    return list(dict.fromkeys(out))


def gemeente_of(name: str, analyzer: Any) -> str | None:
    """The gemeente of a place of the gazetteer, by its name as the analyzer keys it."""
    places, nlp = getattr(analyzer, "places", None) or {}, getattr(analyzer, "nlp", None)
    if nlp is None:
        return None
    place = places.get(tuple(fold(t.text) for t in nlp.tokenizer(name)))
    return getattr(place, "gemeente", None) if place is not None else None
