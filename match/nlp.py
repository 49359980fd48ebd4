"""Dutch analysis of a hulpvraag: themes, safety signals, negation/uncertainty, ages and places.

The pipeline is spaCy: `nl_core_news_sm` when installed, otherwise (and always in tests) a blank Dutch pipeline.
Either way our own `kaart_normalizer` sets `token.norm_` to a folded lemma (simplemma: real lemmas offline)
with typo repair against the thesaurus vocabulary, and a `SpanRuler` built from the ontology thesaurus finds
themes on that NORM. Negation, uncertainty and the experiencer are decided per theme span by cue words from
`ontology/negation.yaml` within the span's clause.

Privacy: the text is processed in memory only. Nothing here logs, stores or caches it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import simplemma
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

MAX_PHRASE = 6
CLAUSE_BREAKS = {".", ";", "!", "?", ":", "maar", "wel", "echter", "alleen"}
SOFT_BREAKS = {",", "en", "of", "want", "omdat", "terwijl"}


def fold(text: str) -> str:
    """Lower-case and strip diacritics: suïcide == suicide, financiën == financien."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


@lru_cache(maxsize=50_000)
def norm_word(word: str) -> str:
    w = fold(word)
    if not w.isalpha():
        return w
    return fold(simplemma.lemmatize(w, lang="nl"))


@dataclass(frozen=True)
class ThemeHit:
    theme_id: str
    text: str
    start: int
    end: int
    negated: bool = False
    uncertain: bool = False
    other_person: bool = False


@dataclass(frozen=True)
class PlaceHit:
    name: str
    lat: float
    lon: float
    text: str


@dataclass
class Analysis:
    hits: list[ThemeHit] = field(default_factory=list)
    ages: list[int] = field(default_factory=list)
    doelgroepen: list[str] = field(default_factory=list)
    places: list[PlaceHit] = field(default_factory=list)

    def themes(self, *, include_negated: bool = False) -> dict[str, ThemeHit]:
        """One hit per theme: an affirmed mention wins over an uncertain one; negated ones are left out."""
        best: dict[str, ThemeHit] = {}
        for hit in self.hits:
            if hit.negated and not include_negated:
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
        seen: set[tuple[str, tuple[str, ...]]] = set()
        for theme in ontology.themes.values():
            phrases = [theme.label, *(getattr(theme, "synonyms", ()) or ()), *(getattr(theme, "lay_phrases", ()) or ())]
            if getattr(theme, "b1_label", None) and len(theme.b1_label.split()) <= 3:
                phrases.append(theme.b1_label)
            for phrase in phrases:
                norms = tuple(norm_word(t.text) for t in tokenizer(phrase) if not t.is_punct)
                if not norms or len(norms) > MAX_PHRASE or (theme.id, norms) in seen:
                    continue
                seen.add((theme.id, norms))
                self.vocab.update(n for n in norms if n.isalpha())
                self.patterns.append({"label": theme.id, "pattern": [{"NORM": n} for n in norms], "id": theme.id})
        self._deletes: dict[str, set[str]] = {}
        for word in self.vocab:
            if len(word) >= 5:
                for d in _deletes(word):
                    self._deletes.setdefault(d, set()).add(word)

    def repair(self, norm: str) -> str:
        """Map a misspelt word to the single thesaurus word one edit away (if exactly one is)."""
        if norm in self.vocab or len(norm) < 5 or not norm.isalpha():
            return norm
        candidates = set(self._deletes.get(norm, ()))
        for d in _deletes(norm):
            if d in self.vocab:
                candidates.add(d)
            candidates.update(self._deletes.get(d, ()))
        candidates = {c for c in candidates if abs(len(c) - len(norm)) <= 1}
        return next(iter(candidates)) if len(candidates) == 1 else norm


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


_thesaurus: dict[int, Thesaurus] = {}


@Language.factory("kaart_normalizer", default_config={})
def make_normalizer(nlp: Language, name: str) -> Any:
    def normalize(doc: Doc) -> Doc:
        thesaurus = _thesaurus.get(id(nlp))
        for token in doc:
            n = norm_word(token.text)
            token.norm_ = thesaurus.repair(n) if thesaurus else n
        return doc

    return normalize


AGE = re.compile(
    r"\b(?:van|is|wordt|werd|ben|zijn)\s+(\d{1,3})(?:\s*(?:jaar|jr))?\b|\b(\d{1,3})\s*(?:jaar|jr|-jarige|jarige)\b",
    re.IGNORECASE,
)
RELATIVE_AGE = {
    "baby": 0, "peuter": 2, "kleuter": 5, "puber": 14, "tiener": 15, "bejaard": 80, "hoogbejaard": 90,
}  # fmt: skip
PARENT_WORDS = {"zoon", "dochter", "kind", "kinderen", "kindje", "baby", "peuter", "kleuter", "puber", "tiener"}
CARER_WORDS = {"mantelzorger", "mantelzorg", "zorg voor mijn", "verzorg"}


class Analyzer:
    """Builds the spaCy pipeline once per process; `analyze(text)` is pure and keeps nothing."""

    def __init__(self, ontology: Any, places: list[Any], data_places: set[str] | None = None) -> None:
        try:
            nlp = spacy.load("nl_core_news_sm", exclude=["ner", "parser"])
            self.model = "nl_core_news_sm"
        except OSError:
            nlp = spacy.blank("nl")
            self.model = "blank nl + simplemma"
        self.ontology = ontology
        self.thesaurus = Thesaurus(ontology, nlp.tokenizer)
        _thesaurus[id(nlp)] = self.thesaurus
        nlp.add_pipe("kaart_normalizer")
        ruler = nlp.add_pipe("span_ruler", config={"spans_key": "themes", "overwrite": False})
        ruler.add_patterns(self.thesaurus.patterns)
        self.nlp = nlp
        neg = getattr(ontology, "negation", None)
        self.negation_cues = _cues(neg, "negation", ["geen", "niet", "nooit", "zonder", "geen sprake van", "niet aan de orde"])
        self.post_negation = _cues(neg, "post_negation", ["uitgesloten", "niet aan de orde", "niet van toepassing", "ontkend"])
        self.uncertainty_cues = _cues(
            neg, "uncertainty", ["mogelijk", "vermoedelijk", "misschien", "waarschijnlijk", "lijkt", "twijfel", "vermoeden", "zorgen over", "zou", "wellicht"]
        )
        self.pseudo = _cues(neg, "pseudo_negation", ["niet alleen", "geen idee", "niet meer leven", "niet meer zitten", "niet rond"])
        self.other_cues = _cues(neg, "experiencer", ["buurvrouw", "buurman", "buren", "vriendin", "vriend", "collega", "kennis"])
        self.places: dict[tuple[str, ...], Any] = {}
        self.lower_ok: set[tuple[str, ...]] = set()
        data_places = {fold(p) for p in (data_places or set())}
        for place in places:
            names = [place.name, *(getattr(place, "aliases", ()) or ())]
            for name in names:
                key = tuple(fold(t.text) for t in nlp.tokenizer(name))
                prev = self.places.get(key)
                if prev is None or (getattr(place, "population", 0) or 0) > (getattr(prev, "population", 0) or 0):
                    self.places[key] = place
                if fold(name) in data_places or (getattr(place, "population", 0) or 0) >= 50_000:
                    self.lower_ok.add(key)
        self.max_place = max((len(k) for k in self.places), default=1)

    def analyze(self, text: str) -> Analysis:
        doc = self.nlp(text[:5000])
        result = Analysis()
        norms = [t.norm_ for t in doc]
        for span in sorted(doc.spans.get("themes", []), key=lambda s: (s.start, -len(s))):
            result.hits.append(self._context(doc, norms, span))
        self._ages(doc, text, result)
        self._places(doc, result)
        return result

    # -- context ---------------------------------------------------------------------------------------

    def _context(self, doc: Doc, norms: list[str], span: Span) -> ThemeHit:
        start = span.start
        # Window back to the start of the clause (hard breaks), at most 6 tokens.
        lo = start
        while lo > 0 and start - lo < 6 and norms[lo - 1] not in CLAUSE_BREAKS:
            lo -= 1
        before = " ".join(norms[lo:start])
        hi = span.end
        while hi < len(doc) and hi - span.end < 5 and norms[hi] not in CLAUSE_BREAKS and norms[hi] not in SOFT_BREAKS:
            hi += 1
        after = " ".join(norms[span.end : hi])
        inside = " ".join(norms[span.start : span.end])
        window = f" {before} "
        negated = any(f" {c} " in window for c in self.negation_cues) and not any(
            f" {p} " in f" {before} {inside} " for p in self.pseudo if f" {p} " in f" {before} {inside} " and not p.startswith(inside)
        )
        # "niet" directly inside a lay phrase ("ik kom niet rond") is part of the phrase, not a negation.
        if negated and _only_cue_in(before, self.negation_cues) in ("niet",) and "niet" in inside.split():
            negated = False
        if not negated and any(f" {c} " in f" {after} " for c in self.post_negation):
            negated = True
        uncertain = any(f" {c} " in f" {before} " or f" {c} " in f" {after} " for c in self.uncertainty_cues)
        ctx_lo = max(0, start - 8)
        other = any(c in norms[ctx_lo:start] for c in self.other_cues)
        return ThemeHit(
            theme_id=span.label_,
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            negated=negated,
            uncertain=uncertain and not negated,
            other_person=other,
        )

    # -- ages and doelgroepen ------------------------------------------------------------------------------

    def _ages(self, doc: Doc, text: str, result: Analysis) -> None:
        for m in AGE.finditer(text):
            value = int(m.group(1) or m.group(2))
            if 0 <= value <= 110:
                result.ages.append(value)
        lowered = {t.norm_ for t in doc}
        for word, age in RELATIVE_AGE.items():
            if word in lowered:
                result.ages.append(age)
        groups: list[str] = []
        onto = self.ontology
        for age in result.ages:
            for g in onto.doelgroepen.values():
                lo, hi = getattr(g, "min_age", None), getattr(g, "max_age", None)
                if lo is not None and age >= lo and (hi is None or age < hi or (hi == lo or age <= hi)):
                    groups.append(g.id)
        if lowered & PARENT_WORDS and ("mijn" in lowered or "ons" in lowered or "onze" in lowered):
            groups.append("ouders")
        text_norm = " ".join(t.norm_ for t in doc)
        if any(w in text_norm for w in ("mantelzorg", "zorg voor mijn", "zorgen voor mijn", "verzorgen")):
            groups.append("mantelzorgers")
        if any(w in text_norm for w in ("statushouder", "vluchteling", "nieuwkomer", "asielzoeker")):
            groups.append("nieuwkomers")
        result.doelgroepen = [g for g in dict.fromkeys(groups) if g in onto.doelgroepen]

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


def _cues(neg: Any, key: str, default: list[str]) -> list[str]:
    values = None
    if isinstance(neg, dict):
        values = neg.get(key)
    elif neg is not None:
        values = getattr(neg, key, None)
    items = values if values else default
    out = []
    for item in items:
        text = item if isinstance(item, str) else (item.get("cue") or item.get("text") or "")
        if text:
            out.append(" ".join(norm_word(w) for w in text.split()))
    return sorted(set(out), key=len, reverse=True)


def _only_cue_in(before: str, cues: list[str]) -> str | None:
    found = [c for c in cues if f" {c} " in f" {before} "]
    return found[0] if len(found) == 1 else None
