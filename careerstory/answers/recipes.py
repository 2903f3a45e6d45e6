"""Recipes assembled from validated answers: the brief's short texts, the pitch's draft.

What a recipe is made of is data (:mod:`careerstory.questions.recipes`); this module
takes each part from the person's own answers and joins them. Both ``ask`` (the pitch
draft) and ``render`` (documents' recipes) use it.
"""

from __future__ import annotations

import re
import unicodedata

from careerstory import _
from careerstory.answers.model import AnswerSheet, field_items, field_text
from careerstory.questions import Question
from careerstory.questions.recipes import Part

# Abbreviations whose full stop does not end a sentence ("Dr. Marsh", "e.g. a quiz").
ABBREVIATIONS = frozenset(
    {"dr.", "mr.", "mrs.", "ms.", "prof.", "st.", "no.", "e.g.", "i.e.", "etc.", "vs.", "approx.", "mt.", "jr.", "sr."}
)
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")
_BULLET = re.compile(r"^\s*- ")
# How typed text is read, in every document and by ask: a line at least this long ended
# where the editor wrapped it (a space); a shorter one ended where the person pressed
# Enter ("Dear Sam," / "Thank you," / a line of an address), and the break is kept.
WRAPPED = 50


def need_key(text: str) -> str:
    """What a requirement's ``need`` and a story's ``shows`` item are compared by ("" for none).

    The same words are the same need whatever their case, spacing, closing stop or how
    the keyboard composed their accents: "SQL." shows "SQL", "Café" typed either way.
    """
    return " ".join(unicodedata.normalize("NFKC", text).split()).strip(" .;:").casefold()


def first_paragraph(text: str) -> str:
    """The first paragraph of typed text, its lines (and ``- `` items) joined by spaces."""
    lines: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not raw.strip():
            if lines:
                break
            continue
        lines.append(_BULLET.sub("", raw).strip())
    return " ".join(lines)


def sentences(text: str) -> list[str]:
    """The sentences of one paragraph, an abbreviation's full stop not ending one."""
    found: list[str] = []
    start = 0
    for match in _END.finditer(text):
        token = text[start : match.end()].split()[-1].lower().lstrip("(\"'“‘")
        after = text[match.end() :].lstrip()
        if token in ABBREVIATIONS and not (token == "etc." and after[:1].isupper()):
            continue
        found.append(text[start : match.end()].strip())
        start = match.end()
    rest = text[start:].strip()
    return [*found, rest] if rest else found


def _cut(sentence: str, limit: int) -> str:
    if len(sentence) > limit:
        return sentence[: limit - 1].rsplit(" ", 1)[0].rstrip(",;: ") + "…"
    return sentence


def first_sentences(text: str, count: int, limit: int = 280) -> list[str]:
    """The first ``count`` sentences of the first paragraph, each cut at a word before ``limit``."""
    return [_cut(s, limit) for s in sentences(first_paragraph(text))[:count]]


def first_sentence(text: str, limit: int = 280) -> str:
    """The first sentence of the first paragraph; cut at a word before ``limit``."""
    found = first_sentences(text, 1, limit)
    return found[0] if found else ""


def join_words(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``, in the language spoken (``a, b und c``)."""
    from careerstory.i18n import format_list

    return format_list(items)


def _phrases(items: list[str]) -> str:
    # "a, b and c" reads well for lower-case phrases; capitalised ones or phrases with
    # their own commas read as a list, kept exactly as typed.
    prose = all(s[:1].islower() and "," not in s for s in items)
    return (join_words(items) if prose else "; ".join(items)).rstrip(".")


# Titles that stay with a name and keep their capital: "Hi Dr Marsh", "as Dr Marsh said".
TITLES = frozenset({"dr", "prof", "mr", "mrs", "ms", "mx", "sir", "dame"})
# Languages that write every noun with a capital: "Ausbildungsleiterin" stays as it is mid-sentence.
_NOUNS_CAPITALISED = frozenset({"de", "lb"})
_PRONOUNS = frozenset({"I", "I'm", "I've", "I'd", "I'll"})


def lower_first(text: str) -> str:
    """An answer as it reads mid-sentence: ``Chemistry teacher`` -> ``chemistry teacher``.

    ``I``, an acronym (``UX researcher``), a title (``Dr Marsh``) and every word of a
    language that capitalises its nouns stay as they are. The one rule for the drafts
    and the documents alike.
    """
    from careerstory.i18n import active

    if active().language in _NOUNS_CAPITALISED:
        return text
    word = text.split(" ", 1)[0]
    if word.replace("’", "'") in _PRONOUNS or word[1:2].isupper() or word.rstrip(".").lower() in TITLES:
        return text
    return text[:1].lower() + text[1:]


def _english() -> bool:
    """Whether the words around an answer are English, the only grammar these takes know."""
    from careerstory.i18n import active

    return active().is_english


def role_phrase(text: str) -> str:
    """A job as said after "I'm": ``Chemistry teacher`` -> ``a chemistry teacher``.

    In another language the role stays as typed: its article and case are the person's.
    """
    text = first_sentence(text).rstrip(".")
    if not text or not _english():
        return text
    lowered = lower_first(text)
    if re.match(r"(a|an|the|my|one|head|\w+'s)\b", lowered.split(" ", 1)[0]):
        return lowered
    first = lowered.split(" ", 1)[0]
    if first.isupper():  # an acronym is said letter by letter: "an MBA", "a UX designer"
        vowel = first[:1] in "AEFHILMNORSX"
    else:
        vowel = lowered[:1].lower() in "aeiou" and not lowered.lower().startswith(("uni", "use", "eu"))
    article = "an" if vowel else "a"
    return f"{article} {lowered}"


# Evidence is often noted without its subject ("Built the margin model..."); said aloud
# it needs one. A first word in the past tense gets "I" before it.
_PAST_TENSE = re.compile(r"[A-Z][a-z]+ed")
# Past participles that open a title ("Registered nurse", "Chartered accountant") as often as a deed.
_TITLE_WORDS = frozenset(["registered", "chartered", "certified", "qualified", "licensed", "accredited", "experienced"])
_PREPOSITIONS = frozenset(["as", "in", "at", "with", "for", "on", "by", "from", "to", "", "and"])
_IRREGULAR_PAST = frozenset(
    [
        "Built",
        "Rebuilt",
        "Led",
        "Ran",
        "Made",
        "Wrote",
        "Rewrote",
        "Taught",
        "Won",
        "Grew",
        "Cut",
        "Set",
        "Brought",
        "Took",
        "Gave",
        "Sold",
        "Kept",
        "Drove",
        "Found",
        "Got",
        "Held",
        "Met",
        "Spent",
        "Paid",
        "Sent",
        "Told",
        "Understood",
        "Began",
        "Chose",
        "Drew",
        "Flew",
        "Fought",
        "Knew",
        "Left",
        "Lost",
        "Read",
        "Saw",
        "Spoke",
        "Stood",
        "Thought",
        "Went",
    ]
)


def spoken(sentence: str) -> str:
    """A noted sentence as a person says it: ``Built the model.`` -> ``I built the model.``.

    A title before a noun is no verb: ``Registered nurse for eleven years`` stays as it is
    (not "I registered nurse"), while ``Qualified as an accountant`` is said "I qualified…".
    """
    word, _space, rest = sentence.partition(" ")
    after = rest.split(" ", 1)[0].lower()
    if word.lower() in _TITLE_WORDS and after not in _PREPOSITIONS:
        return sentence
    if (_english() and word in _IRREGULAR_PAST) or _PAST_TENSE.fullmatch(word):
        return "I " + sentence[:1].lower() + sentence[1:]
    return sentence


def aim(text: str) -> str:
    """The first sentence as a bare aim, to follow "I want": ``To train clinicians.`` -> ``to train clinicians``.

    A bare aim starts with "to" or an article in English ("a job where…"), with a small
    letter elsewhere ("in einem kleinen Unternehmen Projekte planen"); a sentence of its
    own ("I want to…", "Ich möchte…") is no aim, and gives "".
    """
    sentence = first_sentence(text).strip().rstrip(".!")
    if _english():
        if not re.match(r"(to|a|an|the)\s+\w", sentence, re.IGNORECASE):
            return ""
        return sentence[:1].lower() + sentence[1:]
    first = re.split(r"[\s'’]", sentence, maxsplit=1)[0].casefold()
    return sentence if sentence[:1].islower() and first not in _SAID_OF_ONESELF else ""


# First words of a sentence about oneself typed in small letters ("ich möchte…", "je veux…"): no bare aim.
_SAID_OF_ONESELF = frozenset(
    [
        "ich",
        "mein",
        "meine",
        "mir",
        "je",
        "j",
        "mon",
        "ma",
        "mes",
        "yo",
        "mi",
        "quiero",
        "me",
        "ja",
        "chcę",
        "mój",
        "moim",
    ]
)


def clause(text: str) -> str:
    """The first sentence, made to follow "because": no final stop, no leading "Because"."""
    sentence = first_sentence(text).rstrip(".!")
    if not _english():
        return sentence
    sentence = re.sub(r"^because\s+", "", sentence, flags=re.IGNORECASE)
    return lower_first(sentence)


def _texts(sheet: AnswerSheet, question: Question, part: Part) -> list[str]:
    """The pieces of text a part reads: the answer, a list's items, or its records' field."""
    if question.shape.records:
        entries = sheet.entries(question.id)
        if part.field:
            return [t for e in entries for t in [field_text(e, part.field), *field_items(e, part.field)] if t.strip()]
        return []
    if question.shape.items:
        return [s.strip() for s in sheet.items(question.id)]
    text = sheet.text(question.id).strip()
    return [text] if text else []


def take(sheet: AnswerSheet, question: Question, part: Part) -> str:
    """What ``part`` takes from the answer to ``question`` ("" when nothing)."""
    texts = _texts(sheet, question, part)
    if not texts:
        return ""
    if part.take == "phrases":
        return _phrases(texts)
    if part.take == "first_with_number":
        for text in texts:
            for paragraph in re.split(r"\n\s*\n", text):
                found = next((s for s in sentences(first_paragraph(paragraph)) if re.search(r"\d", s)), "")
                if found:
                    return _cut(spoken(found), 280)
        return ""
    if part.take == "role_phrase":
        return role_phrase(texts[0])
    if part.take == "clause":
        return clause(texts[0])
    if part.take == "aim":
        return aim(texts[0])
    if part.take == "two_sentences":
        return " ".join(first_sentences(texts[0], 2))
    return first_sentence(texts[0]) if part.take == "first_sentence" else texts[0]


def recipe(sheet: AnswerSheet, parts: tuple[Part, ...], most_words: int = 0) -> str:
    """Text in the person's own words: each part's answer, said as its pattern says, joined by spaces.

    With ``most_words``, a text that runs longer loses its ``spare`` parts, then has its
    ``cut`` parts cut to their first clause, one after the other, until it fits.
    """
    by_role = {q.role: q for q in sheet.bank.questions if q.role}
    said: list[tuple[Part, str]] = []
    for first in parts:
        part: Part | None = first
        while part is not None:
            if part.take == "fixed":
                said.append((part, _(part.say)))
                break
            question = by_role.get(part.role)  # a bank without the role simply leaves the part out
            taken = take(sheet, question, part) if question is not None else ""
            if taken:
                said.append((part, _(part.say).format(taken)))
                break
            part = part.otherwise
    texts: list[str | None] = [text for _part, text in said]
    # Too long: leave the spare parts out, the last first, then cut the others to their first clause.
    steps: list[tuple[int, str | None]] = [(n, None) for n in reversed(range(len(said))) if said[n][0].spare]
    steps += [(n, first_clause(text)) for n, (part, text) in enumerate(said) if part.cut]
    for number, shorter in steps:
        if not most_words or _words(texts) <= most_words:
            break
        texts[number] = shorter
    return " ".join(text for text in texts if text)


def _words(texts: list[str | None]) -> int:
    return sum(len(text.split()) for text in texts if text)


_CLAUSE_END = re.compile(r"\s*[;,:–—]\s")


def first_clause(sentence: str) -> str:
    """A sentence up to its first ``;``, ``,``, ``:`` or dash, ended as it was (``.``)."""
    end = sentence.rstrip()[-1:] if sentence.rstrip()[-1:] in ".!?" else ""
    found = _CLAUSE_END.search(sentence)
    return sentence[: found.start()].rstrip() + end if found else sentence


def draft(sheet: AnswerSheet, question: Question) -> str:
    """The draft ``ask`` offers for an open question, within the words its review allows (``max_words``)."""
    return recipe(sheet, question.draft, question.review.get("max_words", 0))
