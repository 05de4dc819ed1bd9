"""The benchmark's server wait gives up at once when the server dies, its question mix, its
summaries and its extrapolation."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from bench.load_web import _wait_ready, memory_mib
from bench.measure import pct
from bench.questions import abbreviation_question, fact_question, question_mix, unaccented
from bench.report import extrapolate, table


def test_wait_ready_stops_when_the_server_exits():
    dead = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    dead.wait(30)
    t = time.monotonic()
    with pytest.raises(SystemExit, match="exited with code 3"):
        _wait_ready("http://127.0.0.1:9", dead, timeout=60)
    assert time.monotonic() - t < 5


def test_memory_of_this_process_counts_pss_at_most_rss():
    memory = memory_mib(os.getpid())
    assert memory["processes"] >= 1
    assert 0 < memory["pss_mib"] <= memory["rss_mib"]


def test_fact_and_abbreviation_questions():
    text = (
        "Điều 5. Hồ sơ. Cơ quan tiếp nhận giải quyết hồ sơ trong thời hạn 15 ngày kể từ ngày "
        "nhận đủ hồ sơ hợp lệ. Ủy ban nhân dân cấp tỉnh quyết định danh mục các dự án ưu tiên."
    )
    assert fact_question(text) == (
        "Cơ quan tiếp nhận giải quyết hồ sơ trong thời hạn bao nhiêu ngày kể từ ngày nhận đủ hồ?"
    )
    assert abbreviation_question(text) == (
        "UBND cấp tỉnh quyết định danh mục các dự án ưu tiên như thế nào?"
    )
    assert fact_question("Ban hành ngày 15 tháng 10 năm 2015.") is None  # a date, not an amount
    assert unaccented("Thời hạn bao nhiêu ngày?") == "thoi han bao nhieu ngay?"


def test_question_mix_has_every_kind_with_its_gold_record():
    records = [
        {
            "title": f"Điều {i}. Điều khoản {i}",
            "text": f"Người lao động làm việc không quá {i + 1} "
            f"giờ trong một ngày. Ủy ban nhân dân cấp huyện kiểm tra việc thực hiện điều {i} này.",
        }
        for i in range(40)
    ]
    records[0]["alqac"] = [{"question": f"Câu hỏi {i}?"} for i in range(40)]
    mix = question_mix(records, per_kind=4)
    assert {q.kind for q in mix} == {"alqac", "fact", "unaccented", "abbreviation", "title"}
    assert all(q.gold is not None for q in mix)
    fact = next(q for q in mix if q.kind == "fact")
    assert "bao nhiêu giờ" in fact.text and str(fact.gold + 1) not in fact.text


def test_percentiles_table_and_extrapolation():
    assert pct([], 0.5) == 0.0
    assert pct([float(i) for i in range(1, 101)], 0.95) == 96.0

    def size(docs: int, ms: float, mib: int) -> dict:
        lat = {"p50": ms / 2, "p95": ms, "p99": ms}
        server = {"startup_to_ready_s": 2.0, "server_rss_mib": mib, "server_pss_mib": mib - 50}
        return {
            "documents": docs,
            "chunks": 3 * docs,
            "ingest_s_hash_vectors": 60.0,
            "retrieval_ms": lat,
            "evidence_ms": lat,
            "answer_ms": lat,
            "reingest_unchanged_s": 1.5,
            "server": server,
        }

    result = {"sizes": [size(10_000, 20.0, 400), size(100_000, 50.0, 1300)]}
    row = table(result).splitlines()[-1]
    assert row.startswith(
        "| 100,000 | 300,000 | 60.0 | 25.0 / 50.0 | 50.0 | 25.0 / 50.0 / 50.0 | – / – |"
    )
    limits = extrapolate(result, ram_mib=4000)
    assert limits["retrieval_p95_50ms"]["documents_at_limit"] == 100_000
    # 80% of 4000 MiB: (3200 - 300) / 0.01
    assert limits["server_rss_ram"]["documents_at_limit"] == 290_000


def test_no_task_extraction_skips_extraction_and_refresh_and_restores_them():
    import types

    import ingest.pipeline as pipeline
    from bench.sizes import no_task_extraction

    other = types.SimpleNamespace(tasks_of=len, refresh_tasks=len)
    saved = (pipeline.tasks_of, pipeline.refresh_tasks)
    with no_task_extraction(other):
        assert pipeline.tasks_of(None) == [] and pipeline.refresh_tasks(None) is None
        assert other.tasks_of(None) == [] and other.refresh_tasks(None) is None
    assert (pipeline.tasks_of, pipeline.refresh_tasks) == saved
    assert (other.tasks_of, other.refresh_tasks) == (len, len)
