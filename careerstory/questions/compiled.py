"""The package's YAML data, parsed once and kept compiled in the user's cache.

Parsing the bank at every start cost more than the rest of ``--help``, most of it in
importing the YAML parser. The parsed data (plain dicts, lists, text and booleans)
is kept with :mod:`marshal` under the SHA-256 of the YAML's bytes, so an edited file
is parsed afresh and a stale entry is never read. A cache that cannot be read or
written only costs the parse.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from pathlib import Path
from typing import Any

DATA_FOLDER = Path(__file__).parent


def cache_folder() -> Path:
    """Careerstory's cache: compiled data and templates, render fingerprints; nothing of the person's."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "careerstory"


def load_data(name: str) -> Any:
    """The parsed content of the package's YAML file ``name``, from the cache when it is there."""
    text = (DATA_FOLDER / name).read_bytes()
    cached = cache_folder() / "data" / f"{name}.{hashlib.sha256(text).hexdigest()[:32]}.marshal"
    try:
        return marshal.loads(cached.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    import yaml

    data = yaml.load(text.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    from careerstory.storage import keep_cached  # on a cache miss only: start-up stays lean

    keep_cached(cached, marshal.dumps(data))
    return data
