"""The Telegram side of the question log: 👍/👎 under each answer, /unanswered for admins.

Button presses pass the same gate as the citation buttons, so strangers are refused before
anything here runs.
"""

from __future__ import annotations

import asyncio
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from answering.question_log import QuestionGroup, Rating
from bot import texts
from bot.context import BotContext
from bot.render import split_html

FEEDBACK_PREFIX = "fb"
FEEDBACK_PATTERN = rf"^{FEEDBACK_PREFIX}:[ud]:"  # callback data: fb:<u|d>:<answer_id>
RATINGS: dict[str, Rating] = {"u": "up", "d": "down"}
TOP_UNANSWERED = 10
SHOWN_CHARS = 200  # of each question in /unanswered, so ten fit one message


def add_rating_buttons(
    keyboard: InlineKeyboardMarkup | None, answer_id: str
) -> InlineKeyboardMarkup:
    """The citation buttons (if any) with a 👍/👎 row below them."""
    rows = [list(row) for row in keyboard.inline_keyboard] if keyboard else []
    rows.append(
        [
            InlineKeyboardButton("👍", callback_data=f"{FEEDBACK_PREFIX}:u:{answer_id}"),
            InlineKeyboardButton("👎", callback_data=f"{FEEDBACK_PREFIX}:d:{answer_id}"),
        ]
    )
    return InlineKeyboardMarkup(rows)


def parse_rating_data(data: str | None) -> tuple[Rating, str] | None:
    """(rating, answer_id) from a 👍/👎 button's callback data; None when malformed."""
    prefix, _, rest = (data or "").partition(":")
    code, _, answer_id = rest.partition(":")
    if prefix != FEEDBACK_PREFIX or code not in RATINGS or not answer_id:
        return None
    return RATINGS[code], answer_id


async def rate(update: Update, context: BotContext) -> None:
    """A 👍/👎 press: record the presser's rating (a second press replaces the first)."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None:  # registered for rating buttons, which carry both
        return
    parsed = parse_rating_data(query.data)
    question_log = context.question_log
    if parsed is None or not question_log.enabled:
        await query.answer(texts.LOG_OFF if parsed else texts.RATING_EXPIRED, show_alert=True)
        return
    rating, answer_id = parsed
    who = str(user.id)  # the presser, whoever asked: in a group each member rates once
    recorded = await asyncio.to_thread(question_log.rate, answer_id, "telegram", who, rating)
    if not recorded:
        await query.answer(texts.RATING_EXPIRED, show_alert=True)
        return
    await query.answer(texts.RATED_UP if rating == "up" else texts.RATED_DOWN)


async def unanswered(update: Update, context: BotContext) -> None:
    """Admins: the most asked questions the notices did not answer, with how often."""
    user, message = update.effective_user, update.effective_message
    if message is None:  # a command always comes in a message
        return
    if not context.access.is_admin(user.id if user else None):
        await message.reply_text(texts.ADMIN_ONLY)
        return
    if not context.question_log.enabled:
        await message.reply_text(texts.LOG_OFF)
        return
    groups = await asyncio.to_thread(
        context.question_log.groups, "unanswered", None, TOP_UNANSWERED
    )
    for part in split_html(render_unanswered(groups, context.settings.question_log_days)):
        await message.reply_html(part)


def render_unanswered(groups: list[QuestionGroup], days: int) -> str:
    if not groups:
        return texts.UNANSWERED_NONE.format(days=days)
    lines = [texts.UNANSWERED_TITLE.format(shown=len(groups), days=days)]
    for i, g in enumerate(groups, 1):
        question = g.question if len(g.question) <= SHOWN_CHARS else g.question[:SHOWN_CHARS] + "…"
        lines.append(f"{i}. {escape(question)} — <b>{g.count}</b> lần")
    return "\n".join(lines)
