"""Configuration: defaults, then environment (`KAART_*`), then the test dict. One table, documented in README."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

# name -> (default, description). Defaults that depend on the data dir are filled in by `load`.
SETTINGS: dict[str, tuple[Any, str]] = {
    "DATA_DIR": ("var", "Map voor de ingebouwde graaf, de zoekindex en de geheime sleutel."),
    "GRAPH_URI": (
        None,
        "Graaf: `falkordb:///map` (ingebouwd, standaard `<DATA_DIR>/graph`) of `bolt://host:7687`.",
    ),
    "NEO4J_USER": (None, "Gebruiker voor Neo4j (leeg: zonder authenticatie)."),
    "NEO4J_PASSWORD": (None, "Wachtwoord voor Neo4j."),
    "INDEX_DIR": (None, "Map van de zoekindex (afgeleide data), standaard `<DATA_DIR>/index`."),
    "SECRET_KEY": (None, "Sleutel voor sessies; standaard eenmalig gemaakt in `<DATA_DIR>/secret_key`."),
    "TILE_URL": (
        "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png",
        "Tegels voor de kaart (PDOK BRT-Achtergrondkaart); leeg: kaart zonder tegels.",
    ),
    "LOG_LEVEL": ("INFO", "Logniveau."),
    "MAX_REQUEST_KB": ("256", "Grootste verzoek in kB; een groter verzoek krijgt 413 (tegen overbelasting)."),
    "SESSION_COOKIE_SECURE": (
        "1",
        "Sessiecookie alleen over https (`0` voor http buiten localhost; tests: uit).",
    ),
    "SESSION_IDLE_MINUTES": ("60", "Uitloggen na zoveel minuten zonder activiteit."),
    "SESSION_MAX_HOURS": ("12", "Een sessie duurt hoogstens zoveel uur."),
    "LOGIN_MAX_ATTEMPTS": (
        "5",
        "Mislukte inlogpogingen per e-mailadres per venster (per IP-adres: 4x zoveel).",
    ),
    "LOGIN_WINDOW_SECONDS": ("900", "Venster voor het tellen van mislukte inlogpogingen (seconden)."),
    "GEOCODER": (
        "gazetteer",
        "Geocoderen bij import: `gazetteer` (offline), `pdok` (PDOK Locatieserver) of `off`.",
    ),
    "GEOCODER_URL": (None, "Adres van de PDOK Locatieserver (standaard `/search/v3_1/free` van PDOK)."),
    "GEOCODER_TIMEOUT": ("5", "Wachttijd voor de geocoder in seconden."),
    "GEMEENTE_PROFILE": (
        None,
        "Gemeenteprofiel (YAML): naam, logo, kleuren en voordeur van de site; standaard de demo "
        "`ontology/gemeenten/aalten.yaml`.",
    ),
    "GEMEENTE": (None, "Standaardgemeente voor `kaart ingest lrk|duo` (filter op gemeente)."),
    "SOURCES_FILE": (None, "Eigen `sources.yaml` met vertrouwde bronnen (standaard `ingest/sources.yaml`)."),
    "DEMO_ON_START": ("1", "`make run`: laad de demo-data als de graaf leeg is."),
    "SMTP_HOST": (
        None,
        "Mailserver voor 'verzoek om controle' (leeg: geen e-mail, beheer toont mailto-links).",
    ),
    "SMTP_PORT": (None, "Poort van de mailserver (standaard 587, bij `ssl` 465, bij `none` 25)."),
    "SMTP_SECURITY": ("starttls", "Beveiliging naar de mailserver: `starttls`, `ssl` of `none`."),
    "SMTP_USER": (None, "Gebruikersnaam voor de mailserver (leeg: zonder inloggen)."),
    "SMTP_PASSWORD": (None, "Wachtwoord voor de mailserver (komt nooit in logs)."),
    "SMTP_FROM": (
        None,
        "Afzender van e-mails van de sociale kaart, bijvoorbeeld `sociale-kaart@gemeente.nl`.",
    ),
    "BASE_URL": (
        None,
        "Adres van de site voor links in e-mails, bijvoorbeeld `https://kaart.gemeente.nl` (leeg: uit het verzoek).",
    ),
    "STALE_AFTER_DAYS": ("183", "Een dienst die zo veel dagen niet is gecontroleerd, staat bij 'Controle'."),
    "WACHTTIJD_STALE_WEEKS": (
        "8",
        "Een wachttijd ouder dan zo veel weken heet 'wachttijd onbekend; laatst doorgegeven op …'.",
    ),
    "PARTNER_LINK_DAYS": ("30", "Zo veel dagen is een persoonlijke link voor een partner geldig."),
    "DEMAND_STATS": (
        "0",
        "Tel zoekvragen per week, kern en thema (nooit tekst). Standaard uit; `1` zet het aan.",
    ),
    "DEMAND_STATS_RETENTION_WEEKS": (
        "104",
        "Tellingen van zoekvragen ouder dan zo veel weken worden verwijderd.",
    ),
}


def load(test_config: dict[str, Any] | None = None) -> dict[str, Any]:
    config: dict[str, Any] = {key: default for key, (default, _) in SETTINGS.items()}
    for key in SETTINGS:
        value = os.environ.get(f"KAART_{key}")
        if value is not None:
            config[key] = value
    if test_config:
        config.update(test_config)
    data_dir = Path(config["DATA_DIR"]).resolve()
    config["DATA_DIR"] = str(data_dir)
    if not config.get("GRAPH_URI"):
        config["GRAPH_URI"] = "falkordb://" + str(data_dir / "graph")
    if not config.get("INDEX_DIR"):
        config["INDEX_DIR"] = str(data_dir / "index")
    if not config.get("SECRET_KEY"):
        config["SECRET_KEY"] = _secret_key(data_dir)
    return config


def _secret_key(data_dir: Path) -> str:
    """A per-installation key, made once and kept private in the data dir."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        key = secrets.token_hex(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(key)
        return key
    except OSError:  # pragma: no cover - unreadable: fall back to a process-local key
        return secrets.token_hex(32)
