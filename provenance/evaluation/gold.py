"""Reading a gold corpus folder and running the extractor over it.

A gold folder holds ``text/NAME.txt`` (UTF-8 article text) and
``attributions/NAME_ANNOTATOR.ann`` (brat standoff), PolNeAR's layout. Some
texts have several annotators; the first ``.ann`` by file name is used so that
every text counts once.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from provenance.brat import attributions_of, parse_ann
from provenance.errors import ConfigError, InputError
from provenance.evaluation.metrics import DocumentAttributions, EvaluationReport, score_documents
from provenance.extract import analyze
from provenance.files import PathKind, kind_of, list_folder, read_text_file
from provenance.ingest import read_article

__all__ = ["evaluate_gold_dir", "gold_documents"]


def evaluate_gold_dir(gold_dir: str | Path, limit: int | None = None) -> EvaluationReport:
    """Run the extractor on every text of ``gold_dir`` (the first ``limit`` by name) and score it."""
    return score_documents(str(gold_dir), gold_documents(gold_dir, limit))


def gold_documents(gold_dir: str | Path, limit: int | None = None) -> Iterator[DocumentAttributions]:
    """Yield each text of ``gold_dir`` with its gold attributions and the extractor's predictions.

    A missing or unlistable folder raises ``InputError``; a folder without
    ``text/`` or ``attributions/`` (the wrong folder given) raises
    ``ConfigError``; a text without an annotation file, an unreadable text or
    a malformed ``.ann`` line raises ``InputError`` naming the file (and line).
    """
    root = Path(gold_dir)
    kind = kind_of(root)
    if kind is PathKind.MISSING:
        raise InputError(str(root), "no such folder")
    if kind not in {PathKind.FOLDER, PathKind.UNREADABLE}:
        raise InputError(str(root), "not a folder; a gold folder holds text/ and attributions/")
    texts, annotations = root / "text", root / "attributions"
    for folder in (texts, annotations):
        if kind_of(folder) is PathKind.MISSING:
            raise ConfigError(str(folder), "no such folder; a gold folder holds text/ and attributions/")
    by_text: dict[str, list[Path]] = {}
    for name in list_folder(annotations):
        if name.endswith(".ann") and not name.startswith("."):
            by_text.setdefault(name.removesuffix(".ann").rpartition("_")[0], []).append(annotations / name)
    names = list_folder(texts)
    paths = [texts / name for name in names if name.endswith(".txt") and not name.startswith(".")]
    if not paths:
        raise ConfigError(str(texts), "holds no .txt files")
    for path in paths[:limit]:
        candidates = sorted(by_text.get(path.stem, []))
        if not candidates:
            raise InputError(str(path), f"no annotation file {annotations / path.stem}_ANNOTATOR.ann")
        article = read_article(path)
        ann = candidates[0]
        gold = parse_ann(read_text_file(ann, "annotation file"), article.text, str(ann))
        yield DocumentAttributions(
            name=path.stem, text=article.text, gold=gold, predicted=attributions_of(analyze(article))
        )
