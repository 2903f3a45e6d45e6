"""Language codes (BCP 47), read without any locale data so that checking one is free."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from careerstory import _

# RFC 5646's well-formed tags, less what no person writes in an answers file: primary
# subtags of 4 to 8 letters (none is registered; "german" or "polish" is a mistake to
# point out, not a language to fall back from) and the irregular grandfathered tags.
# A tag wholly for private use (`x-private`) is well-formed too, and spoken in English.
# This is the one grammar: `ask --language`, the reader, the saver and the JSON schema's
# pattern (:func:`json_pattern`) all come from it. Letters are written in lower case
# and matched in either; compiled on first use: compiling costs more than the rest of the module.
_PRIVATE_USE = r"[x](?:-[a-z0-9]{1,8})+"
_TAG = rf"""
    (?P<language>[a-z]{{2,3}}(?:-[a-z]{{3}}){{0,3}})
    (?:-(?P<script>[a-z]{{4}}))?
    (?:-(?P<region>[a-z]{{2}}|[0-9]{{3}}))?
    (?P<variants>(?:-(?:[a-z0-9]{{5,8}}|[0-9][a-z0-9]{{3}}))*)
    (?P<extensions>(?:-[a-wyz0-9](?:-[a-z0-9]{{2,8}})+)*)
    (?:-{_PRIVATE_USE})?
    |(?P<private>{_PRIVATE_USE})
"""


@cache
def _tag_pattern() -> re.Pattern[str]:
    return re.compile(_TAG, re.VERBOSE | re.IGNORECASE)


def json_pattern() -> str:
    """The same grammar as a JSON Schema ``pattern`` (ECMA-262: no flags, no named groups), anchored."""
    pattern = re.sub(r"\s+", "", _TAG)
    pattern = re.sub(r"\(\?P<\w+>", "(?:", pattern)
    pattern = re.sub(r"\[([^\]]*)\]", lambda found: "[" + _both_cases(found.group(1)) + "]", pattern)
    return rf"^\s*(?:{pattern})\s*$"  # spaces around it are read away, as parse_language does


def _both_cases(letters: str) -> str:
    """A character class's contents with each lower-case letter or range also in upper case."""
    upper = re.sub(r"[0-9](?:-[0-9])?", "", letters).upper()
    return letters + upper


class LanguageError(ValueError):
    """A language code that is not well-formed BCP 47: what is wrong and how to write it."""

    def __init__(self, code: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class Language:
    """A well-formed language code, split into the parts careerstory looks at."""

    tag: str  # the whole code in its usual spelling: "de-AT", "sr-Latn", "pl"
    language: str  # the primary subtag, lower case: "de"
    script: str | None = None  # title case: "Latn"
    region: str | None = None  # upper case: "AT", or three digits: "419"

    @property
    def is_english(self) -> bool:
        """Whether this is English in any of its varieties (the language of the msgids)."""
        return self.language == "en"


ENGLISH = Language("en", "en")


def parse_language(code: str) -> Language:
    """Read a BCP 47 code such as ``de``, ``pl`` or ``de-AT``; raise :class:`LanguageError` if malformed.

    The spelling of case does not matter (``DE-at`` is ``de-AT``), as BCP 47 says. Whether
    careerstory has a catalog for it is another question, answered by ``using``.
    """
    written = code.strip()
    match = _tag_pattern().fullmatch(written)
    if match is None:
        hint = _("Write a language code such as de, pl or de-AT: two or three letters, then a region after a hyphen.")
        if "_" in written and _tag_pattern().fullmatch(written.replace("_", "-")):
            hint = _("Write it with a hyphen rather than an underscore: {code}.").format(
                code=parse_language(written.replace("_", "-")).tag
            )
        raise LanguageError(code, _("'{code}' is not a language code").format(code=code), hint)
    if match["private"]:
        return Language(written.lower(), "und")  # no language of its own: spoken in English
    language = match["language"].lower()
    script = match["script"].title() if match["script"] else None
    region = match["region"].upper() if match["region"] else None
    # Variants, extensions and private use follow, in lower case.
    rest = written[max(match.end(part) for part in ("language", "script", "region") if match[part]) :].lower()
    tag = "-".join(part for part in (language, script, region) if part) + rest
    return Language(tag, language.split("-")[0], script, region)
