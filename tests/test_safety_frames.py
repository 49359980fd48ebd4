"""Danger words that are not a danger now (issue 12 point 5, the over-escalation side; ADR 0119).

Tester7's F1 (docs/usertest/m12test7.md): a first-aid course "voor als iemand een hartstilstand krijgt" put 112 and
the red box on top. Dev classes C, D and G (docs/usertest/questions5-dev-failures.md): a stabbing in a film, abuse
long past while a mother asks about her anger now, "niet agressief of gevaarlijk", "ik schaam me dood". The rules:
a frame (learning, "voor als", a film/game/book/the news, a dream) takes a danger out of the question; a negation
reaches every coordinated item; a past danger steps back when the text goes on about now; a figure of speech names
no need. And the other way round: the same danger told outside a frame, or again now, still raises its level.
On both pipelines (blank nl and the shipped trained one), and end to end on the Aalten demo kaart.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from graph import ensure_schema
from graph.store import connect
from match import parse
from match.nlp import Analyzer

PATHS = ["blank"] + (["shipped"] if (parse.SHIPPED / "meta.json").is_file() else [])
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module", params=PATHS)
def analyzer(request) -> Analyzer:
    from ontology import load_gazetteer, load_ontology

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KAART_NLP_MODEL", request.param)
        return Analyzer(load_ontology(), load_gazetteer())


def named(analyzer: Analyzer, text: str) -> set[str]:
    return set(analyzer.analyze(text).themes())


@pytest.mark.parametrize(
    "text",
    [
        "wij zoeken een cursus EHBO en reanimatie voor onze buurtvereniging, voor als iemand een hartstilstand krijgt",
        "ik heb een cursus reanimatie gedaan en wil vrijwilliger worden",
        "hoe kan ik reanimeren leren",
        "ik wil mijn reanimatiediploma verlengen",
        "stel dat iemand op straat een hartaanval krijgt, waar kan ik leren wat ik dan moet doen",
    ],
)
def test_learning_first_aid_or_keeping_it_for_when_someone_needs_it_is_no_acute_danger(analyzer, text):
    hits = analyzer.analyze(text).hits
    assert "acuut-gevaar" not in named(analyzer, text), (analyzer.model, text)
    assert any(h.framed.startswith(("frame-leren", "frame-voor-als")) for h in hits), "the frame is said"


@pytest.mark.parametrize(
    "text",
    [
        "hij heeft een hartstilstand, hij ademt niet",
        "mijn buurman ligt op de grond en reageert niet, ik heb EHBO geleerd maar nu raak ik in paniek",
    ],
)
def test_an_emergency_now_stays_acute_whatever_course_is_named(analyzer, text):
    assert "acuut-gevaar" in named(analyzer, text), (analyzer.model, text)


def test_a_film_game_or_the_news_is_a_frame_a_comparison_with_a_film_is_not(analyzer):
    for text in (
        "in een film die hij stiekem keek werd iemand neergestoken en nu kan mijn zoon van 9 niet slapen",
        "in de game die mijn zoon speelt schieten ze elkaar dood, is dat erg voor een kind van 11",
        "mijn dochter van 10 heeft een serie gezien waarin iemand werd vermoord en nu durft ze niet alleen te slapen",
    ):
        assert not named(analyzer, text) & {"acuut-gevaar", "huiselijk-geweld"}, (analyzer.model, text)
    assert "acuut-gevaar" in named(analyzer, "hij zegt dat hij me gaat neersteken, net als in die film")
    # the frame ends with its clause: a new subject after "en" tells what happens at home
    assert "huiselijk-geweld" in named(
        analyzer, "mijn vriend kijkt de hele dag series over moorden en gisteren heeft hij me geslagen"
    )
    # "en" ends a film's scope at once, and what is done to the asker is never in it
    assert "huiselijk-geweld" in named(
        analyzer, "mijn man zit de hele dag op tiktok en slaat me als ik iets zeg"
    )


@pytest.mark.parametrize(
    "text",
    [
        "hij is niet agressief of gevaarlijk, maar ik kan de zorg voor hem niet meer aan",
        "mijn vader is niet gewelddadig of bedreigend, hij is alleen erg vergeetachtig geworden",
        "mijn zoon is niet agressief, gevaarlijk of gewelddadig, maar hij komt zijn kamer niet meer uit",
        "er is geen geweld of bedreiging in huis",
    ],
)
def test_a_negation_reaches_every_coordinated_danger_word(analyzer, text):
    hits = analyzer.analyze(text).hits
    danger = {"huiselijk-geweld", "ouderenmishandeling", "veiligheid", "acuut-gevaar"}
    assert not [h for h in hits if h.theme_id in danger and not h.negated], (analyzer.model, text)


def test_a_list_after_a_negation_ends_where_a_new_clause_starts(analyzer):
    text = "hij is niet ziek of dronken, hij is gewoon gewelddadig tegen mij"
    assert "huiselijk-geweld" in named(analyzer, text), analyzer.model
    assert "huiselijk-geweld" in named(analyzer, "mijn man is niet meer lief, hij is agressief en slaat me")


def test_ashamed_to_death_is_a_figure_of_speech_unless_it_is_about_how_one_looks(analyzer):
    assert "psychische-klachten" not in named(
        analyzer, "ik schaam me dood, maar ik kan als volwassene bijna niet lezen"
    )
    assert "psychische-klachten" in named(analyzer, "mijn dochter schaamt zich dood voor haar acne")


# -- end to end on the demo kaart -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(falkor_server, tmp_path_factory):
    from ingest.demo import DEMO_DIR, load_demo
    from match.derive import derive_themes
    from match.engine import Matcher
    from match.index import rebuild_index
    from ontology.gemeente import load_profile

    tmp = tmp_path_factory.mktemp("frames")
    store = connect(f"falkordb://{falkor_server.data_dir}?graph=t_{uuid.uuid4().hex[:12]}")
    ensure_schema(store)
    load_demo(store, path=DEMO_DIR)
    rebuild_index(store, tmp)
    matcher = Matcher(store, tmp, profile=load_profile(ROOT / "ontology" / "gemeenten" / "aalten.yaml"))
    derive_themes(store, matcher.analyzer)
    rebuild_index(store, tmp)
    matcher.refresh(force=True)
    yield matcher
    store.clear()
    store.close()


SAFETY_CHAIN = {
    "svc-112-alarmnummer",
    "svc-113-zelfmoordpreventie",
    "svc-veilig-thuis-advies-melden",
    "svc-aalten-zorg-veiligheid",
    "svc-regionaal-veiligheidsteam",
    "svc-politie-wijkagent",
}


def test_a_first_aid_course_gets_no_red_box_and_no_112(demo):
    res = demo.match(
        "wij zoeken een cursus EHBO en reanimatie voor onze buurtvereniging, voor als iemand een hartstilstand krijgt"
    )
    top = [r["service_id"] for r in res.results[:5]]
    assert not res.safety_levels and res.notice is None and not res.signals["veiligheid"]
    assert not set(top) & SAFETY_CHAIN, top


def test_abuse_long_past_leaves_the_top_to_the_question_of_now(demo):
    """Dev a414's class: the safety chain was the whole top 5 for a mother who asks about her anger now."""
    res = demo.match(
        "vroeger werd ik thuis geslagen, nu ben ik zelf vader en ik word snel boos op mijn kinderen, "
        "ik wil leren rustig te blijven"
    )
    top = [r["service_id"] for r in res.results[:5]]
    assert not res.safety_levels and not set(top) & SAFETY_CHAIN, top
    # told again now, it is danger at home
    again = demo.match("vroeger sloeg hij me en gisteren weer")
    assert again.safety_levels and again.results[0]["service_id"] == "svc-veilig-thuis-advies-melden"
