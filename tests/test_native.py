"""The optional compiled build: a build that no longer matches its sources is set aside, never run."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from provenance import native
from provenance.extract import segmentation


def _package(root: Path, source: str) -> Path:
    """Lay out ``provenance/extract/fake.py`` with a stand-in extension beside it, as a build leaves them."""
    folder = root / "provenance" / "extract"
    folder.mkdir(parents=True)
    (folder / "fake.py").write_text(source, encoding="utf-8")
    (folder / f"fake{native.EXTENSION_SUFFIXES[0]}").write_bytes(b"")
    (folder / f"_native__mypyc{native.EXTENSION_SUFFIXES[0]}").write_bytes(b"")
    return folder / "fake.py"


def _record(root: Path, digests: dict[str, str]) -> Path:
    manifest = root / "native.json"
    manifest.write_text(json.dumps({"modules": digests}), encoding="utf-8")
    return manifest


def test_the_extensions_beside_sources_are_the_compiled_modules(tmp_path: Path) -> None:
    _package(tmp_path, "VALUE = 1\n")
    assert native.compiled_names(tmp_path) == {"provenance.extract.fake"}


def test_a_build_that_matches_its_sources_is_left_to_run(tmp_path: Path) -> None:
    source = _package(tmp_path, "VALUE = 1\n")
    manifest = _record(tmp_path, {"provenance.extract.fake": hashlib.sha256(source.read_bytes()).hexdigest()})
    finders = list(sys.meta_path)
    native.guard(manifest, tmp_path)
    assert sys.meta_path == finders


@pytest.mark.parametrize("recorded", ["an edited source", "no record"])
def test_a_build_older_than_its_sources_gives_way_to_them_with_a_warning(
    tmp_path: Path, recorded: str
) -> None:
    source = _package(tmp_path, "VALUE = 2\n")
    digests = {"provenance.extract.fake": hashlib.sha256(b"VALUE = 1\n").hexdigest()}
    manifest = _record(tmp_path, digests) if recorded == "an edited source" else tmp_path / "none.json"
    finders = list(sys.meta_path)
    try:
        with pytest.warns(RuntimeWarning, match="do not match their sources"):
            native.guard(manifest, tmp_path)
        finder = sys.meta_path[0]
        assert isinstance(finder, native.SourcesFirst)
        spec = finder.find_spec("provenance.extract.fake")
        assert spec is not None
        assert spec.origin == str(source)
        assert finder.find_spec("provenance.extract.other") is None
    finally:
        sys.meta_path[:] = finders


def test_without_a_build_nothing_changes(tmp_path: Path) -> None:
    finders = list(sys.meta_path)
    native.guard(tmp_path / "native.json", tmp_path)
    assert sys.meta_path == finders


def test_this_installation_runs_a_build_only_when_it_matches_its_sources() -> None:
    if not native.compiled(segmentation):
        return  # the pure-Python installation, the default
    recorded = json.loads(native.MANIFEST.read_text(encoding="utf-8"))["modules"]
    assert native.stale_modules(recorded) == []
