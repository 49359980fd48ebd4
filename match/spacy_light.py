"""spaCy without its command line until something asks for it (ADR 0118).

`import spacy` imports `spacy.cli` (for `spacy.info`), and with it typer, rich, pygments, weasel, httpx, requests
and jinja2: ~17 MB of every matcher process and ~0.15 s of its start-up, for commands the matcher never runs
(`python -m spacy …` runs in a process of its own). `lazy_cli()`, called before the first `import spacy`, puts
stand-ins for `spacy.cli` and `spacy.cli.info` in `sys.modules`; the first use of either (an attribute, a
submodule import, `spacy.info()`) imports the real package and replaces them. Nothing the matcher calls reads them,
so no answer changes; when spaCy was imported before (a test, a tool), nothing is done.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from pathlib import Path
from typing import Any

_NAMES = ("spacy.cli.info", "spacy.cli")


class _LazyModule(types.ModuleType):
    """A stand-in that imports the real module on first use of anything in it."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # __path__, __file__, __all__: asked by the import system, not a use
            raise AttributeError(name)
        return getattr(real(self.__name__), name)


def real(name: str) -> types.ModuleType:
    """The real `spacy.cli` (or `spacy.cli.info`), imported now if only the stand-ins are there."""
    if any(isinstance(sys.modules.get(n), _LazyModule) for n in _NAMES):
        for n in _NAMES:
            if isinstance(sys.modules.get(n), _LazyModule):
                del sys.modules[n]
        cli = importlib.import_module("spacy.cli")
        spacy = sys.modules.get("spacy")
        if spacy is not None:
            spacy.cli = cli
    return importlib.import_module(name)


def _info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`: spaCy's own, imported when called."""
    return real("spacy.cli.info").info(*args, **kwargs)


def lazy_cli() -> None:
    """Before the first `import spacy` of the process: its command line only when used (see the module doc)."""
    if "spacy" in sys.modules or any(n in sys.modules for n in _NAMES):
        return
    info = _LazyModule("spacy.cli.info")
    info.__dict__["info"] = _info  # `from .cli.info import info` in spacy/__init__.py takes this
    cli = _LazyModule("spacy.cli")
    spec = importlib.util.find_spec("spacy")  # the top package only: spaCy is not imported by this
    if spec is None or spec.origin is None:
        return
    # a package: `import spacy.cli.train` finds its submodules (they need nothing of spacy/cli/__init__.py)
    cli.__dict__["__path__"] = [str(Path(spec.origin).parent / "cli")]
    sys.modules.update({"spacy.cli": cli, "spacy.cli.info": info})
    import spacy  # noqa: F401 - now, with the stand-ins in place

    if "cli" not in vars(sys.modules["spacy"]):
        sys.modules["spacy"].cli = cli
