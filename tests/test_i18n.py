"""The language spoken: codes, fallback, plural forms, dates, lists and templates."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural

import careerstory
from careerstory import _, i18n, n_
from careerstory.answers import new_file_text
from careerstory.i18n import catalogs


@pytest.fixture(autouse=True)
def _announce_afresh():
    # Which languages were announced is the one thing careerstory keeps per process, on
    # purpose (said once per run); any test before this one may have announced one.
    catalogs._announced.clear()
    yield
    catalogs._announced.clear()


@pytest.mark.parametrize(
    ("code", "tag", "language", "region"),
    [
        ("de", "de", "de", None),
        ("DE-at", "de-AT", "de", "AT"),
        ("pl", "pl", "pl", None),
        ("es-419", "es-419", "es", "419"),
        ("zh-hant-tw", "zh-Hant-TW", "zh", "TW"),
        ("de-AT-1996", "de-AT-1996", "de", "AT"),
    ],
)
def test_well_formed_codes_are_read_in_their_usual_spelling(code, tag, language, region):
    parsed = i18n.parse_language(code)
    assert (parsed.tag, parsed.language, parsed.region) == (tag, language, region)


@pytest.mark.parametrize("code", ["", "x", "german", "de-", "de--AT", "de AT", "12", "de-AT-x"])
def test_malformed_codes_are_refused_with_what_to_write(code):
    with pytest.raises(i18n.LanguageError) as caught:
        i18n.parse_language(code)
    assert caught.value.code == code
    assert "de-AT" in caught.value.hint


def test_an_underscore_gets_the_hyphenated_code_as_its_hint():
    with pytest.raises(i18n.LanguageError) as caught:
        i18n.parse_language("de_at")
    assert caught.value.hint.endswith("de-AT.")


def test_messages_follow_the_language_spoken_and_come_back_to_english():
    assert _("About you") == "About you"
    with i18n.using("de"):
        assert _("About you") == "Über dich"
        assert _("a message no catalog holds") == "a message no catalog holds"
        assert _("") == ""
        with i18n.using("pl"):
            assert _("About you") == "O Tobie"
        assert _("About you") == "Über dich"
    assert _("About you") == "About you"
    assert careerstory.SPEAKING.get() is None


def test_the_language_is_not_inherited_by_another_context():
    import contextvars
    import threading

    seen: list[str] = []
    with i18n.using("de"):
        contextvars.Context().run(lambda: seen.append(_("About you")))  # a fresh context
        thread = threading.Thread(target=lambda: seen.append(_("About you")))
        thread.start()
        thread.join()
        seen.append(_("About you"))
    assert seen == ["About you", "About you", "Über dich"]


def test_the_language_is_restored_when_the_work_inside_fails():
    with pytest.raises(RuntimeError), i18n.using("fr"):
        raise RuntimeError
    assert _("About you") == "About you" and i18n.active().is_english


def test_status_names_are_translated_for_display_only(bank):
    statuses = bank.question("people").field("status").choices
    with i18n.using("fr"):
        assert [_(status) for status in statuses] == ["à contacter", "contacté", "rencontré"]
    assert statuses == ("to contact", "contacted", "talked")


def test_a_regional_code_falls_back_to_its_base_language_with_one_line(capsys):
    with i18n.using("de-AT") as language:
        assert language.tag == "de-AT"
        assert i18n.active_catalog() == "de"
        assert _("About you") == "Über dich"
    with i18n.using("de-AT"):
        pass
    lines = capsys.readouterr().err.splitlines()
    assert lines == ["careerstory spricht de-AT noch nicht und nimmt deshalb de."]


def test_a_language_without_catalog_falls_back_to_english_with_one_line(capsys):
    with i18n.using("sw"):
        assert i18n.active_catalog() == "en"
        assert _("About you") == "About you"
    assert capsys.readouterr().err == "careerstory does not speak sw yet, so it will use en.\n"


def test_a_language_with_its_catalog_says_nothing(capsys):
    with i18n.using("es"):
        assert capsys.readouterr().err == ""


def test_using_restores_the_language_spoken_before():
    with i18n.using("pl"):
        with i18n.using("es"):
            assert _("About you") == "Sobre ti"
        assert _("About you") == "O Tobie"


def test_english_plurals_need_no_catalog():
    assert n_("{n} person", "{n} people", 1).format(n=1) == "1 person"
    assert n_("{n} person", "{n} people", 3).format(n=3) == "3 people"


def test_polish_takes_three_plural_forms_from_its_catalog_header(tmp_path, monkeypatch):
    # The rule comes from the header Babel writes from CLDR, as in the shipped pl catalog.
    shipped = (i18n.LOCALE_FOLDER / "pl" / "LC_MESSAGES" / "careerstory.po").read_text("utf-8")
    assert get_plural("pl").plural_forms.replace(" ", "") in shipped.replace('"\n"', "").replace(" ", "")
    catalog = Catalog(locale="pl", domain="careerstory")
    catalog.add(("{n} person", "{n} people"), ("{n} osoba", "{n} osoby", "{n} osób"))
    folder = tmp_path / "pl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "careerstory.mo").open("wb") as mo:
        write_mo(mo, catalog)
    monkeypatch.setattr(catalogs, "LOCALE_FOLDER", tmp_path)
    catalogs.translations.cache_clear()
    try:
        with i18n.using("pl"):
            forms = [n_("{n} person", "{n} people", n).format(n=n) for n in (1, 2, 5, 22, 25)]
    finally:
        catalogs.translations.cache_clear()
    assert forms == ["1 osoba", "2 osoby", "5 osób", "22 osoby", "25 osób"]


@pytest.mark.parametrize(
    ("lang", "day", "text"),
    [
        ("en", dt.date(2026, 11, 26), "26 November 2026"),
        ("en", dt.date(2026, 3, 2), "2 March 2026"),
        ("en-US", dt.date(2026, 11, 26), "26 November 2026"),
        ("sw", dt.date(2026, 11, 26), "26 November 2026"),  # spoken through English: English dates
        ("de", dt.date(2026, 11, 26), "26. November 2026"),
        ("de-AT", dt.date(2026, 1, 2), "2. Jänner 2026"),
        ("pl", dt.date(2024, 3, 2), "2 marca 2024"),
        ("fr", dt.date(2024, 3, 2), "2 mars 2024"),
        ("es", dt.date(2024, 3, 2), "2 de marzo de 2024"),
    ],
)
def test_dates_take_the_forms_of_their_language(lang, day, text):
    assert i18n.format_date(day, lang) == text


def test_dates_and_lists_follow_the_active_language_when_none_is_named():
    with i18n.using("de"):
        assert i18n.format_date(dt.date(2026, 11, 26)) == "26. November 2026"
        assert i18n.format_list(["a", "b", "c"]) == "a, b und c"


@pytest.mark.parametrize(
    ("lang", "items", "text"),
    [
        ("en", [], ""),
        ("en", ["a"], "a"),
        ("en", ["a", "b"], "a and b"),
        ("en", ["a", "b", "c"], "a, b and c"),
        ("de", ["a", "b", "c"], "a, b und c"),
        ("pl", ["a", "b", "c"], "a, b i c"),
        ("fr", ["a", "b", "c"], "a, b et c"),
        ("es", ["a", "b"], "a y b"),
    ],
)
def test_lists_take_the_forms_of_their_language(lang, items, text):
    assert i18n.format_list(items, lang) == text


def _environment(html: bool = False):
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    return ImmutableSandboxedEnvironment(autoescape=html, trim_blocks=True, lstrip_blocks=True)


TEMPLATE = """{% trans %}
    About you
{% endtrans %}|{{ _("talked") }}|{{ day|format_date }}|{{ items|format_list }}|{% trans count=n %}
{{ count }} person{% pluralize %}{{ count }} people{% endtrans %}"""


def test_templates_speak_the_language_they_are_given():
    env = _environment()
    i18n.jinja_install(env, "de")
    context = {"day": dt.date(2026, 11, 26), "items": ["a", "b"], "n": 2}
    assert env.from_string(TEMPLATE).render(context) == "Über dich|gesprochen|26. November 2026|a und b|2 people"
    i18n.jinja_install(env, "en")
    assert env.from_string(TEMPLATE).render(context) == "About you|talked|26 November 2026|a and b|2 people"


def test_template_messages_are_escaped_in_html_with_their_values():
    env = _environment(html=True)
    i18n.jinja_install(env)
    rendered = env.from_string('{{ _("Brief of %(name)s", name=name) }}').render(name="<b>Ada</b>")
    assert rendered == "Brief of &lt;b&gt;Ada&lt;/b&gt;"


def _babel_imported_after(code: str) -> bool:
    probe = code + "\nprint('babel' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return result.stdout.strip().splitlines()[-1] == "True"


ENGLISH_PATH = """
import sys, datetime
from careerstory import _, n_, i18n
with i18n.using({code!r}):
    _("About you"); n_("a", "b", 2)
    i18n.format_date(datetime.date(2026, 11, 26)); i18n.format_list(["a", "b", "c"])
"""


def test_the_english_path_imports_no_babel():
    assert not _babel_imported_after(ENGLISH_PATH.format(code="en"))


def test_a_regional_code_asks_babel_for_its_dates():
    assert _babel_imported_after(ENGLISH_PATH.format(code="de-AT"))


def test_an_english_markdown_render_imports_no_babel(bank, tmp_path: Path):
    answers = tmp_path / "a.yaml"
    answers.write_text(new_file_text(bank, {"name": "Ada"}), encoding="utf-8")
    code = (
        f"import sys; from careerstory import cli; sys.argv = ['careerstory', 'render', {str(answers)!r}]\n"
        "try:\n    cli.main()\nexcept SystemExit:\n    pass"
    )
    assert not _babel_imported_after(code)
    assert answers.with_suffix(".md").exists()


# -- one grammar for language codes: ask --language, the reader, the saver and the schema --

WELL_FORMED = [
    "de", "DE-at", "pl", "es-419", "zh-Hant-TW", "sr-Latn-RS", "de-AT-1996", "sl-rozaj-biske",
    "de-AT-x-foo", "en-x-private", "x-private", "X-Priv-1", "de-u-co-phonebk", "en-a-bbb-x-a-ccc",
    "zh-yue-HK", "fr-CA", "pt-BR", "hy-Latn-IT-arevela", "  de-AT  ",
]  # fmt: skip
MALFORMED = [
    "x", "german", "de-", "de--AT", "de AT", "12", "de-AT-x", "x-", "x-toolongtag", "de-x-",
    "de_AT", "de-AT-x-foo-", "-de", "d", "de-a", "en-a-x-b", "x-private-", "de.AT", "ü",
]  # fmt: skip


def _reader_accepts(code: str) -> bool:
    from careerstory.answers import load_text
    from careerstory.errors import UserError
    from careerstory.questions import default_bank

    try:
        load_text(f'version: 2\nlanguage: "{code}"\n', default_bank())
    except UserError:
        return False
    return True


def _ask_saves_with(code: str, tmp_path: Path) -> bool:
    """``ask --language CODE`` on a new file, one answer given: True when it is on disk in that language."""
    from careerstory.answers import load
    from careerstory.ask.conversation import converse
    from careerstory.ask.terminal import scripted
    from careerstory.errors import UserError
    from careerstory.questions import default_bank

    path = tmp_path / f"{abs(hash(code))}.yaml"
    try:
        with scripted("Maya\r") as (terminal, _shown):
            converse(path, default_bank(), [], ["name"], terminal, None, code)
    except UserError:
        assert not path.exists()
        return False
    sheet = load(path, default_bank())
    assert sheet.text("name") == "Maya"
    assert sheet.language == i18n.parse_language(code).tag
    return True


def test_ask_the_reader_the_saver_and_the_schema_agree_on_every_language_code(tmp_path):
    import json
    import re
    import shutil

    from careerstory.answers.schema import build_schema
    from careerstory.questions import default_bank

    pattern = build_schema(default_bank())["properties"]["language"]["pattern"]
    corpus = WELL_FORMED + MALFORMED
    verdicts = {
        code: (_ask_saves_with(code, tmp_path), _reader_accepts(code), bool(re.search(pattern, code)))
        for code in corpus
    }
    expected = {code: (code in WELL_FORMED,) * 3 for code in corpus}
    assert verdicts == expected
    node = shutil.which("node")
    if node:  # editors read the pattern as ECMA-262 (JSON Schema's dialect), with the u flag
        script = f"const p = new RegExp({json.dumps(pattern)}, 'u'); console.log(JSON.stringify("
        script += f"{json.dumps(corpus)}.map(c => p.test(c))))"
        shown = subprocess.run([node, "-e", script], capture_output=True, text=True, check=True).stdout
        assert dict(zip(corpus, json.loads(shown), strict=True)) == {code: code in WELL_FORMED for code in corpus}
