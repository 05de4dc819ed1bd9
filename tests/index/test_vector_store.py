"""Chroma both ways: embedded PersistentClient and a `chroma run` server on loopback."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import chromadb
import numpy as np
import pytest

from answering.service import AnswerService
from index.vector_store import EF_SEARCH, VectorStore, make_client
from ingest.pipeline import Ingestor
from tests.conftest import SAMPLES, make_settings


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_embedded_store_round_trip(settings):
    store = VectorStore(make_client(settings), "t-col", "emb-a", 3)
    store.upsert(["a", "b"], np.eye(3)[:2], [{"year": 2022}, {"year": 2023}])
    assert store.count() == 2 and store.all_ids() == {"a", "b"}
    assert store.query(np.array([1.0, 0.1, 0.0]), 2)[0][0] == "a"
    assert [i for i, _ in store.query(np.array([1.0, 0, 0]), 2, where={"year": 2023})] == ["b"]
    store.delete(["a"])
    assert store.all_ids() == {"b"}


def test_search_effort_is_set_on_new_and_older_indexes(settings):
    """A new collection searches with EF_SEARCH candidates; one made before (Chroma's default
    100) takes it when opened, and its vectors are still found."""
    store = VectorStore(make_client(settings), "new-col", "emb-a", 3)
    assert store._collection.configuration["hnsw"]["ef_search"] == EF_SEARCH
    old = make_client(settings).get_or_create_collection(
        "old-col",
        metadata={"embedder": "emb-a", "dim": 3},
        configuration={"hnsw": {"space": "cosine"}},
        embedding_function=None,
    )
    old.add(ids=["a"], embeddings=np.eye(3)[:1].astype(np.float32))
    assert old.configuration["hnsw"]["ef_search"] == 100 != EF_SEARCH
    reopened = VectorStore(make_client(settings), "old-col", "emb-a", 3)
    fresh = make_client(settings).get_collection("old-col")
    assert fresh.configuration["hnsw"]["ef_search"] == EF_SEARCH
    assert reopened.query(np.array([1.0, 0.0, 0.0]), 1)[0][0] == "a"


@pytest.fixture
def chroma_server(tmp_path: Path):
    exe = str(Path(sys.executable).parent / "chroma")
    if not Path(exe).exists():
        exe = shutil.which("chroma") or exe
    port = _free_port()
    proc = subprocess.Popen(
        [
            exe,
            "run",
            "--path",
            str(tmp_path / "server-db"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            chromadb.HttpClient(host="127.0.0.1", port=port).heartbeat()
            break
        except Exception:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("chroma server did not start")
    yield port
    proc.terminate()
    proc.wait(15)


def test_server_mode_ingest_and_answer(tmp_path, chroma_server):
    settings = make_settings(tmp_path / "data", chroma_host="127.0.0.1", chroma_port=chroma_server)
    report = Ingestor(settings).run([SAMPLES])
    assert report.added == 5
    assert not (tmp_path / "data" / "chroma").exists(), "server mode writes no local Chroma"
    answer = AnswerService.from_settings(settings).ask(
        "Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới?"
    )
    assert answer.found and "10/19" in answer.answer
