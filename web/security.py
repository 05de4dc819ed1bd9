"""Per-client rate limit, request size cap and security headers, as one plain ASGI middleware.

Plain ASGI rather than BaseHTTPMiddleware, so streamed answers (SSE) pass through untouched.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections import deque

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
# Swagger UI's page starts itself with an inline script; nothing on it comes from users.
DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "style-src 'self'", "style-src 'self' 'unsafe-inline'"
)
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
LIMITED_PREFIX = "/api/"
ASK_PREFIX = "/api/ask"
MAX_ASK_BODY = 256 * 1024  # a question, filters and 20 earlier turns fit many times over


class RateLimiter:
    """Sliding one-minute window of request times per client key."""

    def __init__(self, per_minute: int, window_s: float = 60.0):
        self.per_minute = per_minute
        self.window_s = window_s
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()
        self._pruned = time.monotonic()

    def retry_after(self, key: str) -> float:
        """0 when the request may go ahead (and counts it), else seconds until it may."""
        if self.per_minute <= 0:
            return 0.0
        now = time.monotonic()
        with self._lock:
            self._prune(now)
            hits = self._hits.setdefault(key, deque())
            while hits and now - hits[0] >= self.window_s:
                hits.popleft()
            if len(hits) >= self.per_minute:
                return max(0.1, self.window_s - (now - hits[0]))
            hits.append(now)
            return 0.0

    def _prune(self, now: float) -> None:
        """Forget clients idle for a whole window, so memory stays bounded."""
        if now - self._pruned < self.window_s:
            return
        self._pruned = now
        idle = [k for k, h in self._hits.items() if not h or now - h[-1] >= self.window_s]
        for key in idle:
            del self._hits[key]


class SecurityMiddleware:
    """Rate-limits the JSON API per client IP, caps question bodies, and adds security
    headers to every response."""

    def __init__(self, app: ASGIApp, limiter: RateLimiter, max_body: int = MAX_ASK_BODY):
        self.app = app
        self.limiter = limiter
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        csp = DOCS_CSP if path == "/docs" else CSP

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("Content-Security-Policy", csp)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
                if path.startswith(LIMITED_PREFIX):
                    headers.setdefault("Cache-Control", "no-store")
            await send(message)

        if path.startswith(LIMITED_PREFIX):
            client = scope.get("client")
            wait = self.limiter.retry_after(client[0] if client else "?")
            if wait:
                message = (
                    f"Bạn gửi quá nhiều yêu cầu (tối đa {self.limiter.per_minute} lần mỗi phút). "
                    f"Vui lòng thử lại sau {math.ceil(wait)} giây."
                )
                retry = {"Retry-After": str(math.ceil(wait))}
                await _reply(send_with_headers, 429, message, retry)
                return
        if path.startswith(ASK_PREFIX) and scope["method"] == "POST":
            body = await _read_capped(receive, self.max_body, Headers(scope=scope))
            if body is None:
                message = f"Yêu cầu quá lớn (tối đa {self.max_body // 1024} KB)."
                await _reply(send_with_headers, 413, message)
                return
            receive = _replay(body, receive)
        await self.app(scope, receive, send_with_headers)


async def _read_capped(receive: Receive, limit: int, headers: Headers) -> bytes | None:
    """The whole request body, or None when it is (or says it is) over `limit` bytes."""
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":  # the client went away
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive() that hands the already-read body to the app, then waits as before."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _reply(send: Send, status: int, detail: str, headers: dict | None = None) -> None:
    body = json.dumps({"detail": detail}, ensure_ascii=False).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})
