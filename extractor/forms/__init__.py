"""The waiver form's field reader: printed labels found by their words, values by
geometry, the election and signatures by their marks.

``extract_form`` (extractor.forms.reader) is the one entry point the pipeline calls;
the modules beside it each hold one step of it, named for what they find.
"""
from extractor.forms.reader import extract_form

__all__ = ["extract_form"]
