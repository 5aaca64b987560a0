"""Scoring who the sources are: matching, type and on-record calls, back-references, and the CLI mode."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.errors import InputError
from provenance.evaluation import GoldSource, SourceTypeReport, read_source_gold, score_source_types
from provenance.evaluation.source_types import referent_key_words
from provenance.models import (
    AnalysisResult,
    Anonymity,
    Article,
    Chain,
    SourceEntity,
    SourceMention,
    SourceType,
    Span,
)

TEXT = (
    "Mayor Ada Lind said the bridge is safe. The mayor said it opens soon. Critics disagreed, a poll found."
)


def mention(
    identifier: str,
    phrase: str,
    source_type: SourceType,
    name: str | None = None,
    on_record: bool = True,
    entity: str | None = None,
    occurrence: int = 0,
) -> SourceMention:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(phrase, start + 1)
    return SourceMention(
        id=identifier,
        span=Span.of(TEXT, start, start + len(phrase)),
        type=source_type,
        name=name or phrase,
        anonymity=Anonymity.NAMED if on_record else Anonymity.VAGUE,
        on_record=on_record,
        entity_id=entity or f"E{identifier}",
    )


def gold(phrase: str, label: str, referent: str | None = None, on_record: bool | None = True) -> GoldSource:
    start = TEXT.index(phrase)
    return GoldSource(
        text="story.txt",
        start=start,
        end=start + len(phrase),
        span=phrase,
        type=label,  # type: ignore[arg-type]
        referent=referent,
        referent_type="person_named" if referent else None,
        on_record=on_record,
    )


def analysis(*mentions: SourceMention) -> AnalysisResult:
    """Build a result whose entities are named, typed and on record as their first mention."""
    entities: dict[str, SourceEntity] = {}
    for item in mentions:
        entity_id = item.entity_id or ""
        if entity_id in entities:
            first = entities[entity_id]
            entities[entity_id] = first.model_copy(update={"mention_ids": [*first.mention_ids, item.id]})
            continue
        entities[entity_id] = SourceEntity(
            id=entity_id,
            name=item.name,
            type=item.type,
            anonymity=item.anonymity,
            on_record=item.on_record,
            mention_ids=[item.id],
        )
    return AnalysisResult(
        article=Article(text=TEXT),
        publisher_chain=Chain(hops=[]),
        sources=list(mentions),
        entities=list(entities.values()),
    )


def test_figures_are_counted_by_the_gold_procedure() -> None:
    result = analysis(
        mention("S1", "Mayor Ada Lind", SourceType.NAMED_PERSON, name="Ada Lind", entity="E1"),
        mention("S2", "The mayor", SourceType.NAMED_PERSON, entity="E1"),
        mention("S3", "Critics", SourceType.NAMED_PERSON),
    )
    spans = [
        gold("Mayor Ada Lind", "person_named"),
        gold("The mayor", "pronoun_or_backref", referent="Ada Lind"),
        gold("Critics", "group_anonymous", on_record=False),
        gold("a poll", "document_or_data"),
    ]
    report = score_source_types("fictional", spans, {"story.txt": result})
    assert (report.coverage.numerator, report.coverage.denominator) == (3, 4)
    assert (report.type_accuracy.numerator, report.type_accuracy.denominator) == (2, 3)
    assert (report.on_record_accuracy.numerator, report.on_record_accuracy.denominator) == (2, 3)
    assert (report.back_references.numerator, report.back_references.denominator) == (1, 1)
    confusion = {(count.expected, count.system): count.count for count in report.confusion}
    assert confusion == {
        ("person_named", "person_named"): 2,
        ("group_anonymous", "person_named"): 1,
        ("document_or_data", "(not found)"): 1,
    }
    labels = {figure.label: (figure.gold, figure.found, figure.type_correct) for figure in report.by_label}
    assert labels["group_anonymous"] == (1, 1, 0)


def test_the_match_is_the_largest_overlap_then_the_shorter_span() -> None:
    spans = [gold("Mayor Ada Lind", "person_named")]
    longer = mention("S1", "Mayor Ada Lind said", SourceType.DOCUMENT)
    exact = mention("S2", "Mayor Ada Lind", SourceType.NAMED_PERSON)
    part = mention("S3", "Ada", SourceType.ANONYMOUS_GROUP)
    report = score_source_types("fictional", spans, {"story.txt": analysis(longer, exact, part)})
    assert report.cases[0].system_span == "Mayor Ada Lind"
    assert report.type_accuracy.value == 1.0


def test_an_unresolved_pronoun_and_a_wrong_referent_are_wrong() -> None:
    text_gold = [gold("The mayor", "pronoun_or_backref", referent="Ada Lind")]
    wrong = analysis(
        mention("S1", "Critics", SourceType.NAMED_PERSON, name="Critics", entity="E1"),
        mention("S2", "The mayor", SourceType.NAMED_PERSON, entity="E1"),
    )
    report = score_source_types("fictional", text_gold, {"story.txt": wrong})
    assert report.type_accuracy.value == 1.0, "the type of the wrong person is still a person"
    assert report.back_references.value == 0.0
    it = [gold("it", "pronoun_or_backref", referent="Ada Lind")]
    alone = analysis(mention("S1", "it", SourceType.NAMED_PERSON, occurrence=0))
    report = score_source_types("fictional", it, {"story.txt": alone})
    assert report.cases[0].system_label == "unresolved"
    assert (report.type_accuracy.value, report.back_references.value) == (0.0, 0.0)


@pytest.mark.parametrize(
    ("referent", "words"),
    [
        ("Loretta E. Lynch", ["lynch"]),
        ("a 1995 story from the Times", ["story"]),
        ("Donald Trump's presidential campaign", ["campaign"]),
        ("U.S. PIRG Education Fund / Citizens for Tax Justice", ["fund", "justice"]),
        ("Martin Luther King Jr.", ["king"]),
        ("Sen. Ada Lind (D-Vt.), a member of the panel", ["lind"]),
    ],
)
def test_referent_key_words(referent: str, words: list[str]) -> None:
    assert referent_key_words(referent) == words


def write_gold(folder: Path, records: list[dict[str, object]]) -> Path:
    path = folder / "gold.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "story.txt").write_text(TEXT + "\n", encoding="utf-8")
    return folder


def test_cli_scores_a_fictional_gold_file(texts: Path, tmp_path: Path) -> None:
    path = write_gold(tmp_path, [gold("Mayor Ada Lind", "person_named").model_dump()])
    result = CliRunner().invoke(app, ["eval", "--source-types", str(path), str(texts)])
    assert result.exit_code == 0, result.output
    assert "coverage                    1.000  (1/1)" in result.output
    assert "confusion" in result.output
    as_json = CliRunner().invoke(app, ["eval", "--source-types", str(path), str(texts), "--format", "json"])
    report = SourceTypeReport.model_validate_json(as_json.output)
    assert report.cases[0].system_label == "person_named"


def test_cli_refuses_bad_gold_with_one_line(texts: Path, tmp_path: Path) -> None:
    record = gold("Mayor Ada Lind", "person_named").model_dump()
    bad_label = write_gold(tmp_path, [record, {**record, "type": "politician"}])
    result = CliRunner().invoke(app, ["eval", "--source-types", str(bad_label), str(texts)])
    assert result.exit_code == 3
    assert f"{bad_label}:2: type:" in result.output
    moved = write_gold(tmp_path, [{**record, "start": record["start"] + 1, "end": record["end"] + 1}])
    result = CliRunner().invoke(app, ["eval", "--source-types", str(moved), str(texts)])
    assert result.exit_code == 3
    assert "is not at its offsets" in result.output
    result = CliRunner().invoke(app, ["eval", "--source-types", str(moved), str(texts), "--limit", "1"])
    assert result.exit_code == 2


def test_reading_gold_names_the_line_that_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("{}\nnot json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold.jsonl:1"):
        read_source_gold(path)
    path.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="holds no gold sources"):
        read_source_gold(path)


@pytest.mark.parametrize(
    ("start", "end", "problem"),
    [(9, 4, "do not frame"), (4, 6, "do not frame"), (-1, 4, "greater than or equal to 0")],
)
def test_reading_gold_refuses_offsets_that_do_not_frame_the_span(
    tmp_path: Path, start: int, end: int, problem: str
) -> None:
    path = tmp_path / "gold.jsonl"
    record = {"text": "a.txt", "start": start, "end": end, "span": "Lund", "type": "person_named"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"gold.jsonl:1.*{problem}"):
        read_source_gold(path)
