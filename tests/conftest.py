"""Shared fixtures: paths to the project's seed article and test data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_8dac13ad40c6afd4.txt"


@pytest.fixture
def seed_path() -> Path:
    return SEED
