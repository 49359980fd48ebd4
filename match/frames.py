"""Frames (ontology/frames.yaml, ADR 0119): a danger word inside a frame that says it is not happening now is no
danger now.

Why: "wij zoeken een cursus EHBO en reanimatie, voor als iemand een hartstilstand krijgt" put 112 on top (tester7,
F1) and "in een film die ze keek werd iemand neergestoken" did the same (dev s283). Learning first aid, keeping
it "voor als" someone ever needs it, a film, a game, a book, the news and a dream are frames; a danger theme whose
mention lies in a frame's scope is marked `framed` and leaves the question's themes like a negated one (no safety
level, no pull on the ranking, its words out of the text query), while the same danger told outside the frame
counts ("hij zegt dat hij me gaat neersteken, net als in die film": a frame after a comparison word is none).
Pure and keeps nothing; the frames are read once per ontology directory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from match.words import fold

_WORD = re.compile(r"[^\W_][\w'-]*")


@dataclass(frozen=True)
class Frame:
    id: str
    cues: tuple[tuple[str, ...], ...]
    tails: tuple[str, ...]  # single cue words that may end a longer word ("aed-training")
    themes: frozenset[str]  # the danger themes it applies to; empty: every one
    forward: int
    backward: int
    list_words: int = 0  # "en" within this many words of the cue goes on ("cursus EHBO en reanimatie")
    unless: frozenset[str] = (
        frozenset()
    )  # a hit with one of these words is told of the asker, not in the frame
    by_first: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict, hash=False, compare=False)

    def __post_init__(self) -> None:
        first: dict[str, list[tuple[str, ...]]] = {}
        for cue in self.cues:
            first.setdefault(cue[0], []).append(cue)
        self.by_first.update({w: tuple(c) for w, c in first.items()})


def _toks(text: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in str(text).split())


@dataclass(frozen=True)
class Frames:
    frames: tuple[Frame, ...]
    stops: frozenset[str]
    subjects: frozenset[str]
    now: tuple[tuple[str, ...], ...]
    comparisons: tuple[tuple[str, ...], ...]
    comparison_reach: int = 3

    def scopes(self, words: list[str]) -> list[tuple[Frame, frozenset[int]]]:
        """Per frame found in the text, the words its scope covers (the cue's own words included)."""
        out: list[tuple[Frame, frozenset[int]]] = []
        for frame in self.frames:
            covered: set[int] = set()
            for start, end in self._cues(frame, words):
                if self._compared(words, start):
                    continue
                covered.update(range(start, end))
                covered.update(self._forward(words, end, frame.forward, frame.list_words))
                covered.update(self._backward(words, start, frame.backward))
            if covered:
                out.append((frame, frozenset(covered)))
        return out

    def _cues(self, frame: Frame, words: list[str]) -> list[tuple[int, int]]:
        found = []
        for i, w in enumerate(words):
            for cue in frame.by_first.get(w, ()):
                if tuple(words[i : i + len(cue)]) == cue:
                    found.append((i, i + len(cue)))
            if any(w != t and w.endswith(t) and len(w) > len(t) + 2 for t in frame.tails):
                found.append((i, i + 1))  # "aed-training", "reanimatiecursus" kept whole
        return found

    def _compared(self, words: list[str], start: int) -> bool:
        """A comparison word shortly before the cue, in its clause: "net als in die film" is no frame."""
        for i in range(start - 1, max(-1, start - 1 - self.comparison_reach), -1):
            if words[i] in self.stops:
                return False
            if any(tuple(words[i : i + len(c)]) == c and i + len(c) <= start for c in self.comparisons):
                return True
        return False

    def _now(self, words: list[str], i: int) -> bool:
        return any(tuple(words[i : i + len(n)]) == n for n in self.now)

    def _forward(self, words: list[str], end: int, reach: int, list_words: int) -> set[int]:
        out: set[int] = set()
        for i in range(end, min(len(words), end + reach)):
            w = words[i]
            if w in self.stops or self._now(words, i):
                break
            if w == "en" and (
                i - end >= list_words or (i + 1 < len(words) and words[i + 1] in self.subjects)
            ):
                break  # "cursus EHBO en reanimatie" stays; "… en gisteren heeft hij me geslagen" does not
            out.add(i)
        return out

    def _backward(self, words: list[str], start: int, reach: int) -> set[int]:
        out: set[int] = set()
        for i in range(start - 1, max(-1, start - 1 - reach), -1):
            if words[i] in self.stops or words[i] == "en" or self._now(words, i):
                break
            out.add(i)
        return out


def mark(
    hits: list[Any], spans: list[Any], words: list[str], frames: Frames | None, danger: Any
) -> list[Any]:
    """The hits with `framed` set (the frame's id) for a danger theme whose mention starts in a frame's scope and
    holds none of the frame's `unless` words. `danger(tid)` says whether a theme is a danger theme. `spans` are the
    theme spans the hits were made from, in order."""
    if frames is None or not any(not h.negated and danger(h.theme_id) for h in hits):
        return hits
    scopes = frames.scopes(words)
    out = []
    for hit, span in zip(hits, spans, strict=True):
        framed = ""
        if not hit.negated and danger(hit.theme_id):
            for frame, covered in scopes:
                if (frame.themes and hit.theme_id not in frame.themes) or frame.unless.intersection(
                    words[span.start : span.end]
                ):
                    continue
                # the hit starts in the scope: a rule hit may run on past it ("… misbruikt, ze", "sloeg en nu vraagt
                # hij of papa"); a danger told outside the frame is a hit of its own that starts there
                if span.start in covered:
                    framed = frame.id
                    break
        out.append(replace(hit, framed=framed) if framed else hit)
    return out


@lru_cache(maxsize=8)
def _load(path: Path) -> Frames | None:
    if not path.is_file():
        return None
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    frames = tuple(
        Frame(
            id=str(f["id"]),
            cues=tuple(_toks(c) for c in f.get("cues") or () if c),
            tails=tuple(fold(t) for t in f.get("tails") or () if t),
            themes=frozenset(f.get("themes") or ()),
            forward=int(f.get("forward", 5)),
            backward=int(f.get("backward", 0)),
            list_words=int(f.get("list_words", 0)),
            unless=frozenset(fold(w) for w in f.get("unless") or () if w),
        )
        for f in raw.get("frames") or ()
        if f and f.get("id")
    )
    return Frames(
        frames=frames,
        stops=frozenset(fold(s) for s in raw.get("stops") or ()),
        subjects=frozenset(fold(s) for s in raw.get("subjects") or ()),
        now=tuple(_toks(n) for n in raw.get("now") or ()),
        comparisons=tuple(_toks(c) for c in raw.get("comparisons") or ()),
        comparison_reach=int(raw.get("comparison_reach", 3)),
    )


def load_frames(ontology: Any) -> Frames | None:
    """The frames of this ontology's directory (frames.yaml), or None when it has none."""
    source = getattr(ontology, "source_dir", None)
    return _load(Path(source) / "frames.yaml") if source else None


def past_steps_back(analysis: Any, past: set[str], present: set[tuple[str, ...]], least: int = 4) -> bool:
    """After the danger of the past the text goes on about now ("vroeger werd ik thuis mishandeld, nu ben ik zelf
    moeder en word ik snel boos op mijn kinderen"): a `present` word (negation.yaml `past_scope`) after the first
    word of every past mention, with at least `least` words after it. Then the need of now leads, also when no
    theme names it (ADR 0119): the past mentions are marked `frame-verleden`, so their words leave the text query
    too. A danger told only in the past keeps its weak pull. `past`: danger themes told only in the past that
    raised no level."""
    words = analysis.tokens
    mentions = [h for h in analysis.hits if h.theme_id in past and not h.negated]
    firsts = [fold(m.group()) for h in mentions for m in [_WORD.search(h.text)] if m]
    starts = [words.index(w) for w in firsts if w in words]
    if not starts or len(starts) < len(mentions):
        return False
    after = max(starts) + 1
    if not any(
        any(tuple(words[i : i + len(p)]) == p for p in present) for i in range(after, len(words) - least)
    ):
        return False
    analysis.hits = [replace(h, framed="frame-verleden") if h in mentions else h for h in analysis.hits]
    return True
