"""Build the fictional HSDS 3.0 evaluation datapackage in tests/eval/dataset/.

This script is the source of truth for the evaluation data: edit the tables below
and re-run ``python tests/eval/build_dataset.py``; then run
``python tests/eval/validate_eval.py`` (or pytest tests/eval).

Everything here is FICTIONAL. The organisations do not exist; names only resemble
the *kind* of organisation found in a Dutch sociale kaart. No phone numbers, e-mail
addresses, websites, street addresses or opening hours are given (unknown stays
empty, as the brief demands). Locations sit at the centre of a kern and are marked
``locatie=benaderd`` per docs/hsds-profile.md.

Output is deterministic (sorted, fixed dates) so re-running gives identical files.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "dataset"
# HSDS example package: headers and table schemas are copied from here.
# HSDS example package next to the repository (../shared); override with KAART_HSDS_EXAMPLES.
EXAMPLES = Path(
    os.environ.get("KAART_HSDS_EXAMPLES", HERE.parents[2] / "shared" / "hsds-3.0" / "examples" / "csv")
)

# Date the records were (fictionally) created; used for metadata.csv provenance.
BUILD_DATE = "2026-11-23"

# --------------------------------------------------------------------------------------
# Vocabularies (ids exactly as in the brief / ontology)
# --------------------------------------------------------------------------------------
THEMES = {
    "financien": "Financiën",
    "werk-dagbesteding": "Werk en dagbesteding",
    "huisvesting": "Huisvesting",
    "huiselijke-relaties": "Huiselijke relaties",
    "opvoeden-opgroeien": "Opvoeden en opgroeien",
    "onderwijs": "Onderwijs",
    "geestelijke-gezondheid": "Geestelijke gezondheid",
    "lichamelijke-gezondheid": "Lichamelijke gezondheid",
    "middelengebruik": "Middelengebruik",
    "zelfredzaamheid": "Zelfredzaamheid",
    "sociaal-netwerk": "Sociaal netwerk",
    "maatschappelijke-participatie": "Maatschappelijke participatie",
    "justitie": "Justitie",
    "veiligheid": "Veiligheid",
    "acuut-gevaar": "Acuut gevaar",
    "meldcode-advies": "Advies bij de meldcode",
    "schulden": "Schulden",
    "armoede": "Armoede",
    "inkomen-toeslagen": "Inkomen en toeslagen",
    "administratie": "Administratie",
    "huurachterstand": "Huurachterstand",
    "werk": "Werk",
    "dagbesteding": "Dagbesteding",
    "opleiding": "Opleiding",
    "vrijwilligerswerk": "Vrijwilligerswerk",
    "dakloosheid": "Dakloosheid",
    "vervuiling": "Vervuiling",
    "woningaanpassing": "Woningaanpassing",
    "echtscheiding": "Echtscheiding",
    "relatieproblemen": "Relatieproblemen",
    "opvoeding": "Opvoeding",
    "ontwikkeling-taal": "Ontwikkeling en taal",
    "gedragsproblemen": "Gedragsproblemen",
    "kinderopvang": "Kinderopvang",
    "overgang-18": "Overgang naar 18",
    "schoolverzuim": "Schoolverzuim",
    "pesten": "Pesten",
    "passend-onderwijs": "Passend onderwijs",
    "psychische-klachten": "Psychische klachten",
    "psychische-crisis": "Psychische crisis",
    "suicidaliteit": "Suïcidaliteit",
    "rouw": "Rouw en verlies",
    "lvb": "Licht verstandelijke beperking",
    "nah": "Niet-aangeboren hersenletsel",
    "dementie": "Dementie",
    "chronische-ziekte": "Chronische ziekte",
    "verslaving": "Verslaving",
    "huishouden": "Huishouden",
    "hulpmiddelen": "Hulpmiddelen",
    "vervoer": "Vervoer",
    "eenzaamheid": "Eenzaamheid",
    "mantelzorg": "Mantelzorg",
    "inburgering-taal": "Inburgering en taal",
    "laaggeletterdheid": "Laaggeletterdheid",
    "digitale-vaardigheden": "Digitale vaardigheden",
    "justitie-contact": "Contact met justitie",
    "huiselijk-geweld": "Huiselijk geweld",
    "kindermishandeling": "Kindermishandeling",
    "ouderenmishandeling": "Ouderenmishandeling",
}

DOELGROEPEN = {
    "kinderen-0-4": "Kinderen 0-4 jaar",
    "kinderen-4-12": "Kinderen 4-12 jaar",
    "jongeren-12-18": "Jongeren 12-18 jaar",
    "jongvolwassenen-16-27": "Jongvolwassenen 16-27 jaar",
    "volwassenen": "Volwassenen",
    "ouderen": "Ouderen",
    "ouders": "Ouders en opvoeders",
    "mantelzorgers": "Mantelzorgers",
    "nieuwkomers": "Nieuwkomers",
    "iedereen": "Iedereen",
}

NIVEAUS = {
    "vrij-toegankelijk": "Vrij toegankelijk (sociale basis)",
    "lokaal-team": "Lokaal team",
    "maatwerk": "Maatwerkvoorziening",
    "specialistisch": "Specialistische hulp",
    "crisis": "Crisis en acute hulp",
}

TOEGANG = {
    "vrij-toegankelijk": "Vrij toegankelijk, zonder verwijzing",
    "verwijzing": "Via verwijzing (huisarts, lokaal team, jeugdarts of andere verwijzer)",
    "beschikking": "Na een beschikking of indicatie van de gemeente",
}

ORGANISATIESOORTEN = {
    "sociale-basis": "Sociale basis",
    "pedagogische-basis": "Pedagogische basis",
    "lokaal-team": "Lokaal team",
    "specialistische-aanbieder": "Specialistische aanbieder",
    "crisisdienst": "Crisisdienst",
    "gemeente": "Gemeente",
}

BEREIKBAARHEID = {"24-7": "Dag en nacht bereikbaar (24/7)"}

LOCATIE = {
    "benaderd": "Locatie benaderd op het centrum van de kern (adres onbekend)",
    "vertrouwelijk": "Vertrouwelijke locatie: nooit op de kaart of met adres tonen",
}

TAXONOMIES = {
    # id: (name, description, terms)
    "tax-niveau": ("niveau", "Niveau van hulp (matched care-ladder van de sociale kaart)", NIVEAUS),
    "tax-thema": ("thema", "Thema's van de sociale kaart (ontology/themes.yaml)", THEMES),
    "tax-doelgroep": (
        "doelgroep",
        "Doelgroepen van de sociale kaart (ontology/doelgroepen.yaml)",
        DOELGROEPEN,
    ),
    "tax-organisatiesoort": (
        "organisatiesoort",
        "Soort organisatie in het sociaal domein",
        ORGANISATIESOORTEN,
    ),
    "tax-toegang": ("toegang", "Toegangsroute (hoe kom je binnen)", TOEGANG),
    "tax-bereikbaarheid": ("bereikbaarheid", "Bijzondere bereikbaarheid", BEREIKBAARHEID),
    "tax-locatie": ("locatie", "Bijzonderheden van een locatie", LOCATIE),
}

# --------------------------------------------------------------------------------------
# Kernen (centre coordinates given in the brief)
# --------------------------------------------------------------------------------------
KERNEN = {
    "Aalten": (51.9253, 6.5806),
    "Dinxperlo": (51.8630, 6.4880),
    "Bredevoort": (51.9414, 6.6203),
    "IJzerlo": (51.9143, 6.6340),
    "De Heurne": (51.8745, 6.4553),
    "Barlo": (51.9347, 6.5447),
    "Winterswijk": (51.9725, 6.7194),
    "Lichtenvoorde": (51.9867, 6.5667),
    "Doetinchem": (51.9650, 6.2889),
}

GEMEENTE = "gemeente Aalten"
NOORD = ["Aalten", "Bredevoort", "IJzerlo", "Barlo"]  # served from Aalten
ZUID = ["Dinxperlo", "De Heurne"]  # served from Dinxperlo

# --------------------------------------------------------------------------------------
# Organisations: id -> (name, organisatiesoort, description)
# --------------------------------------------------------------------------------------
ORGS = {
    "org-team-meedoen": (
        "Team Meedoen",
        "gemeente",
        "Team Meedoen is de gemeentelijke toegang voor Wmo, jeugd, participatie, schuldhulpverlening "
        "en minimaregelingen. Consulenten voeren het keukentafelgesprek en nemen besluiten over maatwerkvoorzieningen.",
    ),
    "org-sociaal-team-kernen": (
        "Sociaal Team De Kernen",
        "lokaal-team",
        "Het sociaal team is het lokale team voor alle inwoners: generalisten die breed kijken naar het huishouden, "
        "zelf ondersteunen en waar nodig expertise bijschakelen. Het team coördineert ook het Vraag- en Advies Team.",
    ),
    "org-welzijn-oost": (
        "Welzijn Oost-Achterhoek",
        "sociale-basis",
        "Welzijnsorganisatie met buurtcoaches, ouderenadvies, ontmoetingsactiviteiten en vrijwillige diensten "
        "in de kernen van de gemeente.",
    ),
    "org-papierwerk": (
        "Stichting Papierwerk Achterhoek",
        "sociale-basis",
        "Vrijwilligersorganisatie die inwoners helpt met formulieren, brieven van instanties en het aanvragen van toeslagen.",
    ),
    "org-geldmaatje": (
        "Stichting Geldmaatje Achterhoek",
        "sociale-basis",
        "Getrainde vrijwilligers die inwoners helpen om hun geldzaken op orde te krijgen en te houden.",
    ),
    "org-voedselhulp": (
        "Voedselhulp Oost-Achterhoek",
        "sociale-basis",
        "Vrijwilligersorganisatie die voedselpakketten verstrekt aan huishoudens die tijdelijk niet rondkomen.",
    ),
    "org-maatjesnetwerk": (
        "Maatjesnetwerk De Verbinding",
        "sociale-basis",
        "Maatjesorganisatie die inwoners koppelt aan een vrijwilliger voor contact, gezelschap en samen dingen ondernemen.",
    ),
    "org-taalpunt": (
        "Taalpunt Aalten-Dinxperlo",
        "sociale-basis",
        "Taalpunt voor volwassenen die beter Nederlands willen leren spreken, lezen, schrijven of rekenen.",
    ),
    "org-bibliotheek": (
        "Bibliotheek De Boekenschuur",
        "sociale-basis",
        "Openbare bibliotheek met spreekuren voor digitale vaardigheden en de digitale overheid.",
    ),
    "org-mantelzorgpunt": (
        "Steunpunt Mantelzorg Oost-Achterhoek",
        "sociale-basis",
        "Steunpunt voor mantelzorgers: informatie, advies, lotgenotencontact en hulp bij het regelen van vervangende zorg.",
    ),
    "org-jgz": (
        "Jeugdgezondheid Achterhoek",
        "pedagogische-basis",
        "Jeugdgezondheidszorg (JGZ) voor kinderen van 0 tot 18 jaar en hun ouders: consultatiebureau, "
        "jeugdverpleegkundigen, jeugdartsen en opvoedadvies.",
    ),
    "org-jongerenwerk": (
        "Jongerenwerk Stroom",
        "pedagogische-basis",
        "Jongerenwerkers die jongeren opzoeken op straat, online en in het jongerencentrum, en jongvolwassenen helpen bij 18 worden.",
    ),
    "org-gezinsmaatjes": (
        "Gezinsmaatjes Achterhoek",
        "pedagogische-basis",
        "Getrainde vrijwilligers, vaak zelf ouder, die gezinnen met jonge kinderen thuis ondersteunen.",
    ),
    "org-vrijwilligerscentrale-schakel": (
        "Vrijwilligerscentrale De Schakel",
        "sociale-basis",
        "Vacaturebank en adviespunt voor vrijwilligerswerk in de gemeente.",
    ),
    "org-werkbedrijf": (
        "Werkbedrijf Oost-Achterhoek",
        "gemeente",
        "Gemeenschappelijk werkbedrijf dat inwoners met een uitkering begeleidt naar werk, leerwerkplekken en opleiding.",
    ),
    "org-woonstichting": (
        "Woonstichting De Kernen",
        "sociale-basis",
        "Woningcorporatie met sociale huurwoningen in de kernen van de gemeente.",
    ),
    "org-praathuis": (
        "Stichting Praathuis",
        "sociale-basis",
        "Laagdrempelige cursussen en gespreksgroepen over mentale gezondheid, geleid door preventiewerkers en ervaringsdeskundigen.",
    ),
    "org-levensvragen": (
        "Centrum voor Levensvragen Achterhoek",
        "sociale-basis",
        "Netwerk van geestelijk verzorgers die thuis gesprekken voeren met inwoners over levensvragen.",
    ),
    "org-eigen-regie": (
        "Stichting Eigen Regie",
        "sociale-basis",
        "Onafhankelijke cliëntondersteuning voor inwoners die de weg zoeken in zorg, ondersteuning en regelgeving, "
        "met specifieke kennis van licht verstandelijke beperkingen.",
    ),
    "org-nah-expertise": (
        "NAH Expertise Achterhoek",
        "specialistische-aanbieder",
        "Expertisecentrum voor mensen met niet-aangeboren hersenletsel en hun naasten.",
    ),
    "org-dementienetwerk": (
        "Dementienetwerk Oost-Achterhoek",
        "specialistische-aanbieder",
        "Samenwerkingsverband rond dementie: casemanagement, ontmoetingscentra en informatieavonden.",
    ),
    "org-na-de-poort": (
        "Stichting Na de Poort",
        "sociale-basis",
        "Vrijwilligers en beroepskrachten die gedetineerden, ex-gedetineerden en hun families ondersteunen.",
    ),
    "org-scheidingspunt": (
        "Scheidingspunt Achterhoek",
        "sociale-basis",
        "Laagdrempelig informatiepunt voor ouders en partners die uit elkaar gaan.",
    ),
    "org-kering": (
        "Verslavingszorg De Kering",
        "specialistische-aanbieder",
        "Instelling voor preventie en behandeling van problemen met alcohol, drugs, gokken en gamen.",
    ),
    "org-jeugdhulp-kapstok": (
        "Jeugdhulp De Kapstok",
        "specialistische-aanbieder",
        "Aanbieder van ambulante jeugdhulp en gezinsbegeleiding, ook bij complexe scheidingen.",
    ),
    "org-zorgboerderij": (
        "Zorgboerderij Het Heurnse Erf",
        "specialistische-aanbieder",
        "Zorgboerderij met dagbesteding voor volwassenen en ouderen.",
    ),
    "org-meldpunt-zorg-overlast": (
        "Meldpunt Zorg en Overlast Oost-Achterhoek",
        "specialistische-aanbieder",
        "Regionaal meldpunt voor zorgen over inwoners die zelf geen hulp vragen (bemoeizorg, OGGZ).",
    ),
    "org-ggz-slinge": (
        "GGZ Slinge",
        "specialistische-aanbieder",
        "Instelling voor geestelijke gezondheidszorg voor volwassenen, met basis-GGZ, specialistische GGZ en een crisisdienst.",
    ),
    "org-jeugd-ggz-horizon": (
        "Jeugd-GGZ De Horizon",
        "specialistische-aanbieder",
        "Specialistische geestelijke gezondheidszorg voor kinderen en jongeren tot 18 jaar.",
    ),
    "org-lvb-expertise": (
        "Expertisecentrum LVB Oost",
        "specialistische-aanbieder",
        "Specialistische begeleiding, behandeling en consultatie bij een licht verstandelijke beperking.",
    ),
    "org-onderdak": (
        "Stichting Onderdak Oost-Gelderland",
        "specialistische-aanbieder",
        "Maatschappelijke opvang, beschermd wonen en vrouwenopvang in de regio.",
    ),
    "org-veilig-thuis-achterhoek": (
        "Veilig Thuis Achterhoek",
        "crisisdienst",
        "Advies- en meldpunt voor huiselijk geweld, kindermishandeling en ouderenmishandeling.",
    ),
    "org-hulplijn-zelfmoordpreventie": (
        "Stichting Hulplijn Zelfmoordpreventie",
        "crisisdienst",
        "Landelijke hulplijn voor mensen die aan zelfdoding denken en hun naasten.",
    ),
    "org-meldkamer": (
        "Meldkamer Oost",
        "crisisdienst",
        "Meldkamer voor het alarmnummer 112: politie, ambulance en brandweer bij levensbedreigende situaties.",
    ),
    "org-spoedteam-jeugd": (
        "Spoedteam Jeugd Achterhoek",
        "crisisdienst",
        "Crisisdienst voor kinderen, jongeren en gezinnen in een acute crisis.",
    ),
}

# --------------------------------------------------------------------------------------
# Services
#   themes=None  -> the service carries NO thema attribute (matcher must derive themes)
#   locations: list of kernen where the service is given (one location per org x kern)
#   areas: service_areas names (kernen, "Gemeente Aalten", "Achterhoek", "Nederland")
#   assured: assured_date ("" = never verified)
#   wait: (wait_time text, measured date) or None
# --------------------------------------------------------------------------------------
SERVICES: list[dict] = []


def svc(
    id,
    org,
    name,
    niveau,
    toegang,
    themes,
    doelgroepen,
    description,
    *,
    locations,
    areas,
    assured,
    min_age=None,
    max_age=None,
    wait=None,
    application="",
    fees="Gratis.",
    eligibility="",
    alternate="",
    always=False,
    status="active",
):
    SERVICES.append(
        dict(
            id=id,
            org=org,
            name=name,
            niveau=niveau,
            toegang=toegang,
            themes=themes,
            doelgroepen=doelgroepen,
            description=description,
            locations=locations,
            areas=areas,
            assured=assured,
            min_age=min_age,
            max_age=max_age,
            wait=wait,
            application=application,
            fees=fees,
            eligibility=eligibility,
            alternate=alternate,
            always=always,
            status=status,
        )
    )


# ---- sociale basis: vrij toegankelijk --------------------------------------------------
svc(
    "svc-buurtcoach-aalten",
    "org-welzijn-oost",
    "Buurtcoach Aalten",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    ["zelfredzaamheid", "sociaal-netwerk", "administratie", "eenzaamheid"],
    ["volwassenen", "ouderen"],
    "Heeft u een vraag over geld, wonen, eenzaamheid of meedoen in de buurt, en weet u niet waar u moet beginnen? "
    "De buurtcoach komt bij u thuis, luistert naar uw verhaal en zoekt samen met u en mensen om u heen naar een oplossing. "
    "U heeft geen verwijzing nodig.",
    locations=["Aalten"],
    areas=NOORD,
    assured="2026-10-02",
    application="Zelf aanmelden of aanmelden door iemand uit uw omgeving.",
)

svc(
    "svc-buurtcoach-dinxperlo",
    "org-welzijn-oost",
    "Buurtcoach Dinxperlo",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    ["zelfredzaamheid", "sociaal-netwerk", "administratie", "eenzaamheid"],
    ["volwassenen", "ouderen"],
    "De buurtcoach in Dinxperlo en De Heurne helpt bij vragen over geld, wonen, eenzaamheid of meedoen. "
    "De buurtcoach komt bij u thuis en zoekt samen met u naar wat u zelf kunt, wat uw netwerk kan en welke hulp er is. "
    "U heeft geen verwijzing nodig.",
    locations=["Dinxperlo"],
    areas=ZUID,
    assured="2026-03-11",
    application="Zelf aanmelden of aanmelden door iemand uit uw omgeving.",
)

svc(
    "svc-ouderenadviseur",
    "org-welzijn-oost",
    "Ouderenadviseur",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    ["zelfredzaamheid", "eenzaamheid", "administratie", "huishouden"],
    ["ouderen", "mantelzorgers"],
    "De ouderenadviseur is er voor inwoners van 65 jaar en ouder en hun naasten. Bij een huisbezoek bespreekt de adviseur "
    "vragen over zelfstandig thuis blijven wonen, hulp in huis, geldzaken, vervoer en contact met anderen. "
    "Ook als u zich zorgen maakt over een oudere in uw omgeving kunt u contact opnemen.",
    locations=["Aalten"],
    areas=[GEMEENTE],
    assured="2026-08-19",
    min_age=65,
)

svc(
    "svc-huiskamer-dinxperlo",
    "org-welzijn-oost",
    "Huiskamer De Kastanje",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    ["eenzaamheid", "sociaal-netwerk"],
    ["iedereen", "ouderen"],
    "Een open huiskamer in Dinxperlo waar u zonder afspraak binnenloopt voor een kop koffie, een praatje of een spelletje. "
    "Vrijwilligers heten u welkom. Fijn als u weinig mensen spreekt of nieuw bent in het dorp.",
    locations=["Dinxperlo"],
    areas=ZUID,
    assured="",
)

svc(
    "svc-open-eettafel-aalten",
    "org-welzijn-oost",
    "Open Eettafel Aalten",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    None,
    ["iedereen", "ouderen"],
    "Eén keer per week samen koken en eten met andere inwoners in het wijkgebouw. Voor iedereen die graag onder de mensen is, "
    "niet elke dag alleen wil eten of zich wel eens eenzaam voelt. Vrijwilligers zorgen voor een gezellige tafel; "
    "u betaalt een kleine bijdrage.",
    locations=["Aalten"],
    areas=NOORD,
    assured="2026-06-30",
    fees="Kleine bijdrage per maaltijd.",
)

svc(
    "svc-rijdende-buren",
    "org-welzijn-oost",
    "Rijdende Buren",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    None,
    ["ouderen", "volwassenen"],
    "Vrijwillig vervoer: chauffeurs rijden met hun eigen auto inwoners die niet meer zelf kunnen rijden of fietsen naar de huisarts, "
    "het ziekenhuis, de kapper, de winkel of op visite. U betaalt een vaste kilometervergoeding aan de chauffeur. "
    "Rit minstens twee dagen van tevoren aanvragen.",
    locations=["Barlo"],
    areas=[GEMEENTE],
    assured="2025-11-20",
    fees="Kilometervergoeding voor de vrijwilliger.",
)

svc(
    "svc-klushulp",
    "org-welzijn-oost",
    "Klus- en boodschappenhulp",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    ["huishouden", "zelfredzaamheid"],
    ["ouderen", "volwassenen"],
    "Vrijwilligers helpen met kleine klusjes in en om het huis, zoals een lamp vervangen of de tuin bijhouden, en doen "
    "boodschappen voor wie dat tijdelijk of blijvend niet zelf kan. Bedoeld voor inwoners die geen netwerk hebben dat dit kan doen. "
    "Schoonmaken hoort er niet bij.",
    locations=["Aalten"],
    areas=[GEMEENTE],
    assured="2026-07-14",
)

svc(
    "svc-formulierenhulp-aalten",
    "org-papierwerk",
    "Formulierenhulp Aalten",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    ["administratie", "inkomen-toeslagen", "financien"],
    ["volwassenen", "ouderen", "nieuwkomers"],
    "Snapt u een brief niet of moet u een formulier invullen? Vrijwilligers van de formulierenhulp helpen u, bijvoorbeeld met "
    "huurtoeslag, zorgtoeslag, belastingaangifte, een betalingsregeling aanvragen of het ordenen van uw post. "
    "Neem uw brieven mee naar het spreekuur; een afspraak is niet nodig.",
    locations=["Aalten"],
    areas=NOORD,
    assured="2026-10-21",
)

svc(
    "svc-formulierenhulp-dinxperlo",
    "org-papierwerk",
    "Formulierenhulp Dinxperlo",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    ["administratie", "inkomen-toeslagen", "financien"],
    ["volwassenen", "ouderen", "nieuwkomers"],
    "Spreekuur in Dinxperlo waar vrijwilligers helpen met brieven en formulieren van instanties: toeslagen, belastingaangifte, "
    "een betalingsregeling of een aanvraag bij de gemeente. Neem uw papieren mee; een afspraak is niet nodig.",
    locations=["Dinxperlo"],
    areas=ZUID,
    assured="2025-12-03",
)

svc(
    "svc-geldmaatje",
    "org-geldmaatje",
    "Geldmaatje",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    ["schulden", "administratie", "financien"],
    ["volwassenen", "ouders"],
    "Een geldmaatje is een getrainde vrijwilliger die een jaar lang met u meekijkt naar uw geldzaken. Samen brengt u uw inkomsten, "
    "uitgaven en eventuele schulden in kaart, maakt u de administratie op orde en zoekt u zo nodig contact met schuldeisers of "
    "met de schuldhulpverlening. Ook vroegtijdige hulp bij betalingsachterstanden, voordat schulden oplopen.",
    locations=["Aalten"],
    areas=[GEMEENTE],
    assured="2026-09-08",
    application="Zelf aanmelden, of aangemeld worden door het sociaal team, de woningcorporatie of de huisarts.",
)

svc(
    "svc-voedselpakket",
    "org-voedselhulp",
    "Voedselpakket",
    "vrij-toegankelijk",
    "verwijzing",
    ["armoede"],
    ["volwassenen", "ouders"],
    "Huishoudens die tijdelijk niet genoeg geld hebben voor eten kunnen wekelijks een voedselpakket ophalen. "
    "Aanmelden gaat via een hulpverlener, bijvoorbeeld van het sociaal team of de schuldhulpverlening, die meekijkt of u "
    "binnen de normen valt.",
    locations=["Aalten"],
    areas=[GEMEENTE],
    assured="",
    eligibility="Besteedbaar inkomen onder de norm van de voedselhulp; toetsing door de verwijzer.",
)

svc(
    "svc-maatjesproject",
    "org-maatjesnetwerk",
    "Maatje voor contact en uitjes",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    ["eenzaamheid", "sociaal-netwerk"],
    ["volwassenen", "ouderen"],
    "Het maatjesproject koppelt inwoners met een klein of verminderd sociaal netwerk aan een getrainde vrijwilliger. "
    "Het maatje spreekt regelmatig af voor een wandeling, een kop koffie of een activiteit, met als doel het netwerk te "
    "versterken en sociaal isolement te doorbreken. Een coördinator voert het intakegesprek en begeleidt de koppeling.",
    locations=["Bredevoort"],
    areas=[GEMEENTE],
    assured="2026-05-02",
    min_age=18,
)

svc(
    "svc-taalcafe",
    "org-taalpunt",
    "Taalcafé Nederlands oefenen",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    ["inburgering-taal", "sociaal-netwerk"],
    ["nieuwkomers", "volwassenen"],
    "In het taalcafé oefent u Nederlands praten met vrijwilligers en andere nieuwkomers, in kleine groepjes aan tafel. "
    "Het is gezellig en gratis, en u leert ook mensen uit het dorp kennen. Iedereen die Nederlands wil oefenen is welkom, "
    "ook naast uw inburgeringscursus.",
    locations=["Dinxperlo"],
    areas=[GEMEENTE],
    assured="2026-10-30",
)

svc(
    "svc-taalhulp-lezen-schrijven",
    "org-taalpunt",
    "Beter lezen, schrijven en rekenen",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    None,
    ["volwassenen"],
    "Vindt u lezen, schrijven of rekenen moeilijk? Veel volwassenen hebben daar moeite mee en schamen zich ervoor. "
    "Bij het Taalpunt oefent u in uw eigen tempo met een vaste taalvrijwilliger, bijvoorbeeld met het lezen van brieven, "
    "formulieren invullen of werken op de computer.",
    locations=["Aalten"],
    areas=[GEMEENTE],
    assured="2026-02-17",
    min_age=18,
)

svc(
    "svc-digi-spreekuur",
    "org-bibliotheek",
    "Digi-spreekuur",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    ["digitale-vaardigheden", "administratie"],
    ["iedereen", "ouderen"],
    "Hulp bij de computer, tablet of smartphone en bij de digitale overheid: DigiD aanvragen en activeren, de DigiD-app, "
    "inloggen bij Mijn Belastingdienst of uw zorgverzekeraar. Medewerkers en vrijwilligers van de bibliotheek helpen u "
    "stap voor stap; neem uw eigen apparaat mee.",
    locations=["Aalten"],
    areas=[GEMEENTE],
    assured="2026-11-04",
)

svc(
    "svc-mantelzorgsteunpunt",
    "org-mantelzorgpunt",
    "Mantelzorgondersteuning",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    ["mantelzorg"],
    ["mantelzorgers"],
    "Zorgt u langdurig voor een partner, ouder, kind of buur? De mantelzorgconsulent denkt met u mee, geeft informatie over "
    "regelingen en respijtzorg, en helpt u om de zorg vol te houden zonder zelf overbelast te raken. "
    "Er zijn ook lotgenotengroepen en een jaarlijkse mantelzorgwaardering.",
    locations=["Aalten"],
    areas=[GEMEENTE],
    assured="2026-04-09",
)

svc(
    "svc-opvoedspreekuur",
    "org-jgz",
    "Opvoedspreekuur",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    ["opvoeding", "gedragsproblemen"],
    ["ouders", "kinderen-0-4", "kinderen-4-12", "jongeren-12-18"],
    "Heeft u vragen over de opvoeding, zoals driftbuien, slapen, grenzen stellen, ruzie met uw puber of schermgebruik? "
    "Op het opvoedspreekuur praat u met een jeugdverpleegkundige of pedagoog over uw kind van 0 tot 18 jaar. "
    "U krijgt praktische tips; soms zijn een paar gesprekken genoeg.",
    locations=["Aalten"],
    areas=[GEMEENTE],
    assured="2026-09-15",
)

svc(
    "svc-consultatiebureau",
    "org-jgz",
    "Consultatiebureau",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    ["ontwikkeling-taal", "opvoeding", "lichamelijke-gezondheid"],
    ["kinderen-0-4", "ouders"],
    "Op het consultatiebureau volgen jeugdartsen en jeugdverpleegkundigen de groei en ontwikkeling van kinderen van 0 tot 4 jaar, "
    "inclusief taal- en spraakontwikkeling, en geven zij vaccinaties. Ouders kunnen er terecht met vragen over voeding, slapen, "
    "huilen en opvoeden, en over hoe het met henzelf gaat na de bevalling. Zo nodig verwijst de jeugdarts door, bijvoorbeeld "
    "naar logopedie of voorschoolse educatie.",
    locations=["Aalten", "Dinxperlo"],
    areas=[GEMEENTE],
    assured="2026-10-12",
    min_age=0,
    max_age=3,
)

svc(
    "svc-jeugdverpleegkundige",
    "org-jgz",
    "Jeugdverpleegkundige op school",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    ["schoolverzuim", "psychische-klachten", "pesten", "opvoeding"],
    ["kinderen-4-12", "jongeren-12-18", "ouders"],
    "De JGZ-jeugdverpleegkundige en jeugdarts zijn verbonden aan de scholen voor primair en voortgezet onderwijs. "
    "Zij signaleren vroegtijdig psychosociale problematiek, somberheid, pesten en (dreigend) ziekteverzuim (MAZL-aanpak) en "
    "bieden kortdurende begeleiding aan jeugdigen en ouders. Zo nodig wordt toegeleid naar jeugdhulp of jeugd-GGZ.",
    locations=["Aalten"],
    areas=[GEMEENTE],
    assured="2026-01-21",
    min_age=4,
    max_age=17,
)

svc(
    "svc-jongerenwerk-aalten",
    "org-jongerenwerk",
    "Jongerenwerk Aalten",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    ["maatschappelijke-participatie", "sociaal-netwerk", "pesten", "middelengebruik"],
    ["jongeren-12-18", "jongvolwassenen-16-27"],
    "Jongerenwerkers zijn er voor jongeren van 12 tot 23 jaar: in het jongerencentrum, op straat en online. "
    "Je kunt bij ze terecht om te chillen en activiteiten te doen, maar ook met vragen over school, thuis, geld, "
    "blowen of drinken, of als je gepest wordt. Ze denken met je mee en gaan zo nodig samen met je naar andere hulp.",
    locations=["Aalten"],
    areas=[GEMEENTE],
    assured="2026-06-12",
    min_age=12,
    max_age=23,
)

svc(
    "svc-jongerenpunt-18",
    "org-jongerenwerk",
    "Jongerenpunt 18 worden",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    ["overgang-18", "administratie", "inkomen-toeslagen", "opleiding"],
    ["jongvolwassenen-16-27"],
    "Als je 18 wordt moet je ineens veel zelf regelen: zorgverzekering, zorgtoeslag, DigiD, studiefinanciering, een eigen "
    "bankrekening of uitkering. Bij het Jongerenpunt helpen we je daar stap voor stap mee. Ook als je uit de jeugdhulp komt "
    "en je zorgen maakt over wonen, inkomen of school na je 18e.",
    locations=["Aalten"],
    areas=[GEMEENTE],
    assured="",
    min_age=16,
    max_age=27,
)

svc(
    "svc-gezinsmaatje",
    "org-gezinsmaatjes",
    "Gezinsmaatje",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    ["opvoeding", "sociaal-netwerk"],
    ["ouders", "kinderen-0-4", "kinderen-4-12"],
    "Een gezinsmaatje is een vrijwilliger, vaak zelf ouder, die een dagdeel per week bij u thuis komt. Samen met u kijkt de "
    "vrijwilliger naar wat er nodig is: een luisterend oor, hulp bij structuur in de dag, een uitje met de kinderen of "
    "samen naar een instantie. Voor gezinnen met minstens één kind tot 12 jaar die wel wat extra steun kunnen gebruiken.",
    locations=["Barlo"],
    areas=[GEMEENTE],
    assured="2026-07-03",
)

svc(
    "svc-vrijwilligerswerk-vinden",
    "org-vrijwilligerscentrale-schakel",
    "Vrijwilligerswerk vinden",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    None,
    ["iedereen"],
    "Wilt u zich inzetten voor een ander of voor uw dorp? De vrijwilligerscentrale helpt u een vrijwilligersplek te vinden die bij u past, "
    "bijvoorbeeld bij de sportclub, in de zorg of bij een evenement. Vrijwilligerswerk geeft structuur in de week, u leert nieuwe "
    "mensen kennen en doet werkervaring op. Ook voor mensen die na ziekte of een uitkering stap voor stap weer willen meedoen.",
    locations=["Aalten"],
    areas=[GEMEENTE],
    assured="2025-09-18",
)

svc(
    "svc-werkcafe",
    "org-werkbedrijf",
    "Werkcafé",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    ["werk", "opleiding"],
    ["volwassenen", "jongvolwassenen-16-27"],
    "Wekelijkse inloop waar u hulp krijgt bij het zoeken naar werk: vacatures bekijken, een cv maken, een sollicitatiebrief "
    "schrijven of een gesprek oefenen. Ook voor vragen over scholing en omscholing. Iedereen is welkom, met of zonder uitkering.",
    locations=["Aalten"],
    areas=[GEMEENTE],
    assured="2026-10-06",
)

svc(
    "svc-huur-spreekuur",
    "org-woonstichting",
    "Spreekuur Huur en Betalen",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    None,
    ["volwassenen"],
    "Loopt u achter met het betalen van de huur? Wacht niet, maar kom naar het spreekuur van de woonconsulent. "
    "Samen maken we een betalingsregeling en kijken we of u recht heeft op huurtoeslag of andere hulp. "
    "Zo voorkomen we dat de achterstand oploopt en u uw woning kwijtraakt.",
    locations=["Aalten"],
    areas=[GEMEENTE],
    assured="2026-03-30",
    eligibility="Voor huurders van Woonstichting De Kernen.",
)

svc(
    "svc-cursus-somberheid",
    "org-praathuis",
    "Cursus Lekker in je vel",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    ["psychische-klachten"],
    ["volwassenen"],
    "Een cursus van acht bijeenkomsten voor volwassenen met lichte somberheid, stress of piekeren. U leert in een kleine groep "
    "hoe u negatieve gedachten herkent en doorbreekt en wat u zelf kunt doen om u beter te voelen. "
    "U heeft geen verwijzing van de huisarts nodig.",
    locations=["Aalten"],
    areas=[GEMEENTE],
    assured="2026-09-29",
    min_age=18,
)

svc(
    "svc-levensvragen",
    "org-levensvragen",
    "Geestelijk verzorger thuis",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    None,
    ["iedereen", "ouderen"],
    "Een geestelijk verzorger komt bij u thuis voor een gesprek over wat u bezighoudt: het verlies van een dierbare, rouw, "
    "ernstige ziekte, ouder worden, zingeving of vragen over het levenseinde. Gelovig of niet, iedereen is welkom. "
    "De eerste gesprekken zijn gratis.",
    locations=["Bredevoort"],
    areas=["Achterhoek"],
    assured="2026-05-20",
)

svc(
    "svc-clientondersteuning",
    "org-eigen-regie",
    "Onafhankelijke cliëntondersteuning",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    ["lvb", "zelfredzaamheid", "administratie"],
    ["volwassenen", "ouders", "jongvolwassenen-16-27"],
    "Onafhankelijke cliëntondersteuning (Wmo 2015) voor inwoners die hulp nodig hebben bij het formuleren van hun hulpvraag, "
    "het keukentafelgesprek of het contact met instanties. De cliëntondersteuners hebben specifieke deskundigheid op het gebied "
    "van licht verstandelijke beperkingen (LVB) en niet-aangeboren hersenletsel en sluiten aan bij het tempo en begrip van de inwoner. "
    "Kosteloos en onafhankelijk van de gemeente.",
    locations=["Aalten"],
    areas=[GEMEENTE],
    assured="2026-08-04",
)

svc(
    "svc-nah-inloop",
    "org-nah-expertise",
    "Inloop na hersenletsel",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    None,
    ["volwassenen", "mantelzorgers"],
    "Maandelijkse inloop voor mensen met hersenletsel na een beroerte, hersenbloeding, ongeluk of hersentumor, en voor hun partners. "
    "U ontmoet lotgenoten en praat over vermoeidheid, prikkels en veranderingen in gedrag en werk. "
    "Een ervaringsdeskundige en een NAH-consulent zijn aanwezig.",
    locations=["Aalten"],
    areas=[GEMEENTE],
    assured="2026-04-28",
)

svc(
    "svc-dementiecafe",
    "org-dementienetwerk",
    "Dementiecafé Bredevoort",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    None,
    ["ouderen", "mantelzorgers"],
    "Maandelijkse avond voor mensen met geheugenproblemen of dementie, hun partners, kinderen en andere mantelzorgers. "
    "Na een korte uitleg door een deskundige over een onderwerp, zoals vergeetachtigheid of omgaan met veranderend gedrag, "
    "is er tijd voor vragen en ontmoeting. Aanmelden is niet nodig.",
    locations=["Bredevoort"],
    areas=[GEMEENTE],
    assured="",
)

svc(
    "svc-ontmoetingscentrum-dementie",
    "org-dementienetwerk",
    "Ontmoetingscentrum De Klaproos",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    ["dementie", "mantelzorg", "dagbesteding"],
    ["ouderen", "mantelzorgers"],
    "Het ontmoetingscentrum biedt thuiswonende mensen met beginnende dementie een paar dagen per week een zinvolle dag met "
    "activiteiten, beweging en een warme maaltijd. Mantelzorgers krijgen ondersteuning via gespreksgroepen en informatiebijeenkomsten "
    "en hebben even tijd voor zichzelf. Geen indicatie nodig.",
    locations=["IJzerlo"],
    areas=[GEMEENTE],
    assured="2026-07-22",
    fees="Eigen bijdrage voor maaltijd en vervoer.",
)

svc(
    "svc-steun-gedetineerden",
    "org-na-de-poort",
    "Steun voor families van gedetineerden",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    ["justitie-contact", "sociaal-netwerk", "opvoeding"],
    ["ouders", "kinderen-4-12", "volwassenen"],
    "Zit uw partner, vader of moeder in de gevangenis? Dat heeft veel invloed op het gezin. Een vrijwilliger van Na de Poort "
    "luistert, helpt met praktische zaken zoals bezoek regelen en geeft tips over hoe u het de kinderen kunt vertellen. "
    "Ook na vrijlating begeleiden wij de terugkeer in het gezin.",
    locations=["Winterswijk"],
    areas=["Achterhoek"],
    assured="2025-10-14",
)

svc(
    "svc-scheidingsspreekuur",
    "org-scheidingspunt",
    "Scheidingsspreekuur",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    ["echtscheiding", "relatieproblemen"],
    ["ouders", "volwassenen"],
    "Gaat u uit elkaar of twijfelt u over uw relatie? Op het scheidingsspreekuur krijgt u informatie en advies over het "
    "ouderschapsplan, wonen, geld en hoe u het uw kinderen vertelt. Met aandacht voor de kinderen en zonder dat u al een advocaat "
    "of mediator nodig heeft.",
    locations=["Aalten"],
    areas=[GEMEENTE],
    assured="2026-09-01",
)

svc(
    "svc-spreekuur-middelen",
    "org-kering",
    "Spreekuur alcohol, drugs, gokken en gamen",
    "vrij-toegankelijk",
    "vrij-toegankelijk",
    ["middelengebruik", "verslaving"],
    ["iedereen", "ouders", "jongeren-12-18"],
    "Maakt u zich zorgen over uw eigen drinken, blowen, gokken of gamen, of over dat van uw kind, partner of familielid? "
    "Op het (anonieme) preventiespreekuur kijkt een preventiewerker samen met u wat er aan de hand is en wat u kunt doen. "
    "U heeft geen verwijzing nodig en er volgt geen behandeling als u dat niet wilt.",
    locations=["Aalten"],
    areas=[GEMEENTE],
    assured="2026-10-16",
    min_age=12,
)

# ---- lokaal team -------------------------------------------------------------------------
svc(
    "svc-sociaal-team-aalten",
    "org-sociaal-team-kernen",
    "Sociaal Team Aalten",
    "lokaal-team",
    "vrij-toegankelijk",
    ["zelfredzaamheid", "opvoeden-opgroeien", "financien", "geestelijke-gezondheid", "huiselijke-relaties"],
    ["iedereen"],
    "Het sociaal team is er voor alle inwoners van Aalten, Bredevoort, IJzerlo en Barlo met vragen over zorg, opvoeden, geld, "
    "wonen, werk of meedoen. Een vaste medewerker kijkt samen met u naar het hele huishouden, helpt zelf of regelt de hulp die "
    "nodig is. Ook voor professionals die zich zorgen maken over een gezin.",
    locations=["Aalten"],
    areas=NOORD,
    assured="2026-11-02",
)

svc(
    "svc-sociaal-team-dinxperlo",
    "org-sociaal-team-kernen",
    "Sociaal Team Dinxperlo",
    "lokaal-team",
    "vrij-toegankelijk",
    ["zelfredzaamheid", "opvoeden-opgroeien", "financien", "geestelijke-gezondheid", "huiselijke-relaties"],
    ["iedereen"],
    "Het sociaal team is er voor alle inwoners van Dinxperlo en De Heurne met vragen over zorg, opvoeden, geld, wonen, werk of "
    "meedoen. Een vaste medewerker kijkt samen met u naar het hele huishouden, helpt zelf of regelt de hulp die nodig is. "
    "Ook voor professionals die zich zorgen maken over een gezin.",
    locations=["Dinxperlo"],
    areas=ZUID,
    assured="2026-11-02",
)

svc(
    "svc-vat-casusoverleg",
    "org-sociaal-team-kernen",
    "Vraag- en Advies Team (VAT)",
    "lokaal-team",
    "verwijzing",
    ["zelfredzaamheid", "opvoeden-opgroeien", "financien", "geestelijke-gezondheid", "lvb", "nah"],
    ["iedereen"],
    "Multidisciplinair overleg voor professionals over complexe casuïstiek en multiproblemhuishoudens waarin de regie ontbreekt. "
    "Vertegenwoordigd zijn onder meer Wmo, jeugd, schuldhulpverlening, GGZ, LVB- en NAH-expertise en zorg en veiligheid; "
    "doel is één gezin, één plan, één regisseur en snel opschalen naar passende expertise. Inbreng door een betrokken professional, "
    "met toestemming van het huishouden.",
    locations=["Aalten"],
    areas=[GEMEENTE],
    assured="2026-06-05",
    application="Inbreng via de coördinator van het sociaal team (alleen voor professionals).",
)

svc(
    "svc-schoolmaatschappelijk-werk",
    "org-sociaal-team-kernen",
    "Schoolmaatschappelijk werk",
    "lokaal-team",
    "vrij-toegankelijk",
    ["schoolverzuim", "pesten", "opvoeding", "psychische-klachten", "passend-onderwijs"],
    ["kinderen-4-12", "jongeren-12-18", "ouders"],
    "Schoolmaatschappelijk werkers van het sociaal team zijn op vaste momenten op de basisscholen en het voortgezet onderwijs. "
    "Zij helpen leerlingen en ouders bij problemen thuis of op school die het leren in de weg zitten, zoals pesten, verzuim, "
    "faalangst of spanningen thuis, en denken mee met de zorgcoördinator over passend onderwijs.",
    locations=["Aalten"],
    areas=[GEMEENTE],
    assured="2025-08-29",
    min_age=4,
    max_age=17,
)

# ---- maatwerk ----------------------------------------------------------------------------
svc(
    "svc-schuldhulpverlening",
    "org-team-meedoen",
    "Schuldhulpverlening",
    "maatwerk",
    "beschikking",
    ["schulden", "financien", "huurachterstand"],
    ["volwassenen", "ouders"],
    "Integrale schuldhulpverlening conform de Wet gemeentelijke schuldhulpverlening (Wgs): intake, stabilisatie, budgetbeheer of "
    "beschermingsbewind, schuldregeling en zo nodig toeleiding naar de Wsnp. Bij dreigende huisuitzetting of afsluiting van energie "
    "of water volgt binnen drie werkdagen een eerste gesprek. De consulent werkt samen met vrijwillige geldmaatjes en het sociaal team.",
    locations=["Aalten"],
    areas=[GEMEENTE],
    assured="2026-10-09",
    min_age=18,
    wait=("Eerste gesprek binnen 2 weken; bij dreigende huisuitzetting binnen 3 werkdagen.", "2026-10-09"),
)

svc(
    "svc-bijzondere-bijstand",
    "org-team-meedoen",
    "Bijzondere bijstand en minimaregelingen",
    "maatwerk",
    "beschikking",
    ["armoede", "inkomen-toeslagen"],
    ["volwassenen", "ouders"],
    "Heeft u een laag inkomen en onverwachte of noodzakelijke kosten, zoals een kapotte wasmachine, schoolspullen of "
    "de contributie van de sportclub van uw kinderen? Dan kunt u bijzondere bijstand of een minimaregeling aanvragen, "
    "zoals het kindpakket of de collectieve zorgverzekering.",
    locations=["Aalten"],
    areas=[GEMEENTE],
    assured="2026-02-02",
    min_age=18,
    eligibility="Inkomen tot 130% van het sociaal minimum; vermogenstoets.",
)

svc(
    "svc-wmo-huishoudelijke-hulp",
    "org-team-meedoen",
    "Wmo: hulp bij het huishouden",
    "maatwerk",
    "beschikking",
    ["huishouden", "zelfredzaamheid", "chronische-ziekte"],
    ["volwassenen", "ouderen"],
    "Kunt u door ziekte, een beperking of ouderdom uw huis niet meer zelf schoonhouden en kan niemand in uw omgeving helpen? "
    "Na een keukentafelgesprek met een Wmo-consulent kan de gemeente huishoudelijke hulp via een zorgaanbieder inzetten. "
    "Er geldt een eigen bijdrage.",
    locations=["Aalten"],
    areas=[GEMEENTE],
    assured="2026-08-12",
    min_age=18,
    fees="Eigen bijdrage (CAK).",
    wait=("Keukentafelgesprek binnen 2 weken; start hulp ongeveer 6 weken na melding.", "2026-08-12"),
)

svc(
    "svc-wmo-hulpmiddelen",
    "org-team-meedoen",
    "Wmo: hulpmiddelen, woningaanpassing en vervoer",
    "maatwerk",
    "beschikking",
    ["hulpmiddelen", "woningaanpassing", "vervoer"],
    ["volwassenen", "ouderen"],
    "Voor inwoners met een beperking of chronische aandoening die thuis of buiten de deur vastlopen: een rolstoel of scootmobiel, "
    "een traplift, drempels weg of een aangepaste badkamer, of een Wmo-vervoerspas voor de regiotaxi. "
    "Na een melding volgt een keukentafelgesprek en zo nodig advies van een ergotherapeut.",
    locations=["Aalten"],
    areas=[GEMEENTE],
    assured="2025-07-07",
    fees="Eigen bijdrage (CAK).",
    wait=("Ongeveer 8 weken voor woningaanpassingen.", "2025-07-07"),
)

svc(
    "svc-jeugdhulp-ambulant",
    "org-jeugdhulp-kapstok",
    "Ambulante jeugdhulp en gezinsbegeleiding",
    "maatwerk",
    "beschikking",
    ["opvoeding", "gedragsproblemen", "huiselijke-relaties"],
    ["ouders", "kinderen-4-12", "jongeren-12-18", "kinderen-0-4"],
    "Ambulante gezinsbegeleiding bij hardnekkige opvoed- en gedragsproblematiek, ook bij kinderen met autisme of ADHD. "
    "Een gezinsbegeleider komt wekelijks thuis en werkt met ouders en kind aan vaardigheden, structuur en communicatie "
    "(o.a. systeemgericht en oplossingsgericht). Toegang via een beschikking van de gemeente of verwijzing door huisarts of jeugdarts.",
    locations=["Aalten"],
    areas=["Achterhoek"],
    assured="2026-05-13",
    min_age=0,
    max_age=17,
    fees="",
    wait=("8 tot 10 weken.", "2026-05-13"),
)

svc(
    "svc-dagbesteding-zorgboerderij",
    "org-zorgboerderij",
    "Dagbesteding op de boerderij",
    "maatwerk",
    "beschikking",
    ["dagbesteding", "werk-dagbesteding"],
    ["volwassenen", "ouderen"],
    "Dagbesteding op een zorgboerderij voor volwassenen met een licht verstandelijke beperking, psychische kwetsbaarheid, "
    "hersenletsel of beginnende dementie. Deelnemers werken mee met de dieren, in de moestuin en in de werkplaats, "
    "in een vaste structuur met begeleiding. Toegang via een Wmo-indicatie.",
    locations=["De Heurne"],
    areas=["Achterhoek"],
    assured="2026-09-10",
    min_age=18,
    fees="Eigen bijdrage (CAK).",
    wait=("Geen wachttijd.", "2026-09-10"),
)

svc(
    "svc-re-integratie",
    "org-werkbedrijf",
    "Re-integratietraject",
    "maatwerk",
    "beschikking",
    ["werk", "opleiding", "inkomen-toeslagen"],
    ["volwassenen", "jongvolwassenen-16-27"],
    "Re-integratietraject voor inwoners met een Participatiewet-uitkering: diagnose van arbeidsvermogen, werkfit-traject, "
    "leerwerkplek en jobcoaching, toeleiding naar regulier of beschut werk. Toegang na een besluit van het werkbedrijf.",
    locations=["Doetinchem"],
    areas=["Achterhoek"],
    assured="2026-03-02",
    min_age=18,
    max_age=66,
    wait=("Ongeveer 4 weken tot de intake.", "2026-03-02"),
)

svc(
    "svc-meldpunt-zorg-overlast",
    "org-meldpunt-zorg-overlast",
    "Meldpunt zorg, overlast en niet-acuut verward gedrag",
    "maatwerk",
    "vrij-toegankelijk",
    ["vervuiling", "psychische-klachten", "dakloosheid"],
    ["volwassenen", "ouderen"],
    "Meldpunt voor zorgen over inwoners die zelf geen hulp vragen: ernstige vervuiling of hoarding, zorgmijding, "
    "niet-acuut verward gedrag of overlast. Een OGGZ-team gaat op huisbezoek (bemoeizorg), brengt de situatie in kaart en "
    "leidt toe naar passende zorg. Bij acuut gevaar belt u 112.",
    locations=["Winterswijk"],
    areas=["Achterhoek"],
    assured="2026-06-18",
    application="Melding door buren, familie, woningcorporatie of professionals; ook anoniem.",
)

# ---- specialistisch ----------------------------------------------------------------------
svc(
    "svc-ggz-basis",
    "org-ggz-slinge",
    "Basis-GGZ volwassenen",
    "specialistisch",
    "verwijzing",
    ["psychische-klachten"],
    ["volwassenen"],
    "Kortdurende behandeling in de generalistische basis-GGZ voor volwassenen met lichte tot matige psychische klachten, "
    "zoals depressie, angst- en paniekklachten, rouwproblematiek of trauma. Behandeling door een GZ-psycholoog, "
    "face-to-face en online. Verwijzing door de huisarts vereist.",
    locations=["Aalten"],
    areas=["Achterhoek"],
    assured="2026-04-15",
    min_age=18,
    fees="Valt onder de basisverzekering; eigen risico.",
    wait=("Ongeveer 6 weken.", "2026-04-15"),
)

svc(
    "svc-ggz-specialistisch",
    "org-ggz-slinge",
    "Specialistische GGZ volwassenen",
    "specialistisch",
    "verwijzing",
    ["psychische-klachten"],
    ["volwassenen"],
    "Diagnostiek en behandeling van complexe psychiatrische problematiek bij volwassenen, zoals persoonlijkheidsstoornissen, "
    "psychotische stoornissen, bipolaire stoornis en ernstige depressie, door een multidisciplinair team. "
    "Ook FACT-teams voor mensen met ernstige psychiatrische aandoeningen (EPA).",
    locations=["Winterswijk"],
    areas=["Achterhoek"],
    assured="2025-12-19",
    min_age=18,
    fees="Valt onder de basisverzekering; eigen risico.",
    wait=("12 tot 16 weken.", "2025-12-19"),
)

svc(
    "svc-jeugd-ggz",
    "org-jeugd-ggz-horizon",
    "Jeugd-GGZ: diagnostiek en behandeling",
    "specialistisch",
    "verwijzing",
    ["psychische-klachten", "gedragsproblemen"],
    ["kinderen-4-12", "jongeren-12-18", "ouders"],
    "Diagnostiek en behandeling voor kinderen en jongeren tot 18 jaar met psychische problemen, zoals angst, depressie, "
    "autisme, ADHD, trauma, eetproblemen of zelfbeschadiging. Ouders worden actief betrokken. "
    "Verwijzing door huisarts, jeugdarts of het sociaal team.",
    locations=["Doetinchem"],
    areas=["Achterhoek"],
    assured="2026-08-21",
    min_age=0,
    max_age=17,
    wait=("Ongeveer 14 weken; bij ernstige zorgen overleg over voorrang.", "2026-08-21"),
)

svc(
    "svc-verslavingszorg",
    "org-kering",
    "Verslavingsbehandeling",
    "specialistisch",
    "verwijzing",
    ["verslaving", "middelengebruik"],
    ["volwassenen"],
    "Ambulante en klinische behandeling van verslaving aan alcohol, drugs, medicijnen, gokken of gamen, inclusief detox. "
    "Behandeling door een multidisciplinair team met aandacht voor herstel, terugvalpreventie en het betrekken van naasten. "
    "Verwijzing door de huisarts.",
    locations=["Doetinchem"],
    areas=["Achterhoek"],
    assured="2026-01-08",
    min_age=18,
    fees="Valt onder de basisverzekering; eigen risico.",
    wait=("Ongeveer 5 weken.", "2026-01-08"),
)

svc(
    "svc-lvb-behandeling",
    "org-lvb-expertise",
    "Specialistische begeleiding en behandeling bij LVB",
    "specialistisch",
    "beschikking",
    ["lvb", "opvoeding", "zelfredzaamheid"],
    ["volwassenen", "ouders", "jongvolwassenen-16-27"],
    "Orthopedagogische diagnostiek (intelligentie en sociaal-adaptief functioneren, SCIL-screening) en specialistische ambulante "
    "begeleiding en behandeling van volwassenen en ouders met een (vermoedelijk) licht verstandelijke beperking, "
    "onder meer bij opvoedingsondersteuning, financiële zelfredzaamheid en multiproblematiek. Ook consultatie voor lokale teams.",
    locations=["Lichtenvoorde"],
    areas=["Achterhoek"],
    assured="2026-07-30",
    fees="",
    wait=("Ongeveer 10 weken; consultatie binnen 2 weken.", "2026-07-30"),
)

svc(
    "svc-nah-behandeling",
    "org-nah-expertise",
    "NAH-begeleiding en consultatie",
    "specialistisch",
    "verwijzing",
    ["nah"],
    ["volwassenen", "mantelzorgers"],
    "Specialistische begeleiding voor volwassenen met niet-aangeboren hersenletsel (NAH) en hun gezin: inzicht in de gevolgen "
    "voor energie, prikkelverwerking, gedrag en belastbaarheid, en leren omgaan met de veranderingen thuis en op het werk. "
    "Ook consultatie voor professionals van het lokale team.",
    locations=["Winterswijk"],
    areas=["Achterhoek"],
    assured="2025-11-27",
    min_age=18,
    fees="",
    wait=("Ongeveer 8 weken.", "2025-11-27"),
)

svc(
    "svc-casemanagement-dementie",
    "org-dementienetwerk",
    "Casemanagement dementie",
    "specialistisch",
    "verwijzing",
    ["dementie", "mantelzorg"],
    ["ouderen", "mantelzorgers"],
    "Een casemanager dementie begeleidt thuiswonende mensen met (een vermoeden van) dementie en hun mantelzorgers vanaf de "
    "diagnose: uitleg over het ziektebeeld, veiligheid thuis, het regelen van zorg en het voorkomen van overbelasting. "
    "Verwijzing door de huisarts; vergoed uit de zorgverzekering.",
    locations=["Aalten"],
    areas=[GEMEENTE],
    assured="2026-10-27",
    fees="Vergoed uit de basisverzekering.",
    wait=("Ongeveer 3 weken.", "2026-10-27"),
)

svc(
    "svc-vrouwenopvang",
    "org-onderdak",
    "Opvang bij huiselijk geweld",
    "specialistisch",
    "verwijzing",
    ["huiselijk-geweld", "veiligheid"],
    ["volwassenen", "ouders"],
    "Veilige opvang op een geheim adres voor vrouwen, mannen en kinderen die thuis niet veilig zijn door huiselijk geweld of "
    "eergerelateerd geweld, met begeleiding naar een veilige toekomst. Ook ambulante begeleiding na de opvang. "
    "Plaatsing via Veilig Thuis of de politie; bij acuut gevaar belt u 112.",
    locations=["Doetinchem*"],
    areas=["Achterhoek"],
    assured="2026-06-24",
    fees="",
)

svc(
    "svc-maatschappelijke-opvang",
    "org-onderdak",
    "Nachtopvang en maatschappelijke opvang",
    "specialistisch",
    "verwijzing",
    ["dakloosheid"],
    ["volwassenen"],
    "Nachtopvang en tijdelijk verblijf voor dak- en thuisloze volwassenen, met begeleiding naar een eigen woonplek, inkomen "
    "en passende zorg. Aanmelding via de centrale toegang of het sociaal team van de gemeente van herkomst.",
    locations=["Doetinchem"],
    areas=["Achterhoek"],
    assured="2025-10-01",
    min_age=18,
    fees="",
)

svc(
    "svc-complexe-scheiding",
    "org-jeugdhulp-kapstok",
    "Begeleiding bij complexe scheiding",
    "specialistisch",
    "verwijzing",
    ["echtscheiding", "relatieproblemen", "opvoeding"],
    ["ouders", "kinderen-4-12", "jongeren-12-18"],
    "Specialistische begeleiding voor gezinnen in een complexe (vecht)scheiding waarin kinderen klem zitten tussen hun ouders. "
    "Ouders werken met twee hulpverleners aan de-escalatie, ouderschapsafspraken en het loyaliteitsconflict van de kinderen. "
    "Verwijzing via het sociaal team, de jeugdarts of de rechter.",
    locations=["Lichtenvoorde"],
    areas=["Achterhoek"],
    assured="2026-02-25",
    fees="",
    wait=("Ongeveer 10 weken.", "2026-02-25"),
)

# ---- crisis ------------------------------------------------------------------------------
svc(
    "svc-veilig-thuis",
    "org-veilig-thuis-achterhoek",
    "Veilig Thuis: advies en melding",
    "crisis",
    "vrij-toegankelijk",
    ["huiselijk-geweld", "kindermishandeling", "ouderenmishandeling", "veiligheid", "meldcode-advies"],
    ["iedereen"],
    "Voor iedereen die te maken heeft met huiselijk geweld, kindermishandeling of ouderenmishandeling, of zich daar zorgen over maakt: "
    "slachtoffers, plegers, omstanders en professionals (meldcode). Veilig Thuis geeft advies, onderzoekt meldingen en "
    "zorgt samen met het lokale team voor veiligheid. Dag en nacht bereikbaar; bij acuut gevaar belt u 112.",
    locations=["Doetinchem"],
    areas=["Achterhoek"],
    assured="2026-11-10",
    always=True,
)

svc(
    "svc-hulplijn-113",
    "org-hulplijn-zelfmoordpreventie",
    "Hulplijn 113 Zelfmoordpreventie",
    "crisis",
    "vrij-toegankelijk",
    ["suicidaliteit", "psychische-crisis"],
    ["iedereen"],
    "Denk je aan zelfdoding of maak je je zorgen om iemand? Praat anoniem met een getrainde hulpverlener via chat of telefoon, "
    "dag en nacht. Ook voor nabestaanden en professionals met vragen over suïcidepreventie.",
    locations=[],
    areas=["Nederland"],
    assured="2026-09-03",
    always=True,
)

svc(
    "svc-alarmnummer-112",
    "org-meldkamer",
    "Alarmnummer 112",
    "crisis",
    "vrij-toegankelijk",
    ["acuut-gevaar", "veiligheid", "psychische-crisis"],
    ["iedereen"],
    "Bel 112 bij levensbedreigende situaties of direct gevaar: geweld, een acute medische noodsituatie, brand, "
    "of iemand die zichzelf of anderen in gevaar brengt. De meldkamer stuurt politie, ambulance of brandweer.",
    locations=[],
    areas=["Nederland"],
    assured="2026-09-03",
    always=True,
)

svc(
    "svc-crisisdienst-ggz",
    "org-ggz-slinge",
    "Crisisdienst GGZ",
    "crisis",
    "verwijzing",
    ["psychische-crisis", "suicidaliteit"],
    ["iedereen"],
    "De acute psychiatrie beoordeelt dag en nacht mensen in een psychiatrische crisis: acute verwardheid of psychose, "
    "ernstige suïcidaliteit, of gevaar voor zichzelf of anderen. Aanmelding via de huisarts, huisartsenpost, SEH of politie; "
    "na beoordeling volgt crisisinterventie, intensieve behandeling thuis of opname.",
    locations=["Doetinchem"],
    areas=["Achterhoek"],
    assured="2026-10-20",
    always=True,
    fees="Valt onder de basisverzekering.",
)

svc(
    "svc-spoedteam-jeugd",
    "org-spoedteam-jeugd",
    "Spoedteam Jeugd: crisishulp voor gezinnen",
    "crisis",
    "verwijzing",
    ["psychische-crisis", "kindermishandeling", "veiligheid", "opvoeding"],
    ["kinderen-0-4", "kinderen-4-12", "jongeren-12-18", "ouders"],
    "Crisisdienst voor kinderen en jongeren tot 18 jaar en hun gezin als de situatie thuis acuut onhoudbaar of onveilig is, "
    "bij een psychische crisis van een jeugdige of als een kind niet veilig thuis kan blijven. "
    "Het spoedteam komt binnen enkele uren en zorgt voor rust en veiligheid; aanmelding door huisarts, politie, Veilig Thuis, "
    "jeugdbescherming of het sociaal team.",
    locations=["Doetinchem"],
    areas=["Achterhoek"],
    assured="2026-08-07",
    min_age=0,
    max_age=17,
    always=True,
)


# --------------------------------------------------------------------------------------
# Writer
# --------------------------------------------------------------------------------------
# ---- side themes (curated, ADR 0181) ------------------------------------------------------------------
# The themes a service merely TOUCHES (HSDS `link_type=thema-bijzaak`, docs/hsds-profile.md), as a coordinator of
# a real sociale kaart marks them: the demo kaart has them, this region had none, so the matcher guessed central
# themes from service names (a formulierenhulp "for" money, a meldpunt for bemoeizorg "for" exam stress, a
# scheidingsspreekuur "for" a couple's quarrel about the dishes). Every other listed theme is central.
INCIDENTAL = {
    "svc-alarmnummer-112": ["veiligheid", "psychische-crisis"],
    "svc-hulplijn-113": ["psychische-crisis"],
    "svc-casemanagement-dementie": ["mantelzorg"],
    "svc-clientondersteuning": ["administratie"],
    "svc-complexe-scheiding": ["opvoeding", "relatieproblemen"],
    "svc-consultatiebureau": ["lichamelijke-gezondheid"],
    "svc-formulierenhulp-aalten": ["financien"],
    "svc-formulierenhulp-dinxperlo": ["financien"],
    "svc-jeugdhulp-ambulant": ["huiselijke-relaties"],
    "svc-jongerenpunt-18": ["administratie", "inkomen-toeslagen"],
    "svc-jongerenwerk-aalten": ["middelengebruik"],
    "svc-lvb-behandeling": ["opvoeding", "zelfredzaamheid"],
    "svc-meldpunt-zorg-overlast": ["psychische-klachten"],
    "svc-ontmoetingscentrum-dementie": ["mantelzorg"],
    "svc-re-integratie": ["inkomen-toeslagen"],
    "svc-scheidingsspreekuur": ["relatieproblemen"],
    "svc-spoedteam-jeugd": ["opvoeding"],
    "svc-steun-gedetineerden": ["opvoeding", "sociaal-netwerk"],
    "svc-taalcafe": ["sociaal-netwerk"],
    "svc-wmo-huishoudelijke-hulp": ["chronische-ziekte"],
}


def slug(s: str) -> str:
    return s.lower().replace(" ", "-").replace("*", "")


def headers(name: str) -> list[str]:
    with open(EXAMPLES / name, newline="", encoding="utf-8") as fh:
        return next(csv.reader(fh))


def write(name: str, rows: list[dict]) -> None:
    cols = headers(name)
    with open(OUT / name, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=cols, extrasaction="raise", lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({c: ("" if r.get(c) is None else r.get(c, "")) for c in cols})


def build() -> dict[str, int]:
    OUT.mkdir(parents=True, exist_ok=True)
    attrs: list[dict] = []

    def attr(link_id, entity, link_type, taxonomy=None, code=None, value=None):
        term = f"{taxonomy}-{code}" if taxonomy else ""
        aid = f"attr-{link_id}-{link_type}" + (f"-{code}" if code else "")
        attrs.append(
            dict(
                id=aid,
                link_id=link_id,
                taxonomy_term_id=term,
                link_type=link_type,
                link_entity=entity,
                value=value if value is not None else (code or ""),
            )
        )

    # taxonomies + terms
    tax_rows, term_rows = [], []
    for tid, (tname, tdesc, terms) in TAXONOMIES.items():
        tax_rows.append(dict(id=tid, name=tname, description=tdesc, version="1"))
        for code, label in terms.items():
            term_rows.append(
                dict(
                    id=f"{tname}-{code}",
                    code=code,
                    name=label,
                    description=label,
                    taxonomy=tname,
                    language="nl",
                    taxonomy_id=tid,
                )
            )

    # organisations
    org_rows = []
    for oid, (name, soort, desc) in ORGS.items():
        org_rows.append(dict(id=oid, name=name, description=desc))
        attr(oid, "organization", "organisatiesoort", "organisatiesoort", soort)

    # locations: one per (org, kern)
    loc_rows, addr_rows, loc_ids = [], [], {}
    for s in SERVICES:
        for kern in s["locations"]:
            key = (s["org"], kern)
            if key in loc_ids:
                continue
            confidential = kern.endswith("*")
            k = kern.rstrip("*")
            lat, lon = KERNEN[k]
            lid = f"loc-{s['org'][4:]}-{slug(kern)}" + ("-vertrouwelijk" if confidential else "")
            loc_ids[key] = lid
            oname = ORGS[s["org"]][0]
            if confidential:
                desc = (
                    f"Vertrouwelijke locatie (geheim adres) in de regio; coördinaten zijn het centrum van {k} "
                    "en worden niet op de kaart getoond."
                )
            else:
                desc = f"Locatie benaderd op het centrum van de kern {k}; het exacte adres is nog niet geverifieerd."
            loc_rows.append(
                dict(
                    id=lid,
                    location_type="physical",
                    organization_id=s["org"],
                    name=f"{oname}, {k}" if not confidential else f"{oname}, opvanglocatie",
                    description=desc,
                    latitude=f"{lat:.4f}",
                    longitude=f"{lon:.4f}",
                )
            )
            addr_rows.append(
                dict(
                    id=f"addr-{lid[4:]}",
                    location_id=lid,
                    city=k,
                    state_province="Gelderland",
                    country="NL",
                    address_type="physical",
                )
            )
            attr(lid, "location", "locatie", "locatie", "vertrouwelijk" if confidential else "benaderd")

    # services
    svc_rows, sal_rows, area_rows, meta_rows = [], [], [], []
    for s in SERVICES:
        svc_rows.append(
            dict(
                id=s["id"],
                organization_id=s["org"],
                name=s["name"],
                alternate_name=s["alternate"],
                description=s["description"],
                status=s["status"],
                application_process=s["application"],
                fees_description=s["fees"],
                wait_time=s["wait"][0] if s["wait"] else "",
                eligibility_description=s["eligibility"],
                minimum_age=s["min_age"],
                maximum_age=s["max_age"],
                assured_date=s["assured"],
            )
        )
        for kern in s["locations"]:
            lid = loc_ids[(s["org"], kern)]
            sal_rows.append(dict(id=f"sal-{s['id'][4:]}-{slug(kern)}", service_id=s["id"], location_id=lid))
        for area in s["areas"]:
            area_rows.append(
                dict(
                    id=f"area-{s['id'][4:]}-{slug(area)}",
                    service_id=s["id"],
                    name=area,
                    description=f"{'Kern' if area in KERNEN else 'Werkgebied'} {area}",
                )
            )
        attr(s["id"], "service", "niveau", "niveau", s["niveau"])
        attr(s["id"], "service", "toegang", "toegang", s["toegang"])
        side = INCIDENTAL.get(s["id"], ())
        for t in s["themes"] or []:
            attr(s["id"], "service", "thema-bijzaak" if t in side else "thema", "thema", t)
        for d in s["doelgroepen"]:
            attr(s["id"], "service", "doelgroep", "doelgroep", d)
        if s["always"]:
            attr(s["id"], "service", "bereikbaarheid", "bereikbaarheid", "24-7")
        if s["wait"]:
            attr(s["id"], "service", "wachttijd-datum", value=s["wait"][1])

    for rid, rtype in [(o, "organization") for o in ORGS] + [(s["id"], "service") for s in SERVICES]:
        meta_rows.append(
            dict(
                id=f"meta-{rid}",
                resource_id=rid,
                resource_type=rtype,
                last_action_date=BUILD_DATE,
                last_action_type="create",
                field_name="bron",
                previous_value="",
                replacement_value="tests/eval/dataset (fictieve evaluatieset)",
                updated_by="tests/eval/build_dataset.py",
            )
        )

    tables = {
        "organizations.csv": org_rows,
        "services.csv": svc_rows,
        "locations.csv": loc_rows,
        "addresses.csv": addr_rows,
        "service_at_location.csv": sal_rows,
        "service_areas.csv": area_rows,
        "attributes.csv": attrs,
        "taxonomies.csv": tax_rows,
        "taxonomy_terms.csv": term_rows,
        "metadata.csv": meta_rows,
    }
    for name, rows in tables.items():
        write(name, rows)
    write_datapackage(list(tables))
    return {k: len(v) for k, v in tables.items()}


def write_datapackage(files: list[str]) -> None:
    """datapackage.json listing only the shipped files, with the table schemas of the HSDS example
    package. Readable ids are allowed by docs/hsds-profile.md, so the `uuid` format hint is dropped,
    and foreign keys to tables that are not shipped (e.g. programs) are left out."""
    src = json.loads((EXAMPLES / "datapackage.json").read_text(encoding="utf-8"))
    shipped = [r for r in src["resources"] if r["path"] in files]
    names = {r["name"] for r in shipped}
    resources = []
    for r in sorted(shipped, key=lambda r: files.index(r["path"])):
        r = json.loads(json.dumps(r))
        for f in r["schema"]["fields"]:
            if f.get("format") == "uuid":
                del f["format"]
        fks = [fk for fk in r["schema"].get("foreignKeys", []) if fk["reference"]["resource"] in names]
        if fks:
            r["schema"]["foreignKeys"] = fks
        else:
            r["schema"].pop("foreignKeys", None)
        resources.append(r)
    pkg = {
        "name": "sociale-kaart-eval-achterhoek",
        "title": "Sociale kaart: fictieve evaluatieset Achterhoek (HSDS 3.0)",
        "description": (
            "FICTIEVE organisaties en diensten in de Achterhoek, gemaakt om de matcher van de sociale kaart te "
            "evalueren (tests/eval/questions.yaml). Geen echte contactgegevens, adressen of openingstijden. "
            "HSDS 3.0 tabular datapackage volgens docs/hsds-profile.md."
        ),
        "profile": "tabular-data-package",
        "version": src.get("version", "3.0.0"),
        "created": BUILD_DATE,
        "resources": resources,
    }
    (OUT / "datapackage.json").write_text(
        json.dumps(pkg, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    counts = build()
    for k, v in counts.items():
        print(f"{k:28s} {v:5d}")
