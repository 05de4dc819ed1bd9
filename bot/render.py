"""Answers, passages and lists as Telegram HTML, and safe splitting under the message limit.

Everything that comes from a document or a user is escaped here; nothing else builds HTML.
"""

from __future__ import annotations

import re
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import MessageLimit

from core.results import Answer, Citation, DocumentInfo, IndexStats

MAX_CHARS = MessageLimit.MAX_TEXT_LENGTH  # 4096
BUTTONS_PER_ROW = 5
MAX_SOURCES = 50
CITE_PREFIX = "cite"
CITATION_PATTERN = rf"^{CITE_PREFIX}:"  # callback data of a "[n]" button: cite:<answer key>:<n>

# A tag, an entity, a word with the spaces after it, a run of spaces, or a stray < or &.
_TOKEN = re.compile(r"<[^<>]*>|&#?\w+;|[^<&\s]+\s*|\s+|[<&]")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z][\w-]*)")


def render_answer(answer: Answer) -> str:
    """The answer with its [n] markers, then one source line per citation."""
    lines = [escape(answer.answer)]
    if answer.citations:
        lines += ["", "<b>Nguồn:</b>"]
        lines += [_source_line(c) for c in answer.citations]
    return "\n".join(lines)


def _source_line(c: Citation) -> str:
    line = f"[{c.n}] <b>{escape(c.title or c.source)}</b>"
    if c.date:
        line += f" ({escape(c.date)})"
    if c.section:
        line += f" — <i>{escape(c.section)}</i>"
    if c.page:
        line += f", trang {c.page}"
    return line + f" · <code>{escape(c.source)}</code>"


def render_passage(c: Citation) -> str:
    """The whole chunk a citation comes from, with the quoted sentence in bold."""
    head = f"<b>[{c.n}] {escape(c.title or c.source)}</b>"
    if c.date:
        head += f" ({escape(c.date)})"
    if c.section:
        head += f"\n<i>{escape(c.section)}</i>"
    head += f"\n<code>{escape(c.source)}</code>" + (f", trang {c.page}" if c.page else "")
    passage = c.passage or c.quote
    at = passage.find(c.quote) if c.quote else -1
    if at < 0:
        body = escape(passage)
    else:
        end = at + len(c.quote)
        body = f"{escape(passage[:at])}<b>{escape(c.quote)}</b>{escape(passage[end:])}"
    return f"{head}\n\n<blockquote>{body}</blockquote>"


def citation_keyboard(key: str, citations: list[Citation]) -> InlineKeyboardMarkup | None:
    """One "[n]" button per citation; the callback data names the answer and the number."""
    buttons = [
        InlineKeyboardButton(f"[{c.n}]", callback_data=f"{CITE_PREFIX}:{key}:{c.n}")
        for c in citations
    ]
    if not buttons:
        return None
    rows = [buttons[i : i + BUTTONS_PER_ROW] for i in range(0, len(buttons), BUTTONS_PER_ROW)]
    return InlineKeyboardMarkup(rows)


def parse_citation_data(data: str | None) -> tuple[str, int] | None:
    """(answer key, citation number) from a button's callback data; None when malformed."""
    prefix, _, rest = (data or "").partition(":")
    key, _, n = rest.partition(":")
    if prefix != CITE_PREFIX or not key or not n.isdigit():
        return None
    return key, int(n)


def render_sources(docs: list[DocumentInfo]) -> str:
    if not docs:
        return "Chưa có văn bản nào được nạp."
    lines = [f"<b>Các văn bản đã nạp ({len(docs)}), mới nhất trước:</b>"]
    for i, d in enumerate(docs[:MAX_SOURCES], 1):
        kind = " ".join(p for p in (d.doc_type, d.number) if p)
        facts = ", ".join(escape(p) for p in (kind, d.date) if p)
        line = f"{i}. <b>{escape(d.title or d.source)}</b>"
        lines.append(line + (f" — {facts}" if facts else "") + f" ({d.chunks} đoạn)")
    if len(docs) > MAX_SOURCES:
        lines.append(f"… và {len(docs) - MAX_SOURCES} văn bản khác.")
    return "\n".join(lines)


def render_stats(stats: IndexStats, running_job: str | None) -> str:
    job = f"đang chạy ({escape(running_job)})" if running_job else "không có"
    return (
        "<b>Trạng thái chỉ mục</b>\n"
        f"Văn bản: {stats.documents}\n"
        f"Đoạn: {stats.chunks}\n"
        f"Bộ nhúng: <code>{escape(stats.embedder)}</code>\n"
        f"Thế hệ chỉ mục: {stats.generation}\n"
        f"Lượt nạp: {job}"
    )


def split_html(html: str, limit: int = MAX_CHARS) -> list[str]:
    """Cut Telegram HTML into messages of at most `limit` characters (UTF-16 units, as Telegram
    counts), at a line break when one is in the second half, else between words; never inside
    a tag or entity. Tags open at a cut are closed there and reopened in the next message."""
    tokens = _TOKEN.findall(html)
    parts: list[str] = []
    stack: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        i, stack, part = _take_part(tokens, i, stack, limit)
        if re.sub(r"<[^<>]*>", "", part).strip():
            parts.append(part.strip())
    return parts


def _take_part(
    tokens: list[str], i: int, stack: list[tuple[str, str]], limit: int
) -> tuple[int, list[tuple[str, str]], str]:
    """One message from tokens[i:]; returns where the next starts and the tags still open."""
    out = [tag for _, tag in stack]
    reopened, size = len(out), sum(_size(t) for t in out)
    line_break: tuple[int, int, list[tuple[str, str]]] | None = None
    while i < len(tokens):
        token, after = tokens[i], _after(stack, tokens[i])
        room = limit - size - _closing_size(after)
        if _size(token) > room:
            if len(out) > reopened:
                break
            if token[0] in "<&" or room < 1:
                raise ValueError(f"HTML tags nest too deep to fit a {limit}-character message")
            head = _cut(token, room)  # a word longer than a whole message
            tokens[i : i + 1] = [head, token[len(head) :]]
            continue
        out.append(token)
        size += _size(token)
        stack, i = after, i + 1
        if token.endswith("\n") and size >= limit // 2:
            line_break = (len(out), i, stack)
    else:
        return i, [], "".join(out) + _closers(stack)
    if line_break is not None:
        end, i, stack = line_break
        out = out[:end]
    while len(out) > reopened and _opens(out[-1]):
        out.pop()  # an opening tag at the very end would leave an empty element
        stack, i = stack[:-1], i - 1
    return i, stack, "".join(out) + _closers(stack)


def _after(stack: list[tuple[str, str]], token: str) -> list[tuple[str, str]]:
    """The open-tag stack after one token (a new list; the old one is kept for backtracking)."""
    match = _TAG_NAME.match(token)
    if match is None:
        return stack
    name = match.group(1).lower()
    if _opens(token):
        return [*stack, (name, token)]
    for k in range(len(stack) - 1, -1, -1):
        if stack[k][0] == name:
            return stack[:k] + stack[k + 1 :]
    return stack


def _opens(token: str) -> bool:
    return not token.startswith("</") and _TAG_NAME.match(token) is not None


def _closers(stack: list[tuple[str, str]]) -> str:
    return "".join(f"</{name}>" for name, _ in reversed(stack))


def _closing_size(stack: list[tuple[str, str]]) -> int:
    return sum(len(name) + 3 for name, _ in stack)


def _cut(text: str, room: int) -> str:
    """The longest prefix of a word that fits `room` (at least one character)."""
    end = max(1, min(len(text), room))
    while end > 1 and _size(text[:end]) > room:
        end -= 1
    return text[:end]


def _size(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
