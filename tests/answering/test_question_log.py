"""The question log on a real SQLite file: grouping, ratings, retention, privacy, switched off."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from answering.question_log import DB_NAME, SALT_NAME, QuestionLog, QuestionLogOff, normalize
from core.results import Answer, Citation, Filters
from tests.conftest import make_settings

DAY = 86400.0
TELEGRAM_ID = "987654321"
IP = "203.0.113.77"


class Clock:
    """A clock the test moves by hand, so retention does not need waiting."""

    def __init__(self, now: float):
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2025, 6, 1, 12).timestamp())


def open_log(data: Path, clock: Clock, **overrides) -> QuestionLog:
    return QuestionLog.open(make_settings(data, **overrides), clock=clock)


def answer(question: str, found: bool = True, doc_id: str = "d1") -> Answer:
    citations = [
        Citation(
            n=1,
            source="a.txt",
            doc_id=doc_id,
            chunk_id=f"{doc_id}:0",
            title="Thông báo",
            date="1/2024",
            section="",
            quote="q",
            passage="p",
        )
    ]
    return Answer(
        question=question,
        answer="…" if found else "Không tìm thấy",
        found=found,
        citations=citations if found else [],
        timings_ms={"total": 12.5},
    )


def test_normalize_folds_case_spacing_punctuation_and_accents():
    assert normalize("Giá vé  xe buýt…?") == normalize("gia ve xe buyt") == "gia ve xe buyt"
    assert normalize("ĐẠT 10/19 tiêu-chí!") == "dat 10 19 tieu chi"
    assert normalize("giá vé") != normalize("giá vàng")


def test_unaccented_variants_are_one_group_most_asked_first(tmp_path, clock):
    log = open_log(tmp_path / "data", clock)
    for text in ["Giá vé xe buýt Lạng Sơn là bao nhiêu?", "gia ve xe buyt lang son la bao nhieu"]:
        log.record(answer(text, found=False), "web", IP)
        clock.now += 60
    log.record(answer("GIÁ VÉ XE BUÝT, Lạng Sơn là bao nhiêu…", found=False), "telegram", "1")
    clock.now += 60
    log.record(answer("Xã Tam Gia đạt bao nhiêu tiêu chí?"), "web", IP)
    groups = log.groups()
    assert [(g.count, g.found) for g in groups] == [(3, False), (1, True)]
    assert groups[0].question == "GIÁ VÉ XE BUÝT, Lạng Sơn là bao nhiêu…"  # as last asked
    assert datetime.fromisoformat(groups[0].last_asked).timestamp() == clock.now - 60
    assert [g.count for g in log.groups("unanswered")] == [3]
    assert log.groups("down") == []
    [asked] = log.unanswered()
    assert asked.count == 3 and asked.filters is None


def test_the_last_asking_decides_whether_a_question_is_unanswered(tmp_path, clock):
    log = open_log(tmp_path / "data", clock)
    log.record(answer("Huyện Đình Lập có mấy xã đạt chuẩn?", found=False), "web", IP)
    clock.now += 60
    log.record(answer("huyen dinh lap co may xa dat chuan", found=True), "web", IP)
    [group] = log.groups()
    assert group.count == 2 and group.found
    assert log.groups("unanswered") == []


def test_ratings_replace_per_client_and_keep_comments(tmp_path, clock):
    log = open_log(tmp_path / "data", clock)
    first = log.record(answer("Ai ký thông báo?"), "web", IP)
    assert first.answer_id and len(first.answer_id) >= 20
    assert log.rate(first.answer_id, "web", IP, "up")
    clock.now += 1
    assert log.rate(first.answer_id, "web", IP, "down", "  Sai người ký.  ")  # replaces the 👍
    assert log.rate(first.answer_id, "telegram", "42", "down")  # another client adds one
    assert not log.rate("no-such-answer", "web", IP, "up")
    [group] = log.groups("down")
    assert (group.up, group.down, group.comments) == (0, 2, ["Sai người ký."])


def test_filters_are_kept_for_asking_again(tmp_path, clock):
    log = open_log(tmp_path / "data", clock)
    filters = Filters(year=2024, district="Bình Gia")
    log.record(answer("Còn xã Hoa Thám?", found=False), "web", IP, filters)
    [asked] = log.unanswered()
    assert asked.filters == filters


def test_since_counts_only_later_askings(tmp_path, clock):
    log = open_log(tmp_path / "data", clock)
    log.record(answer("Câu hỏi cũ"), "web", IP)
    clock.now += 3 * DAY
    log.record(answer("câu hỏi cũ"), "web", IP)
    today = datetime.fromtimestamp(clock.now).date()
    [group] = log.groups(since=today)
    assert group.count == 1
    assert log.groups(since=today + timedelta(days=1)) == []
    assert log.groups(since=date(2000, 1, 1))[0].count == 2


def test_old_rows_are_purged_on_open_and_while_running(tmp_path, clock):
    data = tmp_path / "data"
    log = open_log(data, clock, question_log_days=30)
    old = log.record(answer("Câu hỏi tháng trước", found=False), "web", IP)
    log.rate(old.answer_id, "web", IP, "down", "sai")
    clock.now += 20 * DAY
    log.record(answer("Câu hỏi gần đây"), "web", IP)
    log.close()

    clock.now += 11 * DAY  # the first asking is now 31 days old
    log = open_log(data, clock, question_log_days=30)
    assert [g.question for g in log.groups()] == ["Câu hỏi gần đây"]
    assert not log.rate(old.answer_id, "web", IP, "up")
    with sqlite3.connect(data / DB_NAME) as db:
        assert db.execute("SELECT COUNT(*) FROM ratings").fetchone() == (0,)

    clock.now += 20 * DAY  # no re-open: the periodic purge runs when the next question comes
    log.record(answer("Câu hỏi hôm nay"), "web", IP)
    assert [g.question for g in log.groups()] == ["Câu hỏi hôm nay"]


def test_ids_are_hashed_with_the_install_salt(tmp_path, clock):
    data = tmp_path / "data"
    log = open_log(data, clock)
    recorded = log.record(answer("Ai ký?"), "telegram", TELEGRAM_ID)
    log.rate(recorded.answer_id, "web", IP, "up")
    log.close()
    raw = b"".join(p.read_bytes() for p in data.glob(f"{DB_NAME}*"))
    assert TELEGRAM_ID.encode() not in raw and IP.encode() not in raw
    salt = data / SALT_NAME
    assert salt.stat().st_mode & 0o777 == 0o600 and len(bytes.fromhex(salt.read_text())) == 32

    again = open_log(data, clock)  # same install: same salt, same hash
    other = open_log(tmp_path / "other", clock)  # another install: unlinkable
    with sqlite3.connect(data / DB_NAME) as db:
        [(stored,)] = db.execute("SELECT client FROM questions").fetchall()
    assert stored == again.client_id("telegram", TELEGRAM_ID)
    assert stored != other.client_id("telegram", TELEGRAM_ID)
    assert len(stored) == 64 and TELEGRAM_ID not in stored


def test_switched_off_it_stores_nothing_but_answers_still_get_ids(tmp_path, clock):
    data = tmp_path / "data"
    log = open_log(data, clock, question_log=False)
    assert not log.enabled
    ids = {log.record(answer("Ai ký?"), "web", IP).answer_id for _ in range(3)}
    assert len(ids) == 3 and all(ids)
    with pytest.raises(QuestionLogOff, match="CHIDAO_QUESTION_LOG=0"):
        log.rate(ids.pop(), "web", IP, "up")
    with pytest.raises(QuestionLogOff):
        log.groups()
    assert not data.exists()


def test_many_threads_record_at_once(tmp_path, clock):
    log = open_log(tmp_path / "data", clock)

    def ask(i: int) -> None:
        for _ in range(25):
            log.record(answer(f"Câu hỏi số {i % 4}", found=False), "web", f"10.0.0.{i}")

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(g.count for g in log.groups()) == [50, 50, 50, 50]
