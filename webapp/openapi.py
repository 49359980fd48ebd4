"""The OpenAPI 3.1 document of the public APIs, served at /api/openapi.json.

Response schemas here are deliberately compact (the required HSDS fields and their types); the full check is
against the official compiled HSDS 3.0 schemas in the tests (tests/test_hsds_api.py).
"""

from __future__ import annotations

from typing import Any

from graph.models import NIVEAUS
from webapp.errors import API_ERRORS


def _param(
    name: str, schema: dict[str, Any], description: str, where: str = "query", required: bool = False
) -> dict[str, Any]:
    return {"name": name, "in": where, "required": required, "description": description, "schema": schema}


PAGE = [
    _param("page", {"type": "integer", "minimum": 1, "maximum": 1000000000}, "Paginanummer (vanaf 1)."),
    _param(
        "per_page", {"type": "integer", "minimum": 1, "maximum": 100}, "Aantal per pagina (hoogstens 100)."
    ),
    _param(
        "perPage",
        {"type": "integer", "minimum": 1, "maximum": 100},
        "Hetzelfde als `per_page` (de spelling van de Open Referral UK-validator).",
    ),
]
SEARCH = _param("search", {"type": "string", "maxLength": 200}, "Zoek in naam en beschrijving.")
SERVICE_FILTERS = [
    SEARCH,
    _param(
        "taxonomy_term_id",
        {"type": "string", "maxLength": 120},
        "Term-id: de UUID uit `/api/hsds/taxonomy_terms`, of het leesbare id (`thema-schulden`, "
        "`niveau-lokaal-team`, `doelgroep-jeugd`).",
    ),
    _param(
        "organization_id",
        {"type": "string", "maxLength": 120},
        "Alleen diensten van deze organisatie (UUID of leesbaar id).",
    ),
    _param(
        "postcode",
        {"type": "string", "pattern": "^[1-9][0-9]{3} ?([A-Za-z]{2})?$"},
        "Postcode (PC4 of PC6): locaties met die PC4.",
    ),
    _param(
        "proximity",
        {"type": "integer", "minimum": 1, "maximum": 1000000},
        "Meters rond het midden van `postcode` (alleen samen met `postcode`).",
    ),
    *PAGE,
]
ID = _param(
    "id",
    {"type": "string", "minLength": 1, "maxLength": 200, "pattern": "^[A-Za-z0-9._@-]+$"},
    "Id: de UUID, of ons leesbare id (`svc-…`, `org-…`, `thema-schulden`) als alias.",
    "path",
    True,
)
UUID_ID = {"type": "string", "format": "uuid"}
API_DETAILS = {
    "type": "object",
    "required": ["version", "profile", "openapi_url"],
    "properties": {
        "version": {"type": "string"},
        "profile": {"type": "string", "format": "uri", "description": "Het HSDS-profiel (absolute URI)."},
        "openapi_url": {"type": "string", "format": "uri", "description": "Dit document (absolute URI)."},
    },
}


def _download(summary: str, media_type: str) -> dict[str, Any]:
    return {
        "get": {
            "summary": summary,
            "responses": {
                "200": {"description": "OK", "content": {media_type: {"schema": {"type": "string"}}}}
            },
        }
    }


def _page_of(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": [
            "total_items",
            "total_pages",
            "page_number",
            "size",
            "first_page",
            "last_page",
            "empty",
            "contents",
        ],
        "properties": {
            "total_items": {"type": "integer"},
            "total_pages": {"type": "integer"},
            "page_number": {"type": "integer"},
            "size": {"type": "integer"},
            "first_page": {"type": "boolean"},
            "last_page": {"type": "boolean"},
            "empty": {"type": "boolean"},
            "contents": {"type": "array", "items": item},
        },
    }


def _ok(schema: dict[str, Any], description: str = "OK") -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ERROR = {"$ref": "#/components/schemas/Error"}
# Codes besides those of API_ERRORS: the precise reasons of a 400.
ERROR_CODES = sorted(
    {code for code, _ in API_ERRORS.values()}
    | {"missing_text", "text_too_long", "invalid_near", "invalid_limit", "invalid_parameter"}
)
SERVICE = {"$ref": "#/components/schemas/Service"}
ORG = {"$ref": "#/components/schemas/Organization"}
TAX = {"$ref": "#/components/schemas/Taxonomy"}
TERM = {"$ref": "#/components/schemas/TaxonomyTerm"}
SAL = {"$ref": "#/components/schemas/ServiceAtLocation"}


def _get(
    summary: str, params: list[dict[str, Any]], schema: dict[str, Any], not_found: bool = False
) -> dict[str, Any]:
    responses: dict[str, Any] = {"200": _ok(schema), "400": _ok(ERROR, "Ongeldige parameter")}
    if not_found:
        responses["404"] = _ok(ERROR, "Niet gevonden")
    return {"get": {"summary": summary, "parameters": params, "responses": responses}}


def _named(**extra: Any) -> dict[str, Any]:
    """An HSDS object with id, name and description (the minimum the compiled schemas require)."""
    props = {"id": UUID_ID, "name": {"type": "string"}, "description": {"type": "string"}}
    return {"type": "object", "required": ["id", "name", "description"], "properties": {**props, **extra}}


def document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Sociale kaart — openbare API",
            "version": "1.0.0",
            "description": (
                "Alleen-lezen Open Referral HSDS 3.0 API (openbare velden) en de zoek-API van de sociale kaart. "
                "Een hulpvraag gaat alleen per POST en wordt niet bewaard. Fouten hebben één vorm: "
                '`{"error": {"code": "not_found", "message": "Niet gevonden. …"}, "status": 404}`; '
                "`code` is vast en bedoeld voor programma's ("
                + ", ".join(f"`{c}`" for c in ERROR_CODES)
                + "), "
                "`message` is Nederlandse uitleg voor mensen en kan veranderen."
            ),
            "license": {"name": "EUPL-1.2", "identifier": "EUPL-1.2"},
        },
        "servers": [{"url": "/"}],
        "paths": {
            "/api/hsds/": _get("Over deze HSDS API (api_details)", [], API_DETAILS),
            "/api/hsds/services": _get("Diensten (gepagineerd)", SERVICE_FILTERS, _page_of(SERVICE)),
            "/api/hsds/services/{id}": _get("Eén dienst, volledig", [ID], SERVICE, True),
            "/api/hsds/organizations": _get("Organisaties (gepagineerd)", [SEARCH, *PAGE], _page_of(ORG)),
            "/api/hsds/organizations/{id}": _get("Eén organisatie met haar diensten", [ID], ORG, True),
            "/api/hsds/taxonomies": _get("Taxonomieën", PAGE, _page_of(TAX)),
            "/api/hsds/taxonomies/{id}": _get("Eén taxonomie", [ID], TAX, True),
            "/api/hsds/taxonomy_terms": _get(
                "Taxonomietermen",
                [
                    _param(
                        "taxonomy_id",
                        {"type": "string", "maxLength": 60},
                        "Alleen termen van deze taxonomie.",
                    ),
                    SEARCH,
                    *PAGE,
                ],
                _page_of(TERM),
            ),
            "/api/hsds/taxonomy_terms/{id}": _get("Eén term", [ID], TERM, True),
            "/api/hsds/service_at_locations": _get("Diensten per locatie", SERVICE_FILTERS, _page_of(SAL)),
            "/api/hsds/service_at_locations/{id}": _get("Eén dienst op een locatie", [ID], SAL, True),
            "/open-data/sociale-kaart-hsds.zip": _download(
                "De openbare HSDS 3.0-export als zip (open data, CC BY 4.0)", "application/zip"
            ),
            "/feed.atom": _download(
                "Atom-feed van wijzigingen in openbare diensten en organisaties", "application/atom+xml"
            ),
            "/api/v1/health": {
                "get": {
                    "summary": "Gezondheid van de site en de graaf",
                    "responses": {
                        "200": _ok({"type": "object"}),
                        "503": _ok({"type": "object"}, "Graaf niet bereikbaar"),
                    },
                }
            },
            "/api/v1/services": _get(
                "Lijst voor de kaart (filters zoals op /kaart)",
                [
                    _param("thema", {"type": "string", "maxLength": 120}, "Thema-id."),
                    _param("doelgroep", {"type": "string", "maxLength": 120}, "Doelgroep-id."),
                    _param("kern", {"type": "string", "maxLength": 120}, "Kern-id."),
                    _param(
                        "niveau",
                        {"type": "string", "enum": list(NIVEAUS)},
                        "Niveau.",
                    ),
                    _param("open", {"type": "string", "enum": ["0", "1"]}, "1: alleen wat nu open is."),
                    *PAGE,
                ],
                _page_of({"type": "object", "required": ["id", "name"]}),
            ),
            "/api/v1/match": {
                "post": {
                    "summary": "Wie kan hier helpen (de tekst wordt niet bewaard)",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["text"],
                                    "properties": {
                                        "text": {"type": "string", "minLength": 1, "maxLength": 4000},
                                        "near": {"type": "string", "maxLength": 100},
                                        "limit": {"type": "integer", "minimum": 1, "maximum": 50},
                                        "audience": {
                                            "type": "string",
                                            "enum": ["public", "professional"],
                                            "description": "public (standaard): het antwoord van de openbare "
                                            "site. professional: alleen met de sessie van een ingelogde "
                                            "professional (anders 401); de beroepstermen in de why-regels en de "
                                            "diensten alleen voor professionals, zoals /professional (ADR 0138).",
                                        },
                                    },
                                }
                            }
                        },
                    },
                    "responses": {
                        "200": _ok(
                            {
                                "type": "object",
                                "required": ["themes", "signals", "place", "results"],
                                "properties": {
                                    "themes": {"type": "array"},
                                    "signals": {"type": "object"},
                                    "place": {"type": ["object", "null"]},
                                    "results": {
                                        "type": "array",
                                        "description": "Antwoord zoals de openbare site het geeft: diensten "
                                        "alleen voor professionals staan er niet in. Waar zo'n dienst de beste "
                                        "hulp was, staat de voordeur van de gemeente op die plek, met "
                                        "via_professional: true (ADR 0116). Schrijft een kind of tiener, dan "
                                        "heeft de rij van de voordeur door_text: de eigen tekst van de voordeur "
                                        "in 'je' (ADR 0145).",
                                    },
                                    "place_source": {
                                        "type": ["string", "null"],
                                        "enum": ["veld", "tekst", None],
                                        "description": "Waar de plaats vandaan komt: het veld near (veld) of "
                                        "een kern in de vraag (tekst); null zonder plaats.",
                                    },
                                    "messages": {
                                        "type": "array",
                                        "items": {"type": "string"},
                                        "description": "Meldingen in het Nederlands, bijvoorbeeld dat een plaats "
                                        "of postcode niet bekend is, of welke plaats is gebruikt als veld en "
                                        "vraag verschillen.",
                                    },
                                },
                            }
                        ),
                        "400": _ok(ERROR, "Ongeldige vraag"),
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error", "status"],
                    "properties": {
                        "error": {
                            "type": "object",
                            "required": ["code", "message"],
                            "properties": {
                                "code": {"type": "string", "description": "Vaste code voor programma's."},
                                "message": {"type": "string", "description": "Uitleg in het Nederlands."},
                            },
                        },
                        "status": {"type": "integer", "description": "De HTTP-status."},
                    },
                },
                "Service": {
                    "type": "object",
                    "required": ["id", "name", "status"],
                    "properties": {
                        "id": UUID_ID,
                        "name": {"type": "string"},
                        "status": {
                            "type": "string",
                            "enum": ["active", "inactive", "defunct", "temporarily closed"],
                        },
                        "organization_id": {"type": "string"},
                        "description": {"type": "string"},
                        "assured_date": {"type": "string"},
                        "phones": {
                            "type": "array",
                            "items": {"type": "object", "required": ["id", "number"]},
                        },
                        "service_at_locations": {
                            "type": "array",
                            "items": {"type": "object", "required": ["id"]},
                        },
                        "attributes": {"type": "array", "items": {"type": "object", "required": ["id"]}},
                    },
                },
                "Organization": _named(),
                "Taxonomy": _named(),
                "TaxonomyTerm": _named(code={"type": "string"}),
                "ServiceAtLocation": {
                    "type": "object",
                    "required": ["id"],
                    "properties": {
                        "id": UUID_ID,
                        "service_id": UUID_ID,
                        "location_id": UUID_ID,
                    },
                },
            }
        },
    }
