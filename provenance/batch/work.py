"""The per-article work of a batch: one input row (a ``ManifestRow``) in, its rows in every table out.

``analyse_record`` is the one function both engines run, the local one in its
worker processes and Spark on its executors, so the two produce the same rows.
It never raises for a bad article: a failure becomes a row of ``errors``. The
cyclic collector waits until an article's rows are built (see ``collector``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from provenance.batch.tables import Rows, article_rows, error_rows
from provenance.check.models import CheckPolicy
from provenance.check.policy import DEFAULT_FAIL_ON, build_policy
from provenance.collector import paused_collector
from provenance.config import Config
from provenance.errors import InternalError, ProvenanceError
from provenance.extract import analyze
from provenance.ingest.manifest import ManifestRow, load_article
from provenance.scoring import RulePack, load_rule_pack, score


@dataclass(frozen=True)
class BatchJob:
    """What every article of a run is analysed with; picklable, so it crosses to worker processes."""

    config: Config
    policy: CheckPolicy
    encoding: str = "utf-8"


def batch_job(config: Config, encoding: str = "utf-8") -> BatchJob:
    """Prepare a run: load the rule pack and validate the failing policy once, before any article."""
    active = rule_pack(config.rule_folders).active(config)
    fail_on = config.check.fail_on if config.check.fail_on is not None else DEFAULT_FAIL_ON
    known = {name for rule in active for name in (rule.id, rule.name)}
    policy = build_policy(fail_on, config.fail_under, known, config.where("fail-on"))
    return BatchJob(config=config, policy=policy, encoding=encoding)


@cache
def rule_pack(folders: tuple[Path, ...]) -> RulePack:
    """Load the rule pack once per process (each worker process and Spark executor loads its own)."""
    return load_rule_pack(folders)


def analyse_record(record: ManifestRow, job: BatchJob) -> Rows:
    """Analyse and score one article into its rows; any failure is one ``errors`` row instead."""
    where = record.path or record.id
    with paused_collector():
        try:
            article = load_article(record, job.encoding)
            report = score(analyze(article), job.config, pack=rule_pack(job.config.rule_folders))
        except ProvenanceError as error:
            return error_rows(record.id, record.path, error.code, error.one_line())
        except Exception as exc:
            internal = InternalError.of(exc, where)
            return error_rows(record.id, record.path, internal.code, internal.one_line())
        return article_rows(record.id, report, job.policy)
