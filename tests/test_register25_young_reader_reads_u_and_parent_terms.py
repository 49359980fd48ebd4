"""tester24 d01, tester25 B, BROKEN 9, N-R and N-S (ADR 0189): what a young reader reads.

1. Nothing tells the writer's age: "ik wil eigenlijk gewoon niet meer wakker worden. niemand zou het
   merken als ik er niet meer ben" got the box "Denkt u aan zelfdoding". The box now speaks to a teenager and an
   adult alike, in any hand; the page keeps "u" (a guess never makes an adult "je"). Twins: an adult's cue, a
   stated age keep the adult's box; a stated young age gets the child's register; a harmless twin gets no box.
2. On a "je" page the cards of 113 and Veilig Thuis said "Denkt u …", "Maakt u zich zorgen …": their "je" texts now,
   and no card description in "u" at all.
3. Why-lines: "Helpt bij opvoeden en opgroeien en bij opvoeden" named one need twice; a teenager read "opvoeden" (a
   parent's term) as the reason on jongerenwerk and JGZ.

Sentences of our own (several wordings, short and story-like), written before the change; d01 and the tester's
NA-2 are quoted as regression cases.
"""

from __future__ import annotations

import re

import pytest
from site_data import close_app, demo_app, public_page, visible_main

U_WORD = re.compile(r"(?<![\w'-])(u|uw)(?![\w'-])")

UNTOLD_IN_CRISIS = [
    "ik wil eigenlijk gewoon niet meer wakker worden. niemand zou het merken als ik er niet meer ben",  # d01
    "eigenlijk wil ik er gewoon niet meer zijn. niemand mist me toch",
    "ik zie het echt niet meer zitten allemaal. iedereen is beter af zonder mij",
    "sinds de zomer gaat alles mis. ik lig elke nacht wakker en denk dat het beter is als ik er niet meer ben. "
    "niemand snapt me echt en ik durf het aan niemand te vertellen",
    # a phone capitalises by itself: the hand tells no age either
    "Ik wil eigenlijk gewoon niet meer wakker worden. Niemand zou het merken als ik er niet meer ben.",
    "Ik zie het niet meer zitten. Ik ben mijn baan kwijt en iedereen is beter af zonder mij.",
]

# the age or the adult is told: the adult's box, "u"
ADULT_TOLD_IN_CRISIS = [
    "Ik wil eigenlijk niet meer wakker worden. Mijn kinderen zijn het huis uit en niemand zou het merken als ik er "
    "niet meer ben.",
    "ik wil niet meer wakker worden. sinds mijn man is overleden zie ik het niet meer zitten",
    "Ik zie het niet meer zitten. Mijn vrouw is weg en de schulden lopen op.",
    "ik ben 45 en ik wil er eigenlijk niet meer zijn. niemand zou het merken",
]

YOUNG_TOLD_IN_CRISIS = [
    "ik ben 14 en ik wil er eigenlijk niet meer zijn. niemand mist me toch",
    "ik ben 15 en ik denk steeds aan zelfmoord, niemand weet het",
]

# nothing told, no danger: no box at all
HARMLESS_CHAT = [
    "ik wil morgen gewoon lekker uitslapen. niemand zou het merken als ik een keer niet op de training ben",
    "ik zie het echt niet zitten om zaterdag te gaan klussen. wie kan er helpen met behangen",
]

NEUTRAL_113 = "Gedachten aan zelfdoding, of zorgen om iemand?"
ADULT_113 = "Denkt u aan zelfdoding"
YOUNG_113 = "Denk je aan zelfdoding"


# --- 1. the age untold ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", UNTOLD_IN_CRISIS)
def test_an_untold_age_is_read_as_untold_and_keeps_u(demo, text):
    res = demo.match(text, limit=5)
    assert "suicide" in res.safety_levels, text
    assert res.age_untold and res.register == "u", (text, res.age_untold, res.register)


@pytest.mark.parametrize("text", ADULT_TOLD_IN_CRISIS)
def test_twin_an_adult_told_is_not_untold(demo, text):
    res = demo.match(text, limit=5)
    assert "suicide" in res.safety_levels, text
    assert not res.age_untold and res.register == "u", (text, res.age_untold, res.register)


@pytest.mark.parametrize("text", YOUNG_TOLD_IN_CRISIS)
def test_twin_a_young_age_told_is_je_not_untold(demo, text):
    res = demo.match(text, limit=5)
    assert not res.age_untold and res.register == "je", (text, res.age_untold, res.register)


@pytest.mark.parametrize("text", HARMLESS_CHAT)
def test_twin_harmless_chat_raises_no_box(demo, text):
    assert not demo.match(text, limit=5).safety_levels, text


def test_a_professional_is_never_untold(demo):
    res = demo.match(UNTOLD_IN_CRISIS[0], limit=5, audience="professional")
    assert not res.age_untold


def test_the_box_for_both_says_neither_u_nor_je():
    """safety.yaml `box.for_unsure`: every line without "u"/"je", the same numbers as the adult's line."""
    from ontology import load_ontology

    box = load_ontology().safety.box
    unsure = box["for_unsure"]
    assert "suicide" in unsure
    for level, cfg in unsure.items():
        text = f"{cfg['text']} {cfg.get('after', '')}"
        assert not U_WORD.search(text) and not re.search(r"\bje\b", text), (level, text)
        assert cfg.get("numbers") == box["levels"][level].get("numbers"), level


# --- the pages ---------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("register25"))
    yield app
    close_app(app)


@pytest.mark.parametrize("text", UNTOLD_IN_CRISIS[:1] + UNTOLD_IN_CRISIS[-2:])
def test_the_box_speaks_to_both_when_the_age_is_untold(site, text):
    shown = visible_main(public_page(site, text))
    assert NEUTRAL_113 in shown, text
    assert ADULT_113 not in shown and YOUNG_113 not in shown, text
    assert "Hulp bij uw vraag" in shown  # the page keeps "u"


@pytest.mark.parametrize("text", ADULT_TOLD_IN_CRISIS[:3])
def test_twin_the_adult_keeps_the_adults_box(site, text):
    shown = visible_main(public_page(site, text))
    assert ADULT_113 in shown and NEUTRAL_113 not in shown, text


def test_twin_the_young_writer_keeps_the_young_box(site):
    shown = visible_main(public_page(site, YOUNG_TOLD_IN_CRISIS[0]))
    assert YOUNG_113 in shown and NEUTRAL_113 not in shown


# --- 2. the cards on a "je" page --------------------------------------------------------------------------------

YOUNG_IN_DANGER = [
    "ik ben 14 en mijn stiefvader gooit met dingen naar me als hij dronken is",  # tester25 NA-2
    "ik ben 13 en mijn vader slaat me als hij boos is",
    "ik ben 12. als mijn moeder gedronken heeft gaat ze schreeuwen en gooit ze met borden. gisteren raakte ze mij. "
    "ik durf niet naar huis na school",
    "ik ben 15 en ik denk steeds aan zelfmoord, niemand weet het",
]


@pytest.mark.parametrize("text", YOUNG_IN_DANGER)
def test_a_je_page_has_no_card_in_u(site, text):
    shown = visible_main(public_page(site, text))
    assert "Hulp bij je vraag" in shown, text
    assert not U_WORD.search(shown), (text, U_WORD.findall(shown), shown[:3000])


def test_the_crisis_cards_speak_je(site):
    vt = visible_main(public_page(site, YOUNG_IN_DANGER[0]))
    assert "Maak je je zorgen over huiselijk geweld" in vt and "Maakt u zich zorgen" not in vt
    line_113 = visible_main(public_page(site, YOUNG_IN_DANGER[3]))
    assert "Denk je aan zelfmoord" in line_113 and "Denkt u aan zelfmoord" not in line_113


def test_twin_an_adult_page_keeps_the_services_own_text(site):
    shown = visible_main(
        public_page(site, "Ik ben 40 en mijn man gooit met dingen naar me als hij dronken is.")
    )
    assert "Maakt u zich zorgen over huiselijk geweld" in shown and "Maak je je zorgen" not in shown


def test_every_je_card_text_is_of_a_service_in_the_kaart_and_says_je():
    import csv
    from pathlib import Path

    from ontology.gemeente import load_profile
    from webapp.card_text import says_u

    services = Path(__file__).resolve().parents[1] / "ingest" / "demo" / "aalten" / "services.csv"
    with services.open(encoding="utf-8") as fh:
        described = {r["id"]: r["description"] for r in csv.DictReader(fh)}
    cards = load_profile().cards_je
    assert {"svc-113-hulplijn", "svc-veilig-thuis-advies-melden"} <= set(cards)
    for sid, text in cards.items():
        assert sid in described and says_u(described[sid]), sid  # only where the service's own text says "u"
        assert not says_u(text) and re.search(r"\bje\b", text, re.I), sid


def test_says_u_reads_whole_words_only():
    from webapp.card_text import says_u

    assert says_u("Heeft u een vraag?") and says_u("Uw gezin.") and says_u("U kunt bellen.")
    assert not says_u("Jongeren uit de buurt, 24 uur per dag") and not says_u("Kinderen van 0-4 jaar")
    assert not says_u("Bel de cultuurcoach") and not says_u("")


# --- 3. why-lines ---------------------------------------------------------------------------------------------------

WHY_TEXTS = [
    "mijn ouders maken elke avond ruzie en dan kan ik niet slapen voor mijn toets van morgen. met wie kan ik praten",
    "Mijn zoontje van 2 blijft elke avond uit bed komen en ik ben zelf op. We wonen in Dinxperlo. Waar kan ik terecht?",
    "Onze dochter van 4 heeft elke avond driftbuien, hoe pakken we dat aan?",
    "ik word thuis steeds uitgescholden door mijn ouders en op school gaat het ook slecht",
    "ik voel me heel alleen. in de pauze sta ik altijd in mijn eentje en thuis praat ik met niemand",
]
_HELPS = re.compile(r"(?:Helpt bij|Kan ook helpen bij) (.+?)(?: in het algemeen)?$")
_GLUE = {"en", "of", "bij", "van", "met", "voor", "een", "de", "het", "je", "u", "uw", "in", "op"}


def _needs(why: str) -> list[set[str]]:
    for part in why.split(" · "):
        m = _HELPS.match(part)
        if m:
            return [set(n.split()) - _GLUE for n in m.group(1).split(" en bij ")]
    return []


@pytest.mark.parametrize("text", WHY_TEXTS)
def test_a_why_line_never_names_a_need_twice(demo, text):
    for row in demo.match(text, limit=10).results:
        needs = _needs(str(row.get("why") or ""))
        for i, a in enumerate(needs):
            for b in needs[i + 1 :]:
                assert not (a <= b or b <= a), (text, row["service_id"], row["why"])


YOUNG_READERS = [
    "ik voel me heel alleen. in de pauze sta ik altijd in mijn eentje. kan ik ergens chatten?",
    "ik ben 12 en de vriend van mijn moeder slaat mij als zij er niet is",  # tester25 NA-1
    "ik ben 14 en ik mag van mijn ouders nooit iets, ze schreeuwen alleen maar tegen me",
    "mijn ouders maken elke avond ruzie en dan kan ik niet slapen voor mijn toets van morgen",
    "sinds mijn vader weg is en mijn moeder een nieuwe vriend heeft voel ik me thuis niet meer welkom. op school "
    "merkt niemand iets en ik weet niet meer met wie ik kan praten",
]


@pytest.mark.parametrize("text", YOUNG_READERS)
def test_a_young_reader_gets_no_parents_term_as_the_reason(demo, text):
    res = demo.match(text, limit=10)
    assert res.register == "je", text
    whys = [str(r.get("why") or "") for r in res.results]
    assert not [w for w in whys if "opvoeden" in w], (text, whys)


def test_twin_a_parent_keeps_opvoeden(demo):
    res = demo.match(WHY_TEXTS[1], limit=5)
    assert res.register == "u" and any("Helpt bij opvoeden" in str(r.get("why")) for r in res.results)


def test_distinct_needs_keeps_the_precise_need_and_drops_repeated_words():
    from match.register25_why import distinct_needs

    labels = {"area": "opvoeden en opgroeien", "need": "opvoeden", "school": "school en leren", "w": "wonen"}
    ancestors = {"need": {"area"}, "area": set(), "school": set(), "w": set()}
    assert distinct_needs(["area", "need"], labels.get, ancestors) == ["need"]
    assert distinct_needs(["area", "school"], labels.get, ancestors) == ["area", "school"]
    flat = {k: set() for k in labels}
    assert distinct_needs(["area", "need", "w"], labels.get, flat) == ["area", "w"]  # same words, no tree
