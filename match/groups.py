"""Services for a specific group (docs/adr/0115-services-for-a-specific-group.md, issue 12 points 1 and 2).

Why: a welcome talk for new residents, a newcomers' language café or the carers' support point fits a need for
the people it exists for, not for everyone who shares the need. Shown first to an elderly person who is lonely,
it claims a fit nobody checked. Age bands are judged by `age_fit` (match/ages.py); this module does the same for
the other doelgroepen:

- a service is *for a specific group* when every doelgroep it has is one (no age band, not "iedereen":
  nieuwe inwoners, nieuwkomers, mantelzorgers, vrijwilligers, ouders), or when every specific need it exists for
  is the own need of a group (words.yaml `doelgroep_cues` `themes`: inburgering for nieuwkomers);
- the asker *signals* a group by naming it or a lay cue for it (words.yaml `doelgroep_cues`: "net verhuisd",
  "ik zorg voor mijn moeder", "gevlucht"), by asking for its own need (mantelzorg), or as a parent;
- a service for groups the asker did not signal goes after the services that fit the need for everyone and its
  why-line names the group ("Voor nieuwe inwoners van de gemeente") instead of claiming a fit; a service for a
  group the asker signals may lead (match/rank.py `fits_first`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from match.themeclf import MODEL_WHY
from match.words import _data

EVERYONE = "iedereen"
_EMPTY: frozenset[str] = frozenset()


@dataclass(frozen=True)
class GroupRules:
    """What the ontology says about doelgroepen that are not an age band."""

    specific: frozenset[str]  # doelgroepen that are neither an age band nor everyone
    # theme -> the groups whose own need it is (also for its narrower themes)
    need_groups: Mapping[str, frozenset[str]]
    labels: Mapping[str, str]  # doelgroep -> B1 label, lower-case first letter
    parents: Mapping[str, tuple[str, ...]]
    # a group read from a need -> the named groups that rule it out (words.yaml `doelgroep_excludes`, ADR 0135)
    excludes: Mapping[str, frozenset[str]] = dataclasses.field(default_factory=dict)
    why_public: str = "Voor {groups}"
    why_professional: str = "alleen voor {groups} (niet genoemd in de vraag)"

    def of_service(self, cand: Any) -> frozenset[str]:
        """The specific groups the service exists for only; empty when it is for everyone or an age band too."""
        own = cand.doelgroepen
        if own and own <= self.specific:
            return frozenset(own)
        needs = [t for t in cand.central if self.parents.get(t)]  # its specific needs, not its leefgebieden
        if needs and all(t in self.need_groups for t in needs):
            return frozenset().union(*(self.need_groups[t] for t in needs))
        return _EMPTY

    def signalled(self, ctx: Any) -> frozenset[str]:
        """The groups the question places someone in: named or cued, by a need that is the group's own, or as a
        parent (a question about one's child)."""
        named = set(getattr(ctx, "groups", ()) or ())
        out = set(named)
        for tid in getattr(ctx, "weights", {}) or {}:
            out |= self.need_groups.get(tid, _EMPTY)
        # years of living here or work brought someone here: no newcomer by the need alone (ADR 0135)
        out -= {g for g, by in self.excludes.items() if g not in named and not by.isdisjoint(named)}
        if getattr(ctx, "parent", False) or getattr(ctx, "parenting", False):
            out.add("ouders")
        return frozenset(out)

    def for_others(self, cand: Any, signalled: frozenset[str]) -> frozenset[str]:
        """The service's groups when it is only for groups the question does not signal; else empty."""
        groups = self.of_service(cand)
        return groups if groups and groups.isdisjoint(signalled) else _EMPTY

    def leads(self, cand: Any, ctx: Any) -> bool:
        """The service is only for groups the question names in words ("we zijn net komen wonen", "ik verzorg
        mijn man"): it may lead. A group read only from a need ("de zorg voor hem regelen", or caregiver overload
        read from "mijn man ... lange ziekte ... ik huil") keeps it in place: the casemanager of the father with
        dementia stays first, and a widow's grief is not a carer's question."""
        groups = self.of_service(cand)
        named = getattr(ctx, "named_groups", None)
        if named is None:
            named = getattr(ctx, "groups", ()) or ()
        return bool(groups) and groups <= set(named)

    def line(self, groups: frozenset[str], audience: str) -> str:
        """ "Voor nieuwe inwoners van de gemeente" (B1); professionals: "alleen voor nieuwe inwoners van de gemeente
        (niet genoemd in de vraag)", after the ladder's own first part."""
        names = " en ".join(self.labels.get(g, g) for g in sorted(groups))
        template = self.why_professional if audience == "professional" else self.why_public
        return template.format(groups=names)


_CACHE: dict[int, tuple[Any, GroupRules]] = {}  # id -> (the ontology itself, its rules)
GAP = r"(?:\S+ ){0,3}"  # "..." in a cue: up to three words
Cues = tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]  # (doelgroep, words, unless) per entry


def _alternatives(words: tuple[str, ...]) -> re.Pattern[str] | None:
    parts = [GAP.join(re.escape(p.strip()) + " " for p in w.split("...")).rstrip() for w in words]
    return re.compile(r"\b(?:" + "|".join(parts) + ")") if parts else None


@lru_cache(maxsize=4)
def _cue_patterns(cues: Cues) -> tuple[tuple[str, re.Pattern[str] | None, re.Pattern[str] | None], ...]:
    return tuple((gid, _alternatives(words), _alternatives(unless)) for gid, words, unless in cues)


def cued_groups(text_norm: str, cues: Cues) -> list[str]:
    """The doelgroepen whose cue words (words.yaml `doelgroep_cues`) stand in the folded text, a cue from the start
    of a word ("mantelzorg" also in "mantelzorger"), "..." up to three words ("ik zorg elke dag voor mijn man"),
    and none of the entry's `unless` words ("wij wonen sinds kort in nederland" is no new resident of the
    gemeente but a newcomer to the country)."""
    out = []
    for gid, words, unless in _cue_patterns(cues):
        if (
            words is not None
            and words.search(text_norm)
            and not (unless is not None and unless.search(text_norm))
        ):
            out.append(gid)
    return list(dict.fromkeys(out))


def group_rules(onto: Any) -> GroupRules:
    """The rules for an ontology (made once per ontology object)."""
    hit = _CACHE.get(id(onto))
    if hit is not None and hit[0] is onto:
        return hit[1]
    rules = _build(onto)
    _CACHE[id(onto)] = (onto, rules)
    return rules


def _build(onto: Any) -> GroupRules:
    groups = onto.doelgroepen
    specific = frozenset(g.id for g in groups.values() if not g.is_age_band and g.id != EVERYONE)
    parents = {t.id: tuple(getattr(t, "parents", ()) or ()) for t in onto.themes.values()}
    children: dict[str, set[str]] = {}
    for tid, ups in parents.items():
        for p in ups:
            children.setdefault(p, set()).add(tid)
    need_groups: dict[str, set[str]] = {}
    data = _data()
    for cue in data.get("doelgroep_cues") or []:
        gid = str(cue.get("doelgroep") or "")
        if gid not in specific:
            continue
        stack = [str(t) for t in cue.get("themes") or []]
        while stack:  # the group's need and every narrower need
            tid = stack.pop()
            if tid in onto.themes and gid not in need_groups.get(tid, set()):
                need_groups.setdefault(tid, set()).add(gid)
                stack.extend(children.get(tid, ()))
    labels = {}
    for g in groups.values():
        label = g.b1_label or g.label
        labels[g.id] = label[:1].lower() + label[1:]
    why = data.get("doelgroep_why") or {}
    return GroupRules(
        specific=specific,
        need_groups={t: frozenset(gs) for t, gs in need_groups.items()},
        labels=labels,
        parents=parents,
        excludes={
            str(g): frozenset(map(str, by or ())) for g, by in (data.get("doelgroep_excludes") or {}).items()
        },
        why_public=str(why.get("public") or GroupRules.why_public),
        why_professional=str(why.get("professional") or GroupRules.why_professional),
    )


def name_the_group(
    best: list[Any], results: list[dict[str, Any]], ctx: Any, rules: GroupRules, answer: Any
) -> None:
    """The why-line of a service for a group the question does not signal says the group first; for residents
    it replaces the line that would claim a fit ("Helpt bij ...", "Gevonden met woorden ..."). In place."""
    signalled = rules.signalled(ctx)
    for s, row in zip(best, results, strict=True):
        groups = rules.for_others(s.cand, signalled)
        if not groups or s.top > 0:
            continue
        parts = [p for p in row["why"].split(" · ") if p]
        if ctx.audience != "professional":  # no "Helpt bij ...", "Gevonden met woorden", "Wij denken ..."
            words = answer.words(ctx)  # the asker's register: "je" for a child (ADR 0121)
            claims = {MODEL_WHY, answer.model_why(ctx), answer._ground_line(s.cand, s.matched, words)}
            claims.add(words.why["words"])
            parts = [p for p in parts if p not in claims]
        line = rules.line(groups, ctx.audience)
        parts = [*parts[:1], line, *parts[1:]] if ctx.audience == "professional" else [line, *parts]
        row["why"] = " · ".join(parts)
