"""The Dutch analysis does less work per hulpvraag and finds exactly what it found before (ADR 0118).

What a user notices: the same themes, the same answers, sooner. The theme ruler matches the ~5 300 thesaurus
phrases from their first word itself instead of in spaCy `Matcher`s (it was the largest part of the analysis);
the danger and need rules skip the rules and word-group items whose first word is not in the text; `fold` takes
a short road for plain ASCII. Each of these is checked against the way it was done before, on every sentence of
our own and on the thesaurus phrases themselves with filler words put between their words.
"""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "tests" / "eval"


def _sentences() -> list[str]:
    out = [
        s["text"]
        for path in (ROOT / "ontology" / "lay-voorbeelden.yaml", EVAL / "lay_sentences.yaml")
        for s in yaml.safe_load(path.read_text(encoding="utf-8"))["sentences"]
    ]
    for group in yaml.safe_load((EVAL / "safety_sentences.yaml").read_text(encoding="utf-8"))["groups"]:
        out.extend(group["sentences"])
    return out


@pytest.fixture(scope="module")
def analyzer():
    from match.nlp import Analyzer
    from ontology import load_gazetteer, load_ontology

    return Analyzer(load_ontology(), load_gazetteer())


def _with_fillers(phrases: list[str], fillers: list[str], n: int) -> list[str]:
    """Thesaurus phrases with 0-3 filler words between their words, in a sentence: the gaps the ruler allows
    (up to two) and one it does not."""
    rnd = random.Random(118)
    out = []
    for phrase in rnd.sample(phrases, n):
        words = phrase.split()
        mixed = [words[0]]
        for w in words[1:]:
            mixed += rnd.sample(fillers, rnd.choice((0, 1, 2, 2, 3))) + [w]
        out.append(f"ik {' '.join(mixed)} en {rnd.choice(fillers)} {phrase}")
    return out


def test_the_theme_ruler_finds_what_spacys_matcher_finds_for_every_phrase(analyzer):
    """Every (theme, start, end) the spaCy Matcher finds with the same patterns, and nothing else: on our lay and
    safety sentences and on phrases with fillers between their words (the filler gaps are where it could differ).
    """
    from spacy.matcher import Matcher

    from match.nlp import FILLERS, _thesaurus_phrases

    nlp = analyzer.nlp
    ruler = nlp.get_pipe("span_ruler")
    reference = Matcher(nlp.vocab)
    for entry in ruler.patterns:
        reference.add(repr((entry["label"], entry.get("id", ""))), [entry["pattern"]])
    phrases = [p for _, p in _thesaurus_phrases(analyzer.ontology) if len(p.split()) > 1]
    texts = _sentences()[::3] + _with_fillers(phrases, list(FILLERS), 400)
    differ, found = [], 0
    for text in texts:
        doc = nlp(text)
        ours = set(ruler.matcher(doc))
        theirs = set(reference(doc))
        found += len(theirs)
        if ours != theirs:
            differ.append((text, sorted(ours ^ theirs)))
    assert found > 1000  # the texts do exercise the phrases
    assert differ == []


def test_every_thesaurus_phrase_takes_the_first_word_road(analyzer):
    """No thesaurus phrase falls back to a spaCy Matcher that would run on every text (ADR 0118)."""
    matcher = analyzer.nlp.get_pipe("span_ruler").matcher
    assert matcher.always is None
    count = sum(
        len(singles) + sum(len(v) for g in by_gap.values() for v in g.values())
        for singles, by_gap in matcher.phrases.values()
    )
    assert count > 4000


def test_the_danger_and_need_rules_find_what_every_rule_finds(analyzer):
    """Skipping the rules and items whose first word is absent finds the same hits as trying every rule."""
    from match import needrules, signals

    nlp = analyzer.nlp
    for rules in (signals._RULES[id(nlp)], needrules._RULES[id(nlp)]):
        everything = _AllRules(rules)
        differ = []
        for text in _sentences():
            doc = nlp(text)
            if rules.find(doc) != everything.find(doc):
                differ.append(text)
        assert differ == []


class _AllRules:
    """The rules' `find` as it was: every rule and every item tried in every sentence."""

    def __init__(self, rules) -> None:
        self.rules = rules

    def find(self, doc):
        from match.signals import _sentences as sentences
        from match.signals import _tightest

        rules = self.rules
        keys = rules._keys(doc)
        where: dict[str, list[int]] = {}
        for i, ks in enumerate(keys):
            for k in ks:
                where.setdefault(k, []).append(i)
        hits = []
        seen = set()
        spans = sentences(doc, rules.barriers)
        for n, (lo, _) in enumerate(spans):
            for rule in rules.rules:
                hi = spans[min(n + rule.sentences, len(spans)) - 1][1]  # a passage (rule option `sentences`)
                per_group = []
                for group in rule.groups:
                    occ = [o for item in group for o in rules._occurrences(where, keys, lo, hi, item)]
                    if not occ:
                        break
                    per_group.append(occ)
                if len(per_group) < len(rule.groups):
                    continue
                if any(rules._occurrences(where, keys, lo, hi, u) for u in rule.unless):
                    continue
                best = _tightest(per_group, rule.window)
                if best is not None:
                    start, end = best[0][0], max(e for _, e in best)
                    parts = sorted({o for occ in per_group for o in occ if start <= o[0] and o[1] <= end})
                    if (rule.id, start, end) not in seen:
                        seen.add((rule.id, start, end))
                        hits.append((rule.id, rule.theme, start, end, parts))
        found = {h[0] for h in hits}
        replaced = {r for rule in rules.rules if rule.id in found for r in rule.replaces}
        return [h for h in hits if h[0] not in replaced]


@pytest.mark.parametrize(
    "text", ["Suïcide", "financiën", "ÉÉN", "ﬁets", "Ĳsselmeer", "café", "hallo WERELD", "x²", "naïef 12"]
)
def test_fold_is_the_same_on_both_roads(text):
    from match.words import fold

    slow = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    assert fold(text) == slow
    plain = text.encode("ascii", "ignore").decode()
    assert fold(plain) == "".join(
        c for c in unicodedata.normalize("NFKD", plain.lower()) if not unicodedata.combining(c)
    )


def _dense_log_prob(model, docs):
    """The theme model's matrix as it was kept before ADR 0118: every (feature, theme) cell, float64."""
    import numpy as np

    from match.themeclf import ALPHA, training_features

    col = {c: i for i, c in enumerate(model.classes)}
    mat = np.zeros((len(model.vocab), len(model.classes)))
    for text, weight, themes in docs:
        targets = [col[t] for t in themes if t in col]
        # with its weight (a long story's setting weighs less, ADR 0132)
        for f, n in training_features(text, weight, model.spelling)[0].items():
            if targets:
                np.add.at(mat, (np.full(len(targets), model.vocab[f]), targets), n)
    mat *= model.idf[:, None]
    return np.log((mat + ALPHA) / (mat.sum(axis=0) + ALPHA * len(model.vocab)))


def test_the_theme_model_keeps_a_tenth_of_its_memory_and_the_same_probabilities():
    """The model keeps the non-zero cells of its counts (~3 % of 10 000 features x 59 themes) instead of the dense
    log-probabilities (5 MB of float64 in every worker): every row a text needs is the same, bit for bit."""
    import numpy as np

    from match import themeclf
    from ontology import load_ontology

    onto = load_ontology()
    docs = themeclf.training_docs(onto)
    model = themeclf.ThemeModel(onto, docs)
    kept = sum(a.nbytes for a in (model.indptr, model.cols, model.vals, model.denom, model.idf))
    dense = _dense_log_prob(model, docs)
    assert kept < 0.15 * dense.nbytes, (kept, dense.nbytes)
    rows = np.arange(len(model.vocab))
    assert np.array_equal(model.log_prob_rows(rows), dense)
    for text in _sentences()[::5]:
        feats = themeclf.features(themeclf.words_of(text, model.spelling))
        idx = np.array([model.vocab[f] for f in feats if f in model.vocab])
        if len(idx):
            assert np.array_equal(model.log_prob_rows(idx), dense[idx])


def test_the_word_query_is_the_parsers_query_for_every_sentence(tmp_path):
    """The query of a hulpvraag built without whoosh's tagger is the one its parser builds (terms, order, boosts),
    on every sentence of our own and on words mixed with stop words, digits, accents and repeats; texts with a
    hyphen or an apostrophe take the parser's road."""
    from whoosh import fields, index

    from match.index import SEARCHED, _clean, _parser
    from match.index import _schema as index_schema
    from match.query_words import word_query

    ix = index.create_in(str(tmp_path), index_schema())
    parser = _parser(SEARCHED, ix.schema, __import__("whoosh").qparser.OrGroup)
    texts = [_clean(t) for t in _sentences()]
    rnd = random.Random(118)
    words = [w for t in texts for w in t.split(" ")] + ["de", "en", "ik", "15", "82", "één", "café", "x"]
    texts += [" ".join(rnd.choices(words, k=rnd.randint(1, 12))) for _ in range(500)]
    fast = 0
    for text in texts:
        if not text:
            continue
        ours = word_query(parser, text)
        if ours is None:
            assert "-" in text or "'" in text or not all(w.isalnum() for w in text.split(" ")), text
            continue
        fast += 1
        theirs = parser.parse(text)
        assert ours == theirs and repr(ours) == repr(theirs), text
    assert fast > 0.8 * len(texts)
    assert isinstance(index_schema()[SEARCHED], fields.TEXT)


def test_a_match_runs_the_dutch_pipeline_once_and_no_query_parser_for_plain_words(demo, monkeypatch):
    """The work per hulpvraag a user waits for: the spaCy pipeline once (never again on the same text), and for a
    question of plain words no run of whoosh's query parser (ADR 0118)."""
    from spacy.language import Language
    from whoosh.qparser import QueryParser

    calls = {"pipeline": 0, "parser": 0}
    pipeline, parse = Language.__call__, QueryParser.parse

    def counted_pipeline(self, *args, **kwargs):
        calls["pipeline"] += 1
        return pipeline(self, *args, **kwargs)

    def counted_parse(self, *args, **kwargs):
        calls["parser"] += 1
        return parse(self, *args, **kwargs)

    monkeypatch.setattr(Language, "__call__", counted_pipeline)
    monkeypatch.setattr(QueryParser, "parse", counted_parse)
    texts = [
        ("ik kom niet rond en de rekeningen stapelen zich op", None, "public"),
        ("mijn man slaat me en ik durf niet naar huis", "Aalten", "public"),
        ("geen sprake van huiselijk geweld, wel huurachterstand", None, "professional"),
        ("ik zorg voor mijn moeder van 82 met dementie en ik kan het niet meer aan", "Dinxperlo", "public"),
    ]
    for text, near, audience in texts:
        demo.match(text, near=near, audience=audience)
    assert calls == {"pipeline": len(texts), "parser": 0}
    demo.match("ik heb een burn-out en zo'n last van stress")  # a hyphen and an apostrophe: the parser's road
    assert calls == {"pipeline": len(texts) + 1, "parser": 1}
