"""Phone numbers read backwards in Arabic (tester15 item 7): in a right-to-left page a number such as 0800-2000
after Arabic words becomes "2000-0800" (the Unicode bidi algorithm turns the digits into Arabic numbers and the
hyphen between them into a neutral that runs right to left). Every phone number we show is isolated left to right:
the footer, a service's phone list and the way-in list on the results page."""

from __future__ import annotations

import re

import pytest

from tests.site_data import close_app, demo_app, public_page

# a number of more than three digits: 112 and 113 cannot be reordered, 0800-2000 and 0543 12 34 56 can
TEL = re.compile(r"<a\b[^>]*href=\"tel:\+?\d{4,}\"[^>]*>")


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("rtl-phones"))
    yield app
    close_app(app)


def _tel_links(html: str) -> list[str]:
    return TEL.findall(html)


def test_every_phone_link_in_the_arabic_footer_runs_left_to_right(site):
    html = site.test_client().get("/?lang=ar").text
    links = [a for a in _tel_links(html) if "0800" in a]
    assert len(links) == 2, links  # Veilig Thuis and 113's 0800 number
    assert all('dir="ltr"' in a for a in links), links


def test_phone_numbers_on_an_arabic_results_page_run_left_to_right(site):
    html = public_page(site, "Mijn man slaat mij en ik ben bang", lang="ar")
    links = _tel_links(html)
    assert links, "geen telefoonnummer op de resultatenpagina"
    assert all('dir="ltr"' in a for a in links), [a for a in links if 'dir="ltr"' not in a]


def test_a_service_page_in_arabic_shows_its_phone_numbers_left_to_right(site):
    web = site.test_client()
    results = public_page(site, "Mijn man slaat mij en ik ben bang", lang="ar")
    m = re.search(r'href="(/dienst/[^"?]+)', results)
    assert m, "geen link naar een dienst"
    html = web.get(m.group(1) + "?lang=ar").text
    links = _tel_links(html)
    assert links, "geen telefoonnummer op de dienstpagina"
    assert all('dir="ltr"' in a for a in links), [a for a in links if 'dir="ltr"' not in a]


def test_a_dutch_page_keeps_its_numbers_and_their_links(site):
    html = site.test_client().get("/").text
    assert 'href="tel:08002000">0800-2000</a>' in html and 'href="tel:08000113">0800-0113</a>' in html
