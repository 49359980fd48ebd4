"""Issue 17 point 4: a national register (LRK, DUO: hundreds of MB) is read in bounded memory. Rows of
other gemeenten are dropped while reading, and a file where every row is bad keeps only the first rows in
detail (plus one summary line), not one report line per row."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

HEADER = (
    "lrk_id;type_oko;actuele_naam_oko;aantal_kindplaatsen;status;opvanglocatie_adres;"
    "opvanglocatie_postcode;opvanglocatie_woonplaats;verantwoordelijke_gemeente;naam_houder;contact_telefoon\n"
)


def _national_lrk(path: Path, megabytes: int) -> int:
    """A national-style LRK export: mostly other gemeenten; every tenth row Aalten with an unknown type_oko
    (rejected), so both the filter and the capped report are exercised. Returns the number of rows."""
    pad = "x" * 60
    n = 0
    with path.open("w", encoding="latin-1") as fh:
        fh.write(HEADER)
        while fh.tell() < megabytes * 1024 * 1024:
            for _ in range(1000):
                n += 1
                if n % 10 == 0:
                    fh.write(f"{n};XXX;Opvang {n} {pad};12;Ingeschreven;Weg 1;7121AA;AALTEN;Aalten;H {n};\n")
                else:
                    fh.write(
                        f"{n};KDV;Opvang {n} {pad};12;Ingeschreven;Weg 1;1234AB;ERGENS;Gemeente {n % 300};"
                        f"H {n};'0543-000000'\n"
                    )
    return n


SCRIPT = textwrap.dedent(
    """
    import json, resource, sys
    from pathlib import Path
    from ingest.base import Report, open_table
    from ingest.registers import map_lrk
    from ingest.geocode import Geocoder
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    path = Path(sys.argv[1])
    report = Report("lrk", dry_run=True)
    with open_table(path) as (header, rows):
        map_lrk(header, rows, report, path.name, "Aalten", set(), geocoder=Geocoder(enabled=False))
    out = Path(sys.argv[2])
    report.write(out)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"grew_kb": after - before, "counts": report.summary()}))
    """
)


def test_national_lrk_file_is_read_in_bounded_memory(tmp_path: Path) -> None:
    src = tmp_path / "lrk-landelijk-30mb.csv"
    total = _national_lrk(src, 30)
    out = tmp_path / "rapport.json"
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(src), str(out)],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=600,
        check=True,
    )
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    # before the fix the whole file was held as dicts plus one report line per bad row: ~300 MB extra for
    # this 30 MB file; streaming and a capped report keep it to the interpreter's working set
    assert result["grew_kb"] < 60 * 1024, result
    assert result["counts"]["rejected"] == total // 10
    assert result["counts"]["overgeslagen_andere_gemeente"] == total - total // 10
    lines = json.loads(out.read_text(encoding="utf-8"))["rows"]
    rejected = [r for r in lines if r["outcome"] == "rejected"]
    assert len(rejected) == 101  # the first 100 in detail, then one summary line with the count
    summary = [r for r in rejected if r["row"] == 0]
    assert summary and f"nog {total // 10 - 100} rijen afgewezen" in summary[0]["reason"]
