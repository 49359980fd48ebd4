"""Configuration: defaults, then environment (`KAART_*`), then the test dict. One table, documented in README.

Parsed once, at start-up, into a frozen `Settings` (typed values); a bad value stops the start with a message
that names the variable, the value and what is allowed (`ConfigError`), instead of failing later in a request.
The Flask config carries the same typed values under the upper-case names (`app.config["STALE_AFTER_DAYS"]`
is an int); `settings(app)` gives the dataclass.
"""

from __future__ import annotations

import dataclasses
import os
import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask, current_app

from graph.models import STALE_AFTER_DAYS

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
    "MODEL_DIR": (
        None,
        "Map van de getrainde woordmodellen (afgeleide data, opnieuw te bouwen met `kaart models`), standaard "
        "`<DATA_DIR>/models`.",
    ),
    "SEARCH_BACKEND": (
        "whoosh",
        "Zoekindex: `whoosh` (bestanden per webserver) of `graph` (de full-text-index van de graafserver, "
        "gedeeld door alle webservers).",
    ),
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
    "LOGIN_MAX_DELAY_SECONDS": (
        "300",
        "Langste wachttijd tussen inlogpogingen voor een e-mailadres na te veel fouten (vertragen, niet blokkeren).",
    ),
    "TRUSTED_PROXIES": (
        "0",
        "Reverse proxy voor de app: aantal vertrouwde proxies (`1`) of hun adressen (`10.0.0.2,172.18.0.0/16`); "
        "alleen dan telt `X-Forwarded-For`.",
    ),
    "SECRET_ENCRYPTION_KEY": (
        None,
        "Fernet-sleutel(s) voor TOTP-geheimen, komma-gescheiden, nieuwste eerst; standaard eenmalig gemaakt in "
        "`<DATA_DIR>/secret_encryption_key`.",
    ),
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
    "STALE_AFTER_DAYS": (
        str(STALE_AFTER_DAYS),
        "Een dienst die zo veel dagen niet is gecontroleerd, staat bij 'Controle'.",
    ),
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
    "EMBED_ORIGINS": (
        "",
        "Websites die de zoekbox mogen insluiten (iframe), komma-gescheiden: `https://www.aalten.nl`. "
        "Leeg: insluiten kan nergens (`frame-ancestors 'none'`).",
    ),
    "EMBED_FONT": (
        "",
        "Lettertype van de ingesloten zoekbox (CSS font-family, bijvoorbeeld `Arial, sans-serif`); leeg: "
        "het lettertype van de site.",
    ),
    "LANGUAGES": (
        None,
        "Talen van de site, komma-gescheiden (`nl,en,ar,tr,pl,uk`; standaard alle uit `ontology/languages.yaml`); "
        "Nederlands is er altijd bij.",
    ),
}


class ConfigError(ValueError):
    """A setting with a value we cannot use; the message names the variable and what is allowed."""


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
_TRUE = {"1", "true", "yes", "ja", "on"}
_FALSE = {"", "0", "false", "no", "nee", "off"}


def _text(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def _flag(value: Any) -> bool:
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE or value is None:
        return False
    raise ValueError("kies 1 of 0 (aan of uit) / use 1 or 0")


def _whole(minimum: int, maximum: int | None = None) -> Callable[[Any], int]:
    def parse(value: Any) -> int:
        try:
            number = int(str(value).strip())
        except ValueError:
            raise ValueError("geen geheel getal / not a whole number") from None
        if number < minimum or (maximum is not None and number > maximum):
            upper = f" en hoogstens {maximum}" if maximum is not None else ""
            raise ValueError(f"moet minstens {minimum}{upper} zijn / out of range")
        return number

    return parse


def _seconds(value: Any) -> float:
    try:
        number = float(str(value).strip())
    except ValueError:
        raise ValueError("geen getal / not a number") from None
    if not number > 0:
        raise ValueError("moet groter dan 0 zijn / must be positive")
    return number


def _choice(*allowed: str) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        text = str(value).strip().lower()
        if text not in allowed:
            raise ValueError("kies " + ", ".join(allowed) + " / choose one of these")
        return text

    return parse


def _level(value: Any) -> str:
    text = str(value).strip().upper()
    if text not in LOG_LEVELS:
        raise ValueError("kies " + ", ".join(LOG_LEVELS))
    return text


def _url(value: Any) -> str | None:
    text = _text(value)
    if text is not None and not text.startswith(("https://", "http://")):
        raise ValueError("begint met https:// of http:// / must start with https:// or http://")
    return text


def _proxies(value: Any) -> int | tuple[str, ...]:
    """`0` (no proxy), a number of proxy hops, or addresses/networks of the proxies."""
    import ipaddress

    text = _text(value) or "0"
    if text.isdigit():
        return int(text)
    networks = []
    for part in text.replace(";", ",").split(","):
        if part.strip():
            try:
                networks.append(str(ipaddress.ip_network(part.strip(), strict=False)))
            except ValueError:
                raise ValueError("een aantal (1) of IP-adressen/netwerken, komma-gescheiden") from None
    return tuple(networks)


def _fernet_keys(value: Any) -> tuple[str, ...]:
    """Fernet keys (url-safe base64 of 32 bytes), the newest first; empty: the data-dir key."""
    import base64
    import binascii

    keys = tuple(k.strip() for k in (_text(value) or "").split(",") if k.strip())
    for key in keys:
        try:
            ok = len(base64.urlsafe_b64decode(key.encode())) == 32
        except (binascii.Error, ValueError):
            ok = False
        if not ok:
            raise ValueError("geen Fernet-sleutel (maak er een met `kaart maintenance --new-key`)")
    return keys


def _languages(value: Any) -> tuple[str, ...]:
    """Interface languages (codes from `ontology/languages.yaml`), Dutch first; empty: all of them."""
    from webapp.i18n import SOURCE, known_languages

    known = known_languages()
    codes = [c.strip().lower() for c in (_text(value) or "").split(",") if c.strip()] or list(known)
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise ValueError("onbekende taal " + ", ".join(unknown) + "; kies uit " + ", ".join(known))
    return tuple(dict.fromkeys([SOURCE, *codes]))


_HOST_LABEL = r"(?!-)[a-z0-9-]{1,63}(?<!-)"
_ORIGIN = re.compile(
    rf"^(?P<scheme>https?)://(?P<host>(?:\*\.)?{_HOST_LABEL}(?:\.{_HOST_LABEL})*)(?::(?P<port>[0-9]{{1,5}}))?$"
)
_LOOPBACK = {"localhost", "127.0.0.1"}


def _origins(value: Any) -> tuple[str, ...]:
    """Origins that may frame the embed pages (CSP `frame-ancestors`): `scheme://host[:port]`, nothing else.

    Strict, because each one ends up in a security header: no path, no quotes or keywords, no `*` on its own;
    a `*.` only as the first label of a name with at least two more labels (`https://*.aalten.nl`); `http://`
    only for localhost (testing): a gemeente site is served over https."""
    out: list[str] = []
    for part in re.split(r"[,\s]+", str(value or "").strip()):
        if not part:
            continue
        candidate = part.lower()
        if candidate.endswith("/") and candidate.count("/") == 3:  # https://www.aalten.nl/ as pasted
            candidate = candidate[:-1]
        m = _ORIGIN.match(candidate)
        if m is None:
            raise ValueError(
                f"{part!r} is geen herkomst; schrijf https://naam.nl of https://naam.nl:8443 "
                "(zonder pad, zonder *) / not an origin"
            )
        host, port = m["host"], m["port"]
        if host.startswith("*.") and host.count(".") < 2:
            raise ValueError(
                f"{part!r}: een * alleen voor subdomeinen van een eigen domein (https://*.gemeente.nl)"
            )
        if port is not None and not 1 <= int(port) <= 65535:
            raise ValueError(f"{part!r}: poort buiten 1-65535 / port out of range")
        if m["scheme"] == "http" and host not in _LOOPBACK:
            raise ValueError(f"{part!r}: gebruik https:// (http:// alleen voor localhost) / use https")
        origin = f"{m['scheme']}://{host}" + (f":{port}" if port else "")
        if origin not in out:
            out.append(origin)
    return tuple(out)


_FONT = re.compile(r"^[A-Za-z0-9 ,'\"-]{1,200}$")


def _font(value: Any) -> str:
    """A CSS font-family list: names, quotes, commas and spaces only (it goes into a stylesheet)."""
    text = _text(value) or ""
    if text and (not _FONT.match(text) or text.count('"') % 2 or text.count("'") % 2):
        raise ValueError("alleen lettertypenamen, komma's en aanhalingstekens / font names only")
    return text


def _port(value: Any) -> int | None:
    return None if _text(value) is None else _whole(1, 65535)(value)


@dataclass(frozen=True)
class Settings:
    """Every `KAART_*` setting, typed. Field = the setting's name in lower case (README, Configuration)."""

    data_dir: Path
    graph_uri: str
    neo4j_user: str | None
    neo4j_password: str | None
    index_dir: Path
    model_dir: Path
    search_backend: str
    secret_key: str = dataclasses.field(repr=False)
    tile_url: str
    log_level: str
    max_request_kb: int
    session_cookie_secure: bool
    session_idle_minutes: int
    session_max_hours: int
    login_max_attempts: int
    login_window_seconds: int
    login_max_delay_seconds: int
    trusted_proxies: int | tuple[str, ...]
    secret_encryption_key: tuple[str, ...] = dataclasses.field(repr=False)
    geocoder: str
    geocoder_url: str | None
    geocoder_timeout: float
    gemeente_profile: str | None
    gemeente: str | None
    sources_file: str | None
    demo_on_start: bool
    smtp_host: str | None
    smtp_port: int | None
    smtp_security: str
    smtp_user: str | None
    smtp_password: str | None = dataclasses.field(repr=False)
    smtp_from: str | None
    base_url: str | None
    stale_after_days: int
    wachttijd_stale_weeks: int
    partner_link_days: int
    demand_stats: bool
    demand_stats_retention_weeks: int
    languages: tuple[str, ...]
    embed_origins: tuple[str, ...] = ()
    embed_font: str = ""

    def as_config(self) -> dict[str, Any]:
        """The Flask config names (upper case) with the typed values; paths as strings."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            out[f.name.upper()] = str(value) if isinstance(value, Path) else value
        return out


PARSERS: dict[str, Callable[[Any], Any]] = {
    "DATA_DIR": lambda v: Path(str(v)).resolve(),
    "GRAPH_URI": _text,
    "NEO4J_USER": _text,
    "NEO4J_PASSWORD": _text,
    "INDEX_DIR": _text,
    "MODEL_DIR": _text,
    "SEARCH_BACKEND": _choice("whoosh", "graph"),
    "SECRET_KEY": _text,
    "TILE_URL": lambda v: _text(v) or "",
    "LOG_LEVEL": _level,
    "MAX_REQUEST_KB": _whole(1),
    "SESSION_COOKIE_SECURE": _flag,
    "SESSION_IDLE_MINUTES": _whole(1),
    "SESSION_MAX_HOURS": _whole(1),
    "LOGIN_MAX_ATTEMPTS": _whole(1),
    "LOGIN_WINDOW_SECONDS": _whole(1),
    "LOGIN_MAX_DELAY_SECONDS": _whole(1),
    "TRUSTED_PROXIES": _proxies,
    "SECRET_ENCRYPTION_KEY": _fernet_keys,
    "GEOCODER": _choice("gazetteer", "pdok", "off"),
    "GEOCODER_URL": _url,
    "GEOCODER_TIMEOUT": _seconds,
    "GEMEENTE_PROFILE": _text,
    "GEMEENTE": _text,
    "SOURCES_FILE": _text,
    "DEMO_ON_START": _flag,
    "SMTP_HOST": _text,
    "SMTP_PORT": _port,
    "SMTP_SECURITY": _choice("starttls", "ssl", "none"),
    "SMTP_USER": _text,
    "SMTP_PASSWORD": _text,
    "SMTP_FROM": _text,
    "BASE_URL": _url,
    "STALE_AFTER_DAYS": _whole(1),
    "WACHTTIJD_STALE_WEEKS": _whole(1),
    "PARTNER_LINK_DAYS": _whole(1),
    "DEMAND_STATS": _flag,
    "DEMAND_STATS_RETENTION_WEEKS": _whole(1),
    "LANGUAGES": _languages,
    "EMBED_ORIGINS": _origins,
    "EMBED_FONT": _font,
}


def parse(
    test_config: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None
) -> tuple[Settings, dict[str, Any]]:
    """Defaults, then `KAART_*` from the environment, then the test dict; typed and checked.

    Returns the settings and the rest of the test dict (Flask's own keys such as `TESTING`)."""
    environ = os.environ if environ is None else environ
    raw: dict[str, Any] = {key: default for key, (default, _) in SETTINGS.items()}
    origin = {key: "standaard" for key in SETTINGS}
    for key in SETTINGS:
        if f"KAART_{key}" in environ:
            raw[key] = environ[f"KAART_{key}"]
            origin[key] = f"KAART_{key}"
    extra: dict[str, Any] = {}
    for key, value in (test_config or {}).items():
        if key in SETTINGS:
            raw[key], origin[key] = value, key
        else:
            extra[key] = value
    # A setting without a parser yet (added on another branch) still reaches app.config, untyped;
    # tests/test_config.py fails until it has a parser and a Settings field.
    extra.update({key: raw[key] for key in SETTINGS if key not in PARSERS and key not in extra})
    values: dict[str, Any] = {}
    for key, parser in PARSERS.items():
        try:
            values[key.lower()] = parser(raw[key])
        except ValueError as exc:
            shown = "***" if "PASSWORD" in key or key.startswith("SECRET_") else repr(raw[key])
            raise ConfigError(f"Instelling {origin[key]}={shown} klopt niet: {exc}.") from None
    data_dir: Path = values["data_dir"]
    values["graph_uri"] = values["graph_uri"] or "falkordb://" + str(data_dir / "graph")
    values["index_dir"] = Path(values["index_dir"]).resolve() if values["index_dir"] else data_dir / "index"
    values["model_dir"] = Path(values["model_dir"]).resolve() if values["model_dir"] else data_dir / "models"
    values["secret_key"] = values["secret_key"] or _secret_key(data_dir)
    values["secret_encryption_key"] = values["secret_encryption_key"] or (
        _encryption_key(data_dir, values["secret_key"]),
    )
    return Settings(**values), extra


def load(test_config: dict[str, Any] | None = None) -> dict[str, Any]:
    """The Flask config: typed settings plus the other keys of the test dict."""
    settings_, extra = parse(test_config)
    return {**settings_.as_config(), **extra}


def settings(app: Flask | None = None) -> Settings:
    """The parsed settings of this app (made once by the factory)."""
    app = app or current_app._get_current_object()  # type: ignore[attr-defined]
    return app.extensions["kaart_settings"]


def _encryption_key(data_dir: Path, secret_key: str) -> str:
    """A per-installation Fernet key for secrets at rest (TOTP), made once and kept private in the data dir.
    Where the data dir cannot be written, a key derived from the secret key (stable when that one is set)."""
    import base64
    import hashlib

    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        path = data_dir / "secret_encryption_key"
        try:
            return path.read_text().strip()
        except FileNotFoundError:
            key = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:  # another worker made it a moment ago
                return path.read_text().strip()
            with os.fdopen(fd, "w") as fh:
                fh.write(key)
            return key
    except OSError:  # pragma: no cover - read-only data dir
        digest = hashlib.sha256(b"kaart-secret-encryption-key\0" + secret_key.encode()).digest()
        return base64.urlsafe_b64encode(digest).decode()


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
