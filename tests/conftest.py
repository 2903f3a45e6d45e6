"""Shared fixtures; each test module adds what it alone needs."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerstory.questions import Bank, default_bank


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    # render keeps fingerprints and compiled templates in $XDG_CACHE_HOME; tests (and the
    # commands they start) must neither read nor write the person's own cache.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def bank() -> Bank:
    return default_bank()


@pytest.fixture
def answers_path(tmp_path: Path) -> Path:
    return tmp_path / "careerstory.yaml"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", default=False, help="Rewrite tests/golden/ from the current output."
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def write_answers(tmp_path: Path, bank: Bank):
    """Write an answers file in the canonical layout: write_answers(values, name="careerstory.yaml")."""
    from careerstory.answers import new_file_text

    def write(values: dict, name: str = "careerstory.yaml") -> Path:
        path = tmp_path / name
        path.write_text(new_file_text(bank, values, name), encoding="utf-8")
        return path

    return write
