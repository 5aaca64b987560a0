"""Start-up cost: a command imports only the layers it uses.

``provenance analyze FILE`` is run in a fresh interpreter and the modules it
loaded are listed: fetching (httpx, trafilatura), cross-checking, checking,
scoring, HTML rendering and Parquet must not be among them, because they
were most of the command's start-up time. Two option defaults are written out
in the command line for that reason; the tests keep them equal to the library's.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from provenance.cli import DEFAULT_THRESHOLD, DEFAULT_TIMEOUT, app
from provenance.corpus import MATCH_THRESHOLD
from provenance.ingest.fetch import FetchLimits

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_8dac13ad40c6afd4.txt"
UNUSED_BY_ANALYZE = (
    "httpx",
    "trafilatura",
    "asyncio",
    "jinja2",
    "prov",
    "pyarrow",
    "rich.progress",
    "provenance.ingest.fetch",
    "provenance.check",
    "provenance.scoring",
    "provenance.render.html",
    "provenance.evaluation",
    "provenance.batch",
    "provenance.corpus",
    "sqlite3",
)

PROBE = """
import json, sys
from provenance.cli import main
sys.argv = ["provenance", "analyze", sys.argv[1]]
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def test_analyze_imports_none_of_the_layers_it_does_not_use() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(SEED)], capture_output=True, text=True, check=True
    )
    assert "European Pravda" in done.stdout
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert "provenance.extract" in loaded
    assert sorted(name for name in UNUSED_BY_ANALYZE if name in loaded) == []


def test_the_timeout_default_shown_is_the_fetch_limit() -> None:
    assert float(DEFAULT_TIMEOUT) == FetchLimits().total_timeout
    result = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200"})
    assert f"[default: ({DEFAULT_TIMEOUT})]" in result.output


def test_the_threshold_default_shown_is_the_match_threshold() -> None:
    assert float(DEFAULT_THRESHOLD) == MATCH_THRESHOLD
    result = CliRunner().invoke(app, ["crosscheck", "--help"], env={"COLUMNS": "200"})
    assert f"[default: ({DEFAULT_THRESHOLD})]" in result.output
