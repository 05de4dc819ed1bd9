"""Running the real bot (built by build_application) against the fake Bot API."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from telegram.ext import Application

from bot.app import ALLOWED_UPDATES
from core.settings import Settings
from tests.bot.fake_bot_api import TOKEN, FakeBotApi

ADMIN = 1
USERS = range(100, 130)  # on the allow-list; each test takes its own, so replies do not mix
GROUPS = range(-520, -500)  # groups on the allow-list
STRANGER = 666


@contextmanager
def running(application: Application) -> Iterator[Application]:
    """Run the application the way run_polling does, in a thread with its own event loop."""
    started, failed = threading.Event(), []
    box: dict = {}

    async def serve() -> None:
        box["stop"], box["loop"] = asyncio.Event(), asyncio.get_running_loop()
        await application.initialize()
        await application.post_init(application)
        await application.updater.start_polling(timeout=1, allowed_updates=ALLOWED_UPDATES)
        await application.start()
        started.set()
        await box["stop"].wait()
        await application.updater.stop()
        await application.stop()
        await application.shutdown()

    def main() -> None:
        try:
            asyncio.run(serve())
        except BaseException as exc:
            failed.append(exc)
            started.set()

    thread = threading.Thread(target=main, daemon=True)
    thread.start()
    assert started.wait(15), "the bot did not start"
    if failed:
        raise failed[0]
    try:
        yield application
    finally:
        box["loop"].call_soon_threadsafe(box["stop"].set)
        thread.join(15)
        assert not thread.is_alive(), "the bot did not stop"
        if failed:
            raise failed[0]


def bot_settings(base: Settings, api: FakeBotApi, tmp: Path, **overrides) -> Settings:
    """The sample settings, talking to the fake API, with ingest jobs writing into `tmp`."""
    values = {
        "telegram_token": TOKEN,
        "telegram_base_url": api.base_url,
        "telegram_allowed": " ".join(map(str, [*USERS, *GROUPS])),
        "telegram_admins": str(ADMIN),
        "data_dir": tmp / "data",
        **overrides,
    }
    return base.model_copy(update=values)
