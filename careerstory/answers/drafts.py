"""Drafts of what another person reads: a message, a note to forward, "tell me about yourself", a letter.

careerstory drafts, the person finishes. Each draft is a recipe in the bank
(``draft:`` on the ``message``, ``tell_me`` and ``letter`` fields and on the ``intro``
question), made of the person's own answers; this module takes each part from them and
from the record the draft is for (a person, a job). A part is said only for the record's
facts it is ``given`` (a person's status, whether an application is open where they
work), so a draft never says what the file contradicts:

- nobody is told "I've applied" unless a job at the organisation named in what they do
  is ``applied``, ``interviewing`` or ``offer``, and nobody is told "I'm not asking about
  jobs" beside a question about a job;
- a note written about the reader ("He posted…", "ask her about…") is turned to the
  second person where that is certain (English, simple verb agreement), else left out
  and the reason given in ``left_out``;
- an organisation typed with its team ("Kestrel Education, digital learning team") is
  said by its name;
- no private answer is ever read, except that a thank-you may say back what that same
  person said (their ``learned``), turned to them.

What the person has written is theirs: :func:`person_message` and the others return it
untouched when there is one, and the draft only when the answer is empty.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from careerstory import _
from careerstory.answers.model import AnswerSheet
from careerstory.answers.notes import sheet_without_notes, value_without_notes
from careerstory.answers.recipes import first_clause, first_sentence, first_sentences, lower_first, spoken, take
from careerstory.questions import Field, Question
from careerstory.questions.recipes import Part

# A job is being applied for in these statuses; in the others nobody is told so.
APPLYING = frozenset({"applied", "interviewing", "offer"})
NUDGE_AFTER = dt.timedelta(days=14)
INTRO_WORDS = 120  # the note to forward, "about 120 words at most"
TELL_ME_WORDS = 200  # ninety seconds said aloud, at about 130 words a minute
MESSAGE_WORDS = 110  # a message read on a phone: its longest parts are cut to their first clause beyond it

# Words that make a question one about a job (a hire, an opening, an application), by language.
_JOB_WORDS = {
    "en": r"jobs?|roles?|hir(e|es|ing)|vacanc(y|ies)|openings?|positions?|apply|applying|application"
    r"|recruit\w*|interview\w*",
    "de": r"stellen?\w*|jobs?|einstell\w*|bewerb\w*|vakanz\w*|recruit\w*|personal\w*",
    "fr": r"postes?|emplois?|recrut\w*|candidat\w*|embauch\w*",
    "es": r"puestos?|empleos?|vacantes?|contrat\w*|candidat\w*|selecci\w*",
    "pl": r"prac\w*|stanowisk\w*|rekrut\w*|zatrudni\w*|aplikac\w*|ofert\w*|etat\w*",
}
# Pronouns that speak of a third person: a note with one is about its reader, not to them.
_THIRD_PERSON = {
    "en": r"he|she|him|her|his|hers|himself|herself|they|them|their|theirs",
    "de": r"er|ihm|ihn|sein\w*|sie|ihr|ihre\w*",  # lower-case "sie": "Sie" is the reader
    "fr": r"il|elle|lui|ils|elles|leur|leurs",
    "es": r"él|ella|ellos|ellas|le|les",
    "pl": r"on|ona|jego|jej|go|mu|niego|niej|nim|nią|oni|one|ich|im",
}
# What an organisation is, said after its name ("No, the budgeting app"), by language.
_APPOSITIVE = {
    "en": r"(the|a|an)\s",
    "de": r"(der|die|das|ein|eine)\s",
    "fr": r"(le|la|les|l'|un|une)\s?",
    "es": r"(el|la|los|las|un|una)\s",
    "pl": r"(firma|studio|sklep|aplikacja)\s",
}
# Words said before a name when greeting someone formally ("Frau Dr. Schulz", "Prof. Morgan").
_TITLES = {"dr", "prof", "mr", "mrs", "ms", "mx", "frau", "herr", "madame", "monsieur", "mme", "mlle"}
_TITLES |= {"sr", "sra", "señor", "señora", "pan", "pani", "dott", "ing", "mag"}
# A note to self rather than something said: "ask her about…", "(ask …?)", "TODO".
_NOTE_TO_SELF = re.compile(r"^\(|^(ask|todo|tbd|check|fragen|demander|preguntar|zapyta\w*)\b|\?\?|\)$", re.I)

# English: a third person turned to "you", where the grammar is certain.
_SUBJECTS = {"he", "she"}
_OBJECTS = {"him"}
_POSSESSIVES = {"his": "your"}
_BE_HAVE = {"is": "are", "was": "were", "has": "have", "does": "do", "isn't": "aren't", "wasn't": "weren't"}
_MODALS = {"can", "could", "will", "would", "should", "might", "may", "must", "did", "didn't", "can't", "won't"}
# First words that are lower-case after a colon mid-sentence; a name ("Leeds", "Excel") keeps its capital.
_ARTICLES = {"A", "An", "The", "Some", "One", "Any", "You", "Your", "It", "There", "This", "That", "Most", "Half"}
# Words ending in "s" that are no verb: "she always…" is not "you alway…".
_NOT_VERBS = {
    "always",
    "sometimes",
    "perhaps",
    "nowadays",
    "afterwards",
    "towards",
    "thus",
    "plus",
    "less",
    "unless",
    "across",
    "its",
    "this",
    "yes",
}
# After "her", words that make it the object ("tell her how", "send her a note"), never "her team".
_AFTER_OBJECT = {"to", "for", "with", "about", "from", "at", "by", "on", "of", "and", "a", "an", "the", "my", "our"}
_AFTER_OBJECT |= {"i", "we", "that", "how", "what", "whether", "if", "when", "why", "where", "who", "know", "up"}
_PAST = re.compile(r"[a-z]+ed|said|told|made|wrote|ran|led|built|took|gave|sent|met|saw|spoke|showed|put|got|had")
# Verbs a next step starts with, as a note to self ("Send him…"), said as a promise ("I'll send you…").
_PROMISES = {"send", "email", "share", "show", "tell", "call", "ring", "introduce", "write", "forward"}


@dataclass(frozen=True)
class Drafted:
    """What a reader will see: the person's own answer, or careerstory's draft of it."""

    text: str  # the person's confirmed answer, or careerstory's draft, or "" (nothing to draft from)
    draft: bool  # True when `text` is careerstory's draft, not the person's own answer
    left_out: tuple[str, ...] = ()  # what the draft left out and why, one line each (for review / stderr)


def person_message(sheet: AnswerSheet, person: Mapping[str, Any], today: dt.date) -> Drafted:
    """The message to ``person``: their saved ``message``, else the draft their status calls for."""
    return _own_or(_text(person, "message"), lambda: _message(sheet, person, today))


def intro(sheet: AnswerSheet) -> Drafted:
    """The note a mentor forwards: the person's own ``intro``, else its draft."""
    question = _by_role(sheet, "intro")
    own = sheet.text(question.id) if question is not None else ""
    return _own_or(own, lambda: _intro(sheet))


def tell_me(sheet: AnswerSheet, job: Mapping[str, Any]) -> Drafted:
    """The answer to "tell me about yourself" for ``job``: their own, else its draft."""
    return _own_or(_text(job, "tell_me"), lambda: _job_draft(sheet, job, "tell_me", dt.date.min))


def letter(sheet: AnswerSheet, job: Mapping[str, Any], today: dt.date) -> Drafted:
    """The application letter for ``job``: their own, else its draft."""
    return _own_or(_text(job, "letter"), lambda: _job_draft(sheet, job, "letter", today))


def message_draft(sheet: AnswerSheet, person: Mapping[str, Any], today: dt.date) -> str:
    """The draft alone, for the person's status, whatever message is saved (for ``ask`` and ``review``)."""
    return _message(sheet, person, today).text


def drafted_message(sheet: AnswerSheet, person: Mapping[str, Any], today: dt.date) -> Drafted:
    """The draft for the person's status with what it left out and why, whatever message is saved."""
    return _message(sheet, person, today)


def intro_draft(sheet: AnswerSheet) -> str:
    """The note to forward as careerstory drafts it."""
    return _intro(sheet).text


def tell_me_draft(sheet: AnswerSheet, job: Mapping[str, Any]) -> str:
    """The answer to "tell me about yourself" for ``job``, as careerstory drafts it."""
    return _job_draft(sheet, job, "tell_me", dt.date.min).text


def letter_draft(sheet: AnswerSheet, job: Mapping[str, Any], today: dt.date) -> str:
    """The letter for ``job`` as careerstory drafts it."""
    return _job_draft(sheet, job, "letter", today).text


def _own_or(own: str, drafting: Callable[[], Drafted]) -> Drafted:
    return Drafted(own, draft=False) if own.strip() else drafting()


def _text(record: Mapping[str, Any], field_id: str) -> str:
    value = record.get(field_id, "")
    return value if isinstance(value, str) else ""


def _records(record: Mapping[str, Any], field_id: str) -> list[dict[str, str]]:
    """A group field's records (a job's requirements), a plain item read as its need."""
    found: list[dict[str, str]] = []
    for item in record.get(field_id) or []:
        if isinstance(item, str):
            found.append({"need": item})
        elif isinstance(item, Mapping):
            found.append({str(k): v if isinstance(v, str) else "" for k, v in item.items()})
    return found


# -- the facts a draft is said for ------------------------------------------------------


def _language() -> str:
    from careerstory.i18n import active

    return active().language or "en"


def organisation_name(typed: str) -> str:
    """An organisation's name alone: ``Kestrel Education, digital learning team`` -> ``Kestrel Education``."""
    return _organisation_pieces(typed)[0]


def organisation_said(typed: str) -> str:
    """An organisation as said in a sentence: its name, and what it is when the person said so.

    ``Kestrel Education, digital learning team`` -> ``Kestrel Education``, but
    ``No, the budgeting app, analytics team`` -> ``No, the budgeting app``: a name that
    is a word of its own ("No", "Zest") reads as one only beside what it is.
    """
    pieces = _organisation_pieces(typed)
    if len(pieces) > 1 and re.match(_APPOSITIVE.get(_language().split("-")[0], _APPOSITIVE["en"]), pieces[1], re.I):
        return f"{pieces[0]}, {pieces[1]}"
    return pieces[0]


def _organisation_pieces(typed: str) -> list[str]:
    pieces = re.split(r"\s*[,;(–—)]\s*|\s+-\s+", first_sentence(typed).strip())
    return [piece.rstrip(".").strip() for piece in pieces if piece.strip()] or [""]


def _works_at(person: Mapping[str, Any], job: Mapping[str, Any]) -> bool:
    name = organisation_name(_text(job, "organisation"))
    pattern = rf"(?<!\w){re.escape(name.casefold())}(?!\w)"
    return bool(name) and re.search(pattern, _text(person, "works_as").casefold()) is not None


def _applied_job(sheet: AnswerSheet, person: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The job applied for where ``person`` works, if there is one."""
    jobs = _by_role(sheet, "jobs")
    if jobs is None:
        return None
    for job in sheet.entries(jobs.id):
        if _text(job, "status").strip() in APPLYING and _works_at(person, job):
            return job
    return None


def about_a_job(question: str) -> bool:
    """Whether ``question`` asks about a job (a hire, an opening, an application), in the language spoken."""
    words = _JOB_WORDS.get(_language().split("-")[0], _JOB_WORDS["en"])
    return re.search(rf"\b({words})\b", question, re.IGNORECASE) is not None


def third_person(text: str) -> bool:
    """Whether ``text`` speaks of someone in the third person (he, sie, il, ona…)."""
    language = _language().split("-")[0]
    words = _THIRD_PERSON.get(language, _THIRD_PERSON["en"])
    flags = 0 if language == "de" else re.IGNORECASE  # German "Sie" is the reader, "sie" a third person
    if language == "fr":
        text = re.sub(r"\bil y a\b", "", text, flags=re.IGNORECASE)  # "there is", "ago": nobody
    if language == "de" and re.search(r"(^|[.!?;:]\s+)Sie\s+(?!sind\b)\w*[^n\W]\b", text):
        # A sentence opening "Sie hat…", "Sie war…" is about her; the reader's verb ends in -n ("Sie nehmen…").
        return True
    return re.search(rf"(?<![\w'’])({words})(?![\w'’])", text, flags) is not None


# -- turning a note about the reader into words to them ----------------------------------


def greeting(name: str, formal: bool = False) -> str:
    """A name as greeted: ``Prof. Alan Morgan`` -> ``Prof. Morgan``, ``Frau Dr. Anna Schulz`` -> ``Frau Dr. Schulz``.

    With a title, the titles and the family name; without one, the first name, or with
    ``formal`` (German, French: "Hallo Thomas Wendt") the whole name.
    """
    words = name.split()
    titles = []
    for word in words[:-1]:
        if word.rstrip(".").lower() not in _TITLES:
            break
        titles.append(word)
    if titles:
        return " ".join([*titles, words[-1]])
    return " ".join(words) if formal else words[0]


def _verb_for_you(word: str) -> str | None:
    """An English verb after "he"/"she", as said after "you"; None when it is not certain."""
    lower = word.lower()
    if lower in _BE_HAVE:
        return _BE_HAVE[lower]
    if lower in _MODALS or _PAST.fullmatch(lower):
        return lower
    if lower in _NOT_VERBS:
        return None
    if re.fullmatch(r"[a-z]+[^s]ies", lower):
        return lower[:-3] + "y"
    if re.fullmatch(r"[a-z]+(ss|sh|ch|x|o)es", lower):
        return lower[:-2]
    if re.fullmatch(r"[a-z]+[^su]s", lower):
        return lower[:-1]
    return None


def to_second_person(text: str, name: str = "") -> str | None:
    """A note about the reader said to them: ``He posted about X`` -> ``You posted about X``.

    English only, and only where the grammar is certain (he/she with a verb that agrees
    simply, him, his, her before a pause); None otherwise, and for a note to self. Text
    with no third person is returned as it is.
    """
    stripped = text.strip()
    if not stripped or _NOTE_TO_SELF.search(stripped):
        return None
    if name and any(len(part) > 2 and re.search(rf"\b{re.escape(part)}\b", stripped) for part in name.split()):
        return None  # the reader's own name: "Sam suggested…" said to Sam
    if not third_person(stripped):
        return stripped
    if not _language().startswith("en"):
        return None
    words = re.findall(r"\S+", stripped)
    singular = re.search(r"\b(he|she|him|his|her)\b", stripped, re.IGNORECASE) is not None
    said: list[str] = []
    skip = False
    for index, token in enumerate(words):
        if skip:
            skip = False
            continue
        word = re.sub(r"^\W+|\W+$", "", token)
        lower = word.lower()
        after = words[index + 1] if index + 1 < len(words) else ""
        ends = token[len(token.rstrip(",.;:!?")) :]
        capital = word[:1].isupper()
        if lower in _SUBJECTS and said and said[-1].lower() in ("do", "are", "have", "were"):
            said.append("you" + ends)  # "does he recruit" is "do you recruit": the verb agrees already
        elif lower in _SUBJECTS:
            verb = _verb_for_you(re.sub(r"\W+$", "", after)) if after else None
            if verb is None:
                return None
            said.append(("You" if capital else "you") + ends)
            said.append(verb + after[len(re.sub(r"\W+$", "", after)) :])
            skip = True
        elif lower in ("does", "is", "has", "was") and re.sub(r"\W+$", "", after).lower() in _SUBJECTS:
            said.append(_BE_HAVE[lower].capitalize() if capital else _BE_HAVE[lower])
        elif lower in _OBJECTS:
            said.append("you" + ends)
        elif lower in _POSSESSIVES:
            said.append(("Your" if capital else "your") + ends)
        elif lower == "her" and (ends or not after or re.sub(r"\W+$", "", after).lower() in _AFTER_OBJECT):
            said.append("you" + ends)
        elif lower in ("he's", "she's"):
            said.append(("You're" if capital else "you're") + ends)
        elif lower in ("they", "them", "their", "theirs") and singular:
            said.append(token)  # the reader is "he" or "she" here: "they" are others
        elif lower in ("her", "hers", "himself", "herself", "they", "them", "their", "theirs"):
            return None  # her team or her?; "they" the reader or others? Not certain
        else:
            said.append(token)
    return " ".join(said)


def _question(typed: str, name: str) -> str:
    """The question asked of them, as they will read it ("" when it is a note, or about them)."""
    asked = first_sentence(typed)
    if not asked.endswith("?") or _NOTE_TO_SELF.search(asked):
        return ""
    return to_second_person(asked, name) or ""


def _promise(next_step: str) -> str | None:
    """A next step noted for oneself, said as a promise: ``Send him my module`` -> ``send you my module``."""
    step = first_sentence(next_step).rstrip(".").strip()
    if not step or not _language().startswith("en"):
        return None
    # The thank-you is this message: "Thank him, and tell him…", "Send her a thank-you, and tell her…".
    thanks = (
        r"^((thank (him|her|them)( for [^,]*)?)|((send|write) (him|her|them) a thank[- ]you( note)?)),?\s*(and\s+)?"
    )
    step = re.sub(thanks, "", step, flags=re.IGNORECASE)
    first = step.split(" ", 1)[0].lower()
    if first not in _PROMISES:
        return None
    turned = to_second_person(step[:1].upper() + step[1:])
    if turned is None:
        return None
    return lower_first(turned)


# -- assembling ---------------------------------------------------------------------------


@dataclass
class _Record:
    """The record a draft is for, the facts its parts are given, and what was left out."""

    fields: Mapping[str, Any]
    question: Question | None
    facts: dict[str, str]
    named: dict[str, str]
    left_out: list[str]


def _by_role(sheet: AnswerSheet, role: str) -> Question | None:
    return next((q for q in sheet.bank.questions if q.role == role), None)


def _field(record: _Record, field_id: str) -> Field | None:
    if record.question is None:
        return None
    try:
        return record.question.field(field_id)
    except KeyError:
        return None


def _say(pattern: str, taken: str, named: Mapping[str, str]) -> str:
    said = _(pattern)
    if ": {}" in said and taken.split(" ", 1)[0] in _ARTICLES:
        taken = lower_first(taken)  # "What would help me most: an introduction…", "Leeds" kept
    if "," in named.get("organisation", ""):
        # "No, the budgeting app" mid-sentence closes with a comma: "…at No, the budgeting app, is…".
        said = re.sub(r"\{organisation\}(?=\s)", "{organisation},", said)
    if ": {}" in said:
        # One colon to a sentence: "…most: a reader who works with data – tell me…", not "…data: tell me…".
        taken = re.sub(r"\s*:\s+", " – ", taken)
    return said.format(taken, **named)


def _sentence(text: str) -> str:
    """A piece of an answer as a sentence of its own: a capital, a full stop."""
    text = text.strip()
    if not text:
        return ""
    text = text[:1].upper() + text[1:]
    return text if text[-1] in ".!?…" else text + "."


def _requirements(part: Part, record: _Record) -> str:
    """A job's requirements in the advert's words, each answered with its evidence (or, for a gap, its plan)."""
    requirements = [r for r in _records(record.fields, part.record) if r.get("need", "").strip()]
    if part.take == "requirements":
        found = [r for r in requirements if r.get("evidence", "").strip()][:3]
        answer = "evidence"
    else:
        found = [r for r in requirements if r.get("plan", "").strip() and not r.get("evidence", "").strip()][:1]
        answer = "plan"
    said = []
    for requirement in found:
        need = first_sentence(requirement["need"]).rstrip(".")  # quoted in the advert's words
        what = first_sentence(requirement[answer])
        what = _sentence(spoken(what) if _language().startswith("en") else what)  # "Trained 40…": "I trained 40…"
        said.append(_(part.say).format(**record.named, need=need, **{answer: what}))
    return "\n\n".join(said)


def _take_record(sheet: AnswerSheet, part: Part, record: _Record) -> str:
    """What ``part`` takes from its record's own field ("" when nothing, with a note when left out)."""
    field = _field(record, part.record)
    if field is None:
        return ""
    if field.private and not (part.record == "learned" and part.take == "to_reader" and record.facts.get("person")):
        return ""  # a private answer is never said; a thank-you's own "learned" is the one exception
    value = record.fields.get(part.record, "")
    if part.take in ("requirements", "gap_plan"):
        return _requirements(part, record)
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        return ""
    label = _(field.label)
    if part.take in ("greeting_name", "formal_name"):
        return greeting(text, formal=part.take == "formal_name")
    if part.take == "date":
        from careerstory.i18n import format_date
        from careerstory.i18n.dates import read_date

        day = read_date(text, _language())
        return format_date(day) if day is not None else ""
    if part.take == "organisation":
        return organisation_said(text)
    if part.take == "question":
        asked = first_sentence(text)
        if _NOTE_TO_SELF.search(asked) or not asked.endswith("?"):
            record.left_out.append(
                _("{field}: left out, it is a note rather than a question to them").format(field=label)
            )
            return ""
        turned = to_second_person(asked, _text(record.fields, "name"))
        if turned is None:
            record.left_out.append(
                _("{field}: left out, it speaks of them rather than to them; ask it as you would ask them").format(
                    field=label
                )
            )
            return ""
        return turned
    if part.take == "to_reader":
        said = first_sentence(text).rstrip(".")
        turned = to_second_person(said, _text(record.fields, "name"))
        if turned is None:
            record.left_out.append(
                _(
                    "{field}: left out, it speaks of them rather than to them; write it as you would say it to them"
                ).format(field=label)
            )
            return ""
        return turned + "." if part.say.endswith("{}") else turned
    if part.take == "promise":
        promised = _promise(text)
        if promised is None:
            record.left_out.append(
                _("{field}: left out, it is a note to yourself; add the next step to the message in your words").format(
                    field=label
                )
            )
            return ""
        return promised
    if part.take in ("first_sentence", "two_sentences"):
        text = _to_them(text)
    if part.take == "first_sentence":
        return first_sentence(text)
    if part.take == "two_sentences":
        return " ".join(first_sentences(text, 2))
    return text


def _to_them(text: str) -> str:
    """A note on an organisation said to it: ``They help people…`` -> ``You help people…``.

    English only, and only the opening word, which is the organisation itself; "they" and
    "you" take the same verb. A later "they" may be anyone, and stays.
    """
    if not _language().startswith("en"):
        return text
    opening = {"they": "You", "their": "Your", "them": "You", "they're": "You're", "they've": "You've"}
    first, _space, rest = text.strip().partition(" ")
    said = opening.get(first.lower())
    return f"{said} {rest}" if said and rest else text


def _assemble(sheet: AnswerSheet, parts: tuple[Part, ...], record: _Record, most_words: int = 0) -> Drafted:
    """The draft's text: each part that applies, said in its pattern; lines of their own kept apart."""
    by_role = {q.role: q for q in sheet.bank.questions if q.role}
    said: list[tuple[Part, str]] = []
    for first in parts:
        if not first.applies(record.facts):
            continue
        part: Part | None = first
        while part is not None:
            taken = ""
            if not part.applies(record.facts):
                part = part.otherwise
                continue
            if part.take == "fixed":
                taken = _say(part.say, "", record.named)
            elif part.record:
                taken = _take_record(sheet, part, record)
                if taken and part.take not in ("requirements", "gap_plan"):
                    taken = _say(part.say, taken, record.named)
            else:
                question = by_role.get(part.role)
                if question is not None and not question.private:
                    found = take(sheet, question, part)
                    if part.take == "role_phrase":
                        found = lower_first(found)  # mid-sentence in every language: "Pracuję jako tłumaczka…"
                    taken = _say(part.say, found, record.named) if found else ""
            if taken:
                said.append((part, taken))
                break
            part = part.otherwise
    if most_words:  # too long: the spare parts go, the last first, then the cut ones lose all but their first clause
        while sum(len(t.split()) for _p, t in said) > most_words and any(p.spare for p, _t in said):
            last = max(n for n, (p, _t) in enumerate(said) if p.spare)
            del said[last]
        for number, (part, text) in enumerate(said):
            # Only English: elsewhere a comma often opens the clause the sentence needs ("dafür sorgen, dass…").
            if part.cut and _language().startswith("en") and sum(len(t.split()) for _p, t in said) > most_words:
                said[number] = (part, first_clause(text))
    lines: list[str] = []
    sentences: list[str] = []
    for part, text in said:
        if part.alone:
            if sentences:
                lines.append(" ".join(sentences))
                sentences = []
            lines.append(text)
        else:
            sentences.append(text)
    if sentences:
        lines.append(" ".join(sentences))
    if not any(_own_words(p) for p, _t in said):
        return Drafted("", draft=True, left_out=tuple(record.left_out))  # set phrases alone are no draft
    return Drafted("\n\n".join(lines), draft=True, left_out=tuple(record.left_out))


def _own_words(part: Part) -> bool:
    """Whether a part says something of the person's own (not a set phrase, a greeting or their name)."""
    return part.take not in ("fixed", "greeting_name", "formal_name") and part.role != "name" and part.record != "name"


def _named(sheet: AnswerSheet, job: Mapping[str, Any] | None) -> dict[str, str]:
    name = _by_role(sheet, "name")
    named = {"name": sheet.text(name.id).strip() if name is not None else "", "role": "", "organisation": ""}
    if job is not None:
        named["role"] = lower_first(first_sentence(_text(job, "role")).rstrip("."))
        named["organisation"] = organisation_said(_text(job, "organisation"))
    return named


class _Noteless(AnswerSheet):
    """A sheet whose notes to self are already taken out: a draft made from it takes nothing more out."""


def drafting_sheet(sheet: AnswerSheet) -> AnswerSheet:
    """The answers a draft reads: every note to self ("TODO: …", "???") taken out, as documents print them.

    Give the result to every draft of one file (``review`` drafts each person's message) and
    the file is gone through once, not once a draft.
    """
    if isinstance(sheet, _Noteless):
        return sheet
    clean = sheet_without_notes(sheet)
    return _Noteless(**{field.name: getattr(clean, field.name) for field in fields(clean)})


def _message(sheet: AnswerSheet, person: Mapping[str, Any], today: dt.date) -> Drafted:
    sheet, person = drafting_sheet(sheet), value_without_notes(dict(person))
    people = _by_role(sheet, "people")
    if people is None:
        return Drafted("", draft=True)
    try:
        parts = people.field("message").draft
    except KeyError:
        return Drafted("", draft=True)
    job = _applied_job(sheet, person)
    status = _text(person, "status").strip() or "to contact"
    facts = {
        "person": "yes",
        "status": status,
        "language": _language().split("-")[0],
        "applied_here": "yes" if job is not None else "no",
        "job_ask": "yes" if about_a_job(_text(person, "ask_about")) else "no",
        "own_question": "yes" if _question(_text(person, "ask_about"), _text(person, "name")) else "no",
    }
    record = _Record(person, people, facts, _named(sheet, job), [])
    if status == "contacted":
        from careerstory.i18n import format_date
        from careerstory.i18n.dates import read_date

        written = read_date(_text(person, "contacted_on"), _language())
        if written is not None and today - written < NUDGE_AFTER:
            record.left_out.append(
                _("A nudge is kind only after two quiet weeks: this one is due on {date}.").format(
                    date=format_date(written + NUDGE_AFTER)
                )
            )
    return _assemble(sheet, parts, record, MESSAGE_WORDS)


def _intro(sheet: AnswerSheet) -> Drafted:
    sheet = drafting_sheet(sheet)
    question = _by_role(sheet, "intro")
    if question is None:
        return Drafted("", draft=True)
    record = _Record({}, None, {"language": _language().split("-")[0]}, _named(sheet, None), [])
    return _assemble(sheet, question.draft, record, question.review.get("max_words", INTRO_WORDS))


def _job_draft(sheet: AnswerSheet, job: Mapping[str, Any], field_id: str, today: dt.date) -> Drafted:
    sheet, job = drafting_sheet(sheet), value_without_notes(dict(job))
    jobs = _by_role(sheet, "jobs")
    if jobs is None or not _text(job, "role").strip():
        return Drafted("", draft=True)
    try:
        parts = jobs.field(field_id).draft
    except KeyError:
        return Drafted("", draft=True)
    facts = {
        "language": _language().split("-")[0],
        "status": _text(job, "status").strip(),
        "applying": "yes" if _text(job, "status").strip() in APPLYING else "no",
    }
    most_words = TELL_ME_WORDS if field_id == "tell_me" else 0
    return _assemble(sheet, parts, _Record(job, jobs, facts, _named(sheet, job), []), most_words)
