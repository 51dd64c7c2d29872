"""``eventwire schema``: print the JSON Schema of the per-article document."""

from __future__ import annotations

import json


def register(sub) -> None:
    p = sub.add_parser("schema", help="print the JSON Schema of the output document")
    p.set_defaults(func=run)


def run(args) -> int:
    from eventwire.schema import load_schema

    print(json.dumps(load_schema(), indent=2))
    return 0
