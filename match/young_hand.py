"""The signs of a young hand: a child who types about their own homework without an age (ADR 0152, tester15 t15-30).

Why: "wie kan me helpn met huiswerk ik snap er nix van en me moeder kan het ook nie" names no age and no cue of
labels-inwoner.yaml `child_speaker`, and the "who is typing" model (match/writer.py) was unsure (P 0.50 with the
place added), so the page said "u". No single sign says young: adults write "me moeder" and "nix", and parents
write about homework. Who does what decides: the writer's OWN school work (not "z'n huiswerk", not a child named
in the third person), together with a parent named as a child names one ("me moeder", "mn ouders", "pa en ma") or
a young writer's spelling ("nix", "nie", "ff", a verb that lost its e: "helpn"). The words are data
(ontology/young-hand.yaml).

The spoken possessives ("me moeder", "mn zoon", "m'n vader") are also read as "mijn" for the cue lists
(`written_out`), so an adult's "mn zoon" is the adult cue "mijn zoon" (labels-inwoner.yaml `not_with`).

Privacy: the text is read in memory only; nothing here keeps it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from match.words import fold

HAND_FILE = Path(__file__).resolve().parents[1] / "ontology" / "young-hand.yaml"
SCHOOL_OWNER_WINDOW = 2  # "z'n huiswerk", "haar nieuwe toets": a possessive this close before the school word


@cache
def _data() -> dict[str, Any]:
    raw = yaml.safe_load(HAND_FILE.read_text(encoding="utf-8")) or {}
    out: dict[str, Any] = {
        k: frozenset(fold(str(w)) for w in v) for k, v in raw.items() if isinstance(v, list)
    }
    out["parent_pairs"] = tuple(tuple(fold(p).split()) for p in raw.get("parent_pairs") or ())
    out["dropped_e"] = re.compile(str(raw.get("dropped_e_ending") or r"(?!)"))
    out["young_spellings"] = tuple(re.compile(str(p)) for p in raw.get("young_spellings") or ())
    return out


def written_out(tokens: Sequence[str]) -> list[str]:
    """The folded tokens with a spoken possessive before a person word written as "mijn": "me moeder" -> "mijn
    moeder", "mn zoon" -> "mijn zoon"; "m n" (a tokenizer's "m'n") too. "kan je me helpen" stays."""
    d = _data()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        w = tokens[i]
        if w == "m" and i + 1 < len(tokens) and tokens[i + 1] == "n":
            w, i = "m'n", i + 1
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        out.append("mijn" if w in d["spoken_possessives"] and nxt in d["person_words"] else w)
        i += 1
    return out


def cue_words(tokens: Sequence[str]) -> list[str]:
    """The tokens as the cue lists read them: spoken possessives written out (`written_out`) and without words of
    time and frequency (ontology/word-hits.yaml `time_words`), so "mijn ouders hebben elke avond ruzie" is the cue
    "mijn ouders hebben ruzie" (tester15 t15-27)."""
    from match.wordhits import time_words

    times = time_words()
    return [w for w in written_out(tokens) if w not in times]


def young_hand(tokens: Sequence[str]) -> bool:
    """The writer is a child or teenager by the signs of their hand: their own school work, and a parent named as
    a child names one or a young writer's spelling; in the first person. A child named in the third person ("onze
    jongen", "mn zoon") makes the school someone else's: no."""
    d = _data()
    words = written_out(tokens)
    if not d["first_person"].intersection(tokens) or d["child"].intersection(words):
        return False
    if _own_marks(words, d):
        return True  # "ik haal alleen maar onvoldoendes": a pupil's own marks (ADR 0163)
    if own_school_day(words, d):
        return True  # "ik kan niet wakker worden voor school", "in de klas val ik in slaap" (ADR 0184)
    spelling = _young_spelling(tokens, d)
    if spelling and _own_school(words, d, d["school_skills"]):
        return True  # "wie kan mij helpe met rekenen want ik ben er slegt in" (ADR 0163)
    return _own_school(words, d) and (_own_parent(words, d) or spelling)


def _own_marks(words: list[str], d: dict[str, Any]) -> bool:
    """The writer's own marks ("ik haal onvoldoendes", not "zijn onvoldoendes"): school work and a pupil's sign,
    unless the marks are for an adult's test ("een onvoldoende voor mijn rijexamen")."""
    return not d["adult_tests"].intersection(words) and _own_school(words, d, d["marks"])


def _own_school(words: list[str], d: dict[str, Any], school: frozenset[str] | None = None) -> bool:
    school = d["school"] if school is None else school
    for i, w in enumerate(words):
        if w in school and not d["others"].intersection(words[max(0, i - SCHOOL_OWNER_WINDOW) : i]):
            return True
    return False


def _own_parent(words: list[str], d: dict[str, Any]) -> bool:
    if any(w in d["parents"] and i and words[i - 1] in d["possessives"] for i, w in enumerate(words)):
        return True
    return any(
        tuple(words[i : i + len(p)]) == p for p in d["parent_pairs"] for i in range(len(words) - len(p) + 1)
    )


def _young_spelling(tokens: Sequence[str], d: dict[str, Any]) -> bool:
    if d["spelling"].intersection(tokens):
        return True
    from match.compounds import common_words  # the common Dutch word list, loaded once

    common = common_words()
    patterns = (d["dropped_e"], *d["young_spellings"])
    return any(p.match(w) and w not in common for w in tokens for p in patterns)


_SENTENCE_END = frozenset({".", "!", "?", "\n", ";"})


def own_school_day(words: Sequence[str], d: dict[str, Any] | None = None) -> bool:
    """The writer tells their own school day (tester24 class B, ADR 0184): in a sentence where the writer speaks,
    a preposition straight before the school ("voor school", "op school", "in de klas"), with no child of the
    writer's named (checked by `young_hand`), no return to school ("weer naar school") and no memory or job
    (`school_day_not`: "vroeger", "werk", "diploma"). Written-out folded tokens."""
    d = d or _data()
    sentence: list[str] = []
    for w in [*words, "."]:
        if w not in _SENTENCE_END:
            sentence.append(w)
            continue
        if _school_day_in(sentence, d):
            return True
        sentence = []
    return False


def _school_day_in(sentence: list[str], d: dict[str, Any]) -> bool:
    if not d["first_person"].intersection(sentence) or d["school_day_not"].intersection(sentence):
        return False
    places = [tuple(p.split()) for p in d["school_day_places"]]
    for i, w in enumerate(sentence[:-1]):
        if w not in d["school_day_preps"] or (i and sentence[i - 1] in d["school_day_back"]):
            continue
        for place in places:
            if tuple(sentence[i + 1 : i + 1 + len(place)]) != place:
                continue
            if len(place) > 1 and place[-1] != "school" and w not in d["school_day_class_preps"]:
                continue  # "voor de klas" is a teacher's place, not a pupil's
            after = sentence[i + 1 + len(place) : i + 3 + len(place)]
            if not d["others"].intersection(after) and "van" not in after[:1]:
                return True  # not "voor school van mijn zoon", "op school van haar"
    return False
