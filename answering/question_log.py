"""The question log both front ends write: what staff asked, whether the notices answered it,
and how they rated the answer. Grouped by question, it is the to-do list of whoever loads the
notices: what is asked and missing, and which answers people found wrong.

Privacy: a client (web peer address, Telegram user id) is kept only as HMAC-SHA256 under a
random salt made once per install (DATA_DIR/question_log.salt); rows older than
CHIDAO_QUESTION_LOG_DAYS are purged; CHIDAO_QUESTION_LOG=0 stores nothing at all.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import sqlite3
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from core.errors import ChidaoError, ConfigError
from core.results import Answer, Filters
from core.settings import Settings
from vntext.terms import fold

DB_NAME = "questions.sqlite"
SALT_NAME = "question_log.salt"
PURGE_EVERY_S = 3600.0
MAX_COMMENT = 1000
MAX_COMMENTS_SHOWN = 20
Channel = Literal["web", "telegram"]
Rating = Literal["up", "down"]
Status = Literal["unanswered", "down", "all"]
_WORD = re.compile(r"[^\W_]+")

PRAGMAS = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
SCHEMA = """
CREATE TABLE IF NOT EXISTS questions (
    answer_id TEXT PRIMARY KEY, asked_at REAL NOT NULL, channel TEXT NOT NULL,
    client TEXT NOT NULL, question TEXT NOT NULL, norm TEXT NOT NULL, filters TEXT NOT NULL,
    found INTEGER NOT NULL, doc_ids TEXT NOT NULL, latency_ms REAL NOT NULL);
CREATE INDEX IF NOT EXISTS questions_asked_at ON questions(asked_at);
CREATE INDEX IF NOT EXISTS questions_norm ON questions(norm);
CREATE TABLE IF NOT EXISTS ratings (
    answer_id TEXT NOT NULL REFERENCES questions(answer_id) ON DELETE CASCADE,
    client TEXT NOT NULL, rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT NOT NULL, rated_at REAL NOT NULL, PRIMARY KEY (answer_id, client));
"""


class QuestionLogOff(ChidaoError):
    """CHIDAO_QUESTION_LOG=0: nothing is stored, so there is nothing to rate or list."""

    def __init__(self) -> None:
        super().__init__("Nhật ký câu hỏi đang tắt (CHIDAO_QUESTION_LOG=0) nên không lưu đánh giá.")


class QuestionGroup(BaseModel):
    """Every asking of one question (the same normalized text), for the admins' lists."""

    question: str  # as it was last asked
    count: int
    last_asked: str  # ISO 8601, server local time with its UTC offset
    found: bool  # whether the last asking was answered
    up: int
    down: int
    comments: list[str]


@dataclass(frozen=True)
class Asked:
    """The last asking of an unanswered question, to ask it again after a re-index."""

    question: str
    filters: Filters | None
    count: int


def normalize(text: str) -> str:
    """The grouping key: "Giá vé xe buýt…" and "gia ve  xe buyt" are one question."""
    return " ".join(fold(w) for w in _WORD.findall(unicodedata.normalize("NFC", text)))


def load_salt(path: Path) -> bytes:
    """The install's random salt, made once (mode 0600); deleting it unlinks all stored ids."""
    if not path.exists():
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32))
        try:
            os.link(tmp, path)  # atomic: of two processes starting at once, one salt wins
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    try:
        return bytes.fromhex(path.read_text().strip())
    except ValueError as exc:
        raise ConfigError(f"{path} is not a salt written by chidao; delete it.") from exc


class QuestionLog:
    """SQLite (WAL) in the data dir, one connection behind a lock: safe from many threads.

    Disabled (`path` None), it stores nothing and only gives answers their answer_id.
    """

    def __init__(
        self,
        path: Path | None,
        salt: bytes = b"",
        retention_days: int = 90,
        clock: Callable[[], float] = time.time,
    ):
        self.enabled = path is not None
        self.retention_days = retention_days
        self._salt = salt
        self._clock = clock
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._purged_at = 0.0
        if path is not None:
            db = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=10)
            db.executescript(PRAGMAS + SCHEMA)
            self._db = db
            self.purge()

    @classmethod
    def open(cls, settings: Settings, clock: Callable[[], float] = time.time) -> QuestionLog:
        if not settings.question_log:
            return cls(None, retention_days=settings.question_log_days, clock=clock)
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        salt = load_salt(settings.data_dir / SALT_NAME)
        return cls(settings.data_dir / DB_NAME, salt, settings.question_log_days, clock)

    def client_id(self, channel: str, raw: str) -> str:
        """What is stored instead of an IP or a Telegram id: HMAC-SHA256 under the salt."""
        return hmac.new(self._salt, f"{channel}:{raw}".encode(), hashlib.sha256).hexdigest()

    # --- writing ------------------------------------------------------------------------------
    def record(
        self, answer: Answer, channel: Channel, client: str, filters: Filters | None = None
    ) -> Answer:
        """The answer with a fresh unguessable answer_id, its asking written to the log."""
        answer = answer.model_copy(update={"answer_id": secrets.token_urlsafe(16)})
        if self._db is None:
            return answer
        doc_ids = list(dict.fromkeys(c.doc_id for c in answer.citations))
        kept = filters.model_dump(exclude_none=True) if filters and not filters.is_empty() else {}
        who = (answer.answer_id, self._clock(), channel, self.client_id(channel, client))
        what = (answer.question, normalize(answer.question), json.dumps(kept) if kept else "")
        outcome = (int(answer.found), json.dumps(doc_ids), answer.timings_ms.get("total", 0.0))
        row = (*who, *what, *outcome)
        with self._lock:
            self._db.execute("INSERT INTO questions VALUES (?,?,?,?,?,?,?,?,?,?)", row)
            if row[1] - self._purged_at >= PURGE_EVERY_S:
                self._purge_locked()
        return answer

    def record_events(
        self,
        events: Iterator[dict[str, Any]],
        channel: Channel,
        client: str,
        filters: Filters | None = None,
    ) -> Iterator[dict[str, Any]]:
        """AnswerService.ask_stream's events, the final `answer` recorded and given its id."""
        for event in events:
            if event["event"] == "answer":
                answer = self.record(Answer.model_validate(event["data"]), channel, client, filters)
                event = {"event": "answer", "data": answer.model_dump()}
            yield event

    def rate(
        self, answer_id: str, channel: Channel, client: str, rating: Rating, comment: str = ""
    ) -> bool:
        """Store a rating; the same client rating the same answer again replaces it. False when
        the answer is not in the log (never was, or purged)."""
        db = self._require()
        who, comment = self.client_id(channel, client), comment.strip()[:MAX_COMMENT]
        row = (answer_id, who, rating, comment, self._clock())
        with self._lock:
            if db.execute("SELECT 1 FROM questions WHERE answer_id = ?", (answer_id,)).fetchone():
                db.execute(
                    "INSERT INTO ratings VALUES (?,?,?,?,?) ON CONFLICT (answer_id, client) DO "
                    "UPDATE SET rating = excluded.rating, comment = excluded.comment, "
                    "rated_at = excluded.rated_at",
                    row,
                )
                return True
        return False

    def purge(self) -> int:
        """Drop askings older than the retention period, with their ratings; how many."""
        if self._db is None:
            return 0
        with self._lock:
            return self._purge_locked()

    def _purge_locked(self) -> int:
        assert self._db is not None
        now = self._clock()
        self._purged_at = now
        cutoff = now - self.retention_days * 86400
        return self._db.execute("DELETE FROM questions WHERE asked_at < ?", (cutoff,)).rowcount

    # --- reading ------------------------------------------------------------------------------
    def groups(
        self, status: Status = "all", since: date | None = None, limit: int = 200
    ) -> list[QuestionGroup]:
        """Askings grouped by normalized text, most asked first (most disliked first for
        "down"); "unanswered" means the last asking found nothing."""
        rows, ratings = self._grouped(since)
        out = []
        for row in rows:
            up, down, comments = ratings.get(row["norm"], (0, 0, []))
            group = QuestionGroup(
                question=row["question"],
                count=row["n"],
                last_asked=_local_iso(row["last"]),
                found=bool(row["found"]),
                up=up,
                down=down,
                comments=comments[:MAX_COMMENTS_SHOWN],
            )
            wanted = {"all": True, "unanswered": not group.found, "down": group.down > 0}
            if wanted[status]:
                out.append(group)
        if status == "down":
            out.sort(key=lambda g: (g.down, g.count, g.last_asked), reverse=True)
        return out[:limit]

    def unanswered(self, limit: int = 50) -> list[Asked]:
        """The last asking of each unanswered question, most asked first."""
        rows, _ = self._grouped(None)
        unanswered = [r for r in rows if not r["found"]][:limit]
        return [Asked(r["question"], _filters(r["filters"]), r["n"]) for r in unanswered]

    def _grouped(self, since: date | None) -> tuple[list[sqlite3.Row], dict[str, tuple]]:
        """One row per question (SQLite takes bare columns from the MAX(asked_at) row) and
        (up, down, comments newest first) per question."""
        db = self._require()
        start = datetime.combine(since, datetime.min.time()).timestamp() if since else 0.0
        with self._lock:
            db.row_factory = sqlite3.Row
            rows = db.execute(
                "SELECT norm, question, filters, found, MAX(asked_at) AS last, COUNT(*) AS n "
                "FROM questions WHERE asked_at >= ? GROUP BY norm ORDER BY n DESC, last DESC",
                (start,),
            ).fetchall()
            rated = db.execute(
                "SELECT q.norm, r.rating, r.comment FROM ratings r JOIN questions q "
                "USING (answer_id) WHERE q.asked_at >= ? ORDER BY r.rated_at DESC",
                (start,),
            ).fetchall()
            db.row_factory = None
        ratings: dict[str, tuple[int, int, list[str]]] = {}
        for norm, rating, comment in rated:
            up, down, comments = ratings.get(norm, (0, 0, []))
            ratings[norm] = (
                up + (rating == "up"),
                down + (rating == "down"),
                [*comments, comment] if comment else comments,
            )
        return rows, ratings

    def _require(self) -> sqlite3.Connection:
        if self._db is None:
            raise QuestionLogOff()
        return self._db

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


def _local_iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp).astimezone().isoformat("T", "seconds")


def _filters(stored: str) -> Filters | None:
    return Filters(**json.loads(stored)) if stored else None
