"""Danger told in words that need not stand together: the `signal_rules` of ontology/safety.yaml.

Why: the Meldcode signals come in many word orders ("hij wil dood" / "dat hij dood wil"), with the actor, the
object and the act spread over a sentence ("mijn zoon haalt steeds geld van mijn rekening", "mijn broers houden
me de hele dag in de gaten"). A fixed phrase list cannot enumerate them; a rule names the word groups (a
relative, money, taking) and any sentence with one word of every group within a window raises the rule's theme.
The hit is a theme span like a thesaurus phrase, so negation ("hij heeft nooit geld van haar gepakt"),
uncertainty and the safety levels treat it the same way. The rules are data with ids; nothing here knows a word.

Privacy: the text is processed in memory only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import product
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from match.age_reading import STATED, TokenAges
from match.detail_danger import detail_danger, extra_rules
from match.safety_guard import PhraseGuard
from match.words import fold, norm_word, word_set

SENTENCE_END = {".", "!", "?", ";", "\n"}
RULE_PREFIX = "rule:"
ITEMS_KEY = "signal_items"  # the token spans the rules matched on: their words are no negation cues
SUFFIX_MIN = 6
FILLERS = word_set("fillers")
NEGATORS = word_set("negators")  # may stand between the words of a group word ("schreeuwt altijd tegen")


@dataclass(frozen=True)
class _Rule:
    id: str
    theme: str
    groups: tuple[tuple[tuple[frozenset[str], ...], ...], ...]  # per group: items = per token its keys
    window: int
    unless: tuple[tuple[frozenset[str], ...], ...]
    sentences: int = 1  # the groups may stand in this many consecutive sentences (a farewell told in passing)
    replaces: frozenset[str] = (
        frozenset()
    )  # rule ids whose hits this rule's hit replaces (a stroke, no psychosis)


# One object per distinct key set and item: the ~9 000 items of the signal and kind rules hold ~3 300 distinct key
# sets; shared, they cost a fraction of the memory (ADR 0168). Immutable values, compared by value: no answer changes.
_SHARED: dict[Any, Any] = {}


def _shared(value: Any) -> Any:
    """The one stored object equal to `value` (frozensets and tuples of them)."""
    return _SHARED.setdefault(value, value)


def _item(phrase: str, tokenizer: Any) -> tuple[frozenset[str], ...]:
    """A group word as token keys, per token its alternatives: the word as written and its lemma ("pakken" and
    "pak", so "pakt" -> "pakken" matches), or with "=word" only as written (surface keys are marked "=")."""
    if phrase.startswith("="):
        keys = [frozenset({"=" + fold(t.text)}) for t in tokenizer(phrase[1:]) if not t.is_punct]
    else:
        keys = [frozenset({fold(t.text), norm_word(t.text)}) for t in tokenizer(phrase) if not t.is_punct]
    return _shared(tuple(_shared(k) for k in keys))


class SignalRules:
    """The rules compiled to lemma keys once; `find(doc)` is pure."""

    def __init__(
        self, rules: tuple[Any, ...], themes: set[str], tokenizer: Any, barriers: tuple[str, ...] = ()
    ) -> None:
        self.barriers = frozenset(fold(b) for b in barriers)
        self.rules = [
            _Rule(
                r.id,
                r.theme,
                tuple(tuple(_item(w, tokenizer) for w in group if w) for group in r.groups),
                r.window,
                tuple(_item(w, tokenizer) for w in r.unless if w),
                max(1, getattr(r, "sentences", 1)),
                frozenset(getattr(r, "replaces", ()) or ()),
            )
            for r in rules
            if r.theme in themes and r.groups
        ]
        # per rule and group, the first keys of its items: a rule with a group absent from the text costs one check
        self.firsts = [[frozenset().union(*(item[0] for item in g)) for g in r.groups] for r in self.rules]
        self.suffixes = {
            key
            for r in self.rules
            for g in r.groups
            for item in g
            if len(item) == 1
            for key in item[0]
            if len(key) >= SUFFIX_MIN and not key.startswith("=")
        }

    def _keys(self, doc: Doc, masked: frozenset[int] = frozenset()) -> list[set[str]]:
        out: list[set[str]] = []
        for token in doc:
            if token.i in masked:  # a figurative idiom's word is no danger word (ADR 0142)
                out.append(set())
                continue
            surface = fold(token.text)
            keys = {surface, "=" + surface, token.norm_, norm_word(token.text)}
            for k in range(1, len(surface) - SUFFIX_MIN + 1):  # compound heads: "spaarrekening" -> "rekening"
                if surface[k:] in self.suffixes:
                    keys.add(surface[k:])
            out.append(keys)
        return out

    @staticmethod
    def _occurrences(
        where: dict[str, list[int]], keys: list[set[str]], lo: int, hi: int, item: tuple[frozenset[str], ...]
    ) -> list[tuple[int, int]]:
        found = [where[key] for key in item[0] if key in where]
        if not found:
            return []
        # one key's positions are already ascending and unique (a token's keys are a set)
        starts = found[0] if len(found) == 1 else sorted({i for at in found for i in at})
        out = []
        for i in starts:
            if i < lo:
                continue
            p = i + 1
            for alts in item[1:]:  # "schreeuwt (altijd) tegen": a filler word may stand between
                if p < hi and alts.isdisjoint(keys[p]) and keys[p] & FILLERS:
                    p += 1
                elif p + 1 < hi and alts.isdisjoint(keys[p]) and _age_phrase(keys, p):
                    p += 2  # "dochter (van 4) slaat": an age after a person is part of the person
                if p >= hi or alts.isdisjoint(keys[p]):
                    break
                p += 1
            else:
                if p <= hi:
                    out.append((i, p))
        return out

    def find(
        self, doc: Doc, masked: frozenset[int] = frozenset()
    ) -> list[tuple[str, str, int, int, list[tuple[int, int]]]]:
        """(rule id, theme, start, end, matched item spans) per rule hit, the tightest one per sentence; the
        words at `masked` are read by no rule (a figurative idiom: "ik word gek", ADR 0142)."""
        keys = self._keys(doc, masked)
        where: dict[str, list[int]] = {}
        for i, ks in enumerate(keys):
            for k in ks:
                where.setdefault(k, []).append(i)
        hits = []
        present = set(where)  # a set, so isdisjoint looks up the few first keys instead of walking the dict
        # a rule with a group none of whose words is in the text matches no sentence of it: checked once per text
        # and of those, only the items whose first word is in the text (the others occur nowhere)
        rules = [
            (rule, _present(rule.groups, present), _present((rule.unless,), present)[0])
            for rule, firsts in zip(self.rules, self.firsts, strict=True)
            if not any(first.isdisjoint(present) for first in firsts)
        ]
        if not rules:
            return hits
        sentences = _sentences(doc, self.barriers)
        words = [fold(t.text) for t in doc]
        seen: set[tuple[str, int, int]] = set()
        for n, (lo, _) in enumerate(sentences):
            for rule, groups, unless in rules:
                hi = sentences[min(n + rule.sentences, len(sentences)) - 1][1]
                per_group = []
                for group in groups:
                    occ = [o for item in group for o in self._occurrences(where, keys, lo, hi, item)]
                    if not occ:
                        break
                    per_group.append(occ)
                if len(per_group) < len(rule.groups):
                    continue
                vetoes = [o for u in unless for o in self._occurrences(where, keys, lo, hi, u)]
                slack = detail_danger().slack(rule.id, words, lo, hi)  # "met een schaar" (ADR 0186)
                best = _tightest(per_group, rule.window + slack)
                if vetoes and not (
                    best and detail_danger().keeps(rule.id, words, vetoes, (best[0][0], best[-1][1]))
                ):
                    if detail_danger().accident_veto(rule.id, words, lo, hi):  # no model reads it again
                        doc.user_data.setdefault("guarded", set()).add(rule.theme)
                    continue  # an `unless` word cancels, unless it is only detail of the act (ADR 0186)
                if best is not None:
                    start, end = best[0][0], max(e for _, e in best)
                    # every group word inside the hit is part of it, not a cue ("mag (niet meer) naar buiten")
                    parts = sorted({o for occ in per_group for o in occ if start <= o[0] and o[1] <= end})
                    if (rule.id, start, end) not in seen:  # a passage of sentences overlaps the next one's
                        seen.add((rule.id, start, end))
                        hits.append((rule.id, rule.theme, start, end, parts))
        replaced = {r for rule, _, _ in rules if rule.id in {h[0] for h in hits} for r in rule.replaces}
        return [h for h in hits if h[0] not in replaced]


def _present(groups: Any, present: set[str]) -> list[list[tuple[frozenset[str], ...]]]:
    """Per group, its items whose first token has a key in the text (in their order)."""
    return [[item for item in g if not item[0].isdisjoint(present)] for g in groups]


def _age_phrase(keys: list[set[str]], p: int) -> bool:
    """ "van 4", "van 16": an age phrase after a person noun."""
    return "=van" in keys[p] and any(k[1:].isdigit() for k in keys[p + 1] if k.startswith("="))


def _tightest(per_group: list[list[tuple[int, int]]], window: int) -> list[tuple[int, int]] | None:
    best, size = None, window + 1
    for combo in product(*(g[:6] for g in per_group)):
        positions = [i for s, e in combo for i in range(s, e)]
        if len(positions) != len(set(positions)):
            continue  # one word fills one group only
        start, end = min(s for s, _ in combo), max(e for _, e in combo)
        if end - start < size:
            best, size = sorted(combo), end - start
    return best


def _sentences(doc: Doc, barriers: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Sentences, and within them the part a contrast word starts after a negation (safety.yaml `rule_barriers`:
    "mijn vader slaat nooit, maar hij is wel streng" is no hit of "hij … slaat … mijn vader")."""
    out, start = [], 0
    for token in doc:
        contrast = token.lower_ in barriers and any(t.lower_ in NEGATORS for t in doc[start : token.i])
        if token.text in SENTENCE_END or "\n" in token.text or contrast:
            if token.i > start:
                out.append((start, token.i))
            start = token.i + 1
    if start < len(doc):
        out.append((start, len(doc)))
    return out


def is_rule_span(span: Span) -> bool:
    return span.id_.startswith(RULE_PREFIX)


def rule_words(ontology: Any) -> frozenset[str]:
    """Every single word of the rules, folded: the decompounder must leave them whole ("verzorgster" is not
    "verzorg" + "ster")."""
    rules = getattr(getattr(ontology, "safety", None), "signal_rules", ()) or ()
    words = [
        w.lstrip("=") for r in rules for g in (*r.groups, r.unless) for phrase in g for w in phrase.split()
    ]
    tallies = getattr(getattr(ontology, "safety", None), "signal_kinds", ()) or ()  # ADR 0143
    words += [w.lstrip("=") for f in tallies for k in f.get("kinds") or () for w in _kind_words(k)]
    return frozenset(fold(w) for w in words if w)


def _kind_words(kind: dict[str, Any]) -> list[str]:
    """The single words of a signal kind (safety.yaml `signal_kinds`): its rules' groups, for the decompounder."""
    groups = [g for r in kind.get("rules") or () for g in r.get("all") or ()]
    flat: list[Any] = list(groups)
    out: list[str] = []
    while flat:
        item = flat.pop()
        if isinstance(item, list | tuple):
            flat.extend(item)
        elif item:
            out.extend(str(item).lower().split())
    return out


class VictimAge:
    """The danger kind by the victim's age (safety.yaml `victim_age`, ADR 0101): child-abuse signals told about
    someone of 65 or older are ouderenmishandeling, and geweld against them is ouderenmishandeling as well. Why: a
    79-year-old with bruises she cannot explain was named and routed as kindermishandeling."""

    def __init__(self, cfg: dict[str, Any]) -> None:
        self.elder_from = int(cfg.get("elder_from", 65))
        self.child_under = int(cfg.get("child_under", 18))
        # the one age reader (match/age_reading.py, ADR 0153), with this block's words
        self.reader = TokenAges.for_victims(cfg, self.child_under, self.elder_from)
        self.relabel: dict[str, str] = dict(cfg.get("relabel") or {})
        self.add: dict[str, str] = dict(cfg.get("add") or {})

    def _ages(self, words: list[str]) -> list[int]:
        """The ages told as numbers ("van 84", "(79)", "80-jarige"); the safety guard reads them too."""
        return [int(m.lo) for m in self.reader.stated(words) if m.sure == STATED]

    def elder_victim(self, doc: Doc) -> bool:
        """An older person is named (an age of 65 or more, "bejaarde") and no child is ("peuter", "van 7")."""
        found = self.reader.stated([fold(t.text) for t in doc])
        if any(m.hi is not None and m.hi < self.child_under for m in found):
            return False
        return any(m.lo >= self.elder_from and (m.sure != STATED or m.lo <= 110) for m in found)

    def apply(self, doc: Doc, themes: list[Span]) -> list[Span]:
        if not any(s.label_ in self.relabel or s.label_ in self.add for s in themes) or not self.elder_victim(
            doc
        ):
            return themes
        out = []
        for s in themes:
            out.append(Span(doc, s.start, s.end, label=self.relabel.get(s.label_, s.label_), span_id=s.id_))
            if s.label_ in self.add:
                out.append(Span(doc, s.start, s.end, label=self.add[s.label_], span_id=s.id_))
        return out


_RULES: dict[int, SignalRules] = {}  # per pipeline (id of its nlp), as match/nlp.py keeps its thesaurus
_VICTIM_AGE: dict[int, VictimAge] = {}
_GUARD: dict[int, PhraseGuard] = {}


@Language.factory("kaart_signal_rules", default_config={})
def make_signal_rules(nlp: Language, name: str) -> Any:
    def signal_rules(doc: Doc) -> Doc:
        rules = _RULES.get(id(nlp))
        guard = _GUARD.get(id(nlp))
        masked = guard.harm.masked([fold(t.text) for t in doc]) if guard is not None else frozenset()
        found = rules.find(doc, masked) if rules is not None else []
        victim_age = _VICTIM_AGE.get(id(nlp))
        if not found:
            if victim_age is not None and doc.spans.get("themes"):
                doc.spans["themes"] = victim_age.apply(doc, list(doc.spans["themes"]))
            return doc
        themes = list(doc.spans.get("themes", []))
        items = list(doc.spans.get(ITEMS_KEY, []))
        for rule_id, theme, start, end, parts in found:
            if any(
                s.label_ == theme and s.start <= start and end <= s.end and not is_rule_span(s)
                for s in themes
            ):
                continue
            themes.append(Span(doc, start, end, label=theme, span_id=RULE_PREFIX + rule_id))
            items.extend(Span(doc, s, e, label=theme) for s, e in parts)
        doc.spans["themes"] = victim_age.apply(doc, themes) if victim_age is not None else themes
        doc.spans[ITEMS_KEY] = items
        return doc

    return signal_rules


def pronoun_stops() -> Callable[[str], bool]:
    """Is this tokenizer exception a pronoun with its full stop ("me.")? In a hulpvraag the stop ends a sentence."""
    pronouns = word_set("object-pronouns") | word_set("subject-pronouns")
    return lambda exception: exception.endswith(".") and fold(exception[:-1]) in pronouns


def pronouns_end_sentences(nlp: Language) -> None:
    """spaCy's Dutch tokenizer keeps "me." whole (the abbreviation of mevrouw), so "mijn man slaat me." had no
    "slaat me" in it and raised nothing: in a hulpvraag "me" is the pronoun, and its full stop ends the sentence."""
    rules = nlp.tokenizer.rules or {}
    stop = pronoun_stops()
    dropped = {k for k in rules if stop(k)}
    if dropped:  # a loaded pipeline's tokenizer (blank Dutch is built without them: parse.load_pipeline)
        nlp.tokenizer.rules = {k: v for k, v in rules.items() if k not in dropped}


def install(nlp: Language, ontology: Any) -> None:
    """Add the rules after the thesaurus ruler: their hits join `doc.spans["themes"]` (unless the thesaurus
    already found that theme there) and the words they matched are kept in `doc.spans["signal_items"]`."""
    safety = getattr(ontology, "safety", None)
    _RULES[id(nlp)] = SignalRules(
        tuple(getattr(safety, "signal_rules", ()) or ()) + extra_rules(),  # danger-detail.yaml (ADR 0186)
        set(ontology.themes),
        nlp.tokenizer,
        getattr(safety, "rule_barriers", ()) or (),
    )
    _VICTIM_AGE[id(nlp)] = VictimAge(getattr(safety, "victim_age", None) or {})
    nlp.add_pipe("kaart_signal_rules")


@Language.factory("kaart_phrase_guard", default_config={})
def make_phrase_guard(nlp: Language, name: str) -> Any:
    def phrase_guard(doc: Doc) -> Doc:
        guard = _GUARD.get(id(nlp))
        if guard is not None:
            doc.spans["themes"] = guard.apply(
                doc, list(doc.spans.get("themes", []))
            )  # "de bus valt steeds uit"
        return doc

    return phrase_guard


def install_guard(nlp: Language, ontology: Any) -> None:
    """Add the phrase guards (safety.yaml `phrase_guards`, ADR 0107) after every component that adds theme spans
    (the thesaurus, the danger rules and the need rules): a person's phrase said of a thing is no hit."""
    safety = getattr(ontology, "safety", None)
    _GUARD[id(nlp)] = PhraseGuard(getattr(safety, "phrase_guards", None) or {}, _VICTIM_AGE.get(id(nlp)))
    nlp.add_pipe("kaart_phrase_guard")
