"""Line and column numbers from character offsets.

Offsets in every span are into ``Article.text`` (decoded code points), so
columns count code points, not bytes: a claim after "Zürich — " is placed where
an editor shows it. CR LF, lone LF and lone CR all end a line, as SARIF
specifies, so a file saved on Windows gets the same line numbers as on Linux.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from provenance.check.models import Region

LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Maps offsets of one text to positions in O(log lines) after one pass over the text."""

    def __init__(self, text: str) -> None:
        self._length = len(text)
        self._starts = [0, *(match.end() for match in LINE_BREAK.finditer(text))]
        self._ends = [*(match.start() for match in LINE_BREAK.finditer(text)), len(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of ``offset`` (inside a line break, it stays on its line)."""
        offset = min(max(offset, 0), self._length)
        line = bisect_right(self._starts, offset) - 1
        if offset > self._ends[line]:
            offset = self._ends[line]
        return line + 1, offset - self._starts[line] + 1

    def region(self, start: int, end: int) -> Region:
        """Region of the half-open range ``[start, end)``."""
        start_line, start_column = self.position(start)
        end_line, end_column = self.position(max(start, end))
        return Region(
            start_line=start_line, start_column=start_column, end_line=end_line, end_column=end_column
        )
