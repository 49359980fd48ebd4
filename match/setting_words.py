"""Words of the setting that name no need of the writer (ontology/setting-words.yaml `setting_rules`, helper fix25,
ADR 0188; tester25 N-P and N-E).

Why: "We gaan een week met de caravan kamperen bij Bredevoort. Is daar een camping?" was read as "Geen huis of
slaapplek" (the word model heard lodging), and "Ik wil een volmacht regelen voor mijn bankzaken, voor het geval ik
later vergeetachtig word" as money at large, so Bijzondere bijstand and Schuldhulpverlening followed the sociaal
raadslid. A holiday's lodging is no roof lost, and legal papers for later are no money trouble. Each rule names the
words that place the question (`when`), the words that would make the other reading true after all (`unless`: a
home that is gone, money trouble), and the themes that then leave the question (`drop`); `needs` must be read too.
A danger read keeps every theme: the safety rules decide there.

The words are data; this module knows none. Privacy: the text is read in memory only; nothing is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from match.words import fold
from match.youth_domain import YOUTH_DOMAIN, domain_added

DATA = Path(__file__).resolve().parents[1] / "ontology" / "setting-words.yaml"


@dataclass(frozen=True)
class SettingRule:
    """One `setting_rules` entry: which themes leave the question when its words place it."""

    id: str
    drop: frozenset[str]
    needs: frozenset[str]
    when: re.Pattern[str] | None
    unless: re.Pattern[str] | None


def _pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One whole-word pattern over folded phrases (None when there are none)."""
    words = sorted({" ".join(fold(w) for w in str(p).split()) for p in phrases if str(p).strip()}, key=len)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in reversed(words)) + r")(?!\w)")


@cache
def data() -> dict:
    """The whole of ontology/setting-words.yaml (also read by match/door_not_theirs.py)."""
    return yaml.safe_load(DATA.read_text(encoding="utf-8")) or {}


@cache
def rules() -> tuple[SettingRule, ...]:
    """The `setting_rules`, compiled once per process."""
    out = []
    for r in data().get("setting_rules") or ():
        out.append(
            SettingRule(
                id=str(r["id"]),
                drop=frozenset(str(t) for t in r.get("drop") or ()),
                needs=frozenset(str(t) for t in r.get("needs") or ()),
                when=_pattern(r.get("when") or ()),
                unless=_pattern(r.get("unless") or ()),
            )
        )
    return tuple(out)


def _folded(text: str) -> str:
    return " ".join(fold(w) for w in re.findall(r"[^\W_]+(?:'[^\W_]+)?", text))


def activity_is_no_upbringing(weights: dict[str, float], hits: Iterable[object]) -> list[str]:
    """Drop (in place) the youth domain a child's age added (match/weights.py `youth_domain`) when every need the
    question names is an activity (`activity_asks.needs`: a club, a lesson): "Is er een zwemclub voor mijn
    kleinzoon van 6?" asks for a club, not for help with upbringing (tester25 N-P: POH Jeugd came first)."""
    conf = dict(data().get("activity_asks") or {})
    activities = frozenset(str(t) for t in conf.get("needs") or ())
    named = set(weights) - {YOUTH_DOMAIN}
    if not activities or not named or not named <= activities or not domain_added(weights, hits):
        return []
    del weights[YOUTH_DOMAIN]
    return [YOUTH_DOMAIN]


def setting_is_no_need(
    weights: dict[str, float], text: str, signal: Callable[[str], object], hits: Iterable[object] = ()
) -> list[str]:
    """Drop (in place) the themes a setting rule says the question does not ask; the themes dropped (the engine
    forgets them as the word model's guesses too). Nothing changes when a danger theme is read (`signal`)."""
    if not weights or any(signal(t) for t in weights):
        return []
    folded, dropped = None, []
    for rule in rules():
        if not rule.when or not rule.drop & set(weights) or not rule.needs <= set(weights):
            continue
        folded = folded if folded is not None else _folded(text)
        if not rule.when.search(folded) or (rule.unless and rule.unless.search(folded)):
            continue
        dropped += [t for t in rule.drop if weights.pop(t, None) is not None]
    return dropped + activity_is_no_upbringing(weights, hits)
