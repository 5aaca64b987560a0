"""What the cue readers cost: work that grows with a paragraph's quotations or repeats itself."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from provenance.extract.cues import sentence, verbs
from provenance.extract.cues.clause import RawAttribution
from provenance.extract.cues.content import content_span
from provenance.extract.segmentation import quotations, tokenize
from provenance.native import compiled


class CountingQuotes(list[tuple[int, int]]):
    """A list of quotations that counts how many of them are looked at."""

    looked_at = 0

    def __getitem__(self, index: Any) -> Any:
        CountingQuotes.looked_at += 1
        return super().__getitem__(index)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        for item in super().__iter__():
            CountingQuotes.looked_at += 1
            yield item


def test_a_content_looks_at_few_of_a_paragraphs_many_quotations() -> None:
    paragraph = " ".join(f"“Point {number} stands,” Lund said." for number in range(2000))
    sentence_text = "Lund said “the levy is fair” on Monday."
    text = paragraph + " " + sentence_text
    start = len(paragraph) + 1
    quotes = CountingQuotes(quotations(text, 0, len(text)))
    tokens = tokenize(text, start, len(text), quotes)
    CountingQuotes.looked_at = 0
    span = content_span(tokens, 2, 7, quotes)
    assert span is not None
    assert text[span[0] : span[1]] == "“the levy is fair”"
    assert CountingQuotes.looked_at <= 60  # two bisections of 2,001 quotations, not a pass over them all


@pytest.mark.skipif(
    compiled(verbs), reason="compiled modules call one another directly, past a patched module attribute"
)
def test_a_verb_read_as_a_possible_final_cue_is_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "On Monday, Lund said the levy would pass."
    quotes = quotations(text, 0, len(text))
    tokens = tokenize(text, 0, len(text), quotes)
    calls: list[int] = []
    reader = verbs.verb_attribution

    def counting(*arguments: Any) -> RawAttribution | None:
        calls.append(arguments[1])
        return reader(*arguments)

    monkeypatch.setattr(verbs, "verb_attribution", counting)
    monkeypatch.setattr(sentence, "verb_attribution", counting)
    found = sentence.rule_attributions(tokens, quotes)
    assert [(text[raw.source[0] : raw.source[1]]) for raw in found if raw.source] == ["Lund"]
    assert calls == [4]
