"""Things inside a folder that cannot be read: pipes and devices, folders and files without permission.

Each is skipped and listed with its reason; none hangs a run or ends it with an
internal error (exit 70). Permission cases need a user the permissions apply
to: as root the commands run in a child process under the ``nobody`` account.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from fifo_guard import unblocking_pipes
from typer.testing import CliRunner

from provenance.cli import app
from provenance.errors import ConfigError, InputError
from provenance.files import (
    PathKind,
    kind_of,
    list_folder,
    parse_json,
    parse_toml,
    read_regular_file,
    read_text_file,
    real_path,
)

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_8dac13ad40c6afd4.txt"
NOBODY = 65534
STORY = "The mayor said the road is closed.\n"
ANNOTATION = "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 33\tthe road is closed\n"


@pytest.fixture
def folder_with_pipe(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(SEED, folder / "good.txt")
    os.mkfifo(folder / "pipe.txt")
    with unblocking_pipes(folder):
        yield folder


def test_check_lists_a_pipe_in_a_folder_and_checks_the_rest(folder_with_pipe: Path) -> None:
    result = CliRunner().invoke(app, ["check", str(folder_with_pipe), "-f", "json"])
    files = {Path(entry["path"]).name: entry for entry in json.loads(result.stdout)["files"]}
    assert "named pipe" in files["pipe.txt"]["error"]
    assert files["good.txt"]["claims"] > 0
    assert result.exit_code == 3


def test_index_skips_and_lists_a_pipe(folder_with_pipe: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["index", str(folder_with_pipe), "-o", str(tmp_path / "i.sqlite"), "-f", "json"]
    )
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["articles"] == 1
    assert [entry["path"] for entry in summary["skipped"]] == ["pipe.txt"]
    assert "named pipe" in summary["skipped"][0]["problem"]


def test_a_batch_report_lists_a_pipe_and_reports_the_rest(folder_with_pipe: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["report", str(folder_with_pipe), "--output-dir", str(tmp_path / "out")])
    assert result.exit_code == 3
    assert "pipe.txt: is a named pipe (FIFO)" in result.stderr
    assert (tmp_path / "out" / "good.txt").exists() or any((tmp_path / "out").glob("good*"))


@pytest.mark.parametrize("command", [["check"], ["score"], ["report"]])
def test_scoring_against_a_corpus_warns_of_the_corpus_files_it_skipped(
    folder_with_pipe: Path, command: list[str]
) -> None:
    result = CliRunner().invoke(app, [*command, str(SEED), "--corpus", str(folder_with_pipe)])
    assert f"warning: corpus {folder_with_pipe}: skipped pipe.txt: is a named pipe" in result.stderr
    assert result.stderr.count("skipped pipe.txt") == 1


def test_check_json_carries_the_corpus_files_it_skipped(folder_with_pipe: Path) -> None:
    result = CliRunner().invoke(app, ["check", str(SEED), "--corpus", str(folder_with_pipe), "-f", "json"])
    warnings = json.loads(result.stdout)["warnings"]
    assert any("skipped pipe.txt: is a named pipe" in warning for warning in warnings)


@pytest.mark.parametrize(
    ("report_format", "shown"),
    [
        ("text", "corpus file skipped: pipe.txt: is a named pipe"),
        ("md", "- **Corpus file skipped:** pipe.txt: is a named pipe"),
        ("html", "<dt>Corpus file skipped</dt><dd><code><bdi>pipe.txt</bdi></code>: <bdi>is a named pipe"),
    ],
)
def test_a_report_against_a_corpus_lists_the_corpus_files_it_skipped(
    folder_with_pipe: Path, report_format: str, shown: str
) -> None:
    result = CliRunner().invoke(
        app, ["report", str(SEED), "--corpus", str(folder_with_pipe), "-f", report_format]
    )
    assert result.exit_code == 0, result.stderr
    assert shown in result.stdout


def test_read_regular_file_refuses_what_is_not_one(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    assert kind_of(tmp_path / "pipe") is PathKind.PIPE
    assert kind_of(os.devnull) is PathKind.DEVICE
    assert kind_of(tmp_path / "absent") is PathKind.MISSING
    for path, problem in ((tmp_path / "pipe", "named pipe"), (os.devnull, "device"), (tmp_path, "directory")):
        with pytest.raises(Exception, match=problem):
            read_regular_file(path, 100)
    (tmp_path / "big").write_bytes(b"x" * 101)
    with pytest.raises(Exception, match="too large"):
        read_regular_file(tmp_path / "big", 100)


# --- permissions ------------------------------------------------------------------------------------------

PERMISSION_RUNS = {
    "score-file-in-unsearchable-folder": (["score", "locked/a.txt"], 3, "Permission denied"),
    "report-file-in-unsearchable-folder": (["report", "locked/a.txt"], 3, "cannot read file"),
    "check-file-in-unsearchable-folder": (["check", "locked/a.txt"], 3, "cannot read file"),
    "check-unsearchable-folder": (["check", "locked"], 3, "locked/sub: cannot read folder"),
    "check-folder-with-closed-subfolder": (["check", "project"], 3, "project/closed: cannot read folder"),
    "crosscheck-corpus-unsearchable": (["crosscheck", "project/a.txt", "--corpus", "locked"], 0, ""),
    "crosscheck-corpus-closed": (
        ["crosscheck", "project/a.txt", "--corpus", "project/closed"],
        3,
        "cannot read folder",
    ),
    "index-folder-with-unreadable-files": (["index", "locked", "-o", "out.sqlite"], 0, "cannot read file"),
    "report-batch-unsearchable": (["report", "locked", "--output-dir", "out"], 3, "cannot read file"),
    "index-folder-with-closed-subfolder": (
        ["index", "project", "-o", "project.sqlite"],
        0,
        "skipped closed: cannot read folder (Permission denied)",
    ),
    "crosscheck-corpus-with-closed-subfolder": (
        ["crosscheck", "project/a.txt", "--corpus", "project"],
        0,
        "skipped closed: cannot read folder (Permission denied)",
    ),
    "report-batch-with-closed-subfolder": (
        ["report", "project", "--output-dir", "out-project"],
        3,
        "project/closed: cannot read folder (Permission denied)",
    ),
    "index-manifest-in-unsearchable-folder": (
        ["index", "locked/manifest.jsonl", "-o", "m.sqlite"],
        3,
        "locked/manifest.jsonl: cannot read manifest file (Permission denied)",
    ),
    "crosscheck-manifest-in-unsearchable-folder": (
        ["crosscheck", "project/a.txt", "--corpus", "locked/manifest.jsonl"],
        3,
        "locked/manifest.jsonl: cannot read manifest file (Permission denied)",
    ),
    "index-manifest-rows-unreadable": (
        ["index", "rows.jsonl", "-o", "rows.sqlite"],
        0,
        "skipped locked/a.txt: cannot read file (Permission denied)",
    ),
    "eval-claim-pairs-in-unsearchable-folder": (
        ["eval", "locked/pairs.jsonl"],
        3,
        "locked/pairs.jsonl: cannot read claim-pair file (Permission denied)",
    ),
    "eval-mrpc-in-unsearchable-folder": (
        ["eval", "locked/pairs.tsv"],
        3,
        "locked/pairs.tsv: cannot read claim-pair file (Permission denied)",
    ),
    "eval-source-gold-in-unsearchable-folder": (
        ["eval", "gold", "--source-types", "locked/sources.jsonl"],
        3,
        "locked/sources.jsonl: cannot read gold file (Permission denied)",
    ),
    "eval-gold-attributions-closed": (
        ["eval", "gold-closed"],
        3,
        "gold-closed/attributions: cannot read folder (Permission denied)",
    ),
    "batch-output-in-closed-folder": (
        ["batch", "project/a.txt", "-o", "project/closed/out", "-q"],
        3,
        "project/closed/out: cannot write output (Permission denied)",
    ),
    "index-output-in-closed-folder": (
        ["index", "gold/text", "-o", "project/closed/i.sqlite"],
        3,
        "project/closed/i.sqlite: cannot write output (Permission denied)",
    ),
    "eval-gold-annotations-unsearchable": (
        ["eval", "gold-locked"],
        3,
        "gold-locked/attributions/story_a1.ann: cannot read annotation file (Permission denied)",
    ),
}

RUNNER = """
import json, sys
from typer.testing import CliRunner
from provenance.cli import app
for name, args in json.loads(sys.argv[1]).items():
    result = CliRunner().invoke(app, args)
    print(json.dumps([name, result.exit_code, result.stdout, result.stderr]))
"""


def _unprivileged() -> list[str] | None:
    """Give the command prefix that runs as a user permissions apply to, or None when there is none."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"] if setpriv else None


@pytest.fixture(scope="module")
def permission_results() -> Iterator[dict[str, tuple[int, str]]]:
    prefix = _unprivileged()
    if prefix is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    root = Path(tempfile.mkdtemp(prefix="provenance-permissions-"))
    try:
        for folder in ("locked/sub", "project/closed"):
            (root / folder).mkdir(parents=True)
        for file in ("locked/a.txt", "locked/sub/b.txt", "project/a.txt", "project/closed/c.txt"):
            shutil.copy(SEED, root / file)
        for file in ("manifest.jsonl", "pairs.jsonl", "pairs.tsv", "sources.jsonl"):
            (root / "locked" / file).write_text("{}\n", encoding="utf-8")
        (root / "rows.jsonl").write_text(
            '{"path": "locked/a.txt"}\n{"path": "project/a.txt"}\n', encoding="utf-8"
        )
        for gold in ("gold", "gold-closed", "gold-locked"):
            (root / gold / "text").mkdir(parents=True)
            (root / gold / "attributions").mkdir()
            (root / gold / "text" / "story.txt").write_text(STORY, encoding="utf-8")
            (root / gold / "attributions" / "story_a1.ann").write_text(ANNOTATION, encoding="utf-8")
        os.chmod(root, 0o777)
        (root / "locked").chmod(0o755)
        (root / "project").chmod(0o777)
        (root / "locked").chmod(0o644)  # listable, not searchable: its files cannot be opened
        (root / "project" / "closed").chmod(0o000)  # neither listable nor searchable
        (root / "gold-closed" / "attributions").chmod(0o000)
        (root / "gold-locked" / "attributions").chmod(0o644)
        runs = {name: args for name, (args, _, _) in PERMISSION_RUNS.items()}
        completed = subprocess.run(
            [*prefix, sys.executable, "-c", RUNNER, json.dumps(runs)],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
        )
        assert completed.stdout, completed.stderr[-2000:]
        results = {}
        for line in completed.stdout.splitlines():
            name, code, stdout, stderr = json.loads(line)
            results[name] = (code, stdout + stderr)
        yield results
    finally:
        (root / "locked").chmod(0o755)
        for folder in ("project/closed", "gold-closed/attributions", "gold-locked/attributions"):
            (root / folder).chmod(0o755)
        shutil.rmtree(root)


@pytest.mark.parametrize("name", PERMISSION_RUNS)
def test_unreadable_things_in_a_walk_are_listed_not_internal_errors(
    name: str, permission_results: dict[str, tuple[int, str]]
) -> None:
    _, expected_code, fragment = PERMISSION_RUNS[name]
    code, output = permission_results[name]
    assert "internal error" not in output
    assert "Traceback" not in output
    assert code == expected_code, output[-500:]
    assert fragment in output


def test_data_nested_too_deeply_for_the_parser_is_malformed_input() -> None:
    with pytest.raises(json.JSONDecodeError, match="nested too deeply"):
        parse_json("[" * 100_000 + "]" * 100_000)
    with pytest.raises(tomllib.TOMLDecodeError, match="nested too deeply"):
        parse_toml("a = " + "[" * 5_000 + "]" * 5_000)


def test_a_text_file_that_cannot_be_read_is_one_error_of_the_class_asked_for(tmp_path: Path) -> None:
    (tmp_path / "latin1.toml").write_bytes("a = 'é'".encode("latin-1"))
    with pytest.raises(ConfigError, match=r"latin1\.toml: not valid UTF-8 \(byte 0xe9 at offset 5\)"):
        read_text_file(tmp_path / "latin1.toml", "config file", error=ConfigError)
    with pytest.raises(InputError, match="is a directory"):
        read_text_file(tmp_path, "gold file")
    with pytest.raises(InputError, match="not a folder"):
        list_folder(tmp_path / "latin1.toml")


def test_a_loop_of_symbolic_links_resolves_without_raising(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    assert real_path(tmp_path / "a").parent == real_path(tmp_path)
    assert kind_of(tmp_path / "a") is PathKind.UNREADABLE
