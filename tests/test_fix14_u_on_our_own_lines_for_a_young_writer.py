"""tester14 class F (docs/usertest/m12test14.md; ADR 0145): "je" for a young writer on every line WE write, in
Dutch and in the informal register of a language that has one (Turkish "sen", Ukrainian "ти"). Service
descriptions and names are the organisations' own words: they are left out of the check.

The young writers are our own sentences, written for this test.
"""

from __future__ import annotations

import re
from html import unescape

import pytest
from site_data import close_app, demo_app, public_search

YOUNG = [
    "ik ben 14 en mijn ouders maken de hele tijd ruzie, ik weet niet wat ik moet doen",
    "ik zit in groep 7 en papa en mama gaan uit elkaar. ik woon in Dinxperloo",
    "ik ben 13 en we hebben thuis bijna geen geld, ik schaam me op school",
    "ik ben 16 en zoek een plek om te chillen na school in bredevoort",
    "ik zit in de brugklas en word gepest in de groepsapp, wat moet ik doen",
]
# formal address: Dutch "u"; Turkish "siz" (possessive and verb endings, formal imperatives); Ukrainian "ви"
FORMAL = {
    "nl": r"\b(u|uw|U|Uw)\b",
    "tr": r"\b(?!henüz\b)\w+(sunuz|sünüz|sınız|siniz|unuzu|ünüzü|ınızı|inizi|unuz|ünüz|ınız|iniz|nuz|nüz|nız|niz)\b|\bsiz\w*",
    "uk": r"\b([Вв]и|[Вв]ам|[Вв]ас|[Вв]аш\w*)\b",
}


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("fix14-je"))
    yield app
    close_app(app)


def _our_lines(html: str) -> list[str]:
    """The results page's <main> without the organisations' words (names, descriptions, hours), the asker's own
    text and anything marked Dutch data (lang="nl")."""
    main = html[html.index("<main") : html.index("</main>")]
    for rx in (
        r'<p class="utrecht-paragraph kaart-kaartje__(tekst|tijd|wachttijd)[^"]*"[^>]*>.*?</p>',
        r"<h3 .*?</h3>",
        r'<span class="kaart-kaartje__org">.*?</span>',
        r"<(textarea|summary)[^>]*>.*?</\1>",
        r'<ul class="utrecht-unordered-list kaart-plekken">.*?</ul>',
        r'<(\w+)[^>]* lang="nl"[^>]*>.*?</\1>',
        r'<p class="utrecht-paragraph kaart-alleen-printen">.*?</p>',
    ):
        main = re.sub(rx, "", main, flags=re.S)
    text = unescape(re.sub(r"<[^>]+>", "\n", main))
    return [line.strip() for line in text.split("\n") if line.strip()]


def _page(site, text: str, lang: str) -> str:
    resp = public_search(site.test_client(), text, "", None if lang == "nl" else lang)
    assert resp.status_code == 200
    return resp.text


@pytest.mark.parametrize("text", YOUNG)
def test_every_line_we_write_says_je_on_the_dutch_page(site, text):
    html = _page(site, text, "nl")
    assert "Hulp bij je vraag" in html, "the page says je"
    formal = [line for line in _our_lines(html) if re.search(FORMAL["nl"], line)]
    assert not formal, formal


# Lines that keep the formal register in another language (ADR 0145, for the lead): the safety box (public
# emergency wording, the same for everyone) and Ukrainian "Or choose a topic", whose Dutch "kies" is both registers.
KEPT = ("Або виберіть тему",)


@pytest.mark.parametrize("lang", ["tr", "uk"])
@pytest.mark.parametrize("text", YOUNG)
def test_our_lines_take_the_informal_register_in_turkish_and_ukrainian(site, lang, text):
    """Everything under the heading: why-lines, chips, place lines, the topic tiles, the share box."""
    html = _page(site, text, lang)
    main = html.index("<main")
    start = html.index(">", main) + 1
    html = html[:start] + html[html.index("<h1", start) :]  # without the safety box above the heading
    lines = [line for line in _our_lines(html) if line not in KEPT]
    assert any(" · " in line for line in lines), "why-lines are there"
    formal = [line for line in lines if re.search(FORMAL[lang], line)]
    assert not formal, formal
