"""School as the place where a child's behaviour shows is no school need (ontology/school-setting.yaml, helper
calm24, ADR 0185; dev a818's class).

Why: "Onze zoon van 7 liegt over alles, over zijn huiswerk en over wat hij op school heeft gedaan. Ik word er gek
van." read upbringing and school at the same weight, and the demo kaart's school cards (the support team at school,
"Basisschool: zorgen signaleren", the samenwerkingsverband) took the first places over the JGZ and the
jeugdconsulent. What is asked is the behaviour; "zijn huiswerk", "op school", "de juf" only tell where it shows.
When a need of a child's behaviour is read and every hit of the school need is school as the topic (homework itself,
or a school word with "over" / "voor" a few words before it in its sentence), the school need weighs a share of the
behaviour need: parenting help leads and school help may follow. A school need told in its own
words (marks, reading, not going to school) is a hit of other words and keeps its weight, and so does behaviour at
school ("krijgt op school elke dag een driftbui": the school's matter too, dev a047, a589); with no behaviour need
nothing changes. School told as going well ("verder doet ze het prima op school", a settled clause) is setting too.

Everything is data; this module knows no word. Privacy: the words are read in memory only; nothing is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from match.child_unread import everyday_need_first as _everyday_need_first
from match.clauses import settled_spans
from match.words import fold

_DATA = Path(__file__).resolve().parents[1] / "ontology" / "school-setting.yaml"
_TOKEN = re.compile(r"[^\W_]+|[.!?;]")
_ENDS = frozenset({".", "!", "?", ";"})


@cache
def _config() -> tuple[frozenset[str], str, float, frozenset[str], frozenset[str], int]:
    raw = yaml.safe_load(_DATA.read_text(encoding="utf-8")) or {}
    setting = frozenset(" ".join(fold(w) for w in str(p).split()) for p in raw.get("setting") or ())
    return (
        frozenset(str(t) for t in raw.get("behaviour") or ()),
        str(raw.get("school") or ""),
        float(raw.get("share", 0.5)),
        setting,
        frozenset(fold(str(w)) for w in raw.get("topic_cues") or ()),
        int(raw.get("reach", 5)),
    )


def _topic(hit: Any, text: str, settled: list[tuple[int, int]]) -> bool:
    """The school hit is school as the topic (homework itself, or a topic cue a few words before it) or told as
    going well ("doet ze het prima op school": a settled clause, match/clauses.py)."""
    _, _, _, setting, cues, reach = _config()
    if any(a <= hit.start and hit.end <= b for a, b in settled):
        return True
    if " ".join(fold(w) for w in str(hit.text).split()) in setting:
        return True
    before = _TOKEN.findall(fold(text[: hit.start]))[-reach:]
    while any(w in _ENDS for w in before):
        before = before[before.index(next(w for w in before if w in _ENDS)) + 1 :]
    return bool(cues.intersection(before))


def school_as_setting(weights: dict[str, float], hits: Iterable[Any], text: str) -> bool:
    """Lower (in place) the school need to a share of a child's behaviour need when every school hit is school as
    the topic of the behaviour ("liegt over zijn huiswerk"). True when it changed."""
    behaviour, school, share, _, _, _ = _config()
    if school not in weights:
        return False
    told = [w for t, w in weights.items() if t in behaviour]
    if not told:
        return False
    school_hits = [h for h in hits if h.theme_id == school and not h.negated]
    if not school_hits:
        return False
    settled = settled_spans(text)
    if not all(_topic(h, text, settled) for h in school_hits):
        return False
    lowered = share * max(told)
    if weights[school] <= lowered:
        return False
    weights[school] = lowered
    return True


def everyday_need_first(weights: dict[str, float], analysis: Any, known: Any, text: str) -> None:
    """The engine's step for the everyday need under strong words (match/child_unread.py, ADR 0159, 0167, 0171,
    0177), then school as the topic of a child's behaviour (here, ADR 0185): one call keeps `Matcher.match` short."""
    _everyday_need_first(weights, analysis, known)
    school_as_setting(weights, analysis.hits, text)
