"""The PDF brief: its text, metadata, bookmarks and pages, its reproducibility, and its fence."""

from __future__ import annotations

import builtins
import json
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest

from careerstory.answers import load, new_file_text
from careerstory.errors import UserError
from careerstory.questions import default_bank
from careerstory.render import fonts as brief_fonts
from careerstory.render.brief import build_brief
from careerstory.render.pdf import FetchLog, allowed_file, import_weasyprint, write_pdf
from careerstory.render.request import RenderRequest
from careerstory.render.running import render_html, run_render
from careerstory.render.templating import Templates, builtin_folder
from careerstory.render.typography import typeset

GOLDEN = Path(__file__).parent / "golden"
FULL = json.loads((GOLDEN / "full.answers.json").read_text("utf-8"))
EPOCH = "1767225600"  # 2026-01-01T00:00:00Z
# The brief's parts, ordered for its reader; the method's blocks follow inside the groundwork.
BLOCK_TITLES = [
    "Why me",
    "The jobs I am going for",
    "Conversations so far",
    "Next steps",
    "The groundwork",
]
MM = 72 / 25.4


def make_pdf(folder: Path, values: dict, name: str = "brief", **options: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(new_file_text(default_bank(), values, path.name), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        patch.setenv("XDG_CACHE_HOME", str(folder / "cache"))
        run_render(RenderRequest([path], ["pdf"], force=True, **options), default_bank())  # type: ignore[arg-type]
    return path.with_suffix(".pdf")


@pytest.fixture(scope="module")
def full_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_pdf(tmp_path_factory.mktemp("full"), FULL, "maya")


def page_problems(path: Path, margin_mm: float = 8) -> list[str]:
    """Pages that are empty, or that have ink in the outer margin strip (something overflowed)."""
    problems = []
    document = pdfium.PdfDocument(str(path))
    for index in range(len(document)):
        image = document[index].render(scale=1).to_pil().convert("L")
        ink = image.point(lambda value: 255 if value < 245 else 0)
        box = ink.getbbox()
        if box is None:
            problems.append(f"page {index + 1} is empty")
            continue
        strip = margin_mm * MM
        left, top, right, bottom = box
        if left < strip or top < strip or right > image.width - strip or bottom > image.height - strip:
            problems.append(f"page {index + 1} has ink in its outer {margin_mm} mm: {box} of {image.size}")
    return problems


def test_pdf_text_holds_the_name_and_every_block_title(full_pdf: Path) -> None:
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(full_pdf).pages)
    assert "Maya Okafor" in text
    for title in BLOCK_TITLES:
        assert title in text.replace("\u2019", "'")
    assert "Priya Shah" in text


def test_pdf_metadata_names_title_author_subject_and_the_fixed_date(full_pdf: Path) -> None:
    meta = pypdf.PdfReader(full_pdf).metadata
    assert meta.title == "Maya Okafor: career brief"
    assert meta.author == "Maya Okafor"
    assert (
        meta.subject == "From Secondary-school chemistry teacher at Northfield Academy to Learning experience designer"
    )
    assert meta["/CreationDate"].startswith("D:20260101000000")


def test_pdf_bookmarks_are_the_name_then_the_blocks(full_pdf: Path) -> None:
    outline = pypdf.PdfReader(full_pdf).outline
    assert outline[0].title == "Maya Okafor"
    assert [item.title for item in outline[1]] == [typeset(title) for title in BLOCK_TITLES]


def test_pdf_is_a4_with_a_few_pages_and_nothing_embedded(full_pdf: Path) -> None:
    reader = pypdf.PdfReader(full_pdf)
    assert 2 <= len(reader.pages) <= 6  # targets, each with its fit, gaps and objections, add pages
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width / MM), round(height / MM)) == (210, 297)
    names = reader.trailer["/Root"].get("/Names", {})
    assert "/EmbeddedFiles" not in names
    assert reader.attachments == {}
    for page in reader.pages:
        assert len(page.images) == 0


def test_pdf_is_tagged_for_accessibility(full_pdf: Path) -> None:
    root = pypdf.PdfReader(full_pdf).trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]


def test_pdf_pages_are_neither_empty_nor_overflowing(full_pdf: Path) -> None:
    assert page_problems(full_pdf) == []


def test_page_size_letter(tmp_path: Path) -> None:
    page = pypdf.PdfReader(make_pdf(tmp_path, FULL, page_size="letter")).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)


def test_same_answers_give_a_byte_identical_pdf(full_pdf: Path, tmp_path: Path) -> None:
    again = make_pdf(tmp_path / "elsewhere", FULL, "maya")
    assert again.read_bytes() == full_pdf.read_bytes()


def test_several_pdfs_are_laid_out_in_parallel_each_reported(tmp_path: Path, capsys, monkeypatch) -> None:
    import concurrent.futures

    pools: list[int] = []

    class CountingPool(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, max_workers: int, **kwargs) -> None:
            pools.append(max_workers)
            super().__init__(max_workers, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", CountingPool)
    bank = default_bank()
    paths = []
    for name in ("ann", "bob"):
        path = tmp_path / f"{name}.yaml"
        path.write_text(new_file_text(bank, {**FULL, "name": name.title()}, path.name), encoding="utf-8")
        paths.append(path)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        patch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
        written = run_render(RenderRequest(paths, ["pdf"], workers=2), bank)
    assert written == [tmp_path / "ann.pdf", tmp_path / "bob.pdf"]
    assert pypdf.PdfReader(written[1]).metadata.author == "Bob"
    err = capsys.readouterr().err
    assert err.count("wrote ") == 2
    assert pools == [2]


HOSTILE = {
    **FULL,
    "name": "<img src='file:///etc/passwd'>",
    "what_i_want": '<link rel="attachment" href="file:///proc/self/environ">\n<img src="file:///etc/passwd">\n'
    "<script>document.write('x')</script>\n[x](javascript:alert(1)) <a href='https://example.com'>y</a>",
    "jobs": [{"role": "<b>Designer</b>", "why_fit": "W" * 10_000, "status": "applied"}],
    "people": [
        {"name": f"Person {i} <b>", "works_as": "Q" * 40, "ask_about": "file:///etc/shadow", "status": "talked"}
        for i in range(50)  # enough to run onto a second page: the fence holds on every page
    ],
}


def test_hostile_answers_fetch_nothing_embed_nothing_and_stay_on_the_page(tmp_path: Path) -> None:
    path = tmp_path / "eve.yaml"
    path.write_text(new_file_text(default_bank(), HOSTILE, path.name), encoding="utf-8")
    templates = Templates()
    html = render_html(build_brief(load(path, default_bank())), templates)
    log = FetchLog()
    folder = builtin_folder()
    data, _pages = write_pdf(html, base_folder=folder, roots=(folder,), fallback=(), page_size="a4", log=log)
    assert log.refused == []
    assert all(url.startswith(folder.resolve().as_uri()) for url in log.served)
    target = tmp_path / "eve.pdf"
    target.write_bytes(data)
    reader = pypdf.PdfReader(target)
    assert reader.attachments == {}
    assert all(len(page.images) == 0 for page in reader.pages)
    assert not any("/URI" in str(page.get("/Annots", "")) for page in reader.pages)
    text = reader.pages[0].extract_text()
    assert "file:///etc/passwd" in text.replace("\n", "")
    assert page_problems(target) == []


def test_a_template_cannot_fetch_or_attach_files_outside_its_folder(tmp_path: Path) -> None:
    own = tmp_path / "mine"
    own.mkdir()
    (own / "note.txt").write_text("inside", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    (own / "link.txt").symlink_to(tmp_path / "secret.txt")
    html = (
        "<html><head><title>t</title>"
        '<link rel="attachment" href="note.txt"><link rel="attachment" href="file:///etc/passwd">'
        '<link rel="stylesheet" href="../secret.txt"></head><body><p>Hi</p>'
        '<img src="file:///etc/passwd"><img src="link.txt"><img src="http://127.0.0.1:9/x.png"></body></html>'
    )
    log = FetchLog()
    data, _pages = write_pdf(html, base_folder=own, roots=(own,), fallback=(), page_size="a4", log=log)
    refused = " ".join(log.refused)
    assert "file:///etc/passwd" in refused
    assert "secret.txt" in refused and "link.txt" in refused and "127.0.0.1" in refused
    target = tmp_path / "t.pdf"
    target.write_bytes(data)
    reader = pypdf.PdfReader(target)
    assert reader.attachments == {}  # not even the file inside the folder
    assert b"secret" not in data


def test_a_template_keeps_web_links_but_loses_file_script_and_attachment_links(tmp_path: Path) -> None:
    own = tmp_path / "mine"
    own.mkdir()
    (own / "note.txt").write_text("inside", encoding="utf-8")
    html = (
        "<html><head><title>t</title></head><body><h1 id='top'>Hi</h1>"
        '<p><a href="https://example.org/">web</a> <a href="#top">up</a> <a href="file:///etc/passwd">f</a> '
        '<a href="javascript:alert(1)">j</a> <a rel="attachment" href="note.txt">a</a></p></body></html>'
    )
    target = tmp_path / "t.pdf"
    target.write_bytes(write_pdf(html, base_folder=own, roots=(own,), fallback=(), page_size="a4")[0])
    reader = pypdf.PdfReader(target)
    annotations = [a.get_object() for a in reader.pages[0].get("/Annots", [])]
    uris = [a["/A"]["/URI"] for a in annotations if "/A" in a]
    assert uris == ["https://example.org/"]
    assert [a["/Subtype"] for a in annotations] == ["/Link", "/Link"]  # the web link and the internal one
    assert reader.attachments == {}


def test_allowed_file_resolves_dots_and_symlinks_before_checking(tmp_path: Path) -> None:
    root = tmp_path / "t"
    (root / "fonts").mkdir(parents=True)
    font = root / "fonts" / "a.ttf"
    font.write_bytes(b"x")
    (tmp_path / "outside.ttf").write_bytes(b"y")
    (root / "fonts" / "escape.ttf").symlink_to(tmp_path / "outside.ttf")
    assert allowed_file(font.as_uri(), (root,)) == font.resolve()
    assert allowed_file((root / "fonts" / ".." / "fonts" / "a.ttf").as_uri(), (root,)) == font.resolve()
    assert allowed_file(root.as_uri() + "/../outside.ttf", (root,)) is None
    assert allowed_file((root / "fonts" / "escape.ttf").as_uri(), (root,)) is None
    assert allowed_file("http://localhost/fonts/a.ttf", (root,)) is None
    assert allowed_file("file://otherhost" + str(font), (root,)) is None
    assert allowed_file("data:text/plain,hello", (root,)) is None


def test_a_missing_file_of_ones_own_folder_comes_from_the_built_in_one(tmp_path: Path) -> None:
    own = tmp_path / "mine"
    own.mkdir()
    builtin = builtin_folder()
    found = allowed_file((own / "fonts" / "SourceSansPro-Regular.ttf").as_uri(), (own, builtin), (builtin,))
    assert found == (builtin / "fonts" / "SourceSansPro-Regular.ttf").resolve()


def test_missing_pango_is_one_message_naming_the_debian_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def failing_import(name: str, *args: object, **kwargs: object) -> object:
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", failing_import)
    with pytest.raises(UserError) as caught:
        import_weasyprint()
    assert "libpango-1.0-0 libpangoft2-1.0-0" in caught.value.problems[0].hint


class NoSystemFonts:
    """fontconfig knowing no font at all: only the bundled fonts draw."""

    def has(self, char: str) -> bool:
        return False


def test_bundled_fonts_draw_latin_text_without_warnings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(brief_fonts, "_system_fonts", lambda: NoSystemFonts())  # the bundled fonts alone
    folders = (builtin_folder() / "fonts",)
    assert brief_fonts.undrawable(["Maya Okafor — café, naïve, Ærø, Ελλάδα, Москва"], folders) == []


def test_every_bundled_typeface_draws_the_characters_the_font_check_skips() -> None:
    from fontTools.ttLib import TTFont

    for path in sorted((builtin_folder() / "fonts").glob("*.ttf")):
        cmap = TTFont(str(path), lazy=True).getBestCmap()
        missing = [f"U+{code:04X}" for code in sorted(brief_fonts.ALWAYS_DRAWN) if code not in cmap]
        assert missing == [], path.name


def test_characters_no_font_draws_are_named_with_the_package_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(brief_fonts, "_system_fonts", lambda: NoSystemFonts())
    missing = brief_fonts.undrawable(["Maya 中文 😀 שלום"], (builtin_folder() / "fonts",))
    assert missing == sorted(set("中文😀שלום"))
    warnings = "\n".join(brief_fonts.font_warnings(missing))
    assert "fonts-noto-cjk" in warnings and "U+4E2D" in warnings
    assert "fonts-noto-color-emoji" in warnings and "'😀'" in warnings
    assert "fonts-noto-core" in warnings


def test_render_warns_about_undrawable_characters_on_stderr(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(brief_fonts, "undrawable", lambda text, folders: ["中"])
    make_pdf(tmp_path, {**FULL, "name": "Maya 中"})
    err = capsys.readouterr().err
    assert "warning: no installed font draws '中'" in err
    assert "sudo apt-get install fonts-noto-cjk" in err


def test_scripts_the_bundled_fonts_lack_fall_back_to_system_fonts(tmp_path: Path) -> None:
    folders = (builtin_folder() / "fonts",)
    if brief_fonts.undrawable(["שלום"], folders):
        pytest.skip("no system font here draws Hebrew")
    text = pypdf.PdfReader(make_pdf(tmp_path, {**FULL, "name": "דנה לוי"})).pages[0].extract_text()
    assert "דנה" in text or "הנד" in text  # extraction order of right-to-left text varies
