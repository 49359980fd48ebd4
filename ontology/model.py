"""Typed, read-only view of the ontology data files.

The YAML/CSV files are the source of truth (editable by non-programmers, diffable in review);
this module turns them into frozen dataclasses so the graph loader, the matcher and the web app
all see the same validated structure, and so nobody mutates shared state by accident.
"""

from __future__ import annotations

import csv
import re
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent

TOP_LEVEL_IDS: tuple[str, ...] = (
    "financien",
    "werk-dagbesteding",
    "huisvesting",
    "huiselijke-relaties",
    "opvoeden-opgroeien",
    "onderwijs",
    "geestelijke-gezondheid",
    "lichamelijke-gezondheid",
    "middelengebruik",
    "zelfredzaamheid",
    "sociaal-netwerk",
    "maatschappelijke-participatie",
    "justitie",
    "veiligheid",
)

# Ids other parts of the system (HSDS data, tests, matcher rules) rely on; never remove them.
REQUIRED_THEME_IDS: tuple[str, ...] = TOP_LEVEL_IDS + (
    "schulden",
    "armoede",
    "inkomen-toeslagen",
    "administratie",
    "huurachterstand",
    "werk",
    "dagbesteding",
    "opleiding",
    "vrijwilligerswerk",
    "dakloosheid",
    "vervuiling",
    "woningaanpassing",
    "echtscheiding",
    "relatieproblemen",
    "opvoeding",
    "ontwikkeling-taal",
    "gedragsproblemen",
    "kinderopvang",
    "overgang-18",
    "schoolverzuim",
    "pesten",
    "passend-onderwijs",
    "psychische-klachten",
    "psychische-crisis",
    "suicidaliteit",
    "rouw",
    "lvb",
    "nah",
    "dementie",
    "chronische-ziekte",
    "verslaving",
    "huishouden",
    "hulpmiddelen",
    "vervoer",
    "eenzaamheid",
    "mantelzorg",
    "inburgering-taal",
    "laaggeletterdheid",
    "digitale-vaardigheden",
    "justitie-contact",
    "huiselijk-geweld",
    "kindermishandeling",
    "ouderenmishandeling",
)
REQUIRED_DOELGROEP_IDS: tuple[str, ...] = (
    "kinderen-0-4",
    "kinderen-4-12",
    "jongeren-12-18",
    "jongvolwassenen-16-27",
    "volwassenen",
    "ouderen",
    "ouders",
    "mantelzorgers",
    "nieuwkomers",
    "iedereen",
)
# The codes niveaus.yaml must carry, in ladder order (a contract: HSDS taxonomy `niveau`, BRIEF). `validate`
# checks the data against it; code reads the ladder and its labels from the data (`load_niveaus`).
NIVEAU_LADDER: tuple[str, ...] = ("vrij-toegankelijk", "lokaal-team", "maatwerk", "specialistisch")
REQUIRED_ORGANISATIESOORT_IDS: tuple[str, ...] = (
    "sociale-basis",
    "pedagogische-basis",
    "lokaal-team",
    "specialistische-aanbieder",
    "crisisdienst",
    "gemeente",
)
SIGNALS: tuple[str, ...] = ("veiligheid", "crisis")
SIGNAL_ROOTS: tuple[str, ...] = ("veiligheid", "geestelijke-gezondheid")
MAX_PHRASE_WORDS = 6


def normalize_phrase(text: str) -> str:
    """Lower-case and collapse whitespace: the form phrases are compared in."""
    return " ".join(str(text).lower().split())


@dataclass(frozen=True)
class Theme:
    """One node of the theme hierarchy (HSDS taxonomy `thema`)."""

    id: str
    label: str
    b1_label: str
    parents: tuple[str, ...]
    description: str
    signal: str | None
    synonyms: tuple[str, ...]
    lay_phrases: tuple[str, ...]

    @property
    def is_top_level(self) -> bool:
        return not self.parents

    @property
    def terms(self) -> tuple[str, ...]:
        """Every matchable form (label, synonyms, lay phrases), normalised and de-duplicated."""
        seen: dict[str, None] = {}
        for term in (self.label, *self.synonyms, *self.lay_phrases):
            seen.setdefault(normalize_phrase(term), None)
        return tuple(seen)


@dataclass(frozen=True)
class Doelgroep:
    """A target group; age bands are half-open [min_age, max_age) in years."""

    id: str
    label: str
    b1_label: str
    min_age: int | None
    max_age: int | None
    description: str
    synonyms: tuple[str, ...]
    lay_phrases: tuple[str, ...]
    typical_age: int | None = None  # assumed when a hulpvraag names the group without an age

    @property
    def is_age_band(self) -> bool:
        return self.min_age is not None or self.max_age is not None

    def covers_age(self, age: int) -> bool:
        """True when `age` falls in this band (False for groups that are not an age band)."""
        if not self.is_age_band:
            return False
        low = self.min_age if self.min_age is not None else 0
        return low <= age and (self.max_age is None or age < self.max_age)


@dataclass(frozen=True)
class Niveau:
    """A step of the matched-care ladder; lower rank = lighter help (crisis is rank 0, special)."""

    id: str
    rank: int
    label: str
    b1_label: str
    description: str
    short_label: str = ""  # the ladder term in a professional's why-line
    b1_why: str = ""  # the same for inwoners, B1 ("u kunt er zelf terecht, zonder verwijzing")
    preference: float = 0.5  # normaliseren: the matcher's preference for this step, lighter first
    specialist_preference: float = 0.5  # the same when the text asks for specialist help


@dataclass(frozen=True)
class SafetyLevel:
    """A kind of danger, the help that goes on top for it and what the answer says (safety.yaml)."""

    id: str
    rank: int
    label: str
    b1_label: str
    signal: str  # crisis | veiligheid
    raised_by: tuple[str, ...]
    route: tuple[str, ...]
    notice: str
    route_niveaus: tuple[str, ...] = ()  # empty: any niveau
    firm: bool = False
    suppressed_by: tuple[str, ...] = ()
    supersedes: tuple[str, ...] = ()
    professional_vermoeden: bool = False  # also raised by a professional's vermoeden of danger


@dataclass(frozen=True)
class Safety:
    """The safety taxonomy: levels by urgency plus the all-clear and acute cue lists."""

    levels: tuple[SafetyLevel, ...] = ()
    all_clear_themes: tuple[str, ...] = ()
    acute_cues: tuple[str, ...] = ()
    uncertain_prefix: str = ""

    def level(self, level_id: str) -> SafetyLevel | None:
        return next((lv for lv in self.levels if lv.id == level_id), None)


@dataclass(frozen=True)
class ServiceKind:
    """A kind of service recognised by words in its name, with the ages it is for (inclusive)."""

    id: str
    words: tuple[str, ...]
    min_age: int | None
    max_age: int | None


@dataclass(frozen=True)
class Combination:
    """A need that shows only in combination (caregiver overload: own exhaustion + someone else's illness)."""

    id: str
    self_themes: tuple[str, ...]
    other_themes: tuple[str, ...]
    adds: str
    doelgroep: str | None = None
    demote: tuple[str, ...] = ()
    demote_weight: float = 1.0
    other_weight: float = 1.0


@dataclass(frozen=True)
class MatchingConfig:
    """Matcher settings that are domain facts (matching.yaml)."""

    specialist_cues: tuple[str, ...] = ()
    incidental_weight: float = 0.45
    derived_incidental_weight: float = 0.8
    front_door_why: str = ""
    front_door_why_professional: str = ""
    front_door_why_no_service: str = ""
    service_kinds: tuple[ServiceKind, ...] = ()
    combinations: tuple[Combination, ...] = ()


@dataclass(frozen=True)
class Idiom:
    """Phrasings (idioms, everyday words) that signal one or more themes (idioms.yaml)."""

    id: str
    themes: tuple[str, ...]
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class Organisatiesoort:
    """Kind of organisation; `default_niveau` applies when a service states no niveau."""

    id: str
    label: str
    b1_label: str
    description: str
    default_niveau: str | None


@dataclass(frozen=True)
class CueEffect:
    """What the matcher does with a theme in the scope of a cue (see negation.yaml)."""

    theme: str  # "drop" or "keep"
    weight: float
    signal: str  # "drop" or "keep"
    label: str | None


@dataclass(frozen=True)
class NegationCues:
    """Negation/uncertainty/experiencer/historical/pseudo cues plus the scope rule parameters."""

    negation_pre: tuple[str, ...]
    negation_post: tuple[str, ...]
    negation_bidirectional: tuple[str, ...]
    uncertainty_pre: tuple[str, ...]
    uncertainty_post: tuple[str, ...]
    experiencer: tuple[str, ...]
    historical: tuple[str, ...]
    pseudo: tuple[str, ...]
    terminators: tuple[str, ...]
    backward_terminators: tuple[str, ...]
    continuers: tuple[str, ...]
    forward_tokens: int
    backward_tokens: int
    bidirectional_backward_tokens: int
    ability_verbs: tuple[str, ...] = ()  # rule 8: backward "niet" after these verbs states the problem
    effects: dict[str, CueEffect] = field(default_factory=dict)

    def all_cues(self) -> dict[str, tuple[str, ...]]:
        """Cue lists by kind, for building one longest-match-first matcher over all of them."""
        return {
            "negation_pre": self.negation_pre,
            "negation_post": self.negation_post,
            "negation_bidirectional": self.negation_bidirectional,
            "uncertainty_pre": self.uncertainty_pre,
            "uncertainty_post": self.uncertainty_post,
            "experiencer": self.experiencer,
            "historical": self.historical,
            "pseudo": self.pseudo,
        }


@dataclass(frozen=True, eq=False)
class Ontology:
    """The whole ontology plus hierarchy helpers. Treat the dicts as read-only."""

    themes: dict[str, Theme]
    doelgroepen: dict[str, Doelgroep]
    niveaus: dict[str, Niveau]
    organisatiesoorten: dict[str, Organisatiesoort]
    negation: NegationCues
    source_dir: Path
    load_problems: tuple[str, ...] = ()
    safety: Safety = field(default_factory=Safety)
    matching: MatchingConfig = field(default_factory=MatchingConfig)
    idioms: tuple[Idiom, ...] = ()
    spelling: dict[str, str] = field(default_factory=dict)  # folded variant -> the word the thesaurus knows

    @cached_property
    def _children(self) -> dict[str, tuple[str, ...]]:
        children: dict[str, list[str]] = {tid: [] for tid in self.themes}
        for theme in self.themes.values():
            for parent in theme.parents:
                children.setdefault(parent, []).append(theme.id)
        return {tid: tuple(kids) for tid, kids in children.items()}

    def _theme(self, theme_id: str) -> Theme:
        try:
            return self.themes[theme_id]
        except KeyError:
            raise KeyError(f"unknown theme id: {theme_id!r}") from None

    def children(self, theme_id: str) -> tuple[str, ...]:
        """Direct narrower themes."""
        self._theme(theme_id)
        return self._children.get(theme_id, ())

    def ancestors(self, theme_id: str) -> tuple[str, ...]:
        """All broader themes, nearest first (breadth-first), without the theme itself."""
        self._theme(theme_id)
        return _walk(theme_id, lambda t: self.themes[t].parents if t in self.themes else ())

    def descendants(self, theme_id: str) -> tuple[str, ...]:
        """All narrower themes, nearest first (breadth-first), without the theme itself."""
        self._theme(theme_id)
        return _walk(theme_id, lambda t: self._children.get(t, ()))

    def top_level(self) -> tuple[str, ...]:
        """Ids of the leefgebieden (themes without parents), in file order."""
        return tuple(t.id for t in self.themes.values() if not t.parents)

    def leefgebieden(self, theme_id: str) -> tuple[str, ...]:
        """The top-level leefgebied(en) a theme belongs to (itself when it is one)."""
        theme = self._theme(theme_id)
        if theme.is_top_level:
            return (theme_id,)
        return tuple(a for a in self.ancestors(theme_id) if not self.themes[a].parents)

    def related(self, a: str, b: str) -> bool:
        """True when one theme is an ancestor of the other or they share a parent."""
        if a == b:
            return True
        if a in self.ancestors(b) or b in self.ancestors(a):
            return True
        return bool(set(self._theme(a).parents) & set(self._theme(b).parents))

    def signal_themes(self, signal: str | None = None) -> tuple[str, ...]:
        """Ids of themes that carry a danger signal (optionally only `signal`)."""
        return tuple(
            t.id for t in self.themes.values() if t.signal and (signal is None or t.signal == signal)
        )

    def niveau_rank(self, code: str) -> int:
        """Rank on the matched-care ladder (crisis = 0, vrij-toegankelijk = 1 ... specialistisch = 4)."""
        try:
            return self.niveaus[code].rank
        except KeyError:
            raise KeyError(f"unknown niveau code: {code!r}") from None

    def ladder(self) -> tuple[str, ...]:
        """Niveau codes of the ordinary ladder, lightest first (crisis excluded)."""
        return tuple(n.id for n in sorted(self.niveaus.values(), key=lambda n: n.rank) if n.rank > 0)

    def thesaurus(self) -> tuple[tuple[str, str], ...]:
        """(normalised phrase, theme id) for every term of every theme: input for the span ruler."""
        return tuple((term, t.id) for t in self.themes.values() for term in t.terms)


@dataclass(frozen=True)
class Place:
    """A Dutch woonplaats from the shipped gazetteer."""

    name: str
    lat: float
    lon: float
    gemeente: str | None
    province: str | None
    aliases: tuple[str, ...] = ()
    population: int | None = None
    source: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


# --------------------------------------------------------------------------------------------
# loading
# --------------------------------------------------------------------------------------------


def _walk(start: str, step: Any) -> tuple[str, ...]:
    """Breadth-first closure over `step`, cycle-safe (the validator reports cycles)."""
    seen: dict[str, None] = {}
    queue = deque(step(start))
    while queue:
        node = queue.popleft()
        if node in seen or node == start:
            continue
        seen[node] = None
        queue.extend(step(node))
    return tuple(seen)


def _strs(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        return (str(value),)
    return tuple(str(v) for v in value)


def _opt_int(value: Any) -> int | None:
    return None if value is None else int(value)


def _read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


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
            supersedes=_strs(r.get("supersedes")),
            professional_vermoeden=bool(r.get("professional_vermoeden", False)),
        )

    levels = _index(raw.get("levels") or [], "safety", level, problems)
    return Safety(
        levels=tuple(sorted(levels.values(), key=lambda lv: lv.rank)),
        all_clear_themes=_strs(raw.get("all_clear_themes")),
        acute_cues=tuple(normalize_phrase(c) for c in _strs(raw.get("acute_cues"))),
        uncertain_prefix=str(raw.get("uncertain_prefix") or ""),
    )


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
        )

    combos = _index(raw.get("combinations") or [], "matching.combinations", combination, problems)
    return MatchingConfig(
        specialist_cues=tuple(normalize_phrase(c) for c in _strs(raw.get("specialist_cues"))),
        incidental_weight=float(raw.get("incidental_weight", 0.45)),
        derived_incidental_weight=float(raw.get("derived_incidental_weight", 0.8)),
        front_door_why=str(raw.get("front_door_why") or ""),
        front_door_why_professional=str(raw.get("front_door_why_professional") or ""),
        front_door_why_no_service=str(raw.get("front_door_why_no_service") or ""),
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
    spelling = _spelling(_optional_yaml(directory / "spelling.yaml"), problems)
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


@lru_cache(maxsize=4)
def _load_gazetteer(path: Path) -> tuple[Place, ...]:
    places: list[Place] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            aliases = tuple(a for a in (row.get("aliases") or "").split("|") if a)
            population = (row.get("population") or "").strip()
            places.append(
                Place(
                    name=row["name"],
                    lat=float(row["lat"]),
                    lon=float(row["lon"]),
                    gemeente=row.get("gemeente") or None,
                    province=row.get("province") or None,
                    aliases=aliases,
                    population=int(population) if population else None,
                    source=row.get("source") or "",
                )
            )
    return tuple(places)


def load_gazetteer(path: Path | None = None) -> list[Place]:
    """Dutch woonplaatsen with coordinates from the shipped gazetteer.csv (GeoNames, CC BY 4.0).

    Cached; returns a new list each call so callers may sort or filter it freely.
    """
    return list(_load_gazetteer(Path(path).resolve() if path is not None else DATA_DIR / "gazetteer.csv"))


def gazetteer_index(path: Path | None = None) -> dict[str, tuple[Place, ...]]:
    """Lower-cased name or alias -> places with that name, most populous first (names repeat)."""
    index: dict[str, list[Place]] = {}
    for place in load_gazetteer(path):
        for name in place.names:
            bucket = index.setdefault(name.casefold(), [])
            if place not in bucket:
                bucket.append(place)
    return {key: tuple(sorted(bucket, key=lambda p: -(p.population or 0))) for key, bucket in index.items()}


# --------------------------------------------------------------------------------------------
# validation
# --------------------------------------------------------------------------------------------


def validate(ontology: Ontology) -> list[str]:
    """Return human-readable problems; an empty list means the ontology is sound.

    Checked here (and by `kaart check`) rather than at load time so that one bad edit yields a
    full report instead of a crash on the first error.
    """
    problems = list(ontology.load_problems)
    themes = ontology.themes

    for required in REQUIRED_THEME_IDS:
        if required not in themes:
            problems.append(f"themes: required id {required!r} is missing")
    for top in TOP_LEVEL_IDS:
        if top in themes and themes[top].parents:
            problems.append(f"themes: {top!r} must be top-level (parents: [])")

    for theme in themes.values():
        where = f"theme {theme.id!r}"
        if not theme.label:
            problems.append(f"{where}: no label")
        if not theme.b1_label:
            problems.append(f"{where}: no b1_label")
        if not theme.description:
            problems.append(f"{where}: no description")
        if not theme.lay_phrases:
            problems.append(f"{where}: no lay phrases")
        if len(theme.parents) > 2:
            problems.append(f"{where}: more than 2 parents")
        if len(set(theme.parents)) != len(theme.parents):
            problems.append(f"{where}: duplicate parent")
        for parent in theme.parents:
            if parent not in themes:
                problems.append(f"{where}: unknown parent {parent!r}")
            if parent == theme.id:
                problems.append(f"{where}: is its own parent")
        if theme.signal is not None and theme.signal not in SIGNALS:
            problems.append(f"{where}: unknown signal {theme.signal!r}")
        for phrase in theme.lay_phrases:
            if phrase != normalize_phrase(phrase):
                problems.append(f"{where}: lay phrase {phrase!r} is not lower-case/normalised")
            if not 1 <= len(phrase.split()) <= MAX_PHRASE_WORDS:
                problems.append(f"{where}: lay phrase {phrase!r} is not 1-{MAX_PHRASE_WORDS} words")
        for synonym in theme.synonyms:
            if synonym != normalize_phrase(synonym):
                problems.append(f"{where}: synonym {synonym!r} is not lower-case/normalised")

    problems += _cycle_problems(ontology)

    top = set(ontology.top_level())
    for theme in themes.values():
        if theme.parents and not (set(ontology.ancestors(theme.id)) & top):
            problems.append(f"theme {theme.id!r}: not reachable from a top-level leefgebied")
        if theme.signal and not (
            theme.id in SIGNAL_ROOTS or set(ontology.ancestors(theme.id)) & set(SIGNAL_ROOTS)
        ):
            problems.append(f"theme {theme.id!r}: signal theme outside veiligheid/geestelijke-gezondheid")

    problems += _doelgroep_problems(ontology)
    problems += _niveau_problems(ontology)

    for required in REQUIRED_ORGANISATIESOORT_IDS:
        if required not in ontology.organisatiesoorten:
            problems.append(f"organisatiesoorten: required id {required!r} is missing")
    for soort in ontology.organisatiesoorten.values():
        if soort.default_niveau is not None and soort.default_niveau not in ontology.niveaus:
            problems.append(f"organisatiesoort {soort.id!r}: unknown default_niveau {soort.default_niveau!r}")

    problems += _safety_problems(ontology)
    for combo in ontology.matching.combinations:
        for tid in (*combo.self_themes, *combo.other_themes, *combo.demote, combo.adds):
            if tid not in themes:
                problems.append(f"matching combination {combo.id!r}: unknown theme {tid!r}")
        if combo.doelgroep and combo.doelgroep not in ontology.doelgroepen:
            problems.append(f"matching combination {combo.id!r}: unknown doelgroep {combo.doelgroep!r}")
    for idiom in ontology.idioms:
        for tid in idiom.themes:
            if tid not in themes:
                problems.append(f"idiom {idiom.id!r}: unknown theme {tid!r}")
        for phrase in idiom.phrases:
            if not 1 <= len(phrase.split()) <= MAX_PHRASE_WORDS:
                problems.append(f"idiom {idiom.id!r}: phrase {phrase!r} is not 1-{MAX_PHRASE_WORDS} words")

    neg = ontology.negation
    if not neg.negation_pre or not neg.uncertainty_pre or not neg.pseudo or not neg.terminators:
        problems.append("negation: negation, uncertainty, pseudo and terminator lists must not be empty")
    for kind in ("negation", "uncertainty"):
        if kind not in neg.effects:
            problems.append(f"negation: no effect defined for {kind!r}")
    return problems


def _safety_problems(ontology: Ontology) -> list[str]:
    problems: list[str] = []
    if not ontology.safety.levels:
        problems.append("safety: no safety levels (safety.yaml missing?): danger would raise no signal")
    ids = {lv.id for lv in ontology.safety.levels}
    for lv in ontology.safety.levels:
        where = f"safety level {lv.id!r}"
        if lv.signal not in SIGNALS:
            problems.append(f"{where}: unknown signal {lv.signal!r}")
        if not lv.notice:
            problems.append(f"{where}: no notice")
        for tid in (*lv.raised_by, *lv.route, *lv.suppressed_by):
            if tid not in ontology.themes:
                problems.append(f"{where}: unknown theme {tid!r}")
        for code in lv.route_niveaus:
            if code not in ontology.niveaus:
                problems.append(f"{where}: unknown niveau {code!r}")
        for other in lv.supersedes:
            if other not in ids:
                problems.append(f"{where}: supersedes unknown level {other!r}")
    for tid in ontology.safety.all_clear_themes:
        if tid not in ontology.themes:
            problems.append(f"safety: unknown all-clear theme {tid!r}")
    return problems


def _cycle_problems(ontology: Ontology) -> list[str]:
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    problems: list[str] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for parent in ontology.themes[node].parents:
            if parent not in ontology.themes:
                continue
            if state.get(parent) == 1:
                cycle = path[path.index(parent) :] + [parent] if parent in path else [node, parent]
                problems.append("themes: cycle " + " -> ".join(cycle))
            elif state.get(parent) is None:
                visit(parent, path + [parent])
        state[node] = 2

    for theme_id in ontology.themes:
        if theme_id not in state:
            visit(theme_id, [theme_id])
    return problems


def _doelgroep_problems(ontology: Ontology) -> list[str]:
    problems: list[str] = []
    for required in REQUIRED_DOELGROEP_IDS:
        if required not in ontology.doelgroepen:
            problems.append(f"doelgroepen: required id {required!r} is missing")
    for group in ontology.doelgroepen.values():
        where = f"doelgroep {group.id!r}"
        if not group.b1_label:
            problems.append(f"{where}: no b1_label")
        for age in (group.min_age, group.max_age):
            if age is not None and not 0 <= age <= 120:
                problems.append(f"{where}: implausible age {age}")
        if group.min_age is not None and group.max_age is not None and group.min_age >= group.max_age:
            problems.append(f"{where}: min_age must be below max_age")
    return problems


def _niveau_problems(ontology: Ontology) -> list[str]:
    problems: list[str] = []
    niveaus = ontology.niveaus
    expected = {"crisis": 0, **{code: rank for rank, code in enumerate(NIVEAU_LADDER, start=1)}}
    for code, rank in expected.items():
        if code not in niveaus:
            problems.append(f"niveaus: required code {code!r} is missing")
        elif niveaus[code].rank != rank:
            problems.append(f"niveaus: {code!r} must have rank {rank}, has {niveaus[code].rank}")
    ranks = [n.rank for n in niveaus.values()]
    if len(ranks) != len(set(ranks)):
        problems.append("niveaus: ranks must be unique")
    return problems


def phrase_overlaps(ontology: Ontology) -> list[tuple[str, str, str, bool]]:
    """Terms listed under more than one theme: (term, theme a, theme b, related).

    `related` is True when one theme is an ancestor of the other or they share a parent; such
    overlaps are tolerated (reported), unrelated ones make the matcher ambiguous.
    """
    owners: dict[str, list[str]] = {}
    for theme in ontology.themes.values():
        for term in dict.fromkeys(normalize_phrase(t) for t in (*theme.synonyms, *theme.lay_phrases)):
            owners.setdefault(term, []).append(theme.id)
    result: list[tuple[str, str, str, bool]] = []
    for term, ids in sorted(owners.items()):
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                result.append((term, a, b, ontology.related(a, b)))
    return result
