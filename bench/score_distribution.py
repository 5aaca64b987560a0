"""The default policy and the sourcing score on the 84 PolNeAR dev articles: verdicts, grades, a histogram.

Run from the project root with the project installed (reads ``../shared/polnear/dev/text``)::

    .venv/bin/python bench/score_distribution.py            # print the figures the README reports
    .venv/bin/python bench/score_distribution.py --svg docs/scores-polnear-dev.svg

It checks every dev article with the default configuration, exactly as ``provenance check`` does, and
prints how many fail and on which rules, the grade counts, the score histogram in 5-point bins, and
the articles at the top, middle and bottom of the range. ``--svg`` draws the histogram, each bar
coloured by the grade band its scores fall in.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from xml.sax.saxutils import escape

from provenance import Config
from provenance.api import check_paths
from provenance.check import CheckResult
from provenance.scoring import GRADES

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "polnear" / "dev" / "text"
BIN = 5
GRADE_COLOURS = {"A": "#2e8b57", "B": "#9acd32", "C": "#f0ad4e", "D": "#d9534f"}


def run() -> CheckResult:
    """Check the dev split with the default policy, as ``provenance check DEV`` does."""
    return check_paths([DEV], Config(), root=DEV)


def report(result: CheckResult) -> str:
    """Say what the check and the score made of the dev split."""
    files = result.files
    failing = [report for report in files if report.failing]
    by_rule = Counter(finding.rule_id for report in files for finding in report.failing)
    grades = Counter(report.grade for report in files)
    scores = sorted(report.score for report in files if report.score is not None)
    lines = [
        f"articles: {len(files)}; failing the default policy: {len(failing)}",
        "failing findings by rule: "
        + ", ".join(f"{rule} {count}" for rule, count in sorted(by_rule.items())),
        "grades: " + ", ".join(f"{letter} {grades.get(letter, 0)}" for _, letter, _ in GRADES),
        f"scores: min {scores[0]:.1f}, median {scores[len(scores) // 2]:.1f}, max {scores[-1]:.1f}",
        "histogram (5-point bins):",
    ]
    for low, count in sorted(_bins(scores).items()):
        lines.append(f"  {low:3d}–{low + BIN - 1:3d} {'#' * count} {count}")
    lines.append("failing articles:")
    for article in failing:
        rules = Counter(finding.rule_id for finding in article.failing)
        lines.append(f"  {article.path}: {article.score:.1f} {article.grade}; {dict(sorted(rules.items()))}")
    ranked = sorted(files, key=lambda article: article.score or 0)
    lines.append("lowest, middle and highest scores:")
    for article in (ranked[0], ranked[1], ranked[len(ranked) // 2], ranked[-2], ranked[-1]):
        lines.append(f"  {article.score:.1f} {article.grade} {article.path}")
    return "\n".join(lines)


def _bins(scores: list[float]) -> Counter[int]:
    return Counter(int(score // BIN) * BIN for score in scores)


def _grade_of(low: int) -> str:
    return next(letter for floor, letter, _ in GRADES if low >= floor)


def svg(result: CheckResult) -> str:
    """Draw the score histogram, bars coloured by grade band, with the band floors marked."""
    scores = [report.score for report in result.files if report.score is not None]
    bins = _bins(scores)
    width, height, left, bottom, top = 640, 310, 40, 40, 42
    plot_width, plot_height = width - left - 20, height - bottom - top
    tallest = max(bins.values())
    step = plot_width / (100 / BIN)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{left}" y="18" font-size="13">Sourcing scores of the {len(scores)} PolNeAR dev articles '
        "(default rules; bars coloured by grade)</text>",
    ]
    for low, count in sorted(bins.items()):
        bar = plot_height * count / tallest
        x, y = left + step * low / BIN, top + plot_height - bar
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{step - 2:.1f}" height="{bar:.1f}" '
            f'fill="{GRADE_COLOURS[_grade_of(low)]}"><title>{low}–{low + BIN - 1}: {count}</title></rect>'
        )
        parts.append(f'<text x="{x + step / 2 - 1:.1f}" y="{y - 3:.1f}" text-anchor="middle">{count}</text>')
    axis = top + plot_height
    parts.append(f'<line x1="{left}" y1="{axis}" x2="{left + plot_width}" y2="{axis}" stroke="black"/>')
    for tick in range(0, 101, 10):
        x = left + step * tick / BIN
        parts.append(f'<text x="{x:.1f}" y="{axis + 14}" text-anchor="middle">{tick}</text>')
    for floor, letter, meaning in GRADES:
        x = left + step * floor / BIN
        parts.append(
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{axis}" stroke="#888" stroke-dasharray="3,3"/>'
        )
        parts.append(
            f'<text x="{x + 3:.1f}" y="{top + 10}" fill="#555">'
            f"{letter}<title>{escape(meaning)}</title></text>"
        )
    parts.append(
        f'<text x="{left + plot_width / 2}" y="{height - 8}" text-anchor="middle">article score</text>'
    )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main() -> int:
    """Print the figures; with ``--svg PATH`` also write the histogram."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--svg", type=Path, help="write the histogram as SVG to this file")
    arguments = parser.parse_args()
    if not DEV.is_dir():
        print(f"no PolNeAR dev split at {DEV}", file=sys.stderr)
        return 2
    result = run()
    print(report(result))
    if arguments.svg is not None:
        arguments.svg.write_text(svg(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
