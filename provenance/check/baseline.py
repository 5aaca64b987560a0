"""The baseline: findings an archive already had when it adopted the check, so only new ones fail.

A finding is recognised by its file, rule and fingerprint (the rule id and the
claim's normalised text, hashed), not by its line, so adding a paragraph above
a known claim does not make it new. Each fingerprint is counted: if a file
gains a second identical claim with the same problem, the second one fails.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from pydantic import Field, ValidationError

from provenance.errors import ConfigError
from provenance.files import PathKind, kind_of, parse_json, read_text_file
from provenance.models import Model
from provenance.outputs import write_atomic

BASELINE_VERSION = 1


def fingerprint(rule_id: str, claim_text: str | None) -> str:
    """Hash what identifies a finding independently of where its claim sits in the file."""
    normalised = " ".join((claim_text or "").casefold().split())
    return hashlib.sha256(f"{rule_id}\0{normalised}".encode()).hexdigest()[:20]


class BaselineEntry(Model):
    """How many findings of one rule with one fingerprint a file had."""

    path: str
    rule_id: str
    fingerprint: str
    count: int = Field(default=1, ge=1)


class Baseline(Model):
    """The known findings, written by ``check --write-baseline``."""

    version: int = BASELINE_VERSION
    entries: list[BaselineEntry] = Field(default_factory=list)

    def allowance(self) -> Counter[tuple[str, str, str]]:
        """How many findings each ``(path, rule_id, fingerprint)`` may still have without failing."""
        counts: Counter[tuple[str, str, str]] = Counter()
        for entry in self.entries:
            counts[entry.path, entry.rule_id, entry.fingerprint] += entry.count
        return counts

    @classmethod
    def of(cls, findings: list[tuple[str, str, str]]) -> Baseline:
        """Build a baseline from ``(path, rule_id, fingerprint)`` triples, counting repeats."""
        counts = Counter(findings)
        return cls(
            entries=[
                BaselineEntry(path=path, rule_id=rule_id, fingerprint=print_, count=count)
                for (path, rule_id, print_), count in sorted(counts.items())
            ]
        )


def read_baseline(path: str | Path) -> Baseline:
    """Read a baseline file; a missing or malformed one is a configuration error (exit 2)."""
    where = str(path)
    if kind_of(path) is PathKind.MISSING:
        raise ConfigError(
            where, "baseline file not found; create it with `provenance check --write-baseline`"
        )
    raw = read_text_file(path, "baseline", error=ConfigError)
    try:
        baseline = Baseline.model_validate(parse_json(raw))
    except json.JSONDecodeError as exc:
        raise ConfigError(where, f"baseline is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        location = ".".join(str(part) for part in first["loc"]) or "(top level)"
        raise ConfigError(where, f"malformed baseline at {location}: {first['msg']}") from None
    if baseline.version != BASELINE_VERSION:
        raise ConfigError(
            where, f"baseline version {baseline.version} is not supported (expected {BASELINE_VERSION})"
        )
    return baseline


def write_baseline(path: str | Path, baseline: Baseline) -> None:
    """Write the baseline atomically, sorted, so that it diffs well under version control."""
    write_atomic(path, baseline.model_dump_json(indent=2) + "\n")
