"""Domain facts have one source: the niveau ladder and its labels come from ontology/niveaus.yaml, the kern id
from `ontology.kern_id`, staleness from one typed setting. Code that repeats them would drift."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from graph.models import NIVEAUS, STALE_AFTER_DAYS
from ontology import kern_id, load_gazetteer, load_niveaus
from webapp.config import SETTINGS, parse
from webapp.site import NIVEAU_B1, niveau_label, niveau_uitleg

ROOT = Path(__file__).resolve().parents[1]
DATA = yaml.safe_load((ROOT / "ontology" / "niveaus.yaml").read_text(encoding="utf-8"))


def test_the_ladder_is_the_data_in_rank_order_with_crisis_last():
    ranks = {n["id"]: n["rank"] for n in DATA}
    ladder = sorted((code for code in ranks if ranks[code] > 0), key=ranks.get)
    assert (*ladder, *[c for c in ranks if ranks[c] == 0]) == NIVEAUS
    assert NIVEAUS == ("vrij-toegankelijk", "lokaal-team", "maatwerk", "specialistisch", "crisis")  # contract


def test_the_site_shows_the_labels_of_the_data():
    """Both labels of niveaus.yaml are used: `label` as the name, `b1_label` as the B1 explanation."""
    for raw in DATA:
        assert niveau_label(raw["id"]) == raw["label"]
        assert niveau_uitleg(raw["id"]) == raw["b1_label"]
    assert set(NIVEAU_B1) == {n.id for n in load_niveaus()}


def test_the_hsds_api_names_niveau_terms_as_the_data(client):
    terms = client.get("/api/hsds/taxonomy_terms?taxonomy_id=tax-niveau&per_page=100").json["contents"]
    named = {t["code"]: (t["name"], t["description"]) for t in terms}
    assert named == {raw["id"]: (raw["label"], raw["b1_label"]) for raw in DATA}


def test_kern_id_is_one_rule():
    assert kern_id("Dinxperlo") == "kern-dinxperlo"
    assert kern_id("'s-Heerenberg") == "kern-s-heerenberg"
    assert kern_id("De Heurne") == "kern-de-heurne"
    # The importer's kernen carry the same ids (ingest.hsds.kern_for), for every place in the gazetteer.
    from ingest.hsds import kern_for

    assert all(kern_for(p).id == kern_id(p.name) for p in load_gazetteer())


def test_staleness_is_one_typed_setting(tmp_path):
    assert SETTINGS["STALE_AFTER_DAYS"][0] == str(STALE_AFTER_DAYS)
    assert parse({"DATA_DIR": str(tmp_path)})[0].stale_after_days == STALE_AFTER_DAYS == 183


def test_no_copy_of_the_ladder_in_code_outside_the_ontology():
    """A literal ladder (three niveau codes in a row) in webapp/, graph/ or ingest/ is a second source."""
    codes = "|".join(re.escape(c) for c in NIVEAUS)
    item = rf'"(?:{codes})"\s*(?::\s*[^,"]+)?'  # a code as a tuple item or as a dict key (not a value)
    pattern = re.compile(rf"{item},\s*{item},\s*{item}")
    found = []
    for top in ("webapp", "graph", "ingest"):
        for path in sorted((ROOT / top).rglob("*.py")):
            if pattern.search(path.read_text(encoding="utf-8")):
                found.append(str(path.relative_to(ROOT)))
    assert found == []


def test_no_second_kern_id_rule_or_staleness_default_in_code():
    """`f"kern-{…}"` outside `ontology.kern_id`, or a fallback `or 183` next to the typed setting, is a second
    source that drifts (issue 11: the kern-id rule was written out in four places, 183 in three)."""
    found = []
    for top in ("webapp", "graph", "ingest", "match"):
        for path in sorted((ROOT / top).rglob("*.py")):
            text = path.read_text(encoding="utf-8")
            if 'f"kern-{' in text or re.search(r"STALE_AFTER_DAYS\"\)\s*or\s*\d", text):
                found.append(str(path.relative_to(ROOT)))
    assert found == []
