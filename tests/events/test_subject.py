"""A comma-set participle belongs to the main clause's subject, not to an object."""

from __future__ import annotations

from eventwire.model import Article
from eventwire.pipeline import process_batch


def _events(pipeline, text):
    (doc,) = process_batch([Article(id="p", text=text, date="2024-05-12")], pipeline)
    return doc.events


def test_accusing_after_an_order_is_the_government_accusing(pipeline):
    evs = _events(pipeline, "Mali's military government ordered the French ambassador to "
                  "leave the country within 72 hours on Sunday, accusing Paris of arming "
                  "separatist rebels in the north.")
    acc = [e for e in evs if e.event == "ACCUSE"]
    assert acc and acc[0].source[0].country == "MLI"
    assert acc[0].target[0].country == "FRA"


def test_object_control_still_holds_without_the_comma(pipeline):
    evs = _events(pipeline, "The United Nations urged Ethiopia to withdraw its troops "
                  "from the border.")
    req = [e for e in evs if e.event == "REQUEST"]
    assert req and req[0].source[0].igo == "UN" and req[0].target[0].country == "ETH"
    # the requested withdrawal is not coded as if it had happened
    assert not [e for e in evs if e.event == "RETREAT" and e.modality == "asserted"]
