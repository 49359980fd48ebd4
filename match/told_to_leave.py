"""Told to go: the writer sent away from the home in words (tester23 B10, ADR 0179).

Why: ADR 0178 read "me het huis uit gezet" as a roof lost, but tester23's "ik ben 18 en mijn stiefvader heeft gezegd
dat ik moet oprotten, nu slaap ik op de bank bij een vriend" still got Veilig Thuis and the safety chain: being TOLD
to go ("oprotten", "opdonderen", "wegwezen"), shown the door, or having one's things put on the street is the same
act of putting out, only said in other words. This reads who is sent away, not a phrase: a word of leaving in the
clause of the writer ("ik", "me", "mijn spullen") with a verb of saying or having to ("zei", "moet"); a plain word of
leaving ("vertrekken") only when it is "van" someone ("moest ik van mijn stiefvader vertrekken"), so "ik moet om 8 uur
vertrekken" is no roof lost; a leaving done to the writer ("de deur gewezen", "spullen op straat gezet") needs the
writer only. Data: ontology/writer-acts.yaml `put_out.leave*`, `told`.

Privacy: the words are read in memory only; nothing here keeps them.
"""

from __future__ import annotations

from collections.abc import Sequence

from match.writer_acts import _list

REACH = 8  # the writer, the verb of saying and the word of leaving this close together in one clause
STOPS = frozenset({".", "!", "?", ";"})


def _seqs(key: str) -> list[tuple[str, ...]]:
    return [tuple(p.split()) for p in _list("put_out", key) if p]


def _starts(words: Sequence[str], seqs: list[tuple[str, ...]]) -> list[int]:
    return [i for i in range(len(words)) for s in seqs if tuple(words[i : i + len(s)]) == s]


def _clause_before(words: Sequence[str], i: int) -> list[str]:
    """The words of the clause up to REACH before position i (a full stop ends it)."""
    out: list[str] = []
    for w in reversed(words[max(0, i - REACH) : i]):
        if w in STOPS:
            break
        out.append(w)
    return out[::-1]


def _has(span: Sequence[str], seqs: list[tuple[str, ...]]) -> bool:
    return bool(_starts(span, seqs))


def told_to_leave(words: Sequence[str]) -> bool:
    """The writer was told to go or put out in words: see the module's docstring."""
    me, told = _seqs("leave_me"), set(_list("put_out", "told"))
    for i in _starts(words, _seqs("leave_done")):
        if _has(_clause_before(words, i), me):
            return True
    for key, needs_van in (("leave", False), ("leave_plain", True)):
        for i in _starts(words, _seqs(key)):
            before = _clause_before(words, i)
            if _has(before, me) and told.intersection(before) and (not needs_van or "van" in before):
                return True
    return False


def blow_to_the_writer(words: Sequence[str]) -> bool:
    """A blow told with the writer as object ("heeft me geschopt en eruit gegooid"): harm, not a way of putting
    out ("me eruit geschopt" is)."""
    return _has(words, _seqs("harm_me"))
