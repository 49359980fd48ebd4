"""The matcher, as a user meets it: `kaart match --json`, POST /api/v1/match, safety, negation, places, ages.

Matcher tests use module-scoped matchers built straight on the graph (no Flask): one on the evaluation region,
one on the shipped Aalten demo kaart (the kaart users get). Only the CLI/API/privacy tests build an app.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from pathlib import Path

import pytest

from graph import ensure_schema
from graph.store import connect

EVAL = Path(__file__).parent / "eval"


@pytest.fixture(scope="module")
def kaart_app(falkor_server, tmp_path_factory):
    """An app (CLI, API) with the evaluation data set imported and indexed."""
    from ingest.hsds import import_hsds
    from ingest.ontology_loader import load_ontology_into_graph
    from match.derive import derive_themes
    from match.index import rebuild_index
    from webapp import create_app
    from webapp.answer import get_matcher
    from webapp.db import close_store, get_store

    data_dir = tmp_path_factory.mktemp("match-app")
    uri = f"falkordb://{falkor_server.data_dir}?graph=t_{uuid.uuid4().hex[:12]}"
    app = create_app({"TESTING": True, "DATA_DIR": str(data_dir), "GRAPH_URI": uri, "TILE_URL": ""})
    with app.app_context():
        store = get_store()
        ensure_schema(store)
        load_ontology_into_graph(store)
        import_hsds(store, EVAL / "dataset")
        matcher = get_matcher(app)
        derive_themes(store, matcher.analyzer)
        rebuild_index(store, Path(app.config["INDEX_DIR"]))
        matcher.refresh(force=True)
    yield app
    with app.app_context():
        get_store().clear()
    close_store(app)


def _top(res, n: int = 3) -> list[str]:
    return [r["service_id"] for r in res.results[:n]]


def test_cli_match_json_has_the_contract_shape(kaart_app):
    runner = kaart_app.test_cli_runner()
    from webapp.cli import cli

    # The CLI builds its own app from the environment: point it at the same graph and index.
    env = {
        "KAART_GRAPH_URI": kaart_app.config["GRAPH_URI"],
        "KAART_DATA_DIR": kaart_app.config["DATA_DIR"],
        "KAART_INDEX_DIR": kaart_app.config["INDEX_DIR"],
    }
    result = runner.invoke(
        cli, ["match", "ik kom niet rond, woon in Dinxperlo", "--limit", "5", "--json"], env=env
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"themes", "signals", "place", "results"} <= set(data)
    assert data["place_source"] == "tekst" and data["messages"] == []
    assert set(data["signals"]) == {"veiligheid", "crisis"}
    assert data["place"]["name"] == "Dinxperlo" and set(data["place"]) == {"name", "lat", "lon"}
    assert all(set(t) == {"id", "label", "text"} for t in data["themes"])
    assert 0 < len(data["results"]) <= 5
    for r in data["results"]:
        assert set(r) == {"service_id", "organization_id", "name", "niveau", "distance_km", "score", "why"}
        assert r["service_id"].startswith("svc-") and r["organization_id"].startswith("org-")


def test_cli_and_api_never_answer_empty(kaart_app):
    """Nothing in the kaart fits: the front door, not an empty list (the region has no profile ids: the
    broadest lokaal-team service stands in)."""
    from webapp.cli import cli

    env = {
        k: kaart_app.config[v]
        for k, v in (
            ("KAART_GRAPH_URI", "GRAPH_URI"),
            ("KAART_DATA_DIR", "DATA_DIR"),
            ("KAART_INDEX_DIR", "INDEX_DIR"),
        )
    }
    out = kaart_app.test_cli_runner().invoke(
        cli, ["match", "ik zoek een leuke hobby voor mijn kat", "--json"], env=env
    )
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["results"]
    resp = kaart_app.test_client().post("/api/v1/match", json={"text": "qwerty zxcvb"})
    assert resp.status_code == 200 and resp.json["results"]


def test_api_match_returns_the_contract_and_no_store(kaart_app):
    client = kaart_app.test_client()
    resp = client.post("/api/v1/match", json={"text": "ik voel me zo alleen", "near": "Aalten", "limit": 3})
    assert resp.status_code == 200
    assert resp.headers["Cache-Control"] == "no-store"
    data = resp.json
    assert {"themes", "signals", "place", "results", "place_source", "messages"} == set(data)
    assert len(data["results"]) == 3
    assert "eenzaamheid" in {t["id"] for t in data["themes"]}


def test_api_match_rejects_bad_input_and_get(kaart_app):
    client = kaart_app.test_client()
    assert client.post("/api/v1/match", json={}).status_code == 400
    assert client.post("/api/v1/match", json={"text": "x", "limit": "veel"}).status_code == 400
    assert client.get("/api/v1/match?text=schulden").status_code == 405


def test_danger_puts_crisis_services_first_with_a_notice(region):
    res = region.match("mijn man slaat me en ik ben bang")
    assert res.signals["veiligheid"] is True
    assert res.results[0]["niveau"] == "crisis"
    # Geweld thuis: Veilig Thuis; 112 is for acute danger only, 113 for suicidal thoughts only.
    assert res.results[0]["service_id"] == "svc-veilig-thuis"
    assert not {"svc-alarmnummer-112", "svc-hulplijn-113"} & set(_top(res))
    assert "Veilig Thuis" in res.notice


def test_suicidal_text_raises_crisis(region):
    res = region.match("ik wil niet meer leven")
    assert res.signals["crisis"] is True
    assert res.results[0]["service_id"] == "svc-hulplijn-113"
    assert "svc-alarmnummer-112" not in _top(res)
    assert "113" in res.notice


def test_negated_danger_raises_no_safety_signal(region):
    res = region.match("geen sprake van huiselijk geweld, wel grote schulden")
    assert res.signals == {"veiligheid": False, "crisis": False}
    assert "huiselijk-geweld" not in {t["id"] for t in res.themes}
    assert "schulden" in {t["id"] for t in res.themes}
    assert "svc-veilig-thuis" not in _top(res, 10)


def test_uncertain_danger_still_puts_safety_first_but_is_not_acute(region):
    res = region.match("mogelijk onveilige situatie thuis, vermoedelijk huiselijk geweld")
    assert res.signals["veiligheid"] is True and res.signals["crisis"] is False
    assert res.notice.startswith("Twijfelt u")


def test_place_in_text_and_near_override(region):
    res = region.match("hulp bij formulieren in Dinxperlo")
    assert res.place["name"] == "Dinxperlo" and res.place_source == "tekst"
    near = region.match("hulp bij formulieren in Dinxperlo", near="51.9253,6.5806")
    assert near.place["lat"] == pytest.approx(51.9253) and near.place_source == "veld"
    assert near.results[0]["distance_km"] is not None
    assert any("Dinxperlo" in m for m in near.messages)  # the text's place is not dropped silently


def test_age_cue_filters_services_outside_the_age(region):
    res = region.match("mijn zoon van 15 wordt gepest op school")
    assert res.results  # an empty answer would pass the loop below
    for r in res.results:
        c = region.candidates[r["service_id"]]
        assert c.min_age is None or c.min_age <= 15
        assert c.max_age is None or c.max_age >= 15


def test_a_parent_fits_adults_services_but_not_services_for_the_elderly(region):
    res = region.match("mijn zoon van 20 zit de hele dag thuis en doet niks", limit=10)
    for r in res.results:
        cand = region.candidates[r["service_id"]]
        assert cand.ages is None or any(lo <= 60 for lo, _ in cand.ages), r  # no 65+ service
    baby = region.match("onze baby van 4 maanden slaapt slecht", limit=10)
    assert 0 in [a for a in region.analyzer.analyze("onze baby van 4 maanden slaapt slecht").ages]
    assert baby.results


# -- the Aalten demo kaart (issue 12) ---------------------------------------------------------------------


def _ages_fit(cand, age: int) -> bool:
    return cand.ages is None or any(lo <= age and (hi is None or age <= hi) for lo, hi in cand.ages)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("mijn zoon van 15 wordt gepest op school", 15),
        ("mijn dochter van 7 heeft moeite met lezen op school", 7),
        ("mijn zoon van 14 spijbelt steeds", 14),
    ],
)
def test_no_service_of_the_wrong_age_is_shown_as_a_fit(demo, text, age):
    res = demo.match(text, limit=10)
    assert res.results
    for r in res.results:
        assert _ages_fit(demo.candidates[r["service_id"]], age), r
    ids = {r["service_id"] for r in res.results}
    wrong = "svc-scholen-po-signaleren" if age >= 12 else "svc-scholen-vo-samenwerking"
    assert wrong not in ids


def test_a_childs_own_need_gets_no_service_for_adults_only(demo):
    """ "mijn dochter van 12 is verdrietig": the child's need; adults' services are for the parent only when the
    asker speaks of themself too."""
    child = demo.match("mijn dochter van 12 is soms verdrietig sinds de scheiding", limit=10)
    assert child.results
    for r in child.results:
        assert _ages_fit(demo.candidates[r["service_id"]], 12), r
    parent = demo.match(
        "mijn dochter van 12 is verdrietig sinds de scheiding en ik weet niet hoe ik haar help", limit=10
    )
    assert any(not _ages_fit(demo.candidates[r["service_id"]], 12) for r in parent.results)


def test_professionals_see_wrong_age_services_apart_and_labelled(demo):
    res = demo.match("mijn zoon van 15 wordt gepest op school", audience="professional", limit=10)
    excluded = {r["service_id"]: r for r in res.excluded}
    assert "svc-scholen-po-signaleren" in excluded
    assert "niet voor deze leeftijd" in excluded["svc-scholen-po-signaleren"]["why"]
    assert not excluded.keys() & {r["service_id"] for r in res.results}


def test_voor_deze_doelgroep_only_where_the_fit_is_known(demo):
    res = demo.match("ik ben 78 en voel me alleen", audience="professional", limit=10)
    for r in res.results:
        cand = demo.candidates[r["service_id"]]
        if "voor deze doelgroep" in r["why"]:
            assert cand.ages is not None and _ages_fit(cand, 78) or {"ouderen"} & cand.doelgroepen


def test_central_theme_beats_a_theme_a_service_merely_touches(demo):
    res = demo.match("ik ben 78 en voel me alleen")
    assert res.results[0]["service_id"] == "svc-figulus-ouderenwerk"
    assert "svc-de-woonplaats-welkomstgesprek" not in _top(res)


def test_negated_need_leaves_the_word_search_too(demo):
    res = demo.match("geen schulden, wel problemen met mijn baan")
    assert "schulden" not in {t["id"] for t in res.themes}
    debt = {"svc-aalten-schuldhulpverlening", "svc-bfo-financiele-ondersteuning"}
    assert not debt & set(_top(res, 5))
    assert res.results[0]["service_id"] in {"svc-werkcentrum-achterhoek", "svc-aalten-participatieconsulent"}


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("ik zie door de bomen het bos niet meer", "psychische-klachten"),
        ("het wordt me allemaal te veel", "psychische-klachten"),
        ("mantelzorgstress", "mantelzorg"),  # a compound split with the Dutch word list
        ("geldzorgen en een schuldenberg", "schulden"),
        ("ik zorg al jaren voor mijn man met parkinson en ik kan het niet meer", "mantelzorg"),
        ("ik heb een huurachterstant", "huurachterstand"),  # a typo
    ],
)
def test_lay_dutch_is_understood(demo, text, theme):
    res = demo.match(text)
    assert theme in {t["id"] for t in res.themes}
    assert res.results and not res.front_door


@pytest.mark.parametrize(
    ("text", "not_theme"),
    [
        (
            "Fictieve dienst voor de test.",
            "pesten",
        ),  # "testen" is one edit from "pesten", but a word of its own
        ("Wij doen een taaltest voor nieuwkomers", "pesten"),
        ("mijn zwager helpt mij met de tuin", "zwangerschap"),  # "zwager" is not a typo of "zwanger"
    ],
)
def test_common_dutch_words_are_not_repaired_into_another_theme(demo, text, not_theme):
    """Typo repair is for words that are not Dutch; a common word as written keeps its meaning (imported
    descriptions go through the same analyser: a service "voor de test" must not become "Gepest worden")."""
    assert not_theme not in {t["id"] for t in demo.match(text).themes}
    assert "pesten" in {t["id"] for t in demo.match("mijn zoon wordt gepst op school").themes}  # a real typo


@pytest.mark.parametrize(
    "text",
    [
        "mijn moeder heeft dementie en ik red het niet meer, ik ben op",
        "mijn vader is ernstig ziek en ik doe alles voor hem, ik loop op mijn tandvlees",
        "ik zorg al jaren voor mijn man met parkinson en ik kan het niet meer",
    ],
)
def test_caregiver_overload_in_everyday_words_finds_caregiver_support(demo, text):
    res = demo.match(text)
    assert "mantelzorg" in {t["id"] for t in res.themes}
    assert {"svc-figulus-mantelzorgondersteuning", "svc-academie-vrijwilligers-mantelzorgers"} & set(
        _top(res)
    )


def test_a_group_named_without_an_age_keeps_other_ages_out(demo):
    res = demo.match("mijn oude buurman dwaalt 's nachts rond", limit=10)
    assert "svc-ggd-nog-jgz" not in {r["service_id"] for r in res.results}  # youth health care
    assert res.results[0]["service_id"] in {"svc-casemanager-dementie", "svc-huisartsen-poh"}


def test_a_ruled_out_need_is_not_brought_back_by_a_shared_phrase(demo):
    res = demo.match("ik heb geen schulden maar ik kom niet rond")
    assert {t["id"] for t in res.themes} == {"armoede"}


def test_a_recognised_need_without_a_service_says_so_at_the_front_door(demo):
    # (not drinking: verslaving is also geestelijke gezondheid now, whose huisarts POH is the help for it)
    res = demo.match("ik slaap al een week in mijn auto")
    # the door names the need it read when the kaart has no help for it (fix22, ADR 0178: "Voor geen huis of
    # slaapplek staat nog geen aanbod in de kaart"), else it says so in general
    why = res.results[0]["why"]
    door = res.front_door or res.results[0]["service_id"] in (res.door_ids or ())
    assert door and ("nog geen passende hulp op de kaart" in why or "nog geen aanbod in de kaart" in why)


def test_coercive_control_and_threats_by_an_ex_go_to_veilig_thuis_not_112(demo):
    for text in (
        "mijn vriend controleert mijn telefoon en mijn geld en ik mag niemand zien",
        "ik ben bang dat mijn ex mijn dochter iets aandoet",
        "ze wordt uitgehuwelijkt en de familie bedreigt haar",
        "mijn oma wordt door mijn oom financieel uitgebuit",
    ):
        res = demo.match(text)
        assert res.signals["veiligheid"] is True, text
        assert res.results[0]["service_id"] == "svc-veilig-thuis-advies-melden", text
        assert not {"svc-112-alarmnummer", "svc-113-hulplijn"} & set(_top(res, 5)), text


# Written from the Meldcode / Veilig Thuis signal lists per form (financieel misbruik van ouderen, eergerelateerd
# geweld, uitbuiting, dwingende controle, stalking, kindermishandeling en verwaarlozing), in everyday words where
# the actor, the object and the act are spread over the sentence (ontology/safety.yaml `signal_rules`).
MELDCODE_SIGNALS = [
    "mijn zoon haalt steeds geld van mijn rekening",
    "mijn dochter neemt elke week geld op van de rekening van mijn moeder zonder het te vragen",
    "sinds de buurman de boodschappen voor opa doet is zijn spaargeld bijna op",
    "de thuishulp gebruikt de pinpas van mijn oma voor haar eigen boodschappen",
    "mijn broers houden me de hele dag in de gaten en ik mag nergens alleen heen",
    "mijn ouders hebben een man voor me uitgekozen, ik wil niet maar ik heb geen keus",
    "mijn vader zegt dat ik de eer van de familie heb geschonden",
    "ze willen me deze zomer in het land van mijn ouders achterlaten",
    "mijn neef werkt 7 dagen per week in een kas en krijgt bijna niets betaald, de baas heeft zijn paspoort",
    "mijn vriendin moet van haar vriend met andere mannen naar bed voor geld",
    "mijn man leest al mijn berichten en ik mag mijn vriendinnen niet meer zien",
    "mijn ex staat elke dag bij mijn werk en blijft me appen",
    "mijn ex dreigt dat hij de kinderen meeneemt naar het buitenland",
    "het buurjongetje loopt altijd in dezelfde kleren en heeft steeds honger",
    "het kind van de buren heeft vaak blauwe plekken en is bang voor zijn vader",
    "het meisje van de overkant heeft vaak een blauw oog",
    "ik mag van mijn man niet naar de dokter en niet naar taalles",
    "mijn vader van 90 wordt door de buurjongen steeds om geld gevraagd en durft geen nee te zeggen",
    "de verzorgster neemt telkens spullen en geld mee uit het huis van mijn vader",
]


@pytest.mark.parametrize("text", MELDCODE_SIGNALS)
def test_meldcode_signals_in_everyday_words_go_to_veilig_thuis(demo, text):
    res = demo.match(text)
    assert res.signals == {"veiligheid": True, "crisis": False}, text
    assert "svc-veilig-thuis-advies-melden" in _top(res), text
    assert not {"svc-112-alarmnummer", "svc-113-hulplijn"} & set(_top(res, 5)), text


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("ik ben bang dat hij me vannacht iets aandoet", "svc-112-alarmnummer"),
        ("help mijn man slaat me nu", "svc-112-alarmnummer"),
        ("mijn vriend heeft een hele pot slaappillen ingenomen", "svc-112-alarmnummer"),
        ("er komt rook uit de woning van mijn bovenburen", "svc-112-alarmnummer"),
        ("mijn zoon van 16 zegt dat hij dood wil", "svc-113-hulplijn"),
        ("ze vertelde dat ze er niet meer wil zijn", "svc-113-hulplijn"),
        ("ik heb opgezocht hoe je pijnloos dood kunt gaan", "svc-113-hulplijn"),
        ("mijn vriendin heeft gezegd dat ze zichzelf wil doden", "svc-113-hulplijn"),
        ("iemand is net neergestoken bij de supermarkt", "svc-112-alarmnummer"),
        ("mijn buurvrouw roept om hulp en ik hoor klappen, nu", "svc-112-alarmnummer"),
    ],
)
def test_acute_danger_and_suicidal_thoughts_told_plainly_put_their_line_first(demo, text, first):
    res = demo.match(text)
    assert res.signals["crisis"] is True, text
    assert res.results[0]["service_id"] == first, text


@pytest.mark.parametrize(
    "text",
    [
        "mijn man mag niet meer werken door zijn rug en nu hebben we geldzorgen",
        "ik help mijn moeder met haar bankzaken omdat ze slecht ziet",
        "mijn dochter beheert het geld van opa want hij heeft dementie, dat gaat goed",
        "mijn ouders willen dat ik ga studeren maar ik wil werken",
        "mijn ex blijft bellen over de kinderen en de alimentatie",
        "mijn man bepaalt altijd waar we op vakantie gaan",
        "ik heb net mijn pillen ingenomen maar voel me nog steeds duizelig",
        "de buurman rookt steeds binnen en het stinkt in de flat",
        "mijn broers houden van voetbal en gaan vaak naar de wedstrijd",
        "ik durf niet te zeggen dat ik schulden heb",
        "mijn tandvlees bloedt als ik poets",
        "mijn vader heeft vorig jaar een hartaanval gehad en moet nu revalideren",
        "ik ben sportcoach en een jongen vertelde me dat zijn vader hem slaat, wat moet ik nu",
    ],
)
def test_everyday_words_near_danger_words_raise_no_emergency(demo, text):
    res = demo.match(text, audience="professional" if "sportcoach" in text else "public")
    assert res.signals["crisis"] is False, text
    assert not {"svc-112-alarmnummer", "svc-113-hulplijn"} & set(_top(res, 5)), text


# Everyday sentences with a danger word in them where nobody is in danger at home: a child who hits classmates at
# school, an institution that takes a document or threatens with a procedure, a marriage for a permit, a fall.
# These raised Veilig Thuis (or 113/112) through bare lay phrases ("slaat", "paspoort ingenomen", "moet trouwen",
# "bedreigt me", "blauw oog", "ik wil niet meer", "ambulance"); the danger now needs who does it to whom
# (ontology/safety.yaml `signal_rules` with `unless`).
EVERYDAY_NOT_DANGER = [
    "mijn zoon slaat andere kinderen op school",
    "de gemeente heeft mijn paspoort ingenomen",
    "we moeten trouwen voor de verblijfsvergunning",
    "we moeten trouwen in het gemeentehuis, hoe regel ik dat",
    "mijn peuter slaat en bijt als hij boos is",
    "mijn dochter slaat met deuren als ze boos is",
    "mijn vader slaat zijn hoofd steeds tegen de kastjes omdat hij slecht ziet",
    "mijn man slaat 's nachts met zijn armen in zijn slaap door zijn parkinson",
    "ik voel me bedreigd in mijn baan door de reorganisatie",
    "de verhuurder dreigt me uit huis te zetten",
    "de deurwaarder bedreigt me met beslag op mijn loon",
    "mijn dochter heeft een pestkop in de klas die haar bedreigt",
    "mijn baas heeft mijn paspoort gekopieerd voor de administratie",
    "mijn moeder kan haar geld niet meer zelf beheren, mijn broer beheert haar geld nu",
    "de bewindvoerder heeft mijn pinpas ingenomen en ik krijg leefgeld",
    "mijn kinderen zijn na school alleen thuis tot ik om vijf uur thuis kom",
    "ik ben tegen mijn wil ontslagen",
    "mijn zoon wordt gedwongen om bijles te volgen",
    "ik ben gevallen met de fiets en heb een blauw oog",
    "mijn moeder is gevallen en heeft blauwe plekken",
    "de ambulance bracht mijn vader vorige week naar het ziekenhuis, nu zoeken we thuiszorg",
    "ik wil niet meer naar school want ik word gepest",
    "ik wil het liefst verdwijnen uit deze buurt, de buren zijn zo vervelend",
]


@pytest.mark.parametrize("text", EVERYDAY_NOT_DANGER)
def test_everyday_sentences_with_a_danger_word_raise_no_safety_alarm(demo, text):
    res = demo.match(text)
    assert res.signals == {"veiligheid": False, "crisis": False}, (text, res.safety_levels)
    assert not {"svc-112-alarmnummer", "svc-113-hulplijn", "svc-veilig-thuis-advies-melden"} & set(
        _top(res)
    ), text


def test_a_child_hitting_classmates_gets_help_for_behaviour_or_school(demo):
    res = demo.match("mijn zoon slaat andere kinderen op school")
    assert {t["id"] for t in res.themes} >= {"gedragsproblemen"}
    assert res.results[0]["service_id"] != "svc-veilig-thuis-advies-melden"


@pytest.mark.parametrize(
    "text",
    [
        "mijn vriend sloeg me gisteren in mijn gezicht",
        "hij schopt en bedreigt mij",
        "mijn vriend heeft me gisteren weer geslagen",
        "mijn zwager slaat mijn zus",
        "ik wil niet meer naar huis want papa slaat ons",
        "mijn vriendin heeft steeds blauwe plekken en zegt dat ze gevallen is",
        "het kind van de buren is vaak dagen alleen thuis",
        "ik moet trouwen met mijn neef van mijn ouders",
        "de baas heeft mijn paspoort afgepakt en ik moet elke dag werken",
        "mijn schoonzoon neemt geld op van de rekening van mijn vader",
    ],
)
def test_the_same_words_with_who_does_it_to_whom_still_go_to_veilig_thuis(demo, text):
    res = demo.match(text)
    assert res.signals == {"veiligheid": True, "crisis": False}, (text, res.safety_levels)
    assert "svc-veilig-thuis-advies-melden" in _top(res), text


def test_i_dont_want_anymore_on_its_own_is_still_despair(demo):
    res = demo.match("ik wil niet meer, alles is zwart")
    assert res.signals["crisis"] is True
    assert res.results[0]["service_id"] == "svc-113-hulplijn"


def test_negated_signal_rule_raises_nothing(demo):
    res = demo.match("ik denk niet dat mijn neef geld van oma pakt, maar ze is wel eenzaam")
    assert res.signals == {"veiligheid": False, "crisis": False}


def test_112_only_for_acute_danger(demo):
    res = demo.match("hij staat nu voor de deur met een mes")
    assert res.signals["crisis"] is True
    assert res.results[0]["service_id"] == "svc-112-alarmnummer"
    assert "112" in res.notice


def test_psychiatric_crisis_goes_to_the_huisarts_not_113(demo):
    res = demo.match("mijn broer is psychotisch en hoort stemmen")
    assert res.signals["crisis"] is True
    assert res.results[0]["service_id"] == "svc-huisartsen-poh"
    assert not {"svc-112-alarmnummer", "svc-113-hulplijn"} & set(_top(res, 5))
    assert "huisarts" in res.notice


def test_confused_elderly_neighbour_is_no_emergency(demo):
    res = demo.match("mijn oude buurman dwaalt 's nachts verward over straat")
    assert res.signals == {"veiligheid": False, "crisis": False}
    assert not {"svc-112-alarmnummer", "svc-113-hulplijn"} & set(_top(res, 10))
    assert "svc-casemanager-dementie" in _top(res)


def test_a_professionals_consultation_question_is_advice_not_an_emergency(demo):
    res = demo.match("ik twijfel of ik een melding moet doen, wat zijn de stappen van de meldcode")
    assert res.signals == {"veiligheid": True, "crisis": False}
    # on the public answer the team's aandachtsfunctionaris and Veilig Thuis' consultation for the team are not
    # offered (for professionals only, ADR 0116): Veilig Thuis' own line, then the front door in their place
    assert _top(res, 2) == ["svc-veilig-thuis-advies-melden", "svc-aalten-brede-intake"]
    assert "svc-112-alarmnummer" not in _top(res, 10)


def test_a_professionals_vermoeden_is_a_consultation_first(demo):
    text = "vermoedelijk wordt het kind thuis geslagen, wat nu"
    pro = demo.match(text, audience="professional")
    assert pro.safety_levels == ["consultatie"] and pro.signals["crisis"] is False
    assert pro.results[0]["service_id"] == "svc-aalten-aandachtsfunctionaris-hg-km"
    public = demo.match(text)  # a resident with the same worry: Veilig Thuis, day and night
    assert public.results[0]["service_id"] == "svc-veilig-thuis-advies-melden"


def test_negated_danger_and_all_clear_raise_nothing(demo):
    for text in (
        "geen acuut gevaar, wel schulden",
        "er is geen sprake van geweld of suïcide, wel eenzaamheid",
    ):
        res = demo.match(text)
        assert res.signals == {"veiligheid": False, "crisis": False}, text
        assert res.notice is None


def test_nothing_fits_gives_the_front_door_with_an_honest_why(demo):
    res = demo.match("ik zoek een leuke hobby voor mijn kat")
    assert res.front_door
    assert res.results[0]["service_id"] == "svc-aalten-brede-intake"
    # the word model may guess a need here; the door then says it helps with more at once (ADR 0121, 0138)
    assert res.results[0]["why"].startswith(
        ("Wij konden uw vraag niet plaatsen", "Hier kunt u altijd terecht")
    )


@pytest.mark.parametrize(
    "kern", ["Aalten", "Bredevoort", "Dinxperlo", "IJzerlo", "ijzerlo", "De Heurne", "Barlo"]
)
def test_every_kern_works_in_the_place_field(demo, kern):
    res = demo.match("hulp bij formulieren", near=kern)
    assert res.place is not None and res.place["name"].lower() == kern.lower()
    assert res.place_source == "veld" and not res.messages


@pytest.mark.parametrize("kern", ["Bredevoort", "Dinxperlo", "IJzerlo"])
def test_kernen_are_found_in_the_text(demo, kern):
    res = demo.match(f"hulp bij formulieren, ik woon in {kern}")
    assert res.place["name"] == kern and res.place_source == "tekst"


def test_unknown_place_and_offline_postcode_get_a_clear_dutch_message(demo):
    res = demo.match("hulp bij formulieren", near="Atlantis")
    assert res.place is None and "kennen we niet" in res.messages[0]
    res = demo.match("hulp bij formulieren", near="1011 AB")  # offline, and not a postcode of the gazetteer
    # not in Aalten's own postcode list: said so, no national service blamed (m12test20, ADR 0175)
    assert res.place is None and "De postcode 1011 AB ligt niet in de gemeente Aalten" in res.messages[0]
    assert "PDOK" not in res.messages[0]
    assert res.results


@pytest.mark.parametrize(
    ("postcode", "kern"), [("7121 AB", "Aalten"), ("7126", "Bredevoort"), ("7091 cd", "Dinxperlo")]
)
def test_offline_postcode_of_a_kern_uses_the_gazetteer_and_says_so(demo, postcode, kern):
    res = demo.match("hulp bij formulieren", near=postcode)
    assert res.place["name"] == kern and res.place_source == "veld"
    assert res.messages and kern in res.messages[0] and "postcode" in res.messages[0]


@pytest.mark.parametrize(
    ("text", "kern"),
    [
        ("jongerenwerk in dinxper", "Dinxperlo"),
        ("een inloop in breevoort", "Bredevoort"),
        ("ik woon op 7122 AB en zoek een maatje", "Aalten"),
    ],
)
def test_local_names_and_postcodes_in_the_text_name_the_kern(demo, text, kern):
    res = demo.match(text)
    assert res.place["name"] == kern and res.place_source == "tekst"


def test_two_kernen_in_the_text_use_the_first_and_say_so(demo):
    res = demo.match("is er een koffie-inloop in Bredevoort of Dinxperlo")
    assert res.place["name"] == "Bredevoort" and res.place_source == "tekst"
    assert any("Dinxperlo" in m and "Bredevoort" in m for m in res.messages), res.messages


def test_postcode_through_the_geocoder(demo):
    demo.postcode_lookup = lambda pc: ("7122 AB Aalten", 51.92, 6.58) if pc == "7122AB" else None
    try:
        res = demo.match("hulp bij formulieren", near="7122 ab")
    finally:
        demo.postcode_lookup = None
    assert res.place["name"] == "7122 AB Aalten" and res.place_source == "veld"


def test_why_lines_for_residents_are_plain_dutch(demo):
    public = demo.match("ik ben 78 en voel me alleen")
    first = public.results[0]["why"]
    assert (
        "Voor ouderen in de gemeente Aalten" in first and "u kunt er zelf terecht, zonder verwijzing" in first
    )
    assert not any(
        term in r["why"] for r in public.results for term in ("vrij toegankelijk", "lokaal team", "maatwerk")
    )
    pro = demo.match("ik ben 78 en voel me alleen", audience="professional")
    assert "vrij toegankelijk" in pro.results[0]["why"]


def test_hulpvraag_leaves_no_trace(kaart_app, caplog, tmp_path):
    """A sentinel hulpvraag must not appear in logs, the graph, the index dir, the data dir or temp files."""
    sentinel = "zxqvsentinel"
    before = set(Path(tempfile.gettempdir()).iterdir())
    caplog.set_level("DEBUG")
    client = kaart_app.test_client()
    resp = client.post("/api/v1/match", json={"text": f"ik kom niet rond {sentinel} schulden"})
    assert resp.status_code == 200
    assert sentinel not in caplog.text
    from webapp.db import get_store

    with kaart_app.app_context():
        rows = get_store().read("MATCH (n) WITH n, [k IN keys(n) | toString(n[k])] AS vals RETURN vals")
    assert not any(sentinel in v for r in rows for v in r["vals"] if v)
    for root in (Path(kaart_app.config["DATA_DIR"]), Path(kaart_app.config["INDEX_DIR"])):
        for path in root.rglob("*"):
            if path.is_file():
                assert sentinel.encode() not in path.read_bytes(), path
    for path in set(Path(tempfile.gettempdir()).iterdir()) - before:
        if path.is_file() and os.access(path, os.R_OK):
            assert sentinel.encode() not in path.read_bytes(), path


@pytest.mark.slow
@pytest.mark.parametrize("split", [None])
def test_eval_floors_from_the_brief(split):
    """hit@5 ≥ 0.90, MRR ≥ 0.75, every safety case in the top 3, no safety flag on negated text, better than BM25
    — on the whole set. (questions.yaml is all dev since 2026-12-06; the held-out bars are asserted on
    hulpvragen.yaml in tests/eval/test_hulpvragen.py.)"""
    from ingest.demo import load_hsds_kaart
    from match.evaluate import evaluate

    result = evaluate(EVAL / "dataset", EVAL / "questions.yaml", load=load_hsds_kaart, split=split)
    ours, bm25 = result["matcher"], result["bm25"]
    assert ours["questions"] >= (30 if split == "heldout" else 60)
    assert ours["hit@5"] >= 0.90, result["failures"]
    assert ours["MRR"] >= 0.75, result["failures"]
    assert ours["safety@3"] == 1.0, result["failures"]
    assert ours["negation_errors"] == 0, result["failures"]
    assert ours["MRR"] > bm25["MRR"] + 0.1 and ours["hit@5"] > bm25["hit@5"]
    # 0.7 on the 10 held-out lighter-first cases (was 0.8): q066 "al 2 jaar thuis in de bijstand" used to pass only
    # because "2 jaar" was read as a toddler's age and excluded the heavier re-integratie service; read as a
    # duration, re-integratie covers both needs (bijstand + werk) and outranks the lighter werkcafé by design
    # (ADR 0003: a better theme fit beats a lighter niveau). Tracked as an open question in the report.
    assert ours["lighter_first"] >= (0.7 if split == "heldout" else 0.8), result["failures"]


def _kaart_cli(app):
    """A CLI runner and the environment that points `kaart` at this app's graph, data and index."""
    env = {
        "KAART_GRAPH_URI": app.config["GRAPH_URI"],
        "KAART_DATA_DIR": app.config["DATA_DIR"],
        "KAART_INDEX_DIR": app.config["INDEX_DIR"],
    }
    return app.test_cli_runner(), env


def test_deleted_index_is_detected_and_the_app_keeps_answering_from_the_graph(kaart_app):
    """`kaart check` finds a missing index, matching still works from the graph, `kaart reindex` repairs."""
    import shutil

    from webapp.answer import get_matcher
    from webapp.cli import cli

    runner, env = _kaart_cli(kaart_app)
    assert runner.invoke(cli, ["check"], env=env).exit_code == 0
    shutil.rmtree(kaart_app.config["INDEX_DIR"])
    checked = runner.invoke(cli, ["check"], env=env)
    assert checked.exit_code == 1 and "index" in checked.output
    with kaart_app.app_context():
        matcher = get_matcher(kaart_app)
        matcher.refresh(force=True)
        res = matcher.match("ik kom niet rond")
    assert res.results and "schulden" in {t["id"] for t in res.themes}
    assert runner.invoke(cli, ["reindex"], env=env).exit_code == 0
    assert runner.invoke(cli, ["check"], env=env).exit_code == 0


def test_stale_index_is_detected_and_reindex_if_stale_repairs_it(kaart_app):
    """An edit after the build (here: a new description) makes `kaart check` fail with "veranderd";
    `kaart reindex --if-stale` rebuilds then, and does nothing while the index is current."""
    import dataclasses

    from graph.repositories import ServiceRepository
    from webapp.answer import get_matcher
    from webapp.cli import cli
    from webapp.db import get_store

    runner, env = _kaart_cli(kaart_app)
    assert runner.invoke(cli, ["check"], env=env).exit_code == 0
    skipped = runner.invoke(cli, ["reindex", "--if-stale"], env=env)
    assert skipped.exit_code == 0 and "actueel" in skipped.output

    with kaart_app.app_context():
        repo = ServiceRepository(get_store())
        svc = repo.get(sorted(repo.ids())[0])
        repo.upsert(
            [dataclasses.replace(svc, description=f"{svc.description or ''} Ook voor klussen in de tuin.")]
        )
    checked = runner.invoke(cli, ["check"], env=env)
    assert checked.exit_code == 1 and "1 diensten zijn veranderd" in checked.output, checked.output
    with kaart_app.app_context():  # meanwhile the matcher still answers
        assert get_matcher(kaart_app).match("ik kom niet rond").results

    rebuilt = runner.invoke(cli, ["reindex", "--if-stale"], env=env)
    assert rebuilt.exit_code == 0 and "indexed=" in rebuilt.output
    assert runner.invoke(cli, ["check"], env=env).exit_code == 0


def test_incidental_themes_travel_in_hsds_and_an_edit_is_exported(falkor_server, tmp_path):
    """The demo's `thema-bijzaak` rows are read (TOUCHES) and written back; marking a theme incidental in the
    graph (as beheer will) turns its exported row into `thema-bijzaak`."""
    import dataclasses

    from graph.editing import save_edit
    from graph.repositories import ServiceRepository
    from ingest.demo import load_demo
    from ingest.hsds_export import export_hsds, read_package

    store = connect(f"falkordb://{falkor_server.data_dir}?graph=t_{uuid.uuid4().hex[:12]}")
    try:
        load_demo(store)
        repo = ServiceRepository(store)
        welcome = repo.get("svc-de-woonplaats-welkomstgesprek")
        assert welcome.incidental_themes == ("sociaal-netwerk",) and "sociaal-netwerk" in welcome.themes
        svc = repo.get("svc-figulus-welzijnscoach")
        edited = dataclasses.replace(svc, incidental_themes=("maatschappelijke-participatie",))
        save_edit(store, "Service", edited, "coordinator@example", repo.meta(svc.id)["version"])
        export_hsds(store, tmp_path / "out")
        back = read_package(tmp_path / "out")["attributes"]  # with the readable ids (ADR 0074)
        rows = {(r["link_id"], r.get("value", "")): r["link_type"] for r in back}
        assert rows[("svc-de-woonplaats-welkomstgesprek", "sociaal-netwerk")] == "thema-bijzaak"
        assert rows[("svc-figulus-welzijnscoach", "maatschappelijke-participatie")] == "thema-bijzaak"
        assert rows[("svc-figulus-welzijnscoach", "sociaal-netwerk")] == "thema"
    finally:
        store.clear()
        store.close()


def test_every_signal_rule_raises_a_known_danger_theme_and_every_word_list_exists():
    """The rules are data: a typo in a theme id or an empty group must not silently switch a rule off."""
    from match.words import word_list
    from ontology import load_ontology

    onto = load_ontology()
    rules = onto.safety.signal_rules
    assert len(rules) >= 40
    for rule in rules:
        assert rule.theme in onto.themes and onto.themes[rule.theme].signal, rule.id
        assert rule.groups and all(rule.groups), rule.id
    for list_id in ("fillers", "child-words", "negators", "frame-nouns", "asker-pronouns", "aux-forms"):
        assert word_list(list_id), list_id
    with pytest.raises(KeyError):
        word_list("no-such-list")
