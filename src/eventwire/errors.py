"""The exception tree. Every user-facing error names its input and what to do."""

from __future__ import annotations


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""


class UsageError(EventwireError):
    """The command line asked for something impossible (exit code 2)."""


class InputError(EventwireError):
    """One input (a file, a line, a record) could not be read.

    ``where`` names the input ("news.jsonl:12", "record 'a7'"), ``hint`` says
    what the user can do about it.
    """

    def __init__(self, where: str, problem: str, hint: str = "",
                 reason: str | None = None) -> None:
        self.where = where
        self.problem = problem
        self.hint = hint
        # a short class of problem for summaries ("too big", "unknown type")
        self.reason = reason or reason_of(problem)
        msg = f"{where}: {problem}"
        if hint:
            msg += f" ({hint})"
        super().__init__(msg)


class ModelError(EventwireError):
    """The spaCy model is missing or broken."""


class StoreError(EventwireError):
    """The database could not be opened or written."""


class ScaleError(EventwireError):
    """The workers or the cluster the job was to run on could not be used."""


# problem words -> the reason a summary counts it under, tried in order
_REASONS = (
    ("unknown input type", "unknown type"), ("unknown type", "unknown type"),
    ("nested", "too deeply nested"), ("over the", "too big"), ("over ", "too big"),
    ("too long", "too big"), ("empty", "empty"), ("binary", "binary"),
    ("no such file", "missing"), ("cannot read", "unreadable"),
    ("symbolic link", "link"), ("utf-8", "bad encoding"), ("encoding", "bad encoding"),
    ("json", "broken JSON"), ("csv", "broken CSV"), ("html", "no article text"),
    ("feed", "bad feed"), ("warc", "bad WARC"), ("gzip", "broken gzip"),
    ("time budget", "time budget"), ("processing failed", "processing failed"),
    ("stored", "not stored"), ("date", "bad date"),
)


def reason_of(problem: str) -> str:
    """The summary class of a problem message.

    >>> reason_of("file is over 4,000,000 bytes, too long for one article")
    'too big'
    """
    low = problem.lower()
    for words, reason in _REASONS:
        if words in low:
            return reason
    return "bad record"


class Interrupted(KeyboardInterrupt):
    """A signal asked the run to stop (SIGTERM is handled like Ctrl-C)."""

    def __init__(self, signum: int, name: str) -> None:
        super().__init__(name)
        self.signum = signum
        self.name = name
