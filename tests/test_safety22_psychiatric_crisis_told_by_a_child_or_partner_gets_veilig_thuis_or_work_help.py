"""A psychiatric crisis told by a child or a partner needs the crisis route, not Veilig Thuis for the psychosis and
not work help for the mania (helper safety22, ADR 0176): dev s588 (a child: papa hears people in the walls and tapes
the sockets, the child is home alone with a sister) got Veilig Thuis in the top 3, dev s589 (a partner: quits his
job, millions, calls at 4 am, talks fast, admitted before) got the job café. A parent in a psychosis who hits keeps
Veilig Thuis; a job quit without a crisis keeps work help.

Sentences are our own, written before the code changed.
"""

from __future__ import annotations

import pytest
from builders import top_ids

VT = {"svc-veilig-thuis-advies-melden", "svc-veilig-thuis"}
CRISIS_FIRST = {"svc-crisisdienst-ggz", "svc-huisartsen-poh"}
WORK = {"svc-werkcafe", "svc-re-integratie", "svc-werkcentrum-achterhoek", "svc-aalten-participatieconsulent"}


@pytest.fixture(params=["demo", "region"], scope="module")
def kaart(request):
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize(
    "text",
    [
        "mama denkt dat de buren haar afluisteren en ze heeft de ramen dichtgeplakt. papa is op zijn werk en ik ben alleen thuis met mijn broertje",
        "Mijn vader praat tegen stemmen die er niet zijn en slaapt al dagen niet. Ik ben 12 en alleen thuis met mijn zusje.",
        "papa zegt dat de tv hem bespioneert en heeft alle stekkers eruit getrokken. mama werkt tot laat, ik ben alleen thuis met mn broertje",
        "ik ben 14. mijn moeder hoort stemmen in de muren en praat de hele nacht. mijn vader is weg en ik ben alleen thuis met mijn zusjes",
        "Mijn moeder zegt dat er camera's in de lampen zitten en plakt alles af. Ik ben nu alleen thuis met mijn kleine broertje, wat moet ik doen?",
        "onze papa ziet mensen die er niet zijn en schreeuwt tegen de muur, mama is naar haar werk en ik pas alleen thuis op mijn zusje",
    ],
)
def test_a_parents_psychosis_told_by_a_child_gets_the_crisis_route_not_veilig_thuis(kaart, text):
    res = kaart.match(text)
    assert "psychische-crisis" in res.safety_levels, (res.safety_levels, top_ids(res))
    assert top_ids(res)[:1] and top_ids(res)[0] in CRISIS_FIRST, top_ids(res)
    assert not VT & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "mijn vriend is sinds een week niet te stoppen: hij heeft ontslag genomen, wil een bedrijf dat miljoenen oplevert en belt me om 4 uur s nachts. dit had hij eerder en toen is hij opgenomen",
        "Mijn vrouw slaapt al dagen niet, heeft haar baan opgezegd en denkt dat ze uitverkoren is. Ze is eerder manisch geweest.",
        "mijn broer is opeens heel druk, slaapt niet, heeft zijn werk opgezegd en zegt dat hij de nieuwe Steve Jobs wordt. vorig jaar lag hij hiervoor in de kliniek",
        "Mijn man praat zo snel dat ik hem niet kan volgen, heeft zijn baan opgezegd en geeft duizenden euro's uit. Hij is eerder opgenomen geweest voor een manie.",
        "mijn vriendin is weer manisch denk ik: ze heeft haar baan opgezegd, wil een wereldreis boeken en slaapt niet meer",
        "Sinds vorige week slaapt mijn partner nauwelijks, zegt ontslag te nemen om miljonair te worden en belt iedereen midden in de nacht. Hij is al eens opgenomen.",
    ],
)
def test_a_partners_mania_gets_the_crisis_route_not_work_help(kaart, text):
    res = kaart.match(text)
    assert "psychische-crisis" in res.safety_levels, (res.safety_levels, top_ids(res))
    assert not WORK & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "papa hoort stemmen en als hij boos is slaat hij mij en mijn zusje",
        "Mijn moeder is psychotisch en sluit mij en mijn broertje op in de kelder.",
    ],
)
def test_a_parent_in_a_psychosis_who_harms_the_child_keeps_veilig_thuis(kaart, text):
    res = kaart.match(text)
    assert "onveilig-thuis" in res.safety_levels, (res.safety_levels, top_ids(res))


@pytest.mark.parametrize(
    "text",
    [
        "mijn vriend heeft zijn baan opgezegd en wil een eigen bedrijf beginnen, waar kan hij advies krijgen?",
        "Ik heb mijn baan opgezegd omdat ik het niet meer leuk vond. Wie helpt me aan nieuw werk?",
        "mama werkt tot laat en ik ben vaak alleen thuis met mijn zusje, ik verveel me. waar kan ik heen na school?",
    ],
)
def test_a_job_quit_or_a_parent_at_work_without_a_crisis_raises_no_crisis(kaart, text):
    res = kaart.match(text)
    assert "psychische-crisis" not in res.safety_levels, res.safety_levels
