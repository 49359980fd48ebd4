"""Privacy across the whole app: a sentinel hulpvraag leaves no trace on disk, in logs or in the graph.

The app runs as in production (`kaart serve --workers 2`: gunicorn, its access log, the app log at DEBUG) and
as `make run` starts it (the built-in server and its request log), each on its own data dir and temp dir, with the demand statistics switched on (the riskiest setting). The sentinel goes
through every place a person can type a hulpvraag — the public search, the professional search (first try and
"opnieuw zoeken"), the match API, the HSDS search parameters — also through the error paths (missing CSRF
token, bad JSON, too long). Afterwards every file under the run's directory and every property in the graph is
searched for it.
"""

from __future__ import annotations

import json
import urllib.parse
import uuid

import pytest
from live import Browser, LiveSite, prepare_site


def _graph_strings(uri: str) -> list[str]:
    """Every property value of every node and relationship, as text."""
    from graph.store import connect

    store = connect(uri)
    try:
        nodes = store.read("MATCH (n) RETURN properties(n) AS p")
        rels = store.read("MATCH ()-[r]->() RETURN properties(r) AS p")
    finally:
        store.close()
    assert len(nodes) > 100, "the graph scan found no data"
    return [json.dumps(row["p"], default=str, ensure_ascii=False) for row in nodes + rels]


@pytest.mark.slow
@pytest.mark.parametrize("workers", [2, 0], ids=["gunicorn", "make-run"])
def test_a_hulpvraag_leaves_no_trace_anywhere(tmp_path, workers):
    sentinel = f"zxqv{uuid.uuid4().hex[:10]}"
    hulpvraag = f"Mijn buurvrouw {sentinel} komt niet rond en durft de post niet meer open te maken"
    data_dir, temp_dir = tmp_path / "data", tmp_path / "tmp"
    temp_dir.mkdir()
    uri = f"falkordb://{data_dir}/graph"
    professional, coordinator = prepare_site(data_dir, uri, ("professional", "coordinator"))
    log_path = tmp_path / "server.log"
    site = LiveSite(
        data_dir,
        uri,
        log_path,
        workers,
        KAART_LOG_LEVEL="DEBUG",
        KAART_DEMAND_STATS="1",
        TMPDIR=str(temp_dir),
    ).start()
    try:
        base = site.base
        public = Browser(base)
        # Public search, with a place, and the error paths: no CSRF token, GET with the text in the URL.
        token = public.csrf("/")
        for _ in range(3):  # both workers
            status, headers, html = public.request(
                "POST",
                "/zoeken",
                {"vraag": hulpvraag, "plaats": f"Dinxperlo {sentinel}", "csrf_token": token},
            )
            assert status == 200 and "/dienst/" in html, html[:300]
            assert "no-store" in headers["Cache-Control"]
        status, _, _ = public.request("POST", "/zoeken", {"vraag": hulpvraag})
        assert status == 400
        status, headers, _ = public.request("GET", "/zoeken?" + urllib.parse.urlencode({"vraag": hulpvraag}))
        assert status == 302

        # The match API: normal, with a place, and three ways to get it wrong.
        api = Browser(base)
        json_headers = {"Content-Type": "application/json"}
        for body in ({"text": hulpvraag}, {"text": hulpvraag, "near": sentinel, "limit": 5}):
            status, headers, text = api.request(
                "POST", "/api/v1/match", json.dumps(body).encode(), json_headers
            )
            assert status == 200 and json.loads(text)["results"], text[:300]
            assert "no-store" in headers["Cache-Control"]
        for body, expected in (
            (json.dumps({"text": hulpvraag, "limit": "veel"}).encode(), 400),
            (json.dumps({"text": hulpvraag * 60}).encode(), 400),  # longer than a hulpvraag can be
            (json.dumps({"text": hulpvraag * 5000}).encode(), 413),  # larger than any request may be
            (f'{{"text": "{hulpvraag}"'.encode(), 400),  # broken JSON
        ):
            status, _, text = api.request("POST", "/api/v1/match", body, json_headers)
            assert status == expected and sentinel not in text, (status, text[:300])

        # HSDS search parameters (a professional might type a situation there too).
        for path in ("/api/hsds/services", "/api/hsds/organizations", "/api/hsds/taxonomy_terms"):
            status, _, _ = api.request("GET", path + "?" + urllib.parse.urlencode({"search": hulpvraag}))
            assert status == 200

        # Professional search: first try, then "opnieuw zoeken" with chosen themes.
        pro = Browser(base)
        pro.login(professional)
        token = pro.csrf("/professional/")
        form = {"situatie": hulpvraag, "plaats": "Aalten", "csrf_token": token}
        status, headers, html = pro.request("POST", "/professional/", form)
        assert status == 200 and "no-store" in headers["Cache-Control"]
        status, _, _ = pro.request(
            "POST", "/professional/", {**form, "herhaal": "1", "thema": "schulden", "thema_extra": sentinel}
        )
        assert status == 200

        # The coordinator's demand statistics count themes, never text.
        coord = Browser(base)
        coord.login(coordinator)
        status, _, html = coord.request("GET", "/beheer/vraag")
        assert status == 200 and sentinel not in html
    finally:
        site.stop()  # gunicorn stops its workers; the last one stops the graph server

    # Every answer, also the errors (400, 413) and redirects, carries the security headers and no stack trace.
    answers = [a for b in (public, api, pro, coord) for a in b.seen]
    assert {status for _, _, status, _ in answers} >= {200, 302, 400, 413}
    for method, path, status, headers in answers:
        assert "default-src 'self'" in headers.get("Content-Security-Policy", ""), (method, path, status)
        assert headers.get("X-Content-Type-Options") == "nosniff", (method, path, status)
        assert headers.get("X-Frame-Options") == "DENY", (method, path, status)
        assert headers.get("Referrer-Policy") == "same-origin", (method, path, status)

    log = log_path.read_text(errors="replace")
    assert "POST /api/v1/match" in log and "POST /zoeken" in log, "the access log was not written"
    leaks = [
        path
        for path in tmp_path.rglob("*")
        if path.is_file() and not path.is_socket() and sentinel.encode() in path.read_bytes()
    ]
    assert leaks == [], f"de hulpvraag staat in {leaks}"
    assert not [v for v in _graph_strings(uri) if sentinel in v], "de hulpvraag staat in de graaf"
