"""The Markdown and HTML brief: what it says, where it goes, and when it is refused."""

from __future__ import annotations

import json
import os
from html.parser import HTMLParser
from pathlib import Path

import markdown_it
import pytest

from careerstory.answers import load
from careerstory.errors import UserError
from careerstory.questions import Bank
from careerstory.render.brief import build_brief
from careerstory.render.outputs import plan_outputs
from careerstory.render.request import BadRequest, Format, PageSize, RenderRequest
from careerstory.render.running import render_html, run_render
from careerstory.render.templating import Templates, builtin_folder
from careerstory.render.typography import typeset

GOLDEN = Path(__file__).parent / "golden"
EPOCH = "1767225600"  # 2026-01-01

FULL = json.loads((GOLDEN / "full.answers.json").read_text("utf-8"))
SPARSE = {
    "name": "Sam Lee",
    "current_role": "Warehouse shift supervisor",
    "best_moments": "Sorting out the Monday rota so that nobody works three nights in a row.",
    "possible_roles": ["Operations planner"],
}


@pytest.fixture(autouse=True)
def _reproducible(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def check_golden(name: str, text: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"{name} is missing: run pytest --update-golden"
    assert path.read_text("utf-8") == text, f"{name} differs from the output; if intended, run pytest --update-golden"


def render(path: Path, bank: Bank, *formats: str, **options: object) -> dict[str, str]:
    written = run_render(RenderRequest([path], list(formats) or ["md"], force=True, **options), bank)  # type: ignore[arg-type]
    return {p.suffix.lstrip("."): p.read_text("utf-8") for p in written}


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs
        if tag not in ("meta", "br", "link", "img", "input", "hr"):
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1] if self.open else None}>"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(html: str) -> TagCollector:
    parser = TagCollector()
    parser.feed(html)
    parser.close()
    assert parser.open == [], f"unclosed: {parser.open}"
    return parser


# The goldens hold the brief's HTML, not its design: a stub stands for the stylesheet,
# so that a change of CSS does not rewrite them (the real one is tested apart).
STUB_STYLESHEET = "/* the stylesheet */"


@pytest.mark.parametrize("persona", ["full", "sparse"])
def test_brief_matches_golden_markdown_and_html(persona: str, write_answers, bank: Bank, update_golden: bool) -> None:
    path = write_answers(FULL if persona == "full" else SPARSE, f"{persona}.yaml")
    check_golden(f"{persona}.md", render(path, bank, "md")["md"], update_golden)
    html = render_html(build_brief(load(path, bank)), Templates(), stylesheet=STUB_STYLESHEET)
    check_golden(f"{persona}.html", html, update_golden)


def test_the_html_brief_carries_the_real_stylesheet_inline_and_closed(write_answers, bank: Bank) -> None:
    # The HTML that feeds the PDF: the HTML file also gets its faces embedded (test_render_webpage).
    html = render_html(build_brief(load(write_answers(FULL), bank)), Templates())
    css = (builtin_folder() / "brief.css").read_text("utf-8")
    closed = css.replace("</", "<\\/")  # no "</style>" in the CSS can end the element early
    assert "<style>\n" + closed + "\n</style>" in html
    assert html.count("</style>") == 1


def test_brief_is_ordered_for_its_reader_and_the_method_s_raw_material_comes_last(write_answers, bank: Bank) -> None:
    md = render(write_answers(FULL), bank)["md"]
    order = [
        "# Maya Okafor",
        "Secondary-school chemistry teacher at Northfield Academy → Learning experience designer",
        "## What I want to do",
        "## Why I want to change",
        "## Why me",
        "## The jobs I am going for",
        "## Conversations so far",
        "## The groundwork",
        "### What am I good at?",
        "### What can I do with that?",
    ]
    positions = [md.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert "In short" not in md  # the person's own pitch, not one pasted from other answers


def test_people_and_skills_are_tables_and_what_was_learned_follows(write_answers, bank: Bank) -> None:
    md = render(write_answers(FULL), bank)["md"]
    assert "| Name | What they do | Status |" in md  # the brief's board: no private field, no outreach detail
    assert "| Priya Shah | Senior instructional designer at a bank |" in md
    assert "What I learned from them" not in md  # what people said is private
    assert "What I learned from them" in render(write_answers(FULL), bank, share_private=True)["md"]
    assert "| Skill | Evidence |" in md
    html = render(write_answers(FULL), bank, "html")["html"]
    assert html.count("<table") == 3  # people, skills, jobs
    assert '<span class="status status-to-contact">to contact</span>' in html


def test_unanswered_questions_leave_no_empty_heading(write_answers, bank: Bank) -> None:
    md = render(write_answers(SPARSE), bank)["md"]
    assert "### Industries" not in md
    assert "People to talk to" not in md
    assert "## Now, what's my story?" not in md
    assert "In short" not in md
    lines = [line for line in md.splitlines() if line.strip()]
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            next_level = len(following) - len(following.lstrip("#"))
            assert following and not (0 < next_level <= level), f"{line!r} stands empty"


def test_partly_answered_file_renders_and_lists_what_is_open(write_answers, bank: Bank, capsys) -> None:
    render(write_answers(SPARSE), bank)
    err = capsys.readouterr().err
    assert "still open" in err
    assert "why_change" in err and "people" in err
    assert "careerstory ask" in err


def test_a_question_no_document_shows_is_not_called_open_in_the_brief(write_answers, bank: Bank, capsys) -> None:
    # Version 3's messages, note to forward and stories have their own documents: an
    # open one is not missing from the brief, and the brief's count leaves it out.
    path = write_answers(SPARSE)
    sheet = load(path, bank)
    hidden = [q.id for q in bank.questions if q.place("brief", "section") == "hidden"]
    assert {"intro", "stories"} <= set(hidden)
    assert not set(build_brief(sheet).open_questions) & set(hidden)
    assert set(build_brief(sheet).open_questions) == {q.id for q in sheet.open_questions() if q.id not in hidden}
    render(path, bank)
    err = capsys.readouterr().err
    assert "why_change" in err and "stories" not in err and "intro" not in err


def test_file_with_nothing_answered_is_refused_with_the_ask_command(write_answers, bank: Bank) -> None:
    path = write_answers({})
    with pytest.raises(UserError) as caught:
        run_render(RenderRequest([path], ["md"]), bank)
    assert f"careerstory ask {path}" in caught.value.problems[0].hint
    assert not path.with_suffix(".md").exists()


def test_strict_refuses_while_a_required_answer_is_open_naming_them(write_answers, bank: Bank) -> None:
    path = write_answers(SPARSE)
    with pytest.raises(UserError) as caught:
        run_render(RenderRequest([path], ["md"], strict=True), bank)
    message = caught.value.problems[0].message
    assert "what_i_want" in message and "pitch" in message
    assert "dont_want" not in message  # optional
    assert not path.with_suffix(".md").exists()
    render(write_answers(FULL, "full.yaml"), bank, strict=True)


def test_strict_refuses_a_job_without_its_role_as_check_does(write_answers, bank: Bank) -> None:
    roleless = dict(FULL, jobs=[{"organisation": "Acme", "status": "applied"}])
    path = write_answers(roleless, "roleless.yaml")
    with pytest.raises(UserError) as caught:
        run_render(RenderRequest([path], ["md"], strict=True), bank)
    assert "jobs[1] has no role" in caught.value.problems[0].message
    assert not path.with_suffix(".md").exists()


def test_one_bad_file_does_not_hide_the_others(write_answers, bank: Bank, tmp_path: Path) -> None:
    good = write_answers(FULL, "good.yaml")
    empty = write_answers({}, "empty.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("version: 1\nabout:\n  name: [unclosed\n", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        run_render(RenderRequest([empty, good, broken], ["md"]), bank)
    paths = {p.path for p in caught.value.problems}
    assert {empty, broken} <= paths
    assert (tmp_path / "good.md").exists()


def test_several_briefs_draw_a_progress_bar_on_a_terminal(write_answers, bank: Bank, capsys, monkeypatch) -> None:
    paths = [write_answers({**FULL, "name": name}, f"{name}.yaml") for name in ("ann", "bob", "cy")]
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    run_render(RenderRequest(paths, ["md"]), bank)
    err = capsys.readouterr().err
    assert "1/3" in err and "━" in err  # rich's bar, counting
    assert err.endswith("3 briefs done\n")
    assert "\nwrote" not in err  # the bar replaces the per-brief lines
    assert "rich" not in run_markdown_modules(paths[:1])  # one brief draws no bar, so never imports rich


def run_markdown_modules(paths: list[Path]) -> list[str]:
    import subprocess
    import sys

    code = (
        "import sys; from careerstory import cli; sys.argv = ['careerstory', 'render', *sys.argv[1:], '--force']\n"
        "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
        "print(' '.join(m for m in ('rich', 'watchfiles', 'jinja2') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code, *map(str, paths)], capture_output=True, text=True, check=True)
    return result.stdout.split()


def test_several_briefs_without_a_terminal_get_one_line_each(write_answers, bank: Bank, capsys) -> None:
    paths = [write_answers({**FULL, "name": name}, f"{name}.yaml") for name in ("ann", "bob")]
    run_render(RenderRequest(paths, ["md"]), bank)
    err = capsys.readouterr().err
    written = [line for line in err.splitlines() if line.startswith("wrote ")]
    assert written == [f"wrote {paths[0].with_suffix('.md')}", f"wrote {paths[1].with_suffix('.md')}"]
    # Besides, lines for the person, each naming its file: what the brief leaves out, what
    # careerstory drafted on it, never on the page.
    said = [line for line in err.splitlines() if not line.startswith("wrote ")]
    for path in paths:
        mine = [line for line in said if line.startswith(f"{path}:")]
        assert any("private answers" in line for line in mine), mine
    assert all(line.startswith(tuple(f"{p}:" for p in paths)) for line in said), said
    assert "\r" not in err


def test_an_output_is_never_written_over_an_answers_file(write_answers, bank: Bank, tmp_path: Path) -> None:
    answers = write_answers(FULL, "maya.yaml")
    before = answers.read_bytes()
    link = tmp_path / "link.md"
    link.symlink_to(answers)
    misnamed = write_answers(FULL, "brief.md")  # rendered to Markdown, it would be its own output
    for request in (
        RenderRequest([answers], ["md"], out=str(answers)),
        RenderRequest([answers], ["md"], out=str(link)),
        RenderRequest([misnamed], ["md"]),
    ):
        with pytest.raises(UserError, match="would write over the answers file"):
            run_render(request, bank)
    assert answers.read_bytes() == before
    assert misnamed.read_text("utf-8").startswith("# careerstory answers")


def test_an_output_written_through_a_symlink_keeps_the_link(write_answers, bank: Bank, tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    run_render(RenderRequest([write_answers(FULL)], ["md"], out=str(link)), bank)
    assert link.is_symlink()
    assert real.read_text("utf-8").startswith("# Maya Okafor")


def test_an_output_that_is_a_pipe_is_refused_and_left_alone(write_answers, bank: Bank, tmp_path: Path) -> None:
    fifo = tmp_path / "brief.md"
    os.mkfifo(fifo)
    with pytest.raises(UserError, match="not a regular file"):
        run_render(RenderRequest([write_answers(FULL)], ["md"], out=str(fifo)), bank)
    assert fifo.is_fifo()


def test_a_negative_source_date_epoch_is_refused(write_answers, bank: Bank, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "-1")
    with pytest.raises(UserError, match="SOURCE_DATE_EPOCH"):
        run_render(RenderRequest([write_answers(FULL)], ["md"], force=True), bank)


def test_outputs_go_beside_the_answers_file_named_after_its_stem(write_answers, bank: Bank) -> None:
    path = write_answers(FULL, "maya.yaml")
    written = run_render(RenderRequest([path], ["md", "html"]), bank)
    assert written == [path.with_name("maya.md"), path.with_name("maya.html")]


def targets(files: list[Path], formats: list[str], out: str | None) -> dict[tuple[Path, str], Path | None]:
    plan = plan_outputs(RenderRequest(files, formats, out=out))
    return {(o.file, o.format.value): o.path for o in plan}


def test_out_is_a_file_for_one_brief_and_a_folder_for_several(tmp_path: Path) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "x" / "b.yaml"
    assert targets([a], ["pdf"], "brief.pdf") == {(a, "pdf"): Path("brief.pdf")}
    assert targets([a], ["md", "pdf"], str(tmp_path / "out")) == {
        (a, "md"): tmp_path / "out" / "a.md",
        (a, "pdf"): tmp_path / "out" / "a.pdf",
    }
    assert targets([a, b], ["md"], "out/")[(b, "md")] == Path("out/b.md")
    assert targets([a], ["md"], str(tmp_path) + "/")[(a, "md")] == tmp_path / "a.md"


def test_two_files_with_one_stem_in_one_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="would both be written to"):
        targets([tmp_path / "a" / "me.yaml", tmp_path / "b" / "me.yaml"], ["md"], str(tmp_path / "out"))


@pytest.mark.parametrize(
    ("options", "option"),
    [
        ({"formats": ["md", "pdf"], "out": "-"}, "--out"),
        ({"out": "-", "watch": True}, "--out"),
        ({"formats": ["docx"]}, "--md/--html/--pdf"),
        ({"formats": []}, "--md/--html/--pdf"),
        ({"page_size": "a5"}, "--page-size"),
        ({"documents": ["novel"]}, "--doc"),
    ],
)
def test_a_request_the_rules_refuse_names_its_option(tmp_path: Path, options: dict, option: str) -> None:
    with pytest.raises(BadRequest) as caught:
        RenderRequest([tmp_path / "a.yaml"], **options)
    assert caught.value.option == option


def test_a_request_takes_each_file_once_and_formats_as_enums(tmp_path: Path) -> None:
    a = tmp_path / "a.yaml"
    request = RenderRequest([a, a], ["pdf", "md"], page_size="letter")
    assert request.files == (a,)
    assert request.formats == (Format.pdf, Format.md)
    assert request.page_size is PageSize.letter


def test_out_folder_is_created_for_several_formats(write_answers, bank: Bank, tmp_path: Path) -> None:
    path = write_answers(FULL, "maya.yaml")
    run_render(RenderRequest([path], ["md", "html"], out=str(tmp_path / "new" / "folder")), bank)
    assert sorted(p.name for p in (tmp_path / "new" / "folder").iterdir()) == ["maya.html", "maya.md"]


def test_out_dash_writes_markdown_to_stdout_and_no_file(write_answers, bank: Bank, capsys, tmp_path: Path) -> None:
    path = write_answers(FULL, "maya.yaml")
    assert run_render(RenderRequest([path], ["md"], out="-"), bank) == []
    assert capsys.readouterr().out.startswith("# Maya Okafor\n")
    assert not (tmp_path / "maya.md").exists()


def test_up_to_date_output_is_skipped_until_an_input_or_option_changes(write_answers, bank: Bank, capsys) -> None:
    path = write_answers(FULL, "maya.yaml")
    request = RenderRequest([path], ["md"])
    assert run_render(request, bank) == [path.with_suffix(".md")]
    assert run_render(request, bank) == []
    assert "up to date" in capsys.readouterr().err
    assert run_render(RenderRequest([path], ["md"], force=True), bank) == [path.with_suffix(".md")]
    path.write_text(path.read_text("utf-8").replace("Maya Okafor", "Maya O."), encoding="utf-8")
    assert run_render(request, bank) == [path.with_suffix(".md")]
    assert path.with_suffix(".md").read_text("utf-8").startswith("# Maya O.\n")


def test_an_output_edited_by_hand_is_rendered_again(write_answers, bank: Bank) -> None:
    path = write_answers(FULL, "maya.yaml")
    request = RenderRequest([path], ["md"])
    run_render(request, bank)
    path.with_suffix(".md").write_text("my notes\n", encoding="utf-8")
    assert run_render(request, bank) == [path.with_suffix(".md")]


def test_date_printed_comes_from_source_date_epoch(write_answers, bank: Bank, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")  # 2026-05-28
    assert "Career brief of 28 May 2026" in render(write_answers(FULL), bank)["md"]


def test_without_source_date_epoch_the_date_is_the_answers_files_day(write_answers, bank: Bank, monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    path = write_answers(FULL)
    os.utime(path, (1700000000, 1700000000))  # 2023-11-14
    assert build_brief(load(path, bank)).date_text == "14 November 2023"


HOSTILE_TEXT = "\n".join(
    [
        "<script>alert('x')</script>",
        '<link rel="attachment" href="file:///proc/self/environ">',
        '<img src="file:///etc/passwd">',
        '[click](javascript:alert(1)) <a href="javascript:alert(1)">x</a>',
        "# Not a heading",
        "---",
        "```",
        "| a | b |",
        "&lt;already escaped&gt; &amp;",
        "{{ 7 * 7 }} {% raw %}",
    ]
)


def test_hostile_answers_stay_literal_text_in_markdown_and_html(write_answers, bank: Bank) -> None:
    values = dict(FULL)
    values["what_i_want"] = HOSTILE_TEXT
    values["name"] = "<b>Eve</b> {{ name }}"
    values["core_strengths"] = ["<script>x</script>", "**bold**"]
    values["people"] = [{"name": "<i>who</i>", "works_as": "a | b", "ask_about": "`x`", "status": "talked"}]
    out = render(write_answers(values), bank, "md", "html")
    parsed = parse_html(out["html"])
    assert "script" not in parsed.tags and "img" not in parsed.tags and "a" not in parsed.tags
    assert "link" not in parsed.tags
    assert not any(name in ("href", "src", "onerror") for name, _ in parsed.attributes)
    text = "".join(parsed.text)
    # Typeset (curly quotes) like every answer in the HTML, yet still literal text.
    assert typeset("<script>alert('x')</script>") in text
    assert typeset('<img src="file:///etc/passwd">') in text
    assert "<b>Eve</b> {{ name }}" in text
    tokens = markdown_it.MarkdownIt("commonmark").enable("table").parse(out["md"])
    kinds = {t.type for t in tokens}
    assert not kinds & {"html_block", "fence", "code_block"}
    inline = [c for t in tokens if t.type == "inline" for c in t.children or []]
    assert not {c.type for c in inline} & {"link_open", "image", "code_inline"}
    assert {c.content for c in inline if c.type == "html_inline"} <= {"<br>"}  # careerstory's own, in table cells
    headings = [t for t in tokens if t.type == "heading_open"]
    assert len(headings) == len([line for line in out["md"].splitlines() if line.startswith("#")])


def test_line_breaks_in_one_line_answers_and_lone_carriage_returns_add_no_structure(write_answers, bank: Bank) -> None:
    values = dict(FULL)
    values["name"] = "Maya Okafor\n    not a code block"
    values["jobs"] = [{"role": "Designer\n# Injected heading", "organisation": "Acme\n---", "status": "applied"}]
    values["current_role"] = "Teacher\n==="
    values["industries"] = ["Education\n---", "Publishing\n1. not a list"]
    values["why_enjoy"] = "Fine.\r# CR heading"
    values["people"] = [
        {"name": "Sam\n# who", "works_as": "x\r# h", "ask_about": "y\r---", "status": "talked", "learned": "z"}
    ]
    tokens = markdown_it.MarkdownIt("commonmark").enable("table").parse(render(write_answers(values), bank, "md")["md"])
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert not [h for h in headings if "Injected" in h or "CR heading" in h or h in ("h", "who", "Teacher", "Acme")]
    assert headings[0] == "Maya Okafor not a code block"
    kinds = [t.type for t in tokens]
    assert "code_block" not in kinds and "ordered_list_open" not in kinds


def test_a_direction_override_in_an_answer_ends_with_the_answer(write_answers, bank: Bank) -> None:
    values = {**FULL, "name": "Maya \u202eOkafor", "core_strengths": ["\u2067Arabic first", "plain"]}
    out = render(write_answers(values), bank, "md", "html")
    assert out["md"].startswith("# Maya \u202eOkafor\u202c\n")
    assert "\u2067Arabic first\u2069" in out["md"]
    assert "Maya \u202eOkafor\u202c</h1>" in out["html"]
    assert values["name"] == "Maya \u202eOkafor"  # the answers themselves are untouched


def test_many_people_and_a_ten_thousand_character_word_stay_well_formed(write_answers, bank: Bank) -> None:
    values = dict(FULL)
    values["people"] = [
        {"name": f"Person {i}", "works_as": "x" * 50, "ask_about": "y", "status": "to contact"} for i in range(500)
    ]
    values["what_is_special"] = "W" * 10_000
    out = render(write_answers(values), bank, "md", "html")
    parse_html(out["html"])
    # people + header, skills header + rows, jobs header + rows
    assert out["html"].count("<tr>") == 500 + 1 + 1 + 3 + 1 + 2
    assert out["md"].count("| Person ") == 500


# Questions from every place of the brief: the header, the lead, a recipe's ingredient,
# a section, and a group with a field shown below its table.
RENAMED = {
    "name": "full_name",
    "what_i_want": "the_want",
    "core_strengths": "strengths_in_short",
    "why_change": "reasons_for_change",
    "best_moments": "good_days",
    "people": "contacts",
    "jobs": "aims",  # its first role heads the brief
}


def test_a_question_renamed_in_the_bank_and_the_answers_keeps_its_heading_and_answer_everywhere(
    bank: Bank, tmp_path: Path
) -> None:
    from careerstory.answers import new_file_text
    from careerstory.questions import parse_bank
    from careerstory.questions.compiled import DATA_FOLDER

    text = (DATA_FOLDER / "bank.yaml").read_text("utf-8")
    for old, new in RENAMED.items():
        assert text.count(f"\n      - id: {old}\n") == 1, old  # a question, not a field
        text = text.replace(f"\n      - id: {old}\n", f"\n      - id: {new}\n")
    renamed_bank = parse_bank(text)
    outputs = []
    for folder, the_bank, values in (
        ("before", bank, FULL),
        ("after", renamed_bank, {RENAMED.get(k, k): v for k, v in FULL.items()}),
    ):
        path = tmp_path / folder / "maya.yaml"
        path.parent.mkdir()
        path.write_text(new_file_text(the_bank, values, path.name), encoding="utf-8")
        outputs.append(render(path, the_bank, "md", "html"))
    before, after = outputs
    assert after["md"] == before["md"]
    html = after["html"]
    for old, new in RENAMED.items():
        html = html.replace(f'id="{new}"', f'id="{old}"')  # the one place a question's id shows
    assert html == before["html"]
    for heading in ("# Maya Okafor", "## What I want to do", "## Why I want to change", "#### My best moments"):
        assert heading in after["md"]
    assert "What I learned from them" not in after["md"]  # private: left out of the brief


def test_the_header_aims_at_the_first_target_job_that_has_a_role(write_answers, bank: Bank) -> None:
    sheet = load(write_answers({"name": "Ada", "current_role": "Teacher"}), bank)
    assert build_brief(sheet).header["target_role"] == ""
    jobs = [{"organisation": "Acme"}, {"role": "Designer"}, {"role": "Trainer"}]
    sheet = load(write_answers({"name": "Ada", "current_role": "Teacher", "jobs": jobs}), bank)
    brief = build_brief(sheet)
    assert brief.header["target_role"] == "Designer"
    assert brief.subject == "From Teacher to Designer"
    jobs_item = next(item for item in brief.places["targets"] if item.id == "jobs")
    assert "role" in [column.id for column in jobs_item.columns]  # still a column of the table


MARKED_UP = "Designer *bold* <b>x</b> [link](https://e.com) `code` _under_ ~~gone~~"


@pytest.mark.parametrize("language", ["", "de"])
def test_typed_markdown_and_html_stay_text_in_every_markdown_document(write_answers, bank: Bank, language) -> None:
    values = dict(FULL)
    values["jobs"] = [
        {"role": MARKED_UP, "organisation": "<i>Acme</i> **Ltd**", "status": "applied", "next_step": "*call* <u>x</u>"}
    ]
    values["people"] = [
        {
            "name": "<b>Sam</b> *S*",
            "works_as": "**Lead** <em>y</em>",
            "connection": "[met](https://x.org) at `work`",
            "ask_about": "<script>x</script> how **it** works?",
            "status": "to contact",
            "next_step": "_write_ <i>now</i>",
        }
    ]
    path = write_answers(values)
    if language:
        path.write_text(path.read_text("utf-8").replace("version: 3\n", f"version: 3\nlanguage: {language}\n"))
        assert f"\nlanguage: {language}\n" in path.read_text("utf-8")
    written = run_render(
        RenderRequest([path], ["md"], documents=["all"], targets=["all"], force=True),
        bank,  # type: ignore[arg-type]
    )
    written += run_render(RenderRequest([path], ["md"], documents=["all"], force=True), bank)  # type: ignore[arg-type]
    assert len(written) >= 6
    parser = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])
    for output in written:
        tokens = parser.parse(output.read_text("utf-8"))
        inline = [c for t in tokens if t.type == "inline" for c in t.children or []]
        made = {c.type for c in inline}
        assert not made & {"link_open", "image", "code_inline", "s_open"}, output.name
        assert {c.content for c in inline if c.type == "html_inline"} <= {"<br>"}, output.name
        assert "html_block" not in {t.type for t in tokens}, output.name
        # The typed markers arrive as the characters typed (the templates' own bold aside).
        text = "".join(c.content for c in inline if c.type == "text")
        # (A letter's draft names the role inside a sentence, its first letter small.)
        assert MARKED_UP.casefold() in text.casefold(), output.name
