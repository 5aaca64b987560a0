"""Fuzz the pipeline: generated and mutated articles through reading, extraction, scoring and every output.

Each input is bytes, decoded and parsed as the commands read a file, then analysed, scored, checked and
rendered in every format (report text, Markdown, HTML, JSON, PROV-JSON, PROV-N; analysis text and brat;
score text; check text, SARIF, GitHub annotations and summary, JUnit; the batch tables' rows), and
cross-checked against the fixtures corpus (scored with it, and the cross-check rendered).

A crash is any exception other than a ``ProvenanceError`` raised while reading the input; a hang is
an input taking more than ``--hang`` seconds of CPU time (CPU, not wall-clock time, so a run at low
priority on a busy machine is not starved into false hangs); a span outside its text, or whose text is
not the text's slice, is a failure too.

Inputs come from a seeded generator (deterministic for a given ``--seed``): word soup built from the
vocabulary extraction reacts to, mutations of the project's articles (byte flips, splices, repeats,
truncation), the seed format, Markdown front matter and HTML wrappers, control and bidi characters, and
raw bytes. Failing inputs are saved under ``--crashes`` for a regression test.

    python bench/fuzz.py --seconds 60                 # a bounded run; exit 1 on any failure
    nice -n 19 python bench/fuzz.py --seconds 4400 --max-scored 300000 --max-bytes 200 \
        --formats-every 500 --seed N --json tally-N.json  # one chunk of a long run; chunks add up

The tally counts inputs that went through extraction and scoring (``scored``) apart from those
reading refused with its one-line error (``rejected``); about 5% of inputs (``--hostile-share``) are
hostile bytes meant to be refused, the rest are articles meant to reach extraction.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from provenance.batch.tables import article_rows
from provenance.brat import render_ann
from provenance.check import CheckResult, RuleDescriptor
from provenance.check.policy import build_policy
from provenance.check.runner import check_article
from provenance.config import Config
from provenance.corpus import crosscheck, load_corpus
from provenance.errors import ProvenanceError
from provenance.extract import analyze
from provenance.ingest import decode, parse_article
from provenance.models import AnalysisResult, ScoreReport, Span
from provenance.render.check_text import render_check_text
from provenance.render.crosscheck import render_crosscheck
from provenance.render.github import render_github, render_step_summary
from provenance.render.junit import render_junit
from provenance.render.report import ReportFormat, render_report
from provenance.render.sarif import render_sarif
from provenance.render.scores import render_score
from provenance.render.text import render_analysis
from provenance.scoring import load_rule_pack, score

ROOT = Path(__file__).resolve().parent.parent
CORPUS_FOLDERS = ("seeds", "fixtures", "tests/articles", "tests/data")

_WORDS = (
    "said told says according to the official officials Mr. Mrs. Dr. Sen. U.S. U.N. Jan. Feb. he she they "
    "it who which that citing Reuters AP AFP Bloomberg believe believes expect expected may could might "
    "reportedly sources familiar with matter anonymous spokesman spokeswoman minister ministry statement "
    "report poll survey added adding noted warned insisted denied claimed announced confirmed "
    "Tusk Lund Moreau Kivisild Smith Jones Warsaw Tallinn Kyiv Poland Ukraine diplomats European senior "
    "five 5 12-15 3.5 42% Nine in 10 most of them some none a an of in on at for by with as and but or not "
    "no never would will has have had is was were be been being asked when about on condition anonymity "
    "spoke speaking person involved people close to aide aides campaign White House press secretary"
)
VOCABULARY = _WORDS.split()
PUNCTUATION = [
    ".", ",", ":", ";", "?", "!", "“", "”", "‘", "’", '"', "'", "''", "``", "—", "–", "-", "(", ")", "[", "]",
    "…", "\n", "\n\n", "\r\n", "\t", "  ", "Source:", "Details:", "Background:", "# ", "## ", "> ", "* ",
    "<!-- provenance: ignore PRV002 -- checked -->", "<!-- provenance: ignore", "-->", "<p>", "</p>",
    "<script>", "](javascript:x)", "|", "`", "**", "_", "\\", "&amp;", "&", "<", ">", "{", "}", "%", "::",
]  # fmt: skip
ODD_CHARACTERS = [
    "\x07", "\x1b[31m", "\x1b]0;title\x07", "\x7f", "\x85", "\u2028", "\u2029", "\u200b", "\u200e",
    "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
    "\ufeff", "\ufffd", "é", "ß", "İ", "ﬁ", "Ω", "中文", "العربية", "עברית", "😀", "\u0301",
    "\U0001f1fa\U0001f1f8", "A\u030a", "ǅ",
]  # fmt: skip
HEADERS = [
    "date 2024-01-02 {title}\n\nSource: {outlet}, citing Reuters\n\nDetails: ",
    "---\ntitle: \"{quoted_title}\"\noutlet: \"{quoted_outlet}\"\ndate: 2024-03-04\nurl: https://news.example/a\n"
    "---\n\n# {title}\n\n",
    "+++\ntitle = \"{quoted_title}\"\noutlet = \"{quoted_outlet}\"\n+++\n\n",
    "<html><head><title>{title}</title><meta property=\"og:site_name\" content=\"{outlet}\"></head>"
    "<body><article><h1>{title}</h1><p>",
    "",
]  # fmt: skip
RAW_FRONT_MATTER = [
    "---\ntitle: {title}\noutlet: {outlet}\ndate: 2024-03-04\nurl: https://news.example/a\n---\n\n"
    "# {title}\n\n",
    "+++\ntitle = \"{title}\"\noutlet = \"{outlet}\"\n+++\n\n",
]  # fmt: skip


@dataclass
class Failure:
    """One failing input: what went wrong and where the input is saved."""

    kind: str
    detail: str
    saved: str | None = None


@dataclass
class Tally:
    """What a run did: inputs, rejected at reading, through extraction and scoring, rendered, failed.

    ``rejected`` and ``scored`` add up to ``inputs`` less the failures.
    """

    inputs: int = 0
    rejected: int = 0
    scored: int = 0
    rendered: int = 0
    claims: int = 0
    slowest: float = 0.0
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)
    slow: list[Failure] = field(default_factory=list)
    """Inputs slower than the ``slow`` limit but under the hang limit: not failures, kept for study."""


class Hang(Exception):
    """Raised by the alarm when one input runs past the hang limit."""


def corpus_texts(root: Path = ROOT) -> list[bytes]:
    """Read the project's own articles, the mutations' starting points."""
    texts = []
    for folder in CORPUS_FOLDERS:
        for path in sorted((root / folder).glob("*")):
            if path.is_file() and path.suffix in {".txt", ".md", ".html"}:
                texts.append(path.read_bytes())
    return texts


class Generator:
    """Seeded inputs of every shape, cheap enough for millions.

    Most inputs are articles that reading accepts, so they reach extraction and scoring; one in
    ``1 / hostile_share`` is hostile bytes (random bytes, byte-level corruption, front matter with raw
    odd characters) that reading should refuse with its one-line error.
    """

    def __init__(
        self, seed: int, corpus: list[bytes], max_bytes: int | None = None, hostile_share: float = 0.05
    ) -> None:
        self.rng = random.Random(seed)
        self.corpus = corpus
        self.texts = [data.decode("utf-8") for data in corpus]
        self.max_bytes = max_bytes
        self.hostile_share = hostile_share
        self.shapes: list[Callable[[], bytes]] = [
            self.soup,
            self.soup,
            self.sentences,
            self.sentences,
            self.with_header,
            self.mutated,
            self.mutated,
            self.spliced,
            self.repeated,
        ]
        self.hostile: list[Callable[[], bytes]] = [self.raw_bytes, self.corrupted, self.raw_header]

    def __iter__(self) -> Iterator[bytes]:
        while True:
            shapes = self.hostile if self.rng.random() < self.hostile_share else self.shapes
            data = self.rng.choice(shapes)()
            yield data if self.max_bytes is None else _cut(data, self.max_bytes)

    def token(self) -> str:
        """One word, mark or odd character, weighted towards what extraction reacts to."""
        roll = self.rng.random()
        if roll < 0.6:
            return self.rng.choice(VOCABULARY)
        if roll < 0.85:
            return self.rng.choice(PUNCTUATION)
        if roll < 0.95:
            return self.rng.choice(ODD_CHARACTERS)
        return "".join(chr(self.rng.randrange(0x20, 0x3000)) for _ in range(self.rng.randrange(1, 6)))

    def soup(self) -> bytes:
        """Tokens in any order."""
        size = self.rng.choice((5, 20, 60, 200))
        words = [self.token() for _ in range(self.rng.randrange(1, size + 1))]
        return _utf8(self.rng.choice(("", " ")).join(words))

    def sentence(self) -> str:
        """Make an attributed (or plain) sentence of a random shape around token soup."""
        rng = self.rng
        speaker = rng.choice(
            ["he", "she", "they", "Mr. Lund", "a senior official", "five European diplomats", "Reuters",
             "the ministry", "sources familiar with the matter", "Tusk", "a spokesman for the campaign"]
        )  # fmt: skip
        verb = rng.choice(["said", "told reporters", "says", "added", "believes", "warned", "denied"])
        body = " ".join(self.token() for _ in range(rng.randrange(1, 15)))
        shapes = [
            f"{speaker.capitalize()} {verb} that {body}.",
            f"“{body.capitalize()},” {speaker} {verb}.",
            f"{body.capitalize()}, {speaker} {verb}.",
            f"According to {speaker}, {body}.",
            f"“{body}” {speaker.capitalize()} {verb}.",
            f"{body.capitalize()}, citing {speaker}.",
            f"{speaker.capitalize()}: {body}",
            f"{body.capitalize()}.",
        ]
        return rng.choice(shapes)

    def sentences(self) -> bytes:
        """Paragraphs of generated sentences."""
        paragraphs = []
        for _ in range(self.rng.randrange(1, 8)):
            count = self.rng.randrange(1, 6)
            paragraphs.append(" ".join(self.sentence() for _ in range(count)))
        return _utf8("\n\n".join(paragraphs))

    def with_header(self, headers: list[str] = HEADERS) -> bytes:
        """Put generated sentences under a seed-format, front-matter or HTML header.

        Front matter's strings are escaped as YAML and TOML need (``quoted_``), so odd characters reach
        the title rather than the front-matter parser's refusal.
        """
        title = " ".join(self.token() for _ in range(self.rng.randrange(0, 8)))
        outlet = " ".join(self.token() for _ in range(self.rng.randrange(0, 3)))
        header = self.rng.choice(headers).format(
            title=title, outlet=outlet, quoted_title=_quoted(title), quoted_outlet=_quoted(outlet)
        )
        return _utf8(header) + self.sentences()

    def raw_header(self) -> bytes:
        """Front matter with the title and outlet unescaped: mostly malformed, refused at reading."""
        return self.with_header(RAW_FRONT_MATTER)

    def mutated(self) -> bytes:
        """One of the project's articles with characters changed, cut, inserted or repeated."""
        text = self.rng.choice(self.texts)
        for _ in range(self.rng.randrange(1, 12)):
            if not text:
                break
            spot = self.rng.randrange(len(text))
            action = self.rng.randrange(6)
            if action == 0:
                text = text[:spot] + self.token() + text[spot + 1 :]
            elif action == 1:
                text = text[:spot] + text[spot + self.rng.randrange(1, 200) :]
            elif action == 2:
                text = text[:spot] + self.token() + text[spot:]
            elif action == 3:
                chunk = text[spot : spot + self.rng.randrange(1, 300)]
                text = text[:spot] + chunk * self.rng.randrange(1, 4) + text[spot:]
            elif action == 4:
                text = text[:spot] + self.sentence() + text[spot:]
            else:
                text = text[:spot]
        return _utf8(text)

    def corrupted(self) -> bytes:
        """One of the project's articles with bytes flipped: mostly invalid UTF-8 or binary."""
        data = bytearray(self.rng.choice(self.corpus))
        for _ in range(self.rng.randrange(1, 12)):
            if data:
                data[self.rng.randrange(len(data))] = self.rng.randrange(256)
        return bytes(data)

    def spliced(self) -> bytes:
        """Join the start of one article to the end of another."""
        first, second = self.rng.choice(self.texts), self.rng.choice(self.texts)
        return _utf8(
            first[: self.rng.randrange(len(first) + 1)] + second[self.rng.randrange(len(second) + 1) :]
        )

    def repeated(self) -> bytes:
        """One sentence many times over (the shape of quadratic blow-ups)."""
        unit = self.sentence() + self.rng.choice([" ", "\n", "\n\n", ""])
        return _utf8(unit * self.rng.randrange(2, 120))

    def raw_bytes(self) -> bytes:
        """Random bytes."""
        return self.rng.randbytes(self.rng.randrange(0, 400))


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _cut(data: bytes, size: int) -> bytes:
    """Cut ``data`` to ``size`` bytes or fewer, never inside a UTF-8 character."""
    if len(data) <= size:
        return data
    while size > 0 and data[size] & 0xC0 == 0x80:
        size -= 1
    return data[:size]


def _quoted(text: str) -> str:
    """``text`` as the inside of a double-quoted YAML or TOML string (both read these escapes)."""
    escaped = []
    for character in text:
        code = ord(character)
        if character in '\\"':
            escaped.append("\\" + character)
        elif 0x20 <= code < 0x7F or (0xA0 <= code < 0xD800 and code != 0xFEFF) or 0xE000 <= code < 0xFFFE:
            escaped.append(character)
        elif code <= 0xFFFF:
            escaped.append(f"\\u{code:04X}")
        else:
            escaped.append(f"\\U{code:08X}")
    return "".join(escaped)


class Pipeline:
    """Everything a command does to one input after reading its bytes, with the rule pack loaded once."""

    def __init__(self) -> None:
        self.config = Config()
        self.pack = load_rule_pack(self.config.rule_folders)
        active = self.pack.active(self.config)
        self.rules = [RuleDescriptor.model_validate(rule, from_attributes=True) for rule in active]
        known = {rule.id for rule in active} | {rule.name for rule in active}
        self.known = frozenset(known)
        self.policy = build_policy(["error", "PRV002"], 50, self.known)
        self.corpus = load_corpus(ROOT / "fixtures")

    def run(self, data: bytes, render: bool) -> ScoreReport | None:
        """Read, analyse, score and (with ``render``) render ``data``; None when it is rejected as input."""
        try:
            article = parse_article(decode(data, "fuzz.txt"), "fuzz.txt")
        except ProvenanceError:
            return None
        analysis = analyze(article)
        check_spans(analysis)
        report = score(analysis, self.config, pack=self.pack)
        if render:
            self.render(report)
        return report

    def render(self, report: ScoreReport) -> None:
        """Every output a command can write for this article."""
        for report_format in ReportFormat:
            render_report(report, report_format)
        render_analysis(report.analysis)
        render_ann(report.analysis)
        render_score(report)
        file_report = check_article("fuzz.txt", report, self.policy, self.known)
        result = CheckResult(policy=self.policy, rules=self.rules, files=[file_report])
        render_check_text(result)
        render_sarif(result, "0")
        render_github(result)
        render_step_summary(result)
        render_junit(result)
        article_rows("fuzz", report, self.policy)
        checked = crosscheck(report.analysis, self.corpus)
        render_crosscheck(checked)
        for report_format in (ReportFormat.MD, ReportFormat.HTML):
            render_report(score(report.analysis, self.config, checked, pack=self.pack), report_format)


def spans_of(result: AnalysisResult) -> Iterator[Span]:
    """Every span an analysis holds."""
    article = result.article
    yield from (section.span for section in article.sections)
    for mention in result.sources:
        yield mention.span
    for claim in result.claims:
        yield claim.span
        yield from (hedge.span for hedge in claim.hedges)
        for attribution in claim.attributions:
            yield from attribution.content
            if attribution.cue is not None:
                yield attribution.cue


def check_spans(result: AnalysisResult) -> None:
    """Fail unless every span lies inside the article text and holds exactly its slice."""
    text = result.article.text
    for span in spans_of(result):
        if not 0 <= span.start <= span.end <= len(text) or text[span.start : span.end] != span.text:
            raise AssertionError(f"span {span.start}-{span.end} {span.text!r} is not its text's slice")


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Hang


def fuzz(
    seconds: float,
    seed: int = 0,
    formats_every: int = 1,
    hang_seconds: float = 10.0,
    crashes: Path | None = None,
    max_inputs: int | None = None,
    progress: Callable[[Tally], None] | None = None,
    slow_seconds: float | None = None,
    max_bytes: int | None = None,
    max_scored: int | None = None,
    hostile_share: float = 0.05,
) -> Tally:
    """Run generated inputs through the pipeline for ``seconds`` (or ``max_inputs``) and tally failures.

    ``hang_seconds`` and ``slow_seconds`` are CPU seconds of this process;
    ``max_bytes`` cuts every input to that size (cheaper inputs for long runs); ``max_scored`` stops
    the run once that many inputs went through extraction and scoring (chunks of a long run add up).
    """
    pipeline = Pipeline()
    tally = Tally()
    started = time.monotonic()
    deadline = started + seconds
    previous = signal.signal(signal.SIGPROF, _alarm)
    try:
        for data in Generator(seed, corpus_texts(), max_bytes, hostile_share):
            if (
                time.monotonic() >= deadline
                or (max_inputs is not None and tally.inputs >= max_inputs)
                or (max_scored is not None and tally.scored >= max_scored)
            ):
                break
            render = tally.inputs % formats_every == 0
            tally.inputs += 1
            begun = time.process_time()
            signal.setitimer(signal.ITIMER_PROF, hang_seconds)
            try:
                report = pipeline.run(data, render)
            except Hang:
                tally.failures.append(_failure("hang", f"over {hang_seconds:g} s", data, crashes))
                continue
            except Exception as exc:
                detail = "".join(traceback.format_exception_only(exc)).strip()
                tally.failures.append(_failure(type(exc).__name__, detail, data, crashes))
                continue
            finally:
                signal.setitimer(signal.ITIMER_PROF, 0)
            took = time.process_time() - begun
            tally.slowest = max(tally.slowest, took)
            if slow_seconds is not None and took > slow_seconds:
                tally.slow.append(_failure("slow", f"{took:.2f} s", data, crashes))
            if report is None:
                tally.rejected += 1
            else:
                tally.scored += 1
                tally.claims += len(report.analysis.claims)
                tally.rendered += render
            if progress is not None and tally.inputs % 10_000 == 0:
                tally.seconds = time.monotonic() - started
                progress(tally)
    finally:
        signal.signal(signal.SIGPROF, previous)
        tally.seconds = time.monotonic() - started
    return tally


def _failure(kind: str, detail: str, data: bytes, crashes: Path | None) -> Failure:
    saved = None
    if crashes is not None:
        crashes.mkdir(parents=True, exist_ok=True)
        path = crashes / f"{kind}-{hashlib.sha256(data).hexdigest()[:12]}.bin"
        path.write_bytes(data)
        saved = str(path)
    return Failure(kind=kind, detail=detail[:500], saved=saved)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to run")
    parser.add_argument("--max-inputs", type=int, default=None, help="stop after this many inputs")
    parser.add_argument(
        "--max-scored", type=int, default=None, help="stop after this many inputs went through scoring"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--formats-every", type=int, default=1, help="render every format for 1 input in N")
    parser.add_argument("--hang", type=float, default=10.0, help="CPU seconds after which one input hangs")
    parser.add_argument("--slow", type=float, default=None, help="keep inputs slower than this (CPU s)")
    parser.add_argument("--max-bytes", type=int, default=None, help="cut every input to this size")
    parser.add_argument(
        "--hostile-share", type=float, default=0.05, help="share of inputs that are hostile bytes"
    )
    parser.add_argument("--crashes", type=Path, default=None, help="folder to save failing inputs in")
    parser.add_argument("--json", type=Path, default=None, help="write the tally here, updated as it runs")
    args = parser.parse_args(argv)

    def progress(tally: Tally) -> None:
        print(
            f"{tally.inputs:>10,} inputs  {tally.scored:>10,} through extraction and scoring  "
            f"{tally.rejected:,} rejected at reading  {len(tally.failures)} failures  "
            f"slowest {tally.slowest:.2f} s",
            file=sys.stderr,
            flush=True,
        )
        if args.json is not None:
            _write_tally(args.json, tally, args)

    tally = fuzz(
        args.seconds,
        args.seed,
        args.formats_every,
        args.hang,
        args.crashes,
        args.max_inputs,
        progress,
        args.slow,
        args.max_bytes,
        args.max_scored,
        args.hostile_share,
    )
    if args.json is not None:
        _write_tally(args.json, tally, args)
    print(
        f"{tally.inputs:,} inputs in {tally.seconds:.0f} s: {tally.scored:,} through extraction and scoring "
        f"({tally.rendered:,} of them rendered in every format, {tally.claims:,} claims), "
        f"{tally.rejected:,} rejected at reading; "
        f"slowest {tally.slowest:.2f} CPU s, {len(tally.failures)} failures"
    )
    for failure in tally.failures[:20]:
        print(f"  {failure.kind}: {failure.detail.splitlines()[-1]} ({failure.saved})")
    return 1 if tally.failures else 0


def _write_tally(path: Path, tally: Tally, args: argparse.Namespace) -> None:
    record = {
        "seed": args.seed,
        "formats_every": args.formats_every,
        "max_bytes": args.max_bytes,
        "hostile_share": args.hostile_share,
        "inputs": tally.inputs,
        "rejected": tally.rejected,
        "scored": tally.scored,
        "rendered": tally.rendered,
        "claims": tally.claims,
        "seconds": round(tally.seconds, 1),
        "slowest_seconds": round(tally.slowest, 3),
        "failures": [failure.__dict__ for failure in tally.failures],
        "slow": [failure.__dict__ for failure in tally.slow],
    }
    path.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
