"""careerstory: answer the hardest question of a career, and get a brief out of it."""

__version__ = "0.1.0"


def _(message: str) -> str:
    """Mark a message for translation; returns it unchanged until catalogs arrive."""
    return message
