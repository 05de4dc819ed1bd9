"""A fake Telegram Bot API on 127.0.0.1, so the real python-telegram-bot stack runs in tests.

It speaks the Bot API's HTTP and JSON (getMe, getUpdates with long polling, sendMessage, ...),
lets a test queue updates, records every call, and refuses what Telegram refuses: malformed
HTML, messages over 4,096 characters, empty text, callback data over 64 bytes.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html import unescape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

TOKEN = "123456:TEST-TOKEN"
BOT_USER = {"id": 999, "is_bot": True, "first_name": "Chỉ đạo", "username": "chidao_test_bot"}
MAX_TEXT = 4096
HTML_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler"}
HTML_TAGS |= {"a", "code", "pre", "blockquote", "tg-emoji"}
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)(\s[^<>]*)?>")
_ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")


class BadRequest(Exception):
    """What Telegram answers with HTTP 400."""


@dataclass
class Call:
    method: str
    params: dict[str, Any]

    def json(self, name: str) -> Any:
        value = self.params.get(name)
        return json.loads(value) if isinstance(value, str) else value

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return int(value) if value is not None else None

    @property
    def text(self) -> str:
        return str(self.params.get("text", ""))


def html_to_text(html: str) -> str:
    """The plain text Telegram would show; raises BadRequest where Telegram would refuse."""
    out, stack, i = [], [], 0
    while i < len(html):
        ch = html[i]
        if ch == "<":
            m = _TAG.match(html, i)
            if not m or m.group(2).lower() not in HTML_TAGS:
                raise BadRequest(f"Bad Request: can't parse entities: unsupported tag at {i}")
            name = m.group(2).lower()
            if not m.group(1):
                stack.append(name)
            elif not stack or stack.pop() != name:
                raise BadRequest(f"Bad Request: can't parse entities: unmatched </{name}>")
            i = m.end()
        elif ch == "&":
            m = _ENTITY.match(html, i)
            if not m:
                raise BadRequest(f"Bad Request: can't parse entities: bare & at {i}")
            out.append(unescape(m.group()))
            i = m.end()
        elif ch == ">":
            raise BadRequest(f"Bad Request: can't parse entities: bare > at {i}")
        else:
            out.append(ch)
            i += 1
    if stack:
        raise BadRequest(f"Bad Request: can't parse entities: can't find end tag for <{stack[-1]}>")
    return "".join(out)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def entities(text: str) -> list[dict]:
    """Mention and command entities as Telegram's clients would attach them."""
    found = []
    for m in re.finditer(r"(?:^/\w+(?:@\w+)?)|@\w+", text):
        kind = "bot_command" if m.group().startswith("/") else "mention"
        offset = utf16_len(text[: m.start()])
        found.append({"type": kind, "offset": offset, "length": utf16_len(m.group())})
    return found


class FakeBotApi:
    """The server, the queue of updates it hands out, and the calls it has seen."""

    def __init__(self, token: str = TOKEN):
        self.token = token
        self.calls: list[Call] = []
        self.errors: list[Call] = []
        self._updates: list[dict] = []
        self._messages: dict[tuple[int, int], dict] = {}
        self._chats: dict[int, dict] = {}
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._cond = threading.Condition()
        self._closed = False
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # --- lifecycle -----------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/bot"

    def __enter__(self) -> FakeBotApi:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._server.shutdown()
        self._server.server_close()

    # --- what a test sends -----------------------------------------------------------------
    @contextmanager
    def together(self) -> Iterator[None]:
        """Updates queued inside the block reach the bot in one getUpdates answer."""
        with self._cond:
            yield

    def push(self, **update: Any) -> dict:
        with self._cond:
            update = {"update_id": next(self._update_ids), **update}
            self._updates.append(update)
            self._cond.notify_all()
        return update

    def user(self, user_id: int) -> dict:
        return {"id": user_id, "is_bot": False, "first_name": f"Người dùng {user_id}"}

    def chat(self, chat_id: int, kind: str = "private") -> dict:
        chat = {"id": chat_id, "type": kind}
        chat.update({"first_name": "Người dùng"} if kind == "private" else {"title": "Nhóm"})
        self._chats[chat_id] = chat
        return chat

    def message(
        self, user_id: int, text: str | None = None, chat_id: int | None = None, **extra: Any
    ) -> dict:
        """Queue a message from `user_id`; a negative `chat_id` makes it a group message."""
        chat_id = user_id if chat_id is None else chat_id
        kind = "private" if chat_id > 0 else "supergroup"
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": self.chat(chat_id, kind),
            "from": self.user(user_id),
            **extra,
        }
        if text is not None:
            message.update(text=text, entities=entities(text))
        self.push(message=message)
        return message

    def edit(self, message: dict, text: str) -> dict:
        edited = {**message, "text": text, "entities": entities(text)}
        edited["edit_date"] = int(time.time())
        self.push(edited_message=edited)
        return edited

    def press(self, user_id: int, message: dict, data: str) -> dict:
        """Queue a press on an inline button of a message the bot sent."""
        query = {
            "id": str(next(self._update_ids)),
            "from": self.user(user_id),
            "chat_instance": "1",
            "message": message,
            "data": data,
        }
        return self.push(callback_query=query)

    # --- what a test checks ------------------------------------------------------------------
    def wait_for(
        self,
        method: str,
        chat_id: int | None = None,
        count: int = 1,
        timeout: float = 15,
        where: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """The first `count` calls of `method` (to `chat_id`, matching `where`), waiting for
        them to arrive."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [c for c in self.find(method, chat_id) if where is None or where(c)]
                if len(found) >= count:
                    return found[:count]
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no {count}x {method} to {chat_id}; saw {self.calls}")
                self._cond.wait(left)

    def find(self, method: str, chat_id: int | None = None) -> list[Call]:
        return [
            c
            for c in self.calls
            if c.method == method and (chat_id is None or c.chat_id == chat_id)
        ]

    def sent_message(self, call: Call) -> dict:
        """The message object the bot got back for a sendMessage call (to press its buttons)."""
        return self._messages[(call.chat_id, int(call.params["_message_id"]))]

    # --- the API -------------------------------------------------------------------------
    def handle(self, method: str, params: dict[str, Any]) -> Any:
        call = Call(method, params)
        try:
            result = self._dispatch(call)
        except BadRequest:
            with self._cond:
                self.errors.append(call)
                self._cond.notify_all()
            raise
        if method != "getUpdates":
            with self._cond:
                self.calls.append(call)
                self._cond.notify_all()
        return result

    def _dispatch(self, call: Call) -> Any:
        match call.method:
            case "getMe":
                return BOT_USER
            case "getUpdates":
                return self._get_updates(call)
            case "sendMessage" | "editMessageText":
                return self._send(call)
            case "getMyCommands":
                return []
            case "deleteWebhook" | "setWebhook" | "setMyCommands" | "sendChatAction":
                return True
            case "answerCallbackQuery" | "close" | "logOut":
                return True
        raise BadRequest(f"Not Found: method {call.method} not found")

    def _get_updates(self, call: Call) -> list[dict]:
        offset = int(call.params.get("offset") or 0)
        timeout = min(float(call.params.get("timeout") or 0), 2.0)
        deadline = time.monotonic() + timeout
        with self._cond:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            while not self._updates and not self._closed:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(left)
            return list(self._updates)

    def _send(self, call: Call) -> dict:
        text = call.text
        if call.params.get("parse_mode") == "HTML":
            text = html_to_text(text)
        if not text.strip():
            raise BadRequest("Bad Request: message text is empty")
        if utf16_len(text) > MAX_TEXT:
            raise BadRequest("Bad Request: message is too long")
        markup = call.json("reply_markup")
        for row in (markup or {}).get("inline_keyboard", []):
            if any(len(b.get("callback_data", "").encode()) > 64 for b in row):
                raise BadRequest("Bad Request: BUTTON_DATA_INVALID")
        chat_id = call.chat_id or 0
        message_id = int(call.params.get("message_id") or next(self._message_ids))
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": self._chats.get(chat_id) or self.chat(chat_id),
            "from": BOT_USER,
            "text": text,
        }
        if markup:
            message["reply_markup"] = markup
        call.params["_message_id"] = message_id
        self._messages[(chat_id, message_id)] = message
        return message


def _make_handler(api: FakeBotApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            prefix = f"/bot{api.token}/"
            if not self.path.startswith(prefix):
                self._reply(404, {"ok": False, "error_code": 404, "description": "Not Found"})
                return
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            try:
                result = api.handle(self.path[len(prefix) :], _params(self.headers, body))
            except BadRequest as exc:
                self._reply(400, {"ok": False, "error_code": 400, "description": str(exc)})
                return
            self._reply(200, {"ok": True, "result": result})

        def _reply(self, status: int, payload: dict) -> None:
            data = json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the bot stopped polling while a long poll was open

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


def _params(headers: Any, body: bytes) -> dict[str, Any]:
    kind = headers.get("Content-Type", "")
    if kind.startswith("application/json"):
        return json.loads(body or b"{}")
    if kind.startswith("application/x-www-form-urlencoded"):
        return dict(parse_qsl(body.decode()))
    if body:
        raise BadRequest(f"Bad Request: unexpected content type {kind}")
    return {}
