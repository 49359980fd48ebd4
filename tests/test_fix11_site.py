"""The site-side findings of user test m12test11 (ADR 0133).

- B3/F3: the safety box said "Safety first" in English and Ukrainian, then its advice in Dutch ("Niet veilig thuis
  … Bel Veilig Thuis"): the one text a person in danger must understand. Every line of the box and every notice
  is now a msgid read from ontology/safety.yaml, translated in every interface language, numbers and service
  names unchanged; a level added without a translation fails here.
- F8: the "Bewaren of doorgeven" link carried all 19 results, the tail behind "Meer resultaten tonen" too; a
  shared list opened on four filter selects at 390 px; "Zoeken werkt het best met Nederlandse woorden" stood above
  the answer to a Dutch question in the English interface.
- Once-only check: every why-line said "In Aalten" for services only placed at the gemeente's centre.
"""

from __future__ import annotations

import configparser
import re
from html import unescape
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, urlparse

import pytest
import yaml
from babel.messages.pofile import read_po
from site_data import PLANTED_SERVICE, close_app, demo_app, public_main

from webapp.i18n import SOURCE, TRANSLATIONS, extract_resident_words, known_languages, safety_msgids
from webapp.safety_box import BoxLine, in_language

ROOT = Path(__file__).resolve().parents[1]
SAFETY = ROOT / "ontology" / "safety.yaml"
# Names a resident must find again on the phone or the web, the same in every language: the national lines,
# 113's chat site, and the Dutch names of the services the box sends to (a translation may explain them).
NAMES = ("Veilig Thuis", "113.nl", "huisartsenpost", "huisarts", "crisisdienst", "aandachtsfunctionaris")
DANGER_AT_HOME = "mijn man slaat mij en ik ben bang"
DUTCH_QUESTION = "ik heb schulden en de deurwaarder komt"
ENGLISH_QUESTION = "I have debts and cannot pay my rent"


def _languages() -> list[str]:
    return [code for code in known_languages() if code != SOURCE]


def _catalogue(lang: str):
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        return read_po(fh, locale=lang)


def _safety_texts() -> list[str]:
    """The safety texts as `make translations` reads them: through babel.cfg's resident-word extractor."""
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "babel.cfg")
    files = [s.split(":", 1)[1].strip() for s in cfg.sections() if s.startswith("resident_words:")]
    assert "ontology/safety.yaml" in files, "babel.cfg must read the safety texts"
    with SAFETY.open("rb") as fh:
        return [msg for _, _, msg, _ in extract_resident_words(fh, (), (), {})]


def test_every_line_of_the_box_and_every_notice_is_a_msgid():
    data = yaml.safe_load(SAFETY.read_text(encoding="utf-8"))
    texts = _safety_texts()
    for level in data["levels"]:
        assert level["notice"] in texts, level["id"]
    for lid, line in data["box"]["levels"].items():
        assert line["text"] in texts, lid
        assert not line.get("after") or not re.search(r"[^\W\d_]", line["after"]) or line["after"] in texts
    assert data["box"]["direct_line"]["text"] in texts and data["box"]["joiner"] in texts


def test_a_new_level_is_read_as_well():
    """The extractor takes what the data holds, so a level added to safety.yaml asks for its translations."""
    data = {
        "levels": [{"id": "nieuw", "notice": "Nieuw gevaar? Bel 0800-1234."}],
        "box": {"levels": {"nieuw": {"text": "Nieuw gevaar? Bel", "numbers": ["0800-1234"], "after": "."}}},
    }
    assert safety_msgids(data) == ["Nieuw gevaar? Bel 0800-1234.", "Nieuw gevaar? Bel"]


@pytest.mark.parametrize("lang", _languages())
def test_every_safety_text_has_a_translation_with_the_same_numbers_and_names(lang):
    cat = _catalogue(lang)
    missing = [t for t in _safety_texts() if t not in cat or not cat[t].string]
    assert not missing, (lang, missing)
    for text in _safety_texts():
        shown = cat[text].string
        assert re.findall(r"\d[\d-]*\d|\d", text) == re.findall(r"\d[\d-]*\d|\d", shown), (lang, text, shown)
        for name in NAMES:
            assert text.count(name) <= shown.count(name), (lang, name, shown)


def test_a_line_without_a_translation_is_marked_dutch(site):
    with site.test_request_context("/?lang=en"):
        (line,) = in_language([BoxLine("nieuw", "Een regel die nog niemand vertaalde. Bel")])
        assert line.dutch
        (line,) = in_language([BoxLine("onveilig-thuis", _box_text("onveilig-thuis"))])
        assert not line.dutch


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("fix11"))
    yield app
    close_app(app)


def _box_text(level: str) -> str:
    return yaml.safe_load(SAFETY.read_text(encoding="utf-8"))["box"]["levels"][level]["text"]


def _box(app, lang: str, levels: list[str], notice: str = "") -> str:
    from flask import render_template

    result = SimpleNamespace(safety_levels=levels, notice=notice or None, register="u")
    with app.test_request_context(f"/?lang={lang}"):
        return unescape(render_template("partials/safety.html", result=result))


@pytest.mark.parametrize("lang", _languages())
def test_the_box_of_every_level_reads_in_the_interface_language(site, lang):
    data = yaml.safe_load(SAFETY.read_text(encoding="utf-8"))
    cat = _catalogue(lang)
    for lid, line in data["box"]["levels"].items():
        html = _box(site, lang, [lid])
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
        assert line["text"] not in text, (lang, lid)  # the Dutch advice
        assert cat[line["text"]].string.split("(")[0].strip() in text, (lang, lid)
        for number in line.get("numbers") or ():
            assert f'dir="ltr"><strong>{number}</strong>' in html, (lang, lid, number)
        assert 'lang="nl"' not in html, (lang, lid)  # translated text is not marked Dutch
    # two numbers on one line: the joiner in the interface language ("113 of 0800-0113")
    html = _box(site, lang, ["suicide"])
    assert "</a> of <a" not in html and f"</a> {cat['of'].string} <a" in html


def test_a_level_without_a_line_of_its_own_shows_its_notice_translated(site):
    """A level the box has no line for shows the matcher's notice (the levels' notices, maybe after the
    uncertain prefix): translated too, 112 said once."""
    from ontology import load_ontology

    safety = load_ontology().safety
    level = safety.level("consultatie")
    notice = f"{safety.uncertain_prefix} {safety.level('onveilig-thuis').notice}"
    html = _box(site, "en", ["geen-regel-" + level.id], notice)
    assert "Unsure about safety? Safety comes first. Call Veilig Thuis" in html
    assert 'href="tel:112"' in html and "Bel" not in html and 'lang="nl"' not in html


@pytest.mark.parametrize("lang", ["en", "uk", "ar"])
def test_danger_at_home_gets_its_advice_in_the_interface_language(site, lang):
    main = public_main(site, DANGER_AT_HOME, lang)
    box = main[main.index("kaart-veiligheid") : main.index("</div>", main.index("kaart-veiligheid"))]
    assert "Bel Veilig Thuis" not in box and "gratis, dag en nacht" not in box
    assert "Veilig Thuis" in box and 'href="tel:08002000"' in box and 'href="tel:112"' in box


def test_the_share_link_holds_the_results_shown_in_their_order(site):
    """Not the tail behind "Meer resultaten tonen": what the resident saw as the answer, at most ten."""
    main = public_main(site, DUTCH_QUESTION, "nl")
    assert "kaart-meer-resultaten" in main, "the question must have a weak tail to show the cut"
    shown_part = main[: main.index("kaart-meer-resultaten")]
    shown = list(dict.fromkeys(re.findall(r'href="/dienst/([^"#?/]+)"', shown_part)))
    link = re.search(r'id="deellink" type="text" readonly value="([^"]+)"', main).group(1)
    ids = parse_qs(urlparse(link).query)["dienst"]
    assert ids == [i for i in shown if i in ids] and set(ids) == set(shown), (ids, shown)
    assert 3 <= len(ids) <= 10
    assert "staat er niet in" in main


def test_the_dutch_words_notice_only_for_a_question_that_is_not_dutch(site):
    notice = "Searching works best with Dutch words"
    assert notice not in public_main(site, DUTCH_QUESTION, "en")
    assert notice in public_main(site, ENGLISH_QUESTION, "en")
    assert notice in unescape(site.test_client().get("/?lang=en").text)  # before any question: a tip


def test_a_shared_list_shows_the_help_before_the_filters(site):
    web = site.test_client()
    shared = unescape(web.get("/kaart?dienst=svc-vat-aalten&dienst=" + PLANTED_SERVICE).text)
    assert shared.index('class="kaart-resultaten"') < shared.index('id="f-thema"')
    details = shared[shared.rindex("<details", 0, shared.index('id="f-thema"')) :]
    assert details.startswith('<details class="kaart-filters-inklap') and " open" not in details[:80]
    # a filter chosen on the shared list: the filters stay open
    chosen = unescape(web.get("/kaart?thema=schulden&dienst=" + PLANTED_SERVICE).text)
    assert re.search(r'<details class="kaart-filters-inklap[^"]*" open>', chosen)
    # the full list keeps its filters on top
    full = unescape(web.get("/kaart").text)
    assert full.index('id="f-thema"') < full.index('class="kaart-resultaten"')


def test_services_only_placed_at_the_gemeente_centre_claim_no_kern(site):
    """The demo places every organisation, for want of an address, at the centre of Aalten: its why-line says
    "in de gemeente Aalten", not "In Aalten"; a service with its own address in Aalten keeps "In Aalten"."""
    from webapp.answer import answer_hulpvraag

    with site.test_request_context("/"):
        res = answer_hulpvraag(DUTCH_QUESTION, near="Aalten", limit=20)
        pro = answer_hulpvraag(DUTCH_QUESTION, near="Aalten", limit=20, audience="professional")
    whys = {r["service_id"]: r["why"].split(" · ") for r in res.results}
    assert "In Aalten" in whys.pop(PLANTED_SERVICE)
    assert whys and not [w for w in whys.values() if "In Aalten" in w or "in Aalten" in w], whys
    assert any(
        p.endswith("in de gemeente Aalten") or p == "In de gemeente Aalten" for w in whys.values() for p in w
    )
    pro_whys = [r["why"] for r in pro.results if r["service_id"] != PLANTED_SERVICE]
    assert not [w for w in pro_whys if re.search(r"(?<!gemeente )\bin Aalten\b", w)], pro_whys
    # and in another language: "In the municipality of Aalten"
    whys = " ".join(
        re.findall(
            r'class="utrecht-paragraph kaart-waarom">(.*?)</p>', public_main(site, DUTCH_QUESTION, "en"), re.S
        )
    )
    assert "In the municipality of Aalten" in whys and "gemeente" not in whys, whys
