"""The optional compiled build of the extraction modules, and the guard that keeps it from going stale.

``make native`` compiles the pure-logic extraction modules with mypyc into
extension modules beside their sources and records each source's hash in
``native.json`` (see ``setup.py``). Python imports an extension before a source
of the same name, so an edited source would silently lose to its old compiled
form. ``guard`` (run when ``provenance.extract`` is imported) compares the
hashes: when any source differs from the one compiled, the compiled modules
are set aside as a whole (they call one another directly) and the sources
run, with one warning saying how to rebuild.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
import warnings
from collections.abc import Sequence
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from pathlib import Path
from types import ModuleType

__all__ = [
    "MANIFEST",
    "SourcesFirst",
    "compiled",
    "compiled_names",
    "guard",
    "source_digest",
    "stale_modules",
]

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
MANIFEST = Path(__file__).resolve().with_name("native.json")


def source_digest(module: str, root: Path = PACKAGE_ROOT) -> str | None:
    """Hash the source of a dotted module name under ``root``; None when the source is missing."""
    try:
        return hashlib.sha256(_source(module, root).read_bytes()).hexdigest()
    except OSError:
        return None


def stale_modules(recorded: dict[str, str], root: Path = PACKAGE_ROOT) -> list[str]:
    """Name the modules whose source differs from the one the compiled build was made from."""
    return [module for module, digest in recorded.items() if source_digest(module, root) != digest]


class SourcesFirst:
    """A meta path finder that loads the named modules from their ``.py`` sources, never from extensions."""

    def __init__(self, modules: frozenset[str], root: Path = PACKAGE_ROOT) -> None:
        self.modules = modules
        self.root = root

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        """Give the source's spec for a compiled module, and leave every other module to the usual finders."""
        if name not in self.modules:
            return None
        return importlib.util.spec_from_file_location(name, _source(name, self.root))


def guard(manifest: Path = MANIFEST, root: Path = PACKAGE_ROOT) -> None:
    """Run the sources instead of a compiled build that no longer matches them (see the module docstring)."""
    modules = compiled_names(root)
    if not modules:
        return
    try:
        recorded = json.loads(manifest.read_text(encoding="utf-8"))["modules"]
    except (OSError, ValueError, KeyError, TypeError):
        recorded = None
    if isinstance(recorded, dict) and modules <= recorded.keys() and not stale_modules(recorded, root):
        return
    sys.meta_path.insert(0, SourcesFirst(modules, root))
    warnings.warn(
        f"{manifest}: the compiled extraction modules do not match their sources, which run instead "
        "(rebuild them with `make native`, or remove them with `make clean`)",
        RuntimeWarning,
        stacklevel=2,
    )


def compiled(module: ModuleType) -> bool:
    """Tell whether a module was loaded from a compiled extension rather than its source."""
    return not str(getattr(module, "__file__", "")).endswith(".py")


def compiled_names(root: Path = PACKAGE_ROOT) -> frozenset[str]:
    """Name every module under ``provenance/extract`` that has a compiled extension beside its source."""
    names = set()
    suffixes = tuple(EXTENSION_SUFFIXES)
    for folder, _, files in os.walk(root / "provenance" / "extract"):
        for name in files:
            if not name.endswith(suffixes):
                continue
            stem = name.split(".", 1)[0]
            if stem + ".py" in files:
                names.add(".".join((*Path(folder).relative_to(root).parts, stem)))
    return frozenset(names)


def _source(module: str, root: Path) -> Path:
    return root.joinpath(*module.split(".")).with_suffix(".py")
