"""Everyday needs told in words that need not stand together: the `need_rules` of ontology/words.yaml.

Why: lay Dutch puts words between the words of a need ("ik kan de huur deze maand niet betalen"), turns them
around as a learner does ("ik zoek les taal"), or uses a word whose sense only its neighbours decide ("opvang
voor onze dochter van 2" is kinderopvang, "opvang, ik slaap op straat" is dakloosheid). A phrase list cannot
enumerate that. A need rule names word groups, as a danger rule of ontology/safety.yaml does (match/signals.py),
and any sentence with one word of every group within `window` words raises its theme. The hit is a theme span
like a thesaurus phrase, so negation ("geen opvang nodig voor mijn dochter"), uncertainty and the experiencer
cues treat it the same way. The rules are data with ids; nothing here knows a word.

Privacy: the text is processed in memory only.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from match import laywords
from match.help_had import drop_help_had
from match.not_their_need import drop_others_needs
from match.signals import ITEMS_KEY, RULE_PREFIX, SignalRules, is_rule_span
from match.victim import read_victim
from match.words import _data, fold, has_phrase, need_rules, phrase_seqs, word_list, word_set

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_RULES: dict[int, SignalRules] = {}  # per pipeline (id of its nlp), as match/signals.py keeps its rules
_CLAIMS: dict[int, frozenset[tuple[str, ...]]] = {}  # per pipeline: negation cues that claim a lack's negator
_NEGATORS = frozenset({"geen", "zonder", "niet", "niets", "niks"})


def make_need_rules(nlp: Language, name: str) -> Any:
    """The `kaart_need_rules` component: rule hits join `doc.spans["themes"]` unless a thesaurus phrase or a
    danger rule already found that theme there; the words they matched are no negation cues."""
    from spacy.tokens import Span

    def find(doc: Doc) -> Doc:
        rules = _RULES.get(id(nlp))
        found = rules.find(doc) if rules is not None else []
        if not found:
            return _after_rules(doc, _CLAIMS.get(id(nlp), frozenset()))
        themes = list(doc.spans.get("themes", []))
        items = list(doc.spans.get(ITEMS_KEY, []))
        for rule_id, theme, start, end, parts in found:
            if any(s.label_ == theme and s.start <= start and end <= s.end for s in themes):
                continue  # the theme is already found here (by a phrase or another rule)
            themes.append(Span(doc, start, end, label=theme, span_id=RULE_PREFIX + rule_id))
            items.extend(Span(doc, s, e, label=theme) for s, e in parts)
        doc.spans["themes"] = themes
        doc.spans[ITEMS_KEY] = items
        return _after_rules(doc, _CLAIMS.get(id(nlp), frozenset()))

    return find


def _after_rules(doc: Doc, claims: frozenset[tuple[str, ...]]) -> Doc:
    """The steps after the rule hits: denials, clause ends, things said in passing, figures, a need that is
    someone else's or only the place (ADR 0177), who the victim of a theft is and help already had (ADR 0151)."""
    # the victim's need is read before whose need it is: a card stolen and a new one asked is no police matter
    # (ADR 0180)
    return drop_help_had(
        drop_others_needs(
            read_victim(_figurative(_in_passing(_at_clause_end(_yield_to_denials(doc, claims)))))
        )
    )


def _at_clause_end(doc: Doc) -> Doc:
    """A clause-final phrase ("ik kan niet meer") followed by what one can no longer do ("... fietsen") is no
    hit: ontology/words.yaml `clause-final-phrases` and `clause-final-followers` (ADR 0108)."""
    phrases = _clause_final()
    if not phrases[0]:
        return doc
    final, followers, fillers = phrases
    words = [fold(t.text) for t in doc]
    keep = []
    for s in doc.spans.get("themes", []):
        said = tuple(w for w in words[s.start : s.end] if w not in fillers)
        nxt = s.end
        while nxt < len(words) and words[nxt] in fillers and words[nxt] not in followers:
            nxt += 1
        if said in final and nxt < len(words) and words[nxt] not in followers:
            continue
        keep.append(s)
    doc.spans["themes"] = keep
    return doc


@cache
def _passing() -> tuple[tuple[frozenset[str], tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]], ...]:
    """(themes, phrases and unless phrases as folded word tuples) of words.yaml `in_passing`."""
    return tuple(
        (
            frozenset(r.get("themes") or ()),
            tuple(tuple(fold(p).split()) for p in r.get("phrases") or ()),
            tuple(tuple(fold(w).split()) for w in r.get("unless") or ()),
        )
        for r in _data().get("in_passing") or ()
    )


def _occurrences(words: list[str], phrase: tuple[str, ...], fillers: frozenset[str]) -> list[tuple[int, int]]:
    """Token ranges where `phrase` stands, filler words allowed between its words."""
    out = []
    for i, w in enumerate(words):
        if w != phrase[0]:
            continue
        j, k = i + 1, 1
        while k < len(phrase) and j < len(words):
            if words[j] == phrase[k]:
                k += 1
            elif words[j] not in fillers:
                break
            j += 1
        if k == len(phrase):
            out.append((i, j))
    return out


def _in_passing(doc: Doc) -> Doc:
    """A situation named on the way to the need ("ik zit in de bijstand en wil weer aan het werk") is no need
    of its own when another need is named outside it: words.yaml `in_passing` (questions4 class H)."""
    entries = _passing()
    spans = list(doc.spans.get("themes", []))
    if not entries or len(spans) < 2:
        return doc
    words, fillers = [fold(t.text) for t in doc], _clause_final()[2]
    passing: list[tuple[frozenset[str], int, int]] = []
    for themes, phrases, unless in entries:
        if any(_occurrences(words, u, fillers) for u in unless if u):
            continue  # the situation is part of the question
        passing.extend((themes, a, b) for p in phrases if p for a, b in _occurrences(words, p, fillers))
    if not passing:
        return doc

    def said_in_passing(s: Any) -> bool:
        return any(s.label_ in themes and a <= s.start and s.end <= b for themes, a, b in passing)

    if not any(not said_in_passing(s) and not any(s.label_ in t for t, _, _ in passing) for s in spans):
        return doc  # nothing else is asked: the situation is the need
    doc.spans["themes"] = [s for s in spans if not said_in_passing(s)]
    return doc


@cache
def _figures() -> tuple[tuple[frozenset[str], tuple[tuple[str, ...], ...], Any, Any], ...]:
    """(themes, phrases, `when` and `unless` phrases, all as folded word tuples) of words.yaml `figurative`."""
    return tuple(
        (
            frozenset(r.get("themes") or ()),
            tuple(tuple(fold(p).split()) for p in r.get("phrases") or ()),
            phrase_seqs(r.get("when")),
            phrase_seqs(r.get("unless")),
        )
        for r in _data().get("figurative") or ()
    )


def _said_so(words: list[str], when: Any, unless: Any) -> bool:
    """Is a figure meant as one here? With `when` only next to one of those words ("sta op straat" after a lost
    job: the work, not the roof, lay21), never next to an `unless` word ("geen dak", "slapen")."""
    return (not when or has_phrase(words, when)) and not has_phrase(words, unless)


def _figurative(doc: Doc) -> Doc:
    """A need word inside a figure of speech that means something else ("ze sterft duizend doden als ik laat thuis
    ben": worry, no death) is no need: words.yaml `figurative` (dev a762 as a class, ADR 0162). The rest of the
    sentence is read as always."""
    spans = list(doc.spans.get("themes", []))
    if not spans or not _figures():
        return doc
    words, fillers = [fold(t.text) for t in doc], _clause_final()[2]
    figures = [
        (themes, a, b)
        for themes, phrases, when, unless in _figures()
        if _said_so(words, when, unless)
        for p in phrases
        if p
        for a, b in _occurrences(words, p, fillers)
    ]
    if figures:
        doc.spans["themes"] = [
            s for s in spans if not any(s.label_ in t and a <= s.start and s.end <= b for t, a, b in figures)
        ]
    return doc


@cache
def _clause_final() -> tuple[frozenset[tuple[str, ...]], frozenset[str], frozenset[str]]:
    final = frozenset(tuple(p.split()) for p in word_list("clause-final-phrases"))
    return final, word_set("clause-final-followers"), word_set("fillers")


def _denial_cues(ontology: Any, tokenizer: Any) -> frozenset[tuple[str, ...]]:
    """Negation cues of ontology/negation.yaml with a negator after their first word ("zoek geen", "hoef geen",
    "heeft geen last van"): a verb of looking for or needing before a lack."""
    out = set()
    for cue in getattr(getattr(ontology, "negation", None), "negation_pre", ()) or ():
        words = tuple(fold(t.text) for t in tokenizer(cue))
        if len(words) > 1 and any(w in _NEGATORS for w in words[1:]):
            out.add(words)
    return frozenset(out)


def _yield_to_denials(doc: Doc, claims: frozenset[tuple[str, ...]]) -> Doc:
    """A lack phrase is the need itself ("ik heb geen werk", "geen huis"), so its negator is no cue (rule 1 of
    negation.yaml). After a verb of looking for or needing ("ik zoek geen werk", "ik hoef geen huis") the same
    words deny the need: the theme span gives up the words of that denial cue, which then negates it like any
    cue before a phrase (and the need leaves the text query too; ADR 0108)."""
    if not claims:
        return doc
    words = [fold(t.text) for t in doc]
    cues = [(i, i + len(c)) for i in range(len(words)) for c in claims if tuple(words[i : i + len(c)]) == c]
    if not cues:
        return doc
    from spacy.tokens import Span

    themes = []
    for s in doc.spans.get("themes", []):
        start = s.start
        for a, b in cues:
            if a < s.end and start < b < s.end:  # the cue reaches into the phrase, not over all of it
                start = max(start, b)
        themes.append(s if start == s.start else Span(doc, start, s.end, label=s.label_, span_id=s.id_))
    doc.spans["themes"] = themes
    # the words of a rule hit are no cues; the verb of the denial is one now ("zoek" of rule werk-zoeken)
    items = doc.spans.get(ITEMS_KEY, [])
    doc.spans[ITEMS_KEY] = [i for i in items if not any(a < i.end and i.start < b for a, b in cues)]
    return doc


def install(nlp: Language, ontology: Any) -> None:
    """Add the need rules after the danger rules (match/nlp.py builds the pipeline)."""
    from spacy.language import Language as _Language

    if not _Language.has_factory("kaart_need_rules"):
        _Language.factory("kaart_need_rules", default_config={}, func=make_need_rules)
    _RULES[id(nlp)] = SignalRules(need_rules(), set(ontology.themes), nlp.tokenizer)
    _CLAIMS[id(nlp)] = _denial_cues(ontology, nlp.tokenizer)
    laywords.install(nlp)  # English content words in learner Dutch (ADR 0144)
    nlp.add_pipe("kaart_need_rules")


__all__ = ["install", "is_rule_span"]
