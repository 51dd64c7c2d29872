"""The learned event-type model (eventwire.events.typemodel) and its training script.

Sentences and stories written for these tests (none from an evaluation set).
"""

from __future__ import annotations

import csv
import json

import pytest

from eventwire.events.typemodel import features, load_type_model
from eventwire.model import PLOVER_TYPES


@pytest.fixture(scope="module")
def events_pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline(until="events")


def _strike(pipeline, text):
    evs = [e for e in pipeline.run(text).events if "strike" in e.trigger_text]
    assert evs, text
    return evs[0]


def test_shipped_model_scores_every_type():
    m = load_type_model()
    assert set(m.classes) == set(PLOVER_TYPES)
    assert len(m.matrix) == len(m.rows) * len(m.classes)


@pytest.mark.parametrize("text", [
    "Dock workers in Chile began a strike over wages and pensions.",
    "Miners in Zambia began a strike over unpaid wages, the union said.",
    "Rail workers in France began a strike against the pension reform.",
])
def test_workers_strike_reads_as_protest(events_pipeline, text):
    ev = _strike(events_pipeline, text)
    p = load_type_model().probabilities(ev)
    assert abs(sum(p.values()) - 1.0) < 1e-6
    assert max(p, key=p.get) == "PROTEST" and p["PROTEST"] > 3 * p["ASSAULT"]
    assert "w=worker" in features(ev) or "w=miner" in features(ev)


@pytest.mark.parametrize("text", [
    "Israeli jets carried out a strike on a weapons depot near Damascus.",
    "The Turkish air force carried out a strike on militant camps in Iraq.",
    "Saudi warplanes carried out a strike on a rebel base in Yemen.",
])
def test_air_strike_reads_as_assault(events_pipeline, text):
    p = load_type_model().probabilities(_strike(events_pipeline, text))
    assert max(p, key=p.get) == "ASSAULT" and p["ASSAULT"] > 3 * p["PROTEST"]


STORIES = {
    "PROTEST": ["Thousands of {who} marched through {city} on Sunday to protest against the "
                "new fuel taxes, chanting slogans outside parliament.",
                "{who} rallied in {city} to protest the closure of local hospitals."],
    "ASSAULT": ["Gunmen attacked a police post in {city} on Sunday, killing four officers, "
                "officials said.",
                "Militants bombed a market in {city}, killing a dozen {who}."],
}


def test_training_script_is_reproducible(tmp_path):
    pytest.importorskip("sklearn")
    import train_type_model

    path = tmp_path / "stories.csv"
    with path.open("w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["text", "title", "label", "mode"])
        w.writeheader()
        for label, texts in STORIES.items():
            for k, city in enumerate(["Lagos", "Quito", "Dhaka", "Lima", "Accra", "Hanoi"]):
                for j, t in enumerate(texts):
                    w.writerow({"text": t.format(who="farmers" if k % 2 else "students",
                                                 city=city),
                                "title": f"{label} story {k} {j}", "label": label, "mode": ""})
    outs = []
    for n in (1, 2):
        out = tmp_path / f"model{n}.json"
        assert train_type_model.main(["--stories", str(path), "--out", str(out)]) == 0
        outs.append(json.loads(out.read_text()))
    assert outs[0]["weights"] == outs[1]["weights"]
    assert set(outs[0]["classes"]) == {"PROTEST", "ASSAULT"}
    assert "w=market" in outs[0]["weights"] or "t=bomb" in outs[0]["weights"]
