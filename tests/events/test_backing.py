"""Who backs an act ("with the blessing of X") is on the doer's side, never the
target (events/roles.py, class ``backing`` of resources/events/classes.tsv); sentences
written for the test."""

from __future__ import annotations

import pytest

from eventwire.model import Article


def _events(pipeline, text):
    return pipeline.run(Article(id="b", text=text, date="2024-03-04")).events


@pytest.mark.parametrize("text, kind, backer", [
    ("The regime in Minsk organised the attack on the border with the blessing of the "
     "Kremlin.", "ASSAULT", "RUS"),
    ("Militiamen launched an assault on the village with the backing of Rwanda.",
     "ASSAULT", "RWA"),
    ("Rebel fighters ambushed a convoy with the help of Sudanese soldiers.", "ASSAULT", "SDN"),
])
def test_the_backer_of_an_act_is_not_its_target(pipeline, text, kind, backer):
    evs = _events(pipeline, text)
    assert evs, "the act should be coded"
    if kind:
        assert any(ev.event == kind for ev in evs)
    assert all(backer not in {a.country for a in ev.target} for ev in evs)


def test_fighting_with_someone_still_names_them(pipeline):
    evs = _events(pipeline, "Government forces clashed with Tuareg rebels near the "
                            "Algerian border.")
    assert [ev.event for ev in evs] == ["ASSAULT"]
    assert [a.sector for a in evs[0].target] == ["REB"]

