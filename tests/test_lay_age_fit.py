"""Age and need fit (issue 12, items 1-2): questions of our own about grandchildren, adult children, a teenager
asking for a parent, 17- and 18-year-olds and older people, on the Aalten demo kaart.

For each question the person in need has an age. No service in the top 3 may exclude that age (a service for
parents or mantelzorgers may serve the asker who cares for the child or parent), and the top 3 holds help for
the need: a service whose themes lie on the need's branch of the theme tree.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest


class Q(NamedTuple):
    text: str
    age: int  # the person in need
    need: str  # theme id; the service's theme must be it, above it or under it
    carer: bool = (
        False  # the asker cares for the person in need: services for ouders/mantelzorgers fit the asker
    )


QUESTIONS = [
    Q("mijn kleinzoon van 15 wordt gepest op school", 15, "pesten", carer=True),
    Q("ik ben oma en mijn kleindochter van 8 heeft moeite met lezen", 8, "onderwijs", carer=True),
    Q("mijn kleinkind van 3 praat nog bijna niet", 3, "ontwikkeling-taal", carer=True),
    Q("ik ben 78 en mijn kleinzoon van 14 gaat niet meer naar school", 14, "onderwijs", carer=True),
    Q(
        "opa hier, mijn kleindochter van 10 is verdrietig sinds de scheiding van haar ouders",
        10,
        "opvoeden-opgroeien",
        carer=True,
    ),
    Q("mijn kleinzoon van 20 zoekt werk", 20, "werk", carer=True),
    Q("onze zoon is 24, woont nog thuis en doet de hele dag niks", 24, "werk-dagbesteding", carer=True),
    Q("mijn dochter van 30 heeft schulden en vraagt ons steeds om geld", 30, "financien", carer=True),
    Q("mijn zoon van 28 drinkt te veel", 28, "middelengebruik", carer=True),
    Q("mijn dochter van 19 is somber en komt haar bed niet uit", 19, "geestelijke-gezondheid", carer=True),
    Q(
        "ik ben 16 en vraag dit voor mijn moeder van 45, zij is heel somber",
        45,
        "geestelijke-gezondheid",
        carer=True,
    ),
    Q("ik ben 15 en mijn vader drinkt te veel, wat kan ik doen", 15, "middelengebruik"),
    Q("ik ben 17 en word bijna 18, wat verandert er met mijn jeugdhulp", 17, "opvoeden-opgroeien"),
    Q("ik ben 18 en heb schulden", 18, "financien"),
    Q("ik ben 17 en zoek een bijbaantje", 17, "werk-dagbesteding"),
    Q("ik ben 18 en wil een opleiding doen", 18, "werk-dagbesteding"),
    Q("ik ben 17 en heb schulden door mijn telefoonabonnement", 17, "financien"),
    Q("mijn zoon van 7 heeft veel driftbuien", 7, "opvoeden-opgroeien", carer=True),
    Q("mijn dochter van 13 blowt", 13, "middelengebruik", carer=True),
    Q("mijn dochter van 16 heeft een eetstoornis", 16, "geestelijke-gezondheid", carer=True),
    Q("ik ben 82 en voel me eenzaam", 82, "eenzaamheid"),
    Q("ik ben 23 en voel me eenzaam", 23, "eenzaamheid"),
    Q("ik ben 14 en voel me eenzaam", 14, "eenzaamheid"),
    Q("mijn moeder van 85 kan niet meer alleen douchen", 85, "zelfredzaamheid", carer=True),
    Q("ik ben 45 en mijn moeder van 80 heeft dementie", 80, "dementie", carer=True),
    Q("mijn vader van 60 heeft hersenletsel na een ongeluk", 60, "nah", carer=True),
    Q("mijn baby van 4 maanden huilt de hele dag", 0, "opvoeden-opgroeien", carer=True),
    Q("ik ben 16 en zwanger", 16, "zwangerschap"),
    Q("mijn zoon van 17 is opgepakt door de politie", 17, "justitie"),  # help for him, not for families
    Q("ik ben 67, net met pensioen, en wil vrijwilligerswerk doen", 67, "vrijwilligerswerk"),
    Q("ik ben 11 en mijn ouders gaan scheiden", 11, "huiselijke-relaties"),
    Q("mijn zusje van 12 wordt gepest", 12, "pesten"),
    Q("mijn zoon van 7 heeft moeite met lezen", 7, "onderwijs", carer=True),
    Q("mijn dochter van 14 heeft dyslexie en haalt slechte cijfers", 14, "onderwijs", carer=True),
    Q("mijn kleinzoon zit in groep 7 en wordt gepest", 10, "pesten", carer=True),
    Q("mijn kleindochter zit in de brugklas en spijbelt", 12, "onderwijs", carer=True),
    Q("ik ben 18 en mijn jeugdhulp stopt, wie helpt mij nu", 18, "opvoeden-opgroeien"),
    Q(
        "oma van 70 hier, mijn kleinkinderen van 6 en 9 logeren vaak bij mij en ik weet niet hoe ik met hun driftbuien omga",
        6,
        "opvoeden-opgroeien",
        carer=True,
    ),
    Q("mijn moeder van 90 is heel eenzaam", 90, "eenzaamheid", carer=True),
    # the need is the roof (dakloosheid), not housing at large: a Wmo home adaptation is no help on the street, and
    # the welcome talk for new residents is no help for it either (fix21, ADR 0174, keeps it out of the top 3)
    Q("ik ben 19 en woon op straat", 19, "dakloosheid"),
]
CARER_GROUPS = frozenset({"ouders", "mantelzorgers"})


def problems(matcher, q: Q) -> list[str]:
    res = matcher.match(q.text, limit=3)
    top = [matcher.candidates[r["service_id"]] for r in res.results[:3]]
    if not top:
        return ["empty answer"]
    out = [f"{c.id} is for ages {c.ages}, not {q.age}" for c in top if not _fits_age(c, q)]
    branch = {q.need} | matcher._ancestors.get(q.need, frozenset())

    def for_need(c) -> bool:  # the need, a broader theme, or a more specific one under it
        return bool(c.themes & branch) or q.need in (c.themes_up | c.incidental_up)

    offered = any(for_need(c) and _fits_age(c, q) for c in matcher.candidates.values())
    if offered and not any(for_need(c) for c in top):  # the kaart has help for this need at this age
        out.append(f"no help for {q.need} in the top 3 {[c.id for c in top]}")
    return out


def _fits_age(c, q: Q) -> bool:
    if c.ages is None:
        return True  # unknown: not shown as a fit (ADR 0105), but no exclusion either
    if any(lo <= q.age and (hi is None or q.age <= hi) for lo, hi in c.ages):
        return True
    return q.carer and bool(c.doelgroepen & CARER_GROUPS)


def test_enough_questions_of_every_kind():
    assert len(QUESTIONS) >= 30
    assert sum(q.carer for q in QUESTIONS) >= 10 and sum(not q.carer for q in QUESTIONS) >= 10
    assert {17, 18} <= {q.age for q in QUESTIONS}


@pytest.mark.parametrize("q", QUESTIONS, ids=[q.text[:40] for q in QUESTIONS])
def test_the_top_3_fits_the_age_and_the_need(demo, q):
    found = problems(demo, q)
    assert not found, found


@pytest.mark.parametrize("q", QUESTIONS, ids=[q.text[:40] for q in QUESTIONS])
def test_the_top_3_fits_the_age_and_the_need_on_the_region(region, q):
    found = problems(region, q)
    assert not found, found
