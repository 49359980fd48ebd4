"""One shape for every JSON error of the APIs (`/api/v1/…`, `/api/hsds/…`), in Dutch with a stable code.

    {"error": {"code": "not_found", "message": "Niet gevonden. …"}, "status": 404}

`code` is for programs (stable, English, snake_case); `message` is for people (Dutch, B1) and may change.
`status` repeats the HTTP status for clients that only see the body. Documented in the OpenAPI document
(`webapp/openapi.py`, schema `Error`).
"""

from __future__ import annotations

from flask import Response, jsonify

# HTTP status -> (code, message) when the caller gives nothing more precise.
API_ERRORS: dict[int, tuple[str, str]] = {
    400: (
        "bad_request",
        "Dit verzoek kunnen we niet verwerken. Controleer de gegevens en probeer het opnieuw.",
    ),
    401: ("login_required", "Inloggen vereist."),
    403: ("forbidden", "Geen toegang met dit account."),
    404: ("not_found", "Niet gevonden. Controleer het adres of de id."),
    405: ("method_not_allowed", "Deze methode kan hier niet."),
    413: ("too_large", "Het verzoek is te groot."),
    415: ("unsupported_media_type", "Stuur de gegevens als JSON."),
    422: ("invalid_parameter", "Een parameter heeft een waarde die we niet kunnen gebruiken."),
    429: ("too_many_requests", "Te veel verzoeken. Wacht even en probeer het opnieuw."),
    500: ("internal_error", "Er ging bij ons iets mis. Probeer het later opnieuw."),
    503: ("unavailable", "De sociale kaart is even niet bereikbaar. Probeer het zo opnieuw."),
}


def api_error(status: int, message: str | None = None, *, code: str | None = None) -> Response:
    """The JSON error response; `code`/`message` default to the status's entry in API_ERRORS."""
    default_code, default_message = API_ERRORS.get(status, ("error", "Er ging iets mis."))
    resp = jsonify(
        {"error": {"code": code or default_code, "message": message or default_message}, "status": status}
    )
    resp.status_code = status
    return resp
