"""Bullying told as what the others do, in a class app or online ("ze maken in de klassenapp steeds foto's van me en
zetten er lelijke dingen bij"), read no Pesten: no lay phrase names the act, so the school and the club team were not
reached (dev a880 as a class, issue 12, ADR 0177; held-out kind jeugd-school). Who does what decides: others who put
photos of the writer, mean words or jokes about the writer in a group or online. Our own wordings, written before the
change; the twins share photos gladly, or ask about an app.
"""

from __future__ import annotations

import pytest
from builders import themes_of

DONE_TO_ME_ONLINE = [
    "ze zetten in de groepsapp van de klas steeds foto's van mij met gemene teksten erbij",
    "Op insta maken meiden uit mijn klas memes van me en iedereen lacht erom. ik ben 13",
    "Mijn zoon (12) vertelt dat klasgenoten filmpjes van hem op tiktok zetten met nare opmerkingen",
    "ik zit in de brugklas en in de klassenapp schrijven ze elke dag lelijke dingen over me",
    "iemand heeft een nepaccount van mij gemaakt en zet er rare dingen op, de hele school ziet het",
    "onze dochter van 14 wordt in een appgroep belachelijk gemaakt, ze huilt elke avond",
]
NOT_BULLYING = [
    pytest.param(
        "ik zet graag foto's van mijn hond op insta, is er een fotoclub voor jongeren?",
        marks=pytest.mark.xfail(
            strict=True,
            reason="the theme word model guesses Pesten (model22's word models; no rule reads it)",
        ),
    ),
    "Mijn dochter van 13 zit de hele dag in de groepsapp van de klas, hoeveel schermtijd is normaal?",
    "we maken in de klassenapp een fotoboek voor de juf die weggaat",
]


@pytest.mark.parametrize("text", DONE_TO_ME_ONLINE)
def test_what_others_do_to_the_writer_online_is_bullying(demo, region, text):
    assert "pesten" in themes_of(demo.match(text, near="Aalten", limit=5)), text
    assert "pesten" in themes_of(region.match(text, near="Aalten", limit=5)), text


@pytest.mark.parametrize("text", NOT_BULLYING)
def test_photos_and_apps_without_harm_are_no_bullying(demo, text):
    assert "pesten" not in themes_of(demo.match(text, near="Aalten", limit=5)), text


SCHOOL_TEAMS = {
    "svc-aalten-ot-school-sportclub",
    "svc-scholen-vo-samenwerking",
    "svc-samenwerkingsverband-po",
}


@pytest.mark.parametrize("text", DONE_TO_ME_ONLINE[:4])
def test_the_class_words_find_the_team_at_school(demo, text):
    """The class, the mentor and the class app are the school (words.yaml `lay22.kind_words.school`): the team that
    works at schools comes up as "op school" brought it (written after the rule, with a880's class)."""
    top = [r["service_id"] for r in demo.match(text, near="Aalten", limit=5).results[:3]]
    assert SCHOOL_TEAMS & set(top), (text, top)
