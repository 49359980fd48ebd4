"""Why-lines and badges a resident understands (issue 12 point 9): the visible text of the public results page
holds no ladder terms, doelgroep codes, ontology ids, abbreviations in lower case or English words — on thirty
varied questions. Professionals keep the ladder terms. The text a resident typed and the providers' own names
and descriptions are theirs, not ours, and are left out of the scan."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from site_data import add_account, close_app, csrf_from, demo_app, login, public_page

from ontology import load_ontology
from ontology.inwoner import load_inwoner_labels

ROOT = Path(__file__).resolve().parent.parent
LABELS = load_inwoner_labels()
ONTOLOGY = load_ontology()

# Jargon a resident must not read in our own words (besides labels-inwoner.yaml `jargon`): the ladder terms and
# its steps as numbers, doelgroep codes, care abbreviations in lower case, words of the software in English.
LADDER = [
    "sociale basis",
    "pedagogische basis",
    "lokaal team",
    "maatwerkvoorziening",
    "specialistische hulp",
    "vrij toegankelijk",
    "niveau 0",
    "niveau 1",
    "niveau 2",
    "niveau 3",
    "niveau 4",
    "nulde lijn",
    "eerste lijn",
    "tweede lijn",
    "voorliggend veld",
]
CARE_WORDS = ["multiproblematiek", "nah", "lvb", "doelgroep", "casuïstiek", "zrm", "meldcode", "escalatie"]
ENGLISH = [
    "match",
    "matches",
    "score",
    "service",
    "services",
    "none",
    "null",
    "undefined",
    "true",
    "false",
    "why",
]
IDS = sorted(
    {i for i in [*ONTOLOGY.themes, *ONTOLOGY.doelgroepen, *ONTOLOGY.niveaus] if "-" in i or "_" in i},
    key=len,
    reverse=True,
)

# Thirty questions, in our own words, over the whole kaart: needs, groups, places, safety, nonsense, English.
QUESTIONS = [
    "ik voel me eenzaam sinds mijn vrouw er niet meer is",
    "we hebben schulden en de huur is niet betaald",
    "mijn moeder vergeet steeds meer en dwaalt 's nachts door het huis",
    "onze dochter van 14 wordt gepest op school",
    "mijn zoon van 7 heeft driftbuien en wij weten niet meer wat we moeten doen",
    "ik zorg al jaren voor mijn man en ik kan niet meer",
    "ik drink te veel en wil stoppen",
    "ik zoek werk maar het lukt niet, ik zit al lang thuis",
    "mijn broer heeft een lvb en snapt de brieven niet",
    "sinds zijn hersenletsel is mijn man snel moe",
    "ik wil beter Nederlands leren",
    "ik snap niks van mijn DigiD en de computer",
    "wie helpt mij met formulieren voor de toeslagen",
    "ik ben zwanger en heb vragen",
    "ik zoek opvang voor mijn kind van 2",
    "ik kan niet meer zelf boodschappen doen, ik heb een rollator",
    "het huishouden lukt me niet meer sinds mijn operatie",
    "ik wil graag vrijwilligerswerk doen in Dinxperlo",
    "wij gaan scheiden en de kinderen lijden eronder",
    "de buren maken elke nacht lawaai",
    "ik heb geen slaapplek meer",
    "ik zie door de bomen het bos niet meer, alles loopt vast",
    "mijn vader is overleden en ik kan het verdriet niet aan",
    "ik wil meer bewegen maar durf niet alleen naar de sportschool",
    "mijn kind van 16 blowt elke dag en spijbelt",
    "ik heb autisme en zoek iemand om mee te praten",
    "ik ben oud en heb hulp nodig in Bredevoort",
    "asdfgh qwerty",
    "I need help with my debts",
    "hulp",
]


class VisibleText(HTMLParser):
    """The text a resident sees: no scripts, styles or hidden elements, and not what the resident typed nor the
    providers' own names and descriptions."""

    SKIP_TAGS = {"script", "style", "textarea", "title", "template"}
    SKIP_CLASSES = {
        "kaart-vraag-terug__tekst",  # the question shown back
        "kaart-kaartje__titel",  # a service's own name
        "kaart-kaartje__org",  # an organisation's own name
        "kaart-kaartje__tekst",  # a service's own description
        "kaart-plekken",  # its addresses
        "kaart-talen",  # the names of the languages ("English" is the language's own name)
        "kaart-alleen-printen",
    }
    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "area", "base", "col", "embed"}

    NAMES = {"kaart-kaartje__titel", "kaart-kaartje__org"}  # names: also left out where repeated for readers

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []
        self.parts: list[str] = []
        self.naming: list[bool] = []
        self.names: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        skip = tag in self.SKIP_TAGS or "hidden" in a or bool(classes & self.SKIP_CLASSES)
        self.stack.append(skip or (bool(self.stack) and self.stack[-1]))
        self.naming.append(bool(classes & self.NAMES) or (bool(self.naming) and self.naming[-1]))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()
            self.naming.pop()

    def handle_data(self, data):
        if self.naming and self.naming[-1] and data.strip():
            self.names.append(" ".join(data.split()))
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def visible(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    text = " ".join(" ".join(parser.parts).split())
    for name in sorted(set(parser.names), key=len, reverse=True):  # "Klopt er iets niet? Over <name>"
        text = text.replace(name, "")
    return text


def jargon_in(text: str) -> list[str]:
    low = text.casefold()
    found = LABELS.jargon_in(text)
    for word in [*LADDER, *CARE_WORDS, *ENGLISH, *IDS]:
        if re.search(rf"(?<![\w-]){re.escape(word.casefold())}(?![\w-])", low):
            found.append(word)
    return found


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("public-jargon"))
    yield app
    close_app(app)


def test_thirty_questions_are_varied():
    assert len(set(QUESTIONS)) == 30


@pytest.mark.parametrize("text", QUESTIONS)
def test_the_public_page_shows_no_jargon(site, text):
    page = visible(public_page(site, text))
    assert "Waarom:" in page  # answered, with why-lines (the scan reads them)
    assert not jargon_in(page), (jargon_in(page), text)


def test_the_niveau_badge_speaks_to_residents_and_professionals_keep_the_ladder(site):
    html = public_page(site, "ik voel me eenzaam en zoek contact met mensen")
    badges = re.findall(r'<span class="kaart-niveau kaart-niveau--([^" ]+)">([^<]*)</span>', html)
    assert badges
    for niveau, words in badges:
        assert words == LABELS.badges[niveau], (niveau, words)
    assert "Zonder verwijzing" in dict(badges).values()
    pro = site.test_client()
    login(pro, add_account(site))
    page = pro.get("/professional/")
    resp = pro.post(
        "/professional/",
        data={"situatie": "eenzame oudere zoekt contact", "csrf_token": csrf_from(page.text)},
    )
    ladder = re.findall(r'<span class="kaart-niveau kaart-niveau--[^" ]+">([^<]*)</span>', resp.text)
    assert "Vrij toegankelijk (sociale en pedagogische basis)" in ladder


def test_every_niveau_has_a_resident_badge_without_jargon():
    assert set(LABELS.badges) == set(ONTOLOGY.niveaus)
    for niveau, words in LABELS.badges.items():
        assert not jargon_in(words), (niveau, words)


def test_the_results_layout_needs_no_css_has(site):
    """Safari < 15.4 and Firefox < 121 know no :has(): the results page gets its compact layout from a class the
    server sets on <body>."""
    css = (ROOT / "webapp" / "static" / "css" / "site.css").read_text()
    assert ":has(" not in css
    assert ".kaart-body--uitslag .kaart-page .kaart-header" in css
    assert re.search(r'<body class="[^"]*\bkaart-body--uitslag\b', public_page(site, "schulden"))
    assert "kaart-body--uitslag" not in site.test_client().get("/").text
