"""What a trained Dutch pipeline adds to the matcher: its lemmas and its dependency parse.

Which pipeline runs (`load_pipeline`): `KAART_NLP_MODEL` when set (a package name, a folder, `shipped` for the
small UD pipeline in match/models/nl_kaart_ud_sm — built by `make nlp-model` from the UD Dutch treebanks,
CC BY-SA 4.0, see match/models/ATTRIBUTION.md — or `blank`); else `nl_core_news_sm` when installed
(`python -m spacy download nl_core_news_sm`); else a blank Dutch pipeline.

With a parser the matcher uses three things from here; without one, none of it runs and the cue-window rules of
match/nlp.py decide alone:

- `model_lemma`: the pipeline's lemma for a word whose simplemma lemma is not a thesaurus word but whose model
  lemma is (purely additive: a phrase that matched before still matches).
- `negation_scope` / `negates`: the scope of "niet", "nooit", "geen" by the parse instead of a token window. "Geen" negates
  its noun and what hangs on it ("geen sprake van huiselijk geweld", "van huiselijk geweld is geen sprake");
  "niet"/"nooit" negate their head and its dependents, but not a separate clause below it (a `ccomp`, `advcl`,
  relative clause or conjunct: "ik durf niet te zeggen dat hij slaat"). As in rule 8 of ontology/negation.yaml,
  "niet" on an ability verb or modal states the problem ("ik kan de huur niet betalen"). The cue rules still
  bound it: terminators, and a negator right before the mention, win over a parse that says otherwise.
- `victim`: who is in danger, from the object (or passive subject) of the danger word: "hij slaat mij" → adult,
  "hij slaat de kinderen" / "mijn broertje van 7 is geslagen" → child. A child victim adds the
  kindermishandeling theme to a geweld mention (Veilig Thuis, child-safety services). Object pronouns, a
  "door"-phrase and "van 7" are read from the words too: a parser trained on newspaper and Wikipedia text
  misreads first-person hulpvragen often ("mij" as subject).

Privacy: everything works on the Doc in memory; nothing is logged or stored.
"""

from __future__ import annotations

import importlib.metadata
import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from match import age_reading
from match.words import word_set

if TYPE_CHECKING:  # spaCy itself is imported where a pipeline is chosen or loaded, not with this module
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

log = logging.getLogger(__name__)
SHIPPED = Path(__file__).resolve().parent / "models" / "nl_kaart_ud_sm"
BLANK = "blank nl + simplemma"

# -- which pipeline ----------------------------------------------------------------------------------------


def _is_package(name: str) -> bool:
    """`spacy.util.is_package` without importing spaCy (`kaart check` asks it): an installed distribution."""
    try:
        importlib.metadata.distribution(name)
        return True
    except Exception:  # as spaCy's: any failure means "not installed"
        return False


def pipeline_choice() -> str:
    """The pipeline `load_pipeline` will use, without loading it (for `kaart check`)."""
    wanted = os.environ.get("KAART_NLP_MODEL", "").strip()
    if wanted:
        if wanted.lower() == "blank":
            return BLANK
        if wanted.lower() == "shipped":
            return str(SHIPPED)
        return wanted
    if _is_package("nl_core_news_sm"):
        return "nl_core_news_sm"
    # The shipped UD pipeline is opt-in (KAART_NLP_MODEL=shipped): on the graded held-out eval it answers one
    # Aalten question worse than blank nl and doubles the NLP time (ADR 0050), so it is not the default.
    return BLANK


def pipeline_summary() -> str:
    """One line for `kaart check`: which pipeline the matcher will run, and whether it parses."""
    choice = pipeline_choice()
    if choice == BLANK:
        return f"{BLANK} (geen parser: ontkenning via signaalwoorden)"
    path = Path(choice)
    meta_file = path / "meta.json" if path.is_dir() else None
    if meta_file is None or not meta_file.is_file():
        return f"{choice} (geïnstalleerd pakket)" if _is_package(choice) else f"{choice} (niet gevonden)"
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    where = "meegeleverd" if path.resolve() == SHIPPED else str(path)
    return f"{meta.get('lang', 'nl')}_{meta.get('name', path.name)} {meta.get('version', '')} ({where}; {meta.get('license', '')})"


def pipeline_problem() -> str | None:
    """A `kaart check` problem when KAART_NLP_MODEL names a pipeline that is not there (the matcher would fall
    back to blank nl without saying so)."""
    choice = pipeline_choice()
    if choice == BLANK or _is_package(choice) or (Path(choice) / "meta.json").is_file():
        return None
    return f"KAART_NLP_MODEL={choice}: geen spaCy-pijplijn gevonden; het systeem leest de vragen nu woord voor woord"


def load_pipeline(drop_exception: Callable[[str], bool] | None = None) -> tuple[Language, str]:
    """Load the chosen pipeline without NER; fall back to blank Dutch when it cannot be loaded.

    `drop_exception`: tokenizer exceptions blank Dutch is built without (signals.pronoun_stop: "me." is the
    pronoun's full stop). Built without them, not rebuilt after: replacing a tokenizer's 4 670 special cases
    costs ~2.5 MB of every matcher process and leaves the same rules (ADR 0168). A loaded pipeline brings its own
    tokenizer: the caller still drops them there."""
    from match.spacy_light import lazy_cli

    lazy_cli()  # spaCy's command line only when used (ADR 0118)
    import spacy

    choice = pipeline_choice()
    if choice != BLANK:
        try:
            nlp = spacy.load(choice, exclude=["ner", "senter"])
            if "trainable_lemmatizer" in nlp.pipe_names and "tagger" in nlp.pipe_names:
                nlp.disable_pipe(
                    "tagger"
                )  # fine-grained Alpino tags: nothing here reads them (~1/4 of the time)
            return nlp, describe(nlp, choice)
        except (OSError, ValueError, ImportError) as exc:
            log.warning(
                "spaCy-pijplijn %s niet te laden (%s); verder met blank nl", choice, type(exc).__name__
            )
    if drop_exception is None:
        return spacy.blank("nl"), BLANK
    from spacy.lang.nl import Dutch

    exceptions = Dutch.Defaults.tokenizer_exceptions
    Dutch.Defaults.tokenizer_exceptions = {k: v for k, v in exceptions.items() if not drop_exception(k)}
    try:  # one pipeline per process is built, under nlp's lock
        return spacy.blank("nl"), BLANK
    finally:
        Dutch.Defaults.tokenizer_exceptions = exceptions


def describe(nlp: Language, choice: str) -> str:
    meta = nlp.meta or {}
    name = f"{meta.get('lang', 'nl')}_{meta.get('name', Path(choice).name)}"
    return f"{name} {meta.get('version', '')}".strip() + f" ({', '.join(nlp.pipe_names)})"


def has_parse(nlp: Language) -> bool:
    return "parser" in nlp.pipe_names


# -- lemmas --------------------------------------------------------------------------------------------------


def model_lemma(token: Token, norm: str, vocab: set[str], fold: Any) -> str:
    """The model's lemma when it is a thesaurus word and the simplemma one is not; else `norm` unchanged."""
    if norm in vocab or not token.lemma_:
        return norm
    lemma = fold(token.lemma_)
    return lemma if lemma in vocab else norm


# -- negation scope ------------------------------------------------------------------------------------------

NEGATORS = word_set("negators")
# Dependents that start a clause of their own: a negation above them does not reach into them.
CLAUSE_DEPS = {
    "ccomp",
    "advcl",
    "acl",
    "acl:relcl",
    "conj",
    "parataxis",
    "csubj",
    "list",
    "discourse",
    "vocative",
}
# Nouns that only frame what "geen" negates: "geen sprake van X", "geen last van X", "geen zorgen over X".
FRAME_NOUNS = word_set("frame-nouns")


@dataclass(frozen=True)
class ParsedNegation:
    """One negation cue as the parse sees it: the tokens it governs (doc indices)."""

    cue: int
    scope: frozenset[int]
    states_problem: bool  # "niet" on an ability verb or modal: "ik kan de huur niet betalen"


def _subtree(token: Token, skip_clauses: bool) -> set[int]:
    out = {token.i}
    for child in token.children:
        if skip_clauses and child.dep_ in CLAUSE_DEPS and not _or_conjunct(child):
            continue
        out |= _below(child)
    return out


def _below(token: Token) -> set[int]:
    """The token and everything below it, each visited once (spaCy's `subtree` never ends on a parse with a cycle)."""
    out, todo = {token.i}, [token]
    while todo:
        for child in todo.pop().children:
            if child.i not in out:
                out.add(child.i)
                todo.append(child)
    return out


def is_tree(doc: Doc) -> bool:
    """Every word's heads lead to a root. The trained pipeline can leave a cycle where the decompounder split a word
    before the parser ("ik ben wmo-consulent, …", "hij is geen buurtcoach maar …"): the first piece keeps the head
    the split gave it (the last piece) with no label, and the parser makes the last piece its dependent. spaCy's
    Python `Token.head` hides that (an unlabelled head reads as the token itself), but `Span.root` raises E039 and
    `Token.subtree` never ends. Such a parse is not used: the cue rules decide negation and the victim stays unknown
    (ADR 0130). Cached on the Doc."""
    known = doc.user_data.get("kaart_tree")
    if known is None:
        from spacy.attrs import HEAD

        heads = [
            int(h) for h in doc.to_array([HEAD]).astype("int64").ravel()
        ]  # relative, as spaCy keeps them
        rooted: set[int] = set()
        known = True
        for i in range(len(doc)):
            path: set[int] = set()
            while known and i not in rooted and heads[i]:
                path.add(i)
                i += heads[i]
                known = 0 <= i < len(doc) and i not in path
            if not known:
                break
            rooted |= path | {i}
        doc.user_data["kaart_tree"] = known
    return bool(known)


def root_of(span: Span) -> Token | None:
    """`span.root`, or None for an empty span or a parse that is no tree (spaCy E039)."""
    if not len(span) or not is_tree(span.doc):
        return None
    try:
        return span.root
    except (RuntimeError, IndexError):
        return None


def _or_conjunct(token: Token) -> bool:
    """ "geen schulden of verslaving": a conjunct joined by "of"/"noch" shares the negation; one joined by "en"
    does not (rule 7 of ontology/negation.yaml: "geen schulden en hij slaat me" keeps the danger)."""
    return token.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ in {"of", "noch"} for c in token.children)


def negation_scope(doc: Doc, cue_index: int, ability_verbs: set[str], fold: Any) -> ParsedNegation | None:
    """The parse scope of the negator in a cue, or None when the cue has no negator the parse can place."""
    tok = doc[cue_index]
    word = fold(tok.text)
    if word not in NEGATORS or not is_tree(doc):
        return None
    after = [fold(t.text) for t in doc[tok.i + 1 : tok.i + 3]]
    if after[:1] == ["dat"] or after == ["zo", "dat"]:
        return None  # "het is niet (zo) dat ik eenzaam ben" denies the clause: the cue rule negates it
    head = tok.head
    if head.i == tok.i:  # a lone "niet"/"geen" as the root: nothing to scope over
        return ParsedNegation(tok.i, frozenset(), False)
    if word == "geen" or tok.dep_ == "det":
        scope = _subtree(head, skip_clauses=True)
        if fold(head.lemma_ or head.text) in FRAME_NOUNS or fold(head.text) in FRAME_NOUNS:
            # "van huiselijk geweld is geen sprake": the van-phrase may hang on the verb, not on "sprake".
            verb = head.head
            for sib in verb.children:
                if (
                    sib.i != head.i
                    and sib.dep_ in {"obl", "nmod", "obj"}
                    and any(c.dep_ == "case" for c in sib.children)
                ):
                    scope |= _below(sib)
        scope.discard(tok.i)
        return ParsedNegation(tok.i, frozenset(scope), False)
    scope = _subtree(head, skip_clauses=True)
    scope.discard(tok.i)
    verbs = [head, *(c for c in head.children if c.dep_ in {"aux", "aux:pass", "cop"})]
    if head.dep_ == "xcomp":
        verbs.append(head.head)
    states_problem = any(fold(v.text) in ability_verbs or fold(v.lemma_) in ability_verbs for v in verbs)
    return ParsedNegation(tok.i, frozenset(scope), states_problem)


def negates(
    neg: ParsedNegation,
    span: Span,
    blocked: Callable[[int, int, bool], bool],
    ability_before: Callable[[int], bool] = lambda _start: False,
) -> bool:
    """Does this negation scope over the theme mention? Judged on the mention's content words. The cue rules'
    terminators still bound it (`blocked(a, b, backward)`: "maar", ",", … between cue and mention; looking
    forward also a subordinator: "ik vertel niet aan de politie dat hij me slaat"), and a
    negator right before the mention ("geen acuut gevaar", "niet eenzaam") negates it whatever the parse says:
    a small parser misreads such short lower-case phrases more often than the cue rule does. Rule 8 (ability
    verb + "niet" after the mention states the problem) applies looking backward only, as in the cue rules."""
    if span.start <= neg.cue < span.end:
        return False
    if (neg.cue < span.start and blocked(neg.cue + 1, span.start, True)) or (
        neg.cue >= span.end and blocked(span.end, neg.cue, True)
    ):
        return False
    if (
        neg.cue < span.start
        and span.start - neg.cue <= 2
        and not _punct_between(span.doc, neg.cue, span.start)
    ):
        return True
    if neg.cue >= span.end and (neg.states_problem or ability_before(span.start)):
        return (
            False  # rule 8 by the parse or, when the parse misplaces "niet", by the words before the mention
        )
    root = root_of(span)
    return (root is not None and root.i in neg.scope) or any(
        t.i in neg.scope for t in span if t.pos_ in {"NOUN", "VERB", "ADJ"}
    )


def _punct_between(doc: Doc, a: int, b: int) -> bool:
    return any(doc[i].is_punct for i in range(a + 1, b))


# -- who is in danger ------------------------------------------------------------------------------------------

CHILD_NOUNS = word_set("child-nouns")
ADULT_NOUNS = word_set("adult-nouns")
OBJECT_PRONOUNS = word_set("object-pronouns")  # object forms: never the one who does it
SUBJECT_PRONOUNS = word_set("subject-pronouns")  # the victim only in a passive clause ("ik word geslagen")
PASSIVE_AUX = word_set("passive-aux")
# Dependents that start a clause of their own (the victim of "slaat" is looked for in its own clause).
CLAUSE_TOPS = {"ROOT", "ccomp", "advcl", "acl:relcl", "conj", "parataxis", "csubj", "xcomp", "root"}
# What a child victim adds: the theme for a child in danger (next to the adult-violence theme).
CHILD_THEME = "kindermishandeling"
CHILD_FROM_THEMES = {"huiselijk-geweld", "veiligheid", "seksueel-geweld"}


def _age_after(token: Token) -> int | None:
    """ "broertje van 7", "zoon van 34 jaar": an age right after the noun (surface order; the parse may misplace
    the van-phrase), read by the one age reader (match/age_reading.py `van_age`)."""
    return age_reading.van_age([t.text for t in token.doc], token.i + 1)


def _person(token: Token, fold: Any) -> str | None:
    """child | adult | None for one noun or pronoun, an age after it deciding ("van 7", "van 34")."""
    age = _age_after(token)
    if age is not None and token.pos_ in {"NOUN", "PROPN", "PRON"}:
        return "child" if age < 18 else "adult"
    word = fold(token.text)
    if word in CHILD_NOUNS:
        return "child"
    if word in OBJECT_PRONOUNS or word in SUBJECT_PRONOUNS or word in ADULT_NOUNS:
        return "adult"
    return None


# Forms of hebben/zijn/worden: a participle the parser hung under one of them as a clause still belongs to it
# ("Hij heeft mijn zoon van 34 geslagen").
AUX_FORMS = word_set("aux-forms")


def _verbal_group(token: Token) -> list[Token]:
    """The danger word and the path up to the top of its clause ("heeft … geslagen"; a participle the parser
    hung under a noun, "broertje van 7 geslagen", climbs to the verb of that noun)."""
    group = [token]
    while (
        token.head.i != token.i
        and len(group) < 8
        and (token.dep_ not in CLAUSE_TOPS or token.head.lower_ in AUX_FORMS)
    ):
        token = token.head
        group.append(token)
    # Its auxiliaries too: a small parser may hang the object on "heeft" ("Mijn vriend heeft mij geslagen").
    return group + [c for v in group for c in v.children if c.dep_ in {"aux", "aux:pass", "cop"}]


def _noun_conjunct(token: Token) -> bool:
    """ "me en de kinderen": a noun joined by a conjunction, not a clause of its own that the parser headed by its
    noun ("…, de kinderen zijn bij mijn moeder", "en heb twee kinderen")."""
    kids = {c.dep_ for c in token.children}
    return token.pos_ in {"NOUN", "PRON", "PROPN"} and "cc" in kids and not kids & {"cop", "aux", "nsubj"}


def _dependents(group: list[Token]) -> list[Token]:
    """The persons the verbal group governs directly (noun conjuncts too: "me en de kinderen")."""
    out: list[Token] = []
    for v in group:
        for c in v.children:
            if c.dep_ in {"obl", "nmod"} and not any(x.dep_ == "case" for x in c.children):
                continue  # an oblique without a preposition is a misparse ("slaat me, de kinderen zijn …")
            if c.dep_ not in CLAUSE_TOPS or _noun_conjunct(c):
                out.append(c)
                out.extend(cc for cc in c.children if cc.dep_ == "conj" and _noun_conjunct(cc))
    return out


def _reported_clauses(group: list[Token]) -> list[Token]:
    """A dat-clause below the danger word: what one fears or reports ("bang dat hij de kinderen iets aandoet")."""
    return [
        c
        for v in group
        for c in v.children
        if c.dep_ in CLAUSE_TOPS and any(m.dep_ == "mark" and m.lower_ == "dat" for m in c.children)
    ]


def _passive(group: list[Token], fold: Any) -> bool:
    """A form of "worden"/"zijn" with a participle and no "hebben" ("ik word geslagen", "is mishandeld")."""
    tokens = [*group, *(c for v in group for c in v.children if c.dep_ in {"aux", "aux:pass", "cop"})]
    words = [fold(t.text) for t in tokens]
    if any(w in {"heeft", "hebben", "had", "hadden", "heb", "hebt"} for w in words):
        return False
    return any(w in PASSIVE_AUX for w in words) and any(
        t.morph.get("VerbForm") == ["Part"] or w.startswith("ge") for t, w in zip(tokens, words, strict=True)
    )


def _victims(tokens: list[Token], passive: bool, fold: Any) -> list[str]:
    found: list[str] = []
    for t in tokens:
        doc, i, word = t.doc, t.i, fold(t.text)
        if t.dep_ in {"nmod:poss", "det"} or (
            word == "ons" and i + 1 < len(doc) and doc[i + 1].pos_ == "NOUN"
        ):
            continue  # "mijn man", "ons kind": the possessor is not the person meant
        if (i > 0 and fold(doc[i - 1].text) == "door") or any(
            fold(a.text) == "door" for a in t.children if a.dep_ == "case"
        ):
            continue  # "door mijn man": the one who does it
        subject = t.dep_ in {"nsubj", "nsubj:pass", "csubj"} or word in SUBJECT_PRONOUNS
        if subject and not passive and word not in OBJECT_PRONOUNS:
            continue  # the one who does it
        kind = _person(t, fold)
        if kind:
            found.append(kind)
    return found


WORDEN = word_set("worden")


def _surface_passive(span: Span, fold: Any) -> list[str]:
    """Last resort when the parse of a short lower-case sentence is off: "[mijn dochter] wordt … mishandeld":
    the nearest person before a form of "worden" that stands before the participle."""
    doc, root = span.doc, root_of(span)
    if root is None:
        return []
    sent_start = root.sent.start
    for j in range(span.start - 1, sent_start - 1, -1):
        if fold(doc[j].text) in WORDEN:
            for k in range(j - 1, sent_start - 1, -1):
                kind = _person(doc[k], fold)
                if (
                    kind
                    and doc[k].dep_ not in {"nmod:poss", "det"}
                    and fold(doc[k].text) not in {"mijn", "zijn"}
                ):
                    return [kind]
            return []
    return []


def victim_of(span: Span, fold: Any) -> str | None:
    """Who undergoes the danger in this mention: a person its verb governs who is not the one doing it (else
    in a dat-clause below it, else the subject of a surface passive). Object pronouns ("mij", "me") are always
    the victim; "ik"/"wij" and the subject only in a passive clause; a "door"-phrase is the one who does it;
    possessives ("mijn man") are not persons here."""
    root = root_of(span)
    if root is None:
        return None
    group = _verbal_group(root)
    found = _victims(_dependents(group), _passive(group, fold), fold)
    for clause in _reported_clauses(group) if not found else []:
        found += _victims(_dependents([clause]), _passive([clause], fold), fold)
    if not found:
        found = _surface_passive(span, fold)
    if "child" in found:
        return "child"
    return "adult" if found else None


def _victim_or_none(span: Span, fold: Any) -> str | None:
    """`victim_of`, or None when the trained pipeline's parse of the sentence is no tree (spaCy E039 on
    "een bewoner zegt dat de overheid zijn gedachten afluistert en heeft zijn voordeur dichtgetimmerd"): the
    hulpvraag is answered without knowing the victim instead of failing (helper safety8)."""
    try:
        return victim_of(span, fold)
    except RuntimeError:
        return None


def victim(doc: Doc, spans: list[Span], fold: Any) -> str | None:
    """The victim over all danger mentions: a child anywhere wins (the most protective answer)."""
    kinds = [v for s in spans if (v := _victim_or_none(s, fold))]
    if "child" in kinds:
        return "child"
    return "adult" if kinds else None
