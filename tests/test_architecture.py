"""The architecture's rules, checked on the code itself.

- the stage table in docs/architecture.md is the default pipeline's;
- no module imports another module's private names;
- a stage package imports no other stage package (shared helpers live in nlp/);
- the store does not run the pipeline (jobs do).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src" / "eventwire"
STAGE_PACKAGES = ("actors", "events", "places", "dates", "counts", "quotes")


def _imports():
    """(importing module, imported module, imported names) for every eventwire import."""
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC.parent).with_suffix("")
        mod = ".".join(p for p in rel.parts if p != "__init__")
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and \
                    node.module.startswith("eventwire"):
                yield mod, node.module, [a.name for a in node.names]
            elif isinstance(node, ast.Import):
                for a in node.names:
                    if a.name.startswith("eventwire"):
                        yield mod, a.name, []


def _package(mod: str) -> str:
    parts = mod.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_the_documented_stage_table_is_the_pipeline():
    from eventwire.pipeline import PipelineError, check_order, default_stages

    stages = default_stages()
    check_order(stages)
    doc = (REPO / "docs" / "architecture.md").read_text("utf-8")
    table = doc.split("<!-- stages:start -->")[1].split("<!-- stages:end -->")[0]
    rows = [ln for ln in table.splitlines() if ln.startswith("| `")]

    def cells(s):
        return ", ".join(f"`{x}`" for x in s)
    expected = [f"| `{s.name}` | `{type(s).__module__}.{type(s).__name__}` | "
                f"{cells(s.requires)} | {cells(s.assigns)} |" for s in stages]
    assert rows == expected
    with pytest.raises(PipelineError):
        check_order(list(reversed(stages)))


def test_no_module_imports_private_names():
    private = [f"{mod}: {name} from {target}" for mod, target, names in _imports()
               for name in names if name.startswith("_") and not name.startswith("__")]
    assert private == []


def test_stage_packages_do_not_import_each_other():
    sideways = [f"{mod} imports {target}" for mod, target, _ in _imports()
                if _package(mod) in STAGE_PACKAGES and _package(target) in STAGE_PACKAGES
                and _package(target) != _package(mod)]
    assert sideways == []


def test_the_store_only_stores():
    runs = [f"{mod} imports {target}" for mod, target, _ in _imports()
            if _package(mod) == "store" and re.match(r"eventwire\.(pipeline|jobs)\b", target)]
    assert runs == []
