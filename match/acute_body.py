"""A bodily emergency after 112: the huisarts next, and the API's crisis signal as the box says (tester20 B11, ADR
0169).

Why: the kind of an acute danger decides the help after 112 (safety.yaml `acute_kinds`, match/safety_acute.py,
ADR 0136), but by a list of words: "Mijn moeder van 82 praat ineens onduidelijk en haar linkerarm is helemaal slap"
(a stroke rule raised 112) named none of them, so the generic safety cluster followed 112 (the wijkagent,
Procesregie Zorg & Veiligheid). And "Opeens hangt de mondhoek van mijn vader naar beneden en hij kan zijn woorden
niet meer vinden" raised 112 by the safety word model only, whose guess is no crisis signal: the API said
`signals.crisis` false while the page showed the 112 box. Here the body decides: a part of the body with what is
wrong with it in one sentence, or an event of the body (ontology/acute-body.yaml). With the acute level raised and
no violence told (the `geweld` kind), the question gets the medical need (lichamelijke-gezondheid) at the acute
weight, and the crisis signal is set and the doubt taken away: the body confirms the guess, as the box already
says "bel 112" (the notice no longer opens with "Twijfelt u over de veiligheid?").

Privacy: the text is read in memory only; nothing here keeps it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from match.words import fold, has_phrase

BODY_FILE = Path(__file__).resolve().parents[1] / "ontology" / "acute-body.yaml"
ACUTE = "acuut-gevaar"
_ENDS = frozenset({".", "!", "?", ";", "\n"})


@cache
def _data() -> dict[str, Any]:
    raw = yaml.safe_load(BODY_FILE.read_text(encoding="utf-8")) or {}
    out: dict[str, Any] = dict(raw)
    for key in ("body", "state", "events"):
        out[key] = tuple(tuple(fold(str(p)).split()) for p in raw.get(key) or ())
    return out


def _at(words: Sequence[str], phrases: tuple[tuple[str, ...], ...]) -> list[int]:
    return [i for i in range(len(words)) for p in phrases if tuple(words[i : i + len(p)]) == p]


def body_in_trouble(tokens: Sequence[str]) -> bool:
    """A part of the body with what is wrong with it within the window in one sentence, or an event of the body
    ("zakte in elkaar", "reageert niet meer"). Folded tokens."""
    data = _data()
    window = int(data.get("window") or 8)
    sentence: list[str] = []
    for w in [*tokens, "."]:
        if w not in _ENDS:
            sentence.append(w)
            continue
        if _at(sentence, data["events"]):
            return True
        body, state = _at(sentence, data["body"]), _at(sentence, data["state"])
        if any(abs(b - s) <= window for b in body for s in state):
            return True
        sentence = []
    return False


def bodily_emergency(safety: Any, tokens: Sequence[str], weights: dict[str, float], kinds: Any) -> Any:
    """With 112 raised and no violence told: a medical kind of `acute_kinds` or a body in trouble gives the
    question the medical need at the acute weight (changes `weights` in place) and the answer a crisis signal
    without doubt.
    Returns the (new) Safety."""
    if not any(getattr(lv, "id", "") == ACUTE for lv in getattr(safety, "levels", ())):
        return safety
    data = _data()
    kind = kinds.kind(list(tokens)) if kinds is not None else None
    if kind is not None and kind.id == data.get("violence_kind"):
        # violence told by more than a part of the body ("zijn keel zwelt dicht" names no strangling)
        if has_phrase(list(tokens), tuple(p for p in kind.words if p not in data["body"])):
            return safety
        kind = None
    if not ((kind is not None and kind.needs) or body_in_trouble(tokens)):
        return safety
    need = str(data.get("need") or "lichamelijke-gezondheid")
    weights[need] = max(weights.get(need, 0.0), weights.get(ACUTE, 1.0))
    return replace(safety, crisis=True, uncertain=False)  # the body confirms: "bel 112", no "twijfelt u"
