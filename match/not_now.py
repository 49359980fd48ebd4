"""A need for later, one that is over, or contact lost with one person is not the writer's need now (tester24 class
F, ADR 0184).

Why: "een testament en een levenstestament voor als ik dement word" read dementia and put the Casemanager dementie
first, for someone who is not demented; "de zwangerschap is al lang voorbij" and baby things given away read a
pregnancy (JGZ "zwangerschap en een jonge baby"); parents who "krijgen geen contact meer met hem" (their teenager)
read loneliness (Humanitas). Earlier fixes listed such phrases one by one; here the frame decides, whatever the
theme: a clause that tells a future the writer is not in now ("voor als …", "stel dat …", "mocht ik ooit …", with a
becoming or a time to come), a clause that tells something over or given away ("voorbij", "weggegeven", "mogen
weg"), and loneliness read from contact lost with one named person. An everyday theme told only there is ruled out
like a denied need (`negated`: no theme, no words in the search, no guess of the word model for it). Danger themes
are never touched: "voor als ik er niet meer ben" and things given away are the safety rules' to read (ADR 0119,
0178). The data is ontology/not-now.yaml.

Privacy: the words are read in memory only; nothing here keeps them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from match.clauses import token_run
from match.words import fold

NOT_NOW_FILE = Path(__file__).resolve().parents[1] / "ontology" / "not-now.yaml"


def _phrases(values: Any) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold(str(v)).split()) for v in values or ())


@cache
def _data() -> dict[str, Any]:
    raw = yaml.safe_load(NOT_NOW_FILE.read_text(encoding="utf-8")) or {}
    later, over, one = raw.get("later") or {}, raw.get("over") or {}, raw.get("one_person") or {}
    return {
        "stops": frozenset(fold(str(w)) for w in raw.get("stops") or ()),
        "later": _phrases(later.get("cues")),
        "reach": int(later.get("reach") or 8),
        "becoming": frozenset(fold(str(w)) for w in later.get("becoming") or ()),
        "examples": frozenset(fold(str(w)) for w in later.get("examples") or ()),
        "over": _phrases(over.get("cues")),
        "past": _phrases(over.get("past_cues")),
        "past_reach": int(over.get("past_reach") or 4),
        "one_themes": frozenset(str(t) for t in one.get("themes") or ()),
        "pronouns": frozenset(fold(str(w)) for w in one.get("pronouns") or ()),
        "possessives": frozenset(fold(str(w)) for w in one.get("possessives") or ()),
        "persons": frozenset(fold(str(w)) for w in one.get("persons") or ()),
    }


def _found(words: Sequence[str], i: int, cues: tuple[tuple[str, ...], ...]) -> int:
    """The length of the cue that starts at word `i`, or 0."""
    for cue in cues:
        if tuple(words[i : i + len(cue)]) == cue:
            return len(cue)
    return 0


def _clause(words: Sequence[str], i: int, stops: frozenset[str]) -> tuple[int, int]:
    """(start, end) of the clause around word `i`: from after the stop before it to the stop after it."""
    return token_run(words, i, i, stops)


def scopes(words: Sequence[str]) -> tuple[set[int], set[int]]:
    """The word positions told for later and told as over (each a set of indexes of `words`)."""
    d = _data()
    later: set[int] = set()
    over: set[int] = set()
    for i in range(len(words)):
        n = _found(words, i, d["later"])
        if n:
            scope = []
            for j in range(i, min(len(words), i + n + d["reach"])):
                if j >= i + n and words[j] in d["stops"]:
                    if j + 1 < len(words) and words[j + 1] in d["examples"]:
                        continue  # "…, bijvoorbeeld door dementie": an example of the same future
                    break
                scope.append(j)
            if d["becoming"].intersection(words[j] for j in scope):
                later.update(scope)
        n = _found(words, i, d["over"])
        if n:
            lo, hi = _clause(words, i, d["stops"])
            over.update(range(lo, max(hi, i + n)))
        if _found(words, i, d["past"]):
            lo, _ = _clause(words, i, d["stops"])
            over.update(
                range(max(lo, i - d["past_reach"]), i)
            )  # its subject: "de zwangerschap is al voorbij"
    return later, over


def one_person(words: Sequence[str], start: int) -> bool:
    """The clause of the hit names one person after "met": "geen contact meer met hem", "met onze dochter"."""
    d = _data()
    lo, hi = _clause(words, start, d["stops"])
    clause = list(words[lo:hi])
    for k, w in enumerate(clause[:-1]):
        if w != "met":
            continue
        nxt = clause[k + 1]
        if nxt in d["pronouns"] or (
            nxt in d["possessives"] and k + 2 < len(clause) and clause[k + 2] in d["persons"]
        ):
            return True
    return False


def mark(
    hits: list[Any], spans: Sequence[Any], words: Sequence[str], danger: Callable[[str], bool]
) -> list[Any]:
    """The hits with an everyday theme told only for later, as over, or (loneliness) as contact lost with one person
    ruled out (`negated`); `spans` are the theme spans the hits were made from, in order (token positions)."""
    if not hits:
        return hits
    later, over = scopes(words)
    ones = _data()["one_themes"]
    out = []
    for hit, span in zip(hits, spans, strict=True):
        if hit.negated or danger(hit.theme_id):
            out.append(hit)
            continue
        start = span.start
        not_now = start in later or start in over
        if not not_now and hit.theme_id in ones:
            not_now = one_person(words, start)
        out.append(replace(hit, negated=True) if not_now else hit)
    # a theme also told now, outside every such clause, stays: only a theme told nowhere else is ruled out
    told = {h.theme_id for h in out if not h.negated}
    return [
        h if not h.negated or h.theme_id not in told or _was(h, hits) else replace(h, negated=False)
        for h in out
    ]


def _was(hit: Any, hits: list[Any]) -> bool:
    """The hit was negated before this step (a denial of the writer's own)."""
    return any(h.negated and h.start == hit.start and h.theme_id == hit.theme_id for h in hits)
