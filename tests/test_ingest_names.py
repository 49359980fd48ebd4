"""Dutch names kept as written: `ingest.names.dutch_title` (IJ, 's-/'t, tussenvoegsels, hyphens, apostrophes),
used by every importer that turns a register's capitals into a readable name."""

from __future__ import annotations

import pytest

from ingest.names import dutch_title, readable, unwrap


@pytest.mark.parametrize(
    ("capitals", "written"),
    [
        ("IJZERLO", "IJzerlo"),
        ("IJSSELSTEIN", "IJsselstein"),
        ("'S-HEERENBERG", "'s-Heerenberg"),
        ("'S-HERTOGENBOSCH", "'s-Hertogenbosch"),
        ("'T HUMMELHUIS", "'t Hummelhuis"),
        ("KINDEROPVANG 'T HUMMELHUIS", "Kinderopvang 't Hummelhuis"),
        ("’S-HEERENBERG", "’s-Heerenberg"),  # typographic apostrophe kept as written
        ("‘T HUMMELHUIS", "‘t Hummelhuis"),
        ("`S-HEERENBERG", "'s-Heerenberg"),  # a backtick typed for an apostrophe
        ("SINT-JORIS", "Sint-Joris"),
        ("BURGEMEESTER VAN DER VELDESTRAAT", "Burgemeester van der Veldestraat"),
        ("VAN DER WOUDESTRAAT", "Van der Woudestraat"),
        ("ALPHEN AAN DEN RIJN", "Alphen aan den Rijn"),
        ("BERGEN OP ZOOM", "Bergen op Zoom"),
        ("HOF VAN DE PROEFTUIN", "Hof van de Proeftuin"),
        ("KINDEROPVANG DE PROEFTUIN", "Kinderopvang De Proeftuin"),
        ("JEUGD EN GEZIN", "Jeugd en Gezin"),
        ("BSO DE PROEFTUIN B.V.", "BSO De Proeftuin B.V."),
        ("OMA'S HUIS", "Oma's Huis"),
        ("AALTEN", "Aalten"),
        ("NOORD-HOLLAND", "Noord-Holland"),
    ],
)
def test_capitals_become_the_dutch_way_of_writing(capitals, written):
    assert dutch_title(capitals) == written


@pytest.mark.parametrize(
    "as_written",
    ["'t Hummelhuis", "IJzerlo", "Kinderopvang De Proeftuin", "de Kikkerpoel", "'s-Heerenberg", "McDonald"],
)
def test_mixed_case_is_never_touched(as_written):
    assert readable(as_written) == as_written


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("'0543-000010'", "0543-000010"),
        ("'info@voorbeeld.example'", "info@voorbeeld.example"),
        ("'t Hummelhuis", "'t Hummelhuis"),
        ("Oma's Huis", "Oma's Huis"),
        ("  ", None),
    ],
)
def test_only_wrapping_apostrophes_are_removed(field, value):
    assert unwrap(field) == value


@pytest.mark.parametrize(
    ("capitals", "written"),
    [
        ("CBS DE WEGWIJZER", "CBS De Wegwijzer"),
        ("OBS DE VLINDER", "OBS De Vlinder"),
        ("RKBS SINT JOZEF", "RKBS Sint Jozef"),
        ("PCBS HET KLAVERBLAD", "PCBS Het Klaverblad"),
        ("SBO DE BRUG", "SBO De Brug"),
        ("SO/VSO DE ZONNEBLOEM", "SO/VSO De Zonnebloem"),
        ("ZMLK-SCHOOL DE ZEVENSPRONG", "ZMLK-School De Zevensprong"),
        ("KDV 'T HUMMELHUIS", "KDV 't Hummelhuis"),
        ("BSO DE PROEFTUIN", "BSO De Proeftuin"),
        ("PSZ DIKKERTJE DAP", "PSZ Dikkertje Dap"),
        ("IKC IJZERLO", "IKC IJzerlo"),
        ("SCHOLENGEMEENSCHAP VO AALTEN", "Scholengemeenschap VO Aalten"),
        ("MAVO/HAVO/VWO AALTEN", "MAVO/HAVO/VWO Aalten"),
        ("ROC VAN TWENTE", "ROC van Twente"),
    ],
)
def test_school_type_abbreviations_keep_their_capitals(capitals, written):
    """Issue 17: DUO/LRK names in capitals lost the capitals of school types ("Cbs", "Obs", "Zmlk"); the
    abbreviations are data (ontology/afkortingen.yaml)."""
    assert readable(capitals) == written
