"""The language wired through the commands: ask, check, render (Markdown, HTML, PDF) and typography.

The texts come from a small German catalog made here, so that what is tested is the
wiring (which words are looked up, in which language), not the translators' wording.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdf
import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from careerstory import i18n
from careerstory.answers import load, new_file_text
from careerstory.answers.report import check_files, check_text
from careerstory.ask.terminal import scripted
from careerstory.errors import Interrupted, UserError
from careerstory.i18n import catalogs, parse_language
from careerstory.questions import Bank
from careerstory.render.request import Format, RenderRequest
from careerstory.render.running import run_render
from careerstory.render.typography import typeset

GERMAN = {
    "About you": "Über dich",
    "What is your name?": "Wie heißt du?",
    "Career brief": "Karriere-Brief",
    "Draft": "Entwurf",
    "Draft: {title}": "Entwurf: {title}",
    "Career brief of %(date)s, made with careerstory.": "Karriere-Brief vom %(date)s, gemacht mit careerstory.",
    "Conversations so far": "Bisherige Gespräche",
    "What they do": "Was sie machen",
    "Page {page} of {pages}": "Seite {page} von {pages}",
    "Status": "Stand",
    "talked": "gesprochen",
    "{done} of {total} answered": "{done} von {total} beantwortet",
}
# 26 November 2026, 12:00 UTC.
EPOCH = str(int(dt.datetime(2026, 11, 26, 12, tzinfo=dt.UTC).timestamp()))


@pytest.fixture(autouse=True)
def german(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path_factory.mktemp("locale")
    catalog = Catalog(locale="de", domain="careerstory")
    for english, german in GERMAN.items():
        catalog.add(english, german)
    (folder / "de" / "LC_MESSAGES").mkdir(parents=True)
    with (folder / "de" / "LC_MESSAGES" / "careerstory.mo").open("wb") as mo:
        write_mo(mo, catalog)
    monkeypatch.setattr(catalogs, "LOCALE_FOLDER", folder)
    catalogs.translations.cache_clear()
    yield
    catalogs.translations.cache_clear()
    catalogs._announced.clear()


TYPED = "She said \"I want 'out' and don't\" -- rock'n'roll"


@pytest.mark.parametrize(
    ("code", "typeset_text"),
    [
        ("en", "She said “I want ‘out’ and don’t” – rock’n’roll"),
        ("de", "She said „I want ‚out‘ and don’t“ – rock’n’roll"),
        ("de-AT", "She said „I want ‚out‘ and don’t“ – rock’n’roll"),
        ("de-CH", "She said «I want ‹out› and don’t» – rock’n’roll"),
        ("pl", "She said „I want «out» and don’t” – rock’n’roll"),
        ("fr", "She said «\u202fI want “out” and don’t\u202f» – rock’n’roll"),
        ("es", "She said «I want “out” and don’t» – rock’n’roll"),
        ("ja", "She said “I want ‘out’ and don’t” – rock’n’roll"),
    ],
)
def test_quotes_take_the_marks_of_the_language_and_apostrophes_stay(code, typeset_text):
    assert typeset(TYPED, parse_language(code)) == typeset_text


def test_an_apostrophe_after_a_closed_quote_stays_an_apostrophe():
    assert typeset("Anna's 'job' isn't done", parse_language("de")) == "Anna’s ‚job‘ isn’t done"


def test_quotes_the_person_typed_as_characters_stay_as_typed():
    assert typeset('“so” and "this"', parse_language("de")) == "“so” and „this“"


ANSWERS = {
    "name": "Anna Berger",
    "current_role": "Lehrerin",
    "people": [{"name": "Jana Novak", "works_as": "Schulleiterin", "status": "talked"}],
}


def _file(bank: Bank, path: Path, language: str) -> Path:
    values = {qid: value for qid, value in ANSWERS.items() if qid in {q.id for q in bank.questions}}
    path.write_text(new_file_text(bank, values, path.name, language), encoding="utf-8")
    return path


def test_a_new_file_asks_its_questions_in_its_language_in_the_comments(bank):
    german = new_file_text(bank, {}, "a.yaml", "de")
    assert "language: de\n" in german
    assert "\n# Über dich\nabout:\n  # Wie heißt du?\n" in german
    english = new_file_text(bank, {}, "a.yaml")
    assert "\n# About you\nabout:\n  # What is your name?\n" in english
    assert i18n.active().is_english  # writing a German file leaves the command's language alone


def test_check_reports_each_file_in_its_own_language(bank, tmp_path):
    checks = check_files([_file(bank, tmp_path / "de.yaml", "de"), _file(bank, tmp_path / "en.yaml", "")], bank)
    german, english = (check_text(check, several=True) for check in checks)
    assert "Über dich" in german and "beantwortet" in german
    assert "About you" in english and "answered" in english and "beantwortet" not in english


def _render(bank, files, formats, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    request = RenderRequest(files=tuple(files), formats=formats, out=str(tmp_path / "out"))
    run_render(request, bank)


def test_each_file_renders_in_its_own_language_in_one_render(bank, tmp_path, monkeypatch):
    # English first, then German, then English again: the environments are reused and must follow.
    files = [_file(bank, tmp_path / name, lang) for name, lang in (("a.yaml", ""), ("b.yaml", "de"), ("c.yaml", ""))]
    _render(bank, files, (Format.md, Format.html), tmp_path, monkeypatch)
    out = tmp_path / "out"
    german_md = (out / "b.md").read_text("utf-8")
    assert "## Bisherige Gespräche" in german_md
    assert "| Name | Was sie machen |" in german_md
    assert "Karriere-Brief vom 26. November 2026, gemacht mit careerstory." in german_md
    assert any(line.startswith("| Jana Novak |") and "| gesprochen |" in line for line in german_md.splitlines())
    german_html = (out / "b.html").read_text("utf-8")
    assert '<html lang="de">' in german_html
    assert ">Stand</th>" in german_html
    assert 'class="status status-talked">gesprochen</span>' in german_html  # the class stays English
    for name in ("a", "c"):
        english_md = (out / f"{name}.md").read_text("utf-8")
        assert "## Conversations so far" in english_md and "| Name | What they do |" in english_md
        assert "Career brief of 26 November 2026, made with careerstory." in english_md
        assert '<html lang="en">' in (out / f"{name}.html").read_text("utf-8")


def test_a_language_without_catalog_keeps_its_code_on_the_page_and_english_words(bank, tmp_path, monkeypatch, capsys):
    _render(bank, [_file(bank, tmp_path / "a.yaml", "it")], (Format.md, Format.html), tmp_path, monkeypatch)
    assert '<html lang="it">' in (tmp_path / "out" / "a.html").read_text("utf-8")
    assert "Career brief of 26 November 2026" in (tmp_path / "out" / "a.md").read_text("utf-8")
    assert capsys.readouterr().err.count("careerstory does not speak it yet") == 1


def test_each_pdf_carries_the_language_of_its_file(bank, tmp_path, monkeypatch):
    files = [_file(bank, tmp_path / "a.yaml", "de"), _file(bank, tmp_path / "b.yaml", "")]
    _render(bank, files, (Format.pdf,), tmp_path, monkeypatch)
    expected = (
        # A few answers only: a draft, said in each file's own language at the top of page 1
        ("a", "de", ["Bisherige Gespräche", "Seite 1 von 2", "Anna Berger · Karriere-Brief", "ENTWURF ·"]),
        ("b", "en", ["Conversations so far", "Page 1 of 2", "Anna Berger · Career brief", "DRAFT ·"]),
    )
    for name, lang, words in expected:
        reader = pypdf.PdfReader(tmp_path / "out" / f"{name}.pdf")
        assert reader.trailer["/Root"]["/Lang"] == lang
        text = " ".join(page.extract_text() for page in reader.pages)
        assert all(word in text for word in words), text


def test_ask_speaks_the_language_asked_for_a_new_file_and_writes_it(bank, answers_path):
    from careerstory.ask.conversation import converse

    # When the keys run out, the pipe reads as Ctrl-D.
    with scripted("Anna Berger\r") as (terminal, shown), pytest.raises(Interrupted):
        converse(answers_path, bank, ["about"], [], terminal, None, "de")
    assert "Über dich" in shown.getvalue()
    assert "Wie heißt du?" in shown.getvalue()
    sheet = load(answers_path, bank)
    assert sheet.language == "de" and sheet["name"] == "Anna Berger"
    assert "  # Wie heißt du?\n" in answers_path.read_text("utf-8")


def test_ask_refuses_a_malformed_language_with_how_to_write_it(bank, answers_path):
    from careerstory.ask.conversation import converse

    with scripted("") as (terminal, _shown), pytest.raises(UserError) as refused:
        converse(answers_path, bank, [], [], terminal, None, "german")
    assert "--language: 'german' is not a language code" in refused.value.format()
    assert not answers_path.exists()


def test_ask_keeps_the_language_of_a_file_that_exists(bank, answers_path):
    from careerstory.ask.conversation import converse

    _file(bank, answers_path, "")
    with scripted("") as (terminal, shown), pytest.raises(Interrupted):
        converse(answers_path, bank, ["about"], [], terminal, None, "de")
    assert "About you" in shown.getvalue() and "Über dich" not in shown.getvalue()
    assert load(answers_path, bank).language == ""


def test_css_content_keeps_each_languages_word_order_and_cannot_leave_its_string():
    from careerstory.render.text import css_content

    assert css_content("Strona {page} z {pages}") == '"Strona " counter(page) " z " counter(pages)'
    assert css_content('"}</style>') == '"\\22 \\7D \\3C \\2F style\\3E "'


def test_help_loads_nothing_of_the_translation_machinery():
    import subprocess
    import sys

    probe = (
        "import sys; sys.argv = ['careerstory', '--help']\n"
        "from careerstory import cli\n"
        "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('careerstory.i18n', 'babel'))))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"
