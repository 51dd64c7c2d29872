"""Score the coder on real articles annotated at article level.

Gold format (one article per JSONL line; ``../shared/eval/realnews/GUIDELINES.md``):
``id``, ``text``, ``date``, ... and ``events`` = list of ``{sentence, trigger,
event, mode, factual, negated, modality, source: [Actor], target: [Actor],
location: {name, country} | null, date}``, ``Actor = {text, country,
sector}``; ``sentence`` and ``trigger`` are substrings of ``text``.

Scoring rule (the guidelines'): an output event matches a gold event when
both are factual, in the same sentence, of the same type. Each mention of an
output event counts (the merge stage folds repeated mentions into one event
with its ``mentions``; gold annotates every mention). Precision = matched /
output factual mentions; recall = matched / gold factual events. On matched
pairs: source right when the country (or IGO/NGO) sets intersect or are both
empty; the same for the target; dyad right when both are; location right
(the place's country) and date right (to the month, or the year when gold
gives only a year) where gold has one. Output events marked negated or not
factual count only for whether gold agrees.

Every unmatched output mention and gold event is put in one error class:
``not_an_event`` (gold has no event in that sentence), ``wrong_type`` (gold
has factual events there, of other types), ``not_factual`` (gold has the type
there but not as a fact), ``extra_mention`` (gold has that type there, all
matched already); misses: ``missed_sentence`` (no output event in the
sentence), ``missed_type`` (output events there, of other types).

The dev file is split into a part to tune on and a blind part scored only
at the end of a session (``split(id)``: a stable hash of the article id;
``docs/evaluation.md`` lists the ids).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.evaluate import gold_articles, read_jsonl
from eventwire.model import canonical_type, is_factual

BLIND_SHARE = 3  # one article in three is blind


def split(article_id: str) -> str:
    """``"blind"`` or ``"tune"``: one article in three, by a stable hash of its id."""
    h = int(hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:8], 16)
    return "blind" if h % BLIND_SHARE == 0 else "tune"


def load_gold(path: str | Path) -> list[dict]:
    """Read the gold file; errors name the file and line."""
    rows = read_jsonl(path, "real-news gold file",
                      "a real-news gold JSONL file, e.g. ../shared/eval/realnews/realnews_dev.jsonl",
                      ("text", "events"), "use the real-news gold format (docs/evaluation.md)")
    if not rows:
        raise InputError(str(path), "no gold articles", "the file is empty")
    return rows


def _codes(actors) -> set[str]:
    out = set()
    for a in actors or []:
        if isinstance(a, dict):
            code = a.get("country") or (a.get("igo") and "IGO")
        else:
            code = a.country or ("IGO" if a.igo else None)
        if code:
            out.add(code)
    return out


def _sentence_spans(text: str, events: list[dict]) -> dict[str, tuple[int, int]]:
    spans = {}
    for ev in events:
        s = ev["sentence"]
        if s not in spans:
            k = text.find(s)
            spans[s] = (k, k + len(s)) if k >= 0 else (-1, -1)
    return spans


def _mentions(ev) -> list[tuple[int, int]]:
    """(start, end) of the sentence of each mention of an output event, each sentence
    once: two triggers of one event in one sentence ("a truck bomb killed four and
    injured 37", merged by the events stage) are one output event there, as gold
    annotates one action once per sentence."""
    spans = [tuple(m["span"]) for m in ev.mentions if isinstance(m, dict) and "span" in m]
    return list(dict.fromkeys(spans)) or [(ev.trigger_span[0], ev.trigger_span[1])]


def _date_right(gold: str, got: str | None) -> bool:
    if not got:
        return False
    n = 4 if len(gold) == 4 else 7
    return got[:n] == gold[:n]


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"matched": tp, "predicted": n_pred, "gold": n_gold,
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _slot_right(gold_actors, actors) -> bool:
    """The country (or IGO) sets intersect, or both are empty."""
    g, o = _codes(gold_actors), _codes(actors)
    return bool(g & o) or not (g or o)


def _score_pair(g: dict, ev, c: Counter, errors: Counter) -> None:
    """Slots, place and date of a matched pair."""
    src, tgt = _slot_right(g["source"], ev.source), _slot_right(g["target"], ev.target)
    c["source_right"] += src
    c["target_right"] += tgt
    c["dyad_right"] += src and tgt
    errors["wrong_source"] += not src
    errors["wrong_target"] += not tgt
    gloc = (g.get("location") or {}).get("country")
    if gloc:
        c["location_gold"] += 1
        ok = ev.location is not None and ev.location.country == gloc
        c["location_right"] += ok
        if not ok:
            errors["wrong_location" if ev.location else "no_location"] += 1
    if g.get("date"):
        c["date_gold"] += 1
        ok = _date_right(g["date"], ev.date)
        c["date_right"] += ok
        errors["wrong_date"] += not ok


def _predictions(events: list, sents: dict[str, tuple[int, int]]) -> list[tuple]:
    """(gold sentence or None, type, event, factual) for each mention of each event."""
    def sentence_of(span):
        for s, (a, b) in sents.items():
            if a <= span[0] < b or (span[0] <= a < span[1]):
                return s
        return None
    return [(sentence_of(span), canonical_type(ev.event), ev, is_factual(ev))
            for ev in events for span in _mentions(ev)]


def _false_alarm_class(t: str, here: list[dict]) -> str:
    """Why an unmatched factual output mention of type ``t`` is wrong, given the
    gold events of its sentence."""
    if not here:
        return "not_an_event"
    if any(canonical_type(g["event"]) == t and not g.get("factual") for g in here):
        return "not_factual"
    if any(canonical_type(g["event"]) == t for g in here):
        return "extra_mention"
    return "wrong_type"


def score_article(row: dict, events: list) -> dict[str, Any]:
    """Counts for one article: ``events`` are its output ``Event`` objects."""
    gold = row["events"]
    preds = _predictions(events, _sentence_spans(row["text"], gold))
    c: Counter = Counter()
    errors: Counter = Counter()
    examples: list[dict] = []
    used: set[int] = set()
    gold_f = [g for g in gold if g.get("factual")]
    missed = []
    for g in gold_f:
        gtype = canonical_type(g["event"])
        pi = next((i for i, (s, t, _, fact) in enumerate(preds) if i not in used and fact
                   and s == g["sentence"] and t == gtype), None)
        if pi is None:
            missed.append(g)
            continue
        used.add(pi)
        c["matched"] += 1
        _score_pair(g, preds[pi][2], c, errors)
    by_sent: dict[str, list[dict]] = {}
    for g in gold:
        by_sent.setdefault(g["sentence"], []).append(g)
    for pi, (s, t, ev, fact) in enumerate(preds):
        if not fact:
            c["nonfactual_output"] += 1
            c["nonfactual_agreed"] += any(canonical_type(g["event"]) == t and not g.get("factual")
                                          for g in by_sent.get(s, []))
            continue
        c["predicted"] += 1
        if pi not in used:
            cls = _false_alarm_class(t, by_sent.get(s, []))
            errors[cls] += 1
            examples.append({"article": row.get("id"), "class": cls, "event": t,
                             "trigger": ev.trigger_text, "sentence": ev.sentence[:160]})
    pred_sents = {s for s, _, _, fact in preds if fact}
    for g in missed:
        cls = "missed_type" if g["sentence"] in pred_sents else "missed_sentence"
        errors[cls] += 1
        examples.append({"article": row.get("id"), "class": cls,
                         "event": canonical_type(g["event"]), "trigger": g["trigger"],
                         "sentence": g["sentence"][:160]})
    c["gold"] = len(gold_f)
    return {"counts": c, "errors": +errors, "examples": examples}


def summarize(parts: list[dict]) -> dict:
    c: Counter = Counter()
    errors: Counter = Counter()
    for p in parts:
        c.update(p["counts"])
        errors.update(p["errors"])
    m = c["matched"]

    def share(k, n):
        return round(c[k] / n, 4) if n else None
    return {
        "articles": len(parts),
        "events": _prf(m, c["predicted"], c["gold"]),
        "source_right": share("source_right", m), "target_right": share("target_right", m),
        "dyad_right": share("dyad_right", m),
        "location_right": share("location_right", c["location_gold"]),
        "location": [c["location_right"], c["location_gold"]],
        "date_right": share("date_right", c["date_gold"]),
        "date": [c["date_right"], c["date_gold"]],
        "nonfactual_output": c["nonfactual_output"], "nonfactual_agreed": c["nonfactual_agreed"],
        "errors": dict(sorted(errors.items())),
    }


def evaluate(gold_path: str | Path, pipeline: Any = None, blind: bool = False) -> dict:
    """Run the pipeline that ``eventwire code`` runs over the gold articles and
    score it on the tune part; with ``blind=True`` also on the blind part and
    the whole file (the blind part is scored once, at the end of a session)."""
    if pipeline is None:
        from eventwire.pipeline import Pipeline

        pipeline = Pipeline()
    rows = load_gold(gold_path)
    arts = gold_articles(gold_path, rows)
    if not blind:
        keep = [i for i, r in enumerate(rows) if split(str(r["id"])) == "tune"]
        rows, arts = [rows[i] for i in keep], [arts[i] for i in keep]
    scored = []
    for row, doc in zip(rows, pipeline.process(arts)):
        scored.append((split(str(row["id"])), score_article(row, doc.events)))
    report = {"gold_path": str(gold_path)}
    report["parts"] = ["tune", "blind", "all"] if blind else ["tune"]
    for part in report["parts"]:
        chosen = [s for p, s in scored if part in ("all", p)]
        report[part] = summarize(chosen)
    report["examples"] = [e for p, s in scored if p == "tune" for e in s["examples"]]
    return report


def format_report(report: dict, max_misses: int = 20) -> str:
    """A plain-text summary: tune, blind and all side by side, and error classes."""
    parts = report["parts"]
    lines = [f"Real-news events: {report.get('gold_path', '')} "
             + ", ".join(f"{p} {report[p]['articles']} articles" for p in parts),
             f"{'':22}" + "".join(f"{p:>16}" for p in parts)]

    def row(label, fn):
        lines.append(f"{label:22}" + "".join(f"{fn(report[p]):>16}" for p in parts))
    row("events P", lambda r: f"{r['events']['precision']:.3f}")
    row("events R", lambda r: f"{r['events']['recall']:.3f}")
    row("events F1", lambda r: f"{r['events']['f1']:.3f}")
    row("matched/pred/gold", lambda r: "{matched}/{predicted}/{gold}".format(**r["events"]))
    for k in ("source_right", "target_right", "dyad_right"):
        row(k.replace("_", " "), lambda r, k=k: "-" if r[k] is None else f"{r[k]:.3f}")
    row("location country", lambda r: "{}/{}".format(*r["location"]))
    row("date month", lambda r: "{}/{}".format(*r["date"]))
    row("non-factual agreed", lambda r: f"{r['nonfactual_agreed']}/{r['nonfactual_output']}")
    classes = sorted({k for p in parts for k in report[p]["errors"]})
    lines.append("error classes (output mentions and gold events):")
    for k in classes:
        row("  " + k, lambda r, k=k: str(r["errors"].get(k, 0)))
    ex = report.get("examples") or []
    if ex and max_misses:
        lines.append(f"examples from the tune part (first {min(max_misses, len(ex))}):")
        for e in ex[:max_misses]:
            lines.append(f"  [{e['class']}] {e['event']}:{e['trigger']!r} in "
                         f"{e['article']}: {e['sentence']!r}")
    return "\n".join(lines)
