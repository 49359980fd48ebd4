"""Test data and helpers for the site tests: the Aalten demo plus planted records with sentinel values in
every professional-only field, accounts with a second factor, and a logged-in client."""

from __future__ import annotations

import re
import time
import uuid
from pathlib import Path

import pyotp

from graph.models import Location, Organisation, Phone, Service
from graph.repositories import LocationRepository, OrganisationRepository, PhoneRepository, ServiceRepository

# Values that must never appear in a public page or public API response.
SENTINELS = {
    "service_phone": "0612-SENTINEL-SVC",
    "service_phone_desc": "SENTINEL-DIRECTE-LIJN",
    "org_phone": "0612-SENTINEL-ORG",
    "loc_phone": "0612-SENTINEL-LOC",
    # issue 16: notes for colleagues and the reason of "nu niet doorverwijzen" (planted by tests/test_site_sentinel.py)
    "note": "SENTINEL-NOTITIE-bel-eerst",
    "org_note": "SENTINEL-NOTITIE-ORG",
    "status_reason": "SENTINEL-STATUS-REDEN",
}
# Public values of the same records: they must appear publicly (so the test proves the pages were looked at).
PUBLIC = {"service_phone": "0543-111111", "org_phone": "0543-222222"}
CONFIDENTIAL_ADDRESS = "Geheimstraat 13"
CONFIDENTIAL_POSTCODE = "7121 ZZ"
PASSWORD = "lange-zin-met-paarden-2026"

PLANTED_ORG = "org-test-schuldhulp"
PLANTED_SERVICE = "svc-test-schuldhulp"
SHELTER_SERVICE = "svc-test-opvang"


def plant(store) -> None:
    """A schuldhulp service with public and professional-only phones, an opvang at a confidential address."""
    OrganisationRepository(store).upsert(
        [
            Organisation(
                id=PLANTED_ORG, name="Schuldhulp Testorganisatie", description="Hulp bij schulden in Aalten."
            )
        ]
    )
    LocationRepository(store).upsert(
        [
            Location(
                id="loc-test-kantoor",
                name="Kantoor Testorganisatie",
                organization_id=PLANTED_ORG,
                latitude=51.9260,
                longitude=6.5810,
                address_1="Markt 1",
                postal_code="7121 CS",
                city="Aalten",
            ),
            Location(
                id="loc-test-opvang",
                name="Opvang Test",
                organization_id=PLANTED_ORG,
                latitude=51.9111,
                longitude=6.5222,
                address_1=CONFIDENTIAL_ADDRESS,
                postal_code=CONFIDENTIAL_POSTCODE,
                city="Aalten",
                confidential=True,
            ),
        ]
    )
    ServiceRepository(store).upsert(
        [
            Service(
                id=PLANTED_SERVICE,
                organization_id=PLANTED_ORG,
                name="Schuldhulp en budgetcoaching test",
                description="Hulp bij schulden, rekeningen en geldzorgen. Een budgetcoach helpt met overzicht.",
                niveau="vrij-toegankelijk",
                themes=("schulden",),
                doelgroepen=("volwassenen",),
                location_ids=("loc-test-kantoor",),
                wait_time="2 weken",
                wait_time_date="2026-10-01",
                assured_date="2026-11-01",
            ),
            Service(
                id=SHELTER_SERVICE,
                organization_id=PLANTED_ORG,
                name="Vrouwenopvang test",
                description="Veilige opvang bij huiselijk geweld.",
                niveau="specialistisch",
                themes=("huiselijk-geweld",),
                location_ids=("loc-test-opvang",),
            ),
        ]
    )
    PhoneRepository(store).upsert(
        [
            Phone(
                id="ph-test-public",
                number=PUBLIC["service_phone"],
                description="Algemeen nummer",
                service_id=PLANTED_SERVICE,
            ),
            Phone(
                id="ph-test-pro",
                number=SENTINELS["service_phone"],
                description=SENTINELS["service_phone_desc"],
                professional_only=True,
                service_id=PLANTED_SERVICE,
            ),
            Phone(id="ph-test-org-public", number=PUBLIC["org_phone"], organization_id=PLANTED_ORG),
            Phone(
                id="ph-test-org-pro",
                number=SENTINELS["org_phone"],
                professional_only=True,
                organization_id=PLANTED_ORG,
            ),
            Phone(
                id="ph-test-loc-pro",
                number=SENTINELS["loc_phone"],
                professional_only=True,
                location_id="loc-test-kantoor",
            ),
        ]
    )


def demo_app(falkor_server, data_dir: Path, **extra):
    """An app on a fresh graph with the Aalten demo and the planted records, index built."""
    from ingest.demo import load_demo
    from match.index import rebuild_index
    from webapp import create_app
    from webapp.db import get_store

    uri = f"falkordb://{falkor_server.data_dir}?graph=t_{uuid.uuid4().hex[:12]}"
    app = create_app({"TESTING": True, "DATA_DIR": str(data_dir), "GRAPH_URI": uri, "TILE_URL": "", **extra})
    with app.app_context():
        store = get_store()
        load_demo(store, None)
        plant(store)
        rebuild_index(store, Path(app.config["INDEX_DIR"]))
    return app


def close_app(app) -> None:
    from webapp.db import close_store, get_store

    with app.app_context():
        get_store().clear()
    close_store(app)


def public_search(client, text: str, place: str = "", lang: str | None = None):
    """The public search form posted as a resident posts it (with its CSRF token), in the interface language
    `lang` when given."""
    token = csrf_from(client.get(f"/?lang={lang}" if lang else "/").text)
    return client.post("/zoeken", data={"vraag": text, "plaats": place, "csrf_token": token})


def public_page(app, text: str, place: str = "", lang: str | None = None) -> str:
    """The public results page for `text`, HTML entities resolved."""
    from html import unescape

    resp = public_search(app.test_client(), text, place, lang)
    assert resp.status_code == 200
    return unescape(resp.text)


def public_main(app, text: str, lang: str, place: str = "Aalten") -> str:
    """The <main> of the public results page in interface language `lang`."""
    html = public_page(app, text, place, lang)
    return html[html.index("<main") : html.index("</main>")]


def csrf_from(html: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, "geen CSRF-veld in het formulier"
    return m.group(1)


def add_account(app, role: str = "professional", email: str | None = None, enrolled: bool = True) -> dict:
    """An account; with `enrolled` its TOTP secret is set as if the user enrolled."""
    from graph.accounts import AccountRepository
    from webapp.accounts import create_account
    from webapp.db import get_store

    email = email or f"{role}-{uuid.uuid4().hex[:6]}@example.org"
    with app.app_context():
        store = get_store()
        account = create_account(store, email, PASSWORD, role)
        secret = pyotp.random_base32()
        if enrolled:
            AccountRepository(store).update(account.id, totp_secret=secret, mfa_enrolled=True)
    return {"email": email, "password": PASSWORD, "secret": secret, "id": account.id}


def fresh_code(secret: str) -> str:
    """A TOTP code for a time step not used before in this test run (codes are accepted once)."""
    totp = pyotp.TOTP(secret)
    step = int(time.time() // 30)
    fresh_code.used = getattr(fresh_code, "used", {})
    last = fresh_code.used.get(secret)
    if last is not None and last >= step:
        step = last + 1  # the server accepts the next step too (clock drift)
        while step > int(time.time() // 30) + 1:
            time.sleep(1)
    fresh_code.used[secret] = step
    return totp.at(step * 30)


def login(client, account: dict) -> None:
    """Password + TOTP through the real pages."""
    page = client.get("/inloggen")
    resp = client.post(
        "/inloggen",
        data={"email": account["email"], "password": account["password"], "csrf_token": csrf_from(page.text)},
    )
    assert resp.status_code == 302 and resp.headers["Location"].endswith("/inloggen/code"), resp.status_code
    page = client.get("/inloggen/code")
    resp = client.post(
        "/inloggen/code", data={"code": fresh_code(account["secret"]), "csrf_token": csrf_from(page.text)}
    )
    assert resp.status_code == 302, resp.text[:300]


def visible_main(html: str) -> str:
    """The text a reader sees in <main>: tags out, whitespace folded (register and wording checks)."""
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))
