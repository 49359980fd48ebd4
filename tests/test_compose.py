"""docker-compose.yml: valid against the Compose Specification and wired as the README says.

No Docker engine runs here, so the file is checked statically against `../shared/compose-spec`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from shared_data import need_shared

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_valid_against_compose_spec(compose):
    schema = json.loads(need_shared("compose-spec", "compose-spec.json").read_text())
    jsonschema.Draft7Validator(schema).validate(compose)


def test_neo4j_service(compose):
    neo = compose["services"]["neo4j"]
    assert neo["image"] == "neo4j:5.26-community"
    assert "KAART_NEO4J_PASSWORD" in neo["environment"]["NEO4J_AUTH"]
    mounts = {v.split(":")[1] for v in neo["volumes"]}
    assert {"/data", "/logs"} <= mounts
    assert set(v.split(":")[0] for v in neo["volumes"]) <= set(compose["volumes"])
    assert neo["healthcheck"]["test"]


def test_web_service_waits_for_healthy_neo4j_and_uses_kaart_env(compose):
    web = compose["services"]["web"]
    assert web["build"]["dockerfile"] == "Dockerfile"
    assert (ROOT / web["build"]["dockerfile"]).exists()
    assert web["depends_on"]["neo4j"]["condition"] == "service_healthy"
    env = web["environment"]
    assert env["KAART_GRAPH_URI"] == "bolt://neo4j:7687"
    for name in ("KAART_NEO4J_USER", "KAART_NEO4J_PASSWORD", "KAART_SECRET_KEY", "KAART_DATA_DIR"):
        assert name in env
    # Every KAART_* name the compose file sets is a documented setting of the app.
    from webapp.config import SETTINGS

    assert {n.removeprefix("KAART_") for n in env} <= set(SETTINGS)
    assert web["ports"] == ["${KAART_PORT:-8000}:8000"]
    assert "/api/v1/health" in " ".join(web["healthcheck"]["test"])


def test_dockerfile_serves_what_compose_publishes():
    text = (ROOT / "Dockerfile").read_text()
    assert "EXPOSE 8000" in text
    assert re.search(r"--bind 0\.0\.0\.0:8000", text)
    assert "webapp.wsgi:app" in text
