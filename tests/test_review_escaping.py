"""Text read from documents is neutralised before it reaches markdown."""
from __future__ import annotations

from review_ui.ui import esc


def test_markup_and_markdown_are_neutralised():
    out = esc("<script>alert('x')</script> <img src=x onerror=y> **bold** [a](javascript:b)")
    assert "<" not in out and ">" not in out
    assert "&lt;script&gt;" in out
    assert "\\*\\*bold\\*\\*" in out and "\\[a\\]\\(javascript:b\\)" in out


def test_plain_values_and_none():
    assert esc(None) == ""
    assert esc("José Núñez") == "José Núñez"
    assert esc(12) == "12"
    assert esc("a\nb") == "a b"  # one line: no way to start a markdown block
