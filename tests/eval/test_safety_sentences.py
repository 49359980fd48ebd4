"""Proportionate safety on sentences of our own (tests/eval/safety_sentences.yaml), on both kaarten.

Issue 12, deliverable 5: every danger kind raises its own safety level and puts its own help on top (112 only for
acute danger, 113 only for suicidal thoughts, Veilig Thuis for danger at home, the huisarts or crisisdienst for a
psychiatric crisis, advice for a consultation question), also when two dangers are told together; everyday
sentences with a danger word in them raise nothing. The sentences are written from the Meldcode signal lists and
from how people write on forums, independent of the held-out questions (which are never read for tuning).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from graph import ensure_schema
from graph.store import connect

# danger kind (hulpvragen.yaml `safety`) -> safety level id (ontology/safety.yaml): the word model's own table
from match.safety_model import LEVEL_OF_KIND

EVAL = Path(__file__).resolve().parent
ROOT = EVAL.parents[1]
SENTENCES = EVAL / "safety_sentences.yaml"


@dataclass(frozen=True)
class Sentence:
    text: str
    kinds: tuple[str, ...]  # expected danger kinds, most urgent first; () = a control that raises nothing
    audience: str
    group: str
    allow: tuple[
        str, ...
    ] = ()  # kinds that may be raised as well (a threat with a knife is geweld thuis too)
    themes: tuple[str, ...] = ()  # the danger kinds the answer must name ("ouderenmishandeling")
    not_themes: tuple[str, ...] = ()  # and must not name (kindermishandeling for a woman of 79)


def load_sentences() -> list[Sentence]:
    raw = yaml.safe_load(SENTENCES.read_text(encoding="utf-8"))
    out = []
    for group in raw["groups"]:
        kinds = tuple(group.get("expect") or ())
        allow = tuple(group.get("allow") or ())
        named = tuple(group.get("themes") or ()), tuple(group.get("not_themes") or ())
        for text in group["sentences"]:
            out.append(Sentence(text, kinds, group.get("audience", "public"), group["id"], allow, *named))
    return out


def routes() -> dict[str, dict[str, Any]]:
    """Per kaart its crisis routes per danger kind (the `kaarten` header of hulpvragen.yaml: no questions)."""
    header = yaml.safe_load((EVAL / "hulpvragen.yaml").read_text(encoding="utf-8"))["kaarten"]
    return {
        name: {
            "routes": {kind: set(ids) for kind, ids in k["routes"].items()},
            "crisis": {
                k["alarm"],
                k["suicide_line"],
                *k["routes"]["veilig-thuis"],
                *k["routes"]["consultatie"],
            },
        }
        for name, k in header.items()
    }


def check(matcher: Any, kaart: dict[str, Any], s: Sentence) -> str | None:
    """What is wrong with the answer to one sentence, or None. A danger: its levels are raised (and no others
    than those it allows), the help for the first one is the first answer, the help for every one is in the top 3.
    A control: nothing raised, no crisis line in the top 3. Both: the themes named are those the group wants
    (`themes`) and none it rules out (`not_themes`: no dementia for a son of 19 out at night)."""
    res = matcher.match(s.text, audience=s.audience, limit=10)
    top = [r["service_id"] for r in res.results]
    raised = list(res.safety_levels)
    named = {t["id"] for t in res.themes}
    if not set(s.themes) <= named or named & set(s.not_themes):
        return f"named {sorted(named)}, want {list(s.themes)} and none of {list(s.not_themes)}"
    if not s.kinds:
        crisis = [c for c in top[:3] if c in kaart["crisis"]]
        if raised or crisis:
            return f"control raised {raised}, top3 crisis {crisis}"
        return None
    want = [LEVEL_OF_KIND[k] for k in s.kinds]
    allowed = set(want) | {LEVEL_OF_KIND[k] for k in s.allow}
    if not set(want) <= set(raised) or not set(raised) <= allowed:
        return f"levels {raised}, want {want} (allowed {sorted(allowed)}); top3 {top[:3]}"
    if not top or top[0] not in kaart["routes"][s.kinds[0]]:
        return f"first {top[:1]}, want one of {sorted(kaart['routes'][s.kinds[0]])}"
    missing = [k for k in s.kinds if not kaart["routes"][k] & set(top[:3])]
    if missing:
        return f"no route for {missing} in top3 {top[:3]}"
    return None


def _matcher(falkor_server, tmp: Path, name: str) -> tuple[Any, Any]:
    from ingest.demo import DEMO_DIR, load_demo, load_hsds_kaart
    from match.derive import derive_themes
    from match.engine import Matcher
    from match.index import rebuild_index
    from ontology.gemeente import load_profile

    store = connect(f"falkordb://{falkor_server.data_dir}?graph=t_{uuid.uuid4().hex[:12]}")
    ensure_schema(store)
    if name == "aalten-demo":
        load_demo(store, path=DEMO_DIR)
        profile = load_profile(ROOT / "ontology" / "gemeenten" / "aalten.yaml")
    else:
        load_hsds_kaart(store, EVAL / "dataset")
        profile = load_profile(EVAL / "gemeente-synthetisch.yaml")
    rebuild_index(store, tmp)
    matcher = Matcher(store, tmp, profile=profile)
    derive_themes(store, matcher.analyzer)
    rebuild_index(store, tmp)
    matcher.refresh(force=True)
    return store, matcher


def _pipelines() -> list[str]:
    """Both paths of issue 12 point 11: the blank-nl pipeline, and the shipped trained one when it is there."""
    from match import parse

    return ["blank"] + (["shipped"] if (parse.SHIPPED / "meta.json").is_file() else [])


@pytest.fixture(
    scope="module",
    params=[(k, p) for p in _pipelines() for k in ("aalten-demo", "synthetisch")],
    ids=lambda kp: f"{kp[0]}-{kp[1]}",
)
def kaart(request, falkor_server, tmp_path_factory):
    name, pipeline = request.param
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KAART_NLP_MODEL", pipeline)
        store, matcher = _matcher(falkor_server, tmp_path_factory.mktemp(name), name)
    assert matcher.analyzer.parsed == (pipeline == "shipped")
    yield name, matcher, routes()[name]
    store.clear()
    store.close()


def test_the_sentence_set_is_big_enough_and_covers_every_danger_kind():
    sentences = load_sentences()
    dangers = [s for s in sentences if s.kinds]
    assert len(dangers) >= 150 and len(sentences) - len(dangers) >= 80
    assert {k for s in dangers for k in s.kinds} == set(LEVEL_OF_KIND)
    assert any(len(s.kinds) > 1 for s in dangers), "two dangers told together"
    assert len({s.text for s in sentences}) == len(sentences), "no duplicates"


def _failures(kaart, wanted) -> list[str]:
    name, matcher, info = kaart
    out = []
    for s in load_sentences():
        if wanted(s):
            problem = check(matcher, info, s)
            if problem:
                out.append(f"[{s.group}] {s.text!r}: {problem}")
    return out


def test_every_danger_raises_its_own_level_and_puts_its_own_help_first(kaart):
    failures = _failures(kaart, lambda s: bool(s.kinds))
    assert not failures, f"{kaart[0]}: {len(failures)} failures\n" + "\n".join(failures)


def test_everyday_sentences_with_danger_words_raise_nothing(kaart):
    failures = _failures(kaart, lambda s: not s.kinds)
    assert not failures, f"{kaart[0]}: {len(failures)} failures\n" + "\n".join(failures)


def test_a_youth_crisis_team_is_no_help_for_violence_against_an_adult(kaart):
    """Veilig Thuis is the help for geweld, kindermishandeling and ouderenmishandeling alike; a crisis team for
    children that also takes child abuse goes on top for a child in danger, not for partner violence."""
    name, matcher, _ = kaart
    if name != "synthetisch":
        pytest.skip("the youth crisis team is on the synthetic kaart")
    adult = [r["service_id"] for r in matcher.match("mijn man slaat me als hij gedronken heeft").results[:3]]
    assert adult[0] == "svc-veilig-thuis" and "svc-spoedteam-jeugd" not in adult
    child = [r["service_id"] for r in matcher.match("mijn man slaat de kinderen met een riem").results[:3]]
    assert child[0] == "svc-veilig-thuis" and "svc-spoedteam-jeugd" in child


def test_a_danger_long_over_is_no_need_when_the_question_names_one(kaart):
    """The user test's q18/q26 (ADR 0101): violence that is over raises nothing and leaves the ranking to the need the
    asker names; the police and the safety team are no answer to a parent who wants to talk about opvoeden."""
    _, matcher, info = kaart
    for text in (
        "mijn vader sloeg mij vroeger, dat is dertig jaar geleden. nu wil ik graag met andere ouders over opvoeden praten",
        "vroeger had ik een vriend die mij sloeg maar dat is al jaren voorbij. nu zoek ik vrijwilligerswerk",
    ):
        res = matcher.match(text, limit=5)
        named = {t["id"] for t in res.themes}
        assert not res.safety_levels and "huiselijk-geweld" not in named, (text, named)
        assert not set(r["service_id"] for r in res.results[:3]) & info["crisis"], text


def test_a_crisis_team_for_another_age_is_not_put_on_top(kaart):
    """Dev failure class F (ADR 0114): the youth crisis team (0-17 in its data) was second for a manic episode of a
    man of 45; a crisis service goes on top only when it does not exclude the age told."""
    name, matcher, info = kaart
    if name != "synthetisch":
        pytest.skip("the youth crisis team is on the synthetic kaart")
    top = [
        r["service_id"]
        for r in matcher.match(
            "Mijn man (45) is manisch, slaapt al dagen niet, koopt op krediet dingen die we niet kunnen betalen"
        ).results[:3]
    ]
    assert top[0] in info["routes"]["psychiatrisch"] and "svc-spoedteam-jeugd" not in top, top
    child = [
        r["service_id"]
        for r in matcher.match("mijn dochter van 15 is psychotisch en hoort stemmen").results[:3]
    ]
    assert "svc-spoedteam-jeugd" in child, child


def load_batch(path: Path, key: str, prefix: str, allow: dict[str, tuple[str, ...]]) -> list[Sentence]:
    """A batch measured once (safety_batch5.yaml, safety_batch6.yaml): `key` maps each danger kind, or `none`
    for the controls, to its sentences."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))[key]
    out = []
    for kind, texts in raw.items():
        kinds = () if kind == "none" else (kind,)
        out.extend(Sentence(t, kinds, "public", f"{prefix}-{kind}", allow.get(kind, ())) for t in texts)
    return out


def measure_batch(matcher: Any, info: dict[str, Any], sentences: list[Sentence], kinds: Any) -> tuple:
    """(recognised per danger kind, controls clean, {(text, kind)} where 112 or 113 was raised or shown in the top
    3 for a sentence that does not tell acute danger or suicidal thoughts): what a measured batch is held to."""
    passed = {k: 0 for k in kinds}
    clean = 0
    misplaced: set[tuple[str, str]] = set()
    for s in sentences:
        ok = check(matcher, info, s) is None
        if s.kinds:
            passed[s.kinds[0]] += ok
        else:
            clean += ok
        res = matcher.match(s.text, limit=3)
        top = {r["service_id"] for r in res.results[:3]}
        for kind, line in (("acuut", "acuut-gevaar"), ("suicide", "suicide")):
            if kind not in s.kinds + s.allow and (line in res.safety_levels or top & info["routes"][kind]):
                misplaced.add((s.text, kind))
    return passed, clean, misplaced


def check_batch_shape(sentences: list[Sentence], dangers: int, controls: int) -> None:
    """A measured batch is still the one that was measured: its size per group and every danger kind."""
    found = [s for s in sentences if s.kinds]
    assert len(found) == dangers and len(sentences) - len(found) == controls
    assert {s.kinds[0] for s in found} == set(LEVEL_OF_KIND)
    assert len({s.text for s in sentences}) == len(sentences)


def hold_measured_batch(
    kaart: tuple[str, Any, dict[str, Any]],
    sentences: list[Sentence],
    floors: dict[str, int],
    controls_clean: int,
    misplaced_allowed: int = 0,
) -> None:
    """Per danger kind at least the measured number raises its level with its help on top; no more controls
    escalated, and no 112 or 113 for a sentence without that danger beyond those measured. Messages carry counts,
    never a sentence: nobody reads a measuring batch. `KAART_MEASURE_OUT` appends the totals (how a session's start
    and end versions are measured)."""
    import json
    import os

    name, matcher, info = kaart
    passed, clean, misplaced = measure_batch(matcher, info, sentences, floors)
    if os.environ.get("KAART_MEASURE_OUT"):
        with open(os.environ["KAART_MEASURE_OUT"], "a", encoding="utf-8") as fh:
            row = {"kaart": name, "passed": passed, "clean": clean, "misplaced": len(misplaced)}
            fh.write(json.dumps(row) + "\n")
    below = {k: (passed[k], floor) for k, floor in floors.items() if passed[k] < floor}
    assert not below, f"{name}: recall below the measured floor per kind (got, floor): {below}"
    controls = sum(1 for s in sentences if not s.kinds)
    assert clean >= controls_clean, f"{name}: {controls - clean} of {controls} controls escalated"
    assert len(misplaced) <= misplaced_allowed, (
        f"{name}: 112/113 for {len(misplaced)} sentences without that danger"
    )
