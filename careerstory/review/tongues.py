"""The words the version-3 rules read, per language: asks, pronouns, an 'I' who acts, complaints.

Each table is a small, deliberate lexicon for en, de, fr, es and pl. They are tuned for
precision: a rule only speaks when the words leave little doubt, so every list here
errs towards *not* finding a fault (a generous list of ways to ask, of first-person
forms and of second-person forms; a strict one of complaints).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LANGUAGES = frozenset({"en", "de", "fr", "es", "pl"})
_I = re.IGNORECASE

# -- asking for something ----------------------------------------------------------------------

# A question mark is an ask in every language; these are the request forms without one.
_ASKS = {
    "en": r"\b(could you|would you|can you|will you|might you|may I|could I|can I|would it be possible|"
    r"is there any chance|I'd love|I would love|I'd like|I would like|I'd be (?:grateful|glad|delighted|happy)|"
    r"I would be (?:grateful|glad|delighted|happy)|I'm hoping|I am hoping|I was hoping|I hope you|please|"
    r"let me know|if you (?:could|can|have|know|are|were|had|would)|do you have|are you free|"
    r"happy to (?:talk|chat|meet|call)|would welcome|I'd welcome|I welcome|looking for|"
    r"any (?:leads|advice|pointers)|(?:it|that|this) would (?:help|mean)|would be (?:great|wonderful|a help)|I'd value|"
    r"I would value|I'd appreciate|I would appreciate|keen to|eager to|hoping to|glad to|open to|"
    r"(?:want|wanted) to (?:meet|talk|hear|learn|ask)|interested in (?:talking|meeting|hearing))\b",
    "de": r"\b(könnten Sie|können Sie|würden Sie|hätten Sie|dürfte ich|darf ich|könnte ich|kann ich|könntest du|"
    r"kannst du|würdest du|hättest du|magst du|bitte|würde mich (?:sehr |riesig )?freuen|freue mich|"
    r"(?:wäre|bin) (?:Ihnen |dir )?(?:sehr )?dankbar|gerne?|ich suche|auf der Suche|wenn Sie|falls Sie|wenn du|"
    r"falls du|Bescheid|freuen|dankbar|würde|würden|wäre|wären|hätte|hätten|könnte|könnten)\b",
    "fr": r"(pourriez-vous|pourrais-tu|pouvez-vous|peux-tu|auriez-vous|aurais-tu|accepteriez-vous|accepterais-tu|"
    r"serait-il possible|je serais (?:ravie?|heureux|heureuse|reconnaissante?)|j['’]aimerais|je voudrais|"
    r"je souhaiterais|volontiers|merci de|s['’]il vous pla[iî]t|s['’]il te pla[iî]t|n['’]hésitez pas|"
    r"n['’]hésite pas|je cherche|à la recherche|si vous (?:pouvez|avez|connaissez|êtes)|si tu (?:peux|as|connais)|"
    r"\w+(?:rais|rait|riez)\b|je souhaite|j['’]espère|je veux (?:rencontrer|échanger|parler|comprendre))",
    "es": r"(¿|podría|podrías|puede usted|puedes|le importaría|te importaría|me encantaría|me gustaría|quisiera|"
    r"querría|agradecería|por favor|busco|estoy buscando|estaría encantad[oa]|si (?:puede|puedes|conoce|conoces|"
    r"tiene|tienes)|\w+ría\b|quiero (?:conocer|hablar|aprender|saber)|espero)",
    "pl": r"(\bczy\b|mógłby|mogłaby|mógłbyś|mogłabyś|mogliby|moglibyście|chciałbym|chciałabym|chętnie|proszę|"
    r"poproszę|wdzięczn\w*|szukam|jeśli (?:Pan|Pani|masz|możesz|znasz)|daj znać|zależy mi|"
    r"\w+(?:łby|łaby|łoby|łbym|łabym|łbyś|łabyś)\b|chcę (?:porozmawiać|poznać|zapytać|usłyszeć)|liczę na)",
}
ASKS = {language: re.compile(pattern, _I) for language, pattern in _ASKS.items()}


def asks_for_something(text: str, language: str) -> bool:
    """True when ``text`` holds a question or a request form of ``language``."""
    return "?" in text or bool(ASKS[language].search(text))


# -- who a text is about -----------------------------------------------------------------------


@dataclass(frozen=True)
class Persons:
    """One language's words for 'him or her' (third person) and 'you' (second person)."""

    third: re.Pattern[str]
    second: re.Pattern[str]
    # Capitalised words that begin a sentence without naming anyone (so they are no antecedent).
    starters: frozenset[str]
    # An instruction to oneself at the start of a question ("Ask her...", "Fragen, ob...").
    instruction: re.Pattern[str]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PERSONS = {
    "en": Persons(
        re.compile(r"\b(he|she|him|his|her|hers|himself|herself)\b", _I),
        re.compile(r"\b(you|your|yours|yourself|you['’](?:re|ve|d|ll))\b", _I),
        _words(
            "Ask Find Check We I My Our The A An At In On Met Through Via From After When Since Last Former Old "
            "How What Why Where Which Who Whether Does Did Do Is Was Could Would"
        ),
        re.compile(r"^\W*(ask|find out|check)\b", _I),
    ),
    # German: lower-case sie/ihr is 'she, her' (capitalised it is the polite 'you', or a sentence start).
    "de": Persons(
        # Bare 'ihr' may be 'you' (ihr habt); 'sie' may be 'they' (see _german_they).
        re.compile(r"\b(?:[Ee]r|[Ii]hn|[Ii]hm|sie|ihre[mnrs]?|seine?[mnrs]?)\b"),
        re.compile(
            r"\b(?:[Dd]u|[Dd]ich|[Dd]ir|[Dd]ein\w*|[Ee]uch|[Ee]uer|[Ee]ure\w*|Ihnen)\b|(?<=[\w,] )(?:Sie|Ihr\w*)\b"
        ),
        _words(
            "Frag Fragen Nachfragen Wir Ich Mein Meine Unser Unsere Über Bei Auf Im In Am Beim Seit Nach Durch Als "
            "Wie Was Warum Wann Welche Welcher Wo Wer Ob"
        ),
        re.compile(r"^\W*(frag|fragen|nachfragen|erfragen)\b", _I),
    ),
    # French: an impersonal 'il' (il y a, il faut, s'il vous plaît) is nobody.
    "fr": Persons(
        re.compile(
            r"(?<![\w'’])(?:il(?! (?:y|faut|fallait|semble|paraît|est (?:possible|temps|important)))|elle|lui)\b", _I
        ),
        re.compile(r"(?<![\w'’])(vous|votre|vos|tu|toi|ton|ta|tes|te|t['’])(?!\w)", _I),
        _words(
            "Demander Lui Nous Je J Mon Ma Mes Notre Nos Le La Les Un Une Au À En Par Depuis Après Lors "
            "Comment Pourquoi Quand Quel Quelle Quels Où Qui Est-ce S'il Si"
        ),
        re.compile(r"^\W*((?:lui |leur )?demander|demande-lui|demandez-lui|se renseigner)\b", _I),
    ),
    "es": Persons(
        re.compile(r"(?<!\w)(él|ella)(?!\w)", _I),
        re.compile(r"(?<!\w)(tú|te|ti|contigo|tu|tus|tuy[oa]s?|usted|ustedes|vosotr[oa]s|os|vuestr[oa]s?)(?!\w)", _I),
        _words(
            "Preguntar Preguntarle Nos Yo Mi Mis Nuestro Nuestra El La Los Las Un Una En Por Desde Tras Cuando "
            "Cómo Qué Cuándo Dónde Cuál Quién Si"
        ),
        re.compile(r"^\W*(preguntar\w*|pregúnta\w*|consultar)\b", _I),
    ),
    # Polish drops 'ty': a second-person verb ending (jesteś, możesz, znasz) is a 'you' too.
    "pl": Persons(
        re.compile(r"(?<!\w)(on|ona|jego|jej|niego|niej|niemu|mu|go|ją|nią)(?!\w)", _I),
        re.compile(
            r"(?<!\w)(ty|ciebie|cię|tobie|ci|twó\w*|twoj\w*|twoi|wy|was|wam|wami|pan|pani|pana|panu|panią|panem|"
            r"państw\w*|\w+(?:eś|aś|esz|isz|ysz|asz))(?!\w)",
            _I,
        ),
        _words(
            "Zapytać Zapytaj Spytać My Ja Mój Moja Nasz Nasza Na W We Przez Od Po Podczas Kiedy Gdy "
            "Jak Co Dlaczego Gdzie Który Która Czy"
        ),
        re.compile(r"^\W*(zapyta\w*|spyta\w*|dopyta\w*)(?!\w)", _I),
    ),
}

_CAPITALISED = re.compile(r"(?<![\w'’])[^\W\d_][\w'’-]*")


def third_person_at(text: str, language: str) -> int | None:
    """Where ``text`` speaks of its reader as 'he' or 'she', else None.

    Only when it never says 'you' and nobody it names comes before the pronoun (in
    "Sophie introduced us; she..." the 'she' is Sophie): then the pronoun can only be
    the person the text is written to.
    """
    persons = PERSONS[language]
    if persons.second.search(text):
        return None
    found = next((m for m in persons.third.finditer(text) if not (language == "de" and _german_they(text, m))), None)
    if found is None:
        return None
    before = text[: found.start()]
    for word in _CAPITALISED.findall(before):
        if word[0].isupper() and word.rstrip("'’") not in persons.starters and not persons.third.fullmatch(word):
            return None
    return found.start()


_GERMAN_ARTICLES = _words("den einen keinen meinen deinen seinen ihren unseren euren diesen jeden")
_GERMAN_JOINS = _words("wo wie weil dass ob wenn als was wann warum welche welchen womit wofür")


def _german_they(text: str, found: re.Match[str]) -> bool:
    """True when a lower-case 'sie' is 'they': its verb is plural (sie haben; wo sie einen Stand hatten)."""
    if found.group(0) != "sie":
        return False
    before = text[: found.start()].split()
    clause = re.split(r"[,.;:!?]", text[found.end() :], maxsplit=1)[0].split()
    if not clause:
        return False
    plural = clause[0] == "sind" or (clause[0].endswith("en") and clause[0].lower() not in _GERMAN_ARTICLES)
    if before and before[-1].lower().strip(",") in _GERMAN_JOINS:
        plural = clause[-1] == "sind" or clause[-1].endswith("en")
    return plural


def is_instruction(text: str, language: str) -> bool:
    """True when a question starts as a note to oneself ("Ask her whether...") and asks nothing."""
    return "?" not in text and bool(PERSONS[language].instruction.search(text))


# -- an 'I' who acts ---------------------------------------------------------------------------

# Generous: any sign of the first person singular counts, so a story is only noted when none is there.
_FIRST_PERSON = {
    "en": re.compile(r"(?<![\w'’])(?:I|I['’](?:m|ve|d|ll)|me|my|myself)(?![\w'’])"),
    "de": re.compile(r"\b(ich|mich|mir|mein\w*)\b", _I),
    "fr": re.compile(r"(?<![\w'’])(?:j['’]|m['’]|(?:je|moi|me|mon|ma|mes)(?!\w))", _I),
    # Spanish drops 'yo': a preterite in -é/-í (diseñé, decidí), the perfect's 'he', an imperfect in -aba/-ía.
    # and a sentence that opens on a word in -o is read as a present (Organizo, Reviso).
    "es": re.compile(
        r"(?<!\w)(yo|me|mi|mí|conmigo|he|\w+[éí]|\w+(?:aba|ía))(?!\w)|(?:^|[.;:!?]\s+)\w+o(?!\w)",
        _I,
    ),
    # Polish drops 'ja': a past in -łem/-łam, a present in -ę, -am, -em, -im, -ym (generous on purpose).
    "pl": re.compile(r"(?<!\w)(ja|mnie|mi|mną|mó\w*|moj\w*|\w+(?:łem|łam|ę|am|em|im|ym))(?!\w)", _I),
}
# 'We' as the one who acted: the story then hides the person's own part.
_WE = {
    "en": re.compile(r"\b(we|our team|the team|us)\b", _I),
    "de": re.compile(r"\b(wir|unser\w*|das Team)\b", _I),
    "fr": re.compile(r"(?<![\w'’])(nous|notre|nos|on|l['’]équipe)(?!\w)", _I),
    # A verb in -amos/-imos is unaccented (organizamos, decidimos) or in -ábamos/-íamos; últimos is not one.
    "es": re.compile(
        r"(?<!\w)(nosotr[oa]s|nuestr[oa]s?|\w*(?:ábamos|íamos)|(?!(?:tr|r|gr|recl|pr)(?:amos|imos)\b)"
        r"[a-zñ]+(?:amos|imos))(?!\w)",
        _I,
    ),
    "pl": re.compile(r"(?<!\w)(my|nasz\w*|\w+śmy)(?!\w)", _I),
}
_PASSIVE_EN = re.compile(r"\b(?:was|were|got)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ne)\b", _I)


def hides_the_i(text: str, language: str) -> int | None:
    """Where a story's action is told by 'we' (or, in English, in the passive) with no 'I', else None."""
    if _FIRST_PERSON[language].search(text):
        return None
    found = _WE[language].search(text) or (_PASSIVE_EN.search(text) if language == "en" else None)
    return found.start() if found else None


# -- complaints about the employer ------------------------------------------------------------


@dataclass(frozen=True)
class Complaints:
    """One language's complaint patterns: whom or what they target, and what is said of it."""

    owner: re.Pattern[str]  # my, our, the: a word that makes the target the person's own
    people: re.Pattern[str]  # the boss, the management, colleagues
    things: re.Pattern[str]  # the pay, the rota, the culture, the company
    verdict: re.Pattern[str]  # an adjective that condemns: 'toxic', 'incompetent'
    copula: re.Pattern[str]  # is, are, was (people: a past boss is still run down)
    present: re.Pattern[str]  # is, are (things: "the rota was unfair; I rebuilt it" is a result, not a complaint)
    behaviour: re.Pattern[str]  # what a person does: 'never listens', 'micromanages'
    self: re.Pattern[str]  # a complaint whose target is in the words: 'I am underpaid'
    owner_needed: bool = True
    # An adjective right after a person: "une direction toxique" (fr, es, pl); in German only before a
    # final verb ("weil mein Chef inkompetent ist"), since "die Leitung schlecht laufender Filialen" praises.
    verdict_after: str = "always"


def _one_of(pattern: str, flags: int = _I) -> re.Pattern[str]:
    return re.compile(rf"^(?:{pattern})$", flags)


def _after(pattern: str) -> re.Pattern[str]:
    """What follows a target, up to three words on: 'my boss (really, always) never listens'."""
    return re.compile(rf"^\W*(?:[\w'’-]+\s+){{0,3}}?(?:{pattern})", _I)


COMPLAINTS = {
    "en": Complaints(
        _one_of(r"my|our|the"),
        _one_of(
            r"managers?|boss(?:es)?|management|leadership|director|supervisor|employer|colleagues|co-?workers|team|"
            r"matron|owner"
        ),
        _one_of(r"pay|salary|rota|culture|workplace|company|school|trust|department"),
        _one_of(
            r"toxic|incompetent|useless|hopeless|clueless|lazy|unfair|rude|awful|terrible|dreadful|horrible|"
            r"appalling|pathetic|unsupportive"
        ),
        _one_of(r"is|are|was|were|been|seems?|feels?"),
        _one_of(r"is|are|seems?|feels?"),
        _after(
            r"never (?:listen|support|thank|praise|back|care|help|explain|consult|recogni[sz]e)\w*\b|ignor(?:es|ed)\b|"
            r"micromanag(?:es|ed (?:me|us|everyone))\b|bull(?:y|ies|ied)\b|belittl\w*|undermin\w*|"
            r"(?:shouts|yells) at\b|"
            r"(?:doesn['’]t|don['’]t|didn['’]t|does not|do not|did not|won['’]t|will not|can['’]t|cannot|refuses? to) "
            r"(?:listen|care|support|value|trust|appreciate|respect|recogni[sz]e|communicate)\b"
        ),
        re.compile(
            r"\b(?:I|I['’]m|I am|I feel|I['’]ve been|I have been|we are|we['’]re|we feel|feeling|being)\s+(?:\w+\s+)?"
            r"(?:underpaid|undervalued|unappreciated|micromanaged|badly paid|poorly paid|bullied|ignored)\b"
            r"|\boffice politics\b",
            _I,
        ),
        verdict_after="never",
    ),
    # German nouns are capitalised: the targets are matched as written.
    "de": Complaints(
        _one_of(r"mein\w*|unser\w*|der|die|das|den|dem|des"),
        _one_of(
            r"Chef\w*|Vorgesetzt\w*|Führung|Geschäftsführung|Schulleitung|Stationsleitung|Leitung|Management|"
            r"Kolleg\w*|Kollegium|Arbeitgeber\w*|Team",
            0,
        ),
        _one_of(r"Firma|Unternehmen|Gehalt|Bezahlung|Lohn|Dienstpl\w*|Schichtpl\w*|Arbeitsklima|Betriebsklima", 0),
        _one_of(
            r"toxisch\w*|inkompetent\w*|unfähig\w*|unfair\w*|faul\w*|respektlos\w*|furchtbar\w*|schrecklich\w*|"
            r"katastrophal\w*|miserabel\w*|mies\w*|unterirdisch\w*"
        ),
        _one_of(r"ist|sind|war|waren|wirkt|wirken|scheint"),
        _one_of(r"ist|sind|wirkt|wirken|scheint"),
        _after(
            r"ignorier\w*|mobb\w*|schreit\b|(?:hört|hören|interessiert|interessieren|kümmert|kümmern|schätzt|schätzen|"
            r"unterstützt|unterstützen|lobt|loben|dankt|danken)\s+(?:\w+\s+){0,2}?(?:nie|niemals|nicht)\b"
        ),
        re.compile(
            r"\b(?:ich (?:bin|werde|fühle mich)|wir (?:sind|werden|fühlen uns))\s+(?:\w+\s+)?"
            r"(?:unterbezahlt|schlecht bezahlt|nicht wertgeschätzt|gemobbt|übergangen)\b|\bMikromanagement\b",
            _I,
        ),
        verdict_after="before-copula",
    ),
    "fr": Complaints(
        _one_of(r"mon|ma|mes|notre|nos|le|la|les|l|du|des"),
        _one_of(
            r"chef(?:fe)?s?|managers?|responsables?|direction|hiérarchie|patron(?:ne)?s?|collègues|équipe|employeur"
        ),
        _one_of(r"entreprise|salaire|paie|paye|planning|horaires|ambiance"),
        _one_of(
            r"toxiques?|incompétent\w*|nul(?:le)?s?|injustes?|paresseu\w*|méprisant\w*|horribles?|affreu\w*|"
            r"catastrophiques?|lamentables?|exécrables?"
        ),
        _one_of(r"est|sont|était|étaient|semble|semblent"),
        _one_of(r"est|sont|semble|semblent"),
        _after(
            r"(?:ne |n['’])(?:m['’]|me |nous )?(?:écout|soutien|remerci|consult|valoris|respect|reconna)\w*|"
            r"ignor\w*|mépris\w*|harc[eè]l\w*|crie sur\b"
        ),
        re.compile(
            r"\b(?:je (?:suis|me sens)|nous (?:sommes|nous sentons))\s+(?:\w+\s+)?"
            r"(?:sous-payée?s?|mal payée?s?|pas reconnue?s?|dévalorisée?s?|harcelée?s?)|\bmicro-?management\b"
            r"|\bmicrogestion\b",
            _I,
        ),
    ),
    "es": Complaints(
        _one_of(r"mi|mis|nuestr[oa]s?|el|la|los|las|del"),
        _one_of(
            r"jef[ea]s?|director[ae]?s?|dirección|gerentes?|supervisor[ae]?s?|encargad[oa]s?|compañer[oa]s|colegas|"
            r"equipo|empleador[ae]?s?"
        ),
        _one_of(r"empresa|sueldo|salario|turnos|horarios|ambiente"),
        _one_of(
            r"tóxic[oa]s?|incompetentes?|injust[oa]s?|vag[oa]s?|perezos[oa]s?|horribles?|terribles?|pésim[oa]s?|"
            r"nefast[oa]s?|desastros[oa]s?|irrespetuos[oa]s?|inútiles?"
        ),
        _one_of(r"es|son|era|eran|está|están|fue|parece"),
        _one_of(r"es|son|está|están|parece"),
        _after(
            r"(?:nunca|no) (?:me |nos )?(?:escucha|apoya|agradece|valora|reconoce|respeta|consulta)\w*|ignora\w*|"
            r"menosprecia\w*|acosa\w*|(?:nos|me) grita\b"
        ),
        re.compile(
            r"\b(?:estoy|me siento|soy|estamos|nos sentimos)\s+(?:\w+\s+)?"
            r"(?:mal pagad[oa]s?|infravalorad[oa]s?|poco valorad[oa]s?|acosad[oa]s?|explotad[oa]s?)|\bmicrogestión\b",
            _I,
        ),
    ),
    # Polish has no articles: a target counts bare, but an adjective before it needs 'mój' or 'nasz'.
    "pl": Complaints(
        _one_of(r"mó[jw]\w*|moj\w*|moi|nasz\w*"),
        _one_of(
            r"szef\w*|kierowni\w*|przełożon\w*|dyrekcj\w*|dyrektor\w*|zarząd\w*|kierownictw\w*|koledz\w*|"
            r"koleg[aóiu]\w*|koleżank\w*|współpracowni\w*|pracodawc\w*|zespół|zespoł\w*"
        ),
        _one_of(r"firm\w*|pensj\w*|wynagrodzeni\w*|grafik\w*|atmosfer\w*"),
        _one_of(
            r"toksyczn\w*|niekompetentn\w*|beznadziejn\w*|niesprawiedliw\w*|leniw\w*|okropn\w*|fataln\w*|"
            r"straszn\w*|żałosn\w*|chamsk\w*"
        ),
        _one_of(r"jest|są|był|była|było|byli|były"),
        _one_of(r"jest|są"),
        _after(
            r"(?:nigdy )?nie (?:mnie |nas |nam |mi )?(?:słucha|wspiera|docenia|dziękuje|szanuje)\w*|ignoruje\w*|"
            r"lekceważy\w*|krzyczy\w*|poniża\w*|mikrozarządza\w*"
        ),
        re.compile(
            r"\b(?:jestem|czuję się|byłem|byłam|jesteśmy|czujemy się)\s+(?:\w+\s+)?"
            r"(?:źle opłacan\w*|niedocenian\w*|niedoceniona|niedoceniony|poniżan\w*|mobbingowan\w*)"
            r"|\bmikrozarządzani\w*",
            _I,
        ),
        owner_needed=False,
    ),
}

_SENTENCE = re.compile(r"[^.!?;\n]+[.!?;]*")
_TOKEN = re.compile(r"[^\W_]+(?:[-][^\W_]+)*")


def complaint_at(text: str, language: str) -> int | None:
    """The start of the first sentence of ``text`` that complains about the employer or colleagues, else None.

    A sentence complains when it says something condemning of a target that is the
    person's own (my manager, the management, our pay): an adjective beside it ("our
    toxic management"), after a copula ("the rota is a joke" is not read; "my manager
    is incompetent" is), what it does ("my boss never listens"), or a complaint that
    names its target itself ("I am underpaid").
    """
    lexicon = COMPLAINTS[language]
    for sentence in _SENTENCE.finditer(text):
        said = sentence.group(0)
        if lexicon.self.search(said) or _condemns(said, lexicon):
            return sentence.start() + len(said) - len(said.lstrip())
    return None


def _condemns(sentence: str, lexicon: Complaints) -> bool:
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(sentence.replace("’", "'"))]
    # French elides the article: "l'équipe" is "l" and "équipe".
    words = [re.sub(r"^[ldLD]'", "", word) for word, _start, _end in tokens]
    for i, word in enumerate(words):
        person = bool(lexicon.people.match(word))
        if not person and not lexicon.things.match(word):
            continue
        # Up to two words may stand between the owner and the target ("my current line manager").
        owned = any(lexicon.owner.match(w) for w in words[max(0, i - 3) : i]) or tokens[i][0][:2].lower() in (
            "l'",
            "d'",
        )
        if lexicon.owner_needed and not owned:
            continue
        after = words[i + 1 : i + 4]
        copula = lexicon.copula if person else lexicon.present
        # "my manager is (really) incompetent", "the pay is awful"
        if after and copula.match(after[0]) and _said_of(after[1:3], lexicon):
            return True
        if not person:
            continue
        if after and lexicon.verdict.match(after[0]) and _verdict_after(lexicon, after):
            return True
        if owned and i > 0 and lexicon.verdict.match(words[i - 1]):  # "my useless manager"
            return True
        if lexicon.behaviour.match(sentence[tokens[i][2] :]):  # "my boss never listens"
            return True
    return False


def _verdict_after(lexicon: Complaints, after: list[str]) -> bool:
    if lexicon.verdict_after == "before-copula":
        return len(after) > 1 and bool(lexicon.copula.match(after[1]))
    return lexicon.verdict_after == "always"


_NOT = frozenset({"not", "never", "nicht", "nie", "kein", "keine", "keineswegs", "pas", "jamais", "no", "nunca"})


def _said_of(words: list[str], lexicon: Complaints) -> bool:
    """A verdict right after the copula, or after one word that is not a 'not' ("is really incompetent")."""
    if words and lexicon.verdict.match(words[0]):
        return True
    return len(words) > 1 and words[0].lower() not in _NOT and bool(lexicon.verdict.match(words[1]))
