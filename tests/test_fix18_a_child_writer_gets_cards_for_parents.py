"""tester20 section 3 as a class (ADR 0169): a child who writes got Home-Start (volunteers who visit parents of
young children) as card 3. A service whose only way in is the parent (its doelgroep is ouders and what it does is
parenting support) does not belong in a child's top 3: the child cannot go there. Twins: a parent who asks keeps
it. Sentences of our own, written before the change was made.
"""

from __future__ import annotations

import pytest

FOR_PARENTS = {"svc-yunio-home-start", "svc-inhuis-steungezin"}
PARENTING = {"svc-yunio-home-start", "svc-inhuis-steungezin", "svc-yunio-jgz", "svc-ggd-nog-jgz"}

CHILDREN = [
    "als papa gedronken heeft moeten ik en mijn zusje op zolder blijven anders krijgen we klappen",
    "ik ben 10 en mijn mama schreeuwt heel de dag tegen mij",
    "mijn ouders gaan scheiden en ik weet niet bij wie ik moet wonen, ik ben 12",
    "ik ben 9 en papa en mama maken altijd ruzie, ik kan niet slapen",
    "mama is heel vaak moe en dan moet ik voor mijn broertje zorgen, ik ben 11",
    "ik zit in groep 7 en thuis is het altijd onrustig en papa is vaak boos",
]

PARENTS = [
    "Ik ben moeder van drie jonge kinderen en het opvoeden wordt me allemaal te veel",
    "Mijn zoon van 4 heeft veel driftbuien en ik weet niet hoe ik moet reageren",
]


def _top(res, n=3):
    return [r["service_id"] for r in res.results[:n]]


@pytest.mark.parametrize("text", CHILDREN)
def test_a_child_writer_gets_no_card_for_parents_in_the_top_3(demo, text):
    res = demo.match(text, limit=10)
    assert not FOR_PARENTS & set(_top(res)), (text, _top(res), res.register)


@pytest.mark.parametrize("text", PARENTS)
def test_twin_a_parent_keeps_parenting_support(demo, text):
    res = demo.match(text, limit=10)
    assert PARENTING & set(_top(res)), (text, _top(res))
