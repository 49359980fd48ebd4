"""Whose need it is, for the age fit of a question that gives no age (tester15 BROKEN 4 and 8, t15-05, class C;
ADR 0151).

Why: without an age, the matcher took the asker (an adult) and every relative named (match/persons.py) as the
people a service may fit, so a relative told in passing set the age group: "mijn dochter helpt op zaterdag" in a
carer's story made two youth health services fit, "drie kinderen" in "ik ga dood van de stress" made POH Jeugd
fit, and an adult of unknown age with a loneliness need got Ouderenwerk (65+) first. Here:
- a relative named as the one who helps ("mijn dochter helpt", "onze zoon komt langs"; words.yaml `helper-words`)
  is a helper, not a person in need; when every child named helps, the asker is no parent asking for a child
  (the doelgroep "ouders" read from "mijn dochter" is dropped);
- children named in a list of burdens are no persons in need when every need read is the asker's own: said in a
  clause where the asker speaks ("ik ben zo gestrest", "heb zelf last van") and no child is, none of the jeugd
  domain, none said of someone else;
- the asker is under 65 unless an old-age cue is in the text (words.yaml `old-age-cues`: pensioen, AOW, "op mijn
  leeftijd", a rollator, dementia …, or the doelgroep ouderen read) or someone of any adult age (a son, a partner,
  "pa", "de buurman": a parent of a grown son may be 80) is named, even one who only helps: a service for elders
  then fits nobody in the question.
Nothing changes when an age is read (match/ages.py decides then).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from match.ages import _adult_words
from match.clauses import clause_spans
from match.persons import (
    ADULT,
    ASKER,
    POSSESSIVES,
    RELATIONS,
    YOUTH_CUES,
    adult_for_themself,
    adult_writer,
    children_in_passing,
    fits_nobody,
)
from match.words import fold, word_list, word_set

HELPERS = word_set("helper-words")
HELP_REACH = 3  # words after the relative in which a helper word says they help
ELDER_FROM = 65  # the doelgroep ouderen (ontology/doelgroepen.yaml)
SELF_WORDS = ASKER | {"zelf", "mezelf", "mijzelf"}
OTHERS = frozenset({"hij", "zij", "hem", "haar"})  # "ze" may be the asker's own "ze" ('ze weten het niet')
_WORD = re.compile(r"\w+(?:'\w+)?")


@cache
def _old_age_cues() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold(c).split()) for c in word_list("old-age-cues"))


def old_age_cue(folded: list[str]) -> bool:
    """Whether the text says the asker (or someone in it) is old: a cue of words.yaml `old-age-cues`, in order."""
    for cue in _old_age_cues():
        n = len(cue)
        if any(tuple(folded[i : i + n]) == cue for i in range(len(folded) - n + 1)):
            return True
    return False


def settle_persons(ctx: Any, analysis: Any, text: str, youth: Callable[[str], bool]) -> bool:
    """Set `ctx.persons` to the people in need of a question without an age, and drop the doelgroep "ouders" when
    every child named only helps or the need is the parent's own. Changes `ctx` in place; `youth(theme)` tells a
    need of the jeugd domain. Returns whether a parent asks for their own need (children named in passing)."""
    if analysis.ages and not ctx.persons and children_in_passing(analysis.ages, analysis.hits, text):
        ctx.persons = (ADULT,)  # only the asker is in need: a youth service is no answer (ADR 0156)
    if analysis.ages or not ctx.persons:
        return False
    words = [(m.start(), m.end(), fold(m.group(0))) for m in _WORD.finditer(text)]
    folded = [w for _, _, w in words]
    own_only = _own_needs_only(text, analysis.hits, youth)
    found: list[tuple[int, int | None]] = []
    child_named, child_helps, grown = False, True, False
    for i, (_, _, w) in enumerate(words):
        rel = RELATIONS.get(w)
        # a son, a partner, "pa", "de buurman": someone of any adult age is named, who (or whose parent) may be old
        grown = grown or (rel is not None and rel[1] is None) or w in _adult_words()
        if rel is None or not (rel[2] or (i > 0 and folded[i - 1] in POSSESSIVES)):
            continue
        child = rel[0] == 0
        helps = _helps(folded, i)
        if child:
            child_named = True
            child_helps = child_helps and helps
        if helps or (child and own_only):
            continue
        found.append((rel[0], rel[1]))
    found.insert(0, ADULT if grown else _asker(folded, ctx.groups))
    if (
        YOUTH_CUES.intersection(folded)
        and not any(hi is not None for _, hi in found)
        and not adult_writer(analysis.tokens)  # "ik werk 32 uur … mijn broer": an adult (ADR 0156)
    ):
        ctx.persons = ()
        return False
    ctx.persons = tuple(dict.fromkeys(found))
    parent = child_named or "ouders" in ctx.groups
    if own_only or (child_named and child_helps):
        ctx.groups.discard("ouders")  # the asker's own need is no parent's question about a child
    return own_only and parent


def _asker(folded: list[str], groups: Iterable[str]) -> tuple[int, int | None]:
    """The asker without an age: an adult, under 65 unless the text says they may be old."""
    if "ouderen" in groups or old_age_cue(folded):
        return ADULT
    return (ADULT[0], ELDER_FROM - 1)


def _helps(folded: list[str], i: int) -> bool:
    """The relative at `i` is the one who helps: a helper word within HELP_REACH words, before a clause ends."""
    for w in folded[i + 1 : i + 1 + HELP_REACH]:
        if w in HELPERS:
            return True
        if w in {"en", "maar", "want", "omdat", "die", "dat"}:
            return False
    return False


def _own_needs_only(text: str, hits: Iterable[Any], youth: Callable[[str], bool]) -> bool:
    """Every need read is the asker's own: told in a clause where the asker speaks and no child is named, none of
    the jeugd domain, none said of someone else."""
    told = [h for h in hits if not h.negated]
    if not told:
        return False
    clauses = clause_spans(text)
    speaks = False
    for h in told:
        if h.other_person or youth(h.theme_id):
            return False
        last = max(h.start, h.end - 1)  # a rule hit over two clauses: the clause of its last word
        clause = next(((a, b) for a, b in clauses if a <= last < b), None)
        if clause is None:
            return False
        said = [fold(w) for w in _WORD.findall(text[clause[0] : clause[1]])]
        if any(RELATIONS.get(w, (1,))[0] == 0 or w in OTHERS for w in said):
            return (
                False  # a need told next to a child or of him or her ("mijn zoon is somber", "hij is druk")
            )
        speaks = speaks or bool(SELF_WORDS.intersection(said))
    return speaks


def for_the_people_in_need(
    best: list[Any], ctx: Any, parent_alone: bool, top: int = 3, tokens: list[str] | None = None
) -> list[Any]:
    """A top-3 service that fits nobody in need moves just below the top 3 (safety help keeps its place):
    - one only for elders (every age range from 65) when nobody in a question without an age may be old:
      Ouderenwerk is no first answer for an adult of unknown age;
    - one for other ages when a parent asks for their own need (`settle_persons` returned True): POH Jeugd is no
      answer to "drie kinderen … ik ben zo gestrest"; nor when an adult asks about their own need with no child
      in the question (`adult_for_themself`: "werk maakt me kapot", ADR 0156)."""
    persons = getattr(ctx, "persons", ())
    if not persons or len(best) <= top:
        return best
    nobody_old = not any(hi is None or hi >= ELDER_FROM for _, hi in persons)
    own = parent_alone or adult_for_themself(persons, bool(getattr(ctx, "parenting", False)), tokens or [])
    out = list(best)
    for e in list(out[:top]):
        if e.top != 0 or not e.cand.ages:
            continue
        elders = all(lo >= ELDER_FROM for lo, _ in e.cand.ages)
        if (elders and nobody_old) or (own and fits_nobody(e.cand, persons)):
            out.remove(e)
            out.insert(top, e)
    return out
