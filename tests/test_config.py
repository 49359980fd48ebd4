"""Settings are parsed once, typed, and a bad value stops the start with a message naming it; logging is
configured by the serving process (not the app factory) as key=value events without user text; every API error
has one shape with a stable code and a Dutch message, as the OpenAPI document says."""

from __future__ import annotations

import logging

import jsonschema
import pytest
from click.testing import CliRunner

from webapp import create_app
from webapp.config import SETTINGS, ConfigError, Settings, parse, settings
from webapp.logs import KeyValueFormatter, configure_logging, kv


def test_settings_are_typed(tmp_path):
    parsed, extra = parse(
        {"DATA_DIR": str(tmp_path), "TESTING": True}, environ={"KAART_STALE_AFTER_DAYS": "90"}
    )
    assert isinstance(parsed, Settings)
    assert parsed.stale_after_days == 90 and parsed.partner_link_days == 30
    assert parsed.demand_stats is False and parsed.session_cookie_secure is True
    assert parsed.geocoder_timeout == 5.0 and parsed.smtp_port is None
    assert parsed.index_dir == tmp_path.resolve() / "index"
    assert extra == {"TESTING": True}
    assert {f.upper() for f in Settings.__dataclass_fields__} == set(SETTINGS)


def test_test_dict_wins_over_environment_over_defaults(tmp_path):
    env = {"KAART_PARTNER_LINK_DAYS": "7", "KAART_LOG_LEVEL": "debug"}
    parsed, _ = parse({"DATA_DIR": str(tmp_path), "PARTNER_LINK_DAYS": 14}, environ=env)
    assert parsed.partner_link_days == 14
    assert parsed.log_level == "DEBUG"


@pytest.mark.parametrize(
    "name, value, says",
    [
        ("STALE_AFTER_DAYS", "een half jaar", "geen geheel getal"),
        ("STALE_AFTER_DAYS", "0", "minstens 1"),
        ("SMTP_PORT", "70000", "hoogstens 65535"),
        ("GEOCODER", "google", "kies gazetteer, pdok, off"),
        ("LOG_LEVEL", "loud", "kies DEBUG"),
        ("DEMAND_STATS", "misschien", "kies 1 of 0"),
        ("BASE_URL", "kaart.example.nl", "https://"),
    ],
)
def test_a_bad_value_is_refused_with_its_name_and_what_is_allowed(tmp_path, name, value, says):
    with pytest.raises(ConfigError) as caught:
        parse({"DATA_DIR": str(tmp_path)}, environ={f"KAART_{name}": value})
    message = str(caught.value)
    assert f"KAART_{name}" in message and repr(value) in message and says in message


def test_a_password_is_never_repeated_in_the_error(tmp_path):
    with pytest.raises(ConfigError) as caught:
        parse({"DATA_DIR": str(tmp_path)}, environ={"KAART_SMTP_PORT": "x", "KAART_SMTP_PASSWORD": "geheim"})
    assert "geheim" not in str(caught.value)
    assert "geheim" not in repr(parse({"DATA_DIR": str(tmp_path), "SMTP_PASSWORD": "geheim"})[0])


def test_the_app_carries_the_parsed_settings(app):
    with app.app_context():
        assert settings().stale_after_days == app.config["STALE_AFTER_DAYS"] == 183
    assert isinstance(app.config["MAX_REQUEST_KB"], int)


def test_kaart_refuses_to_start_on_a_bad_setting(tmp_path):
    from webapp.cli import cli

    env = {"KAART_DATA_DIR": str(tmp_path), "KAART_MAX_REQUEST_KB": "veel"}
    result = CliRunner().invoke(cli, ["init"], env=env)
    assert result.exit_code == 2
    assert "KAART_MAX_REQUEST_KB='veel'" in result.output and "Traceback" not in result.output


def test_the_app_factory_leaves_logging_alone(tmp_path):
    root = logging.getLogger()
    before = (list(root.handlers), root.level)
    create_app({"TESTING": True, "DATA_DIR": str(tmp_path), "LOG_LEVEL": "DEBUG"})
    assert (list(root.handlers), root.level) == before


def test_events_are_key_value_lines():
    record = logging.LogRecord("ingest.writer", logging.INFO, __file__, 1, "import", None, None)
    record.fields = {"source": "hsds:demo", "created": 3, "rejected": 0, "note": 'twee "woorden"'}
    line = KeyValueFormatter("%(message)s").format(record)
    assert line == 'event=import source=hsds:demo created=3 rejected=0 note="twee \\"woorden\\""'
    assert kv({"ok": True, "account": None}) == 'ok=true account=""'


def test_configure_logging_installs_one_handler():
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    try:
        configure_logging("WARNING")
        configure_logging("DEBUG")
        ours = [h for h in root.handlers if getattr(h, "kaart", False)]
        assert len(ours) == 1 and isinstance(ours[0].formatter, KeyValueFormatter)
        assert root.level == logging.DEBUG
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])


def test_an_import_logs_an_event_with_counts(kaart, tmp_path, caplog):
    from ingest.hsds import import_hsds

    caplog.set_level(logging.INFO, logger="ingest.writer")
    import_hsds(kaart, _tiny_package(tmp_path), source="hsds:test")
    events = [r for r in caplog.records if r.getMessage() == "import"]
    assert events and events[-1].fields["source"] == "hsds:test"
    assert events[-1].fields["services_created"] == 1


def _tiny_package(tmp_path):
    from ingest.hsds_spec import tables

    rows = {
        "organizations": {"id": "org-1", "name": "Stichting Test", "description": "Test"},
        "services": {"id": "svc-1", "organization_id": "org-1", "name": "Schuldhulp", "status": "active"},
    }
    for table, columns in tables().items():
        lines = [",".join(columns)]
        if table in rows:
            lines.append(",".join(rows[table].get(c, "") for c in columns))
        (tmp_path / f"{table}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_a_failed_login_logs_the_event_without_the_address(client, caplog):
    caplog.set_level(logging.INFO, logger="webapp.blueprints.auth")
    html = client.get("/inloggen").text
    token = html.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    resp = client.post(
        "/inloggen", data={"email": "iemand@example.org", "password": "fout-wachtwoord", "csrf_token": token}
    )
    assert resp.status_code == 401
    failed = [r for r in caplog.records if r.getMessage() == "login_failed"]
    assert failed and failed[-1].fields == {"step": "password", "account": None}
    assert "iemand@example.org" not in caplog.text and "fout-wachtwoord" not in caplog.text


def _error_schema(client) -> dict:
    doc = client.get("/api/openapi.json").json
    return {**doc["components"]["schemas"]["Error"], "components": doc["components"]}


@pytest.mark.parametrize(
    "method, path, body, status, code",
    [
        ("get", "/api/hsds/services/bestaat-niet", None, 404, "not_found"),
        ("get", "/api/hsds/services?page=0", None, 400, "invalid_parameter"),
        ("get", "/api/v1/bestaat-niet", None, 404, "not_found"),
        ("post", "/api/v1/match", {"text": ""}, 400, "missing_text"),
        ("post", "/api/v1/match", {"text": "schulden", "limit": "veel"}, 400, "invalid_limit"),
        ("post", "/api/v1/match", {"text": "x" * 5000}, 400, "text_too_long"),
        ("delete", "/api/v1/match", None, 405, "method_not_allowed"),
    ],
)
def test_api_errors_have_one_shape_with_a_stable_code(client, method, path, body, status, code):
    resp = getattr(client, method)(path, json=body) if body is not None else getattr(client, method)(path)
    assert resp.status_code == status
    assert resp.json["error"]["code"] == code and resp.json["status"] == status
    assert resp.json["error"]["message"]  # Dutch text for people
    jsonschema.validate(resp.json, _error_schema(client))


def test_openapi_lists_the_error_codes(client):
    description = client.get("/api/openapi.json").json["info"]["description"]
    for code in ("not_found", "invalid_parameter", "missing_text", "unavailable"):
        assert f"`{code}`" in description


def test_an_edit_logs_an_event_without_who_or_what(falkor_store, caplog):
    import dataclasses

    from graph.editing import create_record, save_edit
    from graph.models import Organisation
    from graph.repositories import OrganisationRepository

    caplog.set_level(logging.INFO, logger="graph.editing")
    org = Organisation(id="org-log", name="Stichting Voorbeeld")
    version = create_record(falkor_store, "Organisation", org, "coordinator@example.org")
    changed = dataclasses.replace(org, name="Stichting Geheim-Nieuw", description="Ander verhaal")
    new_version = save_edit(falkor_store, "Organisation", changed, "coordinator@example.org", version)
    assert OrganisationRepository(falkor_store).get("org-log").name == "Stichting Geheim-Nieuw"
    edits = [r for r in caplog.records if r.getMessage() == "edit"]
    assert edits and edits[-1].fields == {
        "entity": "Organisation", "id": "org-log", "version": new_version, "changed": 2
    }  # fmt: skip
    assert "coordinator@example.org" not in caplog.text and "Geheim-Nieuw" not in caplog.text


def test_the_log_handler_follows_the_current_stderr(capsys):
    """`kaart` under a test runner: stderr is swapped per command; the handler must not keep a closed one."""
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    try:
        configure_logging("INFO")
        logging.getLogger("ingest.writer").info(
            "import", extra={"fields": {"source": "hsds:x", "created": 1}}
        )
        assert "event=import source=hsds:x created=1" in capsys.readouterr().err
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
