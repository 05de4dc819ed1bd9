"""The typed context every handler receives: shared objects reach handlers through bot_data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from telegram.ext import CallbackContext, ExtBot

if TYPE_CHECKING:
    from answering.question_log import QuestionLog
    from answering.service import AnswerService
    from bot.access import Access, RateLimiter
    from bot.citations import CitationMemory
    from core.settings import Settings
    from ingest.jobs import IngestJobs


class BotContext(CallbackContext[ExtBot, dict, dict, dict]):
    """Shortcuts to what build_application put in bot_data."""

    @property
    def settings(self) -> Settings:
        return self.bot_data["settings"]

    @property
    def service(self) -> AnswerService:
        return self.bot_data["service"]

    @property
    def jobs(self) -> IngestJobs:
        return self.bot_data["jobs"]

    @property
    def access(self) -> Access:
        return self.bot_data["access"]

    @property
    def limiter(self) -> RateLimiter:
        return self.bot_data["limiter"]

    @property
    def citations(self) -> CitationMemory:
        return self.bot_data["citations"]

    @property
    def question_log(self) -> QuestionLog:
        return self.bot_data["question_log"]
