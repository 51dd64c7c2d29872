"""``eventwire ingest PATH --server URL``: read articles here, send them to a
running ``eventwire serve``, which codes and stores them (it is the database's
one writer, so its readers go on answering meanwhile).

    report = send_articles(["news/"], "http://127.0.0.1:8000", token, batch_size=32)

Articles go in batches of ``batch_size`` as JSON (POST /api/articles); a batch
the server finds too large (413) is split in two and sent again, down to one
article, which is then reported as too large and skipped.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from eventwire.errors import InputError, UsageError
from eventwire.model import Article


@dataclass
class SendReport:
    read: int = 0
    added: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    events: int = 0
    errors: int = 0
    seconds: float = 0.0


class ServerError(UsageError):
    """The server refused or could not be reached (exit 2: a setup problem)."""


def record(art: Article) -> dict:
    rec = {"id": art.id, "text": art.text, "title": art.title,
           "date": art.date[:10] if art.date else None, "source": art.source, "url": art.url}
    return {k: v for k, v in rec.items() if v is not None}


def post(url: str, token: str | None, payload: dict, timeout: float = 600.0) -> dict:
    """POST JSON to ``url``; the answer's JSON, or a ``ServerError`` saying what
    to do."""
    data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    req = urllib.request.Request(url, data=data, method="POST", headers={
        "Content-Type": "application/json", **({"Authorization": f"Bearer {token}"}
                                                if token else {})})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return json.loads(resp.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        try:
            detail = json.loads(exc.read().decode("utf-8")).get("detail")
        except (ValueError, AttributeError):
            detail = exc.reason
        if exc.code == 413:
            raise TooLarge(str(detail)) from None
        hints = {401: "set EVENTWIRE_TOKEN (or --token-file) to the server's token",
                 403: "the server is read-only; restart it without --read-only"}
        raise ServerError(f"{url}: the server answered {exc.code} ({detail}); "
                          f"{hints.get(exc.code, 'see the server log')}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ServerError(f"{url}: cannot reach the server ({reason}); start it with "
                          "`eventwire serve --db FILE` or check --server") from None


class TooLarge(Exception):
    pass


def send_articles(articles: Iterable[Article], server: str, token: str | None,
                  batch_size: int, on_error: Callable[[InputError], None],
                  on_batch: Callable[[SendReport], None] | None = None) -> SendReport:
    url = server.rstrip("/") + "/api/articles"
    report = SendReport()
    t0 = time.perf_counter()
    batch: list[Article] = []

    def flush(items: list[Article]) -> None:
        if not items:
            return
        try:
            answer = post(url, token, {"articles": [record(a) for a in items]})
        except TooLarge as exc:
            if len(items) == 1:
                report.read += 1
                report.errors += 1
                on_error(InputError(items[0].origin or items[0].id, f"too large for the "
                                    f"server ({exc})", "split the article or raise the "
                                    "server's body limit"))
                return
            half = len(items) // 2
            flush(items[:half])
            flush(items[half:])
            return
        for key in ("read", "added", "duplicates", "near_duplicates", "events"):
            setattr(report, key, getattr(report, key) + int(answer.get(key, 0)))
        for problem in answer.get("errors", []):
            report.errors += 1
            on_error(InputError(server, problem, ""))
        if on_batch is not None:
            on_batch(report)

    for art in articles:
        batch.append(art)
        if len(batch) >= batch_size:
            flush(batch)
            batch = []
    flush(batch)
    report.seconds = time.perf_counter() - t0
    return report
