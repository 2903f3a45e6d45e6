"""A person's own templates: used first, built-in ones for what they lack, always sandboxed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from careerstory.errors import UserError
from careerstory.questions import Bank
from careerstory.render.request import RenderRequest
from careerstory.render.running import run_render

FULL = json.loads((Path(__file__).parent / "golden" / "full.answers.json").read_text("utf-8"))


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture
def own(tmp_path: Path) -> Path:
    folder = tmp_path / "my-templates"
    folder.mkdir()
    return folder


def render_with(own: Path, answers: Path, bank: Bank, fmt: str = "md") -> str:
    (written,) = run_render(RenderRequest([answers], [fmt], template_dir=own, force=True), bank)
    return written.read_text("utf-8")


def template_error(own: Path, answers: Path, bank: Bank, source: str, fmt: str = "md") -> UserError:
    name = "brief.md.j2" if fmt == "md" else "brief.html.j2"
    (own / name).write_text(source, encoding="utf-8")
    with pytest.raises(UserError) as caught:
        run_render(RenderRequest([answers], [fmt], template_dir=own, force=True), bank)
    return caught.value


def test_own_markdown_template_is_used_and_html_falls_back_to_the_built_in(own: Path, write_answers, bank) -> None:
    (own / "brief.md.j2").write_text(
        "Hello {{ brief.header.name|md }}, {{ answers.current_role }}.\n", encoding="utf-8"
    )
    answers = write_answers(FULL)
    assert (
        render_with(own, answers, bank)
        == "Hello Maya Okafor, Secondary-school chemistry teacher at Northfield Academy.\n"
    )
    assert "<h1>Maya Okafor</h1>" in render_with(own, answers, bank, "html")


def test_own_stylesheet_replaces_the_built_in_one(own: Path, write_answers, bank) -> None:
    (own / "brief.css").write_text("body { color: rebeccapurple; }", encoding="utf-8")
    html = render_with(own, write_answers(FULL), bank, "html")
    assert "rebeccapurple" in html
    assert "Brief Sans" not in html


@pytest.mark.parametrize(
    ("source", "line", "words"),
    [
        ("ok\n{{ ''.__class__.__mro__ }}\n", 2, "sandbox"),
        ("{{ brief.__init__.__globals__ }}\n", 1, "sandbox"),
        ("a\nb\n{% include '../x' %}\n", 3, "../x"),
        ("{% include '/etc/passwd' %}\n", 1, "/etc/passwd"),
        ("{{ answers.no_such_question }}\n", 1, "no_such_question"),
        ("{{ brief.nickname }}\n", 1, "nickname"),
        ("line\n{% if %}\n", 2, "syntax"),
        ("{{ brief.header.name|safe }}\n", 1, "safe"),
        ("{% autoescape false %}{{ brief.header.name }}{% endautoescape %}\n", 1, "autoescape"),
        ("{{ brief.answers.clear() }}\n", 1, "sandbox"),
        ("ok\n{{ 1/0 }}\n", 2, "division by zero"),
        ("{{ brief.header.name + 1 }}\n", 1, "concatenate"),
        ("{% for i in range(10**9) %}{% endfor %}\n", 1, "Range too big"),
        ("{{ 10**5000 }}\n", 1, "exponents"),
        ("{{ ('x' * 10**12)|length }}\n", 1, "repeat"),
        ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}\n", 1, "recursion"),
    ],
)
def test_template_mistakes_and_escapes_name_the_template_and_line(
    own: Path, write_answers, bank, source: str, line: int, words: str
) -> None:
    error = template_error(own, write_answers(FULL), bank, source)
    (problem,) = error.problems
    assert problem.path is not None and problem.path.name == "brief.md.j2"
    assert problem.line == line
    assert words in problem.message


def test_html_template_cannot_print_raw_html_from_an_answer(own: Path, write_answers, bank) -> None:
    (own / "brief.html.j2").write_text("<p>{{ answers.name }}</p>{{ brief.header.name|e|e }}", encoding="utf-8")
    html = render_with(own, write_answers({**FULL, "name": "<script>x</script>"}), bank, "html")
    assert "<script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


@pytest.mark.parametrize("part", ["part.j2", "macros.jinja", "part.md.j2"])
def test_what_an_html_template_includes_or_imports_is_escaped_too(own: Path, write_answers, bank, part: str) -> None:
    (own / part).write_text(
        "{% macro show(x) %}<p>{{ x }}</p>{% endmacro %}<h1>{{ brief.header.name }}</h1>", encoding="utf-8"
    )
    (own / "brief.html.j2").write_text(
        f"{{% include '{part}' %}}{{% import '{part}' as m with context %}}{{{{ m.show(answers.name) }}}}",
        encoding="utf-8",
    )
    # The same partial used by Markdown first must not leave an unescaped compiled copy behind.
    (own / "brief.md.j2").write_text(f"{{% include '{part}' %}}", encoding="utf-8")
    answers = write_answers({**FULL, "name": "<script>x</script>"})
    render_with(own, answers, bank, "md")
    html = render_with(own, answers, bank, "html")
    assert "<script>" not in html
    assert html.count("&lt;script&gt;x&lt;/script&gt;") == 2


def test_a_template_that_is_not_utf8_is_named(own: Path, write_answers, bank) -> None:
    (own / "brief.md.j2").write_bytes(b"ok\n\xff\n")
    with pytest.raises(UserError) as caught:
        run_render(RenderRequest([write_answers(FULL)], ["md"], template_dir=own, force=True), bank)
    (problem,) = caught.value.problems
    assert (problem.path.name, problem.line) == ("brief.md.j2", 2)
    assert "UTF-8" in problem.message


def test_a_symlink_out_of_the_template_folder_is_not_followed(own: Path, write_answers, bank, tmp_path: Path) -> None:
    secret = tmp_path / "secret.j2"
    secret.write_text("SECRET", encoding="utf-8")
    (own / "part.j2").symlink_to(secret)
    error = template_error(own, write_answers(FULL), bank, "{% include 'part.j2' %}\n")
    assert "part.j2" in error.problems[0].message


def test_includes_inside_the_folder_work(own: Path, write_answers, bank) -> None:
    (own / "part.j2").write_text("from the part", encoding="utf-8")
    (own / "brief.md.j2").write_text("{% include 'part.j2' %}\n", encoding="utf-8")
    assert render_with(own, write_answers(FULL), bank) == "from the part\n"


def test_a_missing_template_folder_is_a_user_error(write_answers, bank, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such template folder"):
        run_render(RenderRequest([write_answers(FULL)], ["md"], template_dir=tmp_path / "nope"), bank)


@pytest.mark.parametrize(
    ("source", "bound"),
    [
        ("{{ 'x'.ljust(10**9) }}\n", "1,000,000 characters"),
        ("{{ 'x'.rjust(10**9) }}{{ 'x'.zfill(10**9) }}\n", "1,000,000 characters"),
        ("{{ ('x' ~ '\\t' * 1000)|length }}{{ ('\\t' * 1000).expandtabs(10**6) }}\n", "1,000,000 characters"),
        ("{{ '%0999999999d'|format(1) }}\n", "1,000,000 characters"),
        ("{{ '%0999999999d' % 1 }}\n", "1,000,000 characters"),
        ("{{ '{:>999999999}'.format(1) }}\n", "1,000,000 characters"),
        ("{{ '{:>99999999999999999999}'.format(1) }}\n", "1,000,000 characters"),
        ("{{ ('x' * 999999)|replace('x', 'yy') }}\n", "1,000,000 characters"),
        ("{{ ('x' * 999999).replace('x', 'yy') }}\n", "1,000,000 characters"),
        ("{{ 'x'|center(10**9) }}\n", "1,000,000 characters"),
        ("{{ 'a\\nb'|indent(1000000) }}\n", "1,000,000 characters"),
        ("{{ lipsum(10**6) }}\n", "1,000,000 characters"),
        ("{% set s = 'x' * 999999 %}{{ s ~ s }}\n", "1,000,000 characters"),
        ("{% set s = 'x' * 999999 %}{{ s + s }}\n", "1,000,000 characters"),
        ("{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}\n",
         "1,000,000 characters"),
        ("{{ ['x' * 999999, 'x' * 999999]|join }}\n", "1,000,000 characters"),
        ("{% for i in range(100000) %}{{ 'x' * 999999 }}{% endfor %}\n", "10,000,000 characters"),
        ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n", "seconds"),
        ("{% for i in 'x' * 999999 %}{% for j in 'x' * 999999 %}{% endfor %}{% endfor %}\n", "seconds"),
        ("{% for i in range(100000) %}{% for j in range(100000) %}{{ j.real }}{% endfor %}{% endfor %}\n",
         "seconds"),
    ],
)  # fmt: skip
def test_a_template_over_its_bounds_stops_with_the_template_and_the_bound_named(
    own: Path, write_answers, bank, monkeypatch: pytest.MonkeyPatch, source: str, bound: str
) -> None:
    from careerstory.render import limits

    monkeypatch.setattr(limits, "TIME_LIMIT", 1.0)  # the bound is the same at 10 s; the test is quicker
    error = template_error(own, write_answers(FULL), bank, source)
    (problem,) = error.problems
    assert problem.path is not None and problem.path.name == "brief.md.j2"
    assert "brief.md.j2" in problem.message and "bounds" in problem.message
    assert bound in problem.message
    assert "templates/README.md" in problem.hint


def test_a_template_within_its_bounds_renders_as_before(own: Path, write_answers, bank) -> None:
    (own / "brief.md.j2").write_text(
        # The template's own text, marked as its Markdown (md_built): printed as it is, not escaped.
        "{{ 'ab'.ljust(4)|md_built }}|{{ '%03d'|format(7) }}|{{ '{:>3}'.format(1)|md_built }}|{{ 'a' ~ 'b' }}|"
        "{{ range(3)|list|join(',') }}|{{ 'x\\ny'|indent(2)|md_built }}|{{ lipsum(1, html=False)|length > 0 }}\n",
        encoding="utf-8",
    )
    assert render_with(own, write_answers(FULL), bank) == "ab  |007|  1|ab|0,1,2|x\n  y|True\n"


def test_a_version_2_template_loops_over_requirements_as_text_and_a_new_one_reads_their_evidence(
    own: Path, tmp_path: Path, bank
) -> None:
    answers = tmp_path / "mine.yaml"
    answers.write_text(
        "version: 3\nabout:\n  name: Ada\ntargets:\n  jobs:\n    - role: Analyst\n      requirements:\n"
        "        - SQL\n        - need: Reporting\n          evidence: I built the monthly report.\n",
        encoding="utf-8",
    )
    (own / "brief.md.j2").write_text(
        "{% for r in answers.jobs[0].requirements %}{{ r|upper }};{% endfor %}\n"
        "{% for r in answers.jobs[0].requirements %}{{ r.need }}={{ r['evidence'] or r.plan or '-' }};{% endfor %}\n",
        encoding="utf-8",
    )
    assert render_with(own, answers, bank) == "SQL;REPORTING;SQL=-;Reporting=I built the monthly report.;\n"
