"""The WordNet verb lexicon: what a verb means, from the shipped data file, rebuilt the same from WordNet."""

from __future__ import annotations

import importlib.util
import sys
from importlib import resources
from pathlib import Path

import pytest

from provenance.extract.learned.features import sense_features
from provenance.extract.learned.word_senses import verb_forms, verb_senses

ROOT = Path(__file__).resolve().parent.parent
WORDNET = Path("/usr/share/wordnet")
DATA = resources.files("provenance.extract.learned").joinpath("data", "speech_lexicon.json")


def test_a_verb_form_is_brought_to_its_lemma_by_wordnet_morphology() -> None:
    assert [verb_senses(word).lemma for word in ("conceded", "touts", "lamenting", "said", "applied")] == [  # type: ignore[union-attr]
        "concede",
        "tout",
        "lament",
        "say",
        "apply",
    ]
    assert verb_senses("the") is None


def test_a_verb_of_saying_is_known_by_its_class_and_its_clause_frame() -> None:
    concede = verb_senses("conceded")
    assert concede is not None
    assert concede.senses[0][0] == "communication"
    assert "that" in concede.frames
    walk = verb_senses("walked")
    assert walk is not None
    assert "communication" not in walk.classes


def test_the_forms_of_a_class_are_those_that_analyse_back_to_its_verbs() -> None:
    forms = verb_forms(frozenset({"communication"}))
    assert {"concede", "concedes", "conceded", "conceding", "said", "says"} <= forms
    assert "walked" not in forms
    assert all("communication" in verb_senses(form).classes for form in forms)  # type: ignore[union-attr]


def test_a_word_no_verb_of_wordnet_has_one_sense_feature() -> None:
    assert sense_features("the") == ("wn=none",)
    assert {"wn1=emotion", "wn=communication"} <= set(sense_features("lamented"))


def test_the_lexicon_ships_small_with_the_wordnet_licence() -> None:
    assert len(DATA.read_bytes()) < 1024 * 1024
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in (ROOT / "NOTICE").read_text(
        encoding="utf-8"
    )


@pytest.mark.skipif(
    not (WORDNET / "data.verb").is_file(), reason="WordNet 3.0 (wordnet-base) is not installed"
)
def test_the_build_script_reproduces_the_shipped_lexicon(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(ROOT / "bench")  # the script reads WordNet through bench/wordnet_files.py
    spec = importlib.util.spec_from_file_location(
        "build_speech_lexicon", ROOT / "bench" / "build_speech_lexicon.py"
    )
    assert spec is not None
    assert spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    output = tmp_path / "speech_lexicon.json"
    monkeypatch.setattr(build, "OUTPUT", output)
    monkeypatch.setattr(build, "ROOT", tmp_path)
    monkeypatch.setattr(sys, "argv", ["build_speech_lexicon.py"])
    assert build.main() == 0
    assert output.read_bytes() == DATA.read_bytes()
