"""Every rule of the review, in one place: a coach's reasons to push back on an answer.

Each rule is a small function registered with :func:`rule`: its id, the languages whose
answers it can read (None: any language) and its docstring, which says what it looks
for. It reads a :class:`Story` and yields :class:`Finding` records; the engine in
:mod:`careerstory.review` places them in the file. Thresholds that belong to a question
(how many words make an answer more than thin) are data in the bank, under ``review``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from typing import Any

from careerstory import _, n_
from careerstory.answers.locating import Address, Located
from careerstory.answers.notes import MARKERS, first_note
from careerstory.answers.recipes import need_key
from careerstory.i18n.dates import read_date, read_day_near
from careerstory.i18n.formats import format_date
from careerstory.review.story import Finding, Record, Story
from careerstory.review.tongues import (
    LANGUAGES,
    asks_for_something,
    complaint_at,
    hides_the_i,
    is_instruction,
    third_person_at,
)
from careerstory.review.words import STOPWORDS, content_roots, content_stems, has_number, word_set, words

Check = Callable[[Story], Iterator[Finding]]
ENGLISH = frozenset({"en"})
FIVE = LANGUAGES  # the languages careerstory speaks, each with its own words in tongues.py


@dataclass(frozen=True)
class Rule:
    """A registered rule: its id, what it looks for, where it works, and the check itself."""

    id: str
    doc: str
    languages: frozenset[str] | None
    check: Check

    def works_in(self, language: str) -> bool:
        """True when the rule can read answers in ``language`` (a base language: en, de)."""
        return self.languages is None or language in self.languages


RULES: dict[str, Rule] = {}


def rule(rule_id: str, languages: frozenset[str] | None = None) -> Callable[[Check], Check]:
    """Register a rule under ``rule_id``; its docstring says what it looks for."""

    def register(check: Check) -> Check:
        if rule_id in RULES:
            raise ValueError(f"review rule {rule_id!r} is registered twice")
        RULES[rule_id] = Rule(rule_id, " ".join((check.__doc__ or "").split()), languages, check)
        return check

    return register


def _word_count(text: str) -> int:
    return len(text.split())


def _limits(story: Story, located: Located) -> dict[str, int]:
    """The bank's review limits for a located answer: its question's, its field's or its item's field's."""
    address = located.address
    try:
        question = story.bank.question(address.question)
        if address.field is None:
            return question.review
        field = question.field(address.field)
        return field.subfield(address.sub).review if address.sub is not None else field.review
    except KeyError:
        return {}


# -- length and shape ------------------------------------------------------------------------


@rule("thin-answer")
def thin_answer(story: Story) -> Iterator[Finding]:
    """An answer shorter than the bank's ``review: {min_words: N}`` for its question."""
    for located in story.answers:
        if not located.text.strip():
            continue
        least = _limits(story, located).get("min_words", 0)
        if _word_count(located.text) < least:
            yield Finding(
                located,
                0,
                _("This is thin for a mentor to go on: give it a few more sentences, about {n} words or more.").format(
                    n=least
                ),
            )


_MORE_MOMENTS = re.compile(r"\b(another|also|second|other|others|again|two|three|too)\b", re.IGNORECASE)


@rule("one-best-moment")
def one_best_moment(story: Story) -> Iterator[Finding]:
    """Best moments that tell of fewer than two moments (paragraphs, list items or, in English, 'another')."""
    located = story.answer("best_moments")
    if located is None:
        return
    pieces = [p for p in re.split(r"\n\s*\n|\n\s*[-*] ", located.text) if p.strip()]
    if len(pieces) >= 2 or (story.english and _MORE_MOMENTS.search(located.text)):
        return
    yield Finding(
        located,
        0,
        _("One moment is a start; add a second, so the pattern of what you love doing shows."),
    )


@rule("too-many-strengths")
def too_many_strengths(story: Story) -> Iterator[Finding]:
    """More than five core strengths: nobody remembers eight."""
    yield from _too_many(
        story.items("core_strengths"),
        5,
        _("{n} core strengths are too many to remember; keep the five you most want people to repeat."),
    )


@rule("too-many-roles")
def too_many_roles(story: Story) -> Iterator[Finding]:
    """More than three possible roles: the list has not been narrowed yet."""
    yield from _too_many(
        story.items("possible_roles"),
        3,
        _("{n} possible roles is still a brainstorm; narrow them to the three you would explore first."),
    )


def _too_many(items: list[Located], most: int, message: str) -> Iterator[Finding]:
    """A note at the first item past ``most``, saying how many there are."""
    if len(items) > most:
        yield Finding(items[most], 0, message.format(n=len(items)))


# -- evidence ----------------------------------------------------------------------------------

_RESULT_WORDS = word_set(
    """
    rose risen raised increased grew grown doubled tripled cut reduced saved halved lowered won awarded
    promoted adopted launched shipped passed finished delivered published hired trained praised chosen
    selected rated scored
    """
)


def _evidence(story: Story) -> list[Located]:
    return [
        record.fields["evidence"]
        for record in story.records("transferable_skills")
        if "evidence" in record.fields and record.text("evidence")
    ]


@rule("evidence-without-result", ENGLISH)
def evidence_without_result(story: Story) -> Iterator[Finding]:
    """Evidence for a skill with no number and no concrete result."""
    for located in _evidence(story):
        if has_number(located.text, english=True) or _RESULT_WORDS & set(words(located.text)):
            continue
        yield Finding(located, 0, _("Add a number or a result to this evidence: how many, how much, what changed."))


_WE_ACTED = re.compile(r"(?:^|[.;:!?]\s+|\band\s+|,\s+)((?i:we|our team)\b)")
_I = frozenset({"i", "my", "me", "mine", "i'm", "i've", "i'd", "myself"})


@rule("we-not-i", ENGLISH)
def we_not_i(story: Story) -> Iterator[Finding]:
    """Evidence told as 'we' with no 'I': the reader cannot see the person's own part."""
    for located in _evidence(story):
        said = {w.replace("’", "'") for w in words(located.text)}
        # "We" as the one who acted (a sentence or clause starts with it), not "parts we had".
        first = _WE_ACTED.search(located.text)
        if first and not _I & said:
            yield Finding(
                located,
                first.start(1),
                _("Say what you did yourself: this evidence says 'we' but never 'I'."),
            )


# -- why change ------------------------------------------------------------------------------

_LEAVING = re.compile(
    r"\b(tired|exhaust\w*|burn(?:ed|t)? ?out|burnout|stress\w*|bor(?:ed|ing)|hate|fed up|sick of|underpaid|"
    r"toxic|micromanag\w*|frustrat\w*|stuck|dead end|worn out|drain\w*|get away|escape|overtime|"
    r"can't stand|no longer|leave|leaving|quit)\b",
    re.IGNORECASE,
)
_GOING = re.compile(
    r"\b(want|wants|would like|love|enjoy\w*|excit\w*|curious|interest\w*|drawn|attract\w*|looking forward|"
    r"hope|aim|care about|passion\w*|keen|eager|towards|to build|to design|to learn|to grow|to help|to work)\b",
    re.IGNORECASE,
)


@rule("leaving-not-going", ENGLISH)
def leaving_not_going(story: Story) -> Iterator[Finding]:
    """Why change: reasons to leave, none to go."""
    located = story.answer("why_change")
    if located is None:
        return
    leaving = _LEAVING.search(located.text)
    if leaving and not _GOING.search(located.text):
        yield Finding(
            located,
            leaving.start(),
            _("These are reasons to leave; add what draws you to the new work, as an interviewer will ask."),
        )


# -- the same idea twice -----------------------------------------------------------------------


def _strength_items(story: Story) -> list[Located]:
    skills = [record.fields["skill"] for record in story.records("transferable_skills") if record.text("skill")]
    return story.items("core_strengths") + skills


_MOST_COMPARED = 60


@rule("repeated-strength")
def repeated_strength(story: Story) -> Iterator[Finding]:
    """Two strengths (core strengths, skills that transfer) that say nearly the same thing."""
    # Compared two by two, so the first few dozen only: past five, too-many-strengths speaks.
    stems = [(item, content_stems(item.text)) for item in _strength_items(story)[:_MOST_COMPARED]]
    seen: set[Address] = set()
    for (first, a), (second, b) in combinations(stems, 2):
        smaller = min(len(a), len(b))
        if second.address in seen or smaller < 2:
            continue
        if len(a & b) / smaller >= 0.75:
            seen.add(second.address)
            yield Finding(
                second,
                0,
                _("This says nearly what '{other}' says; merge them, or make each one distinct.").format(
                    other=first.text.strip()
                ),
            )


# -- notes to self ---------------------------------------------------------------------------


@rule("note-to-self")
def note_to_self(story: Story) -> Iterator[Finding]:
    """A note to self left in an answer (TODO, ???, '(need to ...)', '[check]'): the reader will see it."""
    for located in story.answers:
        match = first_note(located.text)
        if match:
            yield Finding(
                located,
                match.start(),
                _("This reads as a note to yourself, and your reader will see it: finish it, or make it a # comment."),
            )


# -- acronyms ----------------------------------------------------------------------------------

# Capitals, joined by & or / where the acronym has them (FP&A, R&D, A/B), with a plural s.
_ACRONYM = re.compile(r"(?<![\w&/])[A-Z]+(?:[&/][A-Z]+)*s?(?![\w&/])")
_MOST_LETTERS = 5
# Known to any English reader, or names rather than jargon.
_COMMON_ACRONYMS = word_set(
    """
    AI CEO CFO COO CTO CV EU HR ID IT MBA NGO OK PA PC PDF PhD PR TV UK UN US USA UX FAQ BBC NHS GP
    AM PM BA BSc MA MSc LLC LTD PLC IQ VIP ASAP DIY FYI HQ IOU RSVP GCSE SQL HTML API PE Q&A R&D
    """
)
_SMALL = frozenset({"of", "and", "the", "for", "in", "on", "to", "&", "a"})
_INITIAL_WORD = re.compile(r"[A-Za-z][\w-]*")


def _acronyms_in(text: str) -> Iterator[tuple[int, str]]:
    """(offset, acronym) for each acronym of ``text``, its plural s dropped; HR/IT is two."""
    for match in _ACRONYM.finditer(text):
        typed = match.group(0)
        if typed[-1] == "s" and len(typed) > 1:
            typed = typed[:-1]
        parts = typed.split("/")
        if len(parts) > 1 and all(len(part) > 1 for part in parts):  # HR/IT: two acronyms side by side
            offset = match.start()
            for part in parts:
                yield offset, part
                offset += len(part) + 1
        else:
            yield match.start(), typed


def _letters(acronym: str) -> str:
    return acronym.replace("&", "").replace("/", "")


def _spelled_out(text: str) -> set[str]:
    """Every acronym ``text`` spells out: 'Virtual Learning Environment', 'VLE (...)' or '(VLE)'.

    One pass over the text, whatever the number of acronyms: the initials of every run
    of up to five words are gathered once, and each acronym is then looked up in them.
    """
    found: set[str] = set()
    for match in _ACRONYM.finditer(text):
        typed = match.group(0)
        before, after = text[match.start() - 1 : match.start()], text[match.end() : match.end() + 2]
        if (before == "(" and after[:1] == ")") or after == " (":
            found.add(typed[:-1] if typed[-1] == "s" and len(typed) > 1 else typed)
    initials = [w for w in _INITIAL_WORD.findall(text) if w.lower() not in _SMALL]
    for i in range(len(initials)):
        letters = ""
        all_capitals = True
        for word in initials[i : i + _MOST_LETTERS]:
            # A run of words spells an acronym when each starts with a capital or is all small letters,
            # and not every one is in capitals (a run of acronyms spells nothing).
            if not (word[0].isupper() or word.islower()):
                break
            letters += word[0].upper()
            all_capitals = all_capitals and word.isupper()
            if len(letters) > 1 and not all_capitals:
                found.add(letters)
    return found


def _theirs(located: Located) -> bool:
    """The person's name, a requirement's need, a record's name or how they know someone: not their own words."""
    address = located.address
    if address.plain:
        return located.role == "name"
    if address.item is not None and address.sub is None:  # an item: a requirement's need is the advert's
        return address.field == "requirements"
    return (address.sub or address.field) in ("connection", "name")


@rule("unexplained-acronym", ENGLISH)
def unexplained_acronym(story: Story) -> Iterator[Finding]:
    """An acronym (2 to 5 capitals, FP&A and A/B too) never spelled out anywhere in the file, once per acronym."""
    spelled = _spelled_out("\n".join(a.text for a in story.answers))
    # An acronym of the advert is the employer's own word: their readers know it.
    said = {
        acronym
        for r in story.records("jobs")
        for i in r.items.get("requirements", [])
        for _offset, acronym in _acronyms_in(i.text)
    }
    for located in story.answers:
        # A requirement is the employer's own words; a name and how they know someone are theirs.
        if _theirs(located):
            continue
        for offset, acronym in _acronyms_in(located.text):
            letters = _letters(acronym)
            # Capitals for emphasis ("NOT") are words, not acronyms; TODO is a note to self, said once there.
            if (
                acronym in said
                or acronym in _COMMON_ACRONYMS
                or not 2 <= len(letters) <= _MOST_LETTERS
                or acronym.lower() in STOPWORDS
                or acronym in MARKERS
            ):
                continue
            said.add(acronym)
            if acronym not in spelled and letters not in spelled:
                yield Finding(
                    located,
                    offset,
                    _("Not everyone in a new field knows '{acronym}': spell it out the first time.").format(
                        acronym=acronym
                    ),
                )


# -- people ----------------------------------------------------------------------------------


@rule("talked-nothing-learned")
def talked_nothing_learned(story: Story) -> Iterator[Finding]:
    """A person marked as talked to, with nothing written under what was learned."""
    for record in story.records("people"):
        if record.text("status") == "talked" and not record.text("learned"):
            yield Finding(
                record.at("learned", "status"),
                0,
                _("You talked with {name}: write down what you learned while it is fresh.").format(
                    name=record.text("name") or _("this person")
                ),
            )


FOLLOW_UP_DAYS = 14


@rule("no-follow-up")
def no_follow_up(story: Story) -> Iterator[Finding]:
    """Contacted more than two weeks ago ('today' is SOURCE_DATE_EPOCH when set) with no next step."""
    for record in story.records("people"):
        if record.text("status") not in ("contacted", "talked") or record.text("next_step"):
            continue
        when = read_date(record.text("contacted_on"), story.language)
        if when is not None and (story.today - when).days > FOLLOW_UP_DAYS:
            yield Finding(
                record.at("next_step", "contacted_on"),
                0,
                _("It is over two weeks since you contacted {name}: plan a friendly nudge or a thank-you.").format(
                    name=record.text("name") or _("this person")
                ),
            )


@rule("unclear-date")
def unclear_date(story: Story) -> Iterator[Finding]:
    """A contact date or a due date careerstory cannot read (in the file's language or ISO), so no reminder works."""
    for record in story.records("people"):
        typed = record.text("contacted_on")
        if typed and read_date(typed, story.language) is None:
            yield Finding(
                record.fields["contacted_on"],
                0,
                _("I could not read this date; written like '{example}', it lets me remind you to follow up.").format(
                    example=format_date(date(2026, 3, 3))
                ),
            )
    for record in story.records("people") + story.records("jobs"):
        typed = record.text("due")
        if typed and read_day_near(typed, story.language, story.today) is None:
            yield Finding(
                record.fields["due"],
                0,
                _("I can't read this date; write it as {example}, and I can tell you when it falls due.").format(
                    example="2026-11-30"
                ),
            )


@rule("due-passed")
def due_passed(story: Story) -> Iterator[Finding]:
    """A person's or an open job's due date already past; a day with no year is the one nearest today."""
    for record in story.records("people") + story.records("jobs"):
        # A closed application's step no longer falls due.
        if record.role == "jobs" and record.text("status") in _CLOSED:
            continue
        when = read_day_near(record.text("due"), story.language, story.today)
        if when is None or when >= story.today:
            continue
        if record.role == "jobs":
            message = _("The next step for {role} was due on {date}: do it now, or give it a date you can keep.")
            said = message.format(role=record.text("role") or _("this job"), date=format_date(when))
        else:
            message = _("Your next step with {name} was due on {date}: do it now, or give it a date you can keep.")
            said = message.format(name=record.text("name") or _("this person"), date=format_date(when))
        yield Finding(record.fields["due"], 0, said)


# -- what is sent: messages and the note to forward ------------------------------------------

MESSAGE_WORDS = 150  # a message someone reads on a phone, and answers in a line
INTRO_WORDS = 120  # "about 120 words at most", as the question's help says
# A first message and a nudge must ask for something; a thank-you may just thank and say what comes next.
_ASKING = ("", "to contact", "contacted")


def _most_words(story: Story, role: str, field_id: str, default: int) -> int:
    question = story.question(role)
    if question is None:
        return default
    try:
        limits = question.field(field_id).review if field_id else question.review
    except KeyError:
        return default
    return int(limits.get("max_words", default))


def _messages(story: Story) -> Iterator[tuple[Located, Record | None]]:
    """Each person's message with their record, then the note to forward (no record)."""
    for record in story.records("people"):
        if record.text("message"):
            yield record.fields["message"], record
    intro = story.answer("intro")
    if intro is not None:
        yield intro, None


@rule("message-too-long")
def message_too_long(story: Story) -> Iterator[Finding]:
    """A message to a person over about 150 words, or the note to forward over about 120."""
    for located, record in _messages(story):
        most = (
            _most_words(story, "people", "message", MESSAGE_WORDS)
            if record
            else _most_words(story, "intro", "", INTRO_WORDS)
        )
        n = _word_count(located.text)
        if n <= most:
            continue
        if record is None:
            message = _(
                "At {n} words this note is long to forward; cut it to about {most}: who, the change, a result, an ask."
            )
        else:
            message = _(
                "At {n} words this message is long to read on a phone; cut it to about {most}, ending on your one ask."
            )
        yield Finding(located, 0, message.format(n=n, most=most))


@rule("message-without-ask", FIVE)
def message_without_ask(story: Story) -> Iterator[Finding]:
    """A first message, a nudge or the note to forward that asks for nothing (no question, no request)."""
    for located, record in _messages(story):
        if record is not None and record.text("status") not in _ASKING:
            continue
        if asks_for_something(located.text, story.language):
            continue
        if record is None:
            message = _("This note asks for nothing; end it with the one thing you would ask of whoever receives it.")
        else:
            message = _(
                "This message asks {name} for nothing; end it with one thing they can say yes to, such as a short call."
            ).format(name=record.text("name") or _("this person"))
        yield Finding(located, len(located.text.rstrip()), message)


def _same_words(typed: str, drafted: str) -> bool:
    return bool(drafted.strip()) and typed.split() == drafted.split()


@rule("draft-unchanged")
def draft_unchanged(story: Story) -> Iterator[Finding]:
    """A message, the note to forward, a 'tell me about yourself' or a letter that is still careerstory's draft."""
    from careerstory.answers import drafts

    if story.sheet is None:
        return
    sheet = drafts.drafting_sheet(story.sheet)  # its notes to self taken out once, for every draft below
    mine = _("This is careerstory's draft, word for word: before anyone reads it, make it yours, in your own words.")

    def entry_of(record: Record) -> dict[str, Any] | None:
        # Records are numbered from 1 in the file's order, empty ones counted, as they were read.
        typed = sheet[record.question] if sheet is not None else []
        found = typed[record.number - 1] if isinstance(typed, list) and record.number <= len(typed) else None
        return found if isinstance(found, dict) else None

    for record in story.records("people"):
        located = record.fields.get("message")
        entry = entry_of(record)
        if located and entry is not None and _same_words(located.text, drafts.message_draft(sheet, entry, story.today)):
            yield Finding(located, 0, mine)
    intro = story.answer("intro")
    if intro is not None and _same_words(intro.text, drafts.intro_draft(sheet)):
        yield Finding(intro, 0, mine)
    for record in story.records("jobs"):
        entry = entry_of(record)
        if entry is None:
            continue
        for field_id in ("tell_me", "letter"):
            located = record.fields.get(field_id)
            if not (located and located.text.strip()):
                continue
            drafted = (
                drafts.tell_me_draft(sheet, entry)
                if field_id == "tell_me"
                else drafts.letter_draft(sheet, entry, story.today)
            )
            if _same_words(located.text, drafted):
                yield Finding(located, 0, mine)


@rule("about-not-to-them", FIVE)
def about_not_to_them(story: Story) -> Iterator[Finding]:
    """How you know someone, or what to ask them, written about them ('he', 'she', 'ask her...') not to them."""
    for record in story.records("people"):
        name = record.text("name") or _("this person")
        for field_id in ("connection", "ask_about"):
            located = record.fields.get(field_id)
            if located is None or not located.text.strip():
                continue
            at = third_person_at(located.text, story.language)
            if at is not None:
                yield Finding(
                    located,
                    at,
                    _(
                        "This speaks of {name} as 'he' or 'she', yet it opens your message to them: write it to them."
                    ).format(name=name),
                )
            elif field_id == "ask_about" and is_instruction(located.text, story.language):
                yield Finding(
                    located,
                    0,
                    _(
                        "This is a note to yourself; write the question as you would ask {name}, with a question mark."
                    ).format(name=name),
                )


# -- targets: requirements answered --------------------------------------------------------

# Only once the person applies: while exploring, the requirements are a reading of the advert;
# from the application on, each one is answered in the letter and asked about at the interview.
_APPLYING = ("applied", "interviewing", "offer")


@rule("requirement-unanswered")
def requirement_unanswered(story: Story) -> Iterator[Finding]:
    """A requirement of a job applied to (applied, interviewing, offer) with neither evidence nor a plan."""
    if story.lifted:  # a version-2 file has no place for evidence and plans yet: `ask` upgrades it first
        return
    # A story answers a requirement when one of the things it shows is that need, word for word
    # (as the interview sheet reads it).
    shown = {need_key(item.text) for record in story.records("stories") for item in record.items.get("shows", [])}
    for record in story.records("jobs"):
        if record.text("status") not in _APPLYING:
            continue
        answers = record.item_fields.get("requirements", {})
        open_needs = []
        for need in record.items.get("requirements", []):
            given = answers.get(need.address.item, {}) if need.address.item is not None else {}
            answered = any(given[f].text.strip() for f in ("evidence", "plan") if f in given)
            if not answered and need_key(need.text) not in shown:
                open_needs.append(need)
        if not open_needs:
            continue
        # One note per job, at the first: the count says how many more.
        more = len(open_needs) - 1
        if more:
            message = n_(
                "You have applied: give this requirement, and {n} more, their evidence or your plan to close them.",
                "You have applied: give this requirement, and {n} more, their evidence or your plan to close them.",
                more,
            ).format(n=more)
        else:
            message = _("You have applied: give this requirement its evidence, or your plan to close it.")
        yield Finding(open_needs[0], 0, message)


# -- stories --------------------------------------------------------------------------------


@rule("story-without-result")
def story_without_result(story: Story) -> Iterator[Finding]:
    """A STAR story with no result: the listener never hears what changed."""
    for record in story.records("stories"):
        if not record.text("result"):
            yield Finding(
                record.at("result", "title"),
                0,
                _("This story has no result yet: say what changed because of you, with a number if there is one."),
            )


@rule("story-without-i", FIVE)
def story_without_i(story: Story) -> Iterator[Finding]:
    """A STAR story whose action is missing, or told as 'we' (or, in English, in the passive) with no 'I'."""
    for record in story.records("stories"):
        action = record.fields.get("action")
        if action is None or not action.text.strip():
            # A title alone is a card to come back to: story-without-result says so, once.
            if not any(record.text(f) for f in ("situation", "task", "result")):
                continue
            yield Finding(
                record.at("action", "title"),
                0,
                _("Say what you did yourself in this story: the action is what an interviewer listens for."),
            )
            continue
        at = hides_the_i(action.text, story.language)
        if at is not None:
            yield Finding(
                action,
                at,
                _("Say what you did yourself: this action tells what 'we' did, or what was done, never 'I'."),
            )


# -- what an employer reads -----------------------------------------------------------------


def _employer_reads(story: Story) -> Iterator[Located]:
    for question_id in ("why_change", "pitch"):
        located = story.answer(question_id)
        if located is not None:
            yield located
    for record in story.records("jobs"):
        for field_id in ("tell_me", "letter"):
            if record.text(field_id):
                yield record.fields[field_id]


@rule("complaint-about-employer", FIVE)
def complaint_about_employer(story: Story) -> Iterator[Finding]:
    """A sentence an employer reads (why change, pitch, tell me, letter) that runs down the boss, colleagues or pay."""
    for located in _employer_reads(story):
        at = complaint_at(located.text, story.language)
        if at is not None:
            yield Finding(
                located,
                at,
                _(
                    "This runs down your employer or colleagues, and a new employer will wonder what you"
                    " would say of them; say what draws you to the new work instead."
                ),
            )


# -- the pitch ---------------------------------------------------------------------------------

PITCH_WORDS = 85  # "about 75 words", with room for the "about"
_ASK = re.compile(
    r"\?|\b(looking for|could you|would you|can you|I'd love|I would love|I'd like|I would like|"
    r"I'm hoping|I am hoping|introduc\w*|advice|recommend|ask\w*|any leads|happy to|let's talk)\b",
    re.IGNORECASE,
)


@rule("pitch-too-long")
def pitch_too_long(story: Story) -> Iterator[Finding]:
    """A pitch of more than about 75 words: it no longer fits in thirty seconds."""
    pitch = story.answer("pitch")
    asked = story.question("pitch")
    most = asked.review.get("max_words", PITCH_WORDS) if asked else 0
    if pitch is not None and most and _word_count(pitch.text) > most:
        yield Finding(
            pitch,
            0,
            _("At {n} words this pitch runs past thirty seconds; cut it to about 75.").format(
                n=_word_count(pitch.text)
            ),
        )


def _aims(story: Story) -> list[str]:
    roles = [record.text("role") for record in story.records("jobs") if record.text("role")]
    return roles + [item.text for item in story.items("possible_roles")]


@rule("pitch-without-target")
def pitch_without_target(story: Story) -> Iterator[Finding]:
    """A pitch that names none of the roles the person is going for."""
    pitch = story.answer("pitch")
    aims = _aims(story)
    if pitch is None or not aims:
        return
    said = content_stems(pitch.text)
    if not any(len(content_stems(aim) & said) * 2 >= len(content_stems(aim)) > 0 for aim in aims):
        yield Finding(pitch, 0, _("Name the job you are heading for in your pitch, so the listener knows how to help."))


@rule("pitch-without-number")
def pitch_without_number(story: Story) -> Iterator[Finding]:
    """A pitch with no number to prove what the person is good at."""
    pitch = story.answer("pitch")
    if pitch is not None and not has_number(pitch.text, story.english):
        yield Finding(pitch, 0, _("Give your pitch one number that proves what you are good at."))


@rule("pitch-without-ask", ENGLISH)
def pitch_without_ask(story: Story) -> Iterator[Finding]:
    """A pitch that never asks the listener for anything."""
    pitch = story.answer("pitch")
    if pitch is not None and not _ASK.search(pitch.text):
        yield Finding(
            pitch,
            len(pitch.text.rstrip()),
            _("End your pitch with an ask: twenty minutes, an introduction, advice."),
        )


# -- targets ---------------------------------------------------------------------------------

_CLOSED = ("rejected", "withdrawn")


def _open_targets(story: Story) -> list[Record]:
    return [r for r in story.records("jobs") if r.text("role") and r.text("status") not in _CLOSED]


@rule("target-without-requirements")
def target_without_requirements(story: Story) -> Iterator[Finding]:
    """A target job with no requirements copied from the advert."""
    for record in _open_targets(story):
        if not record.items.get("requirements"):
            yield Finding(
                record.at("requirements", "role"),
                0,
                _("Copy what {role} asks for from the advert: their words are the ones to answer.").format(
                    role=record.text("role")
                ),
            )


@rule("target-without-gaps")
def target_without_gaps(story: Story) -> Iterator[Finding]:
    """A target job with requirements and nothing said about what the person lacks."""
    for record in _open_targets(story):
        if record.items.get("requirements") and not record.text("gaps"):
            yield Finding(
                record.at("gaps", "role"),
                0,
                _("Say which requirements you lack yet and how you are closing each gap: a gap with a plan reassures."),
            )


def _evidence_roots(story: Story, *extra: str) -> set[str]:
    skills = [r.text("skill") + "\n" + r.text("evidence") for r in story.records("transferable_skills")]
    texts = skills + list(extra)
    for question_id in ("best_moments", "what_it_entails", "why_enjoy"):
        located = story.answer(question_id)
        if located is not None:
            texts.append(located.text)
    return content_roots("\n".join(texts))


@rule("unbacked-strength")
def unbacked_strength(story: Story) -> Iterator[Finding]:
    """A core strength that no evidence or best moment backs (they share no content word)."""
    backed = _evidence_roots(story)
    for item in story.items("core_strengths"):
        roots = content_roots(item.text)
        if roots and not roots & backed:
            yield Finding(
                item,
                0,
                _("Nothing in your evidence or best moments shows '{strength}' yet; add a story that does.").format(
                    strength=item.text.strip()
                ),
            )


@rule("unmentioned-requirement")
def unmentioned_requirement(story: Story) -> Iterator[Finding]:
    """A requirement of a target job that nothing in the evidence, best moments or that job's answers speaks to."""
    # Anything the person says of themselves may answer it, not only the evidence: read once.
    told = _evidence_roots(story, *(a.text for a in story.answers if a.block in ("strengths", "story") and a.text))
    for record in _open_targets(story):
        answered = told | content_roots(
            "\n".join(record.text(f) for f in ("why_fit", "gaps", "objections", "why_them"))
        )
        # The first one only: one gap to work on per job is a coach's note, five are a flood.
        for item in record.items.get("requirements", []):
            roots = content_roots(item.text)
            if roots and not roots & answered:
                yield Finding(
                    item, 0, _("Nothing in your story speaks to this requirement yet: answer it in why you fit.")
                )
                break


# -- prose (proselint) -------------------------------------------------------------------------


def _prose(story: Story, family: str) -> Iterator[Finding]:
    from careerstory.review.prose import prose_findings

    if "prose" not in story.cache:
        story.cache["prose"] = prose_findings(story.answers)
    for found in story.cache["prose"]:
        if found.family == family:
            yield Finding(found.answer, found.offset, found.message)


@rule("cliche", ENGLISH)
def cliche(story: Story) -> Iterator[Finding]:
    """A cliché (proselint's cliches): it sounds like everybody's story."""
    yield from _prose(story, "cliches")


@rule("weasel-word", ENGLISH)
def weasel_word(story: Story) -> Iterator[Finding]:
    """A weasel word or a hedge (proselint's weasel_words, hedging): it takes the strength out of a claim."""
    yield from _prose(story, "weasel_words")
    yield from _prose(story, "hedging")


@rule("redundancy", ENGLISH)
def redundancy(story: Story) -> Iterator[Finding]:
    """Words that say the same thing twice (proselint's redundancy)."""
    yield from _prose(story, "redundancy")


@rule("corporate-speak", ENGLISH)
def corporate_speak(story: Story) -> Iterator[Finding]:
    """Corporate jargon (proselint's industrial_language): it hides what the person actually did."""
    yield from _prose(story, "industrial_language")
