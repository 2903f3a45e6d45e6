"""The few CLDR forms careerstory prints, copied from Babel for each catalog language.

Loading Babel and a locale's data costs more than a whole Markdown brief's share of
start-up, for a date and a list. So ``make messages-compile`` copies the long date
pattern, the month names (wide, and abbreviated for reading typed dates) and the list
patterns of each language with a catalog into ``locale/<lang>/cldr.json``, and
:mod:`careerstory.i18n.formats` reads that instead; a test holds the copy equal to
Babel's own output. Run ``python -m careerstory.i18n.cldr`` to refresh the copies.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from careerstory.i18n.catalogs import LOCALE_FOLDER, available_languages

SNAPSHOT = "cldr.json"


def snapshot_path(lang: str) -> Path:
    """Where the CLDR copy of a catalog language lives."""
    return LOCALE_FOLDER / lang / SNAPSHOT


def snapshot(lang: str) -> dict[str, Any]:
    """The forms careerstory uses, read from Babel's CLDR data for ``lang``."""
    from babel import Locale

    locale = Locale.parse(lang)
    return {
        "locale": str(locale),
        "date": locale.date_formats["long"].pattern,
        "months": [locale.months["format"]["wide"][month] for month in range(1, 13)],
        "months_short": [locale.months["format"]["abbreviated"][month] for month in range(1, 13)],
        "list": dict(sorted(locale.list_patterns["standard"].items())),
    }


def snapshot_text(lang: str) -> str:
    """The file's text: stable, so that an unchanged copy leaves no diff."""
    return json.dumps(snapshot(lang), ensure_ascii=False, indent=1) + "\n"


def main() -> None:
    """Write the copy of every language that has a catalog."""
    for lang in available_languages()[1:]:
        snapshot_path(lang).write_text(snapshot_text(lang), encoding="utf-8")
        print(f"wrote {snapshot_path(lang)}")


if __name__ == "__main__":
    main()
