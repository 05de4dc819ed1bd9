"""Telegram handlers: translate updates into service calls and answers into HTML messages."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from html import escape

from telegram import Chat, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatAction, ParseMode
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationHandlerStop

from bot import texts
from bot.context import BotContext
from bot.feedback import add_rating_buttons
from bot.filters import ADDRESSED, strip_mention
from bot.render import (
    citation_keyboard,
    parse_citation_data,
    render_answer,
    render_passage,
    render_sources,
    render_stats,
    split_html,
)
from core.errors import JobRunning, QuestionError
from ingest.jobs import IngestJobs

log = logging.getLogger(__name__)
TYPING_EVERY_S = 4.0  # Telegram shows a chat action for about 5 s


async def gate(update: Update, context: BotContext) -> None:
    """Stop updates from anyone outside the allow-list before any other handler sees them."""
    user, chat = update.effective_user, update.effective_chat
    if context.access.allows(user.id if user else None, chat.id if chat else None):
        return
    log.info("refused user %s in chat %s", user and user.id, chat and chat.id)
    if update.callback_query:
        await update.callback_query.answer(texts.REFUSED, show_alert=True)
    elif update.message and ADDRESSED.filter(update.message):
        await update.message.reply_text(texts.REFUSED)
    raise ApplicationHandlerStop


async def help_command(update: Update, context: BotContext) -> None:
    """Say what the bot does, with example questions (/start and /help)."""
    examples = "\n".join(f"• {escape(q)}" for q in texts.EXAMPLES)
    text = texts.HELP.format(examples=examples, username=escape(context.bot.username or "bot"))
    await reply_html(_message(update), text)


async def about(update: Update, context: BotContext) -> None:
    """Describe where answers come from and how they are made."""
    stats = await asyncio.to_thread(context.service.stats)
    mode = texts.MODE_LLM if context.settings.llm_enabled else texts.MODE_EXTRACTIVE
    text = texts.ABOUT.format(documents=stats.documents, chunks=stats.chunks, mode=mode)
    await reply_html(_message(update), text)


async def sources(update: Update, context: BotContext) -> None:
    """List the indexed notices, newest first."""
    docs = await asyncio.to_thread(context.service.documents)
    await reply_html(_message(update), render_sources(docs))


async def question(update: Update, context: BotContext) -> None:
    """Answer a text message, with numbered citations and one passage button per citation."""
    message = _message(update)
    user = update.effective_user
    wait = context.limiter.take(user.id if user else message.chat_id)
    if wait > 0:
        await message.reply_text(texts.RATE_LIMITED.format(seconds=max(1, round(wait))))
        return
    text = strip_mention(message.text or "", context.bot.username)
    async with typing(message.chat):
        try:
            answer = await asyncio.to_thread(context.service.ask, text)
        except QuestionError as exc:
            await message.reply_text(str(exc))
            return
    asker = str(user.id if user else message.chat_id)  # the question log keeps it hashed
    answer = await asyncio.to_thread(context.question_log.record, answer, "telegram", asker)
    key = context.citations.remember(answer.citations)
    keyboard = citation_keyboard(key, answer.citations)
    if context.question_log.enabled:
        keyboard = add_rating_buttons(keyboard, answer.answer_id)
    # An edited question is answered again, quoting it, so it is clear which version counts.
    await reply_html(
        message, render_answer(answer), keyboard, quote=update.edited_message is not None
    )


async def not_text(update: Update, context: BotContext) -> None:
    """Stickers, photos and other media: ask for a typed question instead."""
    await _message(update).reply_text(texts.TEXT_ONLY)


async def show_citation(update: Update, context: BotContext) -> None:
    """A "[n]" button: send the full passage the citation quotes."""
    query, chat = update.callback_query, update.effective_chat
    if query is None or chat is None:  # registered for citation buttons, which carry both
        return
    ref = parse_citation_data(query.data)
    citation = context.citations.get(*ref) if ref else None
    if citation is None:
        await query.answer(texts.CITATION_EXPIRED, show_alert=True)
        return
    await query.answer()
    for part in split_html(render_passage(citation)):
        await context.bot.send_message(chat.id, part, parse_mode=ParseMode.HTML)


async def status(update: Update, context: BotContext) -> None:
    """Admins: what the index holds and whether an ingest is running."""
    if not await _is_admin(update, context):
        return
    stats = await asyncio.to_thread(context.service.stats)
    await reply_html(_message(update), render_stats(stats, context.jobs.running))


async def reindex(update: Update, context: BotContext) -> None:
    """Admins: re-ingest the notices folder in the background, report the summary when done."""
    if not await _is_admin(update, context):
        return
    message, folder, user = _message(update), context.settings.docs_dir, update.effective_user
    try:
        job = context.jobs.start([folder], requested_by=f"telegram:{user.id if user else '?'}")
    except JobRunning as exc:
        await message.reply_text(texts.REINDEX_BUSY.format(job_id=exc.job_id))
        return
    await message.reply_text(texts.REINDEX_STARTED.format(folder=folder.name, job_id=job.id))
    report = _report_when_done(message, context.jobs, job.id, context.application)
    context.application.create_task(report, update=update)


async def _report_when_done(
    message: Message, jobs: IngestJobs, job_id: str, application: Application
) -> None:
    while application.running:
        job = await asyncio.to_thread(jobs.wait, job_id, 1.0)
        if job.state in ("done", "failed"):
            await reply_html(message, escape(job.summary_vi()))
            return


async def _is_admin(update: Update, context: BotContext) -> bool:
    user = update.effective_user
    if context.access.is_admin(user.id if user else None):
        return True
    await _message(update).reply_text(texts.ADMIN_ONLY)
    return False


def _message(update: Update) -> Message:
    """The message a command or text handler answers; those handlers only see updates with one."""
    message = update.effective_message
    if message is None:
        raise ValueError(f"update {update.update_id} carries no message")
    return message


async def on_error(update: object, context: BotContext) -> None:
    """Log the error with its traceback and tell the user, briefly, that something broke."""
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("error while handling update %s", update_id, exc_info=context.error)
    if isinstance(update, Update) and update.effective_message:
        with contextlib.suppress(TelegramError):
            await update.effective_message.reply_text(texts.APOLOGY)


async def reply_html(
    message: Message,
    html: str,
    keyboard: InlineKeyboardMarkup | None = None,
    quote: bool = False,
) -> None:
    """Send HTML as one or more replies under the size limit; the keyboard goes on the last.
    Replies quote the message in groups (PTB's default), and anywhere when `quote` is set."""
    parts = split_html(html)
    for i, part in enumerate(parts):
        markup = keyboard if i == len(parts) - 1 else None
        await message.reply_html(part, reply_markup=markup, do_quote=quote or None)


@contextlib.asynccontextmanager
async def typing(chat: Chat) -> AsyncIterator[None]:
    """Show "typing…" in the chat until the block ends."""

    async def keep_typing() -> None:
        while True:
            with contextlib.suppress(TelegramError):
                await chat.send_action(ChatAction.TYPING)
            await asyncio.sleep(TYPING_EVERY_S)

    task = asyncio.create_task(keep_typing())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
