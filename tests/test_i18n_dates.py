"""A date typed with its month's name is read at once, as dateparser would read it."""

from __future__ import annotations

import datetime as dt
import itertools
import subprocess
import sys

import pytest
from babel.dates import get_month_names

from careerstory.i18n import dates
from careerstory.i18n.catalogs import LOCALE_FOLDER


@pytest.mark.parametrize("language", ["en", "de", "fr", "es", "pl", "en-US", "pt"])
def test_a_day_a_month_name_and_a_year_read_as_dateparser_reads_them(language: str) -> None:
    spoken = dates.base(language)
    # Every month name, as Babel has it, of English and of the file's language where
    # careerstory has a catalog for it (any other language's names are dateparser's).
    with_catalog = (LOCALE_FOLDER / spoken / "cldr.json").is_file()
    names = [
        name
        for tongue in dict.fromkeys([spoken if with_catalog else "en", "en"])
        for width in ("wide", "abbreviated")
        for name in get_month_names(width, locale=tongue).values()
    ]
    read_at_once = 0
    shapes = ("{d}. {m} 2026", "{m} {d}, 2026", "{d} {M} 2026", "{d} {m}")
    for name, day, shape in itertools.product(names, (16, 31), shapes):
        typed = " ".join(shape.format(d=day, m=name, M=name.upper()).split())
        recognised, quick = dates._named_month(typed, spoken)
        if not recognised:
            continue  # left to dateparser, whose reading it then is
        read_at_once += 1
        assert quick == dates._read(typed, spoken), typed  # a day February lacks, or no year: None in both
    assert read_at_once >= len(names) * 2 * 3


def test_reading_a_date_loads_neither_dateparser_nor_babel() -> None:
    code = (
        "import sys; from careerstory.i18n.dates import read_date; "
        "assert read_date('3. Mai 2026', 'de') and read_date('16 March 2026'); "
        "print(sorted(m for m in ('babel', 'dateparser') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_usual_dates_are_read_without_dateparser(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dateparser(typed: str, language: str) -> None:
        raise AssertionError(f"{typed!r} went to dateparser")

    monkeypatch.setattr(dates, "_read", no_dateparser)
    assert dates.read_date("16 March 2026") == dt.date(2026, 3, 16)
    assert dates.read_date("3. Mai 2026", "de-AT") == dt.date(2026, 5, 3)
    assert dates.read_date("16 marca 2026", "pl") == dt.date(2026, 3, 16)
    assert dates.read_date("March 16, 2026", "en-US") == dt.date(2026, 3, 16)
    assert dates.read_day_near("30 November", "en", dt.date(2026, 12, 2)) == dt.date(2026, 11, 30)


def test_a_day_its_month_lacks_or_another_shape_is_still_dateparsers() -> None:
    assert dates.read_date("31 February 2026") is None
    assert dates.read_date("16 de marzo de 2026", "es") == dt.date(2026, 3, 16)
    assert dates.read_date("the 16th of March, 2026") == dt.date(2026, 3, 16)
    assert dates.read_date("early March 2026") is None
