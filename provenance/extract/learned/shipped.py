"""The data files shipped with the learned components (``provenance/extract/learned/data/``)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def shipped_text(name: str) -> str:
    """Read a shipped data file; every one of them is UTF-8."""
    return resources.files("provenance.extract.learned").joinpath("data", name).read_text("utf-8")


def shipped_weights(name: str) -> dict[str, Any] | None:
    """Read a fitted model's JSON file, or None when the package ships none (the rules then decide alone)."""
    path = resources.files("provenance.extract.learned").joinpath("data", name)
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data
