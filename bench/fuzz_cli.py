"""Fuzz the command line with hostile files: every command meets every kind of bad input as a user would.

``bench/fuzz.py`` sends generated articles through the library; this script runs the installed
``provenance`` command, one process per case, on files that are hostile as files: empty, binary, a
file name that is not UTF-8, a 10 MB line without a space, HTML nested 100,000 deep or left open, a
million unclosed comments, manifests (JSONL, CSV, Parquet) with missing columns, values of the wrong
type, byte-order marks or out-of-range dates, claim-pair files with a label of the wrong type or a
sentence past csv's field limit, folders where files are expected, and outputs into missing,
read-only or unsearchable folders. Each case must keep the contract of "bad input is normal input":

- a documented exit status (0, 1, 2, 3; see README "Exit codes"), never an internal error (70);
- on failure, exactly one ``error[...]`` line on stderr, and no traceback;
- no output file left behind by a failed run (``check`` and ``batch`` list bad inputs in their report
  or errors table, so their outputs are kept);
- no hang: each case must finish within ``--timeout`` seconds.

Permissions only bind an unprivileged user: run as root, the permission cases run under ``nobody``
through ``setpriv`` (or are skipped without it).

    python bench/fuzz_cli.py                    # every case; exit 1 on any failure
    python bench/fuzz_cli.py --only manifest    # the cases whose command line holds "manifest"
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_8dac13ad40c6afd4.txt"
DOCUMENTED = {0, 1, 2, 3}
NOBODY = 65534
SAID = "The mayor said the port will close."


def _parquet(table: pa.Table) -> Callable[[Path], None]:
    return lambda path: pq.write_table(table, path)


ARTICLES: dict[str, bytes | str] = {
    "empty.txt": b"",
    "binary.bin": bytes(range(256)) * 100,
    "line-10mb.txt": b"a" * 10_000_000,
    "line-10mb-words.txt": "Mayorxxxxxxxxxx" * 660_000,
    "line-10mb-stops.txt": b"said." * 2_000_000,
    "nested.html": "<html><body>" + "<div>" * 100_000 + SAID + "</div>" * 100_000 + "</body></html>",
    "nested-open.html": "<html><body>" + "<div><p><span>" * 50_000 + SAID,
    "comments-open.html": "<!--" * 500_000,
    "embeds-open.html": "<img " * 400_000,
    "bom.txt": "\ufeff" + SEED.read_text(encoding="utf-8"),
    "utf16-bom.txt": ("\ufeff" + SEED.read_text(encoding="utf-8")).encode("utf-16"),
    "nul.txt": SEED.read_text(encoding="utf-8").replace(" ", "\x00", 10),
    os.fsdecode(b"name-latin1-\xe9.txt"): SEED.read_text(encoding="utf-8"),
}
"""Article files, by name; a folder ``folder.txt`` is added beside them."""

MANIFESTS: dict[str, str | bytes | Callable[[Path], None]] = {
    "no-path.jsonl": '{"headline": "x"}\n',
    "path-number.jsonl": '{"path": 12}\n',
    "text-number.jsonl": '{"text": 5}\n',
    "text-list.jsonl": '{"text": ["a"]}\n',
    "text-null.jsonl": '{"text": null}\n',
    "outlet-object.jsonl": f'{{"text": "{SAID}", "outlet": {{"a": 1}}}}\n',
    "date-number.jsonl": f'{{"text": "{SAID}", "date": 5}}\n',
    "bom.jsonl": f'\ufeff{{"text": "{SAID}"}}\n',
    "surrogate.jsonl": '{"text": "The mayor said \\ud800 so.", "outlet": "caf\\udce9"}\n',
    "binary.jsonl": bytes(range(256)) * 10,
    "empty.jsonl": "",
    "bom.csv": f"\ufefftext,outlet\n{SAID},X\n",
    "no-path.csv": "headline,outlet\nx,y\n",
    "header-only.csv": "text,outlet\n",
    "short-row.csv": f"text,outlet\n{SAID}\n",
    "field-3mb.csv": 'text\n"' + "a" * 3_000_000 + '"\n',
    "path-missing.csv": "path\nnope.txt\n",
    "path-folder.csv": "path\nfolder.txt\n",
    "utf16.csv": "text\nx\n".encode("utf-16"),
    "no-path.parquet": _parquet(pa.table({"headline": ["x"]})),
    "path-bytes.parquet": _parquet(pa.table({"path": pa.array([b"bom.txt"], pa.binary())})),
    "text-int.parquet": _parquet(pa.table({"text": [1, 2]})),
    "date-far.parquet": _parquet(pa.table({"text": [SAID], "date": pa.array([10**15], pa.timestamp("s"))})),
    "no-rows.parquet": _parquet(pa.table({"text": pa.array([], pa.string())})),
    "column-twice.csv": f"text,outlet,text\n{SAID},X,{SAID}\n",
}
"""Manifests, by name: a callable writes the file itself."""

GOLD: dict[str, dict[str, str | bytes]] = {
    "gold-empty": {},
    "gold-binary": {"text/a.txt": bytes(range(256)), "attributions/a_X.ann": ""},
    "gold-offsets": {"text/a.txt": SAID, "attributions/a_X.ann": "T1\tSource 0 999\tzzz\n"},
    "gold-garbage": {"text/a.txt": SAID, "attributions/a_X.ann": "garbage without tabs\n"},
}
PAIRS = {
    "pairs-long-word.jsonl": json.dumps({"a_sentence": "A" * 200_000, "b_sentence": "A", "same_claim": "no"}),
    "pairs-wrong-type.jsonl": json.dumps({"a_sentence": 5, "b_sentence": "A", "same_claim": "no"}),
    "pairs-contradiction-text.jsonl": json.dumps(
        {"a_sentence": "A", "b_sentence": "A", "same_claim": "no", "contradiction": "sure"}
    ),
    "pairs-mrpc-long-field.txt": "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t1\t2\t"
    + SAID * 5_000
    + "\tA",
}
"""Claim-pair files for ``eval``."""


@dataclass(frozen=True)
class Case:
    """One command line (``{d}`` the inputs, ``{o}`` an output in a fresh folder) and what it may keep."""

    args: str
    keeps_output: bool = False
    unprivileged: bool = False


def cases() -> list[Case]:
    """Every command × every hostile input it can be given."""
    found: list[Case] = []
    for name in [*ARTICLES, "folder.txt"]:
        a = "{d}/" + name
        found += [
            Case(f"analyze -f json {a} -o {{o}}"),
            Case(f"check {a} -o {{o}}", keeps_output=True),
            Case(f"report {a} -o {{o}}"),
            Case(f"score {a}"),
            Case(f"crosscheck {a} --corpus {{d}}/corpus -o {{o}}"),
            Case(f"batch {a} -o {{o}} -q", keeps_output=True),
        ]
    for name in MANIFESTS:
        m = "{d}/manifest-" + name
        found += [
            Case(f"index {m} -o {{o}}"),
            Case(f"crosscheck {{d}}/bom.txt --corpus {m} -o {{o}}"),
            Case(f"batch {m} -o {{o}} -q", keeps_output=True),
        ]
    found += [Case(f"eval {{d}}/{name}") for name in GOLD]
    found += [Case(f"eval {{d}}/{name}") for name in PAIRS]
    found += [Case("eval {d}/binary.bin"), Case("eval {d}/empty.txt")]
    found += [
        Case(f"index {{d}}/manifest-path-missing.csv --path-template {template} -o {{o}}")
        for template in ("{{path:>999999999}}", "{{path.__class__}}", "{{0}}", "{{path")
    ]
    writers = [
        "analyze {d}/bom.txt -o OUT",
        "report {d}/bom.txt -o OUT",
        "check {d}/bom.txt -o OUT",
        "index {d}/corpus -o OUT",
        "crosscheck {d}/bom.txt --corpus {d}/corpus -o OUT",
        "batch {d}/corpus -o OUT -q",
        "report {d}/corpus --output-dir OUT",
        "analyze -f brat {d}/bom.txt --output-dir OUT",
    ]
    for writer in writers:
        for target, unprivileged in [
            ("{d}/missing/out", False),
            ("{d}/bom.txt/out", False),
            ("{d}/read-only/out", True),
            ("{d}/closed/out", True),
        ]:
            found.append(Case(writer.replace("OUT", target), unprivileged=unprivileged))
    return found


def write_inputs(folder: Path) -> None:
    """Lay out every hostile input under ``folder``, readable by anyone."""
    (folder / "corpus").mkdir()
    shutil.copy(SEED, folder / "corpus" / SEED.name)
    for name, content in ARTICLES.items():
        _write(folder / name, content)
    (folder / "folder.txt").mkdir()
    for name, manifest in MANIFESTS.items():
        path = folder / f"manifest-{name}"
        manifest(path) if callable(manifest) else _write(path, manifest)
    for name, text in PAIRS.items():
        _write(folder / name, text + "\n")
    for name, files in GOLD.items():
        for sub in ("text", "attributions"):
            (folder / name / sub).mkdir(parents=True)
        for relative, content in files.items():
            _write(folder / name / relative, content)
    (folder / "read-only").mkdir(mode=0o555)
    (folder / "closed").mkdir(mode=0o000)
    folder.chmod(0o755)


def _write(path: Path, content: str | bytes) -> None:
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


def unprivileged_prefix() -> list[str] | None:
    """Give the command prefix that makes permissions bind: none needed, ``setpriv`` to nobody, or None."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"] if setpriv else None


def run(case: Case, inputs: Path, scratch: Path, timeout: float) -> tuple[list[str], str]:
    """Run one case in a fresh folder; return what broke the contract and the line to show."""
    prefix = unprivileged_prefix() if case.unprivileged else []
    if prefix is None:
        return [], "skipped: permissions cannot bind as root without setpriv"
    scratch.mkdir()
    scratch.chmod(0o777)
    argv = [part.format(d=inputs, o=scratch / "result") for part in case.args.split()]
    command = shutil.which("provenance", path=str(Path(sys.executable).parent)) or "provenance"
    started = time.monotonic()
    try:
        completed = subprocess.run(
            [*prefix, command, *argv],
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=scratch,
            env={**os.environ, "XDG_CACHE_HOME": str(scratch / ".cache")},
            check=False,
        )
    except subprocess.TimeoutExpired:
        return [f"no answer within {timeout:.0f} s"], ""
    seconds = time.monotonic() - started
    errors = [line for line in completed.stderr.splitlines() if line.startswith("error[")]
    left = [path.name for path in scratch.iterdir() if path.name != ".cache"]
    broken = []
    if completed.returncode not in DOCUMENTED:
        broken.append(f"exit {completed.returncode}")
    if "Traceback" in completed.stderr + completed.stdout:
        broken.append("traceback")
    failed = completed.returncode in {2, 3}
    if failed and not case.keeps_output and len(errors) != 1:
        broken.append(f"{len(errors)} error lines")
    if failed and not case.keeps_output and left:
        broken.append(f"left {left}")
    shown = (errors or completed.stderr.strip().splitlines()[-1:] or [""])[0]
    return broken, f"{completed.returncode} in {seconds:.1f} s: {shown[:200]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", default="", help="run only the cases whose command line holds this text")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds a case may take (default 60)")
    options = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="provenance-fuzz-cli-"))
    root.chmod(0o755)
    try:
        inputs = root / "inputs"
        inputs.mkdir()
        write_inputs(inputs)
        failures = 0
        selected = [case for case in cases() if options.only in case.args]
        for number, case in enumerate(selected):
            broken, shown = run(case, inputs, root / f"run-{number}", options.timeout)
            failures += bool(broken)
            args = os.fsencode(case.args).decode("utf-8", "backslashreplace")
            print(f"{'FAIL' if broken else 'ok  '} {args} -> {shown} {'; '.join(broken)}", flush=True)
        print(f"{len(selected)} cases, {failures} broke the contract")
        return 1 if failures else 0
    finally:
        (inputs / "closed").chmod(0o755)
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
