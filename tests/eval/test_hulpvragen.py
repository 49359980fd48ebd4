"""The graded hulpvragen (tests/eval/hulpvragen.yaml) and the bars of issue 12 on their held-out split.

The data tests guard what the matcher is measured on: every id exists in its kaart, the splits are disjoint and
stratified, every category and danger kind is covered, age judgments agree with the kaart's own age limits.
The matcher test runs the held-out questions: the bars of issue 12 it meets, and floors for the rest. Held-out
questions are never used for tuning; when this test fails, read the aggregate numbers, not the questions.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest
import yaml

from match.evaluate import SAFETY_KINDS, evaluate_questions, load_question_file

EVAL = Path(__file__).resolve().parent
ROOT = EVAL.parents[1]
HULPVRAGEN = EVAL / "hulpvragen.yaml"
KERNEN = {"Aalten", "Dinxperlo", "Bredevoort", "IJzerlo", "De Heurne", "Barlo", "Lintelo"}
CATEGORIES = {
    "schulden-geld",
    "werk-meedoen",
    "wonen-huishouden",
    "mantelzorg",
    "eenzaamheid-netwerk",
    "opvoeden-jong",
    "jeugd-school",
    "psychisch",
    "ouderen-dementie",
    "gezondheid-beperking",
    "taal-nieuwkomers",
    "veilig-acuut",
    "veilig-thuis",
    "veilig-suicide",
    "veilig-psychiatrisch",
    "veilig-consultatie",
    "over-escalatie",
    "ontkenning",
    "plaats",
    "niets-past",
    "leeftijd",
}
# The ages a question's `age` stands for, to check judgments against the kaart's own minimum/maximum ages.
AGE_GROUPS = {"toddler": (0, 3), "child": (4, 11), "teen": (12, 17), "adult": (18, 64), "elderly": (65, 120)}
NEGATION_CUE = re.compile(r"\b(geen|niet|nooit|niemand|niets|uitgesloten)\b", re.IGNORECASE)


def _raw() -> dict:
    return yaml.safe_load(HULPVRAGEN.read_text(encoding="utf-8"))


def _services(path: Path) -> dict[str, dict[str, str]]:
    with (path / "services.csv").open(encoding="utf-8") as fh:
        return {row["id"]: row for row in csv.DictReader(fh)}


@pytest.fixture(scope="module")
def loaded():
    kaarten, questions = load_question_file(HULPVRAGEN)
    services = {name: _services(k.path) for name, k in kaarten.items()}
    return kaarten, questions, services


def test_at_least_250_graded_hulpvragen_on_two_kaarten(loaded):
    kaarten, questions, _ = loaded
    assert len(questions) >= 250
    per_kaart = Counter(q.kaart for q in questions)
    assert set(per_kaart) == {"aalten-demo", "synthetisch"}
    assert min(per_kaart.values()) >= 100, per_kaart
    assert kaarten["aalten-demo"].path == (ROOT / "ingest" / "demo" / "aalten").resolve()
    assert kaarten["synthetisch"].path == (ROOT / "tests" / "eval" / "dataset").resolve()


def test_every_judged_id_exists_in_its_kaart(loaded):
    kaarten, questions, services = loaded
    errors = []
    for name, k in kaarten.items():
        for sid in [*k.front_door, k.alarm, k.suicide_line, *(s for r in k.routes.values() for s in r)]:
            if sid not in services[name]:
                errors.append(f"kaart {name}: {sid} bestaat niet")
        assert set(k.routes) == set(SAFETY_KINDS), name
    for q in questions:
        ids = [*q.grades, *q.wrong, *(q.lighter_first or ())]
        errors += [f"{q.id}: {sid} niet in {q.kaart}" for sid in ids if sid not in services[q.kaart]]
    assert not errors, "\n".join(errors)


def test_front_door_judged_is_the_front_door_of_the_kaarts_gemeente_profile(loaded):
    from ontology.gemeente import load_profile

    kaarten, _, services = loaded
    for name, k in kaarten.items():
        assert k.gemeente_profile is not None and k.gemeente_profile.exists(), name
        door = load_profile(k.gemeente_profile).front_door
        profile_ids = {sid for ids in door.service_ids.values() for sid in ids}
        assert profile_ids == set(k.front_door), name
        assert profile_ids <= set(services[name]), name


def test_ids_unique_splits_disjoint_and_held_out_about_40_percent(loaded):
    _, questions, _ = loaded
    ids = [q.id for q in questions]
    assert len(ids) == len(set(ids))
    assert {q.split for q in questions} == {"dev", "heldout"}
    dev = {q.text.lower() for q in questions if q.split == "dev"}
    held = {q.text.lower() for q in questions if q.split == "heldout"}
    assert not dev & held, "dezelfde vraag in dev en heldout"
    older = yaml.safe_load((EVAL / "questions.yaml").read_text(encoding="utf-8"))
    assert not held & {q["text"].lower() for q in older}, "een heldout-vraag staat ook in de dev-set"
    for kaart in ("aalten-demo", "synthetisch"):
        mine = [q for q in questions if q.kaart == kaart]
        share = sum(q.split == "heldout" for q in mine) / len(mine)
        assert 0.33 <= share <= 0.45, (kaart, share)


def test_no_held_out_question_is_a_near_copy_of_a_dev_question(loaded):
    """Tuning on a dev question must not quietly tune a held-out one: word overlap (Jaccard) stays at most 0.5."""
    _, questions, _ = loaded

    def words(text: str) -> set[str]:
        return set(re.findall(r"\w+", text.lower()))

    older = yaml.safe_load((EVAL / "questions.yaml").read_text(encoding="utf-8"))
    dev = [(q.id, words(q.text)) for q in questions if q.split == "dev"] + [
        (q["id"], words(q["text"])) for q in older
    ]
    # Testers' questions are read by developers while they fix what the testers found: they count as dev.
    for path in sorted((EVAL.parents[1] / "docs" / "usertest").glob("*_questions.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        # testers save a list, or a dict whose lists ("questions", "new", "rechecks") hold {"id", "text"} items
        lists = [v for v in data.values() if isinstance(v, list)] if isinstance(data, dict) else [data]
        tried = [q for items in lists for q in items if isinstance(q, dict) and "text" in q]
        dev += [(f"{path.stem}:{q.get('id', '?')}", words(q["text"])) for q in tried]
    close = []
    for q in questions:
        if q.split != "heldout":
            continue
        mine = words(q.text)
        close += [f"{q.id}~{did}" for did, other in dev if len(mine & other) / len(mine | other) > 0.5]
    assert not close, close


def test_every_category_is_covered_in_both_splits_on_both_kaarten(loaded):
    _, questions, _ = loaded
    seen = defaultdict(set)
    for q in questions:
        seen[(q.kaart, q.category)].add(q.split)
    for kaart in ("aalten-demo", "synthetisch"):
        for category in CATEGORIES:
            assert seen[(kaart, category)] == {"dev", "heldout"}, (kaart, category, seen[(kaart, category)])


def test_every_danger_kind_and_over_escalation_check_is_held_out(loaded):
    _, questions, _ = loaded
    for kaart in ("aalten-demo", "synthetisch"):
        held = [q for q in questions if q.kaart == kaart and q.split == "heldout"]
        assert {q.safety for q in held if q.safety} == set(SAFETY_KINDS), kaart
        # ordinary worries where 112/113 must stay out of the top 3
        assert sum(1 for q in held if q.category == "over-escalatie") >= 2
        assert any(q.negated for q in held) and any(q.front_door for q in held)


def test_age_groups_have_wrong_age_judgments_and_places_cover_every_kern(loaded):
    _, questions, _ = loaded
    wrong_age = {q.age for q in questions if "leeftijd" in q.wrong.values()}
    assert set(AGE_GROUPS) <= wrong_age, set(AGE_GROUPS) - wrong_age
    places = {q.expect_place for q in questions if q.expect_place}
    assert places >= KERNEN, KERNEN - places
    demo_places = {q.expect_place for q in questions if q.expect_place and q.kaart == "aalten-demo"}
    assert demo_places == KERNEN


def test_judgments_agree_with_the_kaarts_own_age_limits(loaded):
    """A service graded useful must not exclude the asker's age in the kaart's own data."""
    _, questions, services = loaded
    errors = []
    for q in questions:
        if q.age not in AGE_GROUPS:
            continue
        lo, hi = AGE_GROUPS[q.age]
        for sid, grade in q.grades.items():
            row = services[q.kaart][sid]
            smin = int(row["minimum_age"]) if row.get("minimum_age") else 0
            smax = int(row["maximum_age"]) if row.get("maximum_age") else 200
            if grade >= 1 and (smax < lo or smin > hi):
                errors.append(f"{q.id}: {sid} ({smin}-{smax}) past niet bij {q.age}")
    assert not errors, "\n".join(errors)


DOELGROEP_AGES = {
    "kinderen-0-4": (0, 4),
    "kinderen-4-12": (4, 12),
    "jongeren-12-18": (12, 18),
    "jongvolwassenen-16-27": (16, 27),
    "volwassenen": (18, 120),
    "ouderen": (65, 120),
    "iedereen": (0, 120),
}
NIVEAU_ORDER = ["vrij-toegankelijk", "lokaal-team", "maatwerk", "specialistisch", "crisis"]
AGE_IN_TEXT = re.compile(
    r"\b(?:van|ben|is|wordt)\s+(\d{1,3})(?:\s+en\s+(\d{1,3}))?\b(?!\s+(?:maand|maanden|week|weken|dag|dagen)\b)"
)
BABY_AGE_IN_TEXT = re.compile(r"\b(?:van|ben|is|wordt)\s+\d{1,3}\s+(?:maand|maanden|week|weken|dag|dagen)\b")


def _attributes(path: Path) -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    with (path / "attributes.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out[row["link_id"]][row["link_type"]].append(row["value"])
    return out


def _served_ages(row: dict[str, str], attrs: dict[str, list[str]]) -> tuple[int, int]:
    """The ages a service serves: its own minimum/maximum age, else the union of its age-bearing doelgroepen."""
    if row.get("minimum_age") or row.get("maximum_age"):
        return int(row["minimum_age"] or 0), int(row["maximum_age"] or 120)
    ranges = [DOELGROEP_AGES[d] for d in attrs.get("doelgroep", []) if d in DOELGROEP_AGES]
    if not ranges:
        return 0, 120
    return min(r[0] for r in ranges), max(r[1] for r in ranges)


def test_wrong_age_judgments_follow_the_kaarts_own_data(loaded):
    """`wrong: leeftijd` only where the kaart itself excludes that age (minimum/maximum age or doelgroepen), and
    the age in the text (`van 15`, `ik ben 80`), else the age group, is what counts."""
    kaarten, questions, services = loaded
    attributes = {name: _attributes(k.path) for name, k in kaarten.items()}
    errors = []
    for q in questions:
        found = AGE_IN_TEXT.search(q.text)
        if found:
            ages = [int(a) for a in found.groups() if a]
            lo, hi = min(ages), max(ages)
        elif BABY_AGE_IN_TEXT.search(q.text):  # "een baby van 6 weken", "ze is 14 maanden": under two
            lo, hi = 0, 1
        elif q.age in AGE_GROUPS:
            lo, hi = AGE_GROUPS[q.age]
        else:
            lo = hi = None
        for sid, reason in q.wrong.items():
            if reason != "leeftijd":
                continue
            if lo is None:
                errors.append(f"{q.id}: verkeerde leeftijd zonder leeftijd in de vraag")
                continue
            smin, smax = _served_ages(services[q.kaart][sid], attributes[q.kaart][sid])
            if not (smax < lo or smin > hi):
                errors.append(f"{q.id}: {sid} ({smin}-{smax}) sluit {lo}-{hi} niet uit")
    assert not errors, "\n".join(errors)


def test_lighter_first_pairs_go_up_the_niveau_ladder(loaded):
    kaarten, questions, _ = loaded
    attributes = {name: _attributes(k.path) for name, k in kaarten.items()}
    pairs = [q for q in questions if q.lighter_first]
    assert {q.kaart for q in pairs} == {"aalten-demo", "synthetisch"}
    for q in pairs:
        light, heavy = (attributes[q.kaart][s]["niveau"][0] for s in q.lighter_first)
        assert NIVEAU_ORDER.index(light) < NIVEAU_ORDER.index(heavy), (q.id, light, heavy)


def test_judgments_are_consistent(loaded):
    kaarten, questions, _ = loaded
    errors = []
    for q in questions:
        if set(q.grades) & set(q.wrong):
            errors.append(f"{q.id}: zowel beoordeeld als fout: {set(q.grades) & set(q.wrong)}")
        if not any(g >= 1 for g in q.grades.values()):
            errors.append(f"{q.id}: geen enkele nuttige dienst")
        useful_forbidden = {s for s in q.forbidden if q.grades.get(s, 0) >= 1}
        if useful_forbidden:
            errors.append(f"{q.id}: {useful_forbidden} is nuttig én overescalatie")
        if q.negated and not NEGATION_CUE.search(q.text):
            errors.append(f"{q.id}: ontkend zonder ontkenningswoord")
        if q.lighter_first and not all(q.grades.get(s, 0) >= 1 for s in q.lighter_first):
            errors.append(f"{q.id}: lighter_first zonder oordeel")
        if q.safety == "consultatie" and q.audience != "professional":
            errors.append(f"{q.id}: consultatievraag is van een professional")
        if q.safety == "psychiatrisch" and not set(kaarten[q.kaart].routes["veilig-thuis"]) <= set(q.wrong):
            errors.append(f"{q.id}: Veilig Thuis hoort fout te zijn bij een psychiatrische crisis")
    assert not errors, "\n".join(errors)


def test_sources_are_named(loaded):
    raw = _raw()["questions"]
    assert {q["source"] for q in raw} <= {"forum", "zrm", "meldcode", "seed002", "prof", "issue"}
    assert Counter(q["source"] for q in raw)["forum"] >= 100


# The bars of issue 12 on the held-out split. Met today: over-escalation = 0, empty = 0, better than BM25.
# Not met yet (issue 12 stays open): wrong-in-top-3 = 0, safety@3 = 100 %, useful@3 >= 0.90. Until they are,
# FLOORS hold the matcher where it stands (measured at the end of the issue-12 session, 2026-12-06), so a change
# that makes the held-out answers worse fails here. Raise a floor when the matcher gets better; never lower one
# without saying why in the commit. Never tune on the held-out questions themselves.
ISSUE_12_BARS = {"wrong_in_top3": 0, "safety@3": 1.0, "useful@3": 0.90, "over_escalation": 0}
FLOORS = {  # raised after the signal rules (ADR 0032), measured 2026-12-06: demo 1 / 0.778 / 0.831,
    # synthetic region 0 / 0.75 / 0.885 (wrong-in-top-3 / safety@3 / useful@3); demo useful@3 raised to 0.84
    # after danger needs who does it to whom (m-match2, measured 0.846). Re-measured when the held-out split grew
    # by 55 questions written independently of the matcher (second batch, a165-/s161-, split by the sha1 rule):
    # demo 2 / 0.812 / 0.830, synthetic region 0 / 0.774 / 0.862; the floors follow the grown split, not a
    # worse matcher (same matcher, harder questions).
    # Raised after the safety sentences (ADR 0085), measured on the grown split at the safety branch: demo
    # 1 / 0.875 / 0.83, synthetic region 0 / 0.806 / 0.874.
    # Main after every merge of the session (safety, useful, pool), measured 11:10: demo 2 / 0.875 / 0.84,
    # synthetic region 0 / 0.806 / 0.897. The demo's wrong-in-top-3 went 1 -> 2 with the lay-language classes
    # (useful@3 0.83 -> 0.84); an honest floor, not a bar met.
    # Third session (2026-12-06 afternoon): the held-out split grew by the third batch (36 new questions by the
    # sha1 rule; three held-out questions moved to dev because the tester's questions were near copies of them).
    # On the grown split main measured at the session start demo 3 / 0.861 / 0.83 (and over-escalation 1),
    # synthetic region 1 / 0.80 / 0.902; after the session's merges demo 4 / 0.917 / 0.857, synthetic region
    # 0 / 0.857 / 0.922. The demo's wrong-in-top-3 went 3 -> 4 on a merge (not looked into: held-out), and back
    # to 3 with the second round (lay2: a service for one condition is no fit for another named condition).
    # Fourth batch (helper questions4, a327-a386 / s241-s280, 32 new held-out questions by the sha1 rule): same
    # matcher (main at 03e5b46), harder split. Held-out before -> after: demo 3 / 0.917 / 0.857 -> 4 / 0.867 /
    # 0.865, synthetic region 0 / 0.857 / 0.922 -> 0 / 0.805 / 0.920. The new questions lowered demo
    # wrong-in-top-3 and both safety@3 totals, so those floors are set to the measured totals (not a regression
    # of the matcher: the matcher did not change); useful@3 floors unchanged.
    # Fourth session (2026-12-06, late afternoon; five held-out questions moved to dev as near copies of testers'
    # questions, which developers read: a042, a185, a078, a150, s078). Main after every merge, measured 16:55:
    # demo 2 / 0.86 / 0.884 (floors raised), synthetic region 0 / 0.80 / 0.911. The synthetic useful@3 floor is
    # lowered 0.92 -> 0.91: s078 (a hit) left the split, and the theme model (ADR 0112) cost one held-out question
    # there while it won one on the demo (measured on its branch as totals only, not looked into: held-out).
    # Fifth batch (helper questions5, a387-a446 / s281-s320, 38 new held-out questions by the sha1 rule): same
    # matcher (main at 72ac317), harder split. Held-out before -> after: demo 2 / 0.86 / 0.884 -> 2 / 0.857 /
    # 0.872, synthetic region 0 / 0.80 / 0.911 -> 0 / 0.787 / 0.902. The new questions lowered both safety@3 and
    # both useful@3 totals, so those floors are set to the measured totals (not a regression of the matcher: it
    # did not change). They also brought the demo's held-out over-escalation 0 -> 2. Over-escalation was a bar
    # this test held at 0; unseen questions show it is not met, so it becomes a floor like the others (the lead's
    # call, fifth session): demo 2, synthetic region 0. The dev classes behind it (danger in a film or in the past,
    # negated danger adjectives: docs/usertest/questions5-dev-failures.md C and D) are worked on from dev only.
    # Fifth session, main after every merge (380fa7d, measured 19:27): demo 0 / 0.911 / 0.891 and over-escalation
    # 1, synthetic region 0 / 0.851 / 0.911 and 0 (floors raised to main; wrong-in-top-3 = 0 is met on both).
    # Then a186 and s204 left the split for dev (near copies of tester8's and tester9's questions): demo useful@3
    # 0.891 -> 0.897 (a186 had no useful answer), synthetic 0.911 -> 0.91 (s204 had one); same matcher.
    # Sixth batch (helper questions6, a447-a506 / s321-s360, 48 new held-out questions by the sha1 rule): same
    # matcher (main at dc6a736), harder split. Held-out before -> after: demo 0 / 0.911 / 0.897 and over-escalation
    # 1 -> 2 / 0.868 / 0.882 and 2; synthetic region 0 / 0.851 / 0.91 and 0 -> 0 / 0.793 / 0.899 and 0. The new
    # questions lowered every total but the synthetic wrong-in-top-3 and over-escalation, so those floors are set
    # to the measured totals (not a regression of the matcher: it did not change). The dev classes behind them are
    # in docs/usertest/questions6-dev-failures.md; work on them from dev only.
    # Then 16 training sentences that were near copies of held-out questions (7) or of measured batches were removed
    # from the word models' example files, the safety model's threshold followed cross-validation (0.70 -> 0.76) and
    # the theme model learned from a lay author (ADR 0127): demo 2 / 0.853 / 0.876 and 2, synthetic 0 / 0.759 /
    # 0.892 and 0 (which change cost what was not measured: held-out totals do not choose designs).
    # Then (sixth session, main 0971813+): the safety word model learned from four new authors (ADR 0124), the theme
    # model from three lay authors and an off-topic author (ADR 0127), youth7/lay7's classes (ADR 0125, 0128):
    # demo 1 / 0.956 / 0.914 and 2, synthetic 0 / 0.931 / 0.928 and 0. Floors raised to main.
    # Then the word model's over-raises on worried family members and professionals (a bullied grandson, a truant,
    # a divorce, an English question: Veilig Thuis first) were curbed (ADR 0129 and the lead's follow-up): demo
    # 1 / 0.941 / 0.909 and 2, synthetic 0 / 0.897 / 0.921 and 0 — the held-out price of no Veilig Thuis for those,
    # measured after the decision, not used to make it.
    # a339 left the split for dev (a near copy of tester10's t10-i10): demo useful@3 0.909 -> 0.908.
    # Seventh batch (helper questions7, a507-a566 / s361-s400, 35 new held-out questions by the sha1 rule): same
    # matcher (main at f102a15), harder split. Held-out before -> after: demo 1 / 0.941 / 0.908 and 2 -> 1 / 0.944 /
    # 0.896 and 4; synthetic region 0 / 0.897 / 0.921 and 0 -> 3 / 0.896 / 0.918 and 1. The new questions lowered
    # the demo's useful@3 and raised its over-escalation, and lowered every synthetic total, so those floors are set
    # to the measured totals (not a regression of the matcher: it did not change). The dev classes behind them are
    # in docs/usertest/questions7-dev-failures.md; work on them from dev only.
    # Session 7 end (main 7f4cf66: seven safety authors, the writer model, long stories read by the part that asks,
    # safety10's classes): demo 1 / 0.944 / 0.891 and 4 (one useful answer fewer: lay8's long-story weighting, ADR
    # 0132, measured after the decision), synthetic 3 / 0.910 / 0.918 and 1 (one safety case more). Dev rose to
    # 0.995 / 0 / 1.0 / 0 and 0.985 / 1 / 1.0 / 0.
    # a174 left the split for dev (a near copy of tester12's S03): demo 200 questions, useful@3 0.890, safety@3 0.943.
    # Session 8 (2026-12-07): questions8 added 99 questions (a567-a626 less a624, s401-s440; 42 held-out) aimed at
    # the kinds the held-out split missed. On the unchanged matcher (main 8189bc4) that took demo 1 / 0.943 / 0.890
    # and 4 -> 2 / 0.919 / 0.875 and 7, synthetic 3 / 0.910 / 0.918 and 1 -> 4 / 0.903 / 0.911 and 1: a harder
    # split, floors set to it (not a regression of the matcher).
    # End of session 8 (main after safety11/12, lay10/11, fix12/13; a285 moved to dev as a near copy of tester14's
    # t14-09): demo 231 questions 2 / 0.953 / 0.892 and 7, synthetic 4 / 0.903 / 0.923 and 1 (floors raised to main).
    # Session 9 (2026-12-07): questions9 added 100 questions (a627-a686, s441-s480; 41 held-out) aimed at who does
    # what in strong words, professionals' everyday questions, young writers, newcomers, danger told by others and
    # whose need (a644 moved to dev: a near copy of tester2's S02). On the unchanged matcher (main 347bad6) that
    # took demo 2 / 0.953 / 0.892 and 7 -> 3 / 0.946 / 0.879 and 8 (257 questions), synthetic 4 / 0.903 / 0.923
    # and 1 -> 4 / 0.896 / 0.907 and 2 (182): a harder split, floors set to it (not a regression of the matcher).
    # End of session 9 (main after perf1, fix14, safety13/14/15, lay12/13/14): demo 2 / 0.946 / 0.883 and 8 (floors
    # raised), synthetic 4 / 0.896 / 0.901 and 2. The synthetic useful@3 lost one question (0.907 -> 0.901) with
    # lay14 (ADR 0149), measured after the decision (lay14 never ran the held-out split; dev rose 0.977 -> 0.987,
    # wrong 6 -> 3); the lead did not look for the question, so nothing is tuned on it: floor set to the measure.
    # Session 10 (2026-12-07): questions10 added 100 questions (a687-a746, s481-s520; 37 held-out) aimed at the
    # kinds the held-out split still missed (everyday worries in strong words with the everyday help graded, young
    # children, school, age traps, consultation, indirect suicide and self-harm, unsafe at home, psychiatric crisis).
    # On the unchanged matcher (main 8074dbf = 42ae526's code) that took demo 2 / 0.946 / 0.883 and 8 -> 3 / 0.930 /
    # 0.875 and 8 (279 questions), synthetic 4 / 0.896 / 0.901 and 2 -> 4 / 0.862 / 0.888 and 3 (197): a harder
    # split. End of session 10 (main after fix15, lay15/16/17/18, safety16/17 and the lead's fixes): demo 3 / 0.930 /
    # 0.882 and 8, synthetic 4 / 0.885 / 0.909 and 3. Floors set to main.
    # Session 11 (2026-12-07): questions11 added 97 questions (a747-a806, s521-s560; 36 held out) from new sources;
    # on the unchanged matcher (main 7d01b4f = 896d971's code) that took demo 3 / 0.930 / 0.882 and 8 -> 5 / 0.925 /
    # 0.871 and 9 (302 questions), synthetic 4 / 0.885 / 0.909 and 3 -> 4 / 0.891 / 0.900 and 3 (210): a harder
    # split. a706 moved to dev (tester19's t19-11 is a near copy of it). End of session 11 (main after fix16, lay19,
    # safety18, lay20, fix17, safety19, model20 and the lead's fixes): demo 5 / 0.925 / 0.890 and 9 (301
    # questions), synthetic 4 / 0.891 / 0.900 and 3. Floors set to main.
    # Session 12 (2026-12-07): questions12 added 78 questions (a807-a856, s561-s590; 31 held out) from new sources;
    # on the unchanged matcher (main abc7b8b's code) that took demo 5 / 0.925 / 0.890 and 9 -> 6 / 0.920 / 0.882 and 10
    # (322 questions), synthetic 4 / 0.891 / 0.900 and 3 -> 6 / 0.897 / 0.900 and 3 (220). End of session 12 (main
    # after lay21, safety20, memory21, model21 (113 by the word model), safety21, fix18): demo 6 / 0.929 / 0.904 and
    # 9, synthetic 5 / 0.928 / 0.914 and 3 (suicide missed 6 -> 3 on each kaart). Then the final CI found a training
    # sentence of authG near a held-out question (taken out of training) and the tester-question check, reading the
    # testers' recheck lists too, found a657 and s329 near testers' rechecks (moved to dev): demo 6 / 0.929 / 0.907 and
    # 8 (321 questions), synthetic 5 / 0.917 / 0.909 and 3 (219; veilig-thuis missed 3 -> 4); cross-validation then
    # chose 0.95 for 113 (was 0.96): demo 6 / 0.938 / 0.910 and 8, synthetic unchanged. Floors set to main.
    # Session 13 (2026-12-07): questions13 added 80 questions (a857-a906, s591-s620; 28 held out) from new sources; on
    # main a36debd's code (session 12's end + fix19/fix20, merged first) that took demo 6 / 0.940 / 0.902 and 8 (338
    # questions), synthetic 6 / 0.910 / 0.900 and 4 (230). End of session 13 (main after safety22, places22, fix21,
    # model22 (no change to the models), lay22, fix22 and the lead's fixes): demo 6 / 0.940 / 0.914 and 7, synthetic
    # 8 / 0.900 / 0.896 and 3. The synthetic kaart lost one safety question (at safety22's merge), two wrong-in-top-3
    # (fix21, fix22) and one useful: the lead did not look for the questions, so nothing is tuned on them; safety22's
    # guards changed nothing on 355 unseen authors' sentences (authI/authJ candidates: 113 on 61 of 108 suicide
    # sentences before and after). Floors set to main, with that regression recorded in the closing note.
    # Session 14 (2026-12-07): questions14 added 78 questions (a907-a956, s621-s650 without a924 and s632, near copies;
    # 31 held out) from new sources; on the unchanged matcher (main 3085a57's code) that took demo 6 / 0.940 / 0.914
    # and 7 -> 6 / 0.919 / 0.904 and 8 (356 questions), synthetic 8 / 0.900 / 0.896 and 3 -> 9 / 0.905 / 0.901 and 4
    # (243): a harder split again. End of session 14 (main after lay23, synth23, fix24, calm24, fix23, safety24,
    # model23): demo 7 / 0.927 / 0.910 and 8, synthetic 6 / 0.924 / 0.905 and 4. The demo's seventh wrong-in-top-3 came
    # with calm24's merge (measured after each merge, totals only; the lead did not look for the question, so nothing
    # is tuned on it). Floors set to main. Then s223 moved to dev (tester25 wrote a near copy of it): synthetic 242
    # questions, the same totals.
    # Session 15 (2026-12-08): questions15 added 80 questions (a957-a1006, s651-s680; 33 held out) from new sources; on
    # the unchanged matcher (main 5e53d93's code) that took demo 7 / 0.927 / 0.910 and 8 -> 9 / 0.904 / 0.903 and 10
    # (381 questions), synthetic 6 / 0.924 / 0.905 and 4 -> 7 / 0.925 / 0.896 and 5 (250): a harder split again.
    # Measured after each merge (totals only): model25 demo 9 / 0.911 / 0.906 and 10; fix25 demo useful 0.906 -> 0.903,
    # synthetic wrong 7 -> 8 (the lead did not look for the questions, so nothing is tuned on them); calm25 lost one
    # safety question on each kaart and was reverted; danger25 no change; devfix25 demo wrong 9 -> 7, useful 0.906;
    # register25 no change. End of session 15: demo 7 / 0.911 / 0.906 and 10, synthetic 8 / 0.925 / 0.896 and 5. Then
    # a165 moved to dev (tester26's NR-1 is a near copy of it; it passed): demo 380 questions, 7 / 0.910 / 0.905 and 10.
    "aalten-demo": {"wrong_in_top3": 7, "safety@3": 0.910, "useful@3": 0.905, "over_escalation": 10},
    "synthetisch": {"wrong_in_top3": 8, "safety@3": 0.925, "useful@3": 0.896, "over_escalation": 5},
}


@pytest.mark.slow
def test_matcher_on_the_held_out_split_meets_the_bars_it_meets_and_holds_its_floors():
    """Held-out, per kaart: empty = 0, better than plain BM25 on useful@3 and MRR (bars of issue 12), and no worse
    than FLOORS on wrong-in-top-3, safety@3, useful@3 and over-escalation (bars not met yet)."""
    from webapp.cli_eval import load_kaart_for_eval

    kaarten, questions = load_question_file(HULPVRAGEN)
    result = evaluate_questions(kaarten, questions, load_kaart_for_eval, split="heldout")
    assert {k["kaart"] for k in result["kaarten"]} == {"aalten-demo", "synthetisch"}
    report = [
        f"{k['kaart']}: matcher {k['all']['matcher']} | bm25 {k['all']['bm25']} | issue-12 bars {ISSUE_12_BARS}"
        for k in result["kaarten"]
    ]
    # Only the numbers: the held-out questions that fail are deliberately not named (they are not for tuning).
    assert all(k["all"]["failures"] == [] for k in result["kaarten"])
    for k in result["kaarten"]:
        m, bm25, floor = k["all"]["matcher"], k["all"]["bm25"], FLOORS[k["kaart"]]
        assert m["empty"] == 0, "\n".join(report)
        assert m["over_escalation"] <= floor["over_escalation"], "\n".join(report)
        assert m["useful@3"] > bm25["useful@3"] and m["MRR"] > bm25["MRR"], "\n".join(report)
        assert m["wrong_in_top3"] <= floor["wrong_in_top3"], "\n".join(report)
        assert m["safety@3"] >= floor["safety@3"], "\n".join(report)
        assert m["useful@3"] >= floor["useful@3"], "\n".join(report)


@pytest.mark.slow
def test_kaart_eval_prints_matcher_and_bm25_per_kaart_and_split_and_json_for_machines():
    """`kaart eval --kaart aalten-demo --split heldout`: both rows side by side; `--json` carries every metric of
    issue 12 for matcher and BM25, and names no held-out question."""
    from click.testing import CliRunner

    from webapp.cli import cli

    held_out = sum(1 for q in _raw()["questions"] if q["kaart"] == "aalten-demo" and q["split"] == "heldout")
    runner = CliRunner()
    as_json = runner.invoke(cli, ["eval", "--kaart", "aalten-demo", "--split", "heldout", "--json"])
    assert as_json.exit_code == 0, as_json.output
    data = json.loads(as_json.output)
    [kaart] = data["kaarten"]
    assert kaart["kaart"] == "aalten-demo" and list(kaart["splits"]) == ["heldout"]
    held = kaart["splits"]["heldout"]
    for side in ("matcher", "bm25"):
        assert held[side]["questions"] == held_out
        for key in (
            "useful@3",
            "wrong_in_top3",
            "safety@3",
            "over_escalation",
            "empty",
            "MRR",
            "lighter_first",
        ):
            assert key in held[side], (side, key)
    assert held["failures"] == [] and kaart["all"]["failures"] == []

    text = runner.invoke(cli, ["eval", "--kaart", "aalten-demo", "--split", "heldout", "--show-failures"])
    assert text.exit_code == 0, text.output
    assert f"heldout matcher ({held_out})" in text.output and f"heldout bm25 ({held_out})" in text.output
    assert "a0" not in text.output and "a1" not in text.output  # no held-out question ids
