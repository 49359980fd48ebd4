"""Shame, a secret or an elderly parent short of money read as danger at home (issue 12, tester19, ADR 0165).

tester19 (docs/usertest/m12test19.md) saw Veilig Thuis raised by the word model for "Na 20 jaar ontslagen en ik durf
het mijn vrienden niet te vertellen" (shame and not daring to tell alone read as danger at home) and "mijn moeder in
Winterswijk kan niet rondkomen van haar AOW" (an old parent short of money, nobody taking it). Their dangerous twins
must keep their help: not daring to tell because someone at home hurts or controls you, a son who takes the pension.
These sentences are my own (written before any change), none a tester's, an eval question's or a training sentence
of another author; the kinds of them are the new author file ontology/safety-voorbeelden-authH.yaml.
"""

from __future__ import annotations

import pytest
from builders import VEILIG_THUIS, top_ids

HOME = {"onveilig-thuis", "consultatie"}

# shame, not daring to tell, a secret about money, a job, an illness, marks: no danger at home
SHAME = [
    "ik ben na vijftien jaar bij hetzelfde bedrijf ontslagen en durf het mijn familie niet te vertellen",
    "mijn man weet niet dat ik mijn baan kwijt ben, ik ga elke ochtend gewoon de deur uit alsof er niks is",
    "ik schaam me zo voor mijn schulden dat ik het aan niemand durf te vertellen, ook niet aan mijn zus",
    "ik heb mijn examen verknald en durf het niet aan mijn ouders te zeggen",
    "durf mn ouders niet te vertellen dat ik voor drie vakken een onvoldoende heb",
    "mijn vader heeft kanker maar hij wil niet dat we het aan de buren vertellen, hij schaamt zich",
    "ik heb een geheim, ik ben al maanden zonder werk en mijn vrienden denken dat ik nog bij de bank zit",
    "sinds mijn faillissement durf ik niemand meer onder ogen te komen, ik zeg tegen iedereen dat het goed gaat",
    "mijn zoon van 30 is gezakt voor zijn rijexamen en hij schaamt zich dood, hij vertelt het aan niemand",
    pytest.param(
        "ik durf niet tegen mijn vrouw te zeggen dat ik ons spaargeld heb verloren met beleggen",
        marks=pytest.mark.xfail(
            strict=False,
            reason="session 12 (lead): raises danger at home again since one authG sentence near a held-out question "
            "left training (the model moved; open, in the closing note)",
        ),
    ),
    "ik heb een gokschuld en niemand mag het weten, vooral mijn ouders niet",
    "ik houd voor mijn collega's geheim dat ik een depressie heb gehad, ik ben bang dat ze me anders zien",
    "mijn moeder vertelt aan niemand dat ze in de schuldsanering zit, ze schaamt zich voor de buurt",
    "ik ben gestopt met mijn studie en mijn ouders betalen nog steeds mijn kamer, ik durf het niet op te biechten",
    "wij vertellen de familie niet dat mijn man zijn baan kwijt is, dat is te pijnlijk",
    "ik durf niemand te vertellen dat ik niet goed kan lezen en schrijven, ik schaam me er al mijn hele leven voor",
    "mijn dochter van 14 durft haar rapport niet te laten zien, ze is bang dat we boos worden",
    "na mijn scheiding durf ik mijn schoonfamilie niet meer te bellen, ik schaam me zo",
    "ik verzwijg voor iedereen dat ik een uitkering heb, ik zeg dat ik thuis werk",
    "mijn opa wil niet dat iemand weet dat hij incontinent is, hij schaamt zich en gaat niet meer naar de soos",
    "ik heb een soa en durf het niet aan mijn vriend te vertellen",
    "mn broer is ontslagen en heeft het mijn ouders nog steeds niet verteld, hij speelt toneel op verjaardagen",
]
# an elderly parent or a pensioner short of money, nobody taking it
SHORT = [
    "mijn vader van 82 komt elke maand te kort, zijn AOW is op voor de huur en de energie betaald zijn",
    "mijn moeder in Doetinchem kan niet rondkomen van haar pensioen, kan zij ergens hulp krijgen",
    "mn oma heeft alleen AOW en kan de nieuwe bril niet betalen",
    "ik ben 74 en met mijn kleine pensioentje kan ik de eigen bijdrage van de thuiszorg bijna niet opbrengen",
    "mijn schoonmoeder heeft na de dood van haar man veel minder geld en weet niet hoe ze de huur moet betalen",
    "onze ouders hebben alleen AOW en de rekeningen stapelen zich op, wie kan ze helpen met hun geldzaken",
    "mijn moeder durft niet te zeggen dat ze geen geld heeft voor boodschappen, ze eet al weken brood",
    "mijn vader is 79 en heeft een betalingsachterstand bij de zorgverzekering, hij snapt de brieven niet",
]
# the dangerous twins: not daring to tell because someone at home hurts, threatens or controls; money taken
HURT = [
    "ik durf het mijn vrienden niet te vertellen dat mijn man me slaat als hij gedronken heeft",
    "ik schaam me en durf niemand te zeggen dat mijn vriend me opsluit als ik te laat thuis ben",
    "mijn stiefvader zegt dat hij mijn moeder iets aandoet als ik vertel wat hij met mij doet",
    "ik durf niks te zeggen want mijn vrouw controleert mijn telefoon en dreigt de kinderen mee te nemen",
    "ik ben 15 en durf aan niemand te vertellen dat mijn vader me elke week slaat met zijn riem",
    "mijn zus durft het niet te vertellen maar haar man duwt haar en laat haar geen geld pinnen",
    "het is een geheim thuis, mijn broer schopt mijn moeder en zij zegt dat we er niks over mogen zeggen",
    "ik schaam me kapot maar mijn partner kleineert me elke dag en ik mag niet meer naar mijn familie",
    "mn vriendin vertelde dat haar vader haar opsluit in haar kamer en zegt dat niemand het mag weten",
    "ik durf het niet te vertellen want dan wordt mijn man nog bozer, vorige week had ik een blauw oog",
    "mijn buurvrouw zegt dat ze van de trap is gevallen maar ik hoor hem schreeuwen en slaan, ze durft niks te zeggen",
    "ik ben bang om thuis te komen want mijn moeder slaat ons als we iets verkeerd doen, ik durf het niet aan de juf te zeggen",
    "mijn partner dreigt me te vermoorden als ik het aan iemand vertel",
    "ze durft niet te zeggen dat haar zoon haar slaat als ze hem geen geld geeft",
    "ik durf mijn juf niet te vertellen dat mama's vriend mij pijn doet, hij zegt dat het ons geheimpje is",
    "mijn man houdt al mijn geld in, ik mag niemand bellen en ik schaam me om het aan mijn moeder te vertellen",
    "ik werd vorig jaar ontslagen en sindsdien slaat mijn vrouw me als ik om geld vraag, ik durf het niemand te zeggen",
]
TAKEN = [
    "mijn broer neemt elke maand het pensioen van onze moeder op en zij heeft niks meer voor eten",
    "de zoon van mijn buurman heeft zijn pinpas afgepakt en haalt zijn AOW leeg, mijn buurman durft niks te zeggen",
    "mijn vader van 85 moet zijn hele AOW aan mijn zus geven, anders mag hij de kleinkinderen niet meer zien",
    "mijn oma wordt door mijn oom gedwongen om geld over te maken, ze is bang voor hem",
    "de nieuwe vriend van mijn moeder heeft haar spaargeld opgemaakt en schreeuwt tegen haar als ze ernaar vraagt",
    "mijn schoonvader kan niet rondkomen omdat zijn dochter zijn bankrekening beheert en alles voor zichzelf gebruikt",
    "mn moeder van 80 is bang voor mijn broer, hij pakt haar pinpas en dreigt als ze nee zegt",
    "de kleinzoon van mijn cliënte laat haar formulieren tekenen en neemt haar geld mee, ze durft hem niet weg te sturen",
    pytest.param(
        "mijn tante van 77 heeft geen geld meer voor eten omdat haar zoon elke week haar AOW opeist en anders gaat "
        "schreeuwen",
        marks=pytest.mark.xfail(
            strict=True,
            reason="no rule reads a pension claimed with shouting; the word model reads 0.92 danger at home but the "
            "need it names (armoede) asks 0.98 (explained_floor) — for the rules (ADR 0165)",
        ),
    ),
    "opa zegt dat hij rond kan komen maar mijn neef woont bij hem in, gebruikt zijn pinpas en duwt hem als hij klaagt",
    "mijn moeder durft niet te vertellen dat mijn broer haar pensioen afpakt, ze schaamt zich voor hem",
    "de buurvrouw van 88 kan niet rondkomen sinds haar kleinzoon bij haar woont, hij haalt geld van haar rekening en ze is bang voor hem",
    "mijn vader geeft zijn hele pensioen aan zijn nieuwe vrouw omdat ze dreigt weg te gaan en hem niet meer te verzorgen",
]


def _raises_home(res) -> bool:
    return bool(HOME & set(res.safety_levels)) or VEILIG_THUIS in top_ids(res)


@pytest.mark.parametrize("text", SHAME + SHORT)
def test_shame_a_secret_or_a_small_pension_gets_no_veilig_thuis(demo, text):
    """Shame, not daring to tell, a secret about work, money, an illness or marks, an old parent short of money:
    no danger at home, by the rules or the word model."""
    res = demo.match(text)
    assert not _raises_home(res), (res.safety_levels, top_ids(res))


@pytest.mark.parametrize("text", HURT + TAKEN)
def test_not_daring_to_tell_of_violence_or_a_pension_taken_keeps_its_help(demo, text):
    """The twins: someone at home hurts, threatens or controls, or takes an old person's money — a danger raised
    (Veilig Thuis, or a level above it)."""
    res = demo.match(text)
    assert res.safety_levels, (res.safety_levels, top_ids(res))


def test_a_new_author_file_is_read_by_the_model_and_changes_its_artefact_key():
    """authG (renamed into the training glob) and authH are training data, and the word model's artefact key
    (ADR 0146) hashes every training file by name and content: a changed training set trains a new model."""
    from match import safety_model as sm

    names = {p.name for p in sm.recipe(object()).files}
    assert {"safety-voorbeelden-authG.yaml", "safety-voorbeelden-authH.yaml"} <= names
    assert {e.author for e in sm.authored()} >= {"authG", "authH"}
