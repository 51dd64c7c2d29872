"""Generalisation: news-style sentences written for eventwire (not taken from the dev set),
one annotated event each, in the PLOVER gold format, scored with the dev-set rule.

``generalise.jsonl`` (147 sentences over the 16 types) was written first and used to
find and fix classes of misses; ``generalise_b.jsonl`` (83) and ``generalise_c.jsonl``
(56, weighted to COERCE/RETREAT/ASSAULT) were each written afterwards and measured once
before any fix they suggested; ``generalise_d.jsonl`` (55) was written after all fixes
and left unfixed, so its figure is the proxy for held-out sentences (docs/evaluation.md)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from eventwire.evaluate.plover import evaluate, format_report
from eventwire.model import PLOVER_TYPES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "events"

# floors a little under the measured figures: accuracy may only go up
# measured (docs/evaluation.md): A 0.990 / 0.871, B 0.956 / 0.819, C 0.885 / 0.518, D 0.962 / 0.782.
# B and C were each measured once as first written, before the fixes they suggested
# (B 0.851 / 0.626, C 0.780 / 0.321): those first figures are the held-out proxy
FLOORS = {
    # 0.85 -> 0.81 in session 10: place_actors gives an untargeted protest, seizure
    # or accusation its place ("farmers protested in Paris" -> FRA, "the ICC opened an
    # investigation into war crimes in Burundi" -> BDI); five rows of A leave such a
    # target empty, where expert coders named the place's country in about two cases
    # of three (data/place_actors/, docs/evaluation.md session 10)
    # GEN-COERCE-126 ("a court jailed the opposition leader for eleven years") is
    # SANCTION since session 12: PLOVER's codebook puts being "sentenced ... via
    # court-order" under SANCTION convict; the row had it as an arrest
    "generalise.jsonl": (0.97, 0.81),
    "generalise_b.jsonl": (0.93, 0.80),
    "generalise_c.jsonl": (0.86, 0.50),
    # written after all fixes and measured once, never fixed after: the current proxy
    "generalise_d.jsonl": (0.94, 0.75),
}


def test_fixtures_cover_every_type():
    for name in FLOORS:
        rows = [json.loads(x) for x in (FIXTURES / name).read_text().splitlines() if x]
        counts = Counter(r["event"] for r in rows)
        assert set(counts) == set(PLOVER_TYPES), set(PLOVER_TYPES) - set(counts)
        for r in rows:  # the marked trigger is in the sentence
            assert "(EVT: " in r["textInfo"]["markup"]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_generalisation_floor(pipeline, name):
    report = evaluate(FIXTURES / name, pipeline)
    f1_floor, tst_floor = FLOORS[name]
    assert report["event_type"]["f1"] >= f1_floor, format_report(report, 60)
    assert report["event_source_target_accuracy"] >= tst_floor, format_report(report, 60)
