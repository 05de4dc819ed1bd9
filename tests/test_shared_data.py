"""`require_shared`: a missing ../shared skips on a developer's machine and fails under CI=true."""

from __future__ import annotations

import pytest

from tests.conftest import require_shared


def test_missing_data_skips_locally(tmp_path, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="not found"):
        require_shared(tmp_path / "absent")


@pytest.mark.parametrize("value", ["true", "TRUE", "1"])
def test_missing_data_fails_in_ci(tmp_path, monkeypatch, value):
    monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.fail.Exception, match=r"absent not found.*CI=true"):
        require_shared(tmp_path / "absent")


@pytest.mark.parametrize("value", [None, "true"])
def test_present_data_is_returned(tmp_path, monkeypatch, value):
    if value is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", value)
    assert require_shared(tmp_path) == tmp_path


def test_ci_false_still_skips(tmp_path, monkeypatch):
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception):
        require_shared(tmp_path / "absent")
