"""Dev s014 as a class (ADR 0144): odd jobs (a lamp, the garden, the gutter) and household help (cleaning) share
the themes huishouden and zelfredzaamheid, so the Wmo household help came into the top 3 for a lamp and a garden.
The kind of help asked decides (words.yaml `help_kinds`). Sentences of our own, written before they were run, on
the synthetic region, which has both a klushulp and the Wmo household help; each with its twin."""

from __future__ import annotations

import pytest
from builders import top_ids

KLUS = "svc-klushulp"
WMO_CLEAN = "svc-wmo-huishoudelijke-hulp"


@pytest.mark.parametrize(
    "text",
    [
        "Wie kan bij mij een lamp ophangen en de heg snoeien? Ik ben 84.",
        "de dakgoot is verstopt en de kraan lekt, ik kan dat niet meer zelf",
        "Mijn tuin is een wildernis geworden sinds mijn knie operatie, wie helpt?",
        "Ik zoek iemand voor kleine klusjes in huis, een plank ophangen en een lampje vervangen.",
        "Het gras maaien en de gordijnen ophangen lukt mij niet meer door mijn rug.",
    ],
)
def test_odd_jobs_get_no_cleaning_help_in_the_top_3(region, text):
    res = region.match(text, near="Aalten", limit=6)
    assert WMO_CLEAN not in top_ids(res), (text, top_ids(res))


@pytest.mark.parametrize(
    "text",
    [
        "Door mijn reuma kan ik mijn huis niet meer schoonhouden, wie kan komen poetsen?",
        "Ik kan de ramen en de badkamer niet meer schoonmaken door mijn reuma, wie helpt met poetsen?",
    ],
)
def test_control_cleaning_keeps_the_household_help(region, text):
    res = region.match(text, near="Aalten", limit=6)
    assert WMO_CLEAN in top_ids(res), (text, top_ids(res))
