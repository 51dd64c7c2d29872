"""Score quote extraction against PolNeAR-style attribution data.

Gold format (one article per JSONL line): ``id``, ``text``, ``attributions``
= list of ``{source, cue, content}``, each ``{spans: [[start, end], ...],
text}`` with character offsets into ``text``.

Scoring rule (docs/evaluation.md, "Attribution"): a predicted quote *finds*
a gold attribution when its content span covers >= 50% of the gold content's
characters and its speaker span overlaps the gold source span. A gold
attribution with no source span is found by a quote with no speaker whose
content matches. Direct quotes are the gold attributions whose content holds
a double quotation mark; a predicted quote counts as direct by the same rule
on its own text. Precision counts the predicted quotes that find some gold
attribution; recall the gold attributions found by some predicted quote.

What runs: the whole pipeline of ``eventwire code`` (``Pipeline.process``),
so the figures are those of what ships.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from eventwire.evaluate import gold_articles
from eventwire.model import Quote

log = logging.getLogger(__name__)

QUOTE_MARKS = ('"', "\u201c", "\u201d")
CONTENT_SHARE = 0.5
MAX_MISSES = 100  # misses and false alarms kept in the report


def load_gold(path: str | Path) -> list[dict]:
    """Read a PolNeAR-style JSONL file; errors name the file and line."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(
            f"attribution gold file not found: {path} "
            "(give a JSONL file with id, text and attributions per line)")
    out = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not valid JSON ({exc}); "
                                 "each line must be one JSON object") from exc
            if not isinstance(rec, dict) or "text" not in rec or "attributions" not in rec:
                raise ValueError(f"{path}:{n}: a record needs 'text' and 'attributions' "
                                 "(PolNeAR format)")
            rec.setdefault("id", f"{path.name}:{n}")
            out.append(rec)
    return out


def _spans(part: dict | None) -> list[tuple[int, int]]:
    if not part:
        return []
    return [(int(s), int(e)) for s, e in part.get("spans") or [] if e > s]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def is_direct_text(text: str) -> bool:
    return any(q in text for q in QUOTE_MARKS)


def _matches(q: Quote, gold: dict) -> bool:
    content = _spans(gold.get("content"))
    total = sum(e - s for s, e in content)
    if total == 0:
        return False
    covered = sum(_overlap(q.span, s) for s in content)
    if covered < CONTENT_SHARE * total:
        return False
    source = _spans(gold.get("source"))
    if not source:
        return q.speaker is None
    if q.speaker is None:
        return False
    return any(_overlap(q.speaker.span, s) > 0 for s in source)


def _prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "predicted": n_pred, "gold": n_gold, "correct_predicted": tp_pred,
            "found_gold": tp_gold}


def score(gold: list[dict], predicted: dict[str, list[Quote]]) -> dict:
    """Score predicted quotes (by article id) against gold attribution records."""
    counts = {k: [0, 0, 0, 0] for k in ("all", "direct")}  # tp_pred, n_pred, tp_gold, n_gold
    misses: list[dict] = []
    false_alarms: list[dict] = []
    for rec in gold:
        text = rec["text"]
        quotes = predicted.get(rec["id"], [])
        atts = [a for a in rec["attributions"] if _spans(a.get("content"))]
        for a in atts:
            direct = is_direct_text((a.get("content") or {}).get("text", ""))
            found = any(_matches(q, a) for q in quotes)
            for k in ("all", "direct") if direct else ("all",):
                counts[k][3] += 1
                counts[k][2] += found
            if not found:
                misses.append({
                    "article": rec["id"], "direct": direct,
                    "source": (a.get("source") or {}).get("text"),
                    "cue": (a.get("cue") or {}).get("text"),
                    "content": (a.get("content") or {}).get("text", "")[:200],
                })
        for q in quotes:
            ok = any(_matches(q, a) for a in atts)
            direct = is_direct_text(text[q.span[0]:q.span[1]])
            for k in ("all", "direct") if direct else ("all",):
                counts[k][1] += 1
                counts[k][0] += ok
            if not ok:
                false_alarms.append({
                    "article": rec["id"], "direct": direct,
                    "speaker": q.speaker.text if q.speaker else None,
                    "cue": q.cue_text, "content": q.text[:200],
                })
    report = {k: _prf(*v) for k, v in counts.items()}
    report["articles"] = len(gold)
    report["misses"] = sorted(misses, key=lambda m: not m["direct"])[:MAX_MISSES]
    report["false_alarms"] = false_alarms[:MAX_MISSES]
    report["n_misses"] = len(misses)
    report["n_false_alarms"] = len(false_alarms)
    return report


def evaluate(gold_path: str | Path, pipeline: Any = None) -> dict:
    """Run the pipeline over the gold file and score its quotes.

    ``pipeline`` is the ``eventwire.pipeline.Pipeline`` that ``eventwire code``
    runs (``None`` builds the default one): what is scored is what ships,
    dateline, article date, actors, events and links included. The report
    holds the scores (see ``score``) and ``timings``: seconds spent in spaCy,
    the actors stage and the quotes stage, and quotes/spaCy.
    """
    if pipeline is None:
        from eventwire.pipeline import Pipeline

        pipeline = Pipeline()
    gold = load_gold(gold_path)
    before = dict(pipeline.timings)
    predicted: dict[str, list[Quote]] = {}
    arts = gold_articles(gold_path, gold)
    for doc in pipeline.process(arts):
        for i, q in enumerate(doc.quotes):
            q.id = f"{doc.id}:q{i}"
        predicted[doc.id] = doc.quotes
    spent = {k: pipeline.timings.get(k, 0.0) - before.get(k, 0.0)
             for k in ("spacy", "actors", "quotes")}
    report = score(gold, predicted)
    report["gold_path"] = str(gold_path)
    report["timings"] = {
        "spacy_s": round(spent["spacy"], 3), "actors_s": round(spent["actors"], 3),
        "quotes_s": round(spent["quotes"], 3),
        "quotes_over_spacy": round(spent["quotes"] / spent["spacy"], 4) if spent["spacy"] else None,
    }
    return report


def format_report(report: dict, max_misses: int = 20) -> str:
    """A plain-text summary: P/R/F1 for all and direct quotes, timings, misses."""
    lines = [f"Attribution: {report.get('gold_path', '')} ({report['articles']} articles)",
             f"{'':10}{'P':>8}{'R':>8}{'F1':>8}{'pred':>8}{'gold':>8}"]
    for k in ("all", "direct"):
        m = report[k]
        lines.append(f"{k:10}{m['precision']:8.3f}{m['recall']:8.3f}{m['f1']:8.3f}"
                     f"{m['predicted']:8d}{m['gold']:8d}")
    t = report.get("timings")
    if t:
        lines.append(f"time: spaCy {t['spacy_s']:.2f}s, actors {t['actors_s']:.2f}s, "
                     f"quotes {t['quotes_s']:.2f}s (quotes/spaCy = {t['quotes_over_spacy']})")
    lines.append(f"misses ({report['n_misses']} in all; direct first):")
    for m in report["misses"][:max_misses]:
        lines.append(f"  [{'D' if m['direct'] else 'I'}] {m['source']!r} / {m['cue']!r}: "
                     f"{m['content'][:110]!r}")
    lines.append(f"false alarms ({report['n_false_alarms']} in all):")
    for m in report["false_alarms"][:max_misses]:
        lines.append(f"  [{'D' if m['direct'] else 'I'}] {m['speaker']!r} / {m['cue']!r}: "
                     f"{m['content'][:110]!r}")
    return "\n".join(lines)
