"""Golden test: the seed article's full Markdown report, through the real pipeline and the fixture corpus.

After an intended change to extraction, rules, cross-check or the report,
regenerate with ``PROVENANCE_UPDATE_GOLDEN=1 pytest tests/test_report_golden.py``
and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from provenance.api import open_corpus, score_path
from provenance.render.markdown import render_markdown

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden" / "seed_report.md"


def test_seed_markdown_report_matches_golden(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    with open_corpus("fixtures") as corpus:
        rendered = render_markdown(score_path("seeds/000_8dac13ad40c6afd4.txt", corpus=corpus))
    if os.environ.get("PROVENANCE_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(rendered, encoding="utf-8")
    assert GOLDEN.exists(), "no golden yet: run with PROVENANCE_UPDATE_GOLDEN=1 and review it"
    assert rendered == GOLDEN.read_text(encoding="utf-8")
