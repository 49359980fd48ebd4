"""`kaart eval` scoring catches each failure class of issue 12 (no matcher needed: rankings are given).

Each test hands `score` the ranking a bad matcher would give and checks that the metric the issue's bar reads
moves: a wrong-age service in the top 3, 112 for a worried professional, 113 for a confused neighbour, an empty
answer, a safety flag on denied danger, heavier help above lighter, and the front door when nothing fits.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from match.evaluate import BM25Baseline, Kaart, Metrics, Question, forbidden_lines, score

KAART = Kaart(
    name="test",
    path=Path("."),
    front_door=("svc-voordeur",),
    alarm="svc-112",
    suicide_line="svc-113",
    routes={
        "acuut": ("svc-112",),
        "veilig-thuis": ("svc-veilig-thuis",),
        "suicide": ("svc-113",),
        "psychiatrisch": ("svc-huisarts",),
        "consultatie": ("svc-veilig-thuis",),
    },
)


def question(safety: str | None = None, **kw) -> Question:
    grades = dict(kw.pop("grades", {"svc-goed": 2, "svc-ook": 1}))
    route = frozenset(KAART.routes.get(safety, ())) if safety else frozenset()
    for sid in route:
        grades.setdefault(sid, 2)
    return Question(
        id="t1",
        kaart="test",
        text="…",
        split="dev",
        grades=grades,
        safety=safety,
        safety_route=route,
        forbidden=forbidden_lines(KAART, safety, ()),
        **kw,
    )


def scored(q: Question, ranked: list[str], **kw) -> dict:
    m = Metrics()
    score(m, q, ranked, **kw)
    return m.as_dict()


def test_a_wrong_age_service_in_the_top_3_counts_even_next_to_a_right_one():
    q = question(wrong={"svc-basisschool": "leeftijd"})
    result = scored(q, ["svc-goed", "svc-basisschool", "svc-x"])
    assert result["useful@3"] == 1.0
    assert result["wrong_in_top3"] == 1 and result["wrong_age_in_top3"] == 1
    assert scored(q, ["svc-goed", "svc-x", "svc-y", "svc-basisschool"])["wrong_in_top3"] == 0


@pytest.mark.parametrize(
    "safety, line",
    [
        (None, "svc-113"),  # a confused neighbour: no suicide line
        (None, "svc-112"),  # an ordinary worry: no alarm number
        ("consultatie", "svc-112"),  # a professional asking advice before reporting
        ("veilig-thuis", "svc-112"),  # unsafe at home without acute danger
        ("psychiatrisch", "svc-113"),  # a psychiatric crisis is not a suicide line case
    ],
)
def test_a_crisis_line_for_another_danger_in_the_top_3_is_over_escalation(safety, line):
    q = question(safety)
    route = list(q.safety_route) or ["svc-goed"]
    assert scored(q, [line, *route])["over_escalation"] == 1
    assert scored(q, [*route, "svc-ook", "svc-x", line])["over_escalation"] == 0


def test_112_and_113_are_allowed_when_the_danger_is_acute():
    q = question("acuut")
    assert scored(q, ["svc-112", "svc-113", "svc-goed"])["over_escalation"] == 0
    assert scored(q, ["svc-112"])["safety@3"] == 1.0


def test_safety_needs_the_route_for_that_danger_not_any_crisis_line():
    q = question("veilig-thuis")
    assert scored(q, ["svc-113", "svc-goed", "svc-ook"])["safety@3"] == 0.0
    assert scored(q, ["svc-goed", "svc-ook", "svc-veilig-thuis"])["safety@3"] == 1.0


def test_an_empty_answer_is_counted():
    result = scored(question(), [])
    assert result["empty"] == 1 and result["useful@3"] == 0.0 and result["MRR"] == 0.0


def test_a_safety_signal_on_denied_danger_is_a_negation_error_but_not_for_bm25():
    q = question(negated=True, wrong={"svc-veilig-thuis": "ontkend"})
    assert scored(q, ["svc-goed"], signals={"veiligheid": True, "crisis": False})["negation_errors"] == 1
    assert scored(q, ["svc-goed"], signals={"veiligheid": False, "crisis": False})["negation_errors"] == 0
    assert scored(q, ["svc-veilig-thuis", "svc-goed"])["wrong_in_top3"] == 1
    assert scored(q, ["svc-goed"], with_signals=False)["negated_cases"] == 0


def test_heavier_help_above_lighter_help_fails_lighter_first():
    q = question(grades={"svc-licht": 2, "svc-zwaar": 2}, lighter_first=("svc-licht", "svc-zwaar"))
    assert scored(q, ["svc-zwaar", "svc-licht"])["lighter_first"] == 0.0
    assert scored(q, ["svc-licht", "svc-zwaar"])["lighter_first"] == 1.0


def test_mrr_and_useful_at_3_use_the_first_useful_service():
    q = question()
    assert scored(q, ["svc-x", "svc-ook"])["MRR"] == 0.5
    assert scored(q, ["svc-x", "svc-y", "svc-z", "svc-goed"])["useful@3"] == 0.0


def test_bm25_baseline_is_plain_words_without_a_thesaurus():
    """The baseline finds shared words and nothing else: "mijn man slaat me" does not reach huiselijk geweld."""
    bm25 = BM25Baseline(
        [
            ("svc-vt", "Veilig Thuis", "Advies bij huiselijk geweld en kindermishandeling."),
            ("svc-geld", "Schuldhulp", "Hulp bij schulden en betalingsachterstanden."),
        ]
    )
    assert bm25.search("ik heb schulden") == ["svc-geld"]
    assert bm25.search("mijn man slaat me") == []


def test_failures_are_also_counted_by_kind_without_the_question_id():
    """The held-out split shows only these kinds: where to write new material, never which question failed."""
    m = Metrics()
    score(m, question(safety="consultatie", category="veilig-consultatie"), ["svc-x", "svc-y", "svc-z"])
    score(m, question(wrong={"svc-basisschool": "leeftijd"}), ["svc-basisschool", "svc-goed", "svc-x"])
    score(m, question(), [])
    assert m.kinds == {
        "veilig@3 gemist: consultatie": 1,
        "niets bruikbaars in top 3: veilig-consultatie": 1,
        "fout in top 3: leeftijd": 1,
        "leeg antwoord": 1,
    }
    assert not any("t1" in kind for kind in m.kinds)
