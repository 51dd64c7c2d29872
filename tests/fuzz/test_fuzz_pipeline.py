"""Property-based hostile text through the whole pipeline (hypothesis).

Generated texts: random Unicode (every category hypothesis draws, control
characters included), news sentences with invisible marks and control bytes
sprinkled in, huge tokens, long coordinated lists, deeply nested quotes, and
mixes of them (sizes kept to what 10,000 examples can run through in about an
hour; ``tests/test_hostile_pipeline.py`` covers a 1,500-deep list and long
texts). For each: no crash (no "processing failed"), the document
validates against the schema, every span lies inside the text and matches
its evidence, and the process's peak memory stays bounded. A second property
feeds hostile batches to the store and checks that nothing stored is lost.

``make test`` runs a small, fixed sample (``EVENTWIRE_FUZZ_TEXTS``, default
10 texts, and 2 store batches); ``make fuzz`` runs 10,000 generated texts (and
10 store batches).
"""

from __future__ import annotations

import json
import os
import resource
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.model import Article
from eventwire.schema import span_errors, validate_document

# texts generated in all; a long run draws them ten to an example and codes
# each example's texts as one batch (as a job does), a short one two
TEXTS = int(os.environ.get("EVENTWIRE_FUZZ_TEXTS", "10"))
PER_EXAMPLE = 10 if TEXTS > 100 else 2
EXAMPLES = max(1, TEXTS // PER_EXAMPLE)
# a small sample is fixed (the same texts every run); a big run explores
SETTINGS = dict(deadline=None, database=None, derandomize=TEXTS <= 100,
                suppress_health_check=list(HealthCheck))
# peak resident memory allowed for the test process (the model, the
# gazetteer and one article at a time fit well under it)
MAX_RSS_MB = int(os.environ.get("EVENTWIRE_FUZZ_MAX_RSS_MB", "3000"))

# sentences of the kind the pipeline codes, written for these tests
SENTENCES = [
    "Government troops shelled rebel positions near the town of Kadugli on Sunday.",
    "Egyptian police arrested dozens of protesters in Cairo, witnesses said.",
    "The Kenyan president urged Ethiopia to release the detained journalists.",
    "“We will not negotiate under fire,” the rebel commander told reporters.",
    "NAIROBI, June 9 (Wire) - Opposition supporters marched on parliament.",
    "Talks between the two governments resumed in Geneva after a month.",
    "Militants attacked a police station in the north, killing three officers.",
    "The foreign minister said the embassy would stay closed.",
]
NAMES = ["Homs", "Hama", "Aleppo", "Cairo", "Nairobi", "Kabul", "Sudan", "the army",
         "Ahmed Ali", "the United Nations", "rebels", "police", "Mombasa", "Khartoum"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202e",
             "\u2066", "\u2069", "\u2060", "\ufeff", "\u00ad", "\x1b[31m", "\x1b[0m",
             "\x00", "\x01", "\x07", "\x1b", "\x7f", "\x85", "\x9b"]
QUOTES = ["\"", "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb"]

sentence = st.sampled_from(SENTENCES)


@st.composite
def sprinkled(draw):
    """A news sentence with invisible marks and control bytes inserted."""
    text = draw(sentence)
    for _ in range(draw(st.integers(1, 12))):
        i = draw(st.integers(0, len(text)))
        text = text[:i] + draw(st.sampled_from(INVISIBLE)) + text[i:]
    return text


@st.composite
def huge_token(draw):
    n = draw(st.integers(200, 8_000))
    unit = draw(st.sampled_from(["x", "ab", "9", "-", "http://a.b/", "Ω", "\u0301", "a\u200b"]))
    word = (unit * (n // len(unit) + 1))[:n]
    return f"{draw(sentence)} {word} {draw(sentence)}"


@st.composite
def coordination(draw):
    n = draw(st.integers(2, 300))
    items = draw(st.lists(st.sampled_from(NAMES), min_size=n, max_size=n))
    sep = draw(st.sampled_from([", ", " and ", "; ", ", and "]))
    verb = draw(st.sampled_from(["Troops shelled positions in", "Police arrested",
                                 "The minister met"]))
    return f"{verb} {sep.join(items)} on Monday."


@st.composite
def deep_quotes(draw):
    n = draw(st.integers(1, 200))
    marks = draw(st.lists(st.sampled_from(QUOTES), min_size=n, max_size=n))
    inner = draw(sentence)
    said = draw(st.sampled_from(["", " he said ", " said the minister, "]))
    return "".join(m + said for m in marks) + inner + "".join(reversed(marks)) + "."


random_unicode = st.text(st.characters(), max_size=300)
hostile_text = st.one_of(
    random_unicode, sprinkled(), huge_token(), coordination(), deep_quotes(),
    st.lists(st.one_of(sentence, sprinkled(), random_unicode, deep_quotes()),
             min_size=2, max_size=6).map("\n\n".join),
).filter(lambda t: t.strip() != "")


def _max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def check_document(doc, text: str) -> None:
    """What every document of a hostile text must satisfy."""
    failed = [e for e in doc.errors if e.startswith("processing failed")]
    assert not failed, failed
    d = doc.to_dict()
    validate_document(d)
    assert span_errors(d, text) == []
    n = len(text)
    for ev in d["events"]:
        spans = [ev["trigger"]["span"]] + [a["span"] for a in ev["source"] + ev["target"]]
        if ev["location"] and ev["location"]["span"]:
            spans.append(ev["location"]["span"])
        for s, e in spans:
            assert 0 <= s <= e <= n
    for q in d["quotes"]:
        assert 0 <= q["span"][0] <= q["span"][1] <= n


_done = [0]


@settings(max_examples=EXAMPLES, **SETTINGS)
@given(texts=st.lists(hostile_text, min_size=PER_EXAMPLE, max_size=PER_EXAMPLE))
def test_hostile_text_never_crashes_the_pipeline(pipeline, texts):
    arts = [Article(id=f"fuzz{i}", text=t, date="2024-05-06") for i, t in enumerate(texts)]
    docs = list(pipeline.process(arts))
    assert [d.id for d in docs] == [a.id for a in arts]
    for doc, text in zip(docs, texts):
        check_document(doc, text)
    assert _max_rss_mb() < MAX_RSS_MB
    _done[0] += len(texts)
    if TEXTS > 100 and _done[0] % 100 == 0:  # a long run says how far it is
        sys.__stderr__.write(f"fuzz: {_done[0]} texts, peak {_max_rss_mb():.0f} MB\n")
        sys.__stderr__.flush()


@pytest.fixture(scope="module")
def base_store(tmp_path_factory, pipeline):
    """A store holding two good articles before any hostile input arrives."""
    from eventwire.jobs.ingest import ingest
    from eventwire.store import Store

    tmp = tmp_path_factory.mktemp("fuzzstore")
    src = tmp / "base.jsonl"
    src.write_text("".join(json.dumps({"id": f"base{i}", "text": t, "date": "2024-05-06"})
                           + "\n" for i, t in enumerate(SENTENCES[:2])), encoding="utf-8")
    store = Store(tmp / "fuzz.duckdb")
    report = ingest([str(src)], store, pipeline_factory=lambda: pipeline)
    assert report.added == 2 and report.events >= 2
    before = store.query("SELECT article_id, external_id FROM articles ORDER BY article_id")
    events = store.scalar("SELECT count(*) FROM events")
    yield store, tmp, before, events
    store.close()


@settings(max_examples=max(2, TEXTS // 1000), **SETTINGS)
@given(texts=st.lists(hostile_text, min_size=1, max_size=3))
def test_hostile_batches_never_lose_what_is_stored(base_store, pipeline, texts):
    from eventwire.jobs.ingest import ingest

    store, tmp, before, events = base_store
    src = tmp / "hostile.jsonl"
    src.write_text("".join(json.dumps({"id": f"h{i}", "text": t}) + "\n"
                           for i, t in enumerate(texts)), encoding="utf-8")
    runs = store.scalar("SELECT count(*) FROM runs")
    report = ingest([str(src)], store, pipeline_factory=lambda: pipeline)
    assert report.read + report.errors >= 1
    stored = {r["article_id"]: r["external_id"] for r in store.query(
        "SELECT article_id, external_id FROM articles")}
    for row in before:  # every article stored before is still there, with its events
        assert stored[row["article_id"]] == row["external_id"]
    assert store.scalar("SELECT count(*) FROM events e JOIN articles a USING (article_id) "
                        "WHERE a.external_id LIKE 'base%'") == events
    (last,) = store.query("SELECT status FROM runs ORDER BY run_id DESC LIMIT 1")
    assert last["status"] == "done" and store.scalar("SELECT count(*) FROM runs") == runs + 1
