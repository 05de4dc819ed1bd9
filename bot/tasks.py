"""Tasks in Telegram: `/nhiemvu [cơ quan]` and the opt-in daily digest of tasks due within a
week, sent by PTB's JobQueue to the chats in CHIDAO_TELEGRAM_DIGEST_CHATS."""

from __future__ import annotations

import asyncio
import logging
from datetime import date, datetime, time, timedelta
from html import escape
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application

from answering.tasks import book_for
from bot.context import BotContext
from bot.render import split_html
from core.errors import ConfigError
from core.results import Task
from core.settings import Settings

log = logging.getLogger(__name__)
DIGEST_JOB = "chidao-digest"
DIGEST_DAYS = 7
SOON_DAYS = 30  # /nhiemvu without an agency: what falls due in this many days
MAX_LISTED = 15
USAGE = (
    "Gõ <code>/nhiemvu tên cơ quan</code> để xem nhiệm vụ của một cơ quan, ví dụ "
    "<code>/nhiemvu Sở Xây dựng</code> hoặc <code>/nhiemvu so tnmt</code>."
)


def zone(settings: Settings) -> ZoneInfo:
    try:
        return ZoneInfo(settings.timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(
            f"CHIDAO_TIMEZONE={settings.timezone!r} is not a time zone; use e.g. Asia/Ho_Chi_Minh."
        ) from exc


def digest_time(settings: Settings) -> time:
    hour, minute = (int(p) for p in settings.telegram_digest_time.split(":"))
    return time(hour, minute, tzinfo=zone(settings))


def today(context: BotContext) -> date:
    """Today where the province is; a test sets bot_data["today"] to drive the clock."""
    clock = context.bot_data.get("today")
    return clock() if clock else datetime.now(zone(context.settings)).date()


def schedule_digest(application: Application, settings: Settings) -> None:
    """Send the digest every day at CHIDAO_TELEGRAM_DIGEST_TIME, when chats opted in."""
    if not settings.digest_chat_ids:
        return
    if application.job_queue is None:
        raise ConfigError(
            'The daily digest needs PTB\'s job queue: pip install "python-telegram-bot[job-queue]".'
        )
    application.job_queue.run_daily(send_digest, digest_time(settings), name=DIGEST_JOB)


async def nhiemvu(update: Update, context: BotContext) -> None:
    """/nhiemvu [cơ quan]: the agency's tasks, soonest first; without one, what falls due soon."""
    message = update.effective_message
    if message is None:
        return
    agency = " ".join(context.args or []).strip()[:200]
    now = today(context)
    book = book_for(context.service.catalog)
    if agency:
        tasks = await asyncio.to_thread(book.tasks, agency=agency)
        title = f"Nhiệm vụ của <b>{escape(agency)}</b>"
        empty = f"Không tìm thấy nhiệm vụ nào của «{escape(agency)}».\n{USAGE}"
    else:
        end = (now + timedelta(days=SOON_DAYS)).isoformat()
        tasks = await asyncio.to_thread(book.tasks, due_after=now.isoformat(), due_before=end)
        title = f"Nhiệm vụ đến hạn trong {SOON_DAYS} ngày tới"
        empty = f"Không có nhiệm vụ nào đến hạn trong {SOON_DAYS} ngày tới.\n{USAGE}"
    if not tasks:
        await message.reply_html(empty)
        return
    for part in split_html(render_tasks(title, soonest_first(tasks, now), now)):
        await message.reply_html(part)


async def send_digest(context: BotContext) -> None:
    """The daily job: tasks due from today to a week ahead, to every opted-in allowed chat."""
    now = today(context)
    end = (now + timedelta(days=DIGEST_DAYS)).isoformat()
    book = book_for(context.service.catalog)
    tasks = await asyncio.to_thread(book.tasks, due_after=now.isoformat(), due_before=end)
    if not tasks:
        log.info("digest: nothing due by %s", end)
        return
    title = f"Nhiệm vụ đến hạn trong {DIGEST_DAYS} ngày tới (đến {_vn(end)})"
    parts = split_html(render_tasks(title, tasks, now))
    for chat_id in sorted(context.settings.digest_chat_ids):
        if not context.access.allows(chat_id, chat_id):
            log.warning("digest: chat %s is not on CHIDAO_TELEGRAM_ALLOWED; skipped", chat_id)
            continue
        for part in parts:
            await context.bot.send_message(chat_id, part, parse_mode=ParseMode.HTML)


def soonest_first(tasks: list[Task], now: date) -> list[Task]:
    """Upcoming tasks by due date, then overdue ones (latest first), then undated ones."""
    iso = now.isoformat()
    upcoming = [t for t in tasks if t.due and t.due >= iso]
    late = sorted((t for t in tasks if t.due and t.due < iso), key=lambda t: t.due or "")
    return [*upcoming, *reversed(late), *(t for t in tasks if not t.due)]


def render_tasks(title: str, tasks: list[Task], now: date) -> str:
    lines = [f"<b>{title}</b> ({len(tasks)}):"]
    for t in tasks[:MAX_LISTED]:
        lines.append(_line(t, now))
    if len(tasks) > MAX_LISTED:
        lines.append(f"… và {len(tasks) - MAX_LISTED} nhiệm vụ khác.")
    return "\n".join(lines)


def _line(t: Task, now: date) -> str:
    if t.due:
        late = " ⚠️ quá hạn" if t.due < now.isoformat() and not t.recurring else ""
        when = f"<b>{_vn(t.due)}</b>{late}"
    else:
        when = f"<i>{escape(t.due_text or 'chưa có hạn')}</i>"
    who = f"{escape(t.agency)}: " if t.agency else ""
    source = f"{t.title or t.source}" + (f" ({t.date})" if t.date else "")
    return f"• {when} — {who}{escape(t.task)}\n   <i>{escape(source)}</i>"


def _vn(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}/{int(m)}/{y}"
