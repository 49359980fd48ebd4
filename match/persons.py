"""Who is in a question without an age: the asker and the people named (moved out of match/engine.py, ADR 0102)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from match.words import relation_ages, word_set

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
    if YOUTH_CUES.intersection(tokens) and not any(hi is not None for _, hi in found):
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


# A parent is at most this many years older than their child (match/parentage.py PARENT_OLDER_BY): a writer whose
# own parent is older than an adult's age plus that is an adult ("mijn vader van 78": the writer is 33 or more).
PARENT_OLDER_BY = 45
ADULT_FROM = 18
OLD_PARENT_FROM = ADULT_FROM + PARENT_OLDER_BY
AGE_REACH = 3  # "mijn vader van 78", "mijn moeder (80)", "mijn moeder is 82": the age this close after the word
IN_LAWS = word_set("in-law-words")  # a child has no schoonmoeder: the writer is an adult (ADR 0156)
OWN = frozenset({"mijn", "onze", "ons", "mn", "m'n", "me"})  # the writer's own relatives, not "zijn vader van 80"


def adult_by_own_words(tokens: list[str]) -> bool:
    """The writer's own words make them an adult (ADR 0156): one of their parents is OLD_PARENT_FROM or older
    ("mijn vader van 78", "mn pa van 70"), or they name an in-law of their own ("mijn schoonmoeder"). Folded
    tokens (match/nlp.py `Analysis.tokens`); spoken possessives count as "mijn"."""
    from match.young_hand import written_out  # "mn pa", "me moeder" as "mijn …"

    tokens = written_out(tokens)
    for i, w in enumerate(tokens):
        if not i or tokens[i - 1] not in OWN:
            continue
        if w in IN_LAWS:
            return True
        if w in PARENT_RELATION and _age_after(tokens, i) >= OLD_PARENT_FROM:
            return True
    return False


def _age_after(tokens: list[str], i: int) -> int:
    """The first number within AGE_REACH words after `i`, before a clause ends; 0 without one."""
    for w in tokens[i + 1 : i + 1 + AGE_REACH]:
        if w.isdigit() and len(w) <= 3:
            return int(w)
        if w in {"en", "maar", "want", "die", "dat", ",", "."}:
            return 0
    return 0


def adult_writer(tokens: list[str]) -> bool:
    """The writer says they are an adult: their own words (`adult_by_own_words`) or an adult cue of
    labels-inwoner.yaml `not_with` ("ik werk", "mijn man", "mijn dochter"). Then a youth cue elsewhere in the text
    ("mijn broer woont in Spanje", "de school van mijn zoon") does not make the asker possibly young (ADR 0156)."""
    from match.writer import adult_cue, cue_words  # the writer's cue lists (match/writer.py imports this module)
    from ontology.inwoner import load_inwoner_labels

    return adult_by_own_words(tokens) or adult_cue(cue_words(tokens), load_inwoner_labels(None).adult_cues)


def adult_for_themself(persons: tuple[tuple[int, int | None], ...], parenting: bool, tokens: list[str]) -> bool:
    """An adult asks about their own need: every person in the question is an adult (no child named, no child's
    age), no need of the jeugd domain is read, and the asker speaks of themself ("werk maakt me kapot", "ik ben
    zelf op"). Then "voor ouders" does not make a youth service theirs (tester16 class C, ADR 0156)."""
    return bool(persons) and all(lo >= ADULT_FROM for lo, _ in persons) and not parenting and asker_speaks(tokens)
