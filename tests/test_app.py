"""The web app skeleton: pages render, every route declares its audience, errors never leak internals."""

from __future__ import annotations

from webapp.audience import AUDIENCES, audience_of


def test_home_page_renders_in_dutch(client):
    resp = client.get("/")
    assert resp.status_code == 200
    assert '<html lang="nl"' in resp.text
    assert "Waar zoekt u hulp bij?" in resp.text


def test_health_reports_graph(client):
    resp = client.get("/api/v1/health")
    assert resp.status_code == 200
    assert resp.json == {"status": "ok", "graph": True}


def test_security_headers_on_every_response(client):
    for path in ("/", "/api/v1/health", "/bestaat-niet"):
        resp = client.get(path)
        assert "default-src 'self'" in resp.headers["Content-Security-Policy"]
        assert resp.headers["X-Content-Type-Options"] == "nosniff"
        assert resp.headers["X-Frame-Options"] == "DENY"


def test_every_route_declares_its_audience(app):
    undeclared = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        view = app.view_functions[rule.endpoint]
        if audience_of(view) not in AUDIENCES:
            undeclared.append(rule.rule)
    assert undeclared == []


def test_errors_show_no_stack_trace(app, client):
    @app.get("/__boom")
    def boom():
        raise RuntimeError("geheime interne details")

    resp = client.get("/__boom")
    assert resp.status_code == 500
    assert "geheime interne details" not in resp.text
    assert "Traceback" not in resp.text
    api = client.get("/api/nope")
    assert api.status_code == 404 and api.json["status"] == 404
