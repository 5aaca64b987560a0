"""Shared fixtures: paths to the project's seed article and test data.

Under CI (``CI`` set) hypothesis runs derandomized, so a green run is reproducible;
local runs keep exploring new examples.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_8dac13ad40c6afd4.txt"


@pytest.fixture
def seed_path() -> Path:
    return SEED
