"""The docs name only what exists (after sqlite-utils' and datasette's
``tests/test_docs.py``): every ``eventwire COMMAND`` and every ``--option``
shown in README.md and docs/*.md is in the command-line parser, every ``make
TARGET`` is in the Makefile, and every repository path in backticks exists.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from eventwire.cli import build_parser

REPO = Path(__file__).resolve().parents[1]
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
# where a path written in the docs may be relative to
ROOTS = [REPO, REPO / "src", REPO / "src" / "eventwire", REPO.parent / "shared",
         REPO.parent / "shared" / "eval"]
PATH_SUFFIXES = (".py", ".md", ".tsv", ".json", ".jsonl")
# Broken references known and accepted for now (each marked xfail, strict: it
# fails loudly once fixed, so the list only shrinks). Empty: keep it so.
KNOWN_BROKEN: dict[str, str] = {}

_FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.S | re.M)
_INLINE = re.compile(r"`([^`\n]+)`")


def _code(text: str) -> list[str]:
    """The code in a Markdown text: each line of a fenced block, each inline span."""
    out = [ln for block in _FENCE.findall(text) for ln in block.splitlines()]
    return out + _INLINE.findall(_FENCE.sub("", text))


def _spans(text: str) -> list[str]:
    return _INLINE.findall(_FENCE.sub("", text))


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    for action in parser._actions:  # argparse keeps its subparsers here
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("the eventwire parser has no subcommands")


def _options(parser: argparse.ArgumentParser) -> set[str]:
    return {opt for action in parser._actions for opt in action.option_strings}


def _make_targets() -> set[str]:
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z][\w-]*):", text, re.M))


def _refs(kind: str) -> list[tuple[str, str]]:
    """(doc name, reference) pairs of one kind, in document order."""
    out: list[tuple[str, str]] = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        name = doc.relative_to(REPO).as_posix()
        for ref in _FINDERS[kind](text):
            if (name, ref) not in out:
                out.append((name, ref))
    return out


def _commands(text: str) -> list[str]:
    """``eventwire CMD --opt ...`` as "CMD --opt --other" (options on the same
    code line, up to a shell comment or pipe)."""
    out = []
    for line in _code(text):
        for m in re.finditer(r"(?<![\w./-])eventwire\s+([a-z][a-z-]*)([^#|;]*)", line):
            opts = re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", m.group(2))
            out.append(" ".join([m.group(1), *opts]))
    return out


def _lone_options(text: str) -> list[str]:
    """An inline span that is an option (``--batch-size``, ``--format json``)."""
    return [m.group(1) for span in _spans(text)
            if (m := re.match(r"(--[a-z][a-z0-9-]*)(?:[ =]\S*)*$", span.strip()))]


def _makes(text: str) -> list[str]:
    return [t for line in _code(text) for t in re.findall(r"(?<![\w-])make\s+([a-z][\w-]*)",
                                                        line)]


def _paths(text: str) -> list[str]:
    """Backticked repository paths: a whole span, or a script a command runs."""
    out = []
    for span in _spans(text):
        words = span.split()
        cands = words if words and words[0] in ("python", "pytest", ".venv/bin/python") \
            else ([span.strip()] if len(words) == 1 else [])
        out += [w.rstrip(".,;:") for w in cands if _looks_like_path(w.rstrip(".,;:"))]
    return out


def _looks_like_path(word: str) -> bool:
    if word.startswith(("../shared", "http", "-", ".")) or "://" in word:
        return False
    if not ("/" in word or word.endswith(PATH_SUFFIXES)):
        return False
    if re.search(r"[<>{}|$=()\[\]]", word):  # a pattern or an expression, not a path
        return False
    parts = [p for p in re.split(r"[/.]", word) if p]
    # a placeholder (FILE, X, SRC/TAR) stands for a path the reader picks
    return not any(p.isupper() or p == "X" for p in parts)


def _names(text: str) -> list[str]:
    """Backticked dotted names of the package (``eventwire.jobs.ingest.ingest``)."""
    return [span for span in _spans(text) if re.fullmatch(r"eventwire(\.\w+)+", span)]


_FINDERS = {"commands": _commands, "options": _lone_options, "makes": _makes,
            "paths": _paths, "names": _names}


def _exists(path: str) -> bool:
    if "*" in path:
        return any(any(root.glob(path)) for root in ROOTS if root.is_dir())
    if any((root / path).exists() for root in ROOTS):
        return True
    if "/" not in path:  # a bare file name: some file of ours or of the eval data has it
        return any(any(root.rglob(path)) for root in (REPO / "src", REPO / "tests",
                                                      REPO.parent / "shared" / "eval")
                   if root.is_dir())
    return False


def _xfail_known(pairs):
    return [pytest.param(d, r, marks=pytest.mark.xfail(reason=KNOWN_BROKEN[r], strict=True))
            if r in KNOWN_BROKEN else (d, r) for d, r in pairs]


@pytest.mark.parametrize("doc, ref", _refs("commands"))
def test_commands_and_their_options_exist(doc, ref):
    name, *opts = ref.split()
    commands = _subcommands()
    assert name in commands, f"{doc}: `eventwire {name}` is not a command"
    missing = [o for o in opts if o not in _options(commands[name])]
    assert not missing, f"{doc}: `eventwire {name}` has no option {', '.join(missing)}"


@pytest.mark.parametrize("doc, ref", _refs("options"))
def test_options_named_alone_exist(doc, ref):
    known = set().union(*(_options(p) for p in _subcommands().values()))
    assert ref in known, f"{doc}: no eventwire command has the option {ref}"


@pytest.mark.parametrize("doc, ref", _refs("makes"))
def test_make_targets_exist(doc, ref):
    assert ref in _make_targets(), f"{doc}: `make {ref}` is not a Makefile target"


@pytest.mark.parametrize("doc, ref", _xfail_known(_refs("paths")))
def test_paths_exist(doc, ref):
    ours = ref.startswith(("src/", "tests/", "docs/", "benchmarks/", "scripts/", "eventwire/"))
    if not ours and not _exists(ref) and not (REPO.parent / "shared").is_dir():
        pytest.skip("may be a path of ../shared/eval, which is not here")
    assert _exists(ref), f"{doc}: `{ref}` does not exist"


@pytest.mark.parametrize("doc, ref", _xfail_known(_refs("names")))
def test_dotted_names_exist(doc, ref):
    import importlib

    parts = ref.split(".")
    for i in range(len(parts), 0, -1):  # the longest importable module, then attributes
        module = ".".join(parts[:i])
        try:
            obj = importlib.import_module(module)
        except ModuleNotFoundError as exc:  # only "no such module", not a broken import
            if exc.name is None or not (module + ".").startswith(exc.name + "."):
                raise
            continue
        for attr in parts[i:]:
            assert hasattr(obj, attr), f"{doc}: `{ref}` does not exist"
            obj = getattr(obj, attr)
        return
    pytest.fail(f"{doc}: `{ref}` does not exist")


def test_the_docs_are_checked():
    """The finders see the docs' references (a broken regex finds nothing)."""
    assert len(_refs("commands")) >= 10 and len(_refs("makes")) >= 3
    assert len(_refs("paths")) >= 10 and len(_refs("options")) >= 5
