"""Small word tools the rules share: words, their rough stems and numbers (dates: careerstory.i18n.dates).

Deliberately crude: a rule needs to know whether two answers share a content word or
whether an answer holds a number, not to parse English.
"""

from __future__ import annotations

import re
from datetime import date

from careerstory import clock

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
DIGIT = re.compile(r"\d")


def word_set(text: str) -> frozenset[str]:
    """The words of a whitespace-separated list, as a set."""
    return frozenset(text.split())


# Words too common in a career story to tell two strengths, or a strength and its
# evidence, apart.
STOPWORDS = word_set(
    """
    a an the and or but nor of to in on at for from by with without into onto over under about
    as than then so such that this these those it its is are was were be been being am do does did
    done have has had i me my mine we us our you your he she they them their his her who whom which
    what when where why how not no yes all any each every both few more most other some own same
    very can could will would should may might must shall just also even still only ever never
    one ones thing things way ways lot lots make makes making made get gets getting got feel feels
    work works working worked people someone something good great well new real really
    experience experienced ability able strong excellent proven knowledge skill skills
    confident understanding use using used
    """
)
NUMBER_WORDS = word_set(
    """
    two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred hundreds thousand thousands million millions twice double doubled tripled half third
    quarter percent dozen dozens
    """
)


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased."""
    return [match.group(0).lower() for match in WORD.finditer(text)]


def stem(word: str) -> str:
    """A rough stem, so that ``designing``, ``designed`` and ``designs`` meet."""
    for suffix in ("ations", "ation", "ings", "ing", "ers", "ies", "ed", "es", "er", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_stems(text: str) -> set[str]:
    """The stems of the words of ``text`` that carry meaning."""
    return {stem(word) for word in words(text) if word not in STOPWORDS and not word.isdigit() and len(word) > 2}


def content_roots(text: str) -> set[str]:
    """The first five letters of each content stem: lenient enough that ``complicated`` meets ``complex``."""
    return {word[:5] for word in content_stems(text)}


def has_number(text: str, english: bool) -> bool:
    """True when ``text`` holds a figure (any language) or a number word (English)."""
    return bool(DIGIT.search(text)) or (english and any(word in NUMBER_WORDS for word in words(text)))


def today() -> date:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` when it is set (one reading, :mod:`careerstory.clock`)."""
    return clock.today()
