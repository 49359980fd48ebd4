"""Dependency audit (`make audit`, run by CI): pip-audit over the project's virtualenv.

Exit 1 when any installed package has a known vulnerability that is not listed, with a reason, in
`tools/audit-ignore.txt`. pip-audit asks a vulnerability service (PyPI's JSON API, or OSV) about every package;
where that service cannot be reached (a closed network: every package comes back "could not be audited") the
audit did not happen, and this says so loudly. It then fails only when `KAART_AUDIT_REQUIRED=1`: set that in a
CI that has network access, so a silent non-audit can never pass there.

Usage: python tools/audit.py [--from-json FILE]   (FILE: a saved `pip-audit --format json` report)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IGNORE_FILE = ROOT / "tools" / "audit-ignore.txt"


def ignored_ids(path: Path = IGNORE_FILE) -> dict[str, str]:
    """`ID  # reason` per line; an entry without a reason is refused (nobody can review it later)."""
    out: dict[str, str] = {}
    if not path.exists():
        return out
    for n, line in enumerate(path.read_text().splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        vuln, _, reason = line.partition("#")
        if not reason.strip():
            raise SystemExit(f"{path}:{n}: give a reason after '#' for {vuln.strip()}")
        out[vuln.strip()] = reason.strip()
    return out


def run_pip_audit() -> dict:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip_audit",
            "--format",
            "json",
            "--progress-spinner",
            "off",
            "--skip-editable",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError:
        raise SystemExit(
            f"pip-audit gaf geen rapport (exit {done.returncode}):\n{done.stderr[-2000:]}"
        ) from None


def judge(report: dict, ignore: dict[str, str], required: bool) -> tuple[int, list[str]]:
    """(exit code, lines to print) for a pip-audit JSON report."""
    deps = report.get("dependencies", [])
    skipped = [d for d in deps if d.get("skip_reason")]
    audited = [d for d in deps if not d.get("skip_reason")]
    found = [
        (d["name"], d.get("version", "?"), v)
        for d in audited
        for v in d.get("vulns", [])
        if v["id"] not in ignore and not set(v.get("aliases", [])) & set(ignore)
    ]
    lines = [
        f"audit: {len(audited)} packages audited, {len(skipped)} not audited, {len(found)} vulnerabilities"
    ]
    for name, version, v in found:
        fix = ", ".join(v.get("fix_versions", [])) or "no fix yet"
        lines.append(f"  {name} {version}: {v['id']} (fixed in {fix})")
    for vuln, reason in ignore.items():
        lines.append(f"  ignored {vuln}: {reason}")
    if found:
        return 1, lines
    if deps and not audited:
        lines += [
            "!" * 100,
            "AUDIT NOT DONE: the vulnerability service (PyPI JSON API / OSV) could not be reached from this",
            f"machine; every package came back 'could not be audited' ({len(skipped)} packages).",
            "Set KAART_AUDIT_REQUIRED=1 where CI has network access, so this fails there.",
            "!" * 100,
        ]
        return (2 if required else 0), lines
    return 0, lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from-json", type=Path, help="judge a saved pip-audit JSON report")
    args = parser.parse_args()
    report = json.loads(args.from_json.read_text()) if args.from_json else run_pip_audit()
    required = os.environ.get("KAART_AUDIT_REQUIRED", "0") == "1"
    code, lines = judge(report, ignored_ids(), required)
    print("\n".join(lines), file=sys.stderr if code else sys.stdout)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
