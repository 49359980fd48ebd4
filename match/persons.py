"""Who is in a question without an age: the asker and the people named (moved out of match/engine.py, ADR 0102)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from match.words import fold, relation_ages, word_set
from match.writer_age import ADULT_FROM, adult_writer

if TYPE_CHECKING:
    from match.candidates import Candidate

ASKER = word_set("asker-pronouns")  # the asker speaks of themself
# People named without an age (ontology/words.yaml `relations`, `possessives`, `youth-cues`; ADR 0102).
RELATIONS = relation_ages()
POSSESSIVES = word_set("possessives")
YOUTH_CUES = word_set("youth-cues")
PARENT_RELATION = word_set("parent-relation-words")
# The asker without an age or a youth cue: an adult, taken as 19+ so that a youth service "tot en met 18" (secondary
# school, jeugdgezondheidszorg) is not a fit by its last year alone (an 18-year-old says so: "18" is a youth cue).
ADULT = (19, None)
WORRY = word_set("worry-words")


def persons_in_question(tokens: list[str]) -> tuple[tuple[int, int | None], ...]:
    """The age ranges of the people in a question that gives no age: the asker, an adult unless a youth cue says
    they may be young (then nothing is known: (), unless a young child is named: "ons zoontje wil niet naar
    school" is about the child), and each relation named ("mijn vader" 30+, "ons zoontje" 0-11;
    ontology/words.yaml `relations`)."""
    found: list[tuple[int, int | None]] = [ADULT]
    for i, word in enumerate(tokens):
        rel = RELATIONS.get(word)
        if rel is not None and (rel[2] or (i > 0 and tokens[i - 1] in POSSESSIVES)):
            found.append((rel[0], rel[1]))
    if (
        YOUTH_CUES.intersection(tokens)
        and not any(hi is not None for _, hi in found)
        and not adult_writer(tokens)  # "ik werk 32 uur … mijn broer": an adult (ADR 0156)
    ):
        return ()  # the asker may be young, and no young child is named whom the cue could be about
    return tuple(dict.fromkeys(found))


def asker_speaks(tokens: list[str]) -> bool:
    """The asker speaks of themself ("wat kan ik doen"), not only of their worry ("ik maak me zorgen")."""
    return any(w in ASKER and not WORRY.intersection(tokens[i + 1 : i + 5]) for i, w in enumerate(tokens))


def names_own_parent(tokens: list[str]) -> bool:
    """ "mijn vader", "onze moeder" and no child named anywhere: the parent is the asker's, not the asker."""
    if any(RELATIONS.get(w, (1,))[0] == 0 for w in tokens):
        return False
    return any(w in PARENT_RELATION and i > 0 and tokens[i - 1] in POSSESSIVES for i, w in enumerate(tokens))


def fits_nobody(cand: Candidate, persons: tuple[tuple[int, int | None], ...]) -> bool:
    """The service's ages (known) overlap none of the people in the question."""
    if not persons or cand.ages is None:
        return False
    return not any(
        lo <= (p_hi if p_hi is not None else 200) and (hi is None or hi >= p_lo)
        for lo, hi in cand.ages
        for p_lo, p_hi in persons
    )


def adult_for_themself(
    persons: tuple[tuple[int, int | None], ...], parenting: bool, tokens: list[str]
) -> bool:
    """An adult asks about their own need: every person in the question is an adult (no child named, no child's
    age), no need of the jeugd domain is read, and the asker speaks of themself ("werk maakt me kapot", "ik ben
    zelf op"). Then "voor ouders" does not make a youth service theirs (tester16 class C, ADR 0156)."""
    return (
        bool(persons)
        and all(lo >= ADULT_FROM for lo, _ in persons)
        and not parenting
        and asker_speaks(tokens)
    )


def children_in_passing(ages: Any, hits: Iterable[Any], text: str) -> bool:
    """Every child whose age the text gives is named in passing: needs are told, but none in a sentence that names
    that child or any child ("Mijn kleinzoon van 6 logeert soms een weekend" in a carer's story; not "De kinderen
    zijn 8 en 11 … Wie kan onze kinderen helpen?"). Then the child's age makes no youth service the asker's
    (tester16 class C, R12a; ADR 0156)."""
    from match.clauses import sentence_spans  # the sentences of the question

    children = [p for p in getattr(ages, "persons", ()) if p.child and not p.asker]
    told = [h for h in hits if not h.negated]
    if not children or not told:
        return False  # no need read by the rules: whose it is cannot be told
    for a, b in sentence_spans(text):
        if not any(a <= h.start < b for h in told):
            continue
        words = fold(text[a:b]).replace("'", " ").split()
        if any(a <= p.start < b for p in children) or any(
            RELATIONS.get(w.strip(".,:;!?()"), (1,))[0] == 0 for w in words
        ):
            return False
    return True


def youth_in_passing(weights: dict[str, float], analysis: Any, text: str, youth: str, added: float) -> None:
    """Drop the jeugd domain need that a child's age added (match/weights.py `youth_domain`, weight `added`) when
    every child whose age is read is named in passing (`children_in_passing`): the grandson "van 6" who stays
    the weekend is in no need (ADR 0156). Changes `weights` in place."""
    if weights.get(youth) == added and children_in_passing(analysis.ages, analysis.hits, text):
        del weights[youth]
