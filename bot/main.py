"""`chidao bot`: the Telegram bot by long polling.

Run with CHIDAO_TELEGRAM_TOKEN set (from @BotFather) and CHIDAO_TELEGRAM_ALLOWED listing who
may ask; CHIDAO_TELEGRAM_BASE_URL points at a local Bot API server if you run one.
"""

from __future__ import annotations

import logging

from answering.service import AnswerService
from bot.app import ALLOWED_UPDATES, build_application, require_token
from core.settings import Settings
from ingest.jobs import IngestJobs

log = logging.getLogger(__name__)


def run(settings: Settings) -> None:
    """Answer questions until Ctrl-C or SIGTERM."""
    require_token(settings)  # before loading the index, which can take a while
    if not settings.allowed_ids and not settings.admin_ids:
        log.warning("CHIDAO_TELEGRAM_ALLOWED is empty: the bot will refuse everyone")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per long poll otherwise
    service = AnswerService.from_settings(settings)
    jobs = IngestJobs(settings, on_commit=service.state, embedder=service.embedder)
    application = build_application(settings, service, jobs)
    application.run_polling(allowed_updates=ALLOWED_UPDATES)
