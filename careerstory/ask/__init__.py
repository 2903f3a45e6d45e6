"""``careerstory ask``: the coaching conversation in a terminal.

- :mod:`~careerstory.ask.conversation`: the walk through the blocks, their reviews and the
  closing summary.
- :mod:`~careerstory.ask.kinds`: how each kind of question (text, long, list, group) is asked.
- :mod:`~careerstory.ask.editor`: a long answer written in the person's own editor.
- :mod:`~careerstory.ask.terminal`: the terminal adapter, the one module that talks to
  questionary and prompt_toolkit.
"""

from careerstory.ask.conversation import run_ask

__all__ = ["run_ask"]
