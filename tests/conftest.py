"""Shared fixtures; each test module adds what it alone needs."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerstory.questions import Bank, default_bank


@pytest.fixture(scope="session")
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _own_cache(_session_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # render keeps fingerprints and compiled templates in $XDG_CACHE_HOME; tests (and the
    # commands they start) must neither read nor write the person's own cache. One cache
    # for the whole run, warm after its first use, as a person's is after their first
    # render (every output path is a test's own, so no fingerprint is shared); the tests
    # about a cold cache make their own.
    monkeypatch.setenv("XDG_CACHE_HOME", str(_session_cache))


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
