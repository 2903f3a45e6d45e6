"""The brief: validated answers → what the brief says → Jinja2 templates → Markdown, HTML, PDF.

``run_render`` is what ``careerstory render`` calls; ``watching.watch_and_render`` is
its ``--watch``. Nothing here parses YAML: each answers file is read through
:func:`careerstory.answers.read`, and the brief is built from the validated sheet only.
Jinja2 and WeasyPrint are imported only when used.
"""

from careerstory.render.running import RenderRequest, render_html, render_markdown, run_render

__all__ = ["RenderRequest", "render_html", "render_markdown", "run_render"]
