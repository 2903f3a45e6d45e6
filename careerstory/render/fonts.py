"""Which characters of a brief no font can draw, and which Debian package would draw them.

The brief's own typeface ships in the templates' ``fonts/`` folder; for anything it
lacks, Pango falls back to the system's fonts through fontconfig. So a character is
drawable when a bundled font's character map has it (read with fontTools, which
WeasyPrint brings) or when any font fontconfig knows has it (asked through
libfontconfig, which Pango brings). Both are read once per process.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".woff", ".woff2")

# Ranges of code points and the Debian package whose fonts draw them; the last entry catches the rest.
_PACKAGES: tuple[tuple[int, int, str], ...] = (
    (0x1100, 0x11FF, "fonts-noto-cjk"),
    (0x2E80, 0x9FFF, "fonts-noto-cjk"),
    (0xA960, 0xA97F, "fonts-noto-cjk"),
    (0xAC00, 0xD7FF, "fonts-noto-cjk"),
    (0xF900, 0xFAFF, "fonts-noto-cjk"),
    (0xFE30, 0xFE4F, "fonts-noto-cjk"),
    (0xFF00, 0xFFEF, "fonts-noto-cjk"),
    (0x20000, 0x3FFFF, "fonts-noto-cjk"),
    (0x2300, 0x23FF, "fonts-noto-color-emoji"),
    (0x2600, 0x27BF, "fonts-noto-color-emoji"),
    (0x2B00, 0x2BFF, "fonts-noto-color-emoji"),
    (0x1F000, 0x1FAFF, "fonts-noto-color-emoji"),
)
DEFAULT_PACKAGE = "fonts-noto-core"


def debian_package_for(char: str) -> str:
    """The Debian font package most likely to draw ``char``."""
    code = ord(char)
    for low, high, package in _PACKAGES:
        if low <= code <= high:
            return package
    return DEFAULT_PACKAGE


def _needs_a_glyph(char: str) -> bool:
    # Spaces, controls, joiners and variation selectors are not drawn by themselves.
    return not char.isspace() and unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Co", "Cn", "Mn", "Zl", "Zp")


@cache
def _bundled_coverage(folders: tuple[Path, ...]) -> frozenset[int]:
    from fontTools.ttLib import TTCollection, TTFont

    covered: set[int] = set()
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() not in FONT_SUFFIXES:
                continue
            try:
                fonts = (
                    TTCollection(str(path)).fonts if path.suffix.lower() == ".ttc" else [TTFont(str(path), lazy=True)]
                )
                for font in fonts:
                    covered.update(font.getBestCmap() or {})
            except Exception:  # a font file fontTools cannot read simply covers nothing
                continue
    return frozenset(covered)


class _FcFontSet(ctypes.Structure):
    _fields_ = (("nfont", ctypes.c_int), ("sfont", ctypes.c_int), ("fonts", ctypes.POINTER(ctypes.c_void_p)))


@dataclass
class _SystemFonts:
    """The charsets of every font fontconfig knows, kept alive for the process."""

    lib: ctypes.CDLL
    charsets: list[ctypes.c_void_p]

    def has(self, char: str) -> bool:
        code = ctypes.c_uint32(ord(char))
        return any(self.lib.FcCharSetHasChar(charset, code) for charset in self.charsets)


@cache
def _system_fonts() -> _SystemFonts | None:
    """The fonts fontconfig knows, or None when libfontconfig cannot be used (then nothing is reported)."""
    try:
        lib = ctypes.CDLL("libfontconfig.so.1")
    except OSError:
        name = ctypes.util.find_library("fontconfig")
        if name is None:
            return None
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            return None
    lib.FcInitLoadConfigAndFonts.restype = ctypes.c_void_p
    lib.FcConfigGetFonts.restype = ctypes.POINTER(_FcFontSet)
    lib.FcConfigGetFonts.argtypes = (ctypes.c_void_p, ctypes.c_int)
    lib.FcPatternGetCharSet.argtypes = (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(ctypes.c_void_p))
    lib.FcCharSetHasChar.argtypes = (ctypes.c_void_p, ctypes.c_uint32)
    config = lib.FcInitLoadConfigAndFonts()
    if not config:
        return None
    font_set = lib.FcConfigGetFonts(config, 0)  # FcSetSystem
    if not font_set:
        return None
    charsets = []
    for index in range(font_set.contents.nfont):
        charset = ctypes.c_void_p()
        if lib.FcPatternGetCharSet(font_set.contents.fonts[index], b"charset", 0, ctypes.byref(charset)) == 0:
            charsets.append(charset)
    return _SystemFonts(lib, charsets)


# Characters the bundled typefaces are known to draw (a test holds them to it): most
# briefs hold nothing else, and then no font file needs to be opened at all.
ALWAYS_DRAWN = frozenset(
    [*range(0x20, 0x7F), *range(0xA0, 0x100), 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026, 0x20AC]
)


def undrawable(text: Iterable[str], font_folders: tuple[Path, ...]) -> list[str]:
    """The distinct characters of ``text`` that neither the bundled nor any system font draws."""
    rare = {char for chunk in text for char in chunk if ord(char) not in ALWAYS_DRAWN and _needs_a_glyph(char)}
    if not rare:
        return []
    bundled = _bundled_coverage(font_folders)
    wanted = sorted(char for char in rare if ord(char) not in bundled)
    if not wanted:
        return []
    system = _system_fonts()
    if system is None:
        return []
    return [char for char in wanted if not system.has(char)]


def font_warnings(chars: list[str], limit: int = 6) -> list[str]:
    """One warning per Debian package, naming the characters it would draw."""
    by_package: dict[str, list[str]] = {}
    for char in chars:
        by_package.setdefault(debian_package_for(char), []).append(char)
    lines = []
    for package, group in by_package.items():
        shown = ", ".join(f"'{c}' (U+{ord(c):04X} {unicodedata.name(c, 'unnamed')})" for c in group[:limit])
        more = f" and {len(group) - limit} more" if len(group) > limit else ""
        lines.append(
            f"no installed font draws {shown}{more}; they show as empty boxes in the PDF. "
            f"Install the fonts that do: sudo apt-get install {package}"
        )
    return lines
