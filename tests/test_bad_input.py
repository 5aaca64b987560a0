"""Bad input is normal input: every command × every kind of bad input, through the command line.

Each row runs one command on one bad input and asserts what a user sees: the
documented exit status, one line on stderr naming the file and the problem, no
traceback, and no output file left behind when ``--output``/``--output-dir``
was given.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow
import pyarrow.parquet as parquet
import pytest
from fifo_guard import unblocking_pipes
from typer.testing import CliRunner

from provenance.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_8dac13ad40c6afd4.txt"
BIG = 50 * 1024 * 1024

GOOD_RULE = (
    Path(__file__).resolve().parent.parent / "provenance" / "_rules" / "PRV002-single-source.toml"
).read_text(encoding="utf-8")


def _write_inputs(root: Path) -> None:
    """Lay out one file or folder per kind of bad input (and a good article and corpus beside them)."""
    (root / "good.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_bytes(b" \n\t\n")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (root / "latin1.txt").write_bytes("Le maire a déclaré que le port fermera.".encode("latin-1"))
    (root / "folder.txt").mkdir()
    with open(root / "huge.txt", "wb") as stream:
        stream.truncate(BIG)
    (root / "broken.html").write_text("<html><body><div><p", encoding="utf-8")
    os.mkfifo(root / "pipe.txt")
    (root / "device.txt").symlink_to(os.devnull)
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (root / "corrupt.sqlite").write_bytes(b"this is not a corpus index, just bytes\n" * 20)
    (root / "empty.sqlite").write_bytes(b"")
    _config(root, "bad-toml", "select = [\n")
    _config(root, "unknown-key", "colour = 'red'\n")
    _config(root, "unknown-rule", "[rules.PRV999]\nweight = 3\n")
    _config(root, "bad-value", "fail-under = 'high'\n")
    _config(root, "bad-select", "select = ['nonsense!']\n")
    _config(root, "bad-fail-on", "[check]\nfail-on = ['PRV404']\n")
    _config(root, "binary", "")
    (root / "config-binary" / "provenance.toml").write_bytes(b"\x00\x01\x02" * 50)
    _config(root, "latin1", "")
    (root / "config-latin1" / "provenance.toml").write_bytes("select = ['é']\n".encode("latin-1"))
    _rule_pack(root, "bad-toml", "id = 'X001\n")
    _rule_pack(root, "unknown-key", GOOD_RULE.replace('id = "PRV002"', 'id = "XYZ001"\ncolour = "red"'))
    _rule_pack(
        root,
        "wrong-type",
        GOOD_RULE.replace('id = "PRV002"', 'id = "XYZ001"').replace("weight = 5", 'weight = "five"', 1),
    )
    _rule_pack(root, "binary", "")
    renamed = GOOD_RULE.replace('id = "PRV002"', 'id = "XYZ001"')
    python_rule = re.sub(r"\[when\]\n(?:\w+ = .*\n)+", 'check = "{check}"\n', renamed)
    _rule_pack(root, "not-a-check", python_rule.replace("{check}", "os:getcwd"))
    _rule_pack(root, "failing-check", python_rule.replace("{check}", "operator:add"))
    (root / "rules-binary" / "XYZ001.toml").write_bytes(b"\x00\xff" * 40)
    gold = root / "gold-no-text"
    (gold / "attributions").mkdir(parents=True)
    gold = root / "gold-bad-ann"
    (gold / "text").mkdir(parents=True)
    (gold / "attributions").mkdir()
    (gold / "text" / "a.txt").write_text("The mayor said the port will close.\n", encoding="utf-8")
    (gold / "attributions" / "a_X.ann").write_bytes(b"\xff\xfe\x00garbage")
    gold = root / "gold-huge-text"
    (gold / "text").mkdir(parents=True)
    (gold / "attributions").mkdir()
    (gold / "attributions" / "a_X.ann").write_text("", encoding="utf-8")
    with open(gold / "text" / "a.txt", "wb") as stream:
        stream.truncate(BIG)
    (root / "urls-binary.txt").write_bytes(b"\x00\x01" * 10)
    (root / "urls-empty.txt").write_text("# nothing here\n", encoding="utf-8")
    (root / "urls-prose.txt").write_text("http://127.0.0.1/a\nThe mayor said so.\n", encoding="utf-8")
    (root / "urls-large.txt").write_text("http://127.0.0.1/story\n" * 80_000, encoding="utf-8")
    (root / "long.txt").write_text("The mayor said the port will close. " * 70_000, encoding="utf-8")
    (root / "utf16-no-bom.txt").write_bytes(SEED.read_text(encoding="utf-8").encode("utf-16-le"))
    (root / "front-matter-yaml.md").write_text(
        "---\ntitle: [unclosed\n---\nThe mayor said so.\n", encoding="utf-8"
    )
    (root / "front-matter-toml.md").write_text("+++\ntitle = \n+++\nThe mayor said so.\n", encoding="utf-8")
    for name, text in HOSTILE_FRONT_MATTER.items():
        (root / name).write_text(text, encoding="utf-8")
    _config(root, "infinite-weight", "[rules.PRV002]\nweight = 1e400\n")
    _config(root, "nan-fail-under", "fail-under = nan\n")
    string_table = root / "discovered-string-table"
    string_table.mkdir()
    (string_table / "article.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (string_table / "pyproject.toml").write_text('[tool]\nprovenance = "strict"\n', encoding="utf-8")
    discovered = root / "discovered"
    discovered.mkdir()
    (discovered / "article.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (discovered / "pyproject.toml").write_text("[tool.provenance]\nselect = 3\n", encoding="utf-8")
    (root / "rules-folder-entry").mkdir()
    (root / "rules-folder-entry" / "XYZ001.toml").mkdir()
    _config(root, "rules-folder-entry", f"rule-folders = [{str(root / 'rules-folder-entry')!r}]\n")
    (root / "baseline-folder.json").mkdir()
    (root / "baseline-bad.json").write_text("{not json", encoding="utf-8")
    (root / "baseline-shape.json").write_text('{"version": "x", "entries": 3}', encoding="utf-8")
    (root / "nested.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (root / "nested.jsonl").write_text(
        '{"path": [' + "[" * 100_000 + "]" * 100_000 + "]}\n", encoding="utf-8"
    )
    (root / "nested-pairs.jsonl").write_text(
        '{"a_sentence": "The port closes.", "b_sentence": "The port shuts.", "same_claim": "yes"}\n'
        + "[" * 100_000
        + "\n",
        encoding="utf-8",
    )
    _config(root, "nested", "select = " + "[" * 5_000 + "]" * 5_000 + "\n")
    _rule_pack(root, "nested", "id = " + "[" * 5_000 + "]" * 5_000 + "\n")
    os.mkfifo(root / "pipe.jsonl")
    (root / "loop-a.txt").symlink_to("loop-b.txt")
    (root / "loop-b.txt").symlink_to("loop-a.txt")
    (root / "path-number.jsonl").write_text('{"path": 12}\n', encoding="utf-8")
    (root / "paths.csv").write_text("path\ngood.txt\n", encoding="utf-8")
    (root / "twice.csv").write_text(
        "text,outlet,text\nThe mayor said so.,Gazette,The port closes.\n", encoding="utf-8"
    )
    (root / "text-list.jsonl").write_text('{"text": ["The mayor said so."]}\n', encoding="utf-8")
    (root / "outlet-object.jsonl").write_text(
        '{"text": "The mayor said so.", "outlet": {"name": "Harbour Gazette"}}\n', encoding="utf-8"
    )
    parquet.write_table(
        pyarrow.table({"path": pyarrow.array([b"good.txt"], pyarrow.binary())}), root / "bytes.parquet"
    )
    far_future = pyarrow.array([10**15], pyarrow.timestamp("s"))
    parquet.write_table(
        pyarrow.table({"text": ["The mayor said so."], "date": far_future}), root / "far.parquet"
    )


def _alias_bomb(levels: int) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, levels)]
    return "\n".join([*lines, f"title: *a{levels - 1}"])


HOSTILE_FRONT_MATTER = {
    "nested-yaml.md": "---\ntitle: " + "[" * 1200 + "]" * 1200 + "\n---\nThe mayor said so.\n",
    "nested-toml.md": "+++\ntitle = " + "[" * 1200 + "]" * 1200 + "\n+++\nThe mayor said so.\n",
    "bad-date.md": "---\ndate: 2024-13-45\n---\nThe mayor said so.\n",
    "bad-time.md": "---\ndate: 2024-01-01 25:00:00\n---\nThe mayor said so.\n",
    "alias-bomb.md": f"---\n{_alias_bomb(9)}\n---\nThe mayor said so.\n",
    "title-mapping.md": "---\ntitle: {a: 1}\n---\nThe mayor said so.\n",
}
"""Front matter that crashed or blew up the YAML/TOML readers before they had limits."""


def _config(root: Path, name: str, text: str) -> None:
    folder = root / f"config-{name}"
    folder.mkdir()
    (folder / "provenance.toml").write_text(text, encoding="utf-8")


def _rule_pack(root: Path, name: str, rule: str) -> None:
    folder = root / f"rules-{name}"
    folder.mkdir()
    (folder / "XYZ001.toml").write_text(rule, encoding="utf-8")
    _config(root, f"rules-{name}", f"rule-folders = [{str(folder)!r}]\n")


@dataclass(frozen=True)
class Case:
    """One row: the arguments (``{d}`` is the inputs folder, ``{out}`` the output path), and what to see."""

    args: str
    exit_code: int
    fragment: str
    names: str = ""
    """A path fragment the error line must name."""
    keeps_report: bool = False
    """A batch (``check``) lists the bad input among the others: its report is complete, not partial."""


ARTICLE_INPUTS = {
    "empty": ("empty.txt", "file is empty"),
    "blank": ("blank.txt", "file is empty"),
    "binary": ("binary.txt", "binary"),
    "non-utf8": ("latin1.txt", "not valid utf-8"),
    "directory": ("folder.txt", "is a directory"),
    "missing": ("absent.txt", "no such file"),
    "fifo": ("pipe.txt", "is a named pipe (FIFO), not a regular file"),
    "utf16-without-bom": ("utf16-no-bom.txt", "looks like UTF-16 text without a byte-order mark"),
    "device": ("device.txt", "is a device, not a regular file"),
    "50MB": ("huge.txt", "too large"),
    "2.5M-characters": ("long.txt", "article text is too long (2,520,000 characters"),
    "broken-html": ("broken.html", "no article text"),
    "bad-yaml-front-matter": ("front-matter-yaml.md", "malformed front matter"),
    "bad-toml-front-matter": ("front-matter-toml.md", "malformed front matter"),
    "nested-yaml-front-matter": ("nested-yaml.md", "nested more than"),
    "nested-toml-front-matter": ("nested-toml.md", "nested more than"),
    "bad-date-front-matter": ("bad-date.md", "field 'date': invalid date '2024-13-45'"),
    "bad-time-front-matter": ("bad-time.md", "field 'date': invalid date '2024-01-01 25:00:00'"),
    "alias-bomb-front-matter": ("alias-bomb.md", "expands to more than"),
    "mapping-title-front-matter": ("title-mapping.md", "field 'title' must be text"),
    "symbolic-link-loop": ("loop-a.txt", "cannot read file (too many levels of symbolic links)"),
}
REFUSED_URLS = {
    "loopback-url": ("http://127.0.0.1:9/article", "loopback"),
    "private-url": ("https://10.1.2.3/news/story", "private"),
    "link-local-url": ("http://169.254.10.20/story", "link-local"),
    "metadata-url": ("http://169.254.169.254/latest/meta-data", "metadata"),
    "not-http-url": ("ftp://example.org/story", "http"),
    "localhost-url": ("http://localhost/story", "loopback"),
    "decimal-ip-url": ("http://2130706433/story", "loopback"),
    "ipv6-loopback-url": ("http://[::1]:8080/story", "loopback"),
    "mapped-ipv6-url": ("http://[::ffff:10.0.0.1]/story", "private"),
    "userinfo-url": ("http://reader@127.0.0.1/story", "loopback"),
    "no-host-url": ("http:///story", "no host"),
    "invalid-idna-url": ("http://xn--zz.example/story", "not a valid URL (Invalid A-label)"),
}
ARTICLE_COMMANDS = {
    "analyze": "analyze {a}",
    "analyze-json-out": "analyze -f json {a} -o {out}",
    "analyze-brat": "analyze -f brat {a} --output-dir {outdir}",
    "score": "score {a}",
    "score-json": "score -f json {a}",
    "check": "check {a}",
    "check-sarif-out": "check -f sarif {a} -o {out}",
    "crosscheck-out": "crosscheck {a} --corpus {d}/corpus -o {out}",
    "report": "report {a}",
    "report-html-out": "report -f html {a} -o {out}",
    "report-prov-out": "report -f prov-json {a} -o {out}",
}
URL_COMMANDS = {**ARTICLE_COMMANDS, "fetch-out": "fetch {a} -o {out}"}
# `check` walks folders and `--output-dir` batches a folder: neither takes a folder for an article.
FOLDER_TARGETS = {"check", "check-sarif-out"}


def _article_cases() -> dict[str, Case]:
    cases: dict[str, Case] = {}
    for command, template in ARTICLE_COMMANDS.items():
        for kind, (name, fragment) in ARTICLE_INPUTS.items():
            if kind == "directory" and command in FOLDER_TARGETS:
                continue
            code = 3
            if kind == "missing" and command.startswith("check"):
                fragment = "no such file or folder"
            if kind == "directory" and command.startswith("report"):
                code, fragment = 2, "is a folder: add --output-dir"
            cases[f"{command}-{kind}"] = Case(
                template.replace("{a}", "{d}/" + name), code, fragment, name, command.startswith("check")
            )
    for command, template in URL_COMMANDS.items():
        for kind, (url, fragment) in REFUSED_URLS.items():
            cases[f"{command}-{kind}"] = Case(
                template.replace("{a}", url), 3, fragment, url, command.startswith("check")
            )
    return cases


CONFIG_INPUTS = {
    "config-bad-toml": (2, "malformed TOML", "config-bad-toml/provenance.toml:"),
    "config-unknown-key": (2, "unknown key 'colour'", "config-unknown-key/provenance.toml"),
    "config-unknown-rule": (2, "unknown rule id 'PRV999'", "config-unknown-rule/provenance.toml"),
    "config-bad-value": (2, "fail-under", "config-bad-value/provenance.toml"),
    "config-bad-select": (2, "not a rule id", "config-bad-select/provenance.toml"),
    "config-binary": (2, "config", "config-binary/provenance.toml"),
    "config-non-utf8": (2, "UTF-8", "config-latin1/provenance.toml"),
    "config-missing": (2, "config file not found", "config-absent/provenance.toml"),
    "config-directory": (2, "directory", "config-bad-toml"),
    "config-infinite-weight": (2, "finite number", "config-infinite-weight/provenance.toml:2"),
    "config-nan-fail-under": (2, "finite number", "config-nan-fail-under/provenance.toml:1"),
    "rules-bad-toml": (2, "malformed TOML", "rules-bad-toml/XYZ001.toml:"),
    "rules-unknown-key": (2, "colour", "rules-unknown-key/XYZ001.toml"),
    "rules-wrong-type": (2, "weight", "rules-wrong-type/XYZ001.toml"),
    "rules-binary": (2, "rule file", "rules-binary/XYZ001.toml"),
    "rules-folder-entry": (2, "directory", "rules-folder-entry/XYZ001.toml"),
    "rules-not-a-check": (2, "not a check", "rules-not-a-check/XYZ001.toml:"),
    "config-nested": (2, "nested too deeply", "config-nested/provenance.toml:1"),
    "rules-nested": (2, "nested too deeply", "rules-nested/XYZ001.toml:1"),
    "config-fifo": (2, "is a named pipe (FIFO)", "pipe.txt"),
}
CONFIG_COMMANDS = {
    "score": "score {d}/good.txt --config {c}",
    "check-out": "check {d}/good.txt --config {c} -f junit -o {out}",
    "report-out": "report {d}/good.txt --config {c} -f md -o {out}",
    "report-batch": "report {d}/corpus --config {c} --output-dir {outdir}",
    "rules": "rules --config {c}",
    "rules-explain": "rules explain PRV002 --config {c}",
}
CONFIG_PATHS = {
    "config-fifo": "pipe.txt",
    "config-non-utf8": "config-latin1/provenance.toml",
    "config-missing": "config-absent/provenance.toml",
    "config-directory": "config-bad-toml",
}


def _config_cases() -> dict[str, Case]:
    cases: dict[str, Case] = {}
    for command, template in CONFIG_COMMANDS.items():
        for kind, (code, fragment, names) in CONFIG_INPUTS.items():
            path = CONFIG_PATHS.get(
                kind,
                f"config-{kind}/provenance.toml" if kind.startswith("rules") else f"{kind}/provenance.toml",
            )
            cases[f"{command}-{kind}"] = Case(template.replace("{c}", "{d}/" + path), code, fragment, names)
    return cases


OTHER_CASES = {
    "score-corpus-corrupt": Case("score {d}/good.txt --corpus {d}/corrupt.sqlite", 3, "not a corpus index"),
    "score-corpus-empty-file": Case("score {d}/good.txt --corpus {d}/empty.sqlite", 3, "not a corpus index"),
    "report-corpus-corrupt": Case(
        "report {d}/good.txt --corpus {d}/corrupt.sqlite -o {out}", 3, "not a corpus index", "corrupt.sqlite"
    ),
    "report-batch-corpus-corrupt": Case(
        "report {d}/corpus --corpus {d}/corrupt.sqlite --output-dir {outdir}",
        3,
        "not a corpus index",
        "corrupt.sqlite",
    ),
    "score-corpus-missing": Case("score {d}/good.txt --corpus {d}/absent.sqlite", 3, "no such"),
    "check-corpus-corrupt": Case(
        "check {d}/good.txt --corpus {d}/corrupt.sqlite -o {out}", 3, "not a corpus index", "corrupt.sqlite"
    ),
    "check-corpus-binary": Case("check {d}/good.txt --corpus {d}/binary.txt -j 2", 3, "corpus", "binary.txt"),
    "crosscheck-corpus-corrupt": Case(
        "crosscheck {d}/good.txt --corpus {d}/corrupt.sqlite -o {out}",
        3,
        "not a corpus index",
        "corrupt.sqlite",
    ),
    "crosscheck-corpus-binary": Case(
        "crosscheck {d}/good.txt --corpus {d}/binary.txt -o {out}", 3, "corpus", "binary.txt"
    ),
    "index-missing": Case("index {d}/absent -o {out}", 3, "not a folder", "absent"),
    "index-file": Case("index {d}/good.txt -o {out}", 3, "not a folder", "good.txt"),
    "index-corrupt-output": Case("index {d}/corpus -o {d}/folder.txt", 3, "folder.txt", "folder.txt"),
    "eval-missing": Case("eval {d}/absent", 3, "no such folder", "absent"),
    "eval-file": Case("eval {d}/good.txt", 3, "not a folder", "good.txt"),
    "eval-no-text": Case("eval {d}/gold-no-text", 2, "text", "gold-no-text"),
    "eval-bad-annotations": Case("eval {d}/gold-bad-ann", 3, "annotation", "a_X.ann"),
    "eval-huge-text": Case("eval {d}/gold-huge-text", 3, "too large", "a.txt"),
    "fetch-from-huge": Case("fetch --from {d}/huge.txt", 3, "huge.txt", "huge.txt"),
    "fetch-from-missing": Case("fetch --from {d}/absent.txt", 3, "cannot read URL list", "absent.txt"),
    "fetch-from-binary": Case("fetch --from {d}/urls-binary.txt", 3, "binary", "urls-binary.txt"),
    "fetch-from-empty": Case("fetch --from {d}/urls-empty.txt", 3, "no URLs", "urls-empty.txt"),
    "fetch-from-prose": Case(
        "fetch --from {d}/urls-prose.txt", 3, "not a URL: 'The mayor", "urls-prose.txt:2"
    ),
    "fetch-from-too-large": Case("fetch --from {d}/urls-large.txt", 3, "too large", "urls-large.txt"),
    "fetch-from-directory": Case("fetch --from {d}/folder.txt", 3, "directory", "folder.txt"),
    "check-baseline-bad-json": Case(
        "check {d}/good.txt --baseline {d}/baseline-bad.json -o {out}", 2, "baseline", "baseline-bad.json"
    ),
    "check-baseline-shape": Case(
        "check {d}/good.txt --baseline {d}/baseline-shape.json -o {out}", 2, "baseline", "baseline-shape.json"
    ),
    "check-baseline-missing": Case(
        "check {d}/good.txt --baseline {d}/absent.json -o {out}", 2, "baseline", "absent.json"
    ),
    "check-baseline-binary": Case(
        "check {d}/good.txt --baseline {d}/binary.txt -o {out}", 2, "baseline", "binary.txt"
    ),
    "score-discovered-config": Case(
        "score {d}/discovered/article.txt", 2, "select", "discovered/pyproject.toml"
    ),
    "report-discovered-config": Case(
        "report {d}/discovered/article.txt -o {out}", 2, "select", "discovered/pyproject.toml"
    ),
    "analyze-non-text-encoding": Case(
        "analyze {d}/good.txt --encoding rot13 -o {out}", 3, "'rot13' is not a text encoding", "good.txt"
    ),
    "analyze-output-symbolic-link-loop": Case(
        "analyze {d}/good.txt -o {d}/loop-a.txt", 3, "too many levels of symbolic links", "loop-a.txt"
    ),
    "analyze-unknown-encoding": Case(
        "analyze {d}/good.txt --encoding klingon -o {out}", 3, "klingon", "good.txt"
    ),
    "check-config-unknown-fail-on": Case(
        "check {d}/good.txt --config {d}/config-bad-fail-on/provenance.toml -o {out}",
        2,
        "unknown rule or severity 'PRV404'",
        "config-bad-fail-on/provenance.toml:2",
    ),
    "check-unknown-fail-on": Case(
        "check {d}/good.txt --fail-on nope -o {out}", 2, "unknown rule or severity 'nope'", "--fail-on"
    ),
    "check-baseline-folder": Case(
        "check {d}/good.txt --baseline {d}/baseline-folder.json -o {out}",
        2,
        "baseline",
        "baseline-folder.json",
    ),
    "analyze-output-under-a-file": Case(
        "analyze {d}/good.txt -o {d}/good.txt/out.json", 3, "good.txt is a file, not a folder"
    ),
    "report-output-dir-is-a-file": Case(
        "report {d}/corpus --output-dir {d}/good.txt", 3, "good.txt is a file, not a folder"
    ),
    **{
        f"{command}-rules-failing-check": Case(
            f"{command} {{d}}/good.txt --config {{d}}/config-rules-failing-check/provenance.toml{output}",
            2,
            "check 'operator:add' failed",
            "rules-failing-check/XYZ001.toml",
        )
        for command, output in (("score", ""), ("report", " -o {out}"), ("check", " -o {out}"))
    },
    "analyze-output-missing-folder": Case(
        "analyze {d}/good.txt -o {d}/absent-folder/out.json", 3, "absent-folder does not exist", "out.json"
    ),
    "report-output-is-a-folder": Case("report {d}/good.txt -o {d}/corpus", 3, "it is a folder", "corpus"),
    "index-output-missing-folder": Case(
        "index {d}/corpus -o {d}/absent-folder/i.sqlite", 3, "absent-folder does not exist", "i.sqlite"
    ),
    "index-output-device": Case("index {d}/corpus -o {d}/device.txt", 3, "it is a device", "device.txt"),
    "report-batch-missing": Case("report {d}/absent --output-dir {outdir}", 3, "no such file", "absent"),
    "score-discovered-string-table": Case(
        "score {d}/discovered-string-table/article.txt",
        2,
        "'tool.provenance' must be a table",
        "discovered-string-table/pyproject.toml:2",
    ),
    "analyze-no-argument": Case("analyze", 2, "missing argument 'paths'", "provenance analyze"),
    "score-unknown-format": Case("score {d}/good.txt -f yaml", 2, "'yaml' is not one of", "provenance score"),
    "check-unknown-option": Case(
        "check {d}/good.txt --nope -o {out}", 2, "no such option", "provenance check"
    ),
    "check-jobs-zero": Case(
        "check {d}/good.txt --jobs 0 -o {out}", 2, "greater than or equal to 1", "--jobs"
    ),
    "unknown-command": Case("frobnicate {d}/good.txt", 2, "no such command 'frobnicate'", "provenance"),
    "report-unknown-format": Case(
        "report {d}/good.txt -f pdf -o {out}", 2, "'pdf' is not one of", "provenance report"
    ),
    "fetch-no-url": Case("fetch", 2, "give a URL or --from FILE", "provenance fetch"),
    "check-baseline-fifo": Case(
        "check {d}/good.txt --baseline {d}/pipe.txt -o {out}", 2, "is a named pipe (FIFO)", "pipe.txt"
    ),
    "check-baseline-nested": Case(
        "check {d}/good.txt --baseline {d}/nested.json -o {out}", 2, "nested too deeply", "nested.json"
    ),
    "crosscheck-corpus-fifo": Case(
        "crosscheck {d}/good.txt --corpus {d}/pipe.txt -o {out}", 3, "is a named pipe (FIFO)", "pipe.txt"
    ),
    "score-corpus-fifo": Case(
        "score {d}/good.txt --corpus {d}/pipe.txt", 3, "is a named pipe (FIFO)", "pipe.txt"
    ),
    "index-manifest-fifo": Case("index {d}/pipe.jsonl -o {out}", 3, "is a named pipe (FIFO)", "pipe.jsonl"),
    "crosscheck-manifest-fifo": Case(
        "crosscheck {d}/good.txt --corpus {d}/pipe.jsonl -o {out}", 3, "is a named pipe (FIFO)", "pipe.jsonl"
    ),
    "index-manifest-nested": Case(
        "index {d}/nested.jsonl -o {out}", 3, "nested too deeply", "nested.jsonl:1"
    ),
    "eval-pairs-fifo": Case("eval {d}/pipe.jsonl", 3, "is a named pipe (FIFO)", "pipe.jsonl"),
    "eval-pairs-binary": Case("eval {d}/binary.txt", 3, "not valid UTF-8", "binary.txt"),
    "eval-pairs-nested": Case("eval {d}/nested-pairs.jsonl", 3, "nested too deeply", "nested-pairs.jsonl:2"),
    "eval-source-types-fifo": Case(
        "eval {d} --source-types {d}/pipe.jsonl", 3, "is a named pipe (FIFO)", "pipe.jsonl"
    ),
    "eval-source-types-nested": Case(
        "eval {d} --source-types {d}/nested.jsonl", 3, "nested too deeply", "nested.jsonl:1"
    ),
    "eval-source-types-folder": Case("eval {d} --source-types {d}/corpus", 3, "is a directory", "corpus"),
    "index-output-under-a-file": Case(
        "index {d}/corpus -o {d}/good.txt/i.sqlite", 3, "good.txt is a file, not a folder", "i.sqlite"
    ),
    "index-manifest-path-not-text": Case(
        "index {d}/path-number.jsonl -o {out}",
        3,
        "column 'path': expected text, found int",
        "path-number.jsonl:1",
    ),
    "batch-manifest-text-not-text": Case(
        "batch {d}/text-list.jsonl -o {outdir} -q",
        3,
        "column 'text': expected text, found list",
        "text-list.jsonl:1",
    ),
    "crosscheck-manifest-outlet-not-text": Case(
        "crosscheck {d}/good.txt --corpus {d}/outlet-object.jsonl -o {out}",
        3,
        "column 'outlet': expected text, found dict",
        "outlet-object.jsonl:1",
    ),
    "index-path-template-padding": Case(
        "index {d}/paths.csv --path-template {{path:>999999999}} -o {out}",
        3,
        "'{path:>999999999}' must name columns only",
        "paths.csv",
    ),
    "index-path-template-attribute": Case(
        "index {d}/paths.csv --path-template {{path.__class__}} -o {out}",
        3,
        "must name columns only",
        "paths.csv",
    ),
    "batch-manifest-column-twice": Case(
        "batch {d}/twice.csv -o {outdir} -q", 3, "column 'text' appears twice in the header", "twice.csv"
    ),
    "index-parquet-path-bytes": Case(
        "index {d}/bytes.parquet -o {out}", 3, "column 'path': expected text, found bytes", "bytes.parquet:1"
    ),
    "batch-parquet-date-out-of-range": Case(
        "batch {d}/far.parquet -o {outdir} -q", 3, "a value out of range", "far.parquet"
    ),
}

CASES = {**_article_cases(), **_config_cases(), **OTHER_CASES}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("bad-input")
    _write_inputs(root)
    with unblocking_pipes(root):
        yield root


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from an empty folder with no config above it and no page cache, so only the row's input counts."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def _run(args: str, inputs: Path, out: Path, outdir: Path) -> tuple[int, str, str, BaseException | None]:
    argv = [part.format(d=inputs, out=out, outdir=outdir) for part in args.split()]
    result = CliRunner().invoke(app, argv)
    exception = result.exception if not isinstance(result.exception, SystemExit) else None
    return result.exit_code, result.stdout, result.stderr, exception


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_bad_input_gives_one_line_a_documented_status_and_no_output(
    case: Case, inputs: Path, isolated: Path
) -> None:
    out, outdir = isolated / "out" / "result.txt", isolated / "out-dir"
    out.parent.mkdir()
    code, stdout, stderr, exception = _run(case.args, inputs, out, outdir)
    assert exception is None, f"uncaught {type(exception).__name__}: {exception}"
    assert "Traceback" not in stdout + stderr
    shown = stderr.splitlines() + (stdout.splitlines() if case.keeps_report else [])
    errors = [line for line in shown if line.startswith("error[")]
    assert len(errors) == 1, stderr
    assert code == case.exit_code, stderr
    assert case.fragment.lower() in errors[0].lower()
    assert case.names in errors[0]
    if case.keeps_report and "{out}" in case.args:
        assert case.names in out.read_text(encoding="utf-8"), "the report does not list the bad input"
    else:
        assert not out.exists(), "an output file was written despite the error"
    assert not outdir.exists() or not any(outdir.iterdir()), "output files were written despite the error"


DOCUMENTED = {0, 1, 2, 3}


def test_every_row_expects_a_documented_status() -> None:
    assert {case.exit_code for case in CASES.values()} <= DOCUMENTED


def test_the_matrix_covers_every_command_that_reads_input() -> None:
    commands = {case.args.split()[0] for case in CASES.values()}
    commands |= {" ".join(case.args.split()[:2]) for case in CASES.values() if case.args.startswith("rules ")}
    assert commands >= {
        "analyze",
        "batch",
        "score",
        "check",
        "crosscheck",
        "report",
        "index",
        "eval",
        "fetch",
        "rules",
        "rules explain",
    }


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_folder_of_bad_files_reports_each_and_still_checks_the_good_one(
    inputs: Path, isolated: Path, jobs: str
) -> None:
    folder = isolated / "articles"
    folder.mkdir()
    for name in ("empty.txt", "binary.txt", "latin1.txt", "good.txt"):
        shutil.copy(inputs / name, folder / name)
    result = CliRunner().invoke(app, ["check", str(folder), "-f", "json", "--jobs", jobs])
    assert result.exit_code == 3
    assert "Traceback" not in result.stdout + result.stderr
    files = {Path(report["path"]).name: report for report in json.loads(result.stdout)["files"]}
    for name in ("empty.txt", "binary.txt", "latin1.txt"):
        assert files[name]["error"].startswith("error[PRV-E100]: ")
        assert files[name]["path"] in files[name]["error"]
        assert files[name]["error"] in result.stderr.splitlines()
    assert files["good.txt"]["error"] is None
    assert files["good.txt"]["claims"] > 0


@pytest.mark.parametrize("command", ["index", "crosscheck"])
def test_a_corpus_folder_skips_and_lists_files_with_bad_front_matter(
    command: str, inputs: Path, isolated: Path
) -> None:
    folder = isolated / "corpus"
    folder.mkdir()
    shutil.copy(inputs / "good.txt", folder / "good.txt")
    for name in HOSTILE_FRONT_MATTER:
        shutil.copy(inputs / name, folder / name)
    args = (
        ["index", str(folder), "-o", str(isolated / "index.sqlite"), "-f", "json"]
        if command == "index"
        else ["crosscheck", str(inputs / "good.txt"), "--corpus", str(folder), "-f", "json"]
    )
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    listed = json.loads(result.stdout)
    skipped = {entry["path"]: entry["problem"] for entry in listed["skipped"]}
    assert set(skipped) == set(HOSTILE_FRONT_MATTER)
    assert "field 'date'" in skipped["bad-date.md"]
    if command == "crosscheck":
        assert listed["articles"] == 1
    text = CliRunner().invoke(app, [arg for arg in args if arg not in {"-f", "json"}])
    assert text.exit_code == 0, text.stderr
    for name, problem in skipped.items():
        assert f"skipped {name}: {problem}" in text.stdout.splitlines()


def test_a_page_whose_json_ld_is_nested_too_deeply_is_read_without_it(isolated: Path) -> None:
    page = isolated / "deep.html"
    page.write_text(
        '<html><head><script type="application/ld+json">'
        + "[" * 100_000
        + "]" * 100_000
        + "</script></head><body><article><h1>Port</h1><p>The mayor said the port will close.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["analyze", str(page), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["claims"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["analyze", str(SEED)], ["rules"], ["score", str(SEED)]])
def test_a_full_stdout_is_one_output_error_not_a_bug(args: list[str]) -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        completed = subprocess.run(
            [sys.executable, "-m", "provenance.cli", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert completed.returncode == 3, completed.stderr
    assert completed.stderr.splitlines() == [
        "error[PRV-E100]: stdout: cannot write output (No space left on device)"
    ]


@pytest.mark.parametrize(
    "args",
    [
        "analyze -f json {name}",
        "check -f sarif {folder}",
        "batch {folder} -o {out}",
        "index {folder} -o {out}",
        "crosscheck {good} --corpus {folder}",
        "report {folder} --output-dir {out}",
    ],
)
def test_a_file_name_that_is_not_utf8_is_named_not_a_bug(args: str, tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    good = folder / "good.txt"
    good.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    name = folder / os.fsdecode(b"caf\xe9.txt")
    try:
        name.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system refuses a name that is not UTF-8")
    out = tmp_path / "out"
    argv = [part.format(name=name, folder=folder, good=good, out=out) for part in args.split()]
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 3, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error[")]
    problem = "file name is not valid UTF-8; rename the file"
    assert errors == [f"error[PRV-E100]: {folder}/caf\\xe9.txt: {problem}"]
    assert not out.exists()


@pytest.mark.parametrize(
    ("name", "content", "args", "problem"),
    [
        ("m.jsonl", '{"path": "caf\\udce9.txt"}\n', "batch {file} -o {out}", ":1: invalid JSON (a lone"),
        ("m.jsonl", '{"text": "x \\ud800 y"}\n', "index {file} -o {out}", ":1: invalid JSON (a lone"),
        ("a.md", '---\ntitle: "caf\\udce9"\n---\nThe mayor said.\n', "analyze {file}", "'title': a lone"),
    ],
)
def test_a_lone_surrogate_escape_is_one_input_error_not_a_bug(
    name: str, content: str, args: str, problem: str, tmp_path: Path
) -> None:
    path, out = tmp_path / name, tmp_path / "out"
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, [part.format(file=path, out=out) for part in args.split()])
    assert result.exit_code == 3, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error[")]
    assert len(errors) == 1, result.stderr
    assert problem in errors[0]
    assert not out.exists()
