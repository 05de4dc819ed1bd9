"""Wires the bot: one Application with its handlers and the shared objects they use."""

from __future__ import annotations

from telegram import BotCommand, Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)

from answering.question_log import QuestionLog
from answering.service import AnswerService
from bot import feedback, handlers, tasks
from bot.access import Access, RateLimiter
from bot.citations import CitationMemory
from bot.context import BotContext
from bot.filters import ADDRESSED
from bot.render import CITATION_PATTERN
from core.errors import ConfigError
from core.settings import Settings
from ingest.jobs import IngestJobs

ALLOWED_UPDATES = [Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY]
COMMANDS = [
    BotCommand("help", "Hướng dẫn và câu hỏi mẫu"),
    BotCommand("sources", "Các văn bản đã nạp"),
    BotCommand("nhiemvu", "Nhiệm vụ của một cơ quan, theo hạn"),
    BotCommand("about", "Giới thiệu trợ lý"),
]


def build_application(
    settings: Settings,
    service: AnswerService,
    jobs: IngestJobs,
    question_log: QuestionLog | None = None,
) -> Application:
    """The bot, ready to run by polling or behind a webhook; nothing is sent until it starts.
    Without `question_log` it opens the one in the settings' data dir."""
    require_token(settings)
    application = (
        ApplicationBuilder()
        .token(settings.telegram_token)
        .base_url(settings.telegram_base_url)
        .base_file_url(file_url(settings.telegram_base_url))
        .context_types(ContextTypes(context=BotContext))
        .defaults(Defaults(allow_sending_without_reply=True))  # the question may be deleted
        .concurrent_updates(True)
        .post_init(set_commands)
        .build()
    )
    application.bot_data.update(
        settings=settings,
        service=service,
        jobs=jobs,
        access=Access.from_settings(settings),
        limiter=RateLimiter(settings.telegram_rate_per_minute),
        citations=CitationMemory(),
        question_log=question_log or QuestionLog.open(settings),
    )
    add_handlers(application)
    tasks.schedule_digest(application, settings)  # opt-in: CHIDAO_TELEGRAM_DIGEST_CHATS
    return application


def require_token(settings: Settings) -> None:
    if not settings.telegram_token:
        raise ConfigError(
            "Set CHIDAO_TELEGRAM_TOKEN to the bot token that @BotFather gave you "
            "(and CHIDAO_TELEGRAM_ALLOWED to the user or chat ids that may ask)."
        )


def add_handlers(application: Application) -> None:
    messages = filters.UpdateType.MESSAGES  # new and edited messages, not channel posts
    media = filters.ATTACHMENT  # photos, stickers, files…; not service messages (joins, pins)
    application.add_handler(TypeHandler(Update, handlers.gate), group=-1)
    application.add_handler(CommandHandler(["start", "help"], handlers.help_command))
    application.add_handler(CommandHandler("sources", handlers.sources))
    application.add_handler(CommandHandler("nhiemvu", tasks.nhiemvu))
    application.add_handler(CommandHandler("about", handlers.about))
    application.add_handler(CommandHandler("status", handlers.status))
    application.add_handler(CommandHandler("reindex", handlers.reindex))
    application.add_handler(CallbackQueryHandler(handlers.show_citation, pattern=CITATION_PATTERN))
    application.add_handler(CommandHandler("unanswered", feedback.unanswered))
    application.add_handler(CallbackQueryHandler(feedback.rate, pattern=feedback.FEEDBACK_PATTERN))
    application.add_handler(
        MessageHandler(messages & filters.TEXT & ~filters.COMMAND & ADDRESSED, handlers.question)
    )
    application.add_handler(
        MessageHandler(messages & ~filters.TEXT & media & ADDRESSED, handlers.not_text)
    )
    application.add_error_handler(handlers.on_error)


async def set_commands(application: Application) -> None:
    """Fill the command menu Telegram shows next to the text field."""
    await application.bot.set_my_commands(COMMANDS)


def file_url(base_url: str) -> str:
    """The file download URL that belongs to a Bot API base URL (".../bot" → ".../file/bot")."""
    root, sep, tail = base_url.rpartition("/bot")
    return f"{root}/file/bot{tail}" if sep else base_url
