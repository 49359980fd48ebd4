"""A danger told by kinds of signal, not by one phrase: the `signal_kinds` of ontology/safety.yaml (ADR 0143).

Why: suicide risk is mostly told by someone who worries about another, and in passing: a father who lost his
business, sleeps badly, had his will changed and "says we are better off without him"; a friend who brought her cat
over, paid all her bills and "suddenly sounds so calm". 113's lists for naasten name KINDS of signal (a burden
told, a farewell act, a sudden calm after a dark time, a loss, no longer eating or sleeping), each in endless
wordings. A signal rule (match/signals.py) needs one word of every group in one place; phrase fixes for one
tester's sentence failed on the next wording (tester14 class B). A tally of kinds instead finds each kind with small,
general word rules (a possession + giving away; affairs + arranged; "zonder hem/haar/mij" + "beter af") and adds up
the weights of the different kinds told in a passage of a few sentences. At the threshold, and with at least one
kind that is a signal in itself (`core`: a loss, a low mood or bad sleep alone are never enough), the tally's theme
is raised like a rule hit. A kind's `unless` cancels that kind (a pet brought over for a holiday); the tally's
`unless` cancels the tally in the passage (a move, a retirement). The word model never raises 113 (ADR 0112):
this stays rule data. Nothing here knows a word.

Privacy: the text is processed in memory only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from match.signals import ITEMS_KEY, RULE_PREFIX, SignalRules, _item, _sentences


@dataclass(frozen=True)
class _KindRule:
    """One word rule of a kind, in the shape SignalRules compiles (its theme is the kind's id)."""

    id: str
    theme: str
    groups: tuple[tuple[str, ...], ...]
    window: int
    unless: tuple[str, ...]
    sentences: int = 1
    replaces: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Tally:
    id: str
    theme: str
    sentences: int
    threshold: float
    strong: float  # a core kind this heavy may be completed by the context
    weights: dict[str, float]
    core: frozenset[str]
    rules: SignalRules
    unless: tuple[tuple[frozenset[str], ...], ...]


def _words(value: Any) -> tuple[str, ...]:
    """A word list that may nest named lists (YAML anchors), as ontology/model.py `_flat` reads it."""
    if isinstance(value, list | tuple):
        return tuple(w for v in value for w in _words(v))
    return (" ".join(str(value).lower().split()),) if value else ()


class SignalKinds:
    """The tallies compiled once; `find(doc)` is pure."""

    def __init__(
        self, tallies: Any, themes: set[str], tokenizer: Any, barriers: tuple[str, ...] = ()
    ) -> None:
        self.tallies: list[_Tally] = []
        for f in tallies or ():
            if f.get("theme") not in themes:
                continue
            kinds = f.get("kinds") or ()
            rules = [
                _KindRule(
                    id=f"{k['id']}#{n}",
                    theme=str(k["id"]),
                    groups=tuple(_words(g) for g in r.get("all") or ()),
                    window=int(r.get("window", 8)),
                    unless=_words(r.get("unless")) + _words(k.get("unless")),
                    sentences=max(1, int(r.get("sentences", 1))),
                )
                for k in kinds
                for n, r in enumerate(k.get("rules") or ())
            ]
            self.tallies.append(
                _Tally(
                    id=str(f["id"]),
                    theme=str(f["theme"]),
                    sentences=max(1, int(f.get("sentences", 3))),
                    threshold=float(f.get("threshold", 2)),
                    strong=float(f.get("strong", f.get("threshold", 2))),
                    weights={str(k["id"]): float(k.get("weight", 1)) for k in kinds},
                    core=frozenset(str(k["id"]) for k in kinds if k.get("core", True)),
                    rules=SignalRules(tuple(rules), {str(k["id"]) for k in kinds}, tokenizer, barriers),
                    unless=tuple(_item(w, tokenizer) for w in _words(f.get("unless"))),
                )
            )

    def find(self, doc: Doc) -> list[tuple[str, str, int, int, list[tuple[int, int]]]]:
        """(tally id, theme, start, end, matched item spans) per tally hit: per passage of the tally's number of
        sentences, the kinds told there, each counted once at its weight."""
        out: list[tuple[str, str, int, int, list[tuple[int, int]]]] = []
        if not self.tallies:
            return out
        sentences = _sentences(doc)
        folded = None
        for tally in self.tallies:
            kinds = tally.rules.find(doc)
            if not kinds:
                continue
            if folded is None:
                folded = tally.rules._keys(doc)
            where: dict[str, list[int]] = {}
            for i, ks in enumerate(folded):
                for k in ks:
                    where.setdefault(k, []).append(i)
            for n, (lo, _) in enumerate(sentences):
                hi = sentences[min(n + tally.sentences, len(sentences)) - 1][1]
                inside = _one_kind_per_word(
                    [self._widest(tally, h, where, folded) for h in kinds if lo <= h[2] and h[3] <= hi], tally
                )
                told = {h[1] for h in inside}
                if not self._enough(tally, told):
                    continue
                if any(SignalRules._occurrences(where, folded, lo, hi, u) for u in tally.unless):
                    continue
                start, end = min(h[2] for h in inside), max(h[3] for h in inside)
                parts = sorted({p for h in inside for p in h[4]})
                out.append((tally.id, tally.theme, start, end, parts))
                break  # one hit per tally: the first passage that tells enough
        return out

    @staticmethod
    def _enough(tally: _Tally, told: set[str]) -> bool:
        """The kinds told reach the threshold: the core kinds alone, or a strong core kind (`strong`: a goodbye,
        a sudden calm) with the context. Context never lifts one weak kind (a will, "niemand tot last") over it: a
        grieving mother who eats badly and wants to be nobody's burden asks for company, not for 113."""
        core = [tally.weights.get(k, 0.0) for k in told & tally.core]
        if not core:
            return False
        if sum(core) >= tally.threshold:
            return True
        total = sum(tally.weights.get(k, 0.0) for k in told)
        return max(core) >= tally.strong and total >= tally.threshold

    @staticmethod
    def _widest(tally: _Tally, hit: tuple, where: dict[str, list[int]], keys: list[set[str]]) -> tuple:
        """A kind's hit with its longest wording: "niet langer tot last" rather than "tot last" (the shortest
        span wins in SignalRules), so the words of the signal are no negation cue for it."""
        rule = next((r for r in tally.rules.rules if r.id == hit[0]), None)
        if rule is None:
            return hit
        parts = set(hit[4])
        for group in rule.groups:
            for item in group:
                for s, e in SignalRules._occurrences(where, keys, max(0, hit[2] - 6), len(keys), item):
                    if any(s <= ps < e or ps <= s < pe for ps, pe in hit[4]) and e - s > 0:
                        parts.add((s, e))
        start, end = min(p[0] for p in parts), max(p[1] for p in parts)
        return (hit[0], hit[1], min(start, hit[2]), max(end, hit[3]), sorted(parts))


def _one_kind_per_word(hits: list[tuple], tally: _Tally) -> list[tuple]:
    """One word tells one kind: the heavier kind keeps it ("als zij er niet meer is" is a farewell, not also a
    loss)."""
    kept: list[tuple] = []
    taken: set[int] = set()
    for h in sorted(hits, key=lambda h: -tally.weights.get(h[1], 0.0)):
        words = {i for s, e in h[4] for i in range(s, e)}
        if words & taken:
            continue
        kept.append(h)
        taken |= words
    return kept


_KINDS: dict[int, SignalKinds] = {}  # per pipeline (id of its nlp), as match/signals.py keeps its rules


@Language.factory("kaart_signal_kinds", default_config={})
def make_signal_kinds(nlp: Language, name: str) -> Any:
    def signal_kinds(doc: Doc) -> Doc:
        tallies = _KINDS.get(id(nlp))
        found = tallies.find(doc) if tallies is not None else []
        if not found:
            return doc
        themes = list(doc.spans.get("themes", []))
        items = list(doc.spans.get(ITEMS_KEY, []))
        for tally_id, theme, start, end, parts in found:
            themes.append(Span(doc, start, end, label=theme, span_id=RULE_PREFIX + tally_id))
            items.extend(Span(doc, s, e, label=theme) for s, e in parts)
        doc.spans["themes"] = themes
        doc.spans[ITEMS_KEY] = items
        return doc

    return signal_kinds


def install(nlp: Language, ontology: Any) -> None:
    """Add the tallies after the signal rules: their hits join `doc.spans["themes"]` as rule hits do."""
    safety = getattr(ontology, "safety", None)
    _KINDS[id(nlp)] = SignalKinds(
        getattr(safety, "signal_kinds", ()) or (),
        set(ontology.themes),
        nlp.tokenizer,
        getattr(safety, "rule_barriers", ()) or (),
    )
    nlp.add_pipe("kaart_signal_kinds")
