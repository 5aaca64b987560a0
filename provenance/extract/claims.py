"""Claims: sentences (or clauses) with their attributions, chains and hedges.

This module runs the stages in order over an article — sentences, cues with
their sources and content, source typing, coreference, chains, hedges — and
assembles the ``AnalysisResult``. A sentence that joins an unattributed clause
to an attributed one ("There are no preparations, and diplomats believe…") is
split into two claims, so the attributed clause does not lend its source to the
other.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from operator import itemgetter

from provenance.extract.boilerplate import claim_sentences
from provenance.extract.chains import UNCOVERED_SECTIONS, ChainBuilder, cited_parties
from provenance.extract.coreference import MentionDraft
from provenance.extract.cues import RawAttribution, find_attributions, introduction, trigger_words
from provenance.extract.describe import SourceDescription, coordinated, describe
from provenance.extract.entities import source_entities
from provenance.extract.hedges import find_hedges, hedge_words
from provenance.extract.learned import cue_model
from provenance.extract.lexicon import cues, sources
from provenance.extract.segmentation import Token, quotations, span, tokenize
from provenance.models import (
    AnalysisResult,
    Article,
    Attribution,
    Chain,
    ChainNode,
    Claim,
    CueKind,
    Section,
    SourceEntity,
    SourceMention,
)

__all__ = ["build_analysis"]

CLAUSE_JOIN = re.compile(r"(?:,\s*(?:and|but|while|whereas|so|yet)|;)\s*\Z")
WORD = re.compile(r"[^\W\d_]+")
ASCII_LOWER_LETTERS = bytes(
    ord(chr(code).lower()) if code < 128 and chr(code).isalpha() else ord(" ") for code in range(256)
)
"""In ASCII text encoded, lower-casing letters and blanking every other byte then splitting finds
``WORD``'s words in lower case, at a third of the cost of the same on a string."""
SIGNAL_MARK = re.compile("[:―—]")
QUOTE_OPENERS = frozenset("“\"'")
QUOTE_CLOSERS = frozenset("”\"'")
CONTINUATION_LEAD = 6
"""The most words before a quotation that continues the previous sentence's (``But “…”``, ``Now, “…”``)."""
QUOTE_FOLD = (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"))


@dataclass
class _Sentence:
    section: str
    start: int
    end: int
    attributions: list[RawAttribution]
    tokens: list[Token]
    carried: RawAttribution | None = None
    """The previous sentence's attribution when this sentence continues its quotation."""


def _sections(article: Article) -> list[Section]:
    """List the sections claims come from; plain articles without sections use their paragraphs."""
    if article.sections:
        return [section for section in article.sections if section.name != "source"]
    return [Section(name="body", span=span) for span in article.paragraphs]


def _read_sentences(article: Article) -> list[_Sentence]:
    text = article.text
    found: list[_Sentence] = []
    speaker: RawAttribution | None = None
    introducing: _Sentence | None = None
    sections = _sections(article)
    for position, section in enumerate(sections):
        quotes = quotations(text, section.span.start, section.span.end)
        read: list[_Sentence] = []
        sentences = list(claim_sentences(text, section.span.start, section.span.end))
        headline = _headline(sections, position, len(sentences))
        for start, end in sentences:
            worth = headline or _worth_reading(text[start:end])
            tokens = tokenize(text, start, end, quotes) if worth else []
            attributions = find_attributions(tokens, quotes, headline) if tokens else []
            read.append(_Sentence(section.name, start, end, attributions, tokens))
        if introducing is not None and read and _introduced(text, introducing, read):
            speaker = None
        if speaker is not None and not _quotation_paragraph(text, read, quotes, _opening_mark(text, speaker)):
            speaker = None
        speaker = _continue_quotations(text, read, quotes, speaker)
        _continue_turn(text, read)
        introducing = read[-1] if read and not read[-1].attributions and read[-1].tokens else None
        for sentence in read:
            _carry_back(found, sentence)
            found.append(sentence)
    return found


def _headline(sections: list[Section], position: int, sentences: int) -> bool:
    """Tell whether a section is the headline: named so, or a plain text's one-sentence first paragraph.

    A text of one paragraph (a lone sentence) has no headline.
    """
    section = sections[position]
    return section.name == "headline" or (
        position == 0 and section.name == "body" and sentences == 1 and len(sections) > 1
    )


def _quotation_paragraph(
    text: str, read: list[_Sentence], quotes: list[tuple[int, int]], opening: str | None
) -> bool:
    """Tell whether a paragraph is one quotation opened by ``opening`` and nothing else, with no cue.

    A quotation marked in another style than the speaker's (a straight quote
    after curly ones) is a different text, such as an embedded post.
    """
    if not read or text[read[0].start] != opening or any(sentence.attributions for sentence in read):
        return False
    close = dict(quotes).get(read[0].start, -1)
    return close >= read[-1].end - 1 and text[close - 1] in QUOTE_CLOSERS


def _opening_mark(text: str, raw: RawAttribution) -> str | None:
    """Return the quotation mark an attribution's content opens with, if it opens with one."""
    first = text[min(start for start, _ in raw.content)] if raw.content else ""
    return first if first in QUOTE_OPENERS else None


def _continue_quotations(
    text: str, read: list[_Sentence], quotes: list[tuple[int, int]], speaker: RawAttribution | None
) -> RawAttribution | None:
    """Give a speaker the quotation that follows their attributed one (“A,” she said. “B. C.”).

    The later quotation, up to its closing mark however many sentences it
    holds, becomes one more fragment of the speaker's content, as PolNeAR
    annotates it; every sentence inside it is carried by that attribution. A
    quotation that a later sentence attributes itself (“B,” he added) is left
    to that sentence. ``speaker`` is the one whose quotation closed the
    previous paragraph, continued by a paragraph that is all quotation; the
    speaker whose quotation may go on in the next paragraph is returned.
    """
    closes = dict(quotes)
    until = -1
    for index, sentence in enumerate(read):
        if sentence.attributions:
            speaker = _quoting(sentence.attributions, text)
            until = max((end for _, end in speaker.content), default=-1) if speaker is not None else -1
        elif speaker is not None and sentence.start < until:
            sentence.carried = speaker
        elif (
            speaker is not None and (close := _continuation_close(text, sentence, quotes, closes)) is not None
        ):
            if _claimed(read[index + 1 :], sentence.start, close):
                speaker = None
                continue
            speaker.content.append((sentence.start, _without_full_stop(text, sentence.start, close)))
            sentence.carried, until = speaker, close
        else:
            speaker = None
    return speaker


def _continuation_close(
    text: str, sentence: _Sentence, quotes: list[tuple[int, int]], closes: dict[int, int]
) -> int | None:
    """Find where a quotation that may continue the previous speaker's closes: None when there is none.

    It opens the sentence, or ends it after a short lead-in (``_quotation_to_end``).
    """
    if text[sentence.start] in QUOTE_OPENERS:
        return closes.get(sentence.start, sentence.end)
    return _quotation_to_end(text, sentence, quotes)


def _quotation_to_end(text: str, sentence: _Sentence, quotes: list[tuple[int, int]]) -> int | None:
    """Find where a quotation that ends the sentence after a few words of lead-in closes.

    (“A,” she said. But “B.”: the lead-in and quotation go on with her content.)
    A lead-in with a colon or a cue word introduces someone else's words
    (“Then she added: …”, “A sign read, …”); one longer than ``CONTINUATION_LEAD``
    words tells a story of its own. Returns None when there is no such quotation.
    """
    following = bisect_right(quotes, sentence.start, key=itemgetter(0))
    if following == len(quotes):
        return None
    start, close = quotes[following]
    if start >= sentence.end or close < sentence.end - 1 - (text[sentence.end - 1] in ".!?"):
        return None
    lead = text[sentence.start : start]
    words = WORD.findall(lead.lower())
    if ":" in lead or len(words) > CONTINUATION_LEAD or any(word in cues().verbs for word in words):
        return None
    return close


def _introduced(text: str, introducing: _Sentence, read: list[_Sentence]) -> bool:
    """Give the paragraph after "Lund continued:" to Lund, as that sentence's content, if it introduces one.

    Every sentence of the paragraph up to one with a cue of its own is carried
    by the introduction.
    """
    raw = introduction(introducing.tokens)
    if raw is None:
        return False
    start, end = read[0].start, read[-1].end
    raw.content = [(start, _without_full_stop(text, start, end))]
    introducing.attributions.append(raw)
    for sentence in read:
        if sentence.attributions:
            break
        sentence.carried = raw
    return True


def _continue_turn(text: str, read: list[_Sentence]) -> None:
    """Extend a transcript turn ("CLINTON: Honestly, … It's the toughest job…") to the sentences after it.

    A paragraph opened by a speaker's name and a colon is that speaker's turn:
    the content runs on until a sentence with a cue of its own or the end of
    the paragraph.
    """
    if len(read) < 2 or not read[0].attributions:
        return
    turn = read[0].attributions[0]
    if turn.cue is None or text[turn.cue[0] : turn.cue[1]] != ":" or turn.source is None or not turn.content:
        return
    if turn.source[0] != read[0].start:
        return
    last = None
    for sentence in read[1:]:
        if sentence.attributions or sentence.carried is not None:
            break
        sentence.carried, last = turn, sentence
    if last is not None:
        start, _ = turn.content[-1]
        turn.content[-1] = (start, _without_full_stop(text, start, last.end))


def _claimed(later: list[_Sentence], opening: int, close: int) -> bool:
    """Tell whether a sentence before ``close`` attributes the quotation opened at ``opening`` itself."""
    for sentence in later:
        if sentence.start >= close:
            return False
        if any(start <= opening for raw in sentence.attributions for start, _ in raw.content):
            return True
    return False


@cache
def _signal_words() -> frozenset[str]:
    """Words without which a sentence has no cue and no hedge: the test that spares tokenising it."""
    words = {word for word in trigger_words() | cue_model().vocabulary | hedge_words() if word.isalpha()}
    return frozenset(words)


def _worth_reading(sentence: str) -> bool:
    """Tell whether a sentence may hold a cue or a hedge (most sentences of a long article do not)."""
    if SIGNAL_MARK.search(sentence):
        return True
    if sentence.isascii():
        return not _ascii_signal_words().isdisjoint(sentence.encode().translate(ASCII_LOWER_LETTERS).split())
    return not _signal_words().isdisjoint(WORD.findall(sentence.lower()))


@cache
def _ascii_signal_words() -> frozenset[bytes]:
    """Encode the signal words an ASCII sentence can hold, as ``_worth_reading`` splits such a sentence."""
    return frozenset(word.encode() for word in _signal_words() if word.isascii())


def _carry_back(found: list[_Sentence], sentence: _Sentence) -> None:
    """Give earlier sentences of a quotation the attribution that closes it ("“A. B,” she said")."""
    for raw in sentence.attributions:
        opening = min((start for start, _ in raw.content), default=sentence.start)
        for earlier in reversed(found):
            if earlier.section != sentence.section or earlier.start < opening:
                break
            if not earlier.attributions and earlier.carried is None:
                earlier.carried = raw


def _quoting(attributions: list[RawAttribution], text: str) -> RawAttribution | None:
    """Return the last sourced attribution whose content holds a quotation later sentences may continue."""
    for raw in reversed(attributions):
        if raw.source is not None and any(
            text[start] in QUOTE_OPENERS or text[end - 1] in QUOTE_CLOSERS for start, end in raw.content
        ):
            return raw
    return None


def _without_full_stop(text: str, start: int, end: int) -> int:
    """End a continued quotation before a full stop outside the quotation marks."""
    return end - 1 if end - start > 1 and text[end - 1] in ".;" else end


def build_analysis(article: Article) -> AnalysisResult:
    """Run every extraction stage over ``article``.

    Claims and attributions are built from values valid by construction (spans
    of the text, ids made here), so they are not validated again.
    """
    text = article.text
    read = _read_sentences(article)
    parties = cited_parties(article)
    ranges = set(parties)
    speakers: dict[tuple[int, int], list[tuple[int, int]]] = {}
    said: dict[tuple[int, int], list[tuple[int, int]]] = {}
    leads: set[tuple[int, int]] = set()
    listeners: dict[int, tuple[int, int]] = {}
    for sentence in read:
        for raw in sentence.attributions:
            if raw.source is not None:
                speakers[raw.source] = coordinated(text, *raw.source)
                ranges.update(speakers[raw.source])
                for voice in speakers[raw.source]:
                    said.setdefault(voice, []).extend(raw.content)
                if len(speakers[raw.source]) > 1:
                    leads.add(speakers[raw.source][0])
            if raw.cited is not None:
                ranges.add(raw.cited)
            listener = _listener(text, raw)
            if listener is not None:
                listeners[id(raw)] = listener
                ranges.add(listener)
    described: dict[str, SourceDescription] = {}
    """One description per phrase: an article names the same source the same way many times."""
    drafts = []
    for start, end in sorted(ranges):
        phrase = text[start:end]
        if phrase not in described:
            described[phrase] = describe(phrase)
        draft = MentionDraft(start, end, phrase, described[phrase], said=tuple(said.get((start, end), ())))
        draft.leads_pair = (start, end) in leads
        drafts.append(draft)
    mentions, entities = source_entities(text, drafts)
    by_range = {(draft.start, draft.end): mention for draft, mention in zip(drafts, mentions, strict=True)}
    by_id = {entity.id: entity for entity in entities}
    builder = ChainBuilder(article, [_node(by_range[party], by_id) for party in parties])
    claims: list[Claim] = []
    chains: dict[tuple[str | None, ...], Chain] = {}
    attribution_count = 0
    for sentence in read:
        for start, end, raws in _split(text, sentence):
            attributions = []
            for raw in raws:
                voices_of: list[tuple[int, int] | None] = [None]
                if raw.source is not None:
                    voices_of = list(speakers[raw.source])
                for speaker in voices_of:
                    attribution_count += 1
                    source = by_range[speaker] if speaker is not None else None
                    attributions.append(_attribution(text, raw, source, f"A{attribution_count}"))
                if raw.cited is not None:
                    attribution_count += 1
                    attributions.append(
                        Attribution.trusted(
                            {
                                "id": f"A{attribution_count}",
                                "cue": span(text, *raw.citing) if raw.citing is not None else None,
                                "cue_kind": CueKind.CITING,
                                "source_id": by_range[raw.cited].id,
                                "content": attributions[-1].content,
                                "model_probability": None,
                            }
                        )
                    )
            covered = sentence.section not in UNCOVERED_SECTIONS
            voices = raws if sentence.carried is None else [sentence.carried]
            chain = _claim_chain(chains, builder, voices, by_range, speakers, listeners, by_id, covered)
            claims.append(
                Claim.trusted(
                    {
                        "id": f"C{len(claims) + 1}",
                        "span": span(text, start, end),
                        "text": _folded(_collapsed(text[start:end])),
                        "section": sentence.section,
                        "attributions": attributions,
                        "chain": chain,
                        "hedges": find_hedges(text, sentence.tokens, start, end),
                    }
                )
            )
    return AnalysisResult(
        article=article, publisher_chain=builder.outlet, sources=mentions, entities=entities, claims=claims
    )


def _collapsed(claim: str) -> str:
    """Join a claim's words with single spaces, sparing the split where it has no other white space.

    Every white space character but the space is unprintable, so a printable
    text without two spaces in a row has nothing to collapse but its ends.
    """
    if claim.isprintable() and "  " not in claim:
        return claim.strip()
    return " ".join(claim.split())


def _folded(claim: str) -> str:
    """Straighten curly quotation marks (a replacement per mark passes over text without one in C)."""
    for curly, straight in QUOTE_FOLD:
        claim = claim.replace(curly, straight)
    return claim


def _node(mention: SourceMention, by_id: dict[str, SourceEntity]) -> ChainNode:
    """Return the chain node for a mention: the entity it names, by its first mention's id."""
    entity = by_id[mention.entity_id or ""]
    return ChainNode.trusted({"name": entity.name, "type": entity.type, "source_id": entity.mention_ids[0]})


def _attribution(
    text: str, raw: RawAttribution, source: SourceMention | None, identifier: str
) -> Attribution:
    return Attribution.trusted(
        {
            "id": identifier,
            "cue": span(text, *raw.cue) if raw.cue is not None else None,
            "cue_kind": raw.kind,
            "source_id": source.id if source is not None else None,
            "content": [span(text, start, end) for start, end in raw.content],
            "model_probability": raw.learned,
        }
    )


def _claim_chain(
    chains: dict[tuple[str | None, ...], Chain],
    builder: ChainBuilder,
    raws: list[RawAttribution],
    by_range: dict[tuple[int, int], SourceMention],
    speakers: dict[tuple[int, int], list[tuple[int, int]]],
    listeners: dict[int, tuple[int, int]],
    by_id: dict[str, SourceEntity],
    covered: bool,
) -> Chain:
    main = next((raw for raw in raws if raw.source is not None), None)
    if main is None or main.source is None:
        return builder.inherited(covered)
    voices = [by_range[voice] for voice in speakers[main.source]]
    listener = by_range[listeners[id(main)]] if id(main) in listeners else None
    key = (
        str(covered),
        listener.id if listener else None,
        *(voice.id for voice in voices),
        by_range[main.cited].id if main.cited else None,
    )
    if key not in chains:
        path = [[_node(listener, by_id)]] if listener is not None else []
        path.append([_node(voice, by_id) for voice in voices])
        if main.cited is not None:
            path.append([_node(by_range[main.cited], by_id)])
        chains[key] = builder.attributed(path, covered)
    return chains[key]


@cache
def _relays() -> re.Pattern[str]:
    """Wire agencies and outlets by name, longest first, as whole words."""
    lexicon = sources()
    names = sorted(lexicon.wire_agencies | lexicon.outlets, key=len, reverse=True)
    return re.compile(r"\b(?:[Tt]he\s+)?(?:" + "|".join(re.escape(name) for name in names) + r")\b")


def _listener(text: str, raw: RawAttribution) -> tuple[int, int] | None:
    """Find the outlet a source spoke to ("told Reuters that", "said in an interview with the BBC").

    The outlet relays the source, so it is a hop of the chain between the
    publisher and the source.
    """
    if raw.cue is None or raw.source is None or not raw.content:
        return None
    opening = min(start for start, _ in raw.content)
    if opening <= raw.cue[1] or raw.source[0] > raw.cue[0]:
        return None
    found = _relays().search(text, raw.cue[1], opening)
    return found.span() if found is not None else None


def _split(text: str, sentence: _Sentence) -> list[tuple[int, int, list[RawAttribution]]]:
    """Split a sentence where an unattributed clause precedes an attributed one."""
    raws = sentence.attributions
    first = raws[0] if raws else None
    if first is not None and first.source is not None:
        extent = min(
            [first.source[0]] + [start for start, _ in first.content] + ([first.cue[0]] if first.cue else [])
        )
        head = text[sentence.start : extent]
        join = CLAUSE_JOIN.search(head)
        if (
            extent > sentence.start
            and join is not None
            and any(char.isalnum() for char in head[: join.start()])
        ):
            end = sentence.start + len(head[: join.start()].rstrip())
            return [(sentence.start, end, []), (extent, sentence.end, raws)]
    return [(sentence.start, sentence.end, raws)]
