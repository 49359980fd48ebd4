"""The writer's age read from the writer's own words (tester16 BROKEN 10 and class F, ADR 0156).

Why: "Mijn vader van 78 praat ineens heel raar" got "je": the "who is typing" model (match/writer.py) read a young
writer from "vader". A parent that old makes the writer an adult, as an in-law of the writer's own does ("mijn
schoonmoeder"). Also used for the people in a question (match/persons.py): an adult's own words outweigh a youth cue elsewhere in the
text ("ik werk 32 uur … mijn broer woont in Spanje").

Privacy: the text is read in memory only; nothing here keeps it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from match.words import word_set
from match.writer_acts import when_parent
from match.young_hand import cue_words, written_out

PARENT_RELATION = word_set("parent-relation-words")

# A parent is at most this many years older than their child (match/parentage.py PARENT_OLDER_BY): a writer whose
# own parent is older than an adult's age plus that is an adult ("mijn vader van 78": the writer is 33 or more).
PARENT_OLDER_BY = 45
ADULT_FROM = 18
OLD_PARENT_FROM = ADULT_FROM + PARENT_OLDER_BY
# "mijn vader van 78", "mijn moeder (80)", "mijn moeder is 82": the age this close after the word
AGE_REACH = 3
IN_LAWS = word_set("in-law-words")  # a child has no schoonmoeder: the writer is an adult (ADR 0156)
# the writer's own relatives, not "zijn vader van 80"
OWN = frozenset({"mijn", "onze", "ons", "mn", "m'n", "me"})


def adult_by_own_words(tokens: list[str]) -> bool:
    """The writer's own words make them an adult (ADR 0156): one of their parents is OLD_PARENT_FROM or older
    ("mijn vader van 78", "mn pa van 70"), or they name an in-law of their own ("mijn schoonmoeder"). Folded
    tokens (match/nlp.py `Analysis.tokens`); spoken possessives count as "mijn"."""
    tokens = written_out(tokens)
    for i, w in enumerate(tokens):
        if not i or tokens[i - 1] not in OWN:
            continue
        if w in IN_LAWS:
            return True
        if w in PARENT_RELATION and _age_after(tokens, i) >= OLD_PARENT_FROM:
            return True
    return adult_by_years_lived(tokens)


# lay19 (ADR 0159, tester17 BROKEN 6): "ontslagen na 20 jaar", "ik werk al 22 jaar in de zorg", "al 18 jaar
# getrouwd": a span of the writer's own life of ADULT_FROM years or more, told in a sentence where the writer speaks
# and names no relative (not "mijn opa woont al 50 jaar hier"), makes the writer an adult whatever else they name.
_SPAN_BEFORE = frozenset({"na", "al", "ruim", "bijna", "sinds"})
_FIRST_PERSON = frozenset({"ik", "me", "mij", "we", "wij"})
_OTHERS = frozenset(
    {
        "opa",
        "oma",
        "vader",
        "moeder",
        "pa",
        "ma",
        "papa",
        "mama",
        "broer",
        "zus",
        "oom",
        "tante",
        "buurman",
        "buurvrouw",
        "hij",
        "zij",
        "ze",
    }
)
_SENTENCE_END = frozenset({".", "!", "?", "\n", ";"})


def adult_by_years_lived(tokens: Sequence[str]) -> bool:
    """A span of ADULT_FROM years or more in the writer's own sentence ("na 20 jaar ontslagen", "al 22 jaar in
    de zorg"): no minor has lived it. Folded tokens."""
    sentence: list[str] = []
    for w in [*tokens, "."]:
        if w not in _SENTENCE_END:
            sentence.append(w)
            continue
        if _FIRST_PERSON & set(sentence) and not _OTHERS & set(sentence):
            for i, n in enumerate(sentence[1:-1], start=1):
                span = sentence[i - 1] in _SPAN_BEFORE and sentence[i + 1] == "jaar"
                if span and n.isdigit() and ADULT_FROM <= int(n) <= 80:
                    return True
        sentence = []
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
    from ontology.inwoner import load_inwoner_labels  # the resident labels, cached per directory

    words = when_parent(cue_words(tokens))  # "als papa gedronken heeft" is no adult cue (ADR 0169)
    return adult_by_own_words(tokens) or adult_cue(words, load_inwoner_labels(None).adult_cues)


def adult_cue(words: Sequence[str], cues: Iterable[str]) -> bool:
    """An adult cue of labels-inwoner.yaml `not_with` in these words (whole words, in order)."""
    text = f" {' '.join(words)} "
    return any(f" {c} " in text for c in cues)
