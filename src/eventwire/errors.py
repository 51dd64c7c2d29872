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

    def __init__(self, where: str, problem: str, hint: str = "") -> None:
        self.where = where
        self.problem = problem
        self.hint = hint
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
