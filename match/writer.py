"""Who is typing: a child or teenager, or an adult (issue 12 points 1 and 9, ADR 0131).

The rules find a young writer by known cue words (labels-inwoner.yaml `child_speaker`: "mijn juf", "mama",
"groep 7") or a stated age; independent testers' children and teenagers often use none ("sinds opa dood is ben ik
de hele tijd verdrietig", "mn vader zuipt elke avond en ik kan het aan niemand zeggen"). This model reads the words
instead: a two-class naive Bayes (young = kind + tiener, adult = volwassene + oudere) over folded words, their
character 4-grams (as match/themeclf.py) and word pairs ("ik mag", "mijn zoon": who speaks of whom). No spelling
map: chat spelling ("mn", "gwn", "ff") is part of what it learns. It is trained when first asked (~0.1 s, numpy only)
from every lay-voorbeelden*.yaml sentence that has a `writer:` label, and from the cue lists themselves (the
team's words, one more "author"). Thresholds are chosen by leave-one-author-out and author-grouped folds
(`cross_validate`, ADR 0131) so that adults writing ABOUT a child stay "u".

The matcher asks it only when the rules found no stated age and no cue either way (match/asker_age.py
`young_writer`, match/answer.py `speaks_as_child`): at `REGISTER_THRESHOLD` the page says "je"; only at the
stricter `AGE_THRESHOLD` does the asker also get a young writer's ages for the doelgroep fit. Unsure: nothing.

Privacy: the text is read in memory only; nothing here keeps it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from match import artefact
from match.artefact import bytes_of, lines_of
from match.themeclf import LAY_FILES, NGRAM, _yaml, author_of, words_of
from match.words import fold
from match.writer_acts import adult_by_acts, when_parent, young_by_acts
from match.writer_age import adult_by_own_words, adult_cue
from match.writer_speech import parent_words, reported_apart
from match.young_hand import cue_words, young_hand

LABELS_FILE = Path(__file__).resolve().parents[1] / "ontology" / "labels-inwoner.yaml"
YOUNG = frozenset({"kind", "tiener"})
ADULT = frozenset({"volwassene", "oudere"})
BACKGROUND = "background"
# The writer speaks of themself (not only "mijn" before another's name): without one of these the text tells
# another's state alone, and the model's guess about the writer's age has nothing of the writer's own (ADR 0163)
SPEAKS_OF_SELF = frozenset(
    {"ik", "me", "mij", "k", "'k", "kben", "kheb", "kweet", "wij", "we", "ons", "mezelf", "mn"}
)
# Lay files without `writer:` whose authors wrote as adults (the team's batch 1, authL, authN; authM wrote for young
# people too and is left out): the adult asking about their own life, which the labelled files barely have (authP's
# adults write about a child, authQ's tell long stories with their age). Taken as adult at a lower weight; a
# sentence with a child_speaker cue is left out (ADR 0131).
BACKGROUND_AUTHORS = frozenset({"team", "authL", "authN"})
W_BACKGROUND = 1.0
CUES = "cues"  # the author name of the child_speaker cue lists as training phrases
W_SENTENCE = 2.0  # a whole sentence weighs more than one cue phrase
W_NGRAMS = 1.0  # all character n-grams of a word together weigh this much next to the word itself
W_PAIRS = 0.5  # a word pair weighs half a word
ALPHA = 0.1  # additive smoothing (two classes, small data: a feature seen once is weak evidence)
MIN_EVIDENCE = 6.0
TEMPERATURE = 4.0  # spreads the per-feature log-odds into a usable probability
# Chosen by `choose_thresholds` over the held-out folds of `cross_validate` (ADR 0131): the lowest threshold at
# which "young" is right at least TARGET_REGISTER (the form of address) / TARGET_AGE (the ages, which move services)
# of the time on every fold.
REGISTER_THRESHOLD = 0.56
AGE_THRESHOLD = 0.57  # 0.56 until ADR 0138 (its new young_life words): chosen again by `choose_threshold`
TARGET_REGISTER = 0.95
TARGET_AGE = 0.98
GRID = tuple(round(0.5 + 0.01 * i, 2) for i in range(50))  # 0.5 … 0.99
BLOCKS = 5  # an author's sentences are held out in this many folds, grouped by topic (`topic_groups`)


def writer_features(words: Sequence[str]) -> dict[str, float]:
    """Words, their character 4-grams (compounds, chat spelling) and neighbouring word pairs ("ik mag", "mijn
    zoon"), each counted once: who writes shows in which words are there, not how often."""
    out: dict[str, float] = {}
    for w in words:
        if len(w) < 2:
            continue
        out["w:" + w] = 1.0
        padded = f"<{w}>"
        grams = [padded[i : i + NGRAM] for i in range(len(padded) - NGRAM + 1)]
        for g in grams:
            out["g:" + g] = min(1.0, out.get("g:" + g, 0.0) + W_NGRAMS / len(grams))
    for a, b in zip(words, words[1:], strict=False):
        out[f"p:{a} {b}"] = W_PAIRS
    return out


def _labelled(path: Path) -> list[tuple[str, bool]]:
    """(text, young) of every sentence of a lay file with a `writer:` label."""
    sentences = (_yaml(path) or {}).get("sentences") or []
    return [(s["text"], s["writer"] in YOUNG) for s in sentences if s.get("writer") in YOUNG | ADULT]


def _unlabelled(path: Path) -> list[tuple[str]]:
    sentences = (_yaml(path) or {}).get("sentences") or []
    return [(s["text"],) for s in sentences if not s.get("writer")]


def _has_cue(text: str, cues: Iterable[str]) -> bool:
    padded = f" {' '.join(_TOKEN.findall(fold(text)))} "
    return any(f" {c} " in padded for c in cues)


def training_sets(
    lay_files: Iterable[Path] = LAY_FILES, source_dir: Any = None
) -> dict[str, list[tuple[str, float, bool]]]:
    """Per author: (text, weight, young). The labelled lay sentences, and the child_speaker cue lists."""
    from ontology.inwoner import load_inwoner_labels  # the resident labels, cached per directory

    out: dict[str, list[tuple[str, float, bool]]] = {}
    for path in lay_files:
        rows = _labelled(path)
        if rows:
            out.setdefault(author_of(path), []).extend((t, W_SENTENCE, y) for t, y in rows)
    for path in lay_files:
        if author_of(path) in BACKGROUND_AUTHORS:
            rows = [
                t for (t,) in _unlabelled(path) if not _has_cue(t, load_inwoner_labels(source_dir).child_cues)
            ]
            out.setdefault(BACKGROUND, []).extend((t, W_BACKGROUND, False) for t in rows)
    labels = load_inwoner_labels(source_dir)
    cues = [(c, 1.0, True) for c in labels.child_cues] + [(c, 1.0, False) for c in labels.adult_cues]
    if cues:
        out[CUES] = cues
    return out


class WriterModel:
    """Naive Bayes, young against adult, kept as one log-odds number per feature. Features are kept as their
    hashes in a sorted array, not as strings in a dict (~25 000 of them: 0.2 MB instead of ~4 MB in each worker)."""

    def __init__(self, docs: Iterable[tuple[str, float, bool]]) -> None:
        self._index(train_arrays(docs))

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> WriterModel:
        """The model of `train_arrays` (trained now or read from its artefact, match/artefact.py, ADR 0146)."""
        model = cls.__new__(cls)
        model._index(arrays)
        return model

    def _index(self, arrays: dict[str, np.ndarray]) -> None:
        """Keep the features as this process's hashes, sorted (str hashes differ per process: the artefact keeps
        the feature strings, and they are hashed here, as training in this process would)."""
        keys = lines_of(arrays["features"])
        log_odds = arrays["log_odds"]
        if len(keys) != len(log_odds):
            raise ValueError("writer model artefact: arrays do not fit the features")
        hashes = np.fromiter((hash(k) for k in keys), dtype=np.int64, count=len(keys))
        del keys
        order = np.argsort(hashes)
        self.hashes = hashes[order]
        self.log_odds = log_odds[order]  # young over adult, per feature

    def p_young(self, text: str) -> float | None:
        """P(young | text), None when the text has no feature the model knows. Classes have equal priors."""
        feats = writer_features(words_of(text))
        if not feats or not len(self.hashes):
            return None
        h = np.fromiter((hash(f) for f in feats), dtype=np.int64, count=len(feats))
        n = np.fromiter(feats.values(), dtype=np.float64, count=len(feats))
        at = np.minimum(np.searchsorted(self.hashes, h), len(self.hashes) - 1)
        known = self.hashes[at] == h
        if not known.any():
            return None
        x = n[known]
        score = float(x @ self.log_odds[at[known]]) / max(float(x.sum()), MIN_EVIDENCE) * TEMPERATURE
        return float(1.0 / (1.0 + np.exp(-score)))


def train_arrays(docs: Iterable[tuple[str, float, bool]]) -> dict[str, np.ndarray]:
    """Naive Bayes counts per feature, young against adult: the features (sorted strings) and their log-odds."""
    counts: tuple[Counter[str], Counter[str]] = (Counter(), Counter())  # adult, young
    for text, weight, young in docs:
        target = counts[1 if young else 0]
        for f, n in writer_features(words_of(text)).items():
            target[f] += n * weight
    keys = sorted(counts[0].keys() | counts[1].keys())
    adult = np.fromiter((counts[0].get(k, 0.0) for k in keys), dtype=np.float64, count=len(keys))
    young = np.fromiter((counts[1].get(k, 0.0) for k in keys), dtype=np.float64, count=len(keys))
    del counts
    p_young = (young + ALPHA) / (young.sum() + ALPHA * len(young))
    p_adult = (adult + ALPHA) / (adult.sum() + ALPHA * len(adult))
    return {"features": bytes_of(keys), "log_odds": np.log(p_young / p_adult).astype(np.float32)}


def recipe() -> artefact.Recipe:
    """Everything the shipped model's training reads (the artefact's key): the lay example files, the resident
    labels (the child and adult cues), the code that reads them and makes the features."""
    from ontology import inwoner  # reads the cues from LABELS_FILE

    here = Path(__file__).resolve().parent
    return artefact.Recipe(
        "writer",
        files=(*LAY_FILES, LABELS_FILE),
        code=(here / "writer.py", here / "themeclf.py", here / "words.py", Path(inwoner.__file__)),
    )


_MODEL: list[WriterModel] = []


def model() -> WriterModel:
    """The shipped model, once per process on first use: loaded from its artefact when one was trained from the
    same files and code, else trained (~0.5 s) and written for the next process (ADR 0146)."""
    if not _MODEL:
        arrays = artefact.cached(
            recipe(),
            lambda: train_arrays(d for docs in training_sets().values() for d in docs),
            lambda a: a,
            lambda a: a,
        )
        _MODEL.append(WriterModel.from_arrays(arrays))
    return _MODEL[0]


def p_young(tokens: Sequence[str]) -> float | None:
    """P(young writer) of the question's folded tokens (match/nlp.py `Analysis.tokens`)."""
    return model().p_young(" ".join(tokens))


_TOKEN = re.compile(r"[\w']+")
_NUMBER = re.compile(r"(?<![\d.,])\d{1,2}(?![\d.,]\d)")


def rules_silent(text: str, source_dir: Any = None) -> bool:
    """The rules say nothing about who writes: no child_speaker cue and none of its `not_with` cues, and no number
    (an age, "groep 7", "klas 2"; stricter than match/ages.py): the only sentences the model is asked about."""
    from ontology.inwoner import load_inwoner_labels  # the resident labels, cached per directory

    labels = load_inwoner_labels(source_dir)
    tokens = _TOKEN.findall(fold(text))
    padded = f" {' '.join(tokens)} "
    if _NUMBER.search(text) or any(f" {c} " in padded for c in labels.adult_cues):
        return False
    return not any(f" {c} " in padded for c in labels.child_cues) and not grandparent_loss(tokens)


def _asked(model: WriterModel, text: str, ages: bool = False) -> float | None:
    """P(young) as the matcher asks it: None (not asked) for a text that names no young person's world (and for
    the ages, no word of a young person's own life)."""
    return model.p_young(text) if _in_world(_TOKEN.findall(fold(text)), ages) else None


def _in_world(tokens: Sequence[str], ages: bool) -> bool:
    data = _child_speaker()
    world = data["young_world"] | data["young_life"]
    return bool(world.intersection(tokens)) and (not ages or bool(data["young_life"].intersection(tokens)))


def says_young(tokens: Sequence[str], threshold: float) -> bool:
    """The model is at least this sure that a child or teenager wrote these folded tokens."""
    p = p_young(tokens)
    return p is not None and p >= threshold


def young(tokens: Sequence[str], labels: Any, threshold: float, ages: bool = False) -> bool:
    """A child or teenager writes: an adult cue says no (labels-inwoner.yaml `child_speaker.not_with`: "mijn
    dochter", "mijn werk"); a child cue or a grandparent's loss as a child tells it says yes; with neither, the
    model at `threshold` (REGISTER_THRESHOLD for the form of address, AGE_THRESHOLD and `ages` for the ages), and
    only about a text that names a young person's world (`young_world`: parents as a child has them; `young_life`:
    school, friends, a club), for the ages a word of their own life (`young_life`)."""
    return by_what(tokens, labels, threshold, ages) is not None


def by_what(tokens: Sequence[str], labels: Any, threshold: float, ages: bool = False) -> str | None:
    """`young`, saying how: "rules" (a cue, a grandparent's loss), "words" (the model, or the signs of a young
    hand: match/young_hand.py, ADR 0152), or None (not young). A spoken possessive counts as "mijn" for the cues
    ("mn zoon" is an adult's "mijn zoon"), and words of time stand outside them ("mijn ouders hebben elke avond
    ruzie" is the cue "mijn ouders hebben ruzie")."""
    words = when_parent(cue_words(tokens))  # "als papa gedronken heeft" is no "als papa" (ADR 0169)
    text = f" {' '.join(reported_apart(words))} "  # "het buurmeisje zegt dat mama …": not the writer's (0178)
    if adult_cue(words, labels.adult_cues) or adult_by_own_words(list(tokens)) or adult_by_acts(words):
        return (
            None  # "mijn dochter", "mijn werk"; "mijn vader van 78" (ADR 0156); a will, a friend of 45 (0169)
        )
    if young_by_acts(words):
        return "rules"  # "ik word volgende maand 18", "mijn beste vriendin", "papa … mijn zusje" (ADR 0169)
    if any(f" {c} " in text for c in labels.child_cues) or grandparent_loss(tokens):
        return "rules"
    if young_hand(tokens):
        return "words"  # a guess, as the model's: the ages serve the doelgroep fit only (match/asker_age.py)
    if not SPEAKS_OF_SELF.intersection(tokens):
        return None  # only another's state ("Mijn moeder praat ineens raar en haar arm is slap"): no guess (ADR 0163)
    own = reported_apart(tokens, parent_words())  # the style stays the writer's; the quoted "mama" is not
    return "words" if _in_world(own, ages) and says_young(own, threshold) else None


def grandparent_loss(tokens: Sequence[str]) -> bool:
    """ "opa is vorige week overleden", "sinds oma dood is": a grandparent named without "mijn" (as a child names
    them; an adult writes "mijn vader", "mijn schoonmoeder") near a word of death (labels-inwoner.yaml
    `child_speaker.bare_relatives`, `loss_words`, `loss_window`)."""
    data = _child_speaker()
    relatives, loss = data["bare_relatives"], data["loss_words"]
    window, possessive = int(data["loss_window"]), data["possessives"]
    for i, w in enumerate(tokens):
        near = tokens[max(0, i - window) : i + window + 1]
        if w in relatives and not (i and tokens[i - 1] in possessive) and loss.intersection(near):
            return True
    return False


_CHILD_SPEAKER: list[dict[str, Any]] = []


def _child_speaker() -> dict[str, Any]:
    if not _CHILD_SPEAKER:
        raw = (_yaml(LABELS_FILE) or {}).get("child_speaker") or {}
        _CHILD_SPEAKER.append(
            {
                "bare_relatives": frozenset(fold(str(w)) for w in raw.get("bare_relatives") or ()),
                "loss_words": frozenset(fold(str(w)) for w in raw.get("loss_words") or ()),
                "loss_window": raw.get("loss_window", 6),
                "possessives": frozenset(fold(str(w)) for w in raw.get("possessives") or ()),
                "young_world": frozenset(fold(str(w)) for w in raw.get("young_world") or ()),
                "young_life": frozenset(fold(str(w)) for w in raw.get("young_life") or ()),
            }
        )
    return _CHILD_SPEAKER[0]


def cross_validate(
    lay_files: Iterable[Path] = LAY_FILES, source_dir: Any = None, ages: bool = False
) -> dict[str, list[tuple[bool, float | None]]]:
    """Per held-out fold: (young, P(young)) of each sentence, by a model trained without it. The folds: each
    author left out whole (leave-one-author-out; the cue lists are no fold, they are phrases), and each author's
    sentences in BLOCKS folds by topic (`topic_groups`; the other authors stay in training)."""
    lay_files = tuple(lay_files)
    sets = training_sets(lay_files, source_dir)
    topics: dict[str, dict[str, str]] = {}
    for path in lay_files:
        for s in (_yaml(path) or {}).get("sentences") or []:
            topics.setdefault(author_of(path), {})[s["text"]] = (s.get("themes") or [""])[0]
    out: dict[str, list[tuple[bool, float | None]]] = {}
    for author, docs in sets.items():
        if author in (CUES, BACKGROUND):
            continue
        rest = [d for a, ds in sets.items() if a != author for d in ds]
        m = WriterModel(rest)
        out[f"{author} (left out)"] = [
            (y, _asked(m, t, ages)) for t, _, y in docs if rules_silent(t, source_dir)
        ]
        if not any(y for *_, y in docs) or all(y for *_, y in docs):
            continue  # one class only: the author-out fold says what there is to say
        groups = topic_groups(docs, topics.get(author, {}))
        for b in range(BLOCKS):
            m = WriterModel(rest + [d for d, g in zip(docs, groups, strict=True) if g != b])
            held = [d for d, g in zip(docs, groups, strict=True) if g == b]
            out[f"{author} topics {b + 1}"] = [
                (y, _asked(m, t, ages)) for t, _, y in held if rules_silent(t, source_dir)
            ]
    return out


def topic_groups(docs: list[tuple[str, float, bool]], topic: dict[str, str]) -> list[int]:
    """The fold of each sentence by its main theme: all sentences on one topic (the young writer's and the adult's
    about the same child) are held out together, so the model cannot lean on the topic (author-grouped folds)."""
    sizes = Counter(topic.get(t, "") for t, _, _ in docs)
    fold_of: dict[str, int] = {}
    load = [0] * BLOCKS
    for name, n in sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0])):
        b = load.index(min(load))
        fold_of[name] = b
        load[b] += n
    return [fold_of[topic.get(t, "")] for t, _, _ in docs]


def fold_scores(points: list[tuple[bool, float | None]], threshold: float) -> tuple[int, int, int, int]:
    """(true young, said young, all young, adults said young) at this threshold."""
    said = [y for y, p in points if p is not None and p >= threshold]
    return sum(said), len(said), sum(y for y, _ in points), len(said) - sum(said)


def choose_threshold(folds: dict[str, list[tuple[bool, float | None]]], precision: float) -> float:
    """The lowest threshold of GRID at which "young" is right at least `precision` of the time on each author left
    out (when it says "young" at all) and on each author's topic folds together (one fold holds 10-20 sentences
    said young: one mistake there is no rate)."""
    pooled: dict[str, list[tuple[bool, float | None]]] = {}
    for name, points in folds.items():
        pooled.setdefault(name if "left out" in name else name.split(" topics")[0], []).extend(points)
    for t in GRID:
        scores = [fold_scores(points, t) for points in pooled.values()]
        if all(said == 0 or tp / said >= precision for tp, said, _, _ in scores) and any(
            s[1] for s in scores
        ):
            return t
    return 1.0
