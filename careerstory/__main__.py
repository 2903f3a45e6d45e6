"""``python -m careerstory``, the same as the ``careerstory`` command."""

from careerstory.cli import main

main()
