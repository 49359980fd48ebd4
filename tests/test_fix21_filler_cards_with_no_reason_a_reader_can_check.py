"""tester21 N-D (docs/usertest/m12test21.md section 3): cards with no reason a reader can check filled the answer:
"Gevonden met woorden uit uw vraag" weak word matches (Talentverbinder for an amicable ex) and the welcome / refugee
cards ("Welkomstgesprek voor nieuwe inwoners", Vluchtelingenwerk) for a question that is not about newcomers (a
17-year-old asking about huurtoeslag, homelessness, pills kept). Better fewer cards than these, but never an empty
answer: the front door stays. Twins: a newcomer asking about Dutch lessons or a welcome keeps the welcome and the
refugee help. Sentences of our own, written before the code.
"""

from __future__ import annotations

import pytest
from builders import top_ids

NEWCOMER = (
    "svc-de-woonplaats-welkomstgesprek",
    "svc-figulus-vluchtelingenwerk",
    "svc-gemeente-aalten-buurt-maken",
)
WORDS_ONLY = "Gevonden met woorden uit"

NOT_NEW = [
    "Ik ben 17 en wil op mezelf wonen, kan ik huurtoeslag krijgen?",
    "Sinds mijn scheiding slaap ik bij vrienden op de bank, ik heb geen eigen woning meer.",
    "Ik heb geen woning meer en slaap in mijn auto.",
    "ik zit al 2 maanden bij mn neef op de bank want ik heb geen huis",
    "Mijn ex en ik zijn in goede harmonie uit elkaar, ik wil mijn sleutel terug.",
    "Mijn zoon van 19 zoekt een huurwoning in Aalten, hoe gaat dat?",
    "Mijn oma woont al 60 jaar in Aalten en wil kleiner wonen, waar moet ze zich inschrijven?",
]

NEW = [
    "Ik ben net in Aalten komen wonen vanuit Syrie, waar kan ik Nederlands leren?",
    "Wij zijn pas verhuisd naar Aalten en kennen hier nog niemand, is er een welkomstgesprek?",
    "I just moved here from Ukraine, where can I get help with inburgering?",
]


@pytest.mark.parametrize("text", NOT_NEW)
def test_no_newcomer_card_and_no_words_only_card_for_a_question_not_about_newcomers(demo, text):
    res = demo.match(text, near="Aalten")
    ids = top_ids(res, 3)
    assert ids, text  # never an empty answer
    assert not set(ids) & set(NEWCOMER), (text, ids)
    whys = [r["why"] for r in res.results[:3]]
    assert not any(WORDS_ONLY in (w or "") for w in whys), (text, list(zip(ids, whys, strict=False)))


@pytest.mark.parametrize("text", NEW)
def test_twin_a_newcomer_keeps_the_welcome_or_refugee_help(demo, text):
    res = demo.match(text, near="Aalten")
    assert set(top_ids(res, 3)) & set(NEWCOMER), (text, top_ids(res, 5))


def test_a_question_the_kaart_cannot_place_still_gets_the_front_door(demo):
    res = demo.match("Hoe laat gaat de bakker open op zondag?", near="Aalten")
    assert top_ids(res, 3), "never an empty answer"
