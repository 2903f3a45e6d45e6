"""The HTML file made into a page that stands alone: its typefaces inside it, its print size set.

The HTML that feeds WeasyPrint points at the template folder's font files, which the
fenced fetcher serves. A browser opening the HTML file from anywhere else cannot reach
them, so the file written for people gets each face it uses, cut down to the characters
the brief holds (fontTools, with brotli for WOFF2, both brought by WeasyPrint) and
embedded as a ``data:`` URL. Scripts a face lacks come from the reader's own fonts through
the stylesheet's font stacks.

Cutting a face takes about half a second, so a page that stays within Latin (nearly every
brief, in all five languages) embeds its faces' Latin cuts whole: made once at build time
(``make fonts``) and kept beside each face in ``fonts/latin/``, named by the face's digest so
a changed face is never paired with an old cut. Other pages get faces cut to their own
characters, cached by font file and characters.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import html as html_module
import io
import re
from collections.abc import Iterable
from pathlib import Path

from careerstory.questions.compiled import cache_folder
from careerstory.render.request import PageSize
from careerstory.render.text import css_string
from careerstory.storage import keep_cached

_STYLE = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.DOTALL | re.IGNORECASE)
_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}\n?", re.IGNORECASE)
_URL = re.compile(r"""url\(\s*(["']?)([^"')]+)\1\s*\)(\s*format\([^)]*\))?""", re.IGNORECASE)
_ITALIC = re.compile(r"font-style\s*:\s*(italic|oblique)", re.IGNORECASE)
_CSS_STRING = re.compile(r"""content\s*:\s*(["'])(.*?)\1""")
_TAG = re.compile(r"<[^>]*>")
# Elements a browser sets in italic unless a stylesheet says otherwise.
_ITALIC_ELEMENTS = re.compile(r"<(em|i|cite|var|dfn|address)[\s>]", re.IGNORECASE)
# Drawn by the browser itself, not typed: hyphens where it breaks words, the replacement
# mark, and the digits of the page numbers when the page is printed.
_ALWAYS = "-\u2010\u00ad\ufffd 0123456789"
# Attributes whose text CSS may show (content: attr(data-label)).
_SHOWN_ATTRIBUTE = re.compile(r'\sdata-[\w-]+="([^"]*)"')


def _characters(document: str, css: str) -> frozenset[int]:
    """Every character the page may draw: its text in both cases (for uppercase labels) and the CSS's own."""
    body = document.split("<body", 1)[-1]
    text = html_module.unescape(_TAG.sub(" ", _STYLE.sub(" ", body)))
    title = re.search(r"<title>(.*?)</title>", document, re.DOTALL)
    if title:
        text += html_module.unescape(title.group(1))
    text += "".join(match.group(2) for match in _CSS_STRING.finditer(css)) + _ALWAYS
    text += html_module.unescape("".join(_SHOWN_ATTRIBUTE.findall(body)))
    chars = {char for char in text if not char.isspace() or char == " "}
    chars |= {variant for char in list(chars) for variant in (char.upper(), char.lower()) if len(variant) == 1}
    return frozenset(ord(char) for char in chars)


# Latin (with Vietnamese), Greek, Cyrillic, punctuation and a few symbols: what nearly
# every brief stays within. A face cut to these once (and cached) is cut again for each
# page in about half the time of the whole face, whose layout tables are slow to read.
_COMMON = frozenset(
    [*range(0x20, 0x7F), *range(0xA0, 0x250), *range(0x370, 0x500), *range(0x1E00, 0x1F00), *range(0x2000, 0x2070)]
).union([0x20AC, 0x2122, *range(0x2190, 0x2194)])


# Latin as the five languages and their neighbours write it (Basic Latin to Latin
# Extended-B), general punctuation, the euro, the trademark sign and the four arrows
# (the board's sorted column shows ↑ or ↓: without them every board was cut afresh).
PRECUT = frozenset(
    [*range(0x20, 0x7F), *range(0xA0, 0x250), *range(0x2000, 0x2070), 0x20AC, 0x2122, *range(0x2190, 0x2194)]
)


def precut_path(font: Path, data: bytes) -> Path:
    """Where the build keeps ``font``'s Latin cut: beside it, named by its bytes' digest."""
    return font.parent / "latin" / f"{font.stem}-{hashlib.sha256(data).hexdigest()[:16]}.woff2"


def write_precuts(folder: Path) -> list[Path]:
    """Cut every face in ``folder`` to :data:`PRECUT` as WOFF2 into ``folder/latin``, dropping stale cuts."""
    latin = folder / "latin"
    latin.mkdir(exist_ok=True)
    written = []
    for font in sorted(folder.glob("*.ttf")):
        data = font.read_bytes()
        path = precut_path(font, data)
        path.write_bytes(_cut(data, PRECUT, "woff2"))
        written.append(path)
    for stale in set(latin.glob("*.woff2")) - set(written):
        stale.unlink()
    return written


def _cut(data: bytes, codepoints: Iterable[int], flavor: str | None) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = flavor
    options.desubroutinize = True  # smaller once compressed
    options.hinting = False  # a fifth smaller; screens draw these faces well without it
    face = TTFont(io.BytesIO(data))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(face)
    face.flavor = flavor
    out = io.BytesIO()
    face.save(out)
    return out.getvalue()


def _drawn(data: bytes) -> frozenset[int]:
    """The characters a font file draws."""
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(io.BytesIO(data), lazy=True).getBestCmap() or {})


def subset_woff2(font: Path, codepoints: Iterable[int]) -> bytes:
    """``font`` cut down to ``codepoints`` as WOFF2, from the cache when it was cut before."""
    data = font.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    wanted = sorted(set(codepoints))
    key = hashlib.sha256(f"{digest}:{','.join(map(str, wanted))}".encode()).hexdigest()
    folder = cache_folder() / "webfonts"
    with contextlib.suppress(OSError):
        return (folder / f"{key}.woff2").read_bytes()  # a page cut before: no font is parsed
    drawn = _drawn(data).intersection(wanted)
    if PRECUT.issuperset(drawn):
        with contextlib.suppress(OSError):
            return precut_path(font, data).read_bytes()  # the usual case: nothing is cut
    source = data
    if _COMMON.issuperset(drawn):
        common = folder / f"{digest}-common.ttf"
        try:
            source = common.read_bytes()
        except OSError:
            source = _cut(data, _COMMON, None)
            keep_cached(common, source)
    woff2 = _cut(source, wanted, "woff2")
    keep_cached(folder / f"{key}.woff2", woff2)
    return woff2


def _font_file(url: str, folders: tuple[Path, ...]) -> Path | None:
    """The template folder's file a relative font URL names, fenced like the PDF's fetcher."""
    from careerstory.render.pdf import allowed_file

    if ":" in url.split("/", 1)[0]:
        return None  # data:, http: and the like are left as they are
    return allowed_file((folders[0] / url).as_uri(), folders, folders[1:])


def embed_fonts(document: str, folders: tuple[Path, ...]) -> str:
    """``document`` with every used face of its inline stylesheets embedded as cut WOFF2."""
    css = "".join(match.group(2) for match in _STYLE.finditer(document))
    rules_free = _FONT_FACE.sub("", css)
    italic_used = bool(_ITALIC.search(rules_free) or _ITALIC_ELEMENTS.search(document))
    codepoints = _characters(document, css)

    def face(rule: re.Match[str]) -> str:
        if _ITALIC.search(rule.group(0)) and not italic_used:
            return ""  # a face nothing on the page asks for costs bytes and nothing else

        def source(url: re.Match[str]) -> str:
            path = _font_file(html_module.unescape(url.group(2)), folders)
            if path is None:
                return url.group(0)
            data = base64.b64encode(subset_woff2(path, codepoints)).decode("ascii")
            return f'url("data:font/woff2;base64,{data}") format("woff2")'

        return _URL.sub(source, rule.group(0))

    def style(block: re.Match[str]) -> str:
        return block.group(1) + _FONT_FACE.sub(face, block.group(2)) + block.group(3)

    return _STYLE.sub(style, document)


def print_style(document: str, page_size: PageSize | str) -> str:
    """What a browser needs to print the page as the PDF: its size and a footer naming it.

    Browsers have no ``string()`` for running footers, so the footer is the page's title.
    """
    title = re.search(r"<title>(.*?)</title>", document, re.DOTALL)
    footer = css_string(" ".join(html_module.unescape(title.group(1)).split())) if title else "none"
    return f"<style>@page {{ size: {PageSize(page_size).css}; @bottom-left {{ content: {footer}; }} }}</style>\n"


def for_screen(document: str, folders: tuple[Path, ...], page_size: PageSize | str) -> str:
    """The HTML file a person opens: typefaces embedded, printing at the brief's page size."""
    document = embed_fonts(document, folders)
    head_end = document.find("</head>")
    if head_end < 0:
        return document
    return document[:head_end] + print_style(document, page_size) + document[head_end:]
