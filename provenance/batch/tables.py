"""The dataset's tables: Arrow schemas derived from the result models, and one article's rows.

Every row carries ``article_id``; the rows of one article join on it and on the
article's own ids (``claim_id``, ``source_id``, ``attribution_id``), which are
stable for the same text. The columns of ``sources`` (and of every other list of
models an ``AnalysisResult`` holds, such as entities) are read off the model's
fields, so a field added to a model becomes a column without a change here:
scalars and enums map to Arrow types, a ``Span`` to ``NAME_start``/``NAME_end``/
``NAME_text``, a nested model to columns prefixed with its name, anything else
(lists, dicts) to a JSON string. Only flat columns are used, so DuckDB, Spark
and pandas read every table without nested types.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any

import pyarrow as pa
from pydantic_core import to_jsonable_python

from provenance.check.models import CheckPolicy
from provenance.check.policy import fails
from provenance.models import (
    AnalysisResult,
    Article,
    Attribution,
    ChainNode,
    Claim,
    Finding,
    Model,
    ScoreReport,
    SourceMention,
    Span,
)

Row = dict[str, Any]
Rows = dict[str, list[Row]]
"""An article's rows, by table name."""

_SCALARS: dict[Any, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
    dt.date: pa.date32(),
}


@dataclass(frozen=True)
class Column:
    """One column of a table: its name, Arrow type, and how to read it from the object a row stands for."""

    name: str
    type: pa.DataType
    read: Callable[[Any], Any]


def _optional_inner(annotation: Any) -> Any:
    """``X | None`` → ``X``; any other annotation as is."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        members = [member for member in typing.get_args(annotation) if member is not type(None)]
        if len(members) == 1:
            return members[0]
    return annotation


def _field(name: str) -> Callable[[Any], Any]:
    return lambda item: getattr(item, name)


def _then(first: Callable[[Any], Any], second: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Read ``first``, then ``second`` from its result (None stays None)."""

    def read(item: Any) -> Any:
        value = first(item)
        return None if value is None else second(value)

    return read


def _enum_value(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(to_jsonable_python(value), ensure_ascii=False)


def model_columns(
    model: type[Model],
    prefix: str = "",
    exclude: Iterable[str] = (),
    renames: Mapping[str, str] | None = None,
) -> list[Column]:
    """Derive flat columns from the fields of ``model``, named ``prefix + field`` unless renamed."""
    columns: list[Column] = []
    for name, info in model.model_fields.items():
        if name in exclude:
            continue
        column, read = (renames or {}).get(name, prefix + name), _field(name)
        annotation = _optional_inner(info.annotation)
        if annotation is Span:
            columns += [
                Column(f"{column}_start", pa.int64(), _then(read, _field("start"))),
                Column(f"{column}_end", pa.int64(), _then(read, _field("end"))),
                Column(f"{column}_text", pa.string(), _then(read, _field("text"))),
            ]
        elif isinstance(annotation, type) and issubclass(annotation, Enum):
            columns.append(Column(column, pa.string(), _then(read, _enum_value)))
        elif annotation in _SCALARS:
            columns.append(Column(column, _SCALARS[annotation], read))
        elif isinstance(annotation, type) and issubclass(annotation, Model):
            columns += [
                Column(inner.name, inner.type, _then(read, inner.read))
                for inner in model_columns(annotation, prefix=f"{column}_")
            ]
        else:
            columns.append(Column(f"{column}_json", pa.string(), _then(read, _json)))
    return columns


@dataclass(frozen=True)
class Table:
    """A table of the dataset: key columns, the columns read off one model, then computed columns.

    The builder of a row gives the keys (``article_id``, …) and the computed
    values (a claim's score, a finding's verdict) in order, and the model item
    the middle columns are read from.
    """

    name: str
    keys: tuple[tuple[str, pa.DataType], ...]
    columns: tuple[Column, ...] = ()
    computed: tuple[tuple[str, pa.DataType], ...] = ()

    @property
    def schema(self) -> pa.Schema:
        """The table's Arrow schema."""
        fields = [*self.keys, *((column.name, column.type) for column in self.columns), *self.computed]
        return pa.schema(fields)

    def row(self, keys: Iterable[Any], item: Any = None, computed: Iterable[Any] = ()) -> Row:
        """One row of this table."""
        row = dict(zip((name for name, _ in self.keys), keys, strict=True))
        for column in self.columns:
            row[column.name] = column.read(item)
        row.update(zip((name for name, _ in self.computed), computed, strict=True))
        return row


ARTICLE_ID = ("article_id", pa.string())
CLAIM_ID = ("claim_id", pa.string())
_STRING, _INT, _FLOAT, _BOOL = pa.string(), pa.int64(), pa.float64(), pa.bool_()
_FIXED_LISTS = frozenset({"claims", "sources"})


def _singular(name: str) -> str:
    return name[:-3] + "y" if name.endswith("ies") else name.removesuffix("s")


def _other_model_lists() -> list[tuple[str, type[Model]]]:
    """Find the lists of models in ``AnalysisResult`` beyond claims and sources (entities, …)."""
    found = []
    for name, info in AnalysisResult.model_fields.items():
        if name in _FIXED_LISTS or typing.get_origin(info.annotation) is not list:
            continue
        (item,) = typing.get_args(info.annotation)
        if isinstance(item, type) and issubclass(item, Model):
            found.append((name, item))
    return found


@cache
def dataset_tables() -> dict[str, Table]:
    """Every table of the dataset by name, in the order they are written (``errors`` last)."""
    every = [
        Table(
            "articles",
            (ARTICLE_ID,),
            tuple(model_columns(Article, exclude=("text", "paragraphs", "sections"))),
            (
                ("words", _INT),
                ("claims", _INT),
                ("score", _FLOAT),
                ("grade", _STRING),
                ("text_sha256", _STRING),
            ),
        ),
        Table(
            "claims",
            (ARTICLE_ID,),
            tuple(model_columns(Claim, exclude=("attributions", "chain"), renames={"id": "claim_id"})),
            (
                ("chain", _STRING),
                ("chain_inherited", _BOOL),
                ("hops", _INT),
                ("origin_name", _STRING),
                ("origin_type", _STRING),
                ("score", _FLOAT),
                ("grade", _STRING),
            ),
        ),
        Table(
            "chain_hops",
            (ARTICLE_ID, CLAIM_ID, ("hop", _INT), ("role", _STRING), ("node", _INT)),
            tuple(model_columns(ChainNode)),
        ),
        Table("sources", (ARTICLE_ID,), tuple(model_columns(SourceMention, renames={"id": "source_id"}))),
        Table(
            "attributions",
            (ARTICLE_ID, CLAIM_ID),
            tuple(model_columns(Attribution, renames={"id": "attribution_id"})),
        ),
        Table("findings", (ARTICLE_ID,), tuple(model_columns(Finding)), (("failing", _BOOL),)),
        *(
            Table(name, (ARTICLE_ID,), tuple(model_columns(model, renames={"id": f"{_singular(name)}_id"})))
            for name, model in _other_model_lists()
        ),
        Table("errors", (ARTICLE_ID,), (), (("path", _STRING), ("code", _STRING), ("message", _STRING))),
    ]
    return {table.name: table for table in every}


def article_rows(article_id: str, report: ScoreReport, policy: CheckPolicy) -> Rows:
    """Build the rows of one scored article in every table (``errors`` stays empty)."""
    every = dataset_tables()
    analysis = report.analysis
    article = analysis.article
    rows: Rows = {name: [] for name in every}
    digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    words = len(article.text.split())
    rows["articles"].append(
        every["articles"].row(
            (article_id,), article, (words, len(analysis.claims), report.score, report.grade, digest)
        )
    )
    scores = {claim_score.claim_id: claim_score for claim_score in report.claim_scores}
    for claim in analysis.claims:
        hops = claim.chain.hops
        origin = hops[-1].nodes if hops else []
        scored = scores.get(claim.id)
        rows["claims"].append(
            every["claims"].row(
                (article_id,),
                claim,
                (
                    claim.chain.render(),
                    claim.chain.inherited,
                    len(hops),
                    " / ".join(node.name for node in origin) or None,
                    origin[0].type.value if origin else None,
                    scored.score if scored is not None else None,
                    scored.grade if scored is not None else None,
                ),
            )
        )
        for position, hop in enumerate(hops):
            for place, node in enumerate(hop.nodes):
                rows["chain_hops"].append(
                    every["chain_hops"].row((article_id, claim.id, position, hop.role.value, place), node)
                )
        for attribution in claim.attributions:
            rows["attributions"].append(every["attributions"].row((article_id, claim.id), attribution))
    for source in analysis.sources:
        rows["sources"].append(every["sources"].row((article_id,), source))
    findings = [finding for claim_score in report.claim_scores for finding in claim_score.findings]
    for finding in [*findings, *report.article_findings]:
        rows["findings"].append(every["findings"].row((article_id,), finding, (fails(finding, policy),)))
    for name, _ in _other_model_lists():
        table = every[name]
        rows[name] = [table.row((article_id,), item) for item in getattr(analysis, name)]
    return rows


def error_rows(article_id: str, path: str | None, code: str, message: str) -> Rows:
    """Build the rows of an article that failed: one row in ``errors``, nothing elsewhere."""
    rows: Rows = {name: [] for name in dataset_tables()}
    rows["errors"].append(dataset_tables()["errors"].row((article_id,), None, (path, code, message)))
    return rows
