"""Follow-through: the next steps of every file, and a coach's board of a whole caseload.

It reads answers files the way ``check`` and ``review`` do and lays what it finds side by
side: ``steps`` every next step with its due date (and as an iCalendar file), ``board``
one row per client. It sits above ``review`` and ``answers``, and below ``cli``.
"""
