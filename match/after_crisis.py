"""After the crisis service, help a resident can use (tester21 N-B, ADR 0174).

Why: after Veilig Thuis a resident's top 3 was filled with the safety chain: Procesregie Zorg & Veiligheid,
"Specialistische expertise bij onveiligheid (u heeft een verwijzing nodig)", the Raad voor de Kinderbescherming, or
the wijkagent as the second card. They all share the danger's own theme, so the score put them right behind Veilig
Thuis; but a card that needs a referral is no option for the writer, and the chain's professionals come to a
household through Veilig Thuis or the gemeente's team, not when a resident calls. What the writer can do after
calling Veilig Thuis is go to maatschappelijk werk, the gemeente's team, the JGZ or youth help for a child, the
huisarts. The kaart says which services need a referral or an indication (HSDS attribute `toegang`), which are
specialist (`niveau`) and which are for professionals only (`publiek`): that data decides, no list of services.

Two steps, on a resident's page with the danger at home raised (ontology/after-crisis.yaml; not with 112):
1. `follow_up_weights`: the person's own help behind the danger (huiselijke-relaties for violence between adults or
   an older person treated badly, opvoeden-opgroeien for a child) is weighed for ranking, so those services are
   scored at all; it is no chip (the shown needs stay the question's).
2. `reachable_after_crisis`: after the leading crisis cards, cards that help with a need of the person come first,
   then cards whose only reason is the danger (the chain a resident can still call), and last the services a
   resident cannot reach on their own. Nothing is dropped; professionals keep the order of the score.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from match.child_at_home import child_unsafe_at_home

SHOWN = 5  # the cards a resident sees first
DATA_FILE = Path(__file__).resolve().parents[1] / "ontology" / "after-crisis.yaml"


@cache
def _data() -> dict[str, Any]:
    raw = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8")) or {}
    return {
        "level": str(raw.get("level") or ""),
        "unless": frozenset(str(x) for x in raw.get("unless_levels") or ()),
        "follow_up": {str(k): str(v) for k, v in (raw.get("follow_up") or {}).items()},
        "weight": float(raw.get("weight") or 0.5),
        "toegang": frozenset(str(x) for x in raw.get("behind_toegang") or ()),
        "niveaus": frozenset(str(x) for x in raw.get("behind_niveaus") or ()),
        "also": frozenset(str(x) for x in raw.get("also_dangers") or ()),
        "domain": str(raw.get("domain_follow_up") or ""),
        "children": frozenset(str(x) for x in raw.get("children_words") or ()),
        "for_children": str(raw.get("children_follow_up") or ""),
        "team": frozenset(str(x) for x in raw.get("team_niveaus") or ()),
        "open": frozenset(str(x) for x in raw.get("open_toegang") or ()),
    }


def applies(safety: Any, audience: str) -> bool:
    """A resident's page with the danger at home raised and no acute danger (after 112 the police may follow)."""
    if audience == "professional":
        return False
    data = _data()
    ids = {getattr(lv, "id", "") for lv in getattr(safety, "levels", ())}
    return data["level"] in ids and not ids & data["unless"]


def _danger(tid: str, ancestors: Mapping[str, Any]) -> bool:
    """A danger theme at home or the safety domain above it (the follow-up table's keys and their ancestors)."""
    dangers = set(_data()["follow_up"])
    return tid in dangers or tid in _data()["also"] or any(tid in ancestors.get(d, ()) for d in dangers)


def follow_up_weights(
    weights: Mapping[str, float],
    safety: Any,
    audience: str,
    ancestors: Mapping[str, Any],
    tokens: Sequence[str] = (),
    child_frame: bool = False,
) -> dict[str, float]:
    """`weights` with the person's own help behind each danger at home added (a new dict; `weights` is the
    question's needs as shown and is not changed) when the question names no other need: "mijn zoon gokt" names
    the help for the son, "opvoeding" for a parent afraid to hurt a baby names the JGZ. A danger read only as the
    safety domain or the acute level gets the person's help too, children named in the danger get theirs
    (`tokens`), and a child in the child frame (`child_frame`) gets the child's help whatever else is named
    (tester23 N-A, N-B; ADR 0179)."""
    if not applies(safety, audience):
        return dict(weights)
    data = _data()
    if any(not _danger(t, ancestors) for t in weights) and not child_frame:
        return dict(weights)  # a need of the person named: its services are the help after the crisis
    out = dict(weights)
    top = max(weights.values(), default=1.0)
    follow = list(data["follow_up"].items())
    if data["domain"] and not any(d in weights for d, _ in follow):
        follow += [(t, data["domain"]) for t in data["also"]]  # the word model's guess: the person's help
    if data["for_children"] and not child_frame and data["children"].intersection(tokens):
        follow += [(d, data["for_children"]) for d in {d for d, _ in follow}]  # the children in the danger
    for danger, need in follow:
        named = any(t == need or need in ancestors.get(t, ()) for t in out)
        if danger in weights and not named:
            out[need] = weights[danger] * data["weight"]
    if child_frame:
        for need in {data["follow_up"].get(t, "") for t in weights} - {""}:
            out.setdefault(need, top * data["weight"])
    return out


def reachable_after_crisis(
    best: list[Any],
    safety: Any,
    audience: str,
    named: Mapping[str, float],
    is_danger: Callable[[str], bool],
    way_in: Callable[[Any], Any],
    ages: Sequence[int] = (),
) -> list[Any]:
    """`best` (Scored, in the order shown) with, after the leading crisis cards: the cards for a need the question
    names (`named`: its needs as shown), then the cards for the person's help behind the danger, then the cards for
    the danger alone or the words alone, then the services a resident cannot reach on their own. Only a card that
    fits the age of the person in need moves up (`_fits_age`)."""
    if not best or not applies(safety, audience):
        return best
    lead = 0
    while lead < len(best) and safety.rank_of(best[lead].cand) is not None:
        lead += 1
    if lead == 0:
        return best
    data = _data()
    asked: list[Any] = []
    person: list[Any] = []
    chain: list[Any] = []
    behind: list[Any] = []
    unsure: list[Any] = []
    team_cards: list[Any] = []
    for s in best[lead:]:
        facts = way_in(s.cand)
        toegang = getattr(facts, "toegang", None)
        team = (s.cand.niveau or "") in data["team"] and (toegang or "") not in data["open"]
        if (
            s.cand.professional_only
            or (toegang or "") in data["toegang"]
            or (s.cand.niveau or "") in data["niveaus"]
            or (team and all(is_danger(t) for t in s.matched))  # the team brings it in (ADR 0179)
        ):
            behind.append(s)
        elif all(is_danger(t) for t in s.matched) or s.age_fit is False:
            chain.append(s)  # the danger alone, words alone, or an age that does not fit: the score's order
        elif team:
            team_cards.append(
                s
            )  # the team brings it in (Gedragsdeskundigen): after what a resident can reach
        elif not _fits_age(s):
            unsure.append(s)  # the person's help for an age not told ("drie kleine kinderen": the JGZ)
        elif any(t in named and not is_danger(t) for t in s.matched):
            asked.append(s)
        else:
            person.append(s)
    unsure.sort(key=lambda s: not _covers_an_age(s, ages))  # the JGZ before youth work for "van 2 en 4"
    out = best[:lead] + asked + person + unsure + team_cards + chain
    # a service only the team or a referral brings in is never one of a resident's first five cards (tester23 N-B,
    # ADR 0179): with fewer cards before it, it is left out of the resident's answer (professionals see it)
    # (cards with no reason but the words do not count: match/filler.py hides them)
    return out + (
        behind if sum(1 for s in out if s.matched) >= SHOWN else [s for s in behind if not s.matched]
    )


def settle_needs(
    ctx: Any, weights: dict[str, float], tokens: Any, child_writes: bool, ancestors: Mapping[str, Any]
) -> None:
    """The needs ranked once the context is known: a child's danger at home is the child's (match/child_at_home.py,
    changes `weights`, the needs shown), and on a resident's page the person's help behind it is weighed for
    ranking only (`ctx.weights`)."""
    home = "onveilig-thuis" in {getattr(lv, "id", "") for lv in getattr(ctx.safety, "levels", ())}
    child = child_unsafe_at_home(weights, tokens, child_writes, home)
    ctx.weights = follow_up_weights(weights, ctx.safety, ctx.audience, ancestors, tokens, child)
    ctx.total = sum(ctx.weights.values()) or 1.0


def _fits_age(s: Any) -> bool:
    """Known to fit the age of the person in need, or, unknown, open to adults of any age: a youth worker (12-23)
    for an 86-year-old's question stays where the score put it."""
    if s.age_fit is not None:
        return bool(s.age_fit)
    ages = s.cand.ages
    return ages is None or any(hi is None for _, hi in ages)


def _covers_an_age(s: Any, ages: Sequence[int]) -> bool:
    """The service's age range holds an age the text tells (the children of "de kleinkinderen van 2 en 4")."""
    return any(lo <= a and (hi is None or a <= hi) for a in ages for lo, hi in s.cand.ages or ())
