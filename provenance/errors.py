"""User-facing errors: one place for stable codes, messages and exit statuses.

Every failure a user can cause (bad input, bad config, bad URL) is raised as a
``ProvenanceError`` below the CLI and turned into a single line plus an exit
status by the CLI; nothing else in the package prints or exits.
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """Exit codes shared with linters (ruff, sqlfluff, Vale), plus one for unreadable input."""

    OK = 0
    FINDINGS = 1
    USAGE = 2
    INPUT = 3
    INTERRUPTED = 130
    """Stopped by Ctrl-C (128 + SIGINT, as shells report it); no partial output file is left behind."""
    TERMINATED = 143
    """Stopped by SIGTERM (128 + 15: ``kill``, ``timeout``, a CI runner, a container stop), as for Ctrl-C."""
    INTERNAL = 70
    """A bug in provenance itself (``EX_SOFTWARE`` from BSD ``sysexits.h``), never the user's input."""


class ProvenanceError(Exception):
    """An error the user can act on: a stable code, the file or URL concerned, and the problem."""

    code = "PRV-E000"
    exit_status = ExitStatus.USAGE

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem

    def one_line(self) -> str:
        """Format the message as printed: ``error[CODE]: WHERE: PROBLEM`` on one line (no WHERE if empty)."""
        text = (
            f"error[{self.code}]: {self.where}: {self.problem}"
            if self.where
            else f"error[{self.code}]: {self.problem}"
        )
        return " ".join(text.split())


class UsageError(ProvenanceError):
    """The command line itself is wrong: a missing argument, an unknown option or command, a bad value."""

    code = "PRV-E001"


class InputError(ProvenanceError):
    """An article could not be read: missing, empty, binary, undecodable or too large."""

    code = "PRV-E100"
    exit_status = ExitStatus.INPUT


class FetchError(InputError):
    """A URL could not be fetched safely (refused address, timeout, size, type, HTTP status)."""

    code = "PRV-E200"


class UnsafeURLError(FetchError):
    """A URL is refused before any request: not http(s), or it resolves to a non-public address."""

    code = "PRV-E201"


class FetchTimeoutError(FetchError):
    """The server was too slow: the connect, read or total time limit ran out."""

    code = "PRV-E202"


class FetchTooLargeError(FetchError):
    """The body (after content decoding) grew past the download limit."""

    code = "PRV-E203"


class FetchContentTypeError(FetchError):
    """The page is not HTML or plain text (a PDF, an image, a binary download…)."""

    code = "PRV-E204"


class FetchStatusError(FetchError):
    """The server answered with an HTTP error status (404, 500, a 429 that outlasted the retries…)."""

    code = "PRV-E205"


class FetchRedirectError(FetchError):
    """Too many redirects, or a redirect without a usable target."""

    code = "PRV-E206"


class FetchConnectionError(FetchError):
    """The server could not be reached (DNS failure, refused or reset connection) after retries."""

    code = "PRV-E207"


class ConfigError(ProvenanceError):
    """A config file or option is invalid (unknown key, unknown rule id, bad value)."""

    code = "PRV-E300"
    exit_status = ExitStatus.USAGE


class RuleFileError(ConfigError):
    """A rule file is malformed; the message names the file and, where known, the line."""

    code = "PRV-E301"


class InternalError(ProvenanceError):
    """An unexpected exception: a bug to report, shown as one line instead of a traceback."""

    code = "PRV-E900"
    exit_status = ExitStatus.INTERNAL

    @classmethod
    def of(cls, exc: BaseException, where: str = "") -> InternalError:
        """Describe ``exc`` by its type and message, for a user to paste into a bug report."""
        detail = " ".join(str(exc).split()) or "no message"
        return cls(where, f"internal error: {type(exc).__name__}: {detail} (please report this)")
