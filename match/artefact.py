"""The trained word models as a rebuildable artefact: trained once, loaded by every process (ADR 0146).

Why: each process trained the three word models (themes, safety's second opinion, who is typing: match/themeclf.py,
match/safety_model.py, match/writer.py) from the ontology's example files at start-up: ~6 s on a quiet machine, 15 s
under load, and the training's peak memory stayed in the worker's RSS. Their weights are derived data, like the
search index: the ontology is the source of truth, the artefact can always be rebuilt from it.

One file per model, `<name>-<key>.npz` in the model folder (`KAART_MODEL_DIR`, default `<KAART_DATA_DIR>/models`):
- the key is a hash of everything its training reads (`Recipe`): the bytes of every data file, the source of the
  code that reads them and makes the features, what the training takes from the ontology object, and the versions
  of Python, numpy and PyYAML. Another key is another file: a changed ontology retrains, never loads stale weights;
- plain numpy arrays (`np.load(allow_pickle=False)`: no pickle, no code in the file), strings as UTF-8 bytes;
- written atomically (a temporary file in the folder, then a rename): a process that reads meanwhile sees the old
  file or the new one, never half a file; two processes that train at once write the same bytes;
- a missing, unreadable or foreign file means training, as before; a folder we cannot write to means training in
  memory only (a read-only image with a stale artefact still starts).

The folder is set by the process that parsed its settings (`configure`: `kaart`, `webapp.wsgi`); a process that did
not (a test, a bench, a library user) takes `KAART_MODEL_DIR`, else the checkout's `build/models`, else (an installed
wheel) none: it trains in memory, as before. `kaart models` writes all three now; the Dockerfile runs it at build.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import platform
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

FORMAT = 1  # of the file itself: bump when what is stored changes shape
ROOT = Path(__file__).resolve().parents[1]
ENV_FOLDER = "KAART_MODEL_DIR"
KEEP = (
    3  # files per model kept in a folder (other keys: another ontology, an older version) when one is written
)
M = TypeVar("M")

_FOLDER: list[Path | None] = []  # set by `configure`; empty: not configured
# what this process did per model: the file and how ("geladen", "getraind en bewaard", "getraind, niet bewaard")
_USED: dict[str, tuple[Path | None, str]] = {}


@dataclass(frozen=True)
class Recipe:
    """What one model's training reads: data files, the source files of its reading and training code, and what it
    takes from the ontology object (json-able: labels, parents, spelling)."""

    name: str
    files: tuple[Path, ...]
    code: tuple[Path, ...]
    extra: Any = None
    versions: dict[str, str] = field(default_factory=lambda: library_versions())

    def key(self) -> str:
        """The hash of all of it: equal keys, equal training."""
        h = hashlib.sha256(f"kaart-model {FORMAT} {self.name}\n".encode())
        h.update(json.dumps(self.versions, sort_keys=True).encode())
        for kind, paths in (("data", self.files), ("code", self.code)):
            for path in sorted({Path(p).resolve() for p in paths}):
                h.update(f"\n{kind} {_shown(path)}\n".encode())
                h.update(path.read_bytes() if path.exists() else b"\0missing")
        h.update(b"\nextra\n" + json.dumps(self.extra, sort_keys=True, ensure_ascii=False).encode())
        return h.hexdigest()


def library_versions() -> dict[str, str]:
    """The libraries whose arithmetic or parsing the weights depend on."""
    import yaml

    return {
        "python": f"{sys.version_info[0]}.{sys.version_info[1]}",
        "numpy": np.__version__,
        "pyyaml": getattr(yaml, "__version__", "?"),
        "machine": platform.machine(),
    }


def _shown(path: Path) -> str:
    """A path as the key sees it: relative to the checkout (or the installed packages), so that a copy of the tree
    elsewhere (a Docker build, another worktree) has the same key."""
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return path.name


def configure(folder: Path | str | None) -> None:
    """The model folder of this process (the setting KAART_MODEL_DIR); None: train in memory, keep nothing."""
    _FOLDER[:] = [Path(folder) if folder is not None else None]


@contextlib.contextmanager
def using(where: Path | str | None) -> Iterator[None]:
    """This folder for the duration (tests, benches), then the folder as it was configured before."""
    before = list(_FOLDER)
    configure(where)
    try:
        yield
    finally:
        _FOLDER[:] = before


def folder() -> Path | None:
    """Where artefacts are read and written: as configured, else KAART_MODEL_DIR, else the checkout's build/models
    (a source tree: it has pyproject.toml), else none."""
    if _FOLDER:
        return _FOLDER[0]
    if os.environ.get(ENV_FOLDER):
        return Path(os.environ[ENV_FOLDER])
    return ROOT / "build" / "models" if (ROOT / "pyproject.toml").exists() else None


def path_for(name: str, key: str, where: Path | None = None) -> Path | None:
    """The file of this model and key (None without a folder)."""
    where = folder() if where is None else where
    return None if where is None else where / f"{name}-{key[:20]}.npz"


def used() -> dict[str, tuple[Path | None, str]]:
    """Per model name: the file this process used and how (for `kaart check` and the logs)."""
    return dict(_USED)


def load(name: str, key: str) -> dict[str, np.ndarray] | None:
    """The arrays of this model's artefact, or None when there is none for this key (or it cannot be read)."""
    path = path_for(name, key)
    if path is None or not path.exists():
        return None
    try:
        with open(path, "rb") as fh:
            npz = np.load(fh, allow_pickle=False)
            if not isinstance(npz, np.lib.npyio.NpzFile):
                return None
            with npz:
                arrays = {k: npz[k] for k in npz.files}
        meta = json.loads(text_of(arrays.pop("_meta")))
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):  # torn or foreign: train again
        return None
    if meta.get("key") != key or meta.get("format") != FORMAT or meta.get("name") != name:
        return None
    return arrays


def save(name: str, key: str, arrays: dict[str, np.ndarray], where: Path | None = None) -> Path | None:
    """Write the artefact atomically; None when the folder cannot be written (the model then lives in memory)."""
    path = path_for(name, key, where)
    if path is None:
        return None
    meta = {
        "format": FORMAT,
        "name": name,
        "key": key,
        "written": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", suffix=".tmp", dir=path.parent)
        os.chmod(tmp, 0o644)  # readable by the user a container runs as (mkstemp makes 0600)
        with os.fdopen(fd, "wb") as out:
            np.savez(out, _meta=bytes_of(json.dumps(meta)), **arrays)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError:
        return None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    _prune(path)
    return path


def _prune(kept: Path) -> None:
    """Keep the newest KEEP files of this model in the folder (other keys are other ontologies or versions)."""
    name = kept.name.rsplit("-", 1)[0]
    others = sorted(kept.parent.glob(f"{name}-*.npz"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [p for p in others if p != kept][KEEP - 1 :]:
        with contextlib.suppress(OSError):
            old.unlink()


def cached(
    recipe: Recipe,
    train: Callable[[], M],
    to_arrays: Callable[[M], dict[str, np.ndarray]],
    from_arrays: Callable[[dict[str, np.ndarray]], M],
) -> M:
    """The model from its artefact when one matches the recipe's key; else trained now and written for the next
    process. Loaded or trained, it predicts the same (tests/test_perf1_artefact.py, bit for bit)."""
    key = recipe.key()
    arrays = load(recipe.name, key)
    if arrays is not None:
        _USED[recipe.name] = (path_for(recipe.name, key), "geladen")
        return from_arrays(arrays)
    model = train()
    written = save(recipe.name, key, to_arrays(model))
    _USED[recipe.name] = (
        (written, "getraind en bewaard")
        if written
        else (path_for(recipe.name, key), "getraind, niet bewaard")
    )
    return model


def bytes_of(text: str | Iterable[str]) -> np.ndarray:
    """Text (or lines of text, none with a newline) as a uint8 array: strings without pickle."""
    if not isinstance(text, str):
        lines = list(text)
        if any("\n" in s for s in lines):
            raise ValueError("a feature with a newline cannot be stored line by line")
        text = "\n".join(lines)
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


def text_of(array: np.ndarray) -> str:
    """The text `bytes_of` stored."""
    return array.tobytes().decode("utf-8")


def lines_of(array: np.ndarray) -> list[str]:
    """The lines `bytes_of` stored ([] for none)."""
    text = text_of(array)
    return text.split("\n") if text else []
