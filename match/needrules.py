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

from typing import TYPE_CHECKING, Any

from match.signals import ITEMS_KEY, RULE_PREFIX, SignalRules, is_rule_span
from match.words import need_rules

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_RULES: dict[int, SignalRules] = {}  # per pipeline (id of its nlp), as match/signals.py keeps its rules


def make_need_rules(nlp: Language, name: str) -> Any:
    """The `kaart_need_rules` component: rule hits join `doc.spans["themes"]` unless a thesaurus phrase or a
    danger rule already found that theme there; the words they matched are no negation cues."""
    from spacy.tokens import Span

    def find(doc: Doc) -> Doc:
        rules = _RULES.get(id(nlp))
        found = rules.find(doc) if rules is not None else []
        if not found:
            return doc
        themes = list(doc.spans.get("themes", []))
        items = list(doc.spans.get(ITEMS_KEY, []))
        for rule_id, theme, start, end, parts in found:
            if any(s.label_ == theme and s.start <= start and end <= s.end for s in themes):
                continue  # the theme is already found here (by a phrase or another rule)
            themes.append(Span(doc, start, end, label=theme, span_id=RULE_PREFIX + rule_id))
            items.extend(Span(doc, s, e, label=theme) for s, e in parts)
        doc.spans["themes"] = themes
        doc.spans[ITEMS_KEY] = items
        return doc

    return find


def install(nlp: Language, ontology: Any) -> None:
    """Add the need rules after the danger rules (match/nlp.py builds the pipeline)."""
    from spacy.language import Language as _Language

    if not _Language.has_factory("kaart_need_rules"):
        _Language.factory("kaart_need_rules", default_config={}, func=make_need_rules)
    _RULES[id(nlp)] = SignalRules(need_rules(), set(ontology.themes), nlp.tokenizer)
    nlp.add_pipe("kaart_need_rules")


__all__ = ["install", "is_rule_span"]
