"""A real uvicorn server on 127.0.0.1, in a thread, around the app built for a test."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
import uvicorn

from web.app import create_app

QUESTION = "Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới?"
SOURCE = "000_aa16ed5db4b16415.txt"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def live_server(app) -> Iterator[str]:
    """Serve `app` on a free loopback port until the block ends; yields the base URL."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def sse_events(response: httpx.Response) -> list[tuple[str, object]]:
    """(event, decoded JSON data) pairs of a text/event-stream response, in order."""
    events, name, data = [], "message", []
    for line in response.iter_lines():
        if line.startswith("event:"):
            name = line.split(":", 1)[1].strip()
        elif line.startswith("data:"):
            data.append(line.split(":", 1)[1].removeprefix(" "))
        elif not line and data:
            events.append((name, json.loads("\n".join(data))))
            name, data = "message", []
    return events


@pytest.fixture(scope="module")
def server(sample_settings, sample_service) -> Iterator[str]:
    """The chat app on the five samples (hash embedder), generous rate limit."""
    settings = sample_settings.model_copy(update={"rate_limit_per_minute": 10_000})
    with live_server(create_app(settings, service=sample_service)) as url:
        yield url
