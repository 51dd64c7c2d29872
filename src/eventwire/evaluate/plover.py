"""Score event coding against PLOVER-format gold sentences.

Gold: JSONL, one sentence a line, each annotating ONE event: ``text``, ``event``
(PLOVER type; 2016 names are mapped to 2023 ones by
:func:`eventwire.model.canonical_type`), ``source``/``target`` lists of
``{actorText, code, sector}`` and ``textInfo.markup`` with the trigger words
marked ``(EVT: ...)`` and the actors ``(SRC: ...)``, ``(TAR: ...)``,
``(SRC/TAR: ...)``.

Matching rule
-------------
A gold sentence annotates one event, and other events the sentence holds are
not wrong, so only the predicted events that code *the annotated event* are
scored: those whose trigger (or one of its merged mentions) overlaps a word the
annotator marked ``(EVT: ...)``. Call them the aligned events.

* Event type, per type T: a sentence whose gold type is T is a true positive
  of T when an aligned event has type T, else a false negative of T. Every
  other type among the aligned events of a sentence is a false positive of that
  type (once per sentence), so coding one trigger as several types costs
  precision. Negated and hypothetical events ("did not attack", "could impose",
  "unless he steps down") are not counted: the gold codes what happened or was
  said. Micro precision, recall and F1 over all sentences give the
  event-type F1. A sentence with no aligned event is a miss (a false negative,
  no false positive).
* Actors are compared as country codes: an actor's ``country``, or ``IGO``
  when it has an ``igo``; actors without either are ignored; gold JAP/ITL/VTN
  read JPN/ITA/VNM. The source is right when the set of predicted codes equals
  the set of gold codes (an empty gold list needs no coded actor), the same for
  the target. When the gold marks the actors ``SRC/TAR`` (a symmetric event such
  as "X and Y agreed") and gives no target, the union of the predicted source and
  target is compared with the gold source, and the target is right.
  Among the aligned events of the gold type the one with the most actors right
  is scored. ``source_accuracy`` and ``target_accuracy`` are over the type-correct
  sentences; ``event_source_target_accuracy`` is over all sentences (type,
  source and target all right).
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from pathlib import Path

from eventwire.errors import InputError
from eventwire.evaluate import gold_articles, read_jsonl
from eventwire.evaluate.articles import split as part_of
from eventwire.model import PLOVER_TYPES, canonical_type

log = logging.getLogger(__name__)

OLD_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
_MARK = re.compile(r"\((SRC/TAR|SRC/LOC|SRC|TAR|EVT|LOC):\s*")


def _gold_code(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().upper()[:3]
    return OLD_CODES.get(code, code)


def _actor_code(actor) -> str | None:
    if actor is None:
        return None
    if getattr(actor, "country", None):
        return actor.country
    if getattr(actor, "igo", None):
        return "IGO"
    return None


def _markup_segments(markup: str) -> list[tuple[str, str]]:
    """(label, innermost text) for every ``(LABEL: text)`` in the markup."""
    out = []
    stack: list[tuple[str, int]] = []
    i = 0
    while i < len(markup):
        m = _MARK.match(markup, i)
        if m:
            stack.append((m.group(1), m.end()))
            i = m.end()
            continue
        if markup[i] == ")" and stack:
            label, start = stack.pop()
            inner = _MARK.sub("", markup[start:i]).replace(")", "").strip()
            out.append((label, inner))
        i += 1
    return out


def _evt_spans(text: str, markup: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for label, seg in _markup_segments(markup):
        if label != "EVT" or not seg:
            continue
        k = text.find(seg, pos)
        if k < 0:
            k = text.find(seg)
        if k >= 0:
            spans.append((k, k + len(seg)))
            pos = k + len(seg)
            continue
        for word in seg.split():  # markup and text differ in spacing or typos
            k = text.find(word)
            if k >= 0 and len(word) > 1:
                spans.append((k, k + len(word)))
    return spans


def _overlaps(a: tuple[int, int], spans) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def _event_spans(ev) -> list[tuple[int, int]]:
    spans = [tuple(ev.trigger_span)]
    for m in ev.mentions or []:
        if m.get("sentence_index") == ev.sentence_index and "trigger" in m:
            spans.append(tuple(m["trigger"]["span"]))
    return spans


def load_gold(path: str | Path) -> list[dict]:
    rows = read_jsonl(path, "gold file", "a PLOVER gold JSONL file, e.g. "
                       "../shared/eval/plover/plover_gsr_dev.jsonl", ("text", "event"),
                       "use the PLOVER gold format (see docs/evaluation.md)")
    if not rows:
        raise InputError(str(path), "no gold records", "the file is empty")
    return rows


def _codes(actors) -> set[str]:
    return {c for c in (_actor_code(a) for a in actors) if c}


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(f, 4)}


def _best_actors(aligned, gold: str, gsrc: set, gtgt: set, symmetric: bool):
    """(source right, target right, what was predicted) of the aligned event of
    the gold type whose actors fit gold best."""
    best = (-1, False, False, None)
    for e in aligned:
        if e.event != gold:
            continue
        ps, pt = _codes(e.source), _codes(e.target)
        if symmetric:  # "(SRC/TAR: Japan) and (SRC/TAR: Vietnam) agreed"
            s_ok, t_ok = (ps | pt) == gsrc, True
        else:
            s_ok, t_ok = ps == gsrc, pt == gtgt
        score = int(s_ok) + int(t_ok)
        if score > best[0]:
            best = (score, s_ok, t_ok, (sorted(ps), sorted(pt),
                                        [a.text for a in e.source], [a.text for a in e.target]))
    return best[1:]


def _score_sentence(row: dict, doc, c: Counter, tp: Counter, fp: Counter, fn: Counter,
                    misses: list) -> None:
    """Score one gold sentence against its document."""
    gold = canonical_type(row["event"])
    markup = (row.get("textInfo") or {}).get("markup") or ""
    spans = _evt_spans(row["text"], markup)
    # negated and hypothetical events claim nothing happened: they are not codings
    # of the annotated event
    events = [e for e in doc.events if not e.negated and e.modality != "hypothetical"]
    aligned = [e for e in events if any(_overlaps(s, spans) for s in _event_spans(e))]
    types = {e.event for e in aligned}
    c["any_hit"] += gold in {e.event for e in events}
    for t in types - {gold}:
        fp[t] += 1
    miss = {"id": row.get("id"), "gold": gold, "aligned": sorted(types),
            "predicted": sorted(f"{e.event}:{e.trigger_text}" for e in events),
            "text": row["text"]}
    if gold not in types:
        fn[gold] += 1
        misses.append(miss | {"why": "wrong type" if types else "no event on the marked trigger"})
        return
    tp[gold] += 1
    c["typed"] += 1
    gsrc = {c for c in (_gold_code(a.get("code")) for a in row.get("source") or []) if c}
    gtgt = {c for c in (_gold_code(a.get("code")) for a in row.get("target") or []) if c}
    s_ok, t_ok, got = _best_actors(aligned, gold, gsrc, gtgt, "SRC/TAR" in markup and not gtgt)
    c["src"] += s_ok
    c["tgt"] += t_ok
    c["all"] += s_ok and t_ok
    if not (s_ok and t_ok):
        misses.append(miss | {"why": ("source" if not s_ok else "") + (" target" if not t_ok else ""),
                              "gold_actors": [sorted(gsrc), sorted(gtgt)],
                              "pred_actors": list(got)})


def evaluate(gold_path, pipeline, split: bool = False, blind: bool = False) -> dict:
    """Run ``pipeline`` over the gold sentences and score them (see the module
    docstring). ``split``: score the tune part only (the figures at the top level),
    and with ``blind`` also the blind part and the whole file (figures only)."""
    rows = load_gold(gold_path)
    articles = gold_articles(gold_path, rows)
    if split and not blind:
        keep = [i for i, r in enumerate(rows) if part_of(str(r.get("id"))) == "tune"]
        rows, articles = [rows[i] for i in keep], [articles[i] for i in keep]
    before = dict(getattr(pipeline, "timings", {}) or {})
    docs = pipeline.process_batch(articles)
    after = dict(getattr(pipeline, "timings", {}) or {})
    spent = {k: after.get(k, 0.0) - before.get(k, 0.0) for k in ("spacy", "events")}
    if not split:
        report = _score(rows, docs)
    else:
        parts = [part_of(str(r.get("id"))) for r in rows]
        report = _score([r for r, p in zip(rows, parts) if p == "tune"],
                        [d for d, p in zip(docs, parts) if p == "tune"])
        report["part"] = "tune"
        if blind:
            for name in ("blind", "all"):
                chosen = [i for i, p in enumerate(parts) if name in ("all", p)]
                sub = _score([rows[i] for i in chosen], [docs[i] for i in chosen])
                sub.pop("misses")  # blind errors are never read
                report[name] = sub
    report["gold"] = str(gold_path)
    report["timings"] = {
        "spacy_s": round(spent["spacy"], 3), "events_s": round(spent["events"], 3),
        "events_over_spacy": (round(spent["events"] / spent["spacy"], 3)
                              if spent["spacy"] > 0 else None)}
    return report


def _score(rows: list[dict], docs) -> dict:
    """The figures and misses of a list of gold sentences and their documents."""
    tp, fp, fn, c = Counter(), Counter(), Counter(), Counter()
    misses: list[dict] = []
    for row, doc in zip(rows, docs):
        _score_sentence(row, doc, c, tp, fp, fn, misses)
    per_type = {t: _prf(tp[t], fp[t], fn[t]) | {"support": tp[t] + fn[t]}
                for t in PLOVER_TYPES if tp[t] or fp[t] or fn[t]}
    n, typed = len(rows), c["typed"]
    return {
        "sentences": n,
        "event_type": _prf(sum(tp.values()), sum(fp.values()), sum(fn.values())),
        "per_type": per_type,
        "source_accuracy": round(c["src"] / typed, 4) if typed else 0.0,
        "target_accuracy": round(c["tgt"] / typed, 4) if typed else 0.0,
        "event_source_target_accuracy": round(c["all"] / n, 4) if n else 0.0,
        "type_in_sentence_recall": round(c["any_hit"] / n, 4) if n else 0.0,
        "misses": misses,
    }


def format_report(report: dict, max_misses: int = 40) -> str:
    """A plain-text table of :func:`evaluate`'s report."""
    part = f", {report['part']} part" if report.get("part") else ""
    lines = [f"PLOVER event coding: {report['gold']} ({report['sentences']} sentences{part})",
             ""]
    lines.append(f"{'type':<11}{'support':>8}{'prec':>8}{'recall':>8}{'f1':>8}")
    for t, m in sorted(report["per_type"].items()):
        lines.append(f"{t:<11}{m['support']:>8}{m['precision']:>8.3f}{m['recall']:>8.3f}"
                     f"{m['f1']:>8.3f}")
    et = report["event_type"]
    lines += [
        "",
        f"event type        P {et['precision']:.3f}  R {et['recall']:.3f}  F1 {et['f1']:.3f}",
        f"source accuracy   {report['source_accuracy']:.3f}  (of type-correct sentences)",
        f"target accuracy   {report['target_accuracy']:.3f}  (of type-correct sentences)",
        f"type+source+target {report['event_source_target_accuracy']:.3f}  (of all sentences)",
        f"gold type anywhere in the sentence: {report['type_in_sentence_recall']:.3f}",
    ]
    for name in ("blind", "all"):
        sub = report.get(name)
        if sub:
            et = sub["event_type"]
            lines.append(
                f"{name} part ({sub['sentences']} sentences): type P {et['precision']:.3f} "
                f"R {et['recall']:.3f} F1 {et['f1']:.3f}  source {sub['source_accuracy']:.3f}"
                f"  target {sub['target_accuracy']:.3f}  type+source+target "
                f"{sub['event_source_target_accuracy']:.3f}")
    t = report.get("timings") or {}
    if t.get("events_over_spacy") is not None:
        lines.append(f"event coding time / spaCy parse time: {t['events_over_spacy']:.3f} "
                     f"({t['events_s']:.2f} s / {t['spacy_s']:.2f} s)")
    misses = report.get("misses") or []
    if misses:
        lines += ["", f"misses ({len(misses)}; first {min(len(misses), max_misses)}):"]
        by_why = defaultdict(int)
        for m in misses:
            by_why[m["why"].strip()] += 1
        lines.append("  " + ", ".join(f"{k}: {v}" for k, v in sorted(by_why.items())))
        for m in misses[:max_misses]:
            extra = ""
            if "gold_actors" in m:
                extra = f" gold {m['gold_actors']} got {m['pred_actors']}"
            lines.append(f"- [{m['id']}] {m['gold']} ({m['why'].strip()}; aligned "
                         f"{','.join(m['aligned']) or '-'}){extra}")
            lines.append(f"    {m['text'][:200]}")
            if m["predicted"]:
                lines.append(f"    predicted: {'; '.join(m['predicted'])[:200]}")
    return "\n".join(lines)


def material_conflict(articles_path, pipeline, types=("ASSAULT", "COERCE")) -> list[dict]:
    """The asserted events of ``types`` (material conflict) coded in a JSONL file of
    articles (``id``, ``text``; e.g. PolNeAR dev), with their sentences, for reading by
    hand: in political news most such events should be figurative and left out."""
    rows = read_jsonl(articles_path, "articles file",
                       "a JSONL file of articles with 'id' and 'text'", ("text",),
                       "each article needs 'id' and 'text'")
    articles = gold_articles(articles_path, rows)
    rows = []
    for doc in pipeline.process_batch(articles):
        for ev in doc.events:
            if ev.event in types and not ev.negated and ev.modality != "hypothetical":
                rows.append({"article": doc.id, "event": ev.event, "trigger": ev.trigger_text,
                             "source": [a.text for a in ev.source],
                             "target": [a.text for a in ev.target],
                             "sentence": " ".join(ev.sentence.split())})
    return rows
