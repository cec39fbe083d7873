"""OCR engines, each behind one module."""
