"""The optional native build: ``PROVENANCE_NATIVE=1`` compiles the extraction modules with mypyc.

Without that variable (``make install``, ``pip install``) this adds nothing and
the package stays pure Python. ``make native`` runs
``PROVENANCE_NATIVE=1 python setup.py build_ext --inplace``: every module of
``provenance/extract`` but the package ``__init__`` files is compiled into an
extension beside its source, and ``provenance/native.json`` records the hash
of each source as it was read for compiling, which ``provenance.native.guard``
checks at import.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from setuptools import setup

ROOT = Path(__file__).resolve().parent
MANIFEST = ROOT / "provenance" / "native.json"
NATIVE = os.environ.get("PROVENANCE_NATIVE") == "1"


def compiled_sources() -> list[Path]:
    """List the extraction modules to compile: pure logic over strings, lists and dictionaries."""
    return sorted(
        path for path in (ROOT / "provenance" / "extract").rglob("*.py") if path.name != "__init__.py"
    )


def digests(sources: list[Path]) -> dict[str, str]:
    """Hash each source by its dotted module name."""
    return {
        ".".join(path.relative_to(ROOT).with_suffix("").parts): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sources
    }


extensions = []
recorded: dict[str, str] = {}
if NATIVE:
    from mypyc.build import mypycify

    sources = compiled_sources()
    recorded = digests(sources)
    MANIFEST.unlink(missing_ok=True)
    extensions = mypycify(
        [str(path.relative_to(ROOT)) for path in sources], group_name="provenance.extract._native"
    )

setup(ext_modules=extensions)

if NATIVE:
    MANIFEST.write_text(json.dumps({"modules": recorded}, indent=1, sort_keys=True) + "\n", encoding="utf-8")
