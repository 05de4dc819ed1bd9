"""Code as an earlier commit had it, loaded from git beside today's: the before half of the
before/after benchmarks, measured in the same process as the after half."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def source_at(commit: str, path: str) -> str:
    """The text of `path` (from the repository root) at `commit`."""
    return subprocess.run(
        ["git", "show", f"{commit}:{path}"], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout


def module_at(commit: str, path: str, name: str, source: str | None = None) -> types.ModuleType:
    """`path` at `commit` as a module called `name` (registered, since dataclasses look their
    module up); its imports resolve to today's modules unless `source` rewrites them."""
    module = types.ModuleType(name)
    sys.modules[name] = module
    code = source_at(commit, path) if source is None else source
    exec(compile(code, f"old/{path}", "exec"), module.__dict__)
    return module
