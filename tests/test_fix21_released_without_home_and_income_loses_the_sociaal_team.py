"""Dev q076 since fix19 (ADR 0171: a basic need leads, other needs keep half their weight): someone who leaves
prison without a home and without income lost the sociaal team (and the shelter) from the top 3; a reporting point
for nuisance (maatwerk) and services that only "touch" income came first. A person with no roof and no income needs
the team that looks at the whole situation, or the shelter. Sentences of our own (a professional and residents,
other persons and tenses), written before the code; the twins keep fix19's order (a roof before a job).
"""

from __future__ import annotations

import pytest
from builders import top_ids

WHOLE = ("svc-sociaal-team-aalten", "svc-sociaal-team-dinxperlo", "svc-maatschappelijke-opvang")

CASES = [
    (
        "Mijn cliënt komt over twee weken uit de gevangenis en heeft geen huis en geen uitkering.",
        "professional",
    ),
    ("ik kom volgende maand vrij uit de bajes en heb geen woning en ook geen inkomen", "public"),
    (
        "Mijn broer zat vast en is gisteren vrijgelaten, hij heeft geen dak boven zijn hoofd en geen geld.",
        "public",
    ),
    ("Na mijn detentie sta ik op straat zonder inkomen, wie kan me helpen?", "public"),
    (
        "Een man die net uit detentie komt heeft geen woonruimte en geen inkomsten, waar kan hij terecht?",
        "professional",
    ),
    ("ex gedetineerde zonder woning en zonder inkomen zoekt hulp", "public"),
]


@pytest.mark.parametrize(("text", "audience"), CASES)
def test_released_without_home_and_income_gets_the_whole_situation_help(region, text, audience):
    res = region.match(text, audience=audience)
    ids = top_ids(res, 3)
    assert set(ids) & set(WHOLE), (text, ids)
