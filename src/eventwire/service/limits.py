"""The request body limit, as plain ASGI middleware: a body over ``max_body``
bytes is answered 413 before the app reads it (by its Content-Length, or, for
a chunked body, as soon as the bytes received pass the limit)."""

from __future__ import annotations

import json


class BodyLimit:
    def __init__(self, app, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or ()).get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self.max_body
            except ValueError:
                return await self._answer(send, 400, "Content-Length is not a number")
            if too_big:
                return await self._too_large(send)
            return await self.app(scope, receive, send)
        if scope.get("method") not in ("POST", "PUT", "PATCH"):
            return await self.app(scope, receive, send)
        # no length given: read the body here, up to the limit, then pass it on
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.max_body:
                return await self._too_large(send)
            chunks.append(body)
            if not message.get("more_body"):
                break
        whole = b"".join(chunks)
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": whole, "more_body": False}
            return await receive()

        return await self.app(scope, replay, send)

    async def _too_large(self, send):
        return await self._answer(send, 413, f"the request body is over {self.max_body:,} "
                                  "bytes; send fewer articles per request")

    @staticmethod
    async def _answer(send, status: int, detail: str):
        body = json.dumps({"detail": detail}).encode("utf-8")
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
