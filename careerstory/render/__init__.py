"""Documents: validated answers → what each document says → Jinja2 templates → Markdown, HTML, PDF.

``running.run_render`` is what ``careerstory render`` calls, with a
:class:`~careerstory.render.request.RenderRequest`; ``watching.watch_and_render`` is
its ``--watch``. Nothing here parses YAML: each answers file is read through
:func:`careerstory.answers.read`, and documents are built from the validated sheet
only. Importing this package imports nothing else, so that the command line can
take the request's enums at start-up; Jinja2, WeasyPrint, rich and watchfiles are
imported only when used.
"""
