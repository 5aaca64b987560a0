"""Scoring who a source is: its type, its on-record status and whom a back-reference means.

The gold is a JSON-lines file of hand-labelled source spans (the format of
``shared/gold/source-types-dev.jsonl``, read ``shared/gold/README.md``), each with
one of eight labels, the referent of a back-reference and the on-record call.
The procedure is that README's:

1. **Match**: for each gold span, the system's source mention in the same text
   that shares the most characters with it (on a tie the shorter, then the
   earlier); no overlap means the span is not found.
2. **Coverage**: gold spans found, over all gold spans.
3. **Type accuracy**, over found spans: the label of the entity the mention
   belongs to, against the gold ``referent_type`` for a back-reference and the
   gold ``type`` otherwise. A system back-reference that resolves to nothing is
   wrong where the gold is a back-reference.
4. **On-record accuracy**, over found spans whose gold ``on_record`` is set.
5. **Back-reference resolution**, over found gold back-references: the name of
   the entity the mention belongs to contains the referent's key word (its
   surname or head noun), case-insensitively.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from pydantic import NonNegativeInt, ValidationError, model_validator

from provenance.errors import ConfigError, InputError
from provenance.extract import analyze
from provenance.extract.lexicon import sources
from provenance.files import PathKind, is_folder, kind_of, parse_json, read_text_file
from provenance.ingest import read_article
from provenance.models import SCHEMA_VERSION, AnalysisResult, Model, SourceMention, SourceType

__all__ = [
    "BACK_REFERENCE",
    "LABELS",
    "ConfusionCount",
    "GoldSource",
    "Ratio",
    "SourceTypeCase",
    "SourceTypeReport",
    "TypeFigures",
    "evaluate_source_types",
    "read_source_gold",
    "referent_key_words",
    "score_source_types",
    "system_label",
]

Label = Literal[
    "person_named",
    "person_anonymous",
    "group_anonymous",
    "organisation_named",
    "outlet_or_agency",
    "document_or_data",
    "pronoun_or_backref",
    "other",
]
LABELS: tuple[str, ...] = get_args(Label)
BACK_REFERENCE = "pronoun_or_backref"
MISSED = "(not found)"
SYSTEM_LABELS = {
    SourceType.NAMED_PERSON: "person_named",
    SourceType.ANONYMOUS_INDIVIDUAL: "person_anonymous",
    SourceType.ANONYMOUS_GROUP: "group_anonymous",
    SourceType.NAMED_ORGANISATION: "organisation_named",
    SourceType.OUTLET: "outlet_or_agency",
    SourceType.WIRE_AGENCY: "outlet_or_agency",
    SourceType.DOCUMENT: "document_or_data",
    SourceType.UNATTRIBUTED: "other",
}
"""The project's source types on the gold's labels (outlets and agencies are one label there)."""
REFERENT_CUT = re.compile(r",| of | from | by ")
PARENTHESIS = re.compile(r"\([^)]*\)")
GENERATIONS = frozenset({"jr", "jr.", "sr", "sr."})


class GoldSource(Model):
    """One hand-labelled source span of the gold file."""

    text: str
    start: NonNegativeInt
    end: NonNegativeInt
    span: str
    type: Label
    referent: str | None = None
    referent_type: Label | None = None
    on_record: bool | None = None
    note: str = ""

    @model_validator(mode="after")
    def _offsets_frame_the_span(self) -> GoldSource:
        """Refuse offsets that are reversed or of another length than the span: they slice to other text."""
        if self.end - self.start != len(self.span):
            raise ValueError(
                f"offsets {self.start}-{self.end} do not frame the {len(self.span)}-character span"
            )
        return self

    @property
    def expected(self) -> str:
        """The label the system's (resolved) type must equal: the referent's own type for a back-reference."""
        return self.referent_type or self.type if self.type == BACK_REFERENCE else self.type


class Ratio(Model):
    """A figure with its numerator and denominator."""

    numerator: int
    denominator: int
    value: float


class TypeFigures(Model):
    """The figures of the gold spans of one label."""

    label: str
    gold: int
    found: int
    type_correct: int


class ConfusionCount(Model):
    """How many found gold spans expecting ``expected`` the system labelled ``system``."""

    expected: str
    system: str
    count: int


class SourceTypeCase(Model):
    """One gold span with what the system made of it, for studying the errors."""

    text: str
    start: int
    end: int
    span: str
    gold_type: str
    expected: str
    referent: str | None
    gold_on_record: bool | None
    system_span: str | None = None
    system_label: str | None = None
    system_entity: str | None = None
    system_on_record: bool | None = None
    type_correct: bool | None = None
    on_record_correct: bool | None = None
    resolved_correct: bool | None = None


class SourceTypeReport(Model):
    """Source typing and back-reference resolution against a gold file."""

    schema_version: str = SCHEMA_VERSION
    gold: str
    texts: int
    coverage: Ratio
    type_accuracy: Ratio
    on_record_accuracy: Ratio
    back_references: Ratio
    by_label: list[TypeFigures]
    confusion: list[ConfusionCount]
    cases: list[SourceTypeCase]

    def headline(self) -> dict[str, float]:
        """Return the four figures the project tracks."""
        return {
            "coverage": self.coverage.value,
            "type_accuracy": self.type_accuracy.value,
            "on_record_accuracy": self.on_record_accuracy.value,
            "back_references": self.back_references.value,
        }


@dataclass(frozen=True)
class SystemView:
    """What the system says about one mention, after following it to its entity."""

    label: str
    on_record: bool
    entity: str
    unresolved: bool
    """A back-reference (a pronoun) that the system tied to no earlier source (the writer's "I" is typed)."""


def read_source_gold(path: str | Path) -> list[GoldSource]:
    """Read a gold JSON-lines file; a missing file or a bad line raises ``InputError`` naming it."""
    where = str(path)
    lines = read_text_file(path, "gold file").splitlines()
    gold: list[GoldSource] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            gold.append(GoldSource.model_validate(parse_json(line)))
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}:{number}", f"not JSON ({exc.msg})") from None
        except ValidationError as exc:
            error = exc.errors()[0]
            field = ".".join(str(part) for part in error["loc"]) or "record"
            raise InputError(f"{where}:{number}", f"{field}: {error['msg']}") from None
    if not gold:
        raise InputError(where, "holds no gold sources")
    return gold


def evaluate_source_types(gold_path: str | Path, text_dir: str | Path) -> SourceTypeReport:
    """Analyse every text the gold names (from ``text_dir`` or its ``text/``) and score the sources."""
    gold = read_source_gold(gold_path)
    folder = Path(text_dir)
    if not is_folder(folder):
        raise InputError(str(folder), "no such folder of texts")
    if is_folder(folder / "text"):
        folder = folder / "text"
    results: dict[str, AnalysisResult] = {}
    for name in sorted({source.text for source in gold}):
        path = folder / name
        if kind_of(path) is PathKind.MISSING:
            raise ConfigError(str(path), "a text the gold names is not in the folder")
        results[name] = analyze(read_article(path))
    for number, source in enumerate(gold, start=1):
        if results[source.text].article.text[source.start : source.end] != source.span:
            raise InputError(
                f"{gold_path}:{number}", f"span {source.span!r} is not at its offsets in the text"
            )
    return score_source_types(str(gold_path), gold, results)


def score_source_types(
    corpus: str, gold: Sequence[GoldSource], results: Mapping[str, AnalysisResult]
) -> SourceTypeReport:
    """Score the analyses (by text name) against the gold spans (see the module docstring)."""
    views = {name: _views(result) for name, result in results.items()}
    cases = [
        _case(source, results[source.text].sources, views[source.text])
        if source.text in results
        else _missed(source)
        for source in gold
    ]
    found = [case for case in cases if case.system_label is not None]
    typed = [case for case in found if case.type_correct]
    recorded = [case for case in found if case.on_record_correct is not None]
    backrefs = [case for case in found if case.resolved_correct is not None]
    return SourceTypeReport(
        gold=corpus,
        texts=len({source.text for source in gold}),
        coverage=_ratio(len(found), len(cases)),
        type_accuracy=_ratio(len(typed), len(found)),
        on_record_accuracy=_ratio(sum(bool(case.on_record_correct) for case in recorded), len(recorded)),
        back_references=_ratio(sum(bool(case.resolved_correct) for case in backrefs), len(backrefs)),
        by_label=_by_label(cases),
        confusion=_confusion(cases),
        cases=cases,
    )


def system_label(source_type: SourceType) -> str:
    """Map one of the project's source types onto the gold's labels."""
    return SYSTEM_LABELS[source_type]


def referent_key_words(referent: str) -> list[str]:
    """Return the key word of each alternative of a referent ("A / B"): its surname or head noun.

    The last word after dropping a parenthesis, a trailing "Jr."/"Sr." and
    everything from the first comma, " of ", " from " or " by ".
    """
    words = []
    for alternative in referent.split(" / "):
        kept = REFERENT_CUT.split(PARENTHESIS.sub(" ", alternative), maxsplit=1)[0].split()
        while len(kept) > 1 and kept[-1].lower().strip(",") in GENERATIONS:
            kept.pop()
        if kept:
            words.append(kept[-1].strip(".,;:’'\"").lower())
    return [word for word in words if word]


def _views(result: AnalysisResult) -> dict[str, SystemView]:
    """Follow every mention to the entity it belongs to (itself, in a result without entities)."""
    pronouns = sources().pronouns
    entities = {entity.id: entity for entity in result.entities}
    views = {}
    for mention in result.sources:
        entity = entities.get(mention.entity_id or "")
        described = entity or mention
        views[mention.id] = SystemView(
            label=system_label(described.type),
            on_record=described.on_record,
            entity=described.name,
            unresolved=described.name.lower() in pronouns and described.type is not SourceType.UNATTRIBUTED,
        )
    return views


def _case(
    source: GoldSource, mentions: Sequence[SourceMention], views: Mapping[str, SystemView]
) -> SourceTypeCase:
    mention = _best_match(source, mentions)
    if mention is None:
        return _missed(source)
    view = views[mention.id]
    backref = source.type == BACK_REFERENCE
    type_correct = view.label == source.expected and not (backref and view.unresolved)
    on_record_correct = None if source.on_record is None else view.on_record == source.on_record
    resolved_correct = None
    if backref:
        entity = view.entity.lower()
        resolved_correct = not view.unresolved and any(
            word in entity for word in referent_key_words(source.referent or "")
        )
    return _missed(source).model_copy(
        update={
            "system_span": mention.span.text,
            "system_label": "unresolved" if view.unresolved else view.label,
            "system_entity": view.entity,
            "system_on_record": view.on_record,
            "type_correct": type_correct,
            "on_record_correct": on_record_correct,
            "resolved_correct": resolved_correct,
        }
    )


def _missed(source: GoldSource) -> SourceTypeCase:
    return SourceTypeCase(
        text=source.text,
        start=source.start,
        end=source.end,
        span=source.span,
        gold_type=source.type,
        expected=source.expected,
        referent=source.referent,
        gold_on_record=source.on_record,
    )


def _best_match(source: GoldSource, mentions: Iterable[SourceMention]) -> SourceMention | None:
    """Pick the mention sharing most characters with the gold span; on a tie the shorter, then the earlier."""
    best: tuple[int, int, int] | None = None
    chosen = None
    for mention in mentions:
        shared = min(source.end, mention.span.end) - max(source.start, mention.span.start)
        if shared <= 0:
            continue
        key = (-shared, mention.span.end - mention.span.start, mention.span.start)
        if best is None or key < best:
            best, chosen = key, mention
    return chosen


def _by_label(cases: Sequence[SourceTypeCase]) -> list[TypeFigures]:
    figures = []
    for label in LABELS:
        of_label = [case for case in cases if case.gold_type == label]
        if of_label:
            figures.append(
                TypeFigures(
                    label=label,
                    gold=len(of_label),
                    found=sum(case.system_label is not None for case in of_label),
                    type_correct=sum(bool(case.type_correct) for case in of_label),
                )
            )
    return figures


def _confusion(cases: Sequence[SourceTypeCase]) -> list[ConfusionCount]:
    counts = Counter((case.expected, case.system_label or MISSED) for case in cases)
    return [
        ConfusionCount(expected=expected, system=system, count=count)
        for (expected, system), count in sorted(counts.items())
    ]


def _ratio(numerator: int, denominator: int) -> Ratio:
    return Ratio(
        numerator=numerator, denominator=denominator, value=numerator / denominator if denominator else 0.0
    )
