"""What a template may build and how long it may run: the bounds the sandbox enforces.

A person's template runs in Jinja's sandbox, which keeps Python's internals out of
reach but not the machine's memory or time: ``"x".ljust(10**9)`` builds a gigabyte,
two nested ``range(100000)`` loops run for hours. Here every operation that can build
a long text from a short one (padding, ``format``, ``replace``, ``indent``, ``lipsum``,
``*`` and ``+``) is refused before it builds more than :data:`MAX_TEXT` characters, the
whole output is cut off past :data:`MAX_OUTPUT`, and a render stops after
:data:`TIME_LIMIT` seconds: the clock is read at every call, attribute, loop step of
``range`` and piece of output, and (in the main thread) by an alarm for loops that do
nothing else. Each bound broken is a :class:`TemplateLimit` naming the bound.
"""

from __future__ import annotations

import contextlib
import functools
import re
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

MAX_TEXT = 1_000_000  # characters one value a template builds may hold
MAX_OUTPUT = 10_000_000  # characters one template may write in all
TIME_LIMIT = 10.0  # seconds one template may run
_CHECK_EVERY = 1024  # loop steps of range between two looks at the clock

_state = threading.local()
_NUMBER = re.compile(r"\d+")


def _limit_error() -> type[Exception]:
    from jinja2.exceptions import SecurityError

    return SecurityError


class TemplateLimit(Exception):
    """What every broken bound raises is one, and a SecurityError too (made on first use: jinja2 is imported late)."""


@functools.cache
def limit_class() -> type[Exception]:
    """The exception a broken bound raises: a SecurityError, so Jinja passes it through."""
    return type("TemplateLimitError", (_limit_error(), TemplateLimit), {})


def refuse(message: str) -> None:
    """Stop the template with a broken bound."""
    raise limit_class()(message)


def too_long(size: int) -> None:
    """Refuse a text of ``size`` characters when it is over the bound."""
    if size > MAX_TEXT:
        refuse(f"a text of more than {MAX_TEXT:,} characters is not allowed (it would be {size:,})")


def check_time() -> None:
    """Refuse to go on past the render's deadline."""
    deadline = getattr(_state, "deadline", None)
    if deadline is not None and time.monotonic() > deadline:
        _state.deadline = None  # said once: the error's own handling must not trip it again
        refuse(f"a template may run for {TIME_LIMIT:g} seconds at most")


def _widest_number(text: str) -> int:
    return max((int(n) for n in _NUMBER.findall(text) if len(n) < 12), default=0) if text else 0


def _format_width(spec: Any) -> int:
    """The widest field a ``%`` or ``{}`` format string asks for (a huge number is refused at once)."""
    if not isinstance(spec, str):
        return 0
    if any(len(n) >= 12 for n in _NUMBER.findall(spec)):
        return MAX_TEXT + 1
    return _widest_number(spec)


def predicted(name: str, target: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    """How long the text ``target.name(*args)`` (a str method or a filter) would be, as far as known before."""
    first = args[0] if args else None
    if name in ("ljust", "rjust", "center", "zfill"):
        width = first if first is not None else kwargs.get("width", 80)
        return max(len(str(target)), width) if isinstance(width, int) else 0
    if name == "expandtabs":
        size = first if isinstance(first, int) else kwargs.get("tabsize", 8)
        return len(target) * max(size, 1) if isinstance(size, int) else 0
    if name in ("format", "format_map"):
        return len(str(target)) + _format_width(target)
    if name == "replace" and len(args) >= 2 and isinstance(target, str):
        old, new = str(args[0]), str(args[1])
        count = target.count(old) if old else len(target) + 1
        if len(args) > 2 and isinstance(args[2], int) and args[2] >= 0:
            count = min(count, args[2])
        return len(target) + count * max(0, len(new) - len(old))
    if name == "indent" and isinstance(target, str):
        width = first if first is not None else kwargs.get("width", 4)
        step = width if isinstance(width, int) else len(str(width))
        return len(target) + step * (target.count("\n") + 1)
    return 0


_STR_METHODS = frozenset({"ljust", "rjust", "center", "zfill", "expandtabs", "format", "format_map", "replace"})


def before_call(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a call to a str method that would build too long a text; look at the clock."""
    check_time()
    name = getattr(obj, "__name__", "")
    if name not in _STR_METHODS:
        return
    owner = getattr(obj, "__self__", None)
    if owner is None:
        owner = getattr(getattr(obj, "__wrapped__", None), "__self__", None)
    if isinstance(owner, str):
        too_long(predicted(name, owner, args, kwargs))


def after(result: Any) -> Any:
    """Refuse a text over the bound that was built anyway (a join, a filter's result)."""
    if isinstance(result, str):
        too_long(len(result))
    return result


def bounded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that refuses to build more than the bound (Jinja's pass_* marks kept)."""
    # The value is the first argument after any context, eval context or environment Jinja passes.
    passed = 1 if getattr(function, "jinja_pass_arg", None) is not None else 0

    @functools.wraps(function)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        check_time()
        if len(args) > passed:
            value, rest = args[passed], args[passed + 1 :]
            if name == "format":
                too_long(len(str(value)) + _format_width(value))
            elif name in ("center", "indent", "replace"):
                too_long(predicted(name, str(value), rest, kwargs))
        return after(function(*args, **kwargs))

    return bounded


BOUNDED_FILTERS = ("format", "center", "indent", "replace", "join", "wordwrap", "truncate", "string", "list")


def bounded_lipsum(function: Callable[..., Any]) -> Callable[..., Any]:
    """``lipsum`` within the bound: n paragraphs of at most ``max`` words of about ten letters each."""

    @functools.wraps(function)
    def bounded(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> Any:
        check_time()
        if isinstance(n, int) and isinstance(max, int):
            too_long(n * max * 12)
        return after(function(n, html, min, max))

    return bounded


def bounded_range(function: Callable[..., Iterable[int]]) -> Callable[..., Iterator[int]]:
    """``range`` that looks at the clock as it goes, so that nested loops stop at the deadline."""

    @functools.wraps(function)
    def bounded(*args: int) -> Iterator[int]:
        numbers = function(*args)  # the sandbox's own cap on its length
        for step, number in enumerate(numbers):
            if step % _CHECK_EVERY == 0:
                check_time()
            yield number

    return bounded


def written(pieces: Iterable[str]) -> str:
    """The output of a template, refused past :data:`MAX_OUTPUT` characters or the deadline."""
    out: list[str] = []
    size = 0
    for piece in pieces:
        size += len(piece)
        if size > MAX_OUTPUT:
            refuse(f"a template may write {MAX_OUTPUT:,} characters at most")
        check_time()
        out.append(piece)
    return "".join(out)


@contextlib.contextmanager
def deadline(seconds: float | None = None) -> Iterator[None]:
    """Run the block with a deadline, and in the main thread an alarm for loops that call nothing."""
    seconds = TIME_LIMIT if seconds is None else seconds
    previous = getattr(_state, "deadline", None)
    _state.deadline = time.monotonic() + seconds
    alarm = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if alarm and signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        alarm = False  # someone else's alarm: leave it alone

    def ring(_signum: int, _frame: Any) -> None:
        check_time()

    old_handler: Any = None
    if alarm:
        old_handler = signal.signal(signal.SIGALRM, ring)
        signal.setitimer(signal.ITIMER_REAL, seconds + 0.05, 0.5)
    try:
        yield
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old_handler)
        _state.deadline = previous
