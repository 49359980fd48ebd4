"""A word model for danger the safety rules miss: a second opinion, never the first (issue 12 point 5, ADR 0117).

Why: the rules of ontology/safety.yaml pass every one of the team's 1 100 own sentences, yet on wording nobody on
the team wrote a quarter of the dangers at home and a third of the consultation questions raised nothing (safety
batch 5 A). The rules recognise the phrasings they were written for; this model reads words. It is the same kind of
model as the theme model (match/themeclf.py, ADR 0112): multinomial naive Bayes over folded words and their
character 4-grams, idf-weighted over the classes, with a temperature. Classes are the danger kinds of the test set
(acuut, suicide, psychiatrisch, veilig-thuis, consultatie) and `geen`; it is trained at start-up from
ontology/safety-voorbeelden.yaml (the team's own safety sentences, controls included) and nothing else.

It is asked only when the rules raised nothing and the text has no denied, past, topic-only or suppressed danger;
it may raise Veilig Thuis or the consultation level (never 112, 113 or the crisisdienst) when its best class is one
of those two at a probability of at least `THRESHOLD`, chosen by cross-validation on the training sentences
(`cross_validate`, `choose_threshold`). It keeps nothing between texts.
"""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from match.safety_consult import _found, _phrases
from match.themeclf import LAY_FILE, _yaml, features, words_of

EXAMPLES = Path(__file__).resolve().parents[1] / "ontology" / "safety-voorbeelden.yaml"
KINDS = ("acuut", "suicide", "psychiatrisch", "veilig-thuis", "consultatie", "geen")
# the classes the model may raise, and the safety level (ontology/safety.yaml) each raises
RAISES = {"veilig-thuis": "onveilig-thuis", "consultatie": "consultatie"}
EPOCHS = 60
LEARNING_RATE = 0.1
L2 = 1e-4
TARGET_PRECISION = 0.95  # of a raise by the model, over the training sentences by 5-fold cross-validation
THRESHOLD = 0.76  # chosen by choose_threshold(cross_validate()) at TARGET_PRECISION (ADR 0117; 0.70 with batch 6 C, ADR 0122; 0.76 without the 10 near copies, ADR 0127)
MIN_WORDS = 5
W_MODEL = 0.6  # a danger the model read weighs as an uncertain need  # a few words are no story of danger ("bang in het donker")


@dataclass(frozen=True)
class Opinion:
    kind: str
    probability: float
    level: str | None  # the safety level it raises, or None


def examples(path: Path = EXAMPLES, everyday: Path | None = LAY_FILE) -> list[tuple[str, str]]:
    """(text, kind) of the training sentences: the safety sentences, and as `geen` the everyday hulpvragen of lay
    batch 1 (ontology/lay-voorbeelden.yaml, no danger in them), so that "mijn ex", "mijn vader" or "bang" alone do
    not read as danger."""
    out = [(str(s["text"]), str(s["kind"])) for s in _yaml(path)["sentences"]]
    if everyday is not None and everyday.exists():
        out.extend((str(s["text"]), "geen") for s in _yaml(everyday)["sentences"])
    return out


def _features(words: list[str]) -> dict[str, float]:
    """Words, their character 4-grams (compounds, typos; themeclf.features) and word pairs ("laat haar", "mag niet")."""
    out = dict(features(words))
    for a, b in zip(words, words[1:], strict=False):
        out["b:" + a + "_" + b] = out.get("b:" + a + "_" + b, 0.0) + 1.0
    return out


class SafetyModel:
    """Multinomial logistic regression over the danger kinds and `geen` (numpy, sparse by hand): unlike naive
    Bayes its probabilities are fit to the data, so a threshold on them means what it says."""

    def __init__(self, docs: list[tuple[str, str]], spelling: dict[str, str] | None = None) -> None:
        self.spelling = dict(spelling or {})
        # safety.yaml `second_opinion.unless`: arrangements that are no danger (a bewindvoerder holding the pinpas)
        self.unless: tuple[tuple[str, ...], ...] = ()
        col = {k: i for i, k in enumerate(KINDS)}
        self.vocab: dict[str, int] = {}
        rows, idx, vals, gold = array("q"), array("q"), array("d"), array("q")
        for text, kind in docs:
            if kind not in col:
                continue
            feats = _features(words_of(text, self.spelling))
            norm = math.sqrt(sum(v * v for v in feats.values())) or 1.0
            for f, n in feats.items():
                rows.append(len(gold))
                idx.append(self.vocab.setdefault(f, len(self.vocab)))
                vals.append(n / norm)
            gold.append(col[kind])
        r = np.frombuffer(rows, dtype=np.int64)
        c = np.frombuffer(idx, dtype=np.int64)
        v = np.frombuffer(vals)
        y = np.frombuffer(gold, dtype=np.int64)
        n_docs, n_feat, k = len(y), len(self.vocab), len(KINDS)
        self.weights = np.zeros((n_feat, k))
        self.bias = np.zeros(k)
        if not n_docs:
            return
        onehot = np.eye(k)[y]
        # rows come in document order: each document's features are one slice (reduceat); the same by feature for
        # the gradient, sorted once
        doc_starts = np.flatnonzero(np.r_[True, r[1:] != r[:-1]])
        docs_seen = r[doc_starts]
        by_feat = np.argsort(c, kind="stable")
        c_sorted = c[by_feat]
        feat_starts = np.flatnonzero(np.r_[True, c_sorted[1:] != c_sorted[:-1]])
        feats_seen = c_sorted[feat_starts]
        vv = v[:, None]
        m_w, v_w = np.zeros_like(self.weights), np.zeros_like(self.weights)
        for step in range(1, EPOCHS + 1):  # Adam on the mean cross-entropy plus an L2 penalty
            logits = np.tile(self.bias, (n_docs, 1))
            logits[docs_seen] += np.add.reduceat(self.weights[c] * vv, doc_starts, axis=0)
            logits -= logits.max(axis=1, keepdims=True)
            prob = np.exp(logits)
            prob /= prob.sum(axis=1, keepdims=True)
            err = (prob - onehot) / n_docs
            grad = L2 * self.weights
            grad[feats_seen] += np.add.reduceat((err[r] * vv)[by_feat], feat_starts, axis=0)
            self.bias -= LEARNING_RATE * err.sum(axis=0)
            m_w = 0.9 * m_w + 0.1 * grad
            v_w = 0.999 * v_w + 0.001 * grad * grad
            self.weights -= (
                LEARNING_RATE * (m_w / (1 - 0.9**step)) / (np.sqrt(v_w / (1 - 0.999**step)) + 1e-8)
            )

    def predict(self, text: str) -> list[tuple[str, float]]:
        """Kinds by probability, best first ([] when the model knows none of the words)."""
        feats = _features(words_of(text, self.spelling))
        known = [(self.vocab[f], n) for f, n in feats.items() if f in self.vocab]
        if not known:
            return []
        norm = math.sqrt(sum(n * n for n in feats.values())) or 1.0
        logits = self.bias + sum(self.weights[i] * (n / norm) for i, n in known)
        p = np.exp(logits - logits.max())
        p /= p.sum()
        return [(KINDS[i], float(p[i])) for i in np.argsort(-p)]

    def opinion(self, text: str, threshold: float = THRESHOLD) -> Opinion | None:
        """The level the model would raise for this text, or None."""
        if len(words_of(text)) < MIN_WORDS:
            return None
        guesses = self.predict(text)
        if not guesses:
            return None
        kind, p = guesses[0]
        return Opinion(kind, p, RAISES.get(kind) if p >= threshold else None)


def second_opinion(
    model: SafetyModel | None,
    tokens: list[str],
    professional: bool,
    safety: Any,
    raised: dict[str, set[str]],
    weights: dict[str, float],
) -> str | None:
    """Raise the level the model reads in the text, if any: Veilig Thuis, or the consultation level for a
    professional (a professional who tells of danger at home asks for advice first, the meldcode) or for a text the
    model reads as a consultation question. Never 112, 113 or the crisisdienst. Changes `raised` and `weights` in
    place; returns the level raised."""
    if model is None or _found(tokens, model.unless):
        return None
    opinion = model.opinion(" ".join(tokens))
    if opinion is None or opinion.level is None:
        return None
    # consultation is a professional's question; a resident who tells of danger at home gets Veilig Thuis
    level_id = RAISES["consultatie"] if professional else RAISES["veilig-thuis"]
    level = safety.level(level_id)
    if level is None or not level.raised_by:
        return None
    theme = level.raised_by[-1]  # the broadest: "veiligheid" for Veilig Thuis, "meldcode-advies" for advice
    raised[level.id] = {theme}
    weights.setdefault(theme, W_MODEL)
    return level.id


_MODELS: dict[int, tuple[Any, SafetyModel]] = {}


def model_for(onto: Any) -> SafetyModel:
    """One model per ontology object: built once per process (~1-2 s on a busy machine)."""
    key = id(onto)
    if key not in _MODELS or _MODELS[key][0] is not onto:
        model = SafetyModel(examples(), dict(getattr(onto, "spelling", {}) or {}))
        # safety.yaml `second_opinion`, as the ontology loader read it (no second read of the file)
        config = getattr(getattr(onto, "safety", None), "second_opinion", None) or {}
        model.unless = _phrases(config.get("unless"))
        _MODELS[key] = (onto, model)
    return _MODELS[key][1]


def cross_validate(folds: int = 5, path: Path = EXAMPLES) -> list[tuple[str, float, str]]:
    """(predicted kind, its probability, gold kind) for every training sentence, each predicted by a model trained
    without its fold: the data the threshold is chosen on (ADR 0117)."""
    docs = examples(path)
    out: list[tuple[str, float, str]] = []
    for k in range(folds):
        model = SafetyModel([d for i, d in enumerate(docs) if i % folds != k])
        for i, (text, gold) in enumerate(docs):
            if i % folds == k:
                guesses = model.predict(text)
                if guesses:
                    out.append((guesses[0][0], guesses[0][1], gold))
    return out


def right(predicted: str, gold: str) -> bool:
    """A raise is right when the sentence tells a danger at home or is a consultation question: on a kaart the
    consultation level falls back to Veilig Thuis and a professional's danger at home is asked as consultation."""
    return predicted in RAISES and gold in RAISES


def choose_threshold(points: list[tuple[str, float, str]], precision: float = TARGET_PRECISION) -> float:
    """The lowest probability above which the model's raises are right at least `precision` of the time."""
    raises = [(p, right(k, g)) for k, p, g in points if k in RAISES]
    best = 1.0
    for t in sorted({round(p, 2) for p, _ in raises}, reverse=True):
        kept = [r for p, r in raises if p >= t]
        if kept and sum(kept) / len(kept) >= precision:
            best = t
        elif len(kept) >= 20:
            break
    return math.floor(best * 100) / 100
