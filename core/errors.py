"""User-facing errors. Each message says what went wrong and how to fix it.

Front ends translate them at the edge: an HTTP status, a CLI exit code, a polite Telegram reply.
"""


class ChidaoError(Exception):
    """Base class for errors a user can act on."""


class ConfigError(ChidaoError):
    """A setting is missing or has a value we cannot use."""


class LoadError(ChidaoError):
    """One input file cannot be read; the rest of an ingest run goes on."""


class EmbedderMismatch(ChidaoError):
    """The index was built with another embedder; mixing vectors would return garbage."""


class IndexEmpty(ChidaoError):
    """Nothing has been ingested yet."""


class QuestionError(ChidaoError):
    """The question is empty or too long."""


class JobRunning(ChidaoError):
    """An ingestion job is already running; only one runs at a time."""

    def __init__(self, job_id: str):
        super().__init__(f"Một lượt nạp dữ liệu đang chạy (job {job_id}); hãy chờ nó xong.")
        self.job_id = job_id
