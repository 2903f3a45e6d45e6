"""Shared fixtures; each test module adds what it alone needs."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerstory.questions import Bank, default_bank


@pytest.fixture
def bank() -> Bank:
    return default_bank()


@pytest.fixture
def answers_path(tmp_path: Path) -> Path:
    return tmp_path / "careerstory.yaml"
