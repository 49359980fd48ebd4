"""A word model for danger the safety rules miss: a second opinion, never the first (issue 12 point 5, ADR 0117, 0124).

Why: the rules of ontology/safety.yaml pass every one of the team's own sentences, yet on wording nobody on the team
wrote they miss a large share of the dangers (safety batches 5 and 6): rules recognise the phrasings they were written
for. This model reads words: a multinomial logistic regression over folded words, their character 4-grams, word pairs,
negated words, person cues and the professional frame (`Settings`), with classes the danger kinds of the test set
(acuut, suicide, psychiatrisch, veilig-thuis, consultatie) and `geen`. It is trained at start-up from every
ontology/safety-voorbeelden*.yaml (the team's file and one file per new author) and, as `geen`, lay batch 1.

It is asked only when the rules raised nothing and the text has no denied, past, topic-only or suppressed danger.
It may raise Veilig Thuis or the consultation level (danger at home and a consultation question read together), the
psychiatric-crisis level (the huisarts and the crisisdienst), since ADR 0130 acute danger (112) and since ADR 0165
suicidal thoughts (113), when that class's probability is at least its threshold in `THRESHOLDS`, chosen by
leave-one-author-out cross-validation: a model trained on the other authors must be right that often on an author
it never read (`cross_validate`, `choose_thresholds`); for 112 and 113 also no sentence without danger read as that
class across authors.
It keeps nothing between texts.
"""

from __future__ import annotations

import math
import re
from array import array
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from match import artefact
from match.artefact import bytes_of, lines_of
from match.model25_story import story_reading  # a story read per sentence (ADR 0190)
from match.safety_consult import _found, _phrases
from match.themeclf import LAY_FILE, _yaml, author_of, features, words_of
from match.words import fold

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology"
EXAMPLES = ONTOLOGY / "safety-voorbeelden.yaml"  # the team's own sentences (author "team")
# every ontology/safety-voorbeelden*.yaml is training data; safety-voorbeelden-<author>.yaml is one author's
PATTERN = "safety-voorbeelden*.yaml"
KINDS = ("acuut", "suicide", "psychiatrisch", "veilig-thuis", "consultatie", "geen")
# danger at home and a consultation question are one class for a raise: their probabilities add up, and who writes
# decides the level (a professional asks for advice first, the meldcode)
HOME_KINDS = ("veilig-thuis", "consultatie")
# the kinds the model may raise, and the safety level (ontology/safety.yaml) each raises; 112 since ADR 0130 (seven
# authors: acute danger read across authors at a precision >= 0.97 with no control raised); 113 since ADR 0165 (ten
# authors with authG's indirect suicide and its twins: no control of any left-out author read as suicide at its
# threshold; ADR 0124 with four authors reached 0.98 only with a control raised)
RAISES = {
    "suicide": "suicide",
    "veilig-thuis": "onveilig-thuis",
    "consultatie": "consultatie",
    "psychiatrisch": "psychische-crisis",
    "acuut": "acuut-gevaar",
}
EPOCHS = 60
LEARNING_RATE = 0.1
L2 = 0.0  # no penalty: 60 steps of Adam stop early enough (ADR 0124, leave-one-author-out)
# precision of a raise by the model, over the training sentences by leave-one-author-out; the crisis level higher
TARGETS = {"home": 0.95, "psychiatrisch": 0.97, "acuut": 0.97, "suicide": 0.98}
# classes whose threshold goes up until no sentence without danger is read as that class across authors: a wrong 112
# costs the most (ADR 0130)
NO_CONTROLS = ("acuut", "suicide")
TARGET_PRECISION = TARGETS["home"]
CONTROLS_CAP = 0.025  # at most this share of the sentences without danger raised, across authors (ADR 0124)
# choose_thresholds(cross_validate()), across authors (ADR 0124; 0.70 by random folds in ADR 0122, which moved
# between 0.70 and 0.80 with the order of the file alone); 0.83 / 0.96 with authors A-C, 0.77 / 0.91 with authD too (home raised from 0.76 by CONTROLS_CAP)
# 0.77 / 0.86 once lay sentences graded with a danger theme are no everyday examples (ADR 0129: "mijn zus hoort
# stemmen en is erg in de war" as `geen` held the crisis threshold at 0.91)
# 0.72 / 0.82 with authE and authF (ADR 0130: seven authors; authF's 221 everyday worries told with strong words)
# acute danger 0.92: the lowest with a precision >= 0.97 (0.88) raised 2 controls across authors (ADR 0130)
# 0.68 / 0.83 / 0.91 once a text with few known content words is read toward the prior (ADR 0134,
# `Settings.evidence`): across authors 1 142 dangers recognised as before, 32 controls raised as before
# suicide 0.96 with authG and authH (ADR 0165); 0.95 once one authG sentence near a held-out question left training
# 0.96 with authI's and authJ's suicide sentences and their twins, authH's controls counted on their own (ADR 0182);
# acute 0.92 once acute is read with the suicide mass (`Settings.life`, chosen by the eight authors as before)
THRESHOLDS = {"home": 0.68, "psychiatrisch": 0.83, "acuut": 0.92, "suicide": 0.96}
THRESHOLD = THRESHOLDS["home"]
# authors whose files came after the home, crisis and acute thresholds were chosen (ADR 0134): those three stay as
# chosen without them; only suicide is chosen across all (ADR 0165)
CHOSEN_BEFORE = ("authG", "authH", "authI", "authJ")
MIN_WORDS = 5
EVIDENCE = 4.0  # content words (ADR 0134, leave-one-author-out)
EVIDENCE_POWER = 2.0
W_MODEL = 0.6  # a danger the model read weighs as an uncertain need  # a few words are no story of danger ("bang in het donker")


@dataclass(frozen=True)
class Opinion:
    kind: str
    probability: float
    level: str | None  # the safety level it raises, or None
    # the probability of any danger (1 - `geen`): the explained floor weighs danger against an everyday need, and
    # mass moved between danger kinds is no sign of an everyday worry (ADR 0165: authG's "nooit meer" took 0.04 of
    # an ex's threat, "… de kinderen nooit meer zie … weet waar ik woon", to suicide and it fell under the floor)
    danger: float = 1.0


@dataclass(frozen=True)
class Example:
    author: (
        str  # "team" (safety-voorbeelden.yaml), the <author> of safety-voorbeelden-<author>.yaml, or "lay"
    )
    text: str
    kind: str
    professional: bool = False


def example_files(folder: Path = ONTOLOGY) -> list[Path]:
    """The training files: every safety-voorbeelden*.yaml in the folder, the team's first."""
    return sorted(folder.glob(PATTERN), key=lambda p: (p.name != EXAMPLES.name, p.name))


def authored(paths: Path | list[Path] | None = None, everyday: Path | None = LAY_FILE) -> list[Example]:
    """The training sentences with their author: every safety-voorbeelden*.yaml (or the given files), and as `geen`
    the everyday hulpvragen of lay batch 1 (ontology/lay-voorbeelden.yaml, author "lay", no danger in them), so
    that "mijn ex", "mijn vader" or "bang" alone do not read as danger. A text told by an earlier file is kept once."""
    files = example_files() if paths is None else [paths] if isinstance(paths, Path) else list(paths)
    out: list[Example] = []
    seen: set[str] = set()
    for path in files:
        for s in _yaml(path).get("sentences") or ():
            text = str(s["text"])
            if _key(text) not in seen:
                seen.add(_key(text))
                out.append(Example(author_of(path), text, str(s["kind"]), bool(s.get("professional"))))
    if everyday is not None and everyday.exists():
        danger = _danger_themes()
        for s in _yaml(everyday)["sentences"]:
            # a lay sentence graded with a danger theme tells a danger: no everyday example ("mijn zus hoort stemmen
            # en is erg in de war", graded psychische-crisis, was learned as `geen`; ADR 0129)
            if danger & {*(s.get("themes") or ()), *(s.get("ok") or ())}:
                continue
            if _key(str(s["text"])) not in seen:
                seen.add(_key(str(s["text"])))
                out.append(Example("lay", str(s["text"]), "geen"))
    return out


def _danger_themes(folder: Path = ONTOLOGY) -> frozenset[str]:
    """The themes with a safety signal (ontology/themes.yaml `signal`): psychische-crisis, huiselijk-geweld …"""
    raw = _yaml(folder / "themes.yaml")
    items = raw if isinstance(raw, list) else raw.get("themes") or ()
    return frozenset(str(t["id"]) for t in items if isinstance(t, dict) and t.get("signal"))


def _key(text: str) -> str:
    """Texts that differ only in case, accents, punctuation or spaces are the same sentence."""
    return " ".join(words_of(text))


def examples(
    path: Path | list[Path] | None = None, everyday: Path | None = LAY_FILE
) -> list[tuple[str, str]]:
    """(text, kind) of the training sentences (`authored`)."""
    return [(e.text, e.kind) for e in authored(path, everyday)]


@dataclass(frozen=True)
class Settings:
    """How the model reads and learns (ADR 0124: each chosen by leave-one-author-out)."""

    l2: float = L2
    epochs: int = EPOCHS
    balance: float = 1.0  # class weight (largest class / this class) ** balance: 0 = none, 1 = balanced
    negation: bool = True  # a word after niet/geen/nooit in its clause is a feature of its own ("n:slaat")
    person: bool = True  # who tells and about whom: first, second, third person and pairs of them
    frame: bool = True  # the professional frame (asker, role, team) as a feature
    grams: float = 1.0  # weight of the character 4-grams next to the words (0: words and pairs only)
    together: bool = True  # veilig-thuis and consultatie read as one class (HOME_KINDS)
    # acute danger read with the suicide mass when acute is the likelier: an act under way after a plan ("gezocht hoe
    # je je ophangt en nu hangt hij …") is a danger to a life either way (ADR 0182: authI's and authJ's suicide moved
    # 0.05 of it from acute to suicide, 0.91 -> 0.86; across authors 138/139 -> 147/148 acute raises right)
    life: bool = True
    # fewer known content words than this (function words, spaCy's Dutch stop words, count nothing) pull the
    # reading toward the prior, as themeclf's MIN_EVIDENCE: "wat als ik ziek word?" read 0.88 as danger at home on
    # "wat als", "als ik" and "ziek" (ADR 0134: 4 and the square chosen leave-one-author-out; 0: off)
    evidence: float = EVIDENCE
    evidence_power: float = (
        EVIDENCE_POWER  # the share of the floor a text reaches, to this power, scales its logits
    )


# the model of ADR 0117/0122, for the measure before (ADR 0124)
BEFORE = Settings(
    l2=1e-4, balance=0.0, negation=False, person=False, frame=False, together=False, evidence=0.0, life=False
)
SETTINGS = Settings()
NEGATORS = frozenset({"niet", "geen", "nooit", "niks", "niets", "nergens", "zonder", "geeneens"})
NEGATION_REACH = 4  # words after a negator its scope covers, within the clause
CLAUSE = re.compile(r"[,.;:!?]|\b(?:maar|want|omdat|terwijl|dus)\b")
PERSONS = {
    "1": frozenset({"ik", "mij", "me", "mijn", "mn", "m", "wij", "we", "ons", "onze"}),
    "2": frozenset({"je", "jij", "jou", "jouw", "u", "uw"}),
    "3": frozenset({"hij", "zij", "ze", "hem", "haar", "zijn", "hun", "hen", "die"}),
}


def _features(
    words: list[str],
    settings: Settings = SETTINGS,
    professional: bool = False,
    clauses: list[list[str]] | None = None,
) -> dict[str, float]:
    """Words, their character 4-grams (compounds, typos; themeclf.features) and word pairs ("laat haar", "mag niet");
    with `settings`, negated words, person cues and the professional frame."""
    out = {f: (n * settings.grams if f.startswith("g:") else n) for f, n in features(words).items()}
    out = {f: n for f, n in out.items() if n}
    for a, b in zip(words, words[1:], strict=False):
        out["b:" + a + "_" + b] = out.get("b:" + a + "_" + b, 0.0) + 1.0
    if settings.negation:
        for clause in clauses or [words]:
            reach = 0
            for w in clause:
                if w in NEGATORS:
                    reach = NEGATION_REACH
                elif reach:
                    out["n:" + w] = out.get("n:" + w, 0.0) + 1.0
                    reach -= 1
    if settings.person:
        told = [p for p, ws in PERSONS.items() if any(w in ws for w in words)]
        for p in told:
            out["p:" + p] = 1.0
        if len(told) > 1:
            out["p:" + "+".join(told)] = 1.0
    if settings.frame and professional:
        out["f:professional"] = 1.0
    return out


@cache
def function_words() -> frozenset[str]:
    """Dutch function words: spaCy's stop words (the list match/language.py reads; "niet" and "geen" too)."""
    from spacy.lang.nl.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _read(text: str, spelling: dict[str, str], settings: Settings, professional: bool) -> dict[str, float]:
    words = words_of(text, spelling)
    clauses = [words_of(c, spelling) for c in CLAUSE.split(fold(text)) if c] if settings.negation else None
    return _features(words, settings, professional, clauses)


class SafetyModel:
    """Multinomial logistic regression over the danger kinds and `geen` (numpy, sparse by hand): unlike naive
    Bayes its probabilities are fit to the data, so a threshold on them means what it says."""

    def __init__(
        self,
        docs: list[tuple[str, str]] | list[Example],
        spelling: dict[str, str] | None = None,
        settings: Settings = SETTINGS,
    ) -> None:
        self.spelling = dict(spelling or {})
        self.settings = settings
        # safety.yaml `second_opinion.unless`: arrangements that are no danger (a bewindvoerder holding the pinpas)
        self.unless: tuple[tuple[str, ...], ...] = ()
        # `second_opinion.acute_unless`: what goes on (again) or asks whether it is normal is no emergency (ADR 0130)
        self.acute_unless: tuple[tuple[str, ...], ...] = ()
        col = {k: i for i, k in enumerate(KINDS)}
        self.vocab: dict[str, int] = {}
        rows, idx, vals, gold = array("q"), array("q"), array("d"), array("q")
        for doc in docs:
            text, kind, prof = (
                (doc.text, doc.kind, doc.professional) if isinstance(doc, Example) else (*doc, False)
            )
            if kind not in col:
                continue
            feats = _read(text, self.spelling, settings, prof)
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
        # the words it has read; the content words among them (`evidence`) once a text is read: spaCy's stop words
        # are not loaded before the first analysis (tests/test_nlp_memory.py)
        self.known = frozenset(f[2:] for f in self.vocab if f.startswith("w:"))
        self._content: frozenset[str] | None = None
        self.weights = np.zeros((n_feat, k))
        self.bias = np.zeros(k)
        if not n_docs:
            return
        counts = np.bincount(y, minlength=k).astype(float)
        share = (counts.max() / np.maximum(counts, 1.0)) ** settings.balance
        onehot = np.eye(k)[y] * share[y][:, None]  # class weights: each sentence counts by its class's weight
        n_docs_w = float(share[y].sum())
        # rows come in document order: each document's features are one slice (reduceat); the same by feature for
        # the gradient, sorted once
        doc_starts = np.flatnonzero(np.r_[True, r[1:] != r[:-1]])
        docs_seen = r[doc_starts]
        by_feat = np.argsort(c, kind="stable")
        c_sorted = c[by_feat]
        feat_starts = np.flatnonzero(np.r_[True, c_sorted[1:] != c_sorted[:-1]])
        feats_seen = c_sorted[feat_starts]
        vv = v[:, None]
        r_by, vv_by = r[by_feat], vv[by_feat]  # the gradient's gathers in feature order, made once
        m_w, v_w = np.zeros_like(self.weights), np.zeros_like(self.weights)
        for step in range(1, settings.epochs + 1):  # Adam on the mean cross-entropy plus an L2 penalty
            logits = np.tile(self.bias, (n_docs, 1))
            logits[docs_seen] += np.add.reduceat(self.weights[c] * vv, doc_starts, axis=0)
            logits -= logits.max(axis=1, keepdims=True)
            prob = np.exp(logits)
            prob /= prob.sum(axis=1, keepdims=True)
            err = (prob * onehot.sum(axis=1, keepdims=True) - onehot) / n_docs_w
            grad = settings.l2 * self.weights if settings.l2 else np.zeros_like(self.weights)
            grad[feats_seen] += np.add.reduceat(err[r_by] * vv_by, feat_starts, axis=0)
            self.bias -= LEARNING_RATE * err.sum(axis=0)
            m_w = 0.9 * m_w + 0.1 * grad
            v_w = 0.999 * v_w + 0.001 * grad * grad
            self.weights -= (
                LEARNING_RATE * (m_w / (1 - 0.9**step)) / (np.sqrt(v_w / (1 - 0.999**step)) + 1e-8)
            )

    def to_arrays(self) -> dict[str, np.ndarray]:
        """The trained model as plain arrays (match/artefact.py, ADR 0146): the features in index order, the
        weights and the bias (the settings and the spelling map are in the artefact's key)."""
        return {
            "vocab": bytes_of(sorted(self.vocab, key=self.vocab.__getitem__)),
            "weights": self.weights,
            "bias": self.bias,
        }

    @classmethod
    def from_arrays(
        cls,
        arrays: dict[str, np.ndarray],
        spelling: dict[str, str] | None = None,
        settings: Settings = SETTINGS,
    ) -> SafetyModel:
        """The model `to_arrays` stored: what `__init__` would have trained from the same sentences."""
        model = cls.__new__(cls)
        model.spelling = dict(spelling or {})
        model.settings = settings
        model.unless, model.acute_unless = (), ()
        features = lines_of(arrays["vocab"])
        model.vocab = dict(zip(features, range(len(features)), strict=True))
        model.known = frozenset(f[2:] for f in model.vocab if f.startswith("w:"))
        model._content = None
        model.weights, model.bias = arrays["weights"], arrays["bias"]
        if model.weights.shape != (len(features), len(KINDS)) or model.bias.shape != (len(KINDS),):
            raise ValueError("safety model artefact: arrays do not fit the features")
        return model

    def predict(self, text: str, professional: bool = False) -> list[tuple[str, float]]:
        """Kinds by probability, best first ([] when the model knows none of the words)."""
        feats = _read(text, self.spelling, self.settings, professional)
        known = [(self.vocab[f], n) for f, n in feats.items() if f in self.vocab]
        if not known:
            return []
        norm = math.sqrt(sum(n * n for n in feats.values())) or 1.0
        st = self.settings
        scale = min(1.0, self.evidence(text) / st.evidence) ** st.evidence_power if st.evidence else 1.0
        logits = self.bias + scale * sum(self.weights[i] * (n / norm) for i, n in known)
        p = np.exp(logits - logits.max())
        p /= p.sum()
        return [(KINDS[i], float(p[i])) for i in np.argsort(-p)]

    def evidence(self, text: str) -> float:
        """How much content the text holds that the model has read: its distinct known content words (function
        words and words it never saw count nothing)."""
        if self._content is None:
            self._content = self.known - function_words()
        return float(len(self._content.intersection(words_of(text, self.spelling))))

    def reading(self, text: str, professional: bool = False) -> tuple[str, float]:
        """The likeliest kind and its probability ("geen", 0.0 when the model knows none of the words); with
        `Settings.together` the home kinds add up, and the likelier of the two names them."""
        p = dict(self.predict(text, professional))
        if not p:
            return "geen", 0.0
        if self.settings.together:
            home = max(HOME_KINDS, key=lambda k: p[k])
            p[home] = sum(p.pop(k) for k in HOME_KINDS)
        kind = max(p, key=lambda k: p[k])
        if kind == "acuut" and self.settings.life:
            return kind, p[kind] + p.get("suicide", 0.0)
        return kind, p[kind]

    def opinion(
        self, text: str, thresholds: dict[str, float] | None = None, professional: bool = False
    ) -> Opinion | None:
        """The level the model would raise for this text, or None."""
        if len(words_of(text)) < MIN_WORDS:
            return None
        # a long story read per sentence too: one sentence's danger is not drowned by the others (ADR 0190)
        limits = THRESHOLDS if thresholds is None else thresholds
        kind, p = story_reading(self, text, professional, limits, group_of, MIN_WORDS)
        if kind == "geen" and not p:
            return None
        t = limits.get(group_of(kind))
        level = level_of(kind, professional) if t is not None and p >= t else None
        return Opinion(kind, p, level, 1.0 - dict(self.predict(text, professional)).get("geen", 0.0))


def group_of(kind: str) -> str:
    """The class a threshold is chosen for: "home" for veilig-thuis and consultatie, else the kind."""
    return "home" if kind in HOME_KINDS else kind


def level_of(kind: str, professional: bool) -> str | None:
    """The level a raise of this kind is: for danger at home a professional's is the consultation level."""
    if kind in HOME_KINDS:
        return RAISES["consultatie"] if professional else RAISES["veilig-thuis"]
    return RAISES.get(kind)


def second_opinion(
    model: SafetyModel | None,
    tokens: list[str],
    professional: bool,
    safety: Any,
    raised: dict[str, set[str]],
    weights: dict[str, float],
    allowed: set[str] | None = None,
    floor: float = 0.0,
) -> str | None:
    """Raise the level the model reads in the text, if any: Veilig Thuis, or the consultation level for a
    professional (a professional who tells of danger at home asks for advice first, the meldcode), or the
    psychiatric-crisis level, or acute danger (ADR 0130), or suicidal thoughts (113, ADR 0165) — if `allowed`
    (None: all). `floor`: a higher bar than the class's threshold (a worry the rules placed in an everyday need,
    ADR 0129). Changes `raised` and `weights` in place; returns the level raised."""
    if model is None or _found(tokens, model.unless):
        return None
    opinion = model.opinion(" ".join(tokens), professional=professional)
    if opinion is None or opinion.level is None or (allowed is not None and opinion.level not in allowed):
        return None
    if (
        opinion.danger < floor and group_of(opinion.kind) == "home"
    ):  # a need explains a worry, not a psychosis
        return None
    if opinion.level == RAISES["acuut"] and _found(tokens, model.acute_unless):
        return None  # "bonkt met zijn hoofd op de vloer, is dit normaal?": a behaviour that recurs, no 112
    level = safety.level(opinion.level)
    if level is None or not level.raised_by:
        return None
    # the broadest: "veiligheid" for Veilig Thuis, "meldcode-advies" for advice, "psychische-crisis"
    theme = level.raised_by[-1]
    raised[level.id] = {theme}
    weights.setdefault(theme, W_MODEL)
    return level.id


_MODELS: dict[int, tuple[Any, SafetyModel]] = {}


def model_for(onto: Any) -> SafetyModel:
    """One model per ontology object: built once per process (~1-2 s on a busy machine)."""
    key = id(onto)
    if key not in _MODELS or _MODELS[key][0] is not onto:
        spelling = dict(getattr(onto, "spelling", {}) or {})
        # trained once and kept as an artefact; loaded when the example files, the code and the spelling map are
        # the ones it was trained from (match/artefact.py, ADR 0146)
        model = artefact.cached(
            recipe(onto),
            lambda: SafetyModel(authored(), spelling),
            SafetyModel.to_arrays,
            lambda a: SafetyModel.from_arrays(a, spelling),
        )
        # safety.yaml `second_opinion`, as the ontology loader read it (no second read of the file)
        config = getattr(getattr(onto, "safety", None), "second_opinion", None) or {}
        model.unless = _phrases(config.get("unless"))
        model.acute_unless = _phrases(config.get("acute_unless"))
        _MODELS[key] = (onto, model)
    return _MODELS[key][1]


def recipe(onto: Any) -> artefact.Recipe:
    """Everything `model_for`'s training reads (the artefact's key): every safety example file, lay batch 1 as
    everyday text, themes.yaml (which lay sentences tell a danger), the code that reads and trains (the features
    are themeclf's and words.py's), the settings and the ontology's spelling map."""
    here = Path(__file__).resolve().parent
    return artefact.Recipe(
        "safety",
        files=(*example_files(), LAY_FILE, ONTOLOGY / "themes.yaml"),
        code=(here / "safety_model.py", here / "themeclf.py", here / "words.py"),
        extra={"settings": repr(SETTINGS), "spelling": dict(getattr(onto, "spelling", {}) or {})},
    )


# cross_validate, right, choose_threshold(s) and APART are in match/safety_thresholds.py (ADR 0182: the line limit)


# danger kind -> the safety level (ontology/safety.yaml) that is its help
LEVEL_OF_KIND = {
    "acuut": "acuut-gevaar",
    "suicide": "suicide",
    "psychiatrisch": "psychische-crisis",
    "veilig-thuis": "onveilig-thuis",
    "consultatie": "consultatie",
}
# Veilig Thuis gives the advice where no consultation service is on the kaart, and a professional who tells of
# danger at home asks for advice first (the meldcode): for a raise, the two are one help
HOME = frozenset({"onveilig-thuis", "consultatie"})


@dataclass(frozen=True)
class Point:
    """One held-out sentence of a cross-validation: who wrote it, its gold kind and what the model read."""

    author: str
    gold: str
    professional: bool
    kind: str  # the model's best kind ("geen" when it knew no word)
    probability: float


def leave_one_author_out(docs: list[Example] | None = None, settings: Settings | None = None) -> list[Point]:
    """Every sentence predicted by a model trained on all the other authors' sentences (ADR 0124): how the model
    does on a voice it never read — the team file is one author, lay batch 1 another."""
    docs = authored() if docs is None else docs
    out: list[Point] = []
    for author in sorted({d.author for d in docs}):
        model = SafetyModel([d for d in docs if d.author != author], settings=settings or SETTINGS)
        for d in docs:
            if d.author == author:
                kind, p = model.reading(d.text, d.professional)
                out.append(Point(author, d.kind, d.professional, kind, p))
    return out


def raise_of(point: Point, thresholds: dict[str, float] | None = None) -> str | None:
    """The level the model's second opinion raises for this reading (as `second_opinion`), or None."""
    t = (THRESHOLDS if thresholds is None else thresholds).get(group_of(point.kind))
    if t is None or point.kind not in RAISES or point.probability < t:
        return None
    return level_of(point.kind, point.professional)


def right_level(level: str, gold: str) -> bool:
    """The raised level is the help for the sentence's danger."""
    want = LEVEL_OF_KIND.get(gold)
    return want is not None and (level == want or {level, want} <= HOME)


def loao_table(points: list[Point], thresholds: dict[str, float] | None = None) -> dict[str, dict[str, Any]]:
    """Per author (and "all"): per danger kind the share recognised (the model raised the right level), the
    precision of its raises, and how many controls (`geen`) it raised."""
    table: dict[str, dict[str, Any]] = {}
    for author in sorted({p.author for p in points}) + ["all"]:
        mine = [p for p in points if author in ("all", p.author)]
        row: dict[str, Any] = {}
        for kind in LEVEL_OF_KIND:
            told = [p for p in mine if p.gold == kind]
            if told:
                hit = sum(1 for p in told if (lv := raise_of(p, thresholds)) and right_level(lv, kind))
                row[kind] = (hit, len(told))
        raised = [(p, lv) for p in mine if (lv := raise_of(p, thresholds))]
        row["raises"] = (sum(1 for p, lv in raised if right_level(lv, p.gold)), len(raised))
        controls = [p for p in mine if p.gold == "geen"]
        row["controls raised"] = (sum(1 for p in controls if raise_of(p, thresholds)), len(controls))
        table[author] = row
    return table


def format_table(table: dict[str, dict[str, Any]]) -> str:
    """The table as markdown rows (for the ADR): recognised/told per kind, right/raised, controls raised/told."""
    cols = [*LEVEL_OF_KIND, "raises", "controls raised"]
    lines = ["| author | " + " | ".join(cols) + " |", "|" + "---|" * (len(cols) + 1)]
    for author, row in table.items():
        cells = [f"{row[c][0]}/{row[c][1]}" if c in row else "–" for c in cols]
        lines.append(f"| {author} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
