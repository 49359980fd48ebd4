"""Eval batch 9, dev s455 as a class (ADR 0147): a professional puts the topic first and denies the worry after it
("Over de veiligheid maak ik me geen zorgen"); the denial was not read, so Veilig Thuis and the youth crisis team
came first for a family that asks for support. Sentences of our own, with the twin that keeps the worry.
"""

from __future__ import annotations

import pytest
from builders import top_ids

CRISIS = {"svc-veilig-thuis", "svc-spoedteam-jeugd", "svc-alarmnummer-112"}


@pytest.mark.parametrize(
    "text",
    [
        "Ik ben schoolmaatschappelijk werker. Een moeder met lvb vergeet vaak de gymspullen en het eten voor school. "
        "Over de veiligheid thuis maak ik me geen zorgen. Wie kan haar helpen met structuur?",
        "Als wijkcoach spreek ik een vader met een verstandelijke beperking die de opvoeding zwaar vindt. Over "
        "huiselijk geweld hebben we geen zorgen. Welke gezinsbegeleiding is er?",
        "Cliënt met lvb heeft moeite met plannen en het huishouden. Over mishandeling maak ik mij geen zorgen, wel "
        "over de rommel. Wie ondersteunt dit gezin?",
        "Wij zien een gezin waar de ouders licht verstandelijk beperkt zijn. Over de veiligheid van de kinderen zijn "
        "er geen zorgen. Wie kan het gezin thuis ondersteunen?",
        "Ik ben jeugdverpleegkundige. Een jonge moeder met lvb heeft weinig ritme in de dag. Over geweld maken we ons "
        "geen zorgen. Wie kan meekijken?",
    ],
)
def test_a_denied_worry_after_the_topic_raises_no_crisis_line(region, text):
    res = region.match(text, audience="professional")
    assert not res.signals["veiligheid"], (text, res.themes)
    assert not CRISIS & set(top_ids(res)), (text, top_ids(res))


@pytest.mark.parametrize(
    "text",
    [
        "Als wijkcoach zie ik een moeder met lvb. Over de veiligheid van de kinderen maak ik me wel zorgen, "
        "ze worden geslagen. Wat kan ik doen?",
        "Ik ben jeugdverpleegkundige. Over huiselijk geweld maak ik me grote zorgen bij dit gezin. Wat nu?",
    ],
)
def test_twin_a_worry_kept_after_the_topic_keeps_the_safety_help(region, text):
    res = region.match(text, audience="professional")
    assert res.signals["veiligheid"], (text, res.themes)
