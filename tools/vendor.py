"""Vendor the front-end files the site serves (and axe-core for the browser tests) from node_modules.

    npm ci && python3 tools/vendor.py          # copy, write MANIFEST.sha256 and LICENSES.md
    python3 tools/vendor.py --check            # verify the committed files against the manifest

The files are committed: at run time nothing is fetched from a CDN (CSP 'self'). `package.json` pins the
versions; `package-lock.json` records the integrity hashes npm checked.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE = ROOT / "node_modules"
STATIC = ROOT / "webapp" / "static" / "vendor"
TESTS = ROOT / "tests" / "browser" / "vendor"

# package -> (target dir, [(source path in package, target name)], licence file in package, purpose)
PACKAGES: dict[str, tuple[Path, list[tuple[str, str]], str, str]] = {
    "@utrecht/component-library-css": (
        STATIC / "utrecht",
        [("dist/index.css", "component-library.css")],
        "LICENSE.md",
        "NL Design System componenten (CSS) van de gemeente Utrecht",
    ),
    "@nl-design-system-unstable/voorbeeld-design-tokens": (
        STATIC / "voorbeeld-design-tokens",
        [("dist/theme.css", "theme.css")],
        "LICENSE.md",
        "Open 'voorbeeld' design tokens van NL Design System (geen huisstijl van een echte organisatie)",
    ),
    "leaflet": (
        STATIC / "leaflet",
        [
            ("dist/leaflet.js", "leaflet.js"),
            ("dist/leaflet.css", "leaflet.css"),
            ("dist/images/layers.png", "images/layers.png"),
            ("dist/images/layers-2x.png", "images/layers-2x.png"),
            ("dist/images/marker-icon.png", "images/marker-icon.png"),
            ("dist/images/marker-icon-2x.png", "images/marker-icon-2x.png"),
            ("dist/images/marker-shadow.png", "images/marker-shadow.png"),
        ],
        "LICENSE",
        "Kaart (Leaflet)",
    ),
    "leaflet.markercluster": (
        STATIC / "leaflet.markercluster",
        [
            ("dist/leaflet.markercluster.js", "leaflet.markercluster.js"),
            ("dist/MarkerCluster.css", "MarkerCluster.css"),
            ("dist/MarkerCluster.Default.css", "MarkerCluster.Default.css"),
        ],
        "MIT-LICENCE.txt",
        "Clusters van markers op de kaart",
    ),
    "axe-core": (
        TESTS / "axe-core",
        [("axe.min.js", "axe.min.js")],
        "LICENSE",
        "Toegankelijkheidstest in de browsertests (niet op de site)",
    ),
}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _meta(pkg: str) -> dict:
    return json.loads((NODE / pkg / "package.json").read_text(encoding="utf-8"))


def vendor() -> None:
    rows: dict[Path, list[str]] = {STATIC: [], TESTS: []}
    licences: dict[Path, list[str]] = {STATIC: [], TESTS: []}
    for pkg, (target, files, licence, purpose) in PACKAGES.items():
        meta = _meta(pkg)
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        base = STATIC if target.is_relative_to(STATIC) else TESTS
        for src, dst in [*files, (licence, Path(licence).name)]:
            out = target / dst
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(NODE / pkg / src, out)
            rows[base].append(f"{_sha256(out)}  {out.relative_to(base).as_posix()}")
        licences[base].append(
            f"| `{pkg}` | {meta['version']} | {meta.get('license', '?')} | {purpose} | "
            f"`{(target / Path(licence).name).relative_to(base).as_posix()}` |"
        )
    for base in (STATIC, TESTS):
        (base / "MANIFEST.sha256").write_text("\n".join(sorted(rows[base], key=lambda r: r[66:])) + "\n")
        (base / "LICENSES.md").write_text(
            "# Vendored front-end files\n\n"
            "Copied from the npm registry by `tools/vendor.py` (versions pinned in `package.json` and "
            "`package-lock.json`); checked with `python3 tools/vendor.py --check` against `MANIFEST.sha256`. "
            "Nothing is loaded from a CDN at run time.\n\n"
            "| package | version | licence | purpose | licence text |\n|---|---|---|---|---|\n"
            + "\n".join(licences[base])
            + "\n"
        )
    print(f"vendored {sum(len(r) for r in rows.values())} files")


def check() -> int:
    bad = 0
    for base in (STATIC, TESTS):
        manifest = base / "MANIFEST.sha256"
        for line in manifest.read_text().splitlines():
            digest, name = line.split("  ", 1)
            path = base / name
            if not path.exists() or _sha256(path) != digest:
                print(f"MISMATCH {path.relative_to(ROOT)}")
                bad += 1
    print("vendored files match the manifest" if not bad else f"{bad} files differ from the manifest")
    return 1 if bad else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify instead of copying")
    args = parser.parse_args()
    sys.exit(check() if args.check else vendor())
