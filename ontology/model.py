"""Typed, read-only view of the ontology data files.

The YAML/CSV files are the source of truth (editable by non-programmers, diffable in review);
this module turns them into frozen dataclasses so the graph loader, the matcher and the web app
all see the same validated structure, and so nobody mutates shared state by accident.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .gazetteer import Place, _load_gazetteer, gazetteer_index, load_gazetteer
from .schema import (
    MAX_PHRASE_WORDS,
    NIVEAU_LADDER,
    REQUIRED_DOELGROEP_IDS,
    REQUIRED_ORGANISATIESOORT_IDS,
    REQUIRED_THEME_IDS,
    SIGNAL_ROOTS,
    SIGNALS,
    TOP_LEVEL_IDS,
    Combination,
    CueEffect,
    Doelgroep,
    Idiom,
    MatchingConfig,
    NegationCues,
    Niveau,
    Ontology,
    Organisatiesoort,
    Safety,
    SafetyLevel,
    ServiceKind,
    SignalRule,
    Theme,
    _walk,
    normalize_phrase,
)
from .validation import (
    _cycle_problems,
    _doelgroep_problems,
    _niveau_problems,
    _safety_problems,
    phrase_overlaps,
    validate,
)

# Re-exported: the names that lived here before the split into schema/gazetteer/validation.
__all__ = [
    "DATA_DIR",
    "MAX_PHRASE_WORDS",
    "NIVEAU_LADDER",
    "REQUIRED_DOELGROEP_IDS",
    "REQUIRED_ORGANISATIESOORT_IDS",
    "REQUIRED_THEME_IDS",
    "SIGNALS",
    "SIGNAL_ROOTS",
    "TOP_LEVEL_IDS",
    "Combination",
    "CueEffect",
    "Doelgroep",
    "Idiom",
    "MatchingConfig",
    "NegationCues",
    "Niveau",
    "Ontology",
    "Organisatiesoort",
    "Place",
    "Safety",
    "SafetyLevel",
    "SignalRule",
    "ServiceKind",
    "Theme",
    "_cycle_problems",
    "_doelgroep_problems",
    "_load_gazetteer",
    "_niveau_problems",
    "_safety_problems",
    "_walk",
    "gazetteer_index",
    "kern_id",
    "load_gazetteer",
    "load_niveaus",
    "load_ontology",
    "normalize_phrase",
    "phrase_overlaps",
    "validate",
]

DATA_DIR = Path(__file__).resolve().parent


# --------------------------------------------------------------------------------------------
# loading
# --------------------------------------------------------------------------------------------


def _strs(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        return (str(value),)
    return tuple(str(v) for v in value)


def _past_raises(value: Any) -> str:
    """safety.yaml `past_raises`: true (default) | false | ongoing."""
    if isinstance(value, str):
        return value.strip().lower()
    return "yes" if value else "no"


def _flat(value: Any) -> tuple[str, ...]:
    """A word list that may hold named word lists (YAML anchors): `unless: [*ongeluk, grapje]`."""
    if isinstance(value, list):
        return tuple(w for v in value for w in _flat(v))
    return _strs(value)


def _opt_int(value: Any) -> int | None:
    return None if value is None else int(value)


# libyaml's safe loader when PyYAML has it (its wheels do): the same data, ~10x faster than the pure-Python one;
# every `kaart` command and every web worker reads the ontology at start (ADR 0094).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_SAFE_LOADER)


def _index(entries: Any, kind: str, build: Any, problems: list[str]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    if not isinstance(entries, list):
        problems.append(f"{kind}: expected a list of entries")
        return result
    for n, raw in enumerate(entries):
        if not isinstance(raw, dict) or not raw.get("id"):
            problems.append(f"{kind}: entry #{n} has no id")
            continue
        entry_id = str(raw["id"])
        if entry_id in result:
            problems.append(f"{kind}: duplicate id {entry_id!r}")
            continue
        try:
            result[entry_id] = build(raw)
        except (TypeError, ValueError) as exc:
            problems.append(f"{kind}: entry {entry_id!r} is malformed: {exc}")
    return result


def _theme(raw: dict[str, Any]) -> Theme:
    signal = raw.get("signal")
    return Theme(
        id=str(raw["id"]),
        label=str(raw.get("label") or ""),
        b1_label=str(raw.get("b1_label") or ""),
        parents=_strs(raw.get("parents")),
        description=str(raw.get("description") or ""),
        signal=None if signal in (None, "", "null") else str(signal),
        synonyms=_strs(raw.get("synonyms")),
        lay_phrases=_strs(raw.get("lay_phrases")),
    )


def _doelgroep(raw: dict[str, Any]) -> Doelgroep:
    return Doelgroep(
        id=str(raw["id"]),
        label=str(raw.get("label") or ""),
        b1_label=str(raw.get("b1_label") or ""),
        min_age=_opt_int(raw.get("min_age")),
        max_age=_opt_int(raw.get("max_age")),
        description=str(raw.get("description") or ""),
        synonyms=_strs(raw.get("synonyms")),
        lay_phrases=_strs(raw.get("lay_phrases")),
        typical_age=_opt_int(raw.get("typical_age")),
    )


def _niveau(raw: dict[str, Any]) -> Niveau:
    return Niveau(
        id=str(raw["id"]),
        rank=int(raw["rank"]),
        label=str(raw.get("label") or ""),
        b1_label=str(raw.get("b1_label") or ""),
        description=str(raw.get("description") or ""),
        short_label=str(raw.get("short_label") or raw.get("label") or ""),
        b1_why=str(raw.get("b1_why") or ""),
        preference=float(raw.get("preference", 0.5)),
        specialist_preference=float(raw.get("specialist_preference", raw.get("preference", 0.5))),
    )


def _optional_yaml(path: Path) -> Any:
    return _read_yaml(path) if path.exists() else None


def _safety(raw: Any, problems: list[str]) -> Safety:
    if raw is None:
        return Safety()
    if not isinstance(raw, dict):
        problems.append("safety: expected a mapping")
        return Safety()

    def level(r: dict[str, Any]) -> SafetyLevel:
        return SafetyLevel(
            id=str(r["id"]),
            rank=int(r["rank"]),
            label=str(r.get("label") or ""),
            b1_label=str(r.get("b1_label") or ""),
            signal=str(r.get("signal") or "veiligheid"),
            raised_by=_strs(r.get("raised_by")),
            route=_strs(r.get("route")),
            notice=str(r.get("notice") or ""),
            route_niveaus=_strs(r.get("route_niveaus")),
            firm=bool(r.get("firm", False)),
            suppressed_by=_strs(r.get("suppressed_by")),
            suppression_ends=tuple(normalize_phrase(c) for c in _strs(r.get("suppression_ends"))),
            supersedes=_strs(r.get("supersedes")),
            professional_vermoeden=bool(r.get("professional_vermoeden", False)),
            past_raises=_past_raises(r.get("past_raises", True)),
            fallback=str(r.get("fallback") or ""),
        )

    def rule(r: dict[str, Any]) -> SignalRule:
        return SignalRule(
            id=str(r["id"]),
            theme=str(r.get("theme") or ""),
            groups=tuple(tuple(normalize_phrase(w) for w in _flat(g)) for g in r.get("all") or ()),
            window=int(r.get("window", 14)),
            unless=tuple(normalize_phrase(w) for w in _flat(r.get("unless"))),
            sentences=max(1, int(r.get("sentences", 1))),
            replaces=_strs(r.get("replaces")),
        )

    levels = _index(raw.get("levels") or [], "safety", level, problems)
    rules = _index(raw.get("signal_rules") or [], "signal_rules", rule, problems)
    return Safety(
        levels=tuple(sorted(levels.values(), key=lambda lv: lv.rank)),
        all_clear_themes=_strs(raw.get("all_clear_themes")),
        acute_cues=tuple(normalize_phrase(c) for c in _strs(raw.get("acute_cues"))),
        uncertain_prefix=str(raw.get("uncertain_prefix") or ""),
        signal_rules=tuple(rules.values()),
        consultation_cues=tuple(normalize_phrase(c) for c in _strs(raw.get("consultation_cues"))),
        ongoing_cues=tuple(normalize_phrase(c) for c in _strs(raw.get("ongoing_cues"))),
        now_cues=tuple(normalize_phrase(c) for c in _strs(raw.get("now_cues"))),
        topic_cues=tuple(normalize_phrase(c) for c in _strs(raw.get("topic_cues"))),
        clear_now_cues=tuple(normalize_phrase(c) for c in _strs(raw.get("clear_now_cues"))),
        rule_barriers=_strs(raw.get("rule_barriers")),
        professional_askers=_askers(raw.get("professional_askers") or {}),
        asker_any_word_not=frozenset(_strs((raw.get("professional_askers") or {}).get("any_word_not"))),
        victim_age=dict(raw.get("victim_age") or {}),
        phrase_guards=dict(raw.get("phrase_guards") or {}),
        box=dict(raw.get("box") or {}),
        replaces_needs=dict(raw.get("replaces_needs") or {}),
        acute_at_home=dict(raw.get("acute_at_home") or {}),
        consultation=dict(raw.get("consultation") or {}),
        acute_kinds=tuple(dict(k) for k in raw.get("acute_kinds") or () if k),
        second_opinion=dict(raw.get("second_opinion") or {}),
        signal_kinds=tuple(dict(f) for f in raw.get("signal_kinds") or () if f),
        need_after_route=dict(raw.get("need_after_route") or {}),
    )


def _askers(raw: dict[str, Any]) -> tuple[str, ...]:
    """safety.yaml `professional_askers`: every frame around every role ("ik ben {role}", "{role} hier"), and with
    one word before the role ("als * trainer"): the matcher splits a compound ("voetbaltrainer" -> "voetbal
    trainer"), and "*" stands for any one word.
    Places of work (`places`: thuiszorg, school …) only get `place_frames` and no "*": "als de thuiszorg er niet
    is" is a resident talking about the place, not a thuiszorg worker writing."""
    out: list[str] = []
    for frames, roles, any_word in (("frames", "roles", True), ("place_frames", "places", False)):
        for frame in _strs(raw.get(frames)):
            before, _, after = (normalize_phrase(part) for part in frame.partition("{role}"))
            for role in (normalize_phrase(r) for r in _flat(raw.get(roles))):
                out.append(" ".join(p for p in (before, role, after) if p))
                if before and any_word:
                    out.append(" ".join(p for p in (before, "*", role, after) if p))
    return tuple(dict.fromkeys(out))


def _matching(raw: Any, problems: list[str]) -> MatchingConfig:
    if raw is None:
        return MatchingConfig()
    if not isinstance(raw, dict):
        problems.append("matching: expected a mapping")
        return MatchingConfig()

    def kind(r: dict[str, Any]) -> ServiceKind:
        return ServiceKind(
            id=str(r["id"]),
            words=tuple(normalize_phrase(w) for w in _strs(r.get("words"))),
            min_age=_opt_int(r.get("min_age")),
            max_age=_opt_int(r.get("max_age")),
        )

    kinds = _index(raw.get("service_kinds") or [], "matching.service_kinds", kind, problems)

    def combination(r: dict[str, Any]) -> Combination:
        return Combination(
            id=str(r["id"]),
            self_themes=_strs(r.get("self")),
            other_themes=_strs(r.get("other")),
            adds=str(r["adds"]),
            doelgroep=None if r.get("doelgroep") is None else str(r["doelgroep"]),
            demote=_strs(r.get("demote")),
            demote_weight=float(r.get("demote_weight", 1.0)),
            other_weight=float(r.get("other_weight", 1.0)),
            other_except=_strs(r.get("other_except")),
        )

    combos = _index(raw.get("combinations") or [], "matching.combinations", combination, problems)
    return MatchingConfig(
        specialist_cues=tuple(normalize_phrase(c) for c in _strs(raw.get("specialist_cues"))),
        incidental_weight=float(raw.get("incidental_weight", 0.45)),
        derived_incidental_weight=float(raw.get("derived_incidental_weight", 0.8)),
        danger_context_weight=float(raw.get("danger_context_weight", 1.0)),
        front_door_why=str(raw.get("front_door_why") or ""),
        front_door_why_professional=str(raw.get("front_door_why_professional") or ""),
        front_door_why_no_service=str(raw.get("front_door_why_no_service") or ""),
        front_door_why_uncovered=str(raw.get("front_door_why_uncovered") or ""),
        front_door_why_uncovered_professional=str(raw.get("front_door_why_uncovered_professional") or ""),
        uncovered_for_age=str(raw.get("uncovered_for_age") or ""),  # with its leading space
        served_by={str(k): _strs(v) for k, v in (raw.get("served_by") or {}).items()},
        service_kinds=tuple(kinds.values()),
        combinations=tuple(combos.values()),
    )


def _idiom(raw: dict[str, Any]) -> Idiom:
    return Idiom(
        id=str(raw["id"]),
        themes=_strs(raw.get("themes")),
        phrases=tuple(normalize_phrase(p) for p in _strs(raw.get("phrases"))),
    )


def _spelling(raw: Any, problems: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for entry in _index(raw or [], "spelling", lambda r: dict(r.get("variants") or {}), problems).values():
        for variant, word in entry.items():
            out[normalize_phrase(str(variant))] = normalize_phrase(str(word))
    return out


def _typo_endings(raw: Any) -> tuple[str, ...]:
    """spelling.yaml `typo-family-endings` (match/typos.py): the endings that make two words one family."""
    for row in raw or []:
        if isinstance(row, dict) and row.get("id") == "typo-family-endings":
            return tuple(str(e) for e in row.get("endings") or ())
    return ()


def _organisatiesoort(raw: dict[str, Any]) -> Organisatiesoort:
    default = raw.get("default_niveau")
    return Organisatiesoort(
        id=str(raw["id"]),
        label=str(raw.get("label") or ""),
        b1_label=str(raw.get("b1_label") or ""),
        description=str(raw.get("description") or ""),
        default_niveau=None if default is None else str(default),
    )


def _negation(raw: Any, problems: list[str]) -> NegationCues:
    if not isinstance(raw, dict):
        problems.append("negation: expected a mapping")
        raw = {}
    scope = raw.get("scope") or {}
    neg = raw.get("negation") or {}
    unc = raw.get("uncertainty") or {}
    past = raw.get("past_scope") or {}
    effects: dict[str, CueEffect] = {}
    for kind, eff in (raw.get("effects") or {}).items():
        try:
            effects[str(kind)] = CueEffect(
                theme=str(eff["theme"]),
                weight=float(eff["weight"]),
                signal=str(eff["signal"]),
                label=None if eff.get("label") is None else str(eff["label"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            problems.append(f"negation: effect {kind!r} is malformed: {exc}")

    def low(values: Any) -> tuple[str, ...]:
        return tuple(normalize_phrase(v) if v.strip() else v for v in _strs(values))

    return NegationCues(
        negation_pre=low(neg.get("pre")),
        negation_post=low(neg.get("post")),
        negation_bidirectional=low(neg.get("bidirectional")),
        uncertainty_pre=low(unc.get("pre")),
        uncertainty_post=low(unc.get("post")),
        experiencer=low(raw.get("experiencer")),
        historical=low(raw.get("historical")),
        pseudo=low(raw.get("pseudo")),
        terminators=_strs(scope.get("terminators")),
        backward_terminators=_strs(scope.get("backward_terminators")),
        continuers=_strs(scope.get("continuers")),
        forward_tokens=int(scope.get("forward_tokens", 5)),
        backward_tokens=int(scope.get("backward_tokens", 3)),
        bidirectional_backward_tokens=int(scope.get("bidirectional_backward_tokens", 2)),
        ability_verbs=low(scope.get("ability_verbs")),
        effects=effects,
        present=low(past.get("present")),
        retrospective_anchors=low(past.get("retrospective_anchors")),
        retrospective_ends=low(past.get("retrospective_ends")),
        retrospective_reach=int(past.get("retrospective_reach", 6)),
        subject_pronouns=low(past.get("subject_pronouns")),
        subject_negators=low((raw.get("subject_negation") or {}).get("negators")),
        subject_gap=low((raw.get("subject_negation") or {}).get("gap")),
        past_verbs=low(past.get("past_verbs")),
        determiners=low(past.get("determiners")),
    )


@lru_cache(maxsize=8)
def _load(directory: Path) -> Ontology:
    problems: list[str] = []
    themes = _index(_read_yaml(directory / "themes.yaml"), "themes", _theme, problems)
    doelgroepen = _index(_read_yaml(directory / "doelgroepen.yaml"), "doelgroepen", _doelgroep, problems)
    niveaus = _index(_read_yaml(directory / "niveaus.yaml"), "niveaus", _niveau, problems)
    soorten = _index(
        _read_yaml(directory / "organisatiesoorten.yaml"), "organisatiesoorten", _organisatiesoort, problems
    )
    negation = _negation(_read_yaml(directory / "negation.yaml"), problems)
    # Newer files are optional, so an ontology directory written before them still loads.
    safety = _safety(_optional_yaml(directory / "safety.yaml"), problems)
    matching = _matching(_optional_yaml(directory / "matching.yaml"), problems)
    idioms = _index(_optional_yaml(directory / "idioms.yaml") or [], "idioms", _idiom, problems)
    spelling_raw = _optional_yaml(directory / "spelling.yaml")
    spelling = _spelling(spelling_raw, problems)
    return Ontology(
        themes=themes,
        doelgroepen=doelgroepen,
        niveaus=niveaus,
        organisatiesoorten=soorten,
        negation=negation,
        source_dir=directory,
        load_problems=tuple(problems),
        safety=safety,
        matching=matching,
        idioms=tuple(idioms.values()),
        spelling=spelling,
        typo_endings=_typo_endings(spelling_raw),
    )


@lru_cache(maxsize=4)
def _load_niveaus(path: Path) -> tuple[Niveau, ...]:
    niveaus = [_niveau(raw) for raw in _read_yaml(path) or [] if isinstance(raw, dict) and raw.get("id")]
    return tuple(sorted(niveaus, key=lambda n: (n.rank == 0, n.rank)))


def load_niveaus(path: Path | None = None) -> tuple[Niveau, ...]:
    """The niveaus of niveaus.yaml: the ladder lightest first, then crisis (rank 0, not on the ladder).

    Cheap (one small file, cached) so that `graph.models.NIVEAUS` and the site can read the ladder and its
    labels (`label` for professionals, `b1_label` for inwoners) from the data at import time."""
    return _load_niveaus(Path(path).resolve() if path is not None else DATA_DIR / "niveaus.yaml")


def kern_id(name: str) -> str:
    """The id of the kern (village or town) called `name`: `kern-` + a lower-case ASCII slug.

    The one rule for kern ids: importers, beheer forms and the gazetteer all produce the same id for the
    same place (`Dinxperlo` -> `kern-dinxperlo`, `'s-Heerenberg` -> `kern-s-heerenberg`)."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return f"kern-{slug or 'x'}"


def load_ontology(path: Path | None = None) -> Ontology:
    """Load (once per directory, cached) the ontology from `path` or the shipped data files.

    `path` is the directory holding themes.yaml, doelgroepen.yaml, niveaus.yaml,
    organisatiesoorten.yaml and negation.yaml. Structural problems found while loading
    (duplicate ids, malformed entries) are kept in `load_problems` and reported by `validate`.
    """
    return _load(Path(path).resolve() if path is not None else DATA_DIR)
