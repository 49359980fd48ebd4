"""Who writes, read from what the writer does (tester20 B4, B5; ADR 0169).

Why: the register of a page followed cue words and the "who is typing" model (match/writer.py), and both read the
words, not the acts. A teacher who writes "een kind in mijn klas … ik wil overleggen volgens de meldcode" got "je"
("in mijn klas" is a pupil's cue) under a "u" box; "als papa gedronken heeft moeten ik en mijn zusje …" got "u"
("als papa" is the adult cue "as a father"); "ik word volgende maand 18" got "u"; an adult's farewell ("de kat gaat
naar mijn zus en de brieven liggen klaar") got "je" from the model. Here the acts decide, before the model:
- `at_work`: an adult at work talks ABOUT a child of their class or group and consults, discusses or reports (or
  uses words only work has: the meldcode, "mijn leerlingen"); a child who sits in a class or to whom something is
  done is no professional.
- `young_by_acts`: an age still to come that is a minor's or 18 ("ik word volgende maand 18"), a best friend
  without an adult's age, a parent named as a child names them with a little brother or sister.
- `adult_by_acts`: a friend or a parent of an adult's age ("mijn beste vriendin van 45", "papa … hij is 80"), the
  affairs only an adult arranges (a will, the letters laid ready, a pet's new home).
- `when_parent`: "als papa gedronken heeft" is "when dad …": the adult cue "als papa" ("as a father") only counts
  when the writer follows the parent word at once ("als papa wil ik …").
Data: ontology/writer-acts.yaml.

Privacy: the text is read in memory only; nothing here keeps it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from match.words import fold

ACTS_FILE = Path(__file__).resolve().parents[1] / "ontology" / "writer-acts.yaml"
AGE_REACH = 4  # "mijn beste vriendin van 45", "hij is 80": the age this close after the person word
TURN_REACH = 5  # "ik word [in maart / volgende maand] 18": the age this close after the verb
WHEN = "wanneer"  # "als" read as "when" before a parent's own clause


@cache
def _data() -> dict[str, Any]:
    return yaml.safe_load(ACTS_FILE.read_text(encoding="utf-8")) or {}


def _list(*keys: str) -> tuple[str, ...]:
    node: Any = _data()
    for k in keys:
        node = (node or {}).get(k)
    return tuple(fold(str(w)) for w in node or ())


def _has(words: Sequence[str], phrases: Sequence[str]) -> bool:
    text = f" {' '.join(words)} "
    return any(f" {p} " in text for p in phrases)


def when_parent(words: Sequence[str]) -> list[str]:
    """The words with "als" before a bare parent word written "wanneer" when the parent begins a clause of their
    own ("als papa gedronken heeft", "als mama boos is"), not when the writer follows at once ("als papa wil ik",
    "als mama van twee"): labels-inwoner.yaml's adult cue "als papa" is "as a father" only."""
    parents = set(_list("young", "bare_parents"))
    subjects = set(_list("young", "inverted_subjects"))
    out = list(words)
    for i, w in enumerate(out[:-2]):
        nxt, after = out[i + 2], out[i + 3] if i + 3 < len(out) else ""
        if w == "als" and out[i + 1] in parents and nxt not in {"van", ",", "en"} and after not in subjects:
            out[i] = WHEN
    return out


def at_work(words: Sequence[str]) -> bool:
    """An adult at work writes: words only work has ("meldcode", "mijn leerlingen", "ik geef les"), or a child of
    the writer's class or group with a wish to consult, discuss or report; never a writer who sits in a class
    (`own_class`: "ik zit in groep 7", "mijn juf") or to whom something is done ("pest mij")."""
    if _has(words, _list("at_work", "own_class")) or _has(words, _list("at_work", "done_to_me")):
        return False
    if _has(words, _list("at_work", "work_words")):
        return True
    return _has(words, _list("at_work", "work_children")) and _has(words, _list("at_work", "consult_acts"))


def _number(w: str) -> int:
    return int(w) if w.isdigit() and len(w) <= 3 else -1


def _age_after(words: Sequence[str], i: int, reach: int) -> int:
    for w in words[i + 1 : i + 1 + reach]:
        if _number(w) >= 0:
            return _number(w)
        if w in {".", "!", "?", ";"}:
            return -1
    return -1


def turning(words: Sequence[str]) -> bool:
    """The writer tells an age still to come that is at most `turning_up_to` ("ik word volgende maand 18", "over
    een maand ben ik 18", "ik ben bijna 18"): younger now. Not another's ("mijn dochter wordt 18"), not the past."""
    limit = int(_data().get("young", {}).get("turning_up_to") or 18)
    future = set(_list("young", "future_words"))
    for i, w in enumerate(words):
        age = _number(w)
        if not 0 < age <= limit:
            continue
        before = list(words[max(0, i - TURN_REACH) : i])
        said = " ".join(before)
        if " ik word" in f" {said}" or " ik wordt" in f" {said}" or "bijna" in before[-2:]:
            return True
        if before[-2:] == ["ben", "ik"] and future.intersection(before):
            return True
    return False


def _friend_or_parent_age(words: Sequence[str]) -> bool:
    friends = set(_list("adult", "friend_words"))
    parents = set(_list("adult", "parent_words"))
    pronouns = set(_list("adult", "age_pronouns"))
    adult = _data().get("adult", {})
    for i, w in enumerate(words):
        if w in friends and _age_after(words, i, AGE_REACH) >= int(adult.get("friend_adult_from") or 25):
            return True
        told = w in pronouns and i + 2 < len(words) and words[i + 1] == "is" and parents.intersection(words)
        if told and _number(words[i + 2]) >= int(adult.get("parent_old_from") or 63):
            return True  # "voor papa sinds mama is overleden, hij is 80"
    return False


def adult_by_acts(words: Sequence[str]) -> bool:
    """The writer is an adult by their own acts: a friend or a parent of an adult's age, or affairs only an adult
    arranges (`adult.acts`: a will, the letters laid ready, a pet's new home)."""
    return _friend_or_parent_age(words) or _has(words, _list("adult", "acts"))


def young_by_acts(words: Sequence[str]) -> bool:
    """The writer is a child or teenager by their own acts: an age still to come (`turning`), a best friend named
    as a teenager names them, or a little brother or sister with a parent named as a child names them."""
    if turning(words) or _has(words, _list("young", "friends")):
        return True
    bare = set(_list("young", "bare_parents"))
    possessive = {"mijn", "onze", "ons", "je", "jouw", "zijn", "haar", "hun", "uw", "de", "een", "die"}
    named = any(w in bare and not (i and words[i - 1] in possessive) for i, w in enumerate(words))
    return named and _has(words, _list("young", "little_siblings"))
