"""The carer and the person cared for, together (issue 12 point 2, tester10 class C2, ADR 0132).

A combination of ontology/matching.yaml (`mantelzorg-overbelasting`: the asker's exhaustion and someone else's
illness) adds the carer's need and lowers the other person's illness, so that the mantelzorg support comes first.
Two ways that went wrong:
- the cared-for person's need fell out of the top 3 ("mijn man heeft parkinson en ik kan het niet meer aan": the
  wijkverpleging for him fourth), or the carer's own support did ("Casemanager dementie · Ouderenwerk ·
  Welzijnscoach"). The services for that person's need and the support for the carer belong together: `together`
  gives each a place in the top 3 (the best one further down takes the last place held by neither and by no
  safety help);
- an illness told of someone who died ("mijn broer is vorig jaar gestorven aan kanker en ik kan het niet meer
  aan") made a carer of a mourner, and mantelzorg came first. When every mention of the other person's need
  shares its clause with a mention of a theme the combination excepts (rouw: a death), and the asker did not name
  the added need itself, the combination did not happen: the added need goes, the grief leads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from match.clauses import clause_spans
from match.needfit import CONDITION_THEMES, TOP, _own_need, _serves
from match.persons import RELATIONS
from match.words import fold, has_phrase

# (the carer's need, the needs of the person cared for), when a combination of matching.yaml holds
Pair = tuple[str, frozenset[str]]


def carer_and_cared_for(weights: dict[str, float], hits: Iterable[Any], onto: Any, text: str) -> list[Pair]:
    """After the combinations: the illness of someone who died is no need ("mijn moeder is overleden aan
    alzheimer": the grief is), nor a carer's need inferred from it. Returns the carer's need with the needs of the
    (living) person cared for, per combination that holds. Changes `weights` in place."""
    told = [h for h in hits if not h.negated]
    pairs: list[Pair] = []
    for combo in onto.matching.combinations:
        if not combo.other_except:  # a combination about another person, whose death its except themes tell
            continue
        others = _cared_for(combo, weights, onto)
        # a named illness (not a leefgebied such as "levensvragen", which is the mourner's own)
        dead = {
            t
            for t in others
            if onto.themes[t].parents and _all_of_the_dead({t}, told, combo.other_except, text)
        }
        for tid in dead:
            del weights[tid]
        others -= dead
        if combo.adds in weights and dead and not others and _inferred(combo.adds, told):
            del weights[combo.adds]  # a carer of someone who died: a mourner
        if combo.adds not in weights:
            continue
        if others:
            pairs.append((combo.adds, frozenset(t for t in others if onto.themes[t].parents)))
    return pairs


def _inferred(tid: str, told: list[Any]) -> bool:
    """The need was read from the combination, not named by the asker ("ik ben mantelzorger")."""
    return not any(h.theme_id == tid for h in told)


def together(best: list[Any], pairs: list[Pair], roots: frozenset[str], ancestors: Any) -> list[Any]:
    """The support for the carer (a service for the carer's need, not one for a condition) and a service for the
    need of the person cared for both in the top 3, when the list has them further down."""
    if not pairs or len(best) <= TOP:
        return best
    out = list(best)
    for carer, cared in pairs:
        wants = [lambda e, c=carer: c in e.cand.central and not e.cand.central & CONDITION_THEMES]
        if cared:
            wants.append(lambda e, ts=cared: any(_for_need(e, t, roots, ancestors) for t in ts))
        for want in wants:
            if any(want(e) for e in out[:TOP]):
                continue
            found = next((i for i in range(TOP, len(out)) if want(out[i])), None)
            slot = next((i for i in range(TOP - 1, -1, -1) if _free(out, i, wants)), None)
            if found is not None and slot is not None:
                out.insert(slot, out.pop(found))
    return out


def _for_need(entry: Any, need: str, roots: frozenset[str], ancestors: Any) -> bool:
    up = frozenset({need, *ancestors.get(need, ())})
    return _serves(entry, need, up, roots) and _own_need(entry, need, up, roots)


def _free(out: list[Any], i: int, wants: list[Any]) -> bool:
    """A place of the top 3 no safety help holds and no service the pair needs that only it gives."""
    if out[i].top != 0:
        return False
    return not any(w(out[i]) and not any(w(e) for j, e in enumerate(out[:TOP]) if j != i) for w in wants)


def _cared_for(combo: Any, weights: dict[str, float], onto: Any) -> set[str]:
    """The needs of the other person in a combination: under its other themes, not the asker's own kind of need,
    not an excepted theme, not the added need."""
    roots = set(combo.other_themes)
    skip = set(combo.self_themes) | set(combo.other_except) | {combo.adds}
    return {
        t
        for t in weights
        if t not in skip
        and not getattr(onto.themes.get(t), "signal", None)
        and (t in roots or roots & set(onto.ancestors(t)))
    }


def _all_of_the_dead(others: set[str], told: list[Any], excepted: Iterable[str], text: str) -> bool:
    """Every mention of the other person's needs shares a clause with a mention of an excepted theme (a death)."""
    excepted = set(excepted)
    clauses = clause_spans(text)
    deaths = {i for h in told if h.theme_id in excepted for i in _clauses_of(h, clauses)}
    mentions = [h for h in told if h.theme_id in others]
    return bool(deaths and mentions) and all(set(_clauses_of(h, clauses)) <= deaths for h in mentions)


def _clauses_of(hit: Any, clauses: list[tuple[int, int]]) -> list[int]:
    return [i for i, (a, b) in enumerate(clauses) if hit.start < b and a < hit.end]


SITUATION_FILE = Path(__file__).resolve().parents[1] / "ontology" / "carer-situation.yaml"
OWN = frozenset({"mijn", "onze", "ons", "mn", "m'n", "me"})  # the writer's own relative ("mijn vader")
SELF = frozenset({"ik", "me", "mij", "mezelf", "mijzelf", "k"})  # the writer speaks in the sentence
_SENTENCE = re.compile(r"[^.!?\n]+")
_WORD = re.compile(r"\w+(?:'\w+)?")


@cache
def _situation() -> dict[str, tuple[tuple[str, ...], ...]]:
    raw = yaml.safe_load(SITUATION_FILE.read_text(encoding="utf-8")) or {}
    return {k: tuple(tuple(fold(str(p)).split()) for p in v) for k, v in raw.items() if isinstance(v, list)}


def carer_from_situation(weights: dict[str, float], hits: Iterable[Any], onto: Any, text: str) -> set[str]:
    """A carer who never says "zorg voor" (tester16 BROKEN 7, ADR 0156): a relative of the writer's own who needs
    care (a need of the combination's other themes, or words of ontology/carer-situation.yaml `care_needs`, in one
    sentence with the relative), the writer's time or strength running out (`strain`, in a sentence where the
    writer speaks) and a wish for rest (`rest`) make the carer's need, as the combination would (matching.yaml
    `mantelzorg-overbelasting`). Care tasks the writer does (`care_tasks`: medicines, cooking, washing, driving to
    the hospital) with an adult relative of their own named are the care itself: with the strain or the wish for
    rest they make the carer too (tester18 B5, ADR 0162). Changes `weights` in place; returns the doelgroepen it
    implies."""
    combo = next((c for c in onto.matching.combinations if c.other_except and c.adds in onto.themes), None)
    if combo is None:
        return set()
    if combo.adds in weights:
        own_children_in_passing(weights, hits, onto, text)
        return set()
    data = _situation()
    roots = set(combo.other_themes)
    told = [h for h in hits if not h.negated]
    cared: set[str] = set()
    relative = strain = rest = tasks = False
    adult = _adult_relative([fold(w) for w in _WORD.findall(text)])
    for m in _SENTENCE.finditer(text):
        words = [fold(w) for w in _WORD.findall(m.group(0))]
        if has_phrase(words, data.get("loss", ())):
            continue  # a death: grief, not care
        needs = {
            h.theme_id
            for h in told
            if m.start() <= h.start < m.end()
            and (h.theme_id in roots or roots & set(onto.ancestors(h.theme_id)))
        }
        kind = _own_relative(words)
        if kind == "child":  # "mijn kinderen … ik ben moe": the writer's strain is no need of the child's
            needs -= set(combo.self_themes)
        if kind and (needs or has_phrase(words, data.get("care_needs", ()))):
            relative = True
            cared |= needs
        speaks = bool(SELF.intersection(words))
        strain = strain or (speaks and has_phrase(words, data.get("strain", ())))
        rest = rest or has_phrase(words, data.get("rest", ()))
        tasks = tasks or (speaks and adult and has_phrase(words, data.get("care_tasks", ())))
    if not (relative and strain and rest or tasks and (strain or rest)):
        return set()
    weights[combo.adds] = 1.0
    for tid in cared & set(weights):
        weights[tid] *= combo.other_weight
    for tid in set(combo.demote) & set(weights):  # the strain follows from the care, as in the combination
        weights[tid] *= combo.demote_weight
    own_children_in_passing(weights, hits, onto, text)
    return {combo.doelgroep} if combo.doelgroep else set()


def _own_relative(words: list[str]) -> str | None:
    """A relative of the writer's own who is no young child ("mijn vader", "onze zoon van 25", not "ons zoontje"):
    "adult" for a word of an adult ("mijn vader", "mijn man") or a child's word with an adult age, "child" for a
    child's word whose age is open ("mijn dochter", "mijn kinderen"), None when none is named."""
    found = None
    for i, w in enumerate(words):
        rel = RELATIONS.get(w)
        if rel is None or not i or words[i - 1] not in OWN or rel[1] is not None and rel[1] < 18:
            continue
        after = words[i + 1 : i + 3]
        aged = len(after) == 2 and after[0] == "van" and after[1].isdigit()
        if aged and int(after[1]) < 18:
            continue  # "mijn zoon van 9": a parent's care, not a carer's
        if rel[0] >= 18 or aged:
            return "adult"
        found = "child"
    return found


def _adult_relative(words: list[str]) -> bool:
    """The text names an adult relative of the writer's own ("mijn moeder", "mn pa", "onze zoon van 30")."""
    return _own_relative(words) == "adult"


YOUTH_DOMAIN = "opvoeden-opgroeien"


def own_children_in_passing(weights: dict[str, float], hits: Iterable[Any], onto: Any, text: str) -> None:
    """In a carer's story, the writer's own children named as the ones who bear the strain ("ik snauw tegen mijn
    eigen kinderen", "mijn kinderen klagen dat ik nooit thuis ben"; ontology/carer-situation.yaml `cost_to_family`)
    are no youth need: a need of the jeugd domain read only in such sentences, none of them a question, goes
    (tester18 B5, ADR 0162). Changes `weights` in place."""
    combo = next((c for c in onto.matching.combinations if c.other_except and c.adds in onto.themes), None)
    if combo is None or combo.adds not in weights:
        return
    cost = _situation().get("cost_to_family", ())
    told = [h for h in hits if not h.negated]
    spans = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]
    for tid in [t for t in weights if t == YOUTH_DOMAIN or YOUTH_DOMAIN in set(onto.ancestors(t))]:
        mentions = [h for h in told if h.theme_id == tid]
        if mentions and all(_told_as_cost(h.start, spans, text, cost) for h in mentions):
            del weights[tid]
        elif not mentions and tid == YOUTH_DOMAIN and _children_only_as_cost(spans, text, cost):
            del weights[tid]  # the domain a child's age added ("mijn zoon van 12 zegt dat ik chagrijnig ben")


def _children_only_as_cost(spans: list[tuple[int, int]], text: str, cost: Any) -> bool:
    """Every sentence that names a child of the writer's tells the strain spilling over on them (and one does)."""
    named = [
        (a, b)
        for a, b in spans
        if any(RELATIONS.get(fold(w), (1,))[0] == 0 for w in _WORD.findall(text[a:b]))
    ]
    return bool(named) and all(_told_as_cost(a, spans, text, cost) for a, _ in named)


def _told_as_cost(at: int, spans: list[tuple[int, int]], text: str, cost: Any) -> bool:
    """The sentence at `at` tells the strain spilling over on the writer's own family, and asks nothing."""
    for a, b in spans:
        if a <= at < b:
            part = text[a : min(b + 1, len(text))]
            words = [fold(w) for w in _WORD.findall(part)]
            return "?" not in part and bool(SELF.intersection(words)) and has_phrase(words, cost)
    return False


def not_the_carers_age(
    uncovered: list[str], other_ages: set[str], pairs: list[Pair]
) -> tuple[list[str], set[str]]:
    """A need of the person cared for, served on the kaart only for other ages than the writer's, is no need without
    help for the writer: "ik ben 15 en ik zorg elke dag voor mijn moeder die MS heeft" read "Voor een ziekte of
    beperking die blijft staat voor deze leeftijd nog geen aanbod" (tester23 N-L, ADR 0180); the illness is the
    mother's, and the services for it are for her age. Such needs leave `uncovered` and `other_ages`."""
    cared = {t for _, ts in pairs for t in ts} & other_ages
    if not cared:
        return uncovered, other_ages
    return [t for t in uncovered if t not in cared], other_ages - cared


def door_gaps(door: Any, pool: Any, ctx: Any, skips: Any, pairs: list[Pair]) -> tuple[list[str], set[str]]:
    """The needs the front door serves (no help on the kaart, or only for other ages), none before the help for a
    danger, and none that is only the cared-for person's gap for the writer's age (`not_the_carers_age`)."""
    if ctx.safety.raised:
        return [], set()
    return not_the_carers_age(*door.uncovered(pool.snapshot(), ctx, skips), pairs)
