"""Dutch analysis of a hulpvraag: themes, safety signals, negation/uncertainty, ages and places.

The pipeline is spaCy, chosen by match/parse.py: `nl_core_news_sm` when installed, else the small UD Dutch
pipeline shipped in match/models/ (`make nlp-model`), else a blank Dutch pipeline (`KAART_NLP_MODEL=blank`).
Either way our own `kaart_normalizer` sets `token.norm_` to a folded lemma (simplemma: real lemmas offline;
the trained pipeline's lemma where only that one is a thesaurus word) with typo repair against the thesaurus
vocabulary, and a `SpanRuler` built from the ontology thesaurus finds themes on that NORM. Negation,
uncertainty and the experiencer are decided per theme span by cue words from `ontology/negation.yaml` within
the span's clause; with a parser the scope of "niet", "nooit" and "geen" comes from the parse instead, and the
parse says who is in danger (`Analysis.victim`). See match/parse.py.

Memory and start-up (ADR 0094): importing this module does not import spaCy (the `kaart` commands that never
match stay light); the pipeline is built on the first Analyzer, once per process and ontology, and shared by
every Analyzer after it (a gunicorn master builds it before forking: `warm`).

Privacy: the text is processed in memory only. Nothing here logs, stores or caches it.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from match import ages, declined_there, frames, not_now, parse, roles, typos
from match.compounds import COMMON_ZIPF
from match.cues import Cue, CueSet, tenses
from match.rulers import FirstWordMatcher
from match.words import (  # noqa: F401 - fold, norm_word, set_spelling: imported from here too
    COLLOQUIAL,
    fold,
    norm_word,
    set_spelling,
    word_list,
    word_set,
)
from ontology.gazetteer import place_rank

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

MAX_PHRASE = 6
assert typos.REAL_WORD_ZIPF >= COMMON_ZIPF  # the process keeps only the words at least COMMON_ZIPF common
# Words that may stand between the words of a phrase without changing it ("ik voel me heel erg alleen").
FILLERS = word_list("fillers")
# One token spec for every optional filler of every phrase (thousands of patterns; spaCy only reads them).
_FILLER = {"NORM": {"IN": FILLERS}, "OP": "{0,2}"}  # up to two: "ik voel me de laatste tijd (zo) alleen"


@dataclass(frozen=True)
class ThemeHit:
    theme_id: str
    text: str
    start: int
    end: int
    negated: bool = False
    uncertain: bool = False
    other_person: bool = False
    historical: bool = False
    framed: str = ""  # the frame a danger is told in: a course, a film, "voor als" (ontology/frames.yaml)


@dataclass(frozen=True)
class PlaceHit:
    name: str
    lat: float
    lon: float
    text: str


@dataclass
class Analysis:
    hits: list[ThemeHit] = field(default_factory=list)
    ages: list[int] = field(default_factory=list)  # match.ages.Ages: the years, and whose they are
    doelgroepen: list[str] = field(default_factory=list)
    places: list[PlaceHit] = field(default_factory=list)
    words: set[str] = field(default_factory=set)  # folded surface words, for cue checks by the ranker
    tokens: list[str] = field(default_factory=list)  # the same in order, for multi-word cues (safety.yaml)
    victim: str | None = None  # who is in danger by the parse: "child" | "adult" | None (no parser / unknown)
    pipeline: str = ""  # which spaCy pipeline analysed the text
    repaired: list[tuple[int, str]] = field(default_factory=list)  # (offset, word) of typos (match/typos.py)
    guarded: set[str] = field(
        default_factory=set
    )  # themes a phrase guard took out ("de trein valt uit", ADR 0114)
    role_spans: list[tuple[int, int]] = field(default_factory=list)  # the asker's own role (match/roles.py)
    stem_clashes: list[tuple[int, int]] = field(default_factory=list)  # words.yaml `query-stem-clashes`

    def query_text(self, text: str) -> str:
        """The text for the word search without the negated needs ("geen schulden, wel ..."): a need the
        asker rules out must not bring its services up through their words either. Nor the asker's own role
        ("ik ben wijkverpleegkundige"), nor a word the stemmer makes another need ("ouders": "ouderen")."""
        cut = sorted(
            [(h.start, h.end) for h in self.hits if h.negated or h.framed]
            + self.role_spans
            + self.stem_clashes
        )
        text = typos.with_repairs(text, self.repaired, cut)
        if not cut:
            return text
        out, pos = [], 0
        for start, end in cut:
            if start > pos:
                out.append(text[pos:start])
            pos = max(pos, end)
        out.append(text[pos:])
        return " ".join(out)

    @property
    def negated_spans(self) -> list[tuple[int, int]]:
        """Character offsets of the negated theme mentions ("geen sprake van huiselijk geweld")."""
        return [(h.start, h.end) for h in self.hits if h.negated]

    def themes(self, *, include_negated: bool = False) -> dict[str, ThemeHit]:
        """One hit per theme: an affirmed mention wins over an uncertain one; negated ones are left out, and so are
        dangers told in a frame (a course, a film: match/frames.py)."""
        best: dict[str, ThemeHit] = {}
        for hit in self.hits:
            if (hit.negated or hit.framed) and not include_negated:
                continue
            cur = best.get(hit.theme_id)
            if cur is None or (cur.uncertain and not hit.uncertain) or (cur.negated and not hit.negated):
                best[hit.theme_id] = hit
        return best


class Thesaurus:
    """Ontology phrases as NORM token sequences, plus the vocabulary used for typo repair."""

    def __init__(self, ontology: Any, tokenizer: Any) -> None:
        self.patterns: list[dict[str, Any]] = []
        self.vocab: set[str] = set()
        self.surface: dict[str, str] = {}  # folded word as written in the thesaurus -> its norm
        self.hyphenated: set[str] = set()
        self.family_endings: tuple[str, ...] = tuple(getattr(ontology, "typo_endings", ()))  # spelling.yaml
        seen: set[tuple[str, tuple[str, ...]]] = set()
        specs: dict[str, dict[str, str]] = {}  # ~32 000 token specs of ~9 000 words (ADR 0168)
        for theme_id, phrase in _thesaurus_phrases(ontology):
            tokens = [t.text for t in tokenizer(phrase) if not t.is_punct]
            norms = tuple(norm_word(t) for t in tokens)
            if not norms or len(norms) > MAX_PHRASE or (theme_id, norms) in seen:
                continue
            seen.add((theme_id, norms))
            # "aan_doen": simplemma's separable verbs are thesaurus words too, so a trained lemma never replaces them
            self.vocab.update(n for n in norms if n.replace("_", "").isalpha())
            for t, n in zip(tokens, norms, strict=True):
                if n.isalpha():
                    self.surface.setdefault(fold(t), n)
                elif "-" in t:
                    self.hyphenated.add(fold(t))  # "burn-out", "wmo-loket": whole words, never split
            pattern: list[dict[str, Any]] = []
            for n, word in enumerate(norms):
                if n:  # "ik voel me (heel) alleen": intensifiers between the words of a phrase
                    pattern.append(_FILLER)
                pattern.append(specs.setdefault(word, {"NORM": word}))  # one read-only dict per word
            self.patterns.append({"label": theme_id, "pattern": pattern, "id": theme_id})
        # symmetric-delete index for typo repair: each one-letter delete of a word -> the words (a tuple of the
        # word strings themselves, not a set per key: a quarter of the memory, the same candidates)
        deletes: dict[str, list[str]] = {}
        for word in self.vocab | set(self.surface):
            if len(word) >= 5:
                for d in typos.deletes(word):
                    deletes.setdefault(d, []).append(word)
        self._deletes: dict[str, tuple[str, ...]] = {d: tuple(words) for d, words in deletes.items()}

    def knows(self, word: str) -> bool:
        """Is this folded word (or its lemma) a word of the thesaurus?"""
        return (
            word in self.surface
            or word in self.vocab
            or word in self.hyphenated
            or norm_word(word) in self.vocab
        )

    def repair(self, norm: str, surface: str = "") -> str:
        """The thesaurus word a misspelt word means, or the word itself (match/typos.py)."""
        return typos.repair(self, norm, surface)


def _thesaurus_phrases(ontology: Any) -> list[tuple[str, str]]:
    """(theme id, phrase) for every label, synonym, lay phrase and idiom (ontology/idioms.yaml) of the ontology."""
    out: list[tuple[str, str]] = []
    for theme in ontology.themes.values():
        phrases = [
            theme.label,
            *(getattr(theme, "synonyms", ()) or ()),
            *(getattr(theme, "lay_phrases", ()) or ()),
        ]
        if getattr(theme, "b1_label", None) and len(theme.b1_label.split()) <= 3:
            phrases.append(theme.b1_label)
        out.extend((theme.id, p) for p in phrases)
    for idiom in getattr(ontology, "idioms", ()) or ():
        out.extend((tid, p) for tid in idiom.themes if tid in ontology.themes for p in idiom.phrases)
    return out


_thesaurus: dict[int, Thesaurus] = {}


def make_normalizer(nlp: Language, name: str) -> Any:
    """The `kaart_normalizer` component (registered with spaCy by `_register_factories`)."""

    def normalize(doc: Doc) -> Doc:
        thesaurus = _thesaurus.get(id(nlp))
        lemmas = thesaurus is not None and doc.has_annotation("LEMMA")
        for token in doc:
            n = norm_word(token.text)
            if lemmas:
                n = parse.model_lemma(token, n, thesaurus.vocab, fold)
            token.norm_ = thesaurus.repair(n, fold(token.text)) if thesaurus else n
        return doc

    return normalize


POSTCODE_IN_TEXT = re.compile(r"\b([1-9][0-9]{3})\s?[A-Z]{2}\b")
CHILD_WORDS = word_set("child-words")


@dataclass(frozen=True)
class Pipeline:
    """What an Analyzer needs that depends on the ontology and the gazetteer only, not on the kaart's data: the
    spaCy pipeline with our components, the thesaurus and the cue words. Built once per process (`pipeline`)."""

    nlp: Any
    model: str
    parsed: bool
    thesaurus: Thesaurus
    cues: CueSet
    ontology: Any  # held, so the id in the cache key is never reused by another ontology


_PIPELINES: dict[tuple[int, str, frozenset[str]], Pipeline] = {}
_PIPELINES_KEPT = 2  # a process uses one; tests with their own ontology evict the oldest
_pipelines_lock = threading.Lock()


def pipeline(ontology: Any, places: list[Any]) -> Pipeline:
    """The pipeline for this ontology and gazetteer, built on first use and then shared: every Analyzer of the
    process (a reload, `kaart reindex`, the eval's second kaart) reuses it instead of building another (~5 s,
    ~60 MB each). Its components keep no state between texts, so sharing changes no answer."""
    from match.spacy_light import lazy_cli

    lazy_cli()  # spaCy's command line only when used (~17 MB, ADR 0118)
    from match import (
        needrules,
        signal_kinds,
        signals,
    )  # spaCy is imported here, on the first pipeline, not at import

    _register_factories()
    names = {fold(w) for p in places for n in (p.name, *(getattr(p, "aliases", ()) or ())) for w in n.split()}
    protected = frozenset(names) | signals.rule_words(ontology)
    key = (id(ontology), parse.pipeline_choice(), protected)
    with _pipelines_lock:
        found = _PIPELINES.get(key)
        if found is not None:
            return found
        nlp, model = parse.load_pipeline(signals.pronoun_stops())
        signals.pronouns_end_sentences(nlp)
        thesaurus = Thesaurus(ontology, nlp.tokenizer)
        _thesaurus[id(nlp)] = thesaurus
        install_decompounder(nlp, thesaurus, protected)
        nlp.add_pipe("kaart_normalizer")
        ruler = nlp.add_pipe("span_ruler", config={"spans_key": "themes", "overwrite": False})
        ruler.matcher = FirstWordMatcher(nlp.vocab)  # the same matches, a fraction of the work (ADR 0100)
        ruler.add_patterns(thesaurus.patterns)
        signals.install(nlp, ontology)
        signal_kinds.install(nlp, ontology)  # a danger told by kinds of signal over a passage (ADR 0143)
        needrules.install(nlp, ontology)  # everyday needs in words that need not stand together (ADR 0102)
        signals.install_guard(nlp, ontology)  # a person's phrase said of a thing (ADR 0107)
        add_doelgroep_ruler(nlp, ontology)
        cues = CueSet(getattr(ontology, "negation", None), nlp.tokenizer)
        built = Pipeline(nlp, model, parse.has_parse(nlp), thesaurus, cues, ontology)
        while len(_PIPELINES) >= _PIPELINES_KEPT:  # an Analyzer that holds an evicted one keeps it working
            del _PIPELINES[next(iter(_PIPELINES))]
        _PIPELINES[key] = built
        return built


def warm(ontology: Any | None = None, places: list[Any] | None = None) -> Pipeline:
    """Build the shipped ontology's pipeline now, and read the word lists and the lemma dictionary: a gunicorn
    master calls this before it forks (webapp/gunicorn_conf.py), so its workers share these pages."""
    from ontology import load_gazetteer, load_ontology

    ontology = ontology if ontology is not None else load_ontology()
    set_spelling(getattr(ontology, "spelling", None) or {})
    built = pipeline(ontology, places if places is not None else load_gazetteer())
    built.nlp("Warm: schulden en eenzaamheid in Aalten.")  # the lexemes and caches every first text needs
    # the word models too (theme, safety, who is typing: ~2 s of training on a busy machine): a worker that trained
    # them on its first request under load ran past gunicorn's timeout and answered 500 (session 7 CI)
    from match import safety_model, themeclf, writer

    themeclf.model_for(ontology)
    safety_model.model_for(ontology)
    writer.model()
    return built


def _register_factories() -> None:
    """Our spaCy components, registered on the first pipeline (not at import: that would import spaCy)."""
    from spacy.language import Language

    from match import compounds

    if not Language.has_factory("kaart_normalizer"):
        Language.factory("kaart_normalizer", default_config={}, func=make_normalizer)
    compounds.register_factory()


class Analyzer:
    """The Dutch analysis of one kaart: the process's shared `Pipeline` plus the places of this kaart's data.
    `analyze(text)` is pure and keeps nothing."""

    def __init__(self, ontology: Any, places: list[Any], data_places: set[str] | None = None) -> None:
        self.ontology = ontology
        set_spelling(getattr(ontology, "spelling", None) or {})
        shared = pipeline(ontology, places)
        self.nlp, self.model, self.parsed = shared.nlp, shared.model, shared.parsed
        self.thesaurus, self.cues = shared.thesaurus, shared.cues
        self.frames = frames.load_frames(ontology)  # a danger told in a course, a film, "voor als" (ADR 0119)
        nlp = self.nlp
        self.places: dict[tuple[str, ...], Any] = {}
        self.lower_ok: set[tuple[str, ...]] = set()
        self.postcodes: dict[str, Any] = {}  # PC4 -> kern (gazetteer aliases that are 4 digits)
        data_places = {fold(p) for p in (data_places or set())}
        # every kern of a gemeente the kaart covers is found in lower case too ("dinxper" on the Aalten kaart)
        gemeenten = {
            fold(p.gemeente) for p in places if getattr(p, "gemeente", "") and fold(p.name) in data_places
        }
        data_places |= {fold(p.name) for p in places if fold(getattr(p, "gemeente", "") or "") in gemeenten}
        for place in places:
            names = [place.name, *(getattr(place, "aliases", ()) or ())]
            for name in names:
                if name.isdigit():
                    self.postcodes[name] = place
                    continue
                key = tuple(fold(t.text) for t in nlp.tokenizer(name))
                prev = self.places.get(key)
                if prev is None or place_rank(place) > place_rank(
                    prev
                ):  # the region's first, then the larger
                    self.places[key] = place
                # a kern of the kaart is found in lower case under every name ("dinxper" is Dinxperlo)
                if (
                    fold(place.name) in data_places
                    or fold(name) in data_places
                    or (getattr(place, "population", 0) or 0) >= 50_000
                ):
                    self.lower_ok.add(key)
        self.max_place = max((len(k) for k in self.places), default=1)

    def analyze(self, text: str) -> Analysis:
        doc = self.nlp(text[:5000])
        result = Analysis(pipeline=self.model, guarded=set(doc.user_data.get("guarded", ())))
        spans = sorted(doc.spans.get("themes", []), key=lambda s: (s.start, -len(s)))
        words = [fold(t.text) for t in doc]
        result.words = set(words)
        result.tokens = words
        result.repaired = typos.repaired(doc)
        # Words of a thesaurus phrase, or that a signal rule matched on, are no cues ("geen loon" is the signal);
        # a cue between the words of a rule hit applies to it ("hij heeft nooit geld van haar gepakt").
        rule_items = [(s.start, s.end) for s in doc.spans.get("signal_items", [])]
        cues = self.cues.scan(
            words, [(s.start, s.end) for s in spans if not s.id_.startswith("rule:")] + rule_items
        )
        scopes = self._parse_scopes(doc, cues) if self.parsed else {}
        starts = frozenset(a for a, _ in rule_items)
        past = self.cues.past_tokens(words, cues, tenses(doc) if self.parsed else None)
        for span in spans:
            result.hits.append(self._context(words, cues, span, scopes, starts, past))
        result.hits = frames.mark(result.hits, spans, words, self.frames, self._danger)
        result.hits = not_now.mark(result.hits, spans, words, self._danger)  # later, over (ADR 0184)
        result.hits = declined_there.mark(
            result.hits, spans, words, self._danger
        )  # "daar hoef ik geen hulp bij"
        if self.parsed:
            self._victim(doc, spans, result)
        roles.apply(doc, words, result, self.ontology)  # "ik ben wijkverpleegkundige": no need (ADR 0120)
        result.ages, result.doelgroepen = ages.read(doc, text, result.hits, self.ontology)  # match/ages.py
        doelgroep_mentions(doc, result, self.ontology)
        self._places(doc, result)
        return result

    def _danger(self, tid: str) -> bool:
        return bool(getattr(self.ontology.themes.get(tid), "signal", None))

    def resolve_place(self, name: str) -> PlaceHit | None:
        """A place typed in the place field: any woonplaats or kern of the gazetteer, whatever its case."""
        key = tuple(fold(t.text) for t in self.nlp.tokenizer(name.strip()))
        place = self.places.get(key)
        if place is None:
            return None
        return PlaceHit(place.name, float(place.lat), float(place.lon), name.strip())

    def resolve_postcode(self, postcode: str) -> PlaceHit | None:
        """The kern of a postcode by its four digits (gazetteer data), when no geocoder can say more."""
        place = self.postcodes.get(postcode[:4])
        return PlaceHit(place.name, float(place.lat), float(place.lon), postcode) if place else None

    # -- context ---------------------------------------------------------------------------------------

    def _context(
        self,
        words: list[str],
        cues: list[Cue],
        span: Span,
        scopes: dict[int, parse.ParsedNegation] | None = None,
        item_starts: frozenset[int] = frozenset(),
        past: frozenset[int] = frozenset(),
    ) -> ThemeHit:
        """NegEx/ConText-style scope: see the rules at the top of ontology/negation.yaml. A negation cue the
        parse can place (`scopes`, keyed by cue start) is decided by the parse instead of the token window."""
        c = self.cues
        found: set[str] = set()
        for cue in cues:
            if cue.kind == "pseudo":
                continue
            if cue.direction == "subject":  # rule 9: "niemand wordt geslagen"
                at = [span.start] + [i for i in item_starts if span.start < cue.start < i < span.end]
                found.update(
                    {"negation"} if any(c.subject_negates(words, cue, i, span.end) for i in at) else ()
                )
                continue
            if span.start <= cue.start and cue.end <= span.end:  # inside a signal rule's hit: the cue applies
                # when it stands right before one of its words ("nooit geld van haar gepakt"), also through
                # coordination ("niet agressief of gevaarlijk")
                if cue.kind != "negation" or item_starts & (c.coordinated(words, cue.end) | {cue.end + 1}):
                    found.add(cue.kind)
                continue
            if cue.kind == "experiencer" and cue.start < span.start < cue.end:
                # the phrase starts at the person: "mijn [moeder van 92 is verward]"; not for a danger, whose
                # phrases name the victim themselves ("mijn [vriend slaat me]")
                if not getattr(self.ontology.themes.get(span.label_), "signal", None):
                    found.add(cue.kind)
                continue
            if (
                cue.kind == "negation"
                and cue.end <= span.start
                and span.start in c.coordinated(words, cue.end)
            ):
                found.add(cue.kind)  # "geen geweld, dreiging of stalking": every item of the list
                continue
            parsed = scopes.get(cue.start) if scopes and cue.kind == "negation" else None
            if (
                parsed is not None
                and cue.direction == "pre"
                and cue.start >= span.end
                and c.blocked(words, span.start if span.id_.startswith("rule:") else span.end, cue.start)
            ):
                continue  # a rule hit over two clauses: "… vies bed en mijn tante doet niks" denies nothing before
            if parsed is not None:
                if parse.negates(
                    parsed,
                    span,
                    lambda a, b, back: c.blocked(words, a, b, backward=back),
                    lambda start: c.ability_before(words, start),
                ):
                    found.add("negation")
                continue
            forward = (
                cue.end <= span.start
                and span.start - cue.end <= c.forward
                and not c.blocked(words, cue.end, span.start)
            )
            back_reach = c.bi_backward if cue.direction == "bi" else c.backward
            # a rule hit may reach into a clause of its own ("dochter haar slaat als ze | niet luistert"): a
            # backward terminator inside it ends the backward scope too
            back_from = span.start if span.id_.startswith("rule:") else span.end
            backward = (
                cue.start >= span.end
                and cue.start - span.end <= back_reach
                and not c.blocked(words, back_from, cue.start, backward=True)
            )
            # Rule 8: a backward "niet" after an ability verb states the problem ("ik snap de brieven niet").
            bi_backward = backward and not (
                cue.kind == "negation"
                and (c.ability_before(words, span.start) or c.ability_between(words, span.end, cue.start))
            )
            applies = {"pre": forward, "post": backward, "bi": forward or bi_backward}[cue.direction]
            if applies:
                found.add(cue.kind)
        if span.start in past:  # the clause scope of the past (match/cues.py `past_tokens`)
            found.add("historical")
        negated = "negation" in found
        return ThemeHit(
            theme_id=span.label_,
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            negated=negated,
            uncertain="uncertainty" in found and not negated,
            other_person="experiencer" in found,
            historical="historical" in found and not negated,
        )

    # -- with a parser (match/parse.py) -------------------------------------------------------------------

    def _parse_scopes(self, doc: Doc, cues: list[Cue]) -> dict[int, parse.ParsedNegation]:
        out: dict[int, parse.ParsedNegation] = {}
        for cue in cues:
            if cue.kind != "negation":
                continue
            for i in range(cue.start, cue.end):
                scope = parse.negation_scope(doc, i, self.cues.ability_verbs, fold)
                if scope is not None:
                    out[cue.start] = scope
                    break
        return out

    def _victim(self, doc: Doc, spans: list[Span], result: Analysis) -> None:
        """Who is in danger; a child victim of geweld also raises the theme for a child in danger."""
        themes = self.ontology.themes
        danger = [
            s
            for s, h in zip(spans, result.hits, strict=True)
            if not h.negated and getattr(themes.get(s.label_), "signal", None)
        ]
        result.victim = parse.victim(doc, danger, fold)
        if result.victim != "child" or parse.CHILD_THEME not in themes:
            return
        if any(
            h.theme_id in (parse.CHILD_THEME, "ouderenmishandeling") and not h.negated for h in result.hits
        ):
            # a child is already named, or an older person is the victim (safety.yaml `victim_age`, ADR 0101)
            return
        for hit in list(result.hits):
            if hit.theme_id in parse.CHILD_FROM_THEMES and not hit.negated:
                result.hits.append(replace(hit, theme_id=parse.CHILD_THEME))
                return

    # -- places --------------------------------------------------------------------------------------

    def _places(self, doc: Doc, result: Analysis) -> None:
        words = [fold(t.text) for t in doc]
        i = 0
        while i < len(doc):
            for size in range(min(self.max_place, len(doc) - i), 0, -1):
                key = tuple(words[i : i + size])
                place = self.places.get(key)
                if place is None:
                    continue
                capitalised = doc[i].text[:1].isupper() and i > 0 and doc[i - 1].text not in {".", "!", "?"}
                if key in self.lower_ok or capitalised or (doc[i].text[:1].isupper() and i == 0 and size > 1):
                    span = doc[i : i + size]
                    result.places.append(PlaceHit(place.name, float(place.lat), float(place.lon), span.text))
                    i += size - 1
                    break
            i += 1
        for m in POSTCODE_IN_TEXT.finditer(doc.text):  # "7122 AB": the kern of its four digits
            hit = self.resolve_postcode(m.group(1))
            if hit is not None:
                result.places.append(replace(hit, text=m.group(0)))


def add_doelgroep_ruler(nlp: Language, ontology: Any) -> None:
    """Doelgroep words and phrases ("mijn oma", "onze puber", "mantelzorger") as spans `doelgroepen`; phrase
    patterns on the lower-case words (a PhraseMatcher: cheap) and not on lemmas: "oude" is not "ouder",
    "kinderen" is not "kindje"."""
    patterns = []
    for group in ontology.doelgroepen.values():
        if group.id == "iedereen":
            continue
        for phrase in (*group.synonyms, *group.lay_phrases):
            if any(c.isdigit() for c in phrase):
                continue  # numbers are ages: the AGE pattern reads them
            patterns.append({"label": group.id, "pattern": phrase.lower()})
    ruler = nlp.add_pipe(
        "span_ruler",
        name="doelgroep_ruler",
        config={"spans_key": "doelgroepen", "overwrite": False, "phrase_matcher_attr": "LOWER"},
    )
    ruler.add_patterns(patterns)


def doelgroep_mentions(doc: Doc, result: Analysis, ontology: Any) -> None:
    """Groups named in the text; without a number in the text, their typical age (doelgroepen.yaml) stands in
    ("mijn oma" is about someone of about 75, so a youth service is no fit). Someone who mentions a child is
    not taken for an elderly person: then only the children's groups give an age."""
    found = list(dict.fromkeys(span.label_ for span in doc.spans.get("doelgroepen", [])))
    if not found:
        return
    result.doelgroepen = list(dict.fromkeys([*result.doelgroepen, *found]))
    if result.ages:
        return
    child = bool(result.words & CHILD_WORDS)
    for gid in found:
        group = ontology.doelgroepen.get(gid)
        age = getattr(group, "typical_age", None)
        if age is None or (child and (group.min_age or 0) >= 18):
            continue
        result.ages.append(age)


def install_decompounder(nlp: Language, thesaurus: Thesaurus, protected: frozenset[str]) -> None:
    """Split compounds into thesaurus words before normalising (match/compounds.py, ADR 0030); place names
    ("Bredevoort", "Dinxperlo") and the words of the signal rules ("verzorgster") are never split."""
    from match.compounds import Decompounder, install

    install(nlp, Decompounder(thesaurus.knows, protected=protected))
