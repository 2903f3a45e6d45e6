"""The HTML file stands alone: used faces embedded and cut to the page's text, print size set."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from careerstory.questions.compiled import cache_folder
from careerstory.render import webpage
from careerstory.render.templating import Templates
from careerstory.render.webpage import PRECUT, for_screen, precut_path, subset_woff2

FOLDERS = Templates().folders
PAGE = """<!DOCTYPE html><html lang="en"><head><title>Ana "A" </style> Ruiz</title><style>
@font-face { font-family: "Brief Sans"; src: url("fonts/SourceSansPro-Regular.ttf"); font-style: normal; }
@font-face { font-family: "Brief Sans"; src: url("fonts/SourceSansPro-It.ttf"); font-style: italic; }
@font-face { font-family: "Far"; src: url("../../etc/passwd"); }
li::before { content: "\u2013"; }
</style></head><body><p>Caf\u00e9 &amp; co</p><table><td data-label="Wh&#39;o">x</td></table></body></html>"""


def embedded_fonts(page: str) -> list[TTFont]:
    return [TTFont(io.BytesIO(base64.b64decode(data))) for data in re.findall(r"base64,([A-Za-z0-9+/=]+)", page)]


FONTS = FOLDERS[0] / "fonts"
CYRILLIC = "\u041e\u043a\u0441\u0430\u043d\u0430"  # Оксана: drawn by the face, outside its Latin cut


def test_a_latin_page_carries_its_used_faces_latin_cut_whole_and_cuts_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cold"))  # a first render on a new machine

    def no_cutting(*args: object) -> bytes:
        raise AssertionError("a Latin page cut a face")

    monkeypatch.setattr(webpage, "_cut", no_cutting)
    page = for_screen(PAGE, FOLDERS, "a4")
    assert "SourceSansPro-Regular.ttf" not in page
    regular = FONTS / "SourceSansPro-Regular.ttf"
    (embedded,) = re.findall(r"base64,([A-Za-z0-9+/=]+)", page)
    assert base64.b64decode(embedded) == precut_path(regular, regular.read_bytes()).read_bytes()


def test_a_coachs_board_of_latin_names_cuts_no_face(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Its sorted column shows ↑ or ↓: the arrows are in the Latin cut, so that a board of
    # new names costs no cutting (it cost about 1.5 s, four faces cut afresh).
    from careerstory.follow.board import board_html, board_view, gather
    from careerstory.i18n.dates import read_date
    from careerstory.questions import default_bank

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cold"))

    def no_cutting(*args: object) -> bytes:
        raise AssertionError("a board of Latin names cut a face")

    monkeypatch.setattr(webpage, "_cut", no_cutting)
    examples = [
        path for path in sorted(Path(__file__).parents[1].glob("examples/*.yaml")) if "translator" not in path.name
    ]
    today = read_date("2026-03-10")
    assert today is not None
    page = board_html(board_view(gather(examples, default_bank()), today))
    assert "↑" in page and len(embedded_fonts(page)) >= 2


def test_a_page_beyond_latin_carries_its_used_faces_cut_to_its_characters() -> None:
    page = for_screen(PAGE.replace("co</p>", f"co {CYRILLIC}</p>"), FOLDERS, "a4")
    (font,) = embedded_fonts(page)
    assert font.flavor == "woff2"
    cmap = font.getBestCmap()
    for char in f"Caf\u00e9&co\u2013CAFÉ0123456789W'{CYRILLIC}":
        assert ord(char) in cmap, char
    assert ord("q") not in cmap and ord("Q") not in cmap


@pytest.mark.parametrize("font", sorted(FONTS.glob("*.ttf")), ids=lambda path: path.stem)
def test_each_bundled_face_has_its_latin_cut_made_from_its_current_bytes(font: Path) -> None:
    cut = precut_path(font, font.read_bytes())
    assert cut.is_file(), f"{cut.name} is missing: run `make fonts` after changing a font"
    drawn = set(TTFont(str(font), lazy=True).getBestCmap())
    assert set(TTFont(str(cut)).getBestCmap()) == drawn & PRECUT


def test_no_stale_latin_cut_is_shipped() -> None:
    current = {precut_path(font, font.read_bytes()).name for font in FONTS.glob("*.ttf")}
    assert {path.name for path in (FONTS / "latin").glob("*.woff2")} == current


def test_a_face_nothing_asks_for_is_left_out_and_files_outside_the_templates_stay_unread() -> None:
    page = for_screen(PAGE, FOLDERS, "a4")
    assert "SourceSansPro-It.ttf" not in page and "font-style: italic" not in page
    assert 'url("../../etc/passwd")' in page
    with_emphasis = for_screen(PAGE.replace("<p>", "<p><em>x</em>"), FOLDERS, "a4")
    assert len(embedded_fonts(with_emphasis)) == 2


@pytest.mark.parametrize(("size", "css"), [("a4", "size: A4"), ("letter", "size: letter")])
def test_the_page_prints_at_the_chosen_size_with_its_title_as_footer(size: str, css: str) -> None:
    page = for_screen(PAGE, FOLDERS, size)
    style = page[page.index("<style>@page") : page.index("</head>")]
    assert css in style
    assert 'content: "Ana \\22 A\\22  \\3C \\2F style\\3E  Ruiz"' in style


def test_cut_faces_are_cached_by_font_and_characters(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cold"))  # a cache of its own, cold, to count in
    font = FOLDERS[0] / "fonts" / "SourceSansPro-Regular.ttf"
    first = subset_woff2(font, [ord("a"), ord("\u0436")])
    cached = {path.name: path for path in (cache_folder() / "webfonts").glob("*.woff2")}
    assert len(cached) == 1 and next(iter(cached.values())).read_bytes() == first
    assert subset_woff2(font, [ord("\u0436"), ord("a")]) == first
    subset_woff2(font, [ord("\u0436")])
    assert len(list((cache_folder() / "webfonts").glob("*.woff2"))) == 2


def test_a_face_cut_through_the_common_characters_equals_one_cut_from_the_whole_face() -> None:
    font = FOLDERS[0] / "fonts" / "SourceSansPro-Regular.ttf"
    text = [ord(char) for char in "Zoë’s café — “naïve” 10 € Ж"]
    quick = TTFont(io.BytesIO(subset_woff2(font, text)))
    whole = TTFont(io.BytesIO(subset_woff2(font, [*text, 0x0250])))  # ɐ lies outside the common set
    assert set(quick.getBestCmap()) | {0x0250} == set(whole.getBestCmap())
    assert quick["GPOS"].table.LookupList.LookupCount > 0  # kerning kept


def test_an_unwritable_cache_only_costs_time(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    font = FOLDERS[0] / "fonts" / "SourceSansPro-Regular.ttf"
    assert TTFont(io.BytesIO(subset_woff2(font, [ord("\u0436")]))).flavor == "woff2"
