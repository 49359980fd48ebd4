"""Cell values and locations for importers: text, numbers, dates and postcodes from source cells, and a
location with its kern and coordinates (shared by the HSDS, spreadsheet and register importers). Split out of
`ingest/hsds.py`, which re-exports the public names.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from graph.models import Kern, Location
from ontology import kern_id

POSTCODE = re.compile(r"^[1-9][0-9]{3}\s?[A-Z]{2}$")


def _s(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _int(value: Any) -> int | None:
    text = _s(value)
    return None if text is None else int(float(text))


def _float(value: Any) -> float | None:
    text = _s(value)
    return None if text is None else float(text.replace(",", "."))


def _date(value: Any) -> str | None:
    """ISO `JJJJ-MM-DD` from any date form `read_date` knows; None otherwise (never the text verbatim)."""
    return read_date(value)[0]


def slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s or "x"


def normal_postcode(value: str | None) -> str | None:
    """`7121AB`/`7121 ab` -> `7121 AB`; None when empty; ValueError when not a Dutch postcode."""
    text = _s(value)
    if not text:
        return None
    text = text.upper()
    if not POSTCODE.match(text):
        raise ValueError(f"ongeldige postcode {text!r}")
    text = text.replace(" ", "")
    return f"{text[:4]} {text[4:]}"


def kern_for(place: Any) -> Kern:
    return Kern(
        id=kern_id(place.name),
        name=place.name,
        gemeente=getattr(place, "gemeente", None) or None,
        latitude=float(place.lat),
        longitude=float(place.lon),
    )


def geocoded_location(
    id: str,
    name: str,
    org_id: str,
    address: str | None,
    postcode: str | None,
    city: str | None,
    *,
    gazetteer: Any,
    geocoder: Any,
    kernen: dict[str, Kern],
    warn: Callable[[str], None],
) -> Location:
    """A location from a register or spreadsheet row: its kern from the gazetteer (added to `kernen`) and its
    coordinates from the geocoder, with a warning when there are none."""
    place = gazetteer.place(city)
    kern_id = None
    if place is not None:
        kern = kern_for(place)
        kernen[kern.id] = kern
        kern_id = kern.id
    found = geocoder.geocode(address, postcode, city)
    if found is None:
        warn("locatie zonder coördinaten")
    return Location(
        id=id,
        name=name,
        organization_id=org_id,
        latitude=found.lat if found else None,
        longitude=found.lon if found else None,
        address_1=address,
        postal_code=postcode,
        city=city,
        kern=kern_id,
        approximate=bool(found and found.approximate),
    )


# --- values as publishers write them (docs/adr/0072-reading-hsds-as-published.md) ----------------------------
# Each reader returns (value, note): the value as the kaart stores it, and a Dutch note for the report when the
# input was not in the form HSDS asks (None when it was). Pure functions: tests/test_ingest_hsds_quirks.py.

_AGE = re.compile(
    r"^\D{0,12}?(\d{1,3})(?:[.,]0+)?\s*(?:\+|jaar|jr\.?|years?|yrs?|y)?\s*(?:en ouder|and over|\+)?$", re.I
)


_AGE_RANGE = re.compile(
    r"^(\d{1,3})\s*(?:-|–|tot en met|t/m|tot|to)\s*(\d{1,3})\s*(?:jaar|jr\.?|years?)?$", re.I
)


_AGE_MONTHS = re.compile(r"^\D{0,12}?(\d{1,3})\s*(?:maanden|maand|mnd\.?|months?|mths?)$", re.I)


def read_age(value: Any, *, upper: bool = False) -> tuple[int | None, str | None]:
    """`18` -> 18; `18 jaar`, `18 years`, `18+`, `vanaf 18` -> 18 with a note; a range `4-12 jaar` -> its lower
    bound (its upper bound with `upper=True`, for maximum_age) with a note; `6 maanden` -> 0 (whole years) with a
    note; unreadable -> None with a note (the
    service is kept without an age, not rejected)."""
    text = _s(value)
    if text is None:
        return None, None
    if re.fullmatch(r"\d{1,3}(?:\.0+)?", text):
        return int(float(text)), None
    months = _AGE_MONTHS.match(text)
    if months:  # "6 maanden": an age in whole years, as HSDS asks (0 for a baby), said in the report
        age = int(months.group(1)) // 12
        return age, f"leeftijd {text!r} gelezen als {age} jaar"
    m = _AGE_RANGE.match(text) or _AGE.match(text)
    if m:
        age = int(m.group(m.lastindex if upper and m.re is _AGE_RANGE else 1))
        if age <= 130:
            return age, f"leeftijd {text!r} gelezen als {age}"
    return None, f"leeftijd {text!r} is geen getal; weggelaten"


MONTHS = {
    **dict.fromkeys(("januari", "jan", "january"), 1),
    **dict.fromkeys(("februari", "feb", "febr", "february"), 2),
    **dict.fromkeys(("maart", "mrt", "mar", "march"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("mei", "may"), 5),
    **dict.fromkeys(("juni", "jun", "june"), 6),
    **dict.fromkeys(("juli", "jul", "july"), 7),
    **dict.fromkeys(("augustus", "aug", "august"), 8),
    **dict.fromkeys(("september", "sep", "sept"), 9),
    **dict.fromkeys(("oktober", "okt", "oct", "october"), 10),
    **dict.fromkeys(("november", "nov"), 11),
    **dict.fromkeys(("december", "dec"), 12),
}
_ISO_DATE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$", re.I
)
_YMD = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$")
_DAY_MONTH = re.compile(r"^(?:[a-z]+,?\s+)?(\d{1,2})\.?\s+([a-z]+)\.?,?\s+(\d{4})$")
_MONTH_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")


def _iso(y: int, m: int, d: int) -> str | None:
    from datetime import date

    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def read_date(value: Any) -> tuple[str | None, str | None]:
    """A date as ISO `JJJJ-MM-DD` from ISO (with or without time), `15-03-2025`, `15/03/2025`, `15.03.2025`,
    `03/15/2025` (only when the day is > 12), `15 maart 2025`, `15 mrt. 2025`, `March 15, 2025`. Two numbers that
    could both be the month (`03/04/2025`) are read Dutch-first, day before month, and the note says so. None with a
    note when it is no date; never the text verbatim."""
    text = _s(value)
    if text is None:
        return None, None
    low = re.sub(r"\s+", " ", text.lower())
    if m := _ISO_DATE.match(low):
        iso = _iso(int(m[1]), int(m[2]), int(m[3]))
        return (iso, None) if iso else (None, f"ongeldige datum {text!r}; weggelaten")
    iso, how = None, ""
    if m := _YMD.match(low):
        iso = _iso(int(m[1]), int(m[2]), int(m[3]))
    elif m := _NUMERIC.match(low):
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        y = y + 2000 if y < 100 else y
        if a > 12 or b > 12 or a == b:
            day, month = (b, a) if b > 12 >= a else (a, b)
            how = " (maand-dag)" if b > 12 >= a else ""
        else:
            day, month, how = a, b, " (dubbelzinnig: gelezen als dag-maand, zoals in Nederland)"
        iso = _iso(y, month, day)
    elif (m := _DAY_MONTH.match(low)) and m[2] in MONTHS:
        iso = _iso(int(m[3]), MONTHS[m[2]], int(m[1]))
    elif (m := _MONTH_DAY.match(low)) and m[1] in MONTHS:
        iso = _iso(int(m[3]), MONTHS[m[1]], int(m[2]))
    if iso is None:
        return None, f"ongeldige datum {text!r} (verwacht JJJJ-MM-DD); weggelaten"
    return iso, f"datum {text!r} gelezen als {iso}{how}"


def read_datetime(value: Any) -> tuple[str | None, str | None]:
    """An HSDS `datetime` (`last_modified`) as ISO 8601 with an offset: kept when it is one; a time without an
    offset is read as Dutch time; a date alone (any form `read_date` knows) as midnight Dutch time; each with a
    note. None with a note when it is no date."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    text = _s(value)
    if text is None:
        return None, None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        moment = None
    if moment is not None and moment.tzinfo is not None and "T" in text.upper():
        return text, None
    if moment is None or len(text) <= 10:
        clock = re.match(r"^(.*?\d)[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?$", text)  # "15-03-2025 10:30"
        iso, _ = read_date(clock[1] if clock else text)
        if iso is None or (clock and (int(clock[2]) > 23 or int(clock[3]) > 59)):
            return None, f"ongeldige datum-tijd {text!r}; weggelaten"
        moment = datetime.fromisoformat(iso)
        if clock:
            moment = moment.replace(hour=int(clock[2]), minute=int(clock[3]), second=int(clock[4] or 0))
    out = moment.replace(tzinfo=moment.tzinfo or ZoneInfo("Europe/Amsterdam")).isoformat()
    return out, f"datum-tijd {text!r} gelezen als {out} (Nederlandse tijd)"


def read_uri(value: Any) -> tuple[str | None, str | None]:
    """A web address as HSDS asks (a URI): `www.proef.nl` -> `https://www.proef.nl` with a note."""
    text = _s(value)
    if text is None:
        return None, None
    if re.match(r"^[a-z][a-z0-9+.-]*:", text, re.I):
        return text, None
    if re.fullmatch(r"(?:[a-z0-9-]+\.)+[a-z]{2,}(?:[/?#]\S*)?", text, re.I):
        return f"https://{text}", f"webadres {text!r} gelezen als https://{text}"
    return text, None  # not a web address at all: the input boundary (screen.py) decides


SERVICE_STATUS = ("active", "inactive", "defunct", "temporarily closed")
_STATUS_SYNONYMS = {
    **dict.fromkeys(("active", "actief", "open", "ja", "yes", "true", "live", "published"), "active"),
    **dict.fromkeys(("inactive", "inactief", "niet actief", "nee", "no", "false", "unpublished"), "inactive"),
    **dict.fromkeys(
        (
            "defunct",
            "opgeheven",
            "gestopt",
            "beëindigd",
            "beeindigd",
            "permanently closed",
            "closed permanently",
        ),
        "defunct",
    ),
    **dict.fromkeys(
        (
            "temporarily closed",
            "temporarily_closed",
            "temporarily-closed",
            "tijdelijk gesloten",
            "tijdelijk dicht",
            "tijdelijk gestopt",
            "suspended",
            "opgeschort",
            "paused",
        ),
        "temporarily closed",
    ),
}


def read_status(value: Any) -> tuple[str | None, str | None]:
    """The HSDS service status: `active` as is; `Active`, `ACTIVE`, `actief` and empty -> `active` with a note;
    Dutch and English synonyms of the other values mapped to them; None (with a note) when unknown."""
    text = _s(value)
    if text is None:
        return "active", "status ontbreekt; gelezen als 'active'"
    if text in SERVICE_STATUS:
        return text, None
    found = _STATUS_SYNONYMS.get(re.sub(r"\s+", " ", text.lower()))
    if found is None:
        return None, f"ongeldige status {text!r}"
    return found, f"status {text!r} gelezen als {found!r}"


def read_number(value: Any) -> tuple[str | None, str | None]:
    """A number cell as HSDS writes it (`51.925`): a decimal comma (`51,925`) becomes a point, with a note;
    None with a note when it is no number."""
    text = _s(value)
    if text is None:
        return None, None
    plain = text.replace(" ", "")
    if re.fullmatch(r"[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?", plain):
        return plain, None
    if re.fullmatch(r"[+-]?\d+,\d+", plain):
        return plain.replace(",", "."), f"decimaalkomma in {text!r} gelezen als {plain.replace(',', '.')}"
    return None, f"{text!r} is geen getal; weggelaten"


# Rough box around the Netherlands (with a margin for border towns): coordinates outside are not stored as exact.
NL_LAT = (50.7, 53.6)
NL_LON = (3.3, 7.3)


def _in_nl(lat: float, lon: float) -> bool:
    return NL_LAT[0] <= lat <= NL_LAT[1] and NL_LON[0] <= lon <= NL_LON[1]


def read_coordinates(lat: float | None, lon: float | None) -> tuple[float | None, float | None, str | None]:
    """Coordinates checked against the Netherlands: inside as given; swapped (latitude in the longitude range
    and vice versa, inside the Netherlands once swapped) swapped back with a note; elsewhere None with a note
    (the location then falls back to its address or kern, never a point abroad shown as exact)."""
    if lat is None or lon is None:
        return lat, lon, None
    if _in_nl(lat, lon):
        return lat, lon, None
    if _in_nl(lon, lat):
        return lon, lat, f"latitude en longitude verwisseld ({lat}, {lon}); omgedraaid"
    return None, None, f"coördinaten ({lat}, {lon}) liggen buiten Nederland; niet als exacte plek bewaard"


# --- HTML in descriptions ---------------------------------------------------------------------------------

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
_ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});")
_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:p|br|div|li|ul|ol|h[1-6]|tr|table|blockquote|pre)\b", re.I)
_ESCAPED_TAG = re.compile(r"&lt;\s*/?\s*[a-zA-Z][^&]*?&gt;")
_BLOCK_TAGS = {
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "blockquote",
    "pre",
}


def html_to_text(value: str | None, *, multiline: bool = True) -> str | None:
    """Text that may hold HTML (HSDS allows markup in descriptions) as safe plain text: paragraphs and line
    breaks become newlines, list items `• ` lines, entities decoded, scripts and styles dropped with their
    content (nh3, a real sanitiser, parses the markup). Escaped markup (`&lt;p&gt;`) is unescaped first, so it
    never shows literally. Text without markup comes back as it was. `multiline=False` (names) gives one line."""
    if value is None or ("<" not in value and "&" not in value):
        return value  # the common case: plain text, nothing to parse
    text = value
    for _ in range(3):  # markup that was HTML-escaped once or twice by the publisher's CMS
        if not _ESCAPED_TAG.search(text):
            break
        text = html.unescape(text)
    if not _TAG.search(text) and not _ENTITY.search(text):
        return value
    import nh3  # imported on first use: most texts have no markup

    if _BLOCK_TAG.search(text):  # real HTML: a newline is a space there, the structure comes from the tags
        text = re.sub(r"\s+", " ", text)  # (text with only an inline <b> keeps its own line breaks)
    clean = nh3.clean(text, tags=_BLOCK_TAGS, attributes={}, link_rel=None, strip_comments=True)
    clean = re.sub(r"<br\s*/?>", "\n", clean)
    clean = re.sub(r"<li>", "\n• ", clean)
    clean = re.sub(r"</(?:p|div|h\d|ul|ol|tr|blockquote|pre)>", "\n\n", clean)
    clean = re.sub(r"<[^>]*>", "\n", clean)  # only the allowed block tags are left, without attributes
    clean = html.unescape(clean).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in clean.split("\n")]
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    out = re.sub(r"\n\n(?=• )", "\n", out)  # list items one per line, no blank lines between them
    if not multiline:
        out = re.sub(r"\s+", " ", out.replace("• ", "")).strip()
    return out
