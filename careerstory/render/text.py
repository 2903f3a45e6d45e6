"""A person's typed text, shaped for the brief: paragraphs, line breaks, simple bullets.

An answer is plain text. The only structure careerstory reads into it is what people
type without thinking of markup: blank lines between paragraphs and lines starting with
``- `` as a bullet list. A single line break after a line of 50 characters or more is a
space, since people who edit the file by hand wrap their paragraphs at the editor's width;
after a shorter line (a salutation, a sign-off, an address) the break is kept, as it is
after a line ending in a backslash, the backslash left out. Everything else, HTML tags, Markdown
headings, links, stays literal text; :func:`markdown_escape` makes sure it stays so in
the Markdown brief, and autoescaping does the same for HTML.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from careerstory.answers.recipes import WRAPPED, first_sentences

# Defined beside the recipes that use them (ask uses them too); the templates' filters take them from here.
from careerstory.answers.recipes import first_sentence as first_sentence
from careerstory.answers.recipes import join_words as join_words

_BULLET = re.compile(r"^[ \t]*- (.*)$")
_BLANK = re.compile(r"^[ \t]*$")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: its hand-wrapped lines joined, split only where a line ended in a backslash."""

    lines: tuple[str, ...]
    kind: str = "paragraph"


@dataclass(frozen=True)
class Bullets:
    """A run of ``- `` lines."""

    items: tuple[str, ...]
    kind: str = "bullets"


Chunk = Paragraph | Bullets


# Unicode's explicit direction controls that open a run, and what closes each.
_DIRECTION_OPENERS = {
    "\u202a": "\u202c",  # LRE
    "\u202b": "\u202c",  # RLE
    "\u202d": "\u202c",  # LRO
    "\u202e": "\u202c",  # RLO
    "\u2066": "\u2069",  # LRI
    "\u2067": "\u2069",  # RLI
    "\u2068": "\u2069",  # FSI
}


def balance_direction(text: str) -> str:
    """``text`` with every direction override or isolate it leaves open closed at its end.

    An answer holding a right-to-left override (pasted, or hostile) would otherwise turn
    the brief's own words after it backwards, in the page footer for one.
    """
    open_runs: list[str] = []
    for char in text:
        if char in _DIRECTION_OPENERS:
            open_runs.append(_DIRECTION_OPENERS[char])
        elif open_runs and char == open_runs[-1]:
            open_runs.pop()
    return text + "".join(reversed(open_runs))


# CommonMark's line endings: a lone carriage return ends a line too.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def chunks(text: str) -> list[Chunk]:
    """Split typed text into paragraphs and bullet lists, in order.

    The lines of a paragraph are one line of text (a wrapped line reads on), except
    after a line shorter than :data:`WRAPPED` characters or one that ends in a backslash;
    an indented line after a ``- `` item goes on with that item.
    """
    out: list[Chunk] = []
    lines: list[str] = []  # the paragraph's kept lines, the last one still growing
    items: list[str] = []
    kept_break = False  # the line before was short, or ended in a backslash

    def flush_lines() -> None:
        if lines:
            out.append(Paragraph(tuple(lines)))
            lines.clear()

    def flush_items() -> None:
        if items:
            out.append(Bullets(tuple(items)))
            items.clear()

    for raw in _LINE_BREAK.split(text):
        if _BLANK.match(raw):
            flush_lines()
            flush_items()
            kept_break = False
            continue
        bullet = _BULLET.match(raw)
        line = raw.strip()
        backslash = line.endswith("\\") and not line.endswith("\\\\")
        line = line[:-1].rstrip() if backslash else line
        breaks = backslash or len(line) < WRAPPED
        if bullet and bullet.group(1).strip():
            flush_lines()
            items.append(bullet.group(1).strip().removesuffix("\\").rstrip() if backslash else bullet.group(1).strip())
        elif items and raw[:1] in (" ", "\t"):
            items[-1] = f"{items[-1]} {line}"  # a wrapped item goes on
        else:
            flush_items()
            if lines and not kept_break:
                lines[-1] = f"{lines[-1]} {line}"
            else:
                lines.append(line)
        kept_break = breaks
    flush_lines()
    flush_items()
    return out


def reflowed(text: str) -> str:
    """Typed text as its paragraphs read, for a message to copy: hand-wrapped lines joined, kept breaks kept."""
    shaped = []
    for chunk in chunks(text):
        if isinstance(chunk, Bullets):
            shaped.append("\n".join(f"- {item}" for item in chunk.items))
        else:
            shaped.append("\n".join(chunk.lines))
    return "\n\n".join(shaped)


def sentences(text: str, count: int, limit: int = 280) -> list[str]:
    """The first ``count`` sentences of the first paragraph, each cut at ``limit`` characters.

    A full stop after a title ("Dr. Marsh") ends no sentence.
    """
    return first_sentences(text, count, limit)


def fence_for(text: str) -> str:
    """A Markdown code fence longer than any run of backticks in ``text``, so the text inside stays literal."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


# Characters that start inline structure anywhere in CommonMark and GFM: emphasis,
# code, links and images, raw HTML and autolinks, tables, strikethrough, and the
# backslash itself.
_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What turns a line into a block of another kind: headings, quotes, list markers,
# setext underlines and thematic breaks, fenced code.
_LINE_START = re.compile(r"^([#>+=\-])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")


def markdown_escape(text: str) -> str:
    """Escape one line of typed text so that CommonMark shows it as the literal text.

    Line breaks in it (a name or list item edited by hand can hold them) become spaces,
    as they do in HTML. Leading spaces are dropped, since four would start a code block.
    """
    line = _LINE_START.sub(r"\\\1", markdown_inline(text))
    return _ORDERED.sub(r"\1\\\2", line)


def markdown_inline(text: str) -> str:
    """Escape typed text printed inside a line: no emphasis, link, code, HTML or line break.

    What a Markdown template prints is escaped so by default; where the text starts a
    line (a list item, a paragraph) the ``md`` filters also escape what would make it a
    heading, a rule or a numbered item.
    """
    line = " ".join(part.strip() for part in _LINE_BREAK.split(text)).strip()
    line = _INLINE.sub(r"\\\1", line)
    return _ENTITY.sub("&amp;", line)


def _markdown(
    text: str, line_break: str, item_break: str, chunk_break: str, escape: Callable[[str], str] = markdown_escape
) -> str:
    """Typed text's paragraphs and ``- `` lists as escaped Markdown, joined as asked."""
    parts: list[str] = []
    for chunk in chunks(text):
        if isinstance(chunk, Paragraph):
            parts.append(line_break.join(escape(line) for line in chunk.lines))
        else:
            parts.append(item_break.join("- " + escape(item) for item in chunk.items))
    return chunk_break.join(parts)


def markdown_cell(text: str) -> str:
    """Typed text as one GFM table cell: escaped, its line breaks kept as ``<br>``."""
    # A cell holds inline text only: "19. März" starts no list there, so it keeps its full stop bare.
    return _markdown(text, "<br>", "<br>", "<br><br>", markdown_inline) or " "


def markdown_block(text: str) -> str:
    """Typed text as CommonMark: paragraphs, hard line breaks and ``- `` lists, all else literal."""
    # A backslash at the end of a line is CommonMark's visible hard line break.
    return _markdown(text, "\\\n", "\n", "\n\n")


def markdown_quote(text: str) -> str:
    """Typed text as a CommonMark block quote."""
    return "\n".join(("> " + line) if line else ">" for line in markdown_block(text).split("\n"))


def tidy_markdown(text: str) -> str:
    """No trailing spaces, no runs of blank lines, one final line break."""
    lines = [line.rstrip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n") + "\n"


_CSS_FIELD = re.compile(r"\{(\w+)\}")


def css_content(message: str) -> str:
    """A translated message as CSS ``content``: text as strings, ``{page}`` and ``{pages}`` as counters.

    "Seite {page} von {pages}" becomes ``"Seite " counter(page) " von " counter(pages)``, so
    that each language keeps its own word order around the numbers. Every character that
    could end the string, the rule or the ``<style>`` element is escaped.
    """
    parts = []
    for at, piece in enumerate(_CSS_FIELD.split(message)):
        if at % 2:
            parts.append(f"counter({piece})" if piece in ("page", "pages") else f"string({piece})")
        elif piece:
            parts.append(css_string(piece))
    return " ".join(parts) or '""'


def css_string(text: str) -> str:
    """``text`` as a CSS string that cannot close its string, its rule or the ``<style>`` element."""
    escaped = "".join(c if c.isalnum() or c in " .,:;!?'()-·" else f"\\{ord(c):X} " for c in text)
    return f'"{escaped}"'
