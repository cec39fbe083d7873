"""Optional parts of waiverscan and the pip extra that installs each.

The core install reads, scores, scans and reports on SQLite; the review UI, Dask runs,
a PostgreSQL store and the report's chart each need an extra. Their libraries are
imported only where they are used, so a missing one surfaces as a ModuleNotFoundError
there; :func:`explain` turns it into a sentence naming the extra to install.
"""
from __future__ import annotations

from typing import Optional

#: top-level module -> (extra, what needs it)
EXTRAS = {
    "streamlit": ("review", "the review UI"),
    "argon2": ("review", "review UI accounts (password hashes)"),
    "distributed": ("dask", "scan --dask"),
    "dask": ("dask", "scan --dask"),
    "psycopg": ("postgres", "a PostgreSQL store"),
    "matplotlib": ("charts", "report --chart"),
}


def explain(exc: BaseException) -> Optional[str]:
    """The install advice for a missing optional module, or None for any other error."""
    if not isinstance(exc, ModuleNotFoundError) or not exc.name:
        return None
    hit = EXTRAS.get(exc.name.split(".", 1)[0])
    if hit is None:
        return None
    extra, what = hit
    return (f"{what} needs the optional dependency '{exc.name.split('.', 1)[0]}': "
            f"pip install 'waiverscan[{extra}]' (make setup installs every extra)")


def require(module: str) -> None:
    """Raise the ModuleNotFoundError :func:`explain` knows when ``module`` is not
    installed, without importing it (for parts that run it in another process)."""
    import importlib.util
    if importlib.util.find_spec(module) is None:
        raise ModuleNotFoundError(f"No module named {module!r}", name=module)
