"""The matcher's why-lines and chips in the interface language (user test m12test7 F9, ADR 0121).

The match JSON stays Dutch; on a page in English or Arabic the fixed parts of a why-line ("Helpt bij …", "Voor
ouderen", "u kunt er zelf terecht, zonder verwijzing"), the chips and the badges are translated through the Babel
catalogues, whose msgids for these words come from the data (ontology/labels-inwoner.yaml, doelgroepen.yaml,
matching.yaml) by the extractor in babel.cfg. A question that is not Dutch gets one notice, not three.
"""

from __future__ import annotations

import re
from html import unescape

import pytest
from babel.messages.pofile import read_po
from site_data import close_app, csrf_from, demo_app

from ontology.inwoner import load_inwoner_labels
from webapp.i18n import NOT_DUTCH_START, TRANSLATIONS, extract_resident_words

DEBTS = "ik heb schulden en de deurwaarder komt"
ENGLISH = "I have debts and cannot pay my rent, I live in Dinxperlo"


def _catalogue(lang: str):
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        return read_po(fh, locale=lang)


def _resident_msgids() -> list[str]:
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "ontology"
    out: list[str] = []
    for name in ("labels-inwoner.yaml", "doelgroepen.yaml", "matching.yaml"):
        with (root / name).open("rb") as fh:
            out += [msg for _, _, msg, _ in extract_resident_words(fh, (), (), {})]
    return out


def test_every_resident_word_is_a_msgid_and_has_an_english_and_arabic_translation():
    """A theme added to labels-inwoner.yaml without translations would show Dutch in a translated why-line."""
    ids = _resident_msgids()
    labels = load_inwoner_labels()
    assert "schulden" in ids and "Helpt bij %(need)s" in ids and "Ouderen" in ids
    assert all(w in ids for w in labels.themes.values())
    assert not [i for i in ids if "{" in i], "templates are %(name)s msgids"
    for lang in ("en", "ar"):
        cat = _catalogue(lang)
        missing = [i for i in ids if i not in cat or not cat[i].string]
        assert not missing, (lang, missing[:5])


def test_the_not_dutch_message_is_recognised_by_its_first_sentence():
    from webapp.answer import NOT_DUTCH

    assert NOT_DUTCH.startswith(NOT_DUTCH_START)


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("i18n-why"))
    yield app
    close_app(app)


def _page(app, text: str, lang: str, place: str = "Aalten") -> str:
    web = app.test_client()
    home = web.get(f"/?lang={lang}").text
    resp = web.post("/zoeken", data={"vraag": text, "plaats": place, "csrf_token": csrf_from(home)})
    assert resp.status_code == 200
    html = unescape(resp.text)
    return html[html.index("<main") : html.index("</main>")]


def _whys(main: str) -> list[str]:
    return [
        re.sub(r"\s+", " ", w)
        for w in re.findall(r'class="utrecht-paragraph kaart-waarom">(.*?)</p>', main, re.S)
    ]


def test_why_lines_chips_and_badges_are_english_on_the_english_page(site):
    main = _page(site, DEBTS, "en")
    whys = _whys(main)
    assert whys and all(
        "Helpt bij" not in w and "u kunt" not in w and "kijkt met u mee" not in w for w in whys
    )
    assert any("Helps with debts" in w for w in whys), whys
    assert any("In Aalten" in w for w in whys)
    assert '<span class="kaart-chip">Debts</span>' in main
    assert "Team van de gemeente" not in main and "Lokaal team" not in main


@pytest.mark.parametrize(
    ("text", "english"),
    [  # tester8 B5: the door line for a need without a service stayed Dutch on the English page
        ("ik zoek een huurwoning", "There is no help for finding a home on the map yet"),
        (
            "ik ben 16 en mijn ouders gaan scheiden, ik weet niet hoe ik me moet voelen",
            "There is no help for separating for this age on the map yet",
        ),
    ],
)
def test_the_door_line_for_a_need_without_a_service_is_english_too(site, text, english):
    whys = _whys(_page(site, text, "en"))
    assert any(english in w for w in whys), whys
    assert not any("nog geen aanbod" in w for w in whys), whys


def test_arabic_translates_the_lokaal_team_badge_and_the_why_frame(site):
    main = _page(site, DEBTS, "ar")
    assert "Lokaal team" not in main and "الفريق المحلي" in main
    assert any("تساعد في: الديون" in w for w in _whys(main))


def test_the_dutch_page_keeps_the_matchers_words(site):
    main = _page(site, DEBTS, "nl")
    assert any(w.count("Helpt bij schulden") for w in _whys(main))
    assert '<span class="kaart-chip">Schulden</span>' in main


def test_an_english_question_gets_one_notice_in_english_and_dutch(site):
    main = _page(site, ENGLISH, "en", place="")
    assert main.count("Searching works best with Dutch words") == 1
    assert main.count("Wij lezen alleen vragen in het Nederlands") == 1  # the Dutch line of the same notice
    assert "We could not quite tell" not in main  # no second notice
    assert 'class="kaart-meldingen"' not in main or "Wij lezen alleen" not in main.split("kaart-meldingen")[1]


def test_the_totp_set_up_follows_the_site_language_not_the_browser(site):
    """A Dutch wijkcoach with an English browser: the set-up page after login is Dutch, like the login page;
    a language chosen on the site (the cookie) is kept."""
    from site_data import add_account

    english_browser = {"Accept-Language": "en-US,en;q=0.9"}
    account = add_account(site, enrolled=False)
    web = site.test_client()
    page = web.get("/inloggen", headers=english_browser)
    assert '<html lang="nl"' in page.text
    data = {"email": account["email"], "password": account["password"], "csrf_token": csrf_from(page.text)}
    resp = web.post("/inloggen", data=data, headers=english_browser)
    assert resp.headers["Location"].endswith("/inloggen/instellen")
    enrol = web.get("/inloggen/instellen", headers=english_browser).text
    assert '<html lang="nl"' in enrol and "Tweestapsverificatie instellen" in enrol
    chosen = web.get("/inloggen/instellen?lang=en", headers=english_browser).text
    assert "Set up two-step verification" in chosen
    assert "Set up two-step verification" in web.get("/inloggen/instellen").text  # the choice is remembered
    # the public pages still follow the browser
    assert '<html lang="en"' in site.test_client().get("/", headers=english_browser).text


def test_the_professional_why_line_is_english_on_the_english_page(site):
    from site_data import add_account, login

    web = site.test_client()
    login(web, add_account(site))
    page = web.get("/professional/?lang=en")
    assert '<html lang="en"' in page.text
    resp = web.post(
        "/professional/", data={"situatie": "client heeft schulden", "csrf_token": csrf_from(page.text)}
    )
    whys = _whys(unescape(resp.text))
    assert any(w.startswith("<strong>Why:</strong> Fits debts") for w in whys), whys[:3]
    assert not any("Past bij" in w or "lokaal team" in w for w in whys), whys[:3]
