"""Who may talk to the bot, who may administer it, and how often anyone may ask."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from core.settings import Settings


@dataclass(frozen=True)
class Access:
    """An allow-list of user and chat ids; admins are always allowed.

    A listed group lets every member ask there; a listed user may ask in any chat.
    """

    allowed: frozenset[int]
    admins: frozenset[int]

    @classmethod
    def from_settings(cls, settings: Settings) -> Access:
        return cls(settings.allowed_ids, settings.admin_ids)

    def allows(self, user_id: int | None, chat_id: int | None) -> bool:
        if user_id is not None and (user_id in self.allowed or user_id in self.admins):
            return True
        return chat_id is not None and chat_id in self.allowed

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.admins


class RateLimiter:
    """At most `per_minute` requests per key in any sliding 60-second window; 0 means no limit."""

    WINDOW = 60.0

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic):
        self.per_minute = per_minute
        self.clock = clock
        self._seen: dict[int, deque[float]] = {}

    def take(self, key: int) -> float:
        """Seconds to wait before `key` may ask again; 0 means go ahead (and counts the request)."""
        if self.per_minute <= 0:
            return 0.0
        now = self.clock()
        seen = self._seen.setdefault(key, deque())
        while seen and seen[0] <= now - self.WINDOW:
            seen.popleft()
        if len(seen) >= self.per_minute:
            return seen[0] + self.WINDOW - now
        seen.append(now)
        self._forget_idle(now)
        return 0.0

    def _forget_idle(self, now: float) -> None:
        """Keeps memory bounded by the users active in the last minute."""
        if len(self._seen) < 1000:
            return
        for key in [k for k, s in self._seen.items() if not s or s[-1] <= now - self.WINDOW]:
            del self._seen[key]
