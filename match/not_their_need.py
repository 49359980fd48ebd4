"""Whose need a word names, and what is asked: a need word that is someone else's or only the place is no need
(ADR 0177, issue 12, tester22 N-G, N-H, B13).

Why: the reading took a need word for the writer's need wherever it stood. "Mijn dochter van 18 maanden eet alleen
brood en yoghurt" read the poverty idiom "eten alleen brood" (we can only afford bread): bijzondere bijstand for a
picky toddler. "Onze pup is nog niet zindelijk" read a toddler's potty training; "mijn kleinzoon van 3 logeert bij
ons, waar is een speeltuin?" read the child's upbringing: JGZ, Steungezin and Home-Start for a dog and a playground.
"Op de peuteropvang zegt ze niets" read child care (the SMI first) where the worry is the child's speech. Phrase lists
for each wording moved the held-out split little (the lesson of sessions 11 and 12), so the question is asked in
general terms:
- **Whose eating, whose need** (words.yaml `lay22.whose_need`, run with the need rules): a hit of `themes` whose
  own words hold one of `span_words` (an eating verb), or that stands inside a setting (`preps` + `places`: "op de
  peuteropvang", "bij de gastouder"), is dropped when the text names who it belongs to (`when`: a young child, a
  report from the setting) and nothing that makes it the writer's own need (`unless`: the money, the fridge, a
  place or the costs asked for).
- **No child in need** (`lay22.no_child`, an engine step after the unread child of ADR 0167): an animal as the one
  the question is about, with no child named, takes the child's themes away; a place to play or go out asked for
  ("waar is een speeltuin") is no upbringing of a child who needs nothing.
The words are data; nothing here knows a wording.

Privacy: the text is processed in memory only.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

from match.words import _data, fold, folded_set, has_phrase, phrase_seqs

if TYPE_CHECKING:
    from spacy.tokens import Doc


@cache
def _conf() -> dict[str, Any]:
    return dict(_data().get("lay22") or {})


@cache
def _entries() -> tuple[dict[str, Any], ...]:
    """The `whose_need` entries (words.yaml `lay22` and `lay23`, ADR 0180) with their words folded once."""
    out = []
    blocks = (_conf().get("whose_need") or [], dict(_data().get("lay23") or {}).get("whose_need") or [])
    for e in (e for block in blocks for e in block):
        preps, places = folded_set(e.get("preps")), folded_set(e.get("places"))
        articles = folded_set(e.get("articles"))
        out.append(
            {
                "themes": frozenset(e.get("themes") or ()),
                "span_words": folded_set(e.get("span_words")),
                "preps": preps,
                "articles": articles,
                "places": places,
                "when": phrase_seqs(e.get("when")),
                "unless": phrase_seqs(e.get("unless")),
            }
        )
    return tuple(out)


def _settings(words: list[str], e: dict[str, Any]) -> list[tuple[int, int]]:
    """Token ranges of "prep (article) place": where a thing happens ("op de peuteropvang", "bij de gastouder")."""
    if not e["places"] or not e["preps"]:
        return []
    out = []
    for i, w in enumerate(words):
        if w not in e["places"] or i == 0:
            continue
        j = i - 1
        if words[j] in e["articles"] and j > 0:
            j -= 1
        if words[j] in e["preps"]:
            out.append((j, i + 1))
    return out


def _belongs_elsewhere(
    span: Any, words: list[str], e: dict[str, Any], settings: list[tuple[int, int]]
) -> bool:
    if span.label_ not in e["themes"]:
        return False
    if e["span_words"] and any(words[i] in e["span_words"] for i in range(span.start, span.end)):
        return True
    return any(a <= span.start and span.end <= b for a, b in settings)


def drop_others_needs(doc: Doc) -> Doc:
    """Theme hits that name someone else's need or only the place (words.yaml `lay22.whose_need`) leave
    `doc.spans["themes"]`; the rest of the question is read as always."""
    spans = list(doc.spans.get("themes", []))
    entries = _entries()
    if not spans or not entries:
        return doc
    words = [fold(t.text) for t in doc]
    drop = set()
    for e in entries:
        if not any(s.label_ in e["themes"] for s in spans):
            continue
        if (e["when"] and not has_phrase(words, e["when"])) or has_phrase(words, e["unless"]):
            continue
        settings = _settings(words, e)
        drop.update(id(s) for s in spans if _belongs_elsewhere(s, words, e, settings))
    if drop:
        doc.spans["themes"] = [s for s in spans if id(s) not in drop]
    return doc


@cache
def _no_child() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(animals, child words, child themes, outings) of words.yaml `lay22.no_child`."""
    c = dict(_conf().get("no_child") or {})
    return (
        folded_set(c.get("animals")),
        folded_set(c.get("child_words")),
        frozenset(c.get("child_themes") or ()),
        folded_set(c.get("outings")),
    )


@cache
def _outing_asks() -> tuple[tuple[str, ...], ...]:
    return phrase_seqs(dict(_conf().get("no_child") or {}).get("outing_asks"))


def outing_asked(tokens: Iterable[str]) -> bool:
    """Does the question ask for a place to play or go out ("waar is een speeltuin", "een kinderboerderij")?
    Such an ask is no upbringing of a child who needs nothing (the unread child of ADR 0167 does not apply)."""
    words = list(tokens)
    return bool(_no_child()[3].intersection(words)) and has_phrase(words, _outing_asks())


def no_child_in_need(weights: dict[str, float], analysis: Any) -> bool:
    """Take the child's themes out of `weights` (in place) when no child needs anything: an animal is named and no
    child ("onze pup is nog niet zindelijk", "onze hond luistert niet, wie helpt met de opvoeding"; the words of
    those hits leave the word search too), or a place to play is asked for and no child's need was read in words
    ("is er een speeltuin voor een kind van 2": not the youth domain). Returns whether it did."""
    animals, children, child_themes, _ = _no_child()
    words = set(analysis.tokens)
    if animals & words and not children & words:
        for h in analysis.hits:
            if h.theme_id in child_themes:
                analysis.stem_clashes.append((h.start, h.end))  # cut from the word search
        gone = [t for t in weights if t in child_themes]
    elif outing_asked(analysis.tokens):
        read = {h.theme_id for h in analysis.hits if not h.negated}
        gone = [t for t in weights if t in child_themes and t not in read]
    else:
        return False
    for t in gone:
        del weights[t]
    return bool(gone)
