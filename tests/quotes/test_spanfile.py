"""SpanFile: drafts found by the text they cover, without reading them all."""

from __future__ import annotations

from eventwire.quotes.draft import SpanFile


def test_near_finds_every_span_that_touches_and_keeps_draft_order():
    filed = SpanFile()
    spans = [(10, 50), (1990, 2010), (4500, 9000), (12, 13), (7000, 7001)]
    for n, (s, e) in enumerate(spans):
        filed.add(n, s, e)
    for start, end in [(0, 20), (2005, 2006), (8000, 8100), (6999, 7002), (20000, 20100),
                       (1999, 2001), (45, 4600)]:
        touching = [n for n, (s, e) in enumerate(spans) if s < end and e > start]
        found = filed.near(start, end)
        assert found == sorted(found)
        assert set(touching) <= set(found)
    assert filed.near(20000, 20100) == []
