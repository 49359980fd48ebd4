"""Dev a630, a633, s444, s445 as classes (ADR 0149): since ADR 0142 a strong idiom ("ik word gek van", "maakt me
kapot", "ik zou ze kunnen wurgen") no longer raises danger, and the everyday need behind it was often not read at
all. The idiom tells the burden; the rest of the sentence tells the need: a relative's interference, a move in old
age with the children far away, noise from neighbours, exhaustion from work. Sentences of our own, written before
they were run (none a tester's or an eval question's)."""

from __future__ import annotations

import pytest
from builders import top_ids

MW = "svc-sensire-maatschappelijk-werk"
ELDERLY = {
    "svc-figulus-ouderenwerk",
    "svc-figulus-welzijnscoach",
    "svc-humanitas-vat",
    "svc-vat-aalten-vraag-advies",
}
NEIGHBOUR_HELP = {"svc-buurtcoach-aalten", "svc-sociaal-team-aalten"}
LOW_MOOD = {"svc-cursus-somberheid", "svc-ggz-basis", "svc-sociaal-team-aalten"}
DANGER_REGION = {"svc-alarmnummer-112", "svc-veilig-thuis", "svc-crisisdienst-ggz"}


@pytest.mark.parametrize(
    "text",
    [
        "mijn schoonvader staat elke ochtend onaangekondigd in de keuken en bemoeit zich met alles, het maakt me gek",
        "Mijn schoonmoeder bemoeit zich met de opvoeding van onze kinderen en komt steeds zomaar binnenlopen. "
        "Ik word er gek van.",
        "mijn moeder komt dagelijks ongevraagd langs en bemoeit zich met mijn huishouden, ik ben er helemaal kapot van",
        "ik word knettergek van mijn schoonfamilie, ze staan steeds onaangekondigd op de stoep en hebben overal een "
        "mening over",
        "Mijn zus loopt hier elke dag binnen zonder te bellen en bemoeit zich met mijn relatie. Dat sloopt me.",
    ],
)
def test_a_meddling_relative_gets_social_work(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    assert "huiselijke-relaties" in [t["id"] for t in res.themes], (text, res.themes)
    assert MW in top_ids(res), (text, top_ids(res))


@pytest.mark.parametrize(
    "text",
    [
        "ik ben 84 en moet verhuizen naar een kleiner huis, het sloopt me, mijn zoon woont in Canada. "
        "wie kan helpen met inpakken?",
        "Op mijn 82e nog verhuizen, het maakt me kapot. Ik heb niemand in de buurt die helpt met de dozen.",
        "mijn man is overleden en ik moet het huis uit, ik ben 80 en die hele verhuizing maakt me kapot. "
        "wie helpt een oude vrouw?",
    ],
)
def test_a_move_in_old_age_gets_the_elderlys_welfare_work(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    top = top_ids(res)
    assert ELDERLY & set(top), (text, top)
    assert "svc-figulus-jeugd-jongerenwerk" not in top, (text, top)


@pytest.mark.parametrize(
    "text",
    [
        "ik vermoord mijn bovenburen nog eens, ze stampen elke nacht en draaien harde muziek. ik wil gewoon slapen",
        "de buren hebben elke avond keiharde muziek aan, ik word er gek van, ik zou ze wel wat kunnen doen maar ik "
        "wil alleen rust",
        "Door de herrie van de buren slaap ik al weken niet. Ik zou ze kunnen wurgen. Wie kan bemiddelen?",
        "de buurman laat zijn hond de hele nacht blaffen en draait muziek, het maakt me gek, wie helpt met een "
        "gesprek met hem?",
        "ik zou de buren wel achter het behang kunnen plakken met hun harde muziek elke nacht, ik wil gewoon mijn "
        "nachtrust terug",
    ],
)
def test_neighbour_noise_behind_an_idiom_gets_the_neighbourhood_help(region, text):
    res = region.match(text, near="Aalten", limit=6)
    top = top_ids(res)
    assert "burenoverlast" in [t["id"] for t in res.themes], (text, res.themes)
    assert top and top[0] in NEIGHBOUR_HELP, (text, top)
    assert not DANGER_REGION & set(top), (text, top)


@pytest.mark.parametrize(
    "text",
    [
        "sinds de fusie op mijn werk ben ik helemaal kapot, thuis ben ik kortaf tegen de kinderen en ik slaap slecht",
        "Het werk sloopt me sinds de reorganisatie, ik val 's avonds in slaap op de bank en ik schreeuw om niks "
        "tegen mijn kinderen.",
        "sinds de nieuwe manager ben ik op, ik ben moe en somber en snauw thuis iedereen af",
        "mijn werk maakt me kapot, ik ben zo moe dat ik de kinderen afblaf om niks",
    ],
)
def test_worn_out_by_work_gets_help_for_low_mood(region, text):
    res = region.match(text, near="Aalten", limit=6)
    top = top_ids(res)
    assert "psychische-klachten" in [t["id"] for t in res.themes], (text, res.themes)
    assert LOW_MOOD & set(top), (text, top)
    assert "svc-re-integratie" not in top and not DANGER_REGION & set(top), (text, top)


def test_control_a_neighbours_real_threat_still_raises(region):
    res = region.match(
        "mijn buurman heeft gedreigd dat hij me kapot maakt en staat met een mes voor de deur",
        near="Aalten",
        limit=6,
    )
    assert "svc-alarmnummer-112" in top_ids(res)


def test_control_plain_neighbour_noise_keeps_its_need(region):
    res = region.match(
        "de buren draaien harde muziek tot diep in de nacht, wie kan bemiddelen?", near="Aalten"
    )
    assert top_ids(res)[0] in NEIGHBOUR_HELP
