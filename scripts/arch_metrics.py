"""Architecture figures of the package, for reviews of the code's shape.

    python scripts/arch_metrics.py [SRC]     (SRC defaults to src/eventwire)

Prints: the largest functions (lines), the functions of cyclomatic
complexity over 10 (needs ``radon``: ``pip install radon``; a development
tool, not a dependency), English words written as Python string literals in
the stage packages (knowledge that belongs in ``resources/``), imports of
another module's private names, and imports from one stage package into
another's internals.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

STAGES = ("actors", "events", "places", "dates", "counts", "quotes")
WORD = re.compile(r"^[a-z][a-z'\-]{2,}$")
# spaCy labels and other closed codes read as strings: syntax, not English knowledge
LABELS = re.compile(r"^(nsubj|nsubjpass|dobj|pobj|iobj|appos|attr|amod|compound|poss|prep|"
                    r"advcl|advmod|xcomp|ccomp|acl|relcl|conj|cc|det|aux|auxpass|neg|npadvmod|"
                    r"nummod|nmod|pcomp|dative|agent|acomp|oprd|mark|case|punct|parataxis|csubj|"
                    r"csubjpass|expl|intj|meta|predet|preconj|prt|quantmod|dep|root|flat|"
                    r"ascii|utf-8|strict|replace|ignore|text|span|name|country|sector|kind|"
                    r"person|organization|state|group|people|igo|city|admin1|feature)$")


def functions(tree):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node


def module_name(path: Path, src: Path) -> str:
    rel = path.relative_to(src.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def main(src: Path) -> None:
    files = sorted(p for p in src.rglob("*.py"))
    sizes, words, private, sideways = [], {}, [], []
    for path in files:
        tree = ast.parse(path.read_text("utf-8"))
        mod = module_name(path, src)
        pkg = mod.split(".")[1] if mod.count(".") >= 1 else ""
        for fn in functions(tree):
            sizes.append((fn.end_lineno - fn.lineno + 1, f"{mod}.{fn.name}"))
        if pkg in STAGES:
            doc_nodes = {id(n.body[0].value) for n in ast.walk(tree)
                         if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef,
                                           ast.AsyncFunctionDef))
                         and n.body and isinstance(n.body[0], ast.Expr)
                         and isinstance(n.body[0].value, ast.Constant)}
            for node in ast.walk(tree):
                if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                        and id(node) not in doc_nodes):
                    for w in node.value.split():
                        if WORD.match(w) and not LABELS.match(w):
                            words.setdefault(pkg, set()).add(w)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("eventwire"):
                target = node.module
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        private.append(f"{mod}: from {target} import {alias.name}")
                tpkg = target.split(".")[1] if target.count(".") >= 1 else ""
                if pkg in STAGES and tpkg in STAGES and tpkg != pkg:
                    sideways.append(f"{mod}: from {target} import "
                                    + ", ".join(a.name for a in node.names))
    sizes.sort(reverse=True)
    print("largest functions (lines):")
    for n, name in sizes[:12]:
        print(f"  {n:5d}  {name}")
    try:
        from radon.complexity import cc_visit
    except ImportError:
        print("complexity: install radon to measure")
    else:
        over = []
        for path in files:
            for block in cc_visit(path.read_text("utf-8")):
                if block.complexity > 10 and block.letter in ("F", "M"):
                    over.append((block.complexity, f"{module_name(path, src)}.{block.name}"))
        over.sort(reverse=True)
        print(f"functions over complexity 10: {len(over)}; highest: "
              + ", ".join(f"{n} ({c})" for c, n in over[:5]))
    total = sum(len(v) for v in words.values())
    print(f"English words as string literals in stage packages: {total} "
          + " ".join(f"{k}={len(v)}" for k, v in sorted(words.items())))
    print(f"imports of private names: {len(private)}")
    for line in private:
        print("  " + line)
    print(f"sideways imports between stage packages: {len(sideways)}")
    for line in sideways:
        print("  " + line)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "src/eventwire").resolve())
