"""careerstory: answer the hardest question of a career, and get a brief out of it."""

__version__ = "0.1.0"


def _(message: str) -> str:
    """Mark ``message`` as words a person reads, for translation.

    The gettext marker: extractors (``xgettext``, Babel) collect every ``_("...")``.
    Until careerstory ships catalogs it returns ``message`` unchanged; a later change
    routes it through them. Format placeholders after the call
    (``_("{n} answered").format(n=n)``) so the catalog holds the whole sentence.
    """
    return message
