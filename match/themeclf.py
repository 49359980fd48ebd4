"""A statistical theme recogniser for lay Dutch the phrase lists do not know (issue 12 item 4, ADR 0112).

Phrase lists recognise the wordings they were written for; on unseen resident wording about half of the needs
reached no theme (ADR 0108). This model reads words instead of phrases: a multinomial naive Bayes over folded
words (spelling variants mapped as the thesaurus does) and character 4-grams of each word (compounds, inflection,
typos), weighted by how few themes use a feature (a word every theme uses says nothing). It is trained at start-up
(well under a second, numpy only) from data the project has: per theme its labels, description, synonyms and lay
phrases (themes.yaml), the idioms (idioms.yaml), the words of the need rules (words.yaml) and lay batch 1
(ontology/lay-voorbeelden.yaml, packaged, so a wheel trains what a checkout trains). Never from hulpvragen.yaml.
One more class, `NONE`, is trained on text that is no hulpvraag (ontology/offtopic-voorbeelden.yaml: pets, weather,
keyboard mash, greetings, other languages): when it is the likeliest, the model guesses nothing (ADR 0123).

The matcher asks it only when the rules found no theme, or only a leefgebied, and takes at most `MAX_ADDED`
themes whose probability reaches `THRESHOLD` (chosen by cross-validation, ADR 0112 and 0123); when the best theme
is unsure, or a sibling is close, it names their leefgebied if the family together is sure (ADR 0123). Themes with a
safety signal are no classes: the model never raises safety. A theme the asker denies is never added.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from match import artefact
from match.artefact import bytes_of, lines_of
from match.clauses import parts
from match.words import WORDS_FILE as WORDS_YAML
from match.words import fold

# Lay batch 1 of our own sentences, packaged with the ontology (later batches, in tests/eval, measure, never train).
LAY_FILE = Path(__file__).resolve().parents[1] / "ontology" / "lay-voorbeelden.yaml"
# Lay hulpvragen by later authors, one file each (lay-voorbeelden-<author>.yaml, ADR 0127): more wording to learn from.
LAY_FILES = (LAY_FILE, *sorted(LAY_FILE.parent.glob("lay-voorbeelden-*.yaml")))
# Text that is no hulpvraag (pets, weather, keyboard mash, greetings …): the rejection class (ADR 0123).
OFFTOPIC_FILE = Path(__file__).resolve().parents[1] / "ontology" / "offtopic-voorbeelden.yaml"
# … and by later authors, one file each (offtopic-voorbeelden-<author>.yaml, ADR 0127)
OFFTOPIC_FILES = (OFFTOPIC_FILE, *sorted(OFFTOPIC_FILE.parent.glob("offtopic-voorbeelden-*.yaml")))
NONE = "_geen"  # the rejection class: no theme has this id; predict() never returns it
WORDS_FILE = "words.yaml"
NGRAM = 4
W_NGRAMS = 0.5  # all character n-grams of a word together weigh this much next to the word itself
W_EXAMPLE = 2.0  # a whole resident sentence weighs more than one phrase
W_SETTING_TRAIN = 0.25  # a story's setting in a training example: its words teach the theme little (ADR 0132)
# A theme uses a feature (for the idf) when its mass of it is at least this share of the theme that uses it most:
# a word one story names in passing ("baan", "school") stays telling (ADR 0132).
DF_SHARE = 0.05
STORY_WORDS = 30  # an example longer than this weighs W_EXAMPLE in all, not per sentence (ADR 0132)
ALPHA = 0.1  # additive smoothing
TEMPERATURE = 3.0  # spreads the probabilities so that a threshold can tell (cross-validated, ADR 0112)
TARGET_PRECISION = 0.92  # of the guesses on lay batch 1, by 5-fold cross-validation (ADR 0112)
TARGET_OFFTOPIC = (
    0.15  # at most this share of the off-topic examples guessed, by the same cross-validation (0123)
)
# Cross-validation over lay batch 1 and the off-topic examples (choose_threshold; ADR 0123) chooses 0.6 now that
# close siblings back off to their leefgebied (`candidates`; ADR 0112 had raised 0.4 to 0.65 for such a case).
# Kept at 0.65: at 0.6 a child's vague "ik weet het niet meer" got eenzaamheid (0.63) instead of the front door,
# and on the unseen lay batches the back-off at 0.65 already finds nearly all that 0.6 finds, at higher precision.
# Session 6 (ADR 0127): examples by five authors (the team, lay authors authL/authM/authN, off-topic author authO);
# the threshold is chosen leave-one-author-out (`cross_validate`): 0.65. Trained on the other authors, the model is
# right on 44-49 % of a new author's sentences at 0.65, against 20-31 % for the team's data alone, at the same
# precision.
THRESHOLD = 0.65
GRID = tuple(round(0.3 + 0.05 * i, 2) for i in range(11))  # the thresholds cross-validation tries: 0.3 … 0.8
# Evidence below this (idf-weighted known features; a lay sentence has ~13, a single word ~4) spreads the
# probabilities: one known word is no sure need (cross-validated on batch 1 and the off-topic file, ADR 0123).
MIN_EVIDENCE = 8.0
SIBLING_SHARE = 0.5  # a sibling this close to the best theme makes the model name their leefgebied instead
SECOND_SHARE = 0.5  # a second theme only when it is at least this share of the first's probability
MAX_ADDED = 2
W_MODEL = 0.6  # a need the model found weighs as an uncertain one
# Before the why-line of a service found only through the model's themes: it guessed the need from loose words.
MODEL_WHY = "Wij denken dat uw vraag hierover gaat"
_WORD = re.compile(r"[a-z]+")


def words_of(text: str, spelling: Mapping[str, str] | None = None) -> list[str]:
    """Folded words of a text, spelling variants mapped to the word the thesaurus knows."""
    spelling = spelling or {}
    return [spelling.get(w, w) for w in _WORD.findall(fold(text))]


def features(words: Iterable[str]) -> dict[str, float]:
    """Bag of features: each word, plus its character 4-grams (with word boundaries) for compounds and typos."""
    out: dict[str, float] = {}
    get = out.get
    for w in words:
        if len(w) < 2:
            continue
        for f, n in _word_features(w):
            out[f] = get(f, 0.0) + n
    return out


@lru_cache(maxsize=20_000)
def _word_features(w: str) -> tuple[tuple[str, float], ...]:
    """One word's features (the word and its n-grams, together W_NGRAMS): the same words recur in every text."""
    padded = f"<{w}>"
    grams = [padded[i : i + NGRAM] for i in range(len(padded) - NGRAM + 1)]
    out: Counter[str] = Counter({"w:" + w: 1.0})
    for g in grams:
        out["g:" + g] += W_NGRAMS / len(grams)
    return tuple(out.items())


def text_features(text: str, spelling: Mapping[str, str] | None = None) -> dict[str, float]:
    """Features of a text read per part (match/clauses.py): the setting of a long story weighs less than the part
    that asks (ADR 0132); a question that is no story is read whole, as before."""
    out: dict[str, float] = {}
    for feats, weight in part_features(text, spelling):
        for f, n in feats.items():
            out[f] = out.get(f, 0.0) + n * weight
    return out


def part_features(
    text: str, spelling: Mapping[str, str] | None = None
) -> list[tuple[dict[str, float], float]]:
    """The features of each part of a text with the part's weight (1 for a whole question or a story's focus)."""
    return [(features(words_of(part, spelling)), weight) for part, weight in parts(text)]


def training_features(
    text: str, weight: float, spelling: Mapping[str, str] | None = None
) -> tuple[dict[str, float], dict[str, float]]:
    """What one training example adds per feature (a story's setting at W_SETTING_TRAIN of its weight), and the
    share of it told where the example asks (the idf counts only that: ADR 0132)."""
    parts_of = part_features(text, spelling)
    if len(parts_of) == 1 and parts_of[0][1] == 1.0:  # a question, not a story: all of it is told as the need
        whole = {f: n * weight for f, n in parts_of[0][0].items()}
        return whole, whole
    total: dict[str, float] = {}
    need: dict[str, float] = {}
    for feats, part_weight in parts_of:
        w = weight * (part_weight if part_weight == 1.0 else W_SETTING_TRAIN)
        for f, n in feats.items():
            total[f] = total.get(f, 0.0) + n * w
            if part_weight == 1.0:
                need[f] = need.get(f, 0.0) + n * w
    return total, need


def example_weight(text: str) -> float:
    """A resident's example weighs W_EXAMPLE, spread over its words beyond STORY_WORDS: a story of 100 words
    teaches its theme no more than a sentence does, or its setting words would fill the theme (ADR 0132)."""
    return W_EXAMPLE * min(1.0, STORY_WORDS / max(1, len(text.split())))


@dataclass(frozen=True)
class Guess:
    theme_id: str
    probability: float


def training_docs(
    onto: Any,
    *,
    lay_files: Iterable[Path] = LAY_FILES,
    offtopic_files: Iterable[Path] = OFFTOPIC_FILES,
    exclude_idioms: frozenset[str] = frozenset(),
) -> list[tuple[str, float, tuple[str, ...]]]:
    """(text, weight, theme ids) from the ontology's words per theme and our own first lay batch; off-topic
    examples train the rejection class `NONE`."""
    docs: list[tuple[str, float, tuple[str, ...]]] = []
    for t in onto.themes.values():
        for text in (t.label, t.b1_label, *t.synonyms, *t.lay_phrases):
            docs.append((text, 1.0, (t.id,)))
        if t.description:
            docs.append((t.description, 0.5, (t.id,)))
    for idiom in onto.idioms:
        if idiom.id not in exclude_idioms:
            docs.extend((p, 1.0, tuple(idiom.themes)) for p in idiom.phrases)
    words_yaml = Path(onto.source_dir) / WORDS_FILE
    if words_yaml.exists():
        for rule in _yaml(words_yaml).get("need_rules") or []:
            if rule.get("train_model") is False:
                continue  # a rule of everyday context words only (ADR 0155): the rule reads it, the model not
            items = [str(w).lstrip("=") for group in rule.get("all") or [] for w in group]
            docs.append((" ".join(items), 1.0, (rule["theme"],)))
    for lay_file in lay_files:
        raw = _yaml(lay_file)["sentences"]
        docs.extend((s["text"], example_weight(s["text"]), tuple(s["themes"])) for s in raw)
    for offtopic_file in offtopic_files:
        docs.extend((s["text"], W_EXAMPLE, (NONE,)) for s in _yaml(offtopic_file)["sentences"])
    return docs


class ThemeModel:
    """Naive Bayes over theme ids (no signal themes) with idf-weighted word and n-gram features."""

    def __init__(self, onto: Any, docs: list[tuple[str, float, tuple[str, ...]]]) -> None:
        self._from_ontology(onto, [t.id for t in onto.themes.values() if not t.signal])
        if any(NONE in themes for _, _, themes in docs):
            self.classes.append(NONE)
        col = {c: i for i, c in enumerate(self.classes)}
        self.vocab: dict[str, int] = {}
        # typed arrays, not lists of Python numbers: the peak memory of the training stays small (the worker's RSS)
        rows, cols, vals, told = array("q"), array("q"), array("d"), array("d")
        for text, weight, themes in docs:
            targets = [col[t] for t in themes if t in col]
            if not targets:
                continue
            total, need = training_features(text, weight, self.spelling)
            idx = [self.vocab.setdefault(f, len(self.vocab)) for f in total]
            values = list(total.values())
            needed = values if need is total else [need.get(f, 0.0) for f in total]
            for c in targets:
                rows.extend(idx)
                cols.extend([c] * len(idx))
                vals.extend(values)
                told.extend(needed)
        mat = np.zeros((len(self.vocab), len(self.classes)), dtype=np.float64)
        at = (np.frombuffer(rows, dtype=np.int64), np.frombuffer(cols, dtype=np.int64))
        np.add.at(mat, at, np.frombuffer(vals))
        asked = np.zeros_like(mat)
        np.add.at(asked, at, np.frombuffer(told))
        del rows, cols, vals, told, at
        k = len(self.classes)
        # rare across themes: telling. Counted where a word is told as the need, not where a story's setting
        # names it in passing (a job, the children, the house: ADR 0132), and only by a theme that has at least
        # DF_SHARE of the mass of the theme that has most of it; a word only ever seen in a setting ("twintig jaar
        # als kok") tells no need at all
        used = (asked > DF_SHARE * asked.max(axis=1, keepdims=True)).sum(axis=1)
        del asked
        self.idf = np.where(used > 0, np.log((k + 1) / (1 + used)), 0.0)
        mat *= self.idf[:, None]
        # The log-probabilities, log((mat + ALPHA) / denom), are dense, but mat is not: a feature is used by a few
        # themes (~3 % of the cells). Kept as mat's non-zero cells per feature (CSR) and the denominators, the rows
        # a text needs are computed when asked, cell for cell as the whole matrix was (ADR 0118): 5 MB -> 0.3 MB.
        self.denom = mat.sum(axis=0) + ALPHA * len(self.vocab)
        nz_rows, nz_cols = np.nonzero(mat)
        self.indptr = np.searchsorted(nz_rows, np.arange(len(self.vocab) + 1)).astype(np.int32)
        self.cols = nz_cols.astype(np.int16)
        self.vals = mat[nz_rows, nz_cols]
        del mat, nz_rows, nz_cols

    def _from_ontology(self, onto: Any, classes: list[str]) -> None:
        """What the model takes from the ontology object besides its training: the spelling map and, per class,
        its direct parents among the classes (the leefgebied a sure family backs off to, ADR 0123)."""
        self.spelling = dict(getattr(onto, "spelling", {}) or {})
        self.classes = list(classes)
        self.parents = {
            t: tuple(q for q in onto.themes[t].parents if q in self.classes)
            for t in self.classes
            if t != NONE
        }

    def to_arrays(self) -> dict[str, np.ndarray]:
        """The trained model as plain arrays (match/artefact.py, ADR 0146): classes, the features in index order,
        the idf, the denominators and the non-zero cells."""
        return {
            "classes": bytes_of(self.classes),
            "vocab": bytes_of(sorted(self.vocab, key=self.vocab.__getitem__)),
            "idf": self.idf,
            "denom": self.denom,
            "indptr": self.indptr,
            "cols": self.cols,
            "vals": self.vals,
        }

    @classmethod
    def from_arrays(cls, onto: Any, arrays: dict[str, np.ndarray]) -> ThemeModel:
        """The model `to_arrays` stored, for this ontology (the artefact's key holds what it took from it)."""
        model = cls.__new__(cls)
        model._from_ontology(onto, lines_of(arrays["classes"]))
        features = lines_of(arrays["vocab"])
        model.vocab = dict(zip(features, range(len(features)), strict=True))
        model.idf, model.denom = arrays["idf"], arrays["denom"]
        model.indptr, model.cols, model.vals = arrays["indptr"], arrays["cols"], arrays["vals"]
        if len(model.idf) != len(features) or len(model.indptr) != len(features) + 1:
            raise ValueError("theme model artefact: arrays do not fit the features")
        return model

    def log_prob_rows(self, rows: np.ndarray) -> np.ndarray:
        """log P(feature | theme) for these feature rows: the dense rows of the matrix this model used to keep."""
        starts, ends = self.indptr[rows], self.indptr[rows + 1]
        counts = ends - starts
        sub = np.zeros((len(rows), len(self.classes)), dtype=np.float64)
        at = np.repeat(np.arange(len(rows)), counts)
        cells = np.arange(len(at)) + np.repeat(starts - (np.cumsum(counts) - counts), counts)
        sub[at, self.cols[cells]] = self.vals[cells]
        return np.log((sub + ALPHA) / self.denom)

    def predict(self, text: str) -> list[Guess]:
        """Themes by probability, best first (only features the model knows count; [] when none). The rejection
        class takes its share of the probability but is never returned."""
        return [g for g in self.predict_all(text) if g.theme_id != NONE]

    def predict_all(self, text: str) -> list[Guess]:
        """The six likeliest classes, the rejection class `NONE` among them."""
        p = self.probabilities(text)
        if p is None:
            return []
        return [Guess(self.classes[i], float(p[i])) for i in np.argsort(-p)[:6]]

    def probabilities(self, text: str) -> np.ndarray | None:
        """P(class | text) for every class (`classes` order), None when the text has no feature the model knows."""
        feats = text_features(text, self.spelling)
        idx = [(self.vocab[f], n) for f, n in feats.items() if f in self.vocab]
        if not idx:
            return None
        rows = np.array([i for i, _ in idx])
        x = np.array([n for _, n in idx]) * self.idf[rows]
        if x.sum() <= 0:
            return None
        # Per unit of evidence, times TEMPERATURE: naive Bayes alone says 1.0 to nearly everything (ADR 0112).
        scores = x @ self.log_prob_rows(rows) / max(x.sum(), MIN_EVIDENCE) * TEMPERATURE
        p = np.exp(scores - scores.max())
        return p / p.sum()

    def family(self, p: np.ndarray, tid: str) -> Guess:
        """The leefgebied of a theme with the probability of it and all its direct sub-themes together: how sure
        the model is of the broader need when it is unsure which sibling (ADR 0123). A leefgebied is its own."""
        col = {c: i for i, c in enumerate(self.classes)}
        heads = [tid] if not self.parents.get(tid) else [q for q in self.parents[tid] if q in col]
        best = Guess(tid, float(p[col[tid]]))
        for head in heads:
            mass = p[col[head]] + sum(p[col[c]] for c, ps in self.parents.items() if head in ps)
            if mass > best.probability:
                best = Guess(head, float(mass))
        return best


def _yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


_MODELS: dict[int, tuple[Any, ThemeModel]] = {}


def model_for(onto: Any) -> ThemeModel:
    """One model per ontology object (load_ontology caches those), once per process: loaded from its artefact when
    one was trained from the same data and code, else trained (~2 s) and written for the next process (ADR 0146)."""
    key = id(onto)
    if key not in _MODELS or _MODELS[key][0] is not onto:
        model = artefact.cached(
            recipe(onto), lambda: build(onto), ThemeModel.to_arrays, lambda a: ThemeModel.from_arrays(onto, a)
        )
        _MODELS[key] = (onto, model)
    return _MODELS[key][1]


def recipe(onto: Any) -> artefact.Recipe:
    """Everything `build(onto)` reads (the artefact's key): the example files, words.yaml (need rules here, the
    ask cues of match/clauses.py), the code that reads and trains, and per theme and idiom what training_docs and
    the classes take from the ontology object."""
    themes = [
        [
            t.id,
            t.label,
            t.b1_label,
            list(t.synonyms),
            list(t.lay_phrases),
            t.description,
            bool(t.signal),
            list(t.parents),
        ]
        for t in onto.themes.values()
    ]
    idioms = [[i.id, list(i.phrases), list(i.themes)] for i in onto.idioms]
    here = Path(__file__).resolve().parent
    return artefact.Recipe(
        "themes",
        files=(*LAY_FILES, *OFFTOPIC_FILES, Path(onto.source_dir) / WORDS_FILE, WORDS_YAML),
        code=(here / "themeclf.py", here / "clauses.py", here / "words.py"),
        extra={"themes": themes, "idioms": idioms, "spelling": dict(getattr(onto, "spelling", {}) or {})},
    )


def build(onto: Any, **kwargs: Any) -> ThemeModel:
    """The model from the ontology (and lay batch 1): fast enough to build at start-up."""
    return ThemeModel(onto, training_docs(onto, **kwargs))


def candidates(model: ThemeModel, text: str, threshold: float = THRESHOLD) -> list[Guess]:
    """What the model would say before found and denied needs are taken out: nothing when the likeliest class is
    no hulpvraag (`NONE`); the best theme when it is sure (a second when it is nearly as sure); else, when the
    best theme and its siblings are sure together, their leefgebied (ADR 0123); else nothing."""
    p = model.probabilities(text)
    if p is None:
        return []
    order = [int(i) for i in np.argsort(-p)[:6]]
    if model.classes[order[0]] == NONE:
        return []  # the likeliest reading is no hulpvraag at all
    ranked = [Guess(model.classes[i], float(p[i])) for i in order if model.classes[i] != NONE]
    first = ranked[0]
    if first.probability < threshold or _siblings_close(model, ranked):
        head = model.family(p, first.theme_id)
        return [head] if head.probability >= threshold else []
    floor = max(threshold, SECOND_SHARE * first.probability)
    return [first] + [g for g in ranked[1:MAX_ADDED] if g.probability >= floor]


def _siblings_close(model: ThemeModel, ranked: list[Guess]) -> bool:
    """The two best themes share a parent and the second has at least SIBLING_SHARE of the first's probability."""
    if len(ranked) < 2:
        return False
    a, b = ranked[0], ranked[1]
    shared = set(model.parents.get(a.theme_id, ())) & set(model.parents.get(b.theme_id, ()))
    return bool(shared) and b.probability >= SIBLING_SHARE * a.probability


def model_themes(
    model: ThemeModel | None,
    text: str,
    found: Iterable[str],
    denied: Iterable[str],
    roots: frozenset[str],
    ancestors: Mapping[str, set[str]],
    threshold: float = THRESHOLD,
) -> list[Guess]:
    """The themes the model adds: only when the rules found nothing but leefgebieden, at most MAX_ADDED, never a
    theme the asker denies (or one under or above it), never one already found."""
    found = set(found)
    if model is None or not found <= roots:
        return []
    denied = set(denied)
    out: list[Guess] = []
    for g in candidates(model, text, threshold):
        related = {g.theme_id} | set(ancestors.get(g.theme_id, ()))
        if g.theme_id in found or any(d in related or g.theme_id in ancestors.get(d, ()) for d in denied):
            continue
        out.append(g)
    return out


def author_of(path: Path) -> str:
    """The author of an example file: `lay-voorbeelden-authL.yaml`, `offtopic-voorbeelden-authO.yaml` and
    `safety-voorbeelden-authA.yaml` are authL's, authO's and authA's; the files without a suffix are the team's.
    (Both word models group their leave-one-author-out folds by it.)"""
    return path.stem.split("-voorbeelden", 1)[1].lstrip("-") or "team"


def cross_validate(
    onto: Any,
    lay_files: Iterable[Path] = LAY_FILES,
    offtopic_files: Iterable[Path] = OFFTOPIC_FILES,
) -> list[tuple[bool, tuple[bool | None, ...]]]:
    """Per example sentence (lay and off-topic), predicted by a model trained WITHOUT ITS AUTHOR (leave one author
    out, ADR 0127: random folds let a model recognise an author's own style): whether it is off topic, and per
    threshold of GRID the matcher's guess (`candidates`): None for no guess, else whether it is right (a gold/ok
    theme, narrower or broader; any guess on off-topic text is wrong). The data the threshold is chosen on."""
    base = training_docs(onto, lay_files=(), offtopic_files=())
    held: dict[str, list[tuple[str, tuple[str, ...], tuple[str, ...]]]] = {}
    for lay_file in lay_files:
        held.setdefault(author_of(lay_file), []).extend(
            (s["text"], tuple(s["themes"]), tuple(s.get("ok") or ())) for s in _yaml(lay_file)["sentences"]
        )
    for f in offtopic_files:
        held.setdefault(author_of(f), []).extend((s["text"], (NONE,), ()) for s in _yaml(f)["sentences"])
    anc = {t: set(onto.ancestors(t)) for t in onto.themes}
    out: list[tuple[bool, tuple[bool | None, ...]]] = []
    for author, sentences in held.items():
        train = [(t, example_weight(t), themes) for a, d in held.items() if a != author for t, themes, _ in d]
        model = ThemeModel(onto, base + train)
        for text, themes, ok in sentences:
            gold = themes + ok
            per: list[bool | None] = []
            for t in GRID:
                c = candidates(model, text, t)
                g = c[0].theme_id if c else None
                per.append(
                    None if g is None else any(g == w or w in anc[g] or g in anc.get(w, ()) for w in gold)
                )
            out.append((themes == (NONE,), tuple(per)))
    return out


def choose_threshold(
    points: list[tuple[bool, tuple[bool | None, ...]]],
    precision: float = TARGET_PRECISION,
    offtopic: float = TARGET_OFFTOPIC,
) -> float:
    """The lowest threshold of GRID at which the guesses on lay sentences are right at least `precision` of the
    time and at most `offtopic` of the off-topic sentences get a guess."""
    for i, t in enumerate(GRID):
        lay = [per[i] for off, per in points if not off and per[i] is not None]
        off = [per[i] for is_off, per in points if is_off]
        if (
            lay
            and sum(lay) / len(lay) >= precision
            and sum(g is not None for g in off) <= offtopic * len(off)
        ):
            return t
    return 1.0
