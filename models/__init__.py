"""Trained models and their configurations, installed as package data (``waiverscan_models``); loaded through extractor/models_dir.py."""
