"""Validate the matcher evaluation set (tests/eval/dataset + tests/eval/questions.yaml).

    python tests/eval/validate_eval.py          # prints a report, exit code 1 on errors

Checks: CSVs parse with the HSDS example headers; ids are unique; foreign keys resolve
(including attribute link_id by link_entity); datapackage.json lists exactly the shipped
files; the profile conventions of docs/hsds-profile.md hold (one niveau and toegang per
service, known theme/doelgroep codes, 24-7 on crisis services, located-at-kern-centre
marker, no invented contact details); every question is well-formed and refers to
existing services; lighter_first pairs really go up the niveau ladder; safety cases list
a crisis service; negated cases are not safety cases; ages named in a question fall within
the age limits of the services listed for it; every question is `split: dev` (this file is the development
set that `kaart eval` runs as dev; the held-out questions live in hulpvragen.yaml).
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DATASET = HERE / "dataset"
QUESTIONS = HERE / "questions.yaml"
# HSDS example package next to the repository (../shared); override with KAART_HSDS_EXAMPLES.
EXAMPLES = Path(
    os.environ.get("KAART_HSDS_EXAMPLES", HERE.parents[2] / "shared" / "hsds-3.0" / "examples" / "csv")
)

# Reference date for "stale" (assured_date older than 6 months). Fixed so the report is stable.
REFERENCE_DATE = date(2026, 11, 23)
STALE_AFTER = timedelta(days=183)

NIVEAU_LADDER = ["vrij-toegankelijk", "lokaal-team", "maatwerk", "specialistisch", "crisis"]
KERNEN = {
    "Aalten",
    "Dinxperlo",
    "Bredevoort",
    "IJzerlo",
    "De Heurne",
    "Barlo",
    "Winterswijk",
    "Lichtenvoorde",
    "Doetinchem",
}
PROFESSIONAL_ONLY = {"svc-vat-casusoverleg"}
QUESTION_FIELDS = {"id", "text", "audience", "near", "relevant", "safety", "negated", "expect_place", "split"}
OPTIONAL_FIELDS = {"lighter_first"}
NEGATION_CUES = re.compile(r"\b(geen|niet|nooit|uitgesloten)\b", re.I)
# "zoon van 15", "(45)", "ik ben 78", "is 18" -- not "van 3 maanden"
AGE_RE = re.compile(r"(?:\bvan\s+|\(|\bben\s+|\bis\s+)(\d{1,3})(?:\)|\b)(?!\s*(?:maanden|weken|dagen))")

ID_PREFIX = {
    "organizations.csv": "org-",
    "services.csv": "svc-",
    "locations.csv": "loc-",
}


def read_csv(name: str) -> tuple[list[str], list[dict]]:
    with open(DATASET / name, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def validate() -> tuple[list[str], dict]:
    errors: list[str] = []
    report: dict = {}

    # ------------------------------------------------------------------ datapackage
    pkg = json.loads((DATASET / "datapackage.json").read_text(encoding="utf-8"))
    listed = [r["path"] for r in pkg["resources"]]
    shipped = sorted(p.name for p in DATASET.glob("*.csv"))
    if sorted(listed) != shipped:
        errors.append(f"datapackage.json lists {sorted(listed)} but the directory holds {shipped}")

    tables: dict[str, list[dict]] = {}
    for name in shipped:
        try:
            cols, rows = read_csv(name)
        except Exception as exc:  # pragma: no cover - reported
            errors.append(f"{name}: does not parse: {exc}")
            continue
        example = EXAMPLES / name
        expected = cols
        if example.exists():  # header check needs the HSDS examples; skipped when they are absent
            with open(example, newline="", encoding="utf-8") as fh:
                expected = next(csv.reader(fh))
        if cols != expected:
            errors.append(f"{name}: header differs from HSDS example: {cols}")
        ids = [r["id"] for r in rows]
        dup = [i for i, n in Counter(ids).items() if n > 1]
        if dup:
            errors.append(f"{name}: duplicate ids {dup}")
        if any(not i for i in ids):
            errors.append(f"{name}: empty id")
        prefix = ID_PREFIX.get(name)
        if prefix:
            bad = [i for i in ids if not i.startswith(prefix) or i != i.lower()]
            if bad:
                errors.append(f"{name}: ids not of the form {prefix}...: {bad}")
        tables[name] = rows

    def ids(name):
        return {r["id"] for r in tables.get(name, [])}

    org_ids, svc_ids, loc_ids = ids("organizations.csv"), ids("services.csv"), ids("locations.csv")
    term_ids, tax_ids = ids("taxonomy_terms.csv"), ids("taxonomies.csv")
    services = {r["id"]: r for r in tables.get("services.csv", [])}

    # ------------------------------------------------------------------ foreign keys
    def fk(table, col, target, allow_empty=False):
        for r in tables.get(table, []):
            v = r[col]
            if not v and allow_empty:
                continue
            if v not in target:
                errors.append(f"{table} {r['id']}: {col}={v!r} does not resolve")

    fk("services.csv", "organization_id", org_ids)
    fk("locations.csv", "organization_id", org_ids)
    fk("addresses.csv", "location_id", loc_ids)
    fk("service_at_location.csv", "service_id", svc_ids)
    fk("service_at_location.csv", "location_id", loc_ids)
    fk("service_areas.csv", "service_id", svc_ids)
    fk("taxonomy_terms.csv", "taxonomy_id", tax_ids)
    fk("attributes.csv", "taxonomy_term_id", term_ids, allow_empty=True)
    fk("organizations.csv", "parent_organization_id", org_ids, allow_empty=True)
    entity_ids = {"service": svc_ids, "organization": org_ids, "location": loc_ids}
    for r in tables.get("attributes.csv", []):
        if r["link_id"] not in entity_ids.get(r["link_entity"], set()):
            errors.append(
                f"attributes.csv {r['id']}: link {r['link_entity']}:{r['link_id']} does not resolve"
            )
    all_ids = svc_ids | org_ids | loc_ids
    for r in tables.get("metadata.csv", []):
        if r["resource_id"] not in all_ids:
            errors.append(f"metadata.csv {r['id']}: resource_id {r['resource_id']} does not resolve")

    # ------------------------------------------------------------------ profile conventions
    terms = {r["id"]: r for r in tables.get("taxonomy_terms.csv", [])}
    tax_name = {r["id"]: r["name"] for r in tables.get("taxonomies.csv", [])}
    by_link: dict[tuple[str, str], list[str]] = {}
    for r in tables.get("attributes.csv", []):
        if r["taxonomy_term_id"]:
            term = terms.get(r["taxonomy_term_id"])
            # a theme the service merely touches: a thema term with link_type thema-bijzaak (docs/hsds-profile.md)
            side = (
                r["link_type"] == "thema-bijzaak" and tax_name.get(term["taxonomy_id"]) == "thema"
                if term
                else False
            )
            if term and not side and tax_name.get(term["taxonomy_id"]) != r["link_type"]:
                errors.append(
                    f"attributes.csv {r['id']}: link_type {r['link_type']} but term of "
                    f"taxonomy {tax_name.get(term['taxonomy_id'])}"
                )
            if term and term["code"] != r["value"]:
                errors.append(f"attributes.csv {r['id']}: value {r['value']!r} != term code {term['code']!r}")
        link_type = "thema" if r["link_type"] == "thema-bijzaak" else r["link_type"]
        by_link.setdefault((r["link_id"], link_type), []).append(r["value"])

    niveau_of = {}
    for sid, s in services.items():
        niv = by_link.get((sid, "niveau"), [])
        tog = by_link.get((sid, "toegang"), [])
        if len(niv) != 1:
            errors.append(f"{sid}: needs exactly one niveau, has {niv}")
        if len(tog) != 1:
            errors.append(f"{sid}: needs exactly one toegang, has {tog}")
        if not by_link.get((sid, "doelgroep")):
            errors.append(f"{sid}: no doelgroep")
        niveau_of[sid] = niv[0] if niv else None
        if niveau_of[sid] == "crisis" and by_link.get((sid, "bereikbaarheid")) != ["24-7"]:
            errors.append(f"{sid}: crisis service without bereikbaarheid=24-7")
        for c in ("url", "email"):
            if s[c]:
                errors.append(f"{sid}: {c} must stay empty (no invented contact details)")
        if s["wait_time"] and not by_link.get((sid, "wachttijd-datum")):
            errors.append(f"{sid}: wait_time without wachttijd-datum attribute")
        if len(s["description"]) < 120:
            errors.append(f"{sid}: description too short for a directory entry")
        for c in ("minimum_age", "maximum_age"):
            if s[c] and not s[c].isdigit():
                errors.append(f"{sid}: {c} not an integer")
        if s["assured_date"]:
            try:
                date.fromisoformat(s["assured_date"])
            except ValueError:
                errors.append(f"{sid}: assured_date {s['assured_date']!r} not ISO")
    for o in tables.get("organizations.csv", []):
        for c in ("email", "website"):
            if o[c]:
                errors.append(f"{o['id']}: {c} must stay empty")
    for loc in tables.get("locations.csv", []):
        if by_link.get((loc["id"], "locatie")) not in (["benaderd"], ["vertrouwelijk"]):
            errors.append(f"{loc['id']}: missing locatie=benaderd/vertrouwelijk attribute")
        try:
            float(loc["latitude"]), float(loc["longitude"])
        except ValueError:
            errors.append(f"{loc['id']}: latitude/longitude not numeric")
    for a in tables.get("addresses.csv", []):
        if a["city"] not in KERNEN:
            errors.append(f"{a['id']}: city {a['city']!r} not a known kern")
        if a["address_1"] or a["postal_code"]:
            errors.append(f"{a['id']}: street/postcode must stay empty (city only)")
    # 24-7 only on crisis services (a non-crisis 24-7 would be fine in HSDS, but not intended here)
    no_theme = sorted(sid for sid in services if not by_link.get((sid, "thema")))

    # ------------------------------------------------------------------ questions
    qs = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))
    if not isinstance(qs, list):
        errors.append("questions.yaml must be a list")
        qs = []
    seen = set()
    age_limits = {
        sid: (
            int(s["minimum_age"]) if s["minimum_age"] else None,
            int(s["maximum_age"]) if s["maximum_age"] else None,
        )
        for sid, s in services.items()
    }
    for q in qs:
        qid = q.get("id", "?")
        keys = set(q)
        if not keys >= QUESTION_FIELDS or keys - QUESTION_FIELDS - OPTIONAL_FIELDS:
            errors.append(f"{qid}: fields {sorted(keys)}; required {sorted(QUESTION_FIELDS)}")
            continue
        if not re.fullmatch(r"q\d{3}", qid) or qid in seen:
            errors.append(f"{qid}: bad or duplicate id")
        seen.add(qid)
        if q["audience"] not in ("public", "professional"):
            errors.append(f"{qid}: audience {q['audience']!r}")
        if q["split"] != "dev":
            errors.append(
                f"{qid}: split {q['split']!r}; questions.yaml is the development set (kaart eval runs it as dev), "
                "held-out questions belong in hulpvragen.yaml"
            )
        for f in ("safety", "negated"):
            if not isinstance(q[f], bool):
                errors.append(f"{qid}: {f} must be true/false")
        rel = q["relevant"]
        if not rel or len(set(rel)) != len(rel):
            errors.append(f"{qid}: relevant empty or with duplicates")
        missing = [s for s in rel if s not in svc_ids]
        if missing:
            errors.append(f"{qid}: relevant ids not in services.csv: {missing}")
        if q["audience"] == "public" and set(rel) & PROFESSIONAL_ONLY:
            errors.append(f"{qid}: public question lists a professional-only service")
        if q["safety"] and not any(niveau_of.get(s) == "crisis" for s in rel):
            errors.append(f"{qid}: safety case without a crisis service in relevant")
        if q["negated"]:
            if q["safety"]:
                errors.append(f"{qid}: negated and safety both true")
            if not NEGATION_CUES.search(q["text"]):
                errors.append(f"{qid}: negated but no negation cue in text")
        if not q["safety"] and any(niveau_of.get(s) == "crisis" for s in rel):
            errors.append(f"{qid}: crisis service relevant but safety is false")
        lf = q.get("lighter_first")
        if lf is not None:
            if len(lf) != 2 or not set(lf) <= set(rel):
                errors.append(f"{qid}: lighter_first must be two ids that are both in relevant")
            else:
                a, b = (NIVEAU_LADDER.index(niveau_of[x]) for x in lf)
                if not a < b:
                    errors.append(
                        f"{qid}: lighter_first {lf} is not lighter -> heavier ({niveau_of[lf[0]]}, {niveau_of[lf[1]]})"
                    )
        if q["expect_place"] is not None:
            if q["expect_place"] not in KERNEN:
                errors.append(f"{qid}: expect_place {q['expect_place']!r} not a known kern")
            if q["expect_place"].lower() not in q["text"].lower():
                errors.append(f"{qid}: expect_place not named in the text")
        near = q["near"]
        if (
            near is not None
            and near not in KERNEN
            and not re.fullmatch(r"-?\d+(\.\d+)?,-?\d+(\.\d+)?", str(near))
        ):
            errors.append(f"{qid}: near {near!r} is neither a kern nor 'lat,lon'")
        ages = [int(a) for a in AGE_RE.findall(q["text"])]
        if ages:
            for s in rel:
                lo, hi = age_limits.get(s, (None, None))
                if (lo is not None or hi is not None) and not any(
                    (lo is None or a >= lo) and (hi is None or a <= hi) for a in ages
                ):
                    errors.append(f"{qid}: ages {ages} outside the age limits of {s} ({lo}-{hi})")

    # ------------------------------------------------------------------ report
    niv_counts = Counter(niveau_of.values())
    assured = [s["assured_date"] for s in services.values()]
    recent = sum(1 for d in assured if d and REFERENCE_DATE - date.fromisoformat(d) <= STALE_AFTER)
    stale = sum(1 for d in assured if d and REFERENCE_DATE - date.fromisoformat(d) > STALE_AFTER)
    kern_of_loc = {a["location_id"]: a["city"] for a in tables.get("addresses.csv", [])}
    svc_kernen = Counter(kern_of_loc[r["location_id"]] for r in tables.get("service_at_location.csv", []))
    used = Counter(s for q in qs for s in q.get("relevant", []))

    def dist(pred):
        return {"total": sum(1 for q in qs if pred(q))}

    report = {
        "tables": {k: len(v) for k, v in sorted(tables.items())},
        "organisations": len(org_ids),
        "services": len(svc_ids),
        "services_per_niveau": {n: niv_counts.get(n, 0) for n in NIVEAU_LADDER},
        "services_without_thema": no_theme,
        "assured_date": {"recent_<=6mo": recent, "stale_>6mo": stale, "empty": assured.count("")},
        "service_locations_per_kern": dict(sorted(svc_kernen.items())),
        "services_never_relevant": sorted(svc_ids - set(used)),
        "questions": dist(lambda q: True),
        "audience_public": dist(lambda q: q.get("audience") == "public"),
        "audience_professional": dist(lambda q: q.get("audience") == "professional"),
        "safety": dist(lambda q: q.get("safety")),
        "negated": dist(lambda q: q.get("negated")),
        "lighter_first": dist(lambda q: "lighter_first" in q),
        "expect_place": dist(lambda q: q.get("expect_place")),
        "near_override": dist(lambda q: q.get("near")),
        "with_no_thema_service_relevant": dist(lambda q: set(q.get("relevant", [])) & set(no_theme)),
    }

    # ------------------------------------------------------------------ set-level bars from the brief
    n = len(qs)
    if n < 80:
        errors.append(f"only {n} questions (need >= 80)")
    if report["safety"]["total"] < 12:
        errors.append("fewer than 12 safety cases")
    if report["negated"]["total"] < 8:
        errors.append("fewer than 8 negated cases")
    if report["lighter_first"]["total"] < 10:
        errors.append("fewer than 10 lighter_first cases")
    if not 45 <= len(svc_ids) <= 65:
        errors.append(f"{len(svc_ids)} services (want about 45-60)")
    if not 6 <= len(no_theme) <= 10:
        errors.append(f"{len(no_theme)} services without thema (want about 8)")
    for n_ in NIVEAU_LADDER:
        if not niv_counts.get(n_):
            errors.append(f"no service with niveau {n_}")
    return errors, report


def main() -> int:
    errors, report = validate()
    print(json.dumps(report, indent=2, ensure_ascii=False))
    if errors:
        print(f"\n{len(errors)} error(s):", file=sys.stderr)
        for e in errors:
            print("  -", e, file=sys.stderr)
        return 1
    print("\nOK: dataset and questions are consistent.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
