"""waiverscan extractor: files to contract fields (ingest, preprocessing, OCR, layout,
checkboxes, signatures, case-comment NLP)."""
