"""The ontology's vocabulary and its frozen dataclasses, without any file reading.

Split from `ontology.model` so that the loader (`model`), the validator (`validation`) and the gazetteer can
all build on one bottom module without importing each other in a loop; `ontology.model` re-exports it all.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

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
    suppression_ends: tuple[str, ...] = ()  # words that say the danger is its own after all ("hoort stemmen")
    supersedes: tuple[str, ...] = ()
    professional_vermoeden: bool = False  # also raised by a professional's vermoeden of danger
    past_raises: str = "yes"  # no: a mention only in the past ("vroeger") does not raise it; ongoing: only with an ongoing cue
    fallback: str = ""  # a level raised instead when no service on the kaart is the help for this one


@dataclass(frozen=True)
class SignalRule:
    """A danger told in words that need not stand together (safety.yaml `signal_rules`): one word of every
    group within `window` words of one sentence raises `theme` ("mijn zoon haalt steeds geld van mijn
    rekening": a relative, money, taking). Words are compared as lemmas; `unless` words in the sentence cancel."""

    id: str
    theme: str
    groups: tuple[tuple[str, ...], ...]
    window: int = 14
    unless: tuple[str, ...] = ()
    # helper safety12 (ADR 0139): a signal told over a few sentences ("Ik heb alles geregeld. Dan hoeft niemand zich
    # meer druk te maken."): the groups may stand in up to this many consecutive sentences
    sentences: int = 1
    # rule ids whose hits in the same text this rule's hit replaces: the same signs read another way (a stroke's
    # strange speech is no psychosis)
    replaces: tuple[str, ...] = ()


@dataclass(frozen=True)
class Safety:
    """The safety taxonomy: levels by urgency plus the all-clear and acute cue lists."""

    levels: tuple[SafetyLevel, ...] = ()
    all_clear_themes: tuple[str, ...] = ()
    acute_cues: tuple[str, ...] = ()
    uncertain_prefix: str = ""
    signal_rules: tuple[SignalRule, ...] = ()
    consultation_cues: tuple[str, ...] = ()  # a professional asking how to act: a consultation question
    ongoing_cues: tuple[str, ...] = ()  # a past danger that goes on ("nog steeds bang")
    rule_barriers: tuple[str, ...] = ()  # words a signal rule hit never crosses ("maar")
    clear_now_cues: tuple[str, ...] = ()  # the danger of the past is over now ("nu gaat het goed")
    now_cues: tuple[str, ...] = ()  # the danger is happening now: a consultation question keeps 112 only then
    topic_cues: tuple[str, ...] = ()  # a danger as the topic of a course or training (ADR 0107)
    professional_askers: tuple[str, ...] = ()  # "ik ben leerkracht", "wijkverpleegkundige hier" (ADR 0101)
    # what "*" in an asker never is: "als de trainer" is no trainer
    asker_any_word_not: frozenset[str] = frozenset()
    # the safety word model's second opinion: its `unless` arrangements (ADR 0117)
    second_opinion: dict[str, Any] = field(default_factory=dict)
    victim_age: dict[str, Any] = field(default_factory=dict)  # the danger kind by the victim's age (ADR 0101)
    box: dict[str, Any] = field(default_factory=dict)  # the safety box per level (ADR 0107)
    replaces_needs: dict[str, Any] = field(default_factory=dict)  # a danger that is the need (ADR 0107)
    phrase_guards: dict[str, Any] = field(
        default_factory=dict
    )  # a person's phrase said of a thing (ADR 0107)
    acute_at_home: dict[str, Any] = field(
        default_factory=dict
    )  # acute danger by a partner is geweld too (ADR 0106)
    consultation: dict[str, Any] = field(default_factory=dict)  # a professional's worry (ADR 0114)
    acute_kinds: tuple[
        dict[str, Any], ...
    ] = ()  # medical or violent acute danger: the help after 112 (ADR 0136)
    # a danger told by kinds of signal added up over a passage (a burden told, a farewell act, a sudden calm;
    # ADR 0143, match/signal_kinds.py)
    signal_kinds: tuple[dict[str, Any], ...] = ()
    # a professional who asks who can help with the need itself, next to the doubt (ADR 0143, match/consult_need.py)
    need_after_route: dict[str, Any] = field(default_factory=dict)

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
    other_except: tuple[
        str, ...
    ] = ()  # someone else's themes that are no need of care (a grandparent's death)
    demote: tuple[str, ...] = ()
    demote_weight: float = 1.0
    other_weight: float = 1.0


@dataclass(frozen=True)
class MatchingConfig:
    """Matcher settings that are domain facts (matching.yaml)."""

    specialist_cues: tuple[str, ...] = ()
    incidental_weight: float = 0.45
    derived_incidental_weight: float = 0.8
    danger_context_weight: float = 1.0  # a need told only inside a danger signal ("de huur is niet betaald")
    front_door_why: str = ""
    front_door_why_professional: str = ""
    front_door_why_no_service: str = ""
    front_door_why_uncovered: str = ""  # a main need no service exists for: "{need}" in B1 words
    front_door_why_uncovered_professional: str = ""
    uncovered_for_age: str = ""  # {age} when the kaart has help for the need, but not for this age
    served_by: dict[str, tuple[str, ...]] = field(
        default_factory=dict
    )  # need -> needs whose help is its help
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
    # the clause scope of the past (negation.yaml `past_scope`, ADR 0101)
    present: tuple[str, ...] = ()  # words that bring the story back to now: they end a past scope
    retrospective_anchors: tuple[str, ...] = ()  # "dat is", "dat was": looking back on what was just told
    retrospective_ends: tuple[str, ...] = ()  # "voorbij", "jaren geleden"
    retrospective_reach: int = 6
    subject_pronouns: tuple[str, ...] = ()  # "en sloeg hij": a conjunct that shares the fronted past cue
    # "niemand wordt geslagen": a negated subject right before a phrase negates it (negation.yaml rule 9)
    subject_negators: tuple[str, ...] = ()
    subject_gap: tuple[str, ...] = ()  # words that may stand between ("niemand hier wordt geslagen")
    past_verbs: tuple[
        str, ...
    ] = ()  # strong past forms ("sloeg"): a new subject in the past shares it (ADR 0106)
    determiners: tuple[str, ...] = ()  # "mijn", "de": a new subject after "en" ("en mijn man sloeg me")

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
    # spelling.yaml `typo-family-endings`: two repairs one edit away that differ by one of these are one word
    typo_endings: tuple[str, ...] = ()

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
