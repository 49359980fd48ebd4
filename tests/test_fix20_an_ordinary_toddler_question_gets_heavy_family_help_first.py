"""An ordinary question about a baby or a toddler (potty training, a bath, brushing teeth, sleep) got Steungezin and
Home-Start, help that relieves a family under strain, above the JGZ, the consultatiebureau that is the ordinary first
stop (tester21 B6/B13 partly, docs/usertest/m12test21.md; helper fix20, ADR 0172). All three scored the same for
"opvoeding" and the service id broke the tie. The lightest fitting help comes first for an ordinary question; the
relief help leads when the parent shows strain (alone, no network, "ik trek het niet meer").

Sentences are our own, written before the code changed, except those marked as tester21's.
"""

from __future__ import annotations

import pytest
from builders import top_ids

JGZ = "svc-yunio-jgz"
RELIEF = ("svc-inhuis-steungezin", "svc-yunio-home-start")


def _place(ids: list[str], sid: str) -> int:
    return ids.index(sid) if sid in ids else len(ids)


@pytest.mark.parametrize(
    "text",
    [
        # tester21's B13-1 and post-hoc (docs/usertest/m12test21.md)
        "Mijn dochter van 3 plast nog steeds in haar broek, hoe leer ik haar naar de wc te gaan?",
        "Mijn peuter van 2 wil niet slapen.",
        # our own
        "Ik durf mijn baby niet in bad te doen, hoe doe ik dat het beste?",
        "Hoe leer ik mijn zoontje van 2 zijn tanden te poetsen? Hij houdt zijn mond steeds dicht.",
        "Ons zoontje van 3 wil 's avonds niet naar bed, elke avond is het een strijd. Tips?",
        "Mijn zoontje van 2 wil niet in bad, hij gilt het hele huis bij elkaar. Hoe pak ik dat aan?",
        "Mijn dochter van anderhalf eet bijna geen groente, wat kan ik doen?",
    ],
)
def test_an_ordinary_toddler_question_gets_the_jgz_before_relief_help(demo, text):
    res = demo.match(text, near="Aalten")
    ids = top_ids(res, 10)
    assert JGZ in ids[:3], ids
    assert all(_place(ids, JGZ) < _place(ids, r) for r in RELIEF), ids


@pytest.mark.parametrize(
    "text",
    [
        "Ik ben alleen met mijn peuter van 2, hij slaapt niet en ik trek het niet meer.",
        "Mijn zoon van 3 is nog niet zindelijk en ik sta er helemaal alleen voor, ik heb geen familie in de buurt.",
        "Ik ben alleenstaande moeder van een baby en een peuter en ik ben echt op, niemand die me helpt.",
        "Ik heb drie kleine kinderen, de opvoeding valt me zwaar en ik heb geen netwerk om me heen.",
    ],
)
def test_a_parent_under_strain_gets_relief_help_before_the_jgz(demo, text):
    res = demo.match(text, near="Aalten")
    ids = top_ids(res, 10)
    assert any(r in ids[:3] for r in RELIEF), ids
    assert min(_place(ids, r) for r in RELIEF) < _place(ids, JGZ), ids
