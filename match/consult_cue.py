"""A professional's wish to consult is a meldcode consultation only with a cue of harm or unsafety (ontology/
everyday-twins.yaml `consult_cue`, helper safety21, ADR 0170).

Why: on /professional/ "Een leerling uit mijn klas 2 vapet elke pauze op de wc, met wie kan ik dit bespreken?" got
"Twijfelt u over de veiligheid van iemand?", the level "Consultatie bij een vermoeden (meldcode)" and the
aandachtsfunctionaris and Veilig Thuis first (tester20 BROKEN B7): no rule read a danger, the word model read "een
leerling … met wie kan ik dit bespreken" as a meldcode consultation. A pupil who vapes, plays truant, gets bad marks
or is bullied by classmates needs the ordinary youth and school help; the meldcode is for a suspicion of harm at
home. So the word model's consultation (or danger at home) for a professional is dropped when the question names such
an everyday need (`everyday_needs`: school, truancy, bullying, substance use, behaviour) and has no danger rule hit, no doubt whether someone is safe, names nobody around the person who could be the danger (safety.yaml
`consultation.worry.about`: home, parents, a carer, a partner) and no word of harm, neglect, abuse, a mark or fear
(`harm`). The question's needs are then those it had before the safety reading. A bruise, "bang voor zijn vader",
"durft niet naar huis", "zonder eten", "een vermoeden van kindermishandeling" keep the consultation.

Privacy: the words are read in memory only; nothing is kept.
"""

from __future__ import annotations

from typing import Any

from match.care_act import twins_config
from match.words import fold


def _seqs(items: Any) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold(str(p)).split()) for p in items or () if p)


_CFG = twins_config().get("consult_cue") or {}
HARM = _seqs(_CFG.get("harm"))
LEVELS = frozenset(str(lv) for lv in _CFG.get("levels") or ())
EVERYDAY = frozenset(str(t) for t in _CFG.get("everyday_needs") or ())


def _found(words: list[str], seqs: tuple[tuple[str, ...], ...]) -> bool:
    return any(tuple(words[i : i + len(p)]) == p for p in seqs for i in range(len(words) - len(p) + 1))


def has_harm_cue(assessor: Any, analysis: Any) -> bool:
    """A cue of harm or unsafety in the text: a danger rule hit, a doubt whether someone is safe, someone around
    the person (home, a parent, a carer), or a word of `harm`."""
    themes = assessor.onto.themes
    if any(not h.negated and getattr(themes.get(h.theme_id), "signal", None) for h in analysis.hits):
        return True
    words = list(analysis.tokens)
    consult = assessor.consult
    return consult.doubts(words) or consult.names_someone_around(words) or _found(words, HARM)


def consultation_needs_a_cue(
    assessor: Any,
    analysis: Any,
    audience: str,
    safety: Any,
    weights: dict[str, float],
    before: dict[str, float],
) -> Any:
    """`safety`, or no safety at all when it is a professional's guessed consultation (or danger at home) about
    an everyday need of a pupil or a young person (`before`: the needs before the safety reading) with no cue of harm
    in the text; then `weights` goes back to `before` (in place)."""
    if not safety.levels or not safety.uncertain:
        return safety
    if not all(lv.id in LEVELS for lv in safety.levels):
        return safety
    if not (audience == "professional" or assessor._is_professional(analysis, audience)):
        return safety
    if not EVERYDAY & set(before):  # no everyday need named: the word model's reading stands
        return safety
    if has_harm_cue(assessor, analysis):
        return safety
    weights.clear()
    weights.update(before)
    return type(safety)()
