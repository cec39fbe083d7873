"""Trained models come from the installed ``waiverscan_models`` package, and a missing
or corrupt one stops the reading with an error naming `make train-models` (it used to
become None, and hand-written values were lost without a word)."""
from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from extractor import hand_ocr, handwriting, models_dir
from extractor.comments import nlp
from extractor.errors import ToolMissingError


@pytest.fixture
def models_at(monkeypatch):
    """Point the loaders at a folder of the test's making (caches cleared both ways)."""
    def point(root: Path) -> Path:
        monkeypatch.setattr(models_dir, "root", lambda: root)
        for cached in (handwriting.model, hand_ocr._installed_model_dir):
            cached.cache_clear()
        return root
    yield point
    for cached in (handwriting.model, hand_ocr._installed_model_dir):
        cached.cache_clear()


def test_the_models_are_installed_package_data():
    root = models_dir.root()
    assert (root / "__init__.py").is_file()
    assert models_dir.model_file("handwriting/glyphs.npz", "x").stat().st_size > 0
    assert (hand_ocr.model_dir() / "hand.traineddata").is_file()
    assert handwriting.model().classes.startswith("0123456789")


def _says_train(exc: pytest.ExceptionInfo, path: str) -> None:
    assert isinstance(exc.value, ToolMissingError)  # the file is fine: a re-run reads it
    assert "make train-models" in str(exc.value) and path in str(exc.value)


def test_missing_glyph_model_stops(models_at, tmp_path):
    models_at(tmp_path)
    with pytest.raises(models_dir.ModelMissingError) as exc:
        handwriting.model()
    _says_train(exc, "models/handwriting/glyphs.npz")


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 not a zip at all", None])
def test_corrupt_glyph_model_stops(models_at, tmp_path, content):
    (tmp_path / "handwriting").mkdir()
    target = tmp_path / "handwriting" / "glyphs.npz"
    if content is None:  # a real npz without the weights
        np.savez(target, mu=np.zeros(3))
    else:
        target.write_bytes(content)
    models_at(tmp_path)
    with pytest.raises(models_dir.ModelMissingError) as exc:
        handwriting.model()
    _says_train(exc, "models/handwriting/glyphs.npz")


def test_missing_hand_model_stops(models_at, tmp_path):
    models_at(tmp_path)
    with pytest.raises(models_dir.ModelMissingError) as exc:
        hand_ocr.available()
    _says_train(exc, "models/tesseract-hand/hand.traineddata")


@pytest.mark.parametrize("damage", ["truncated", "garbage"])
def test_corrupt_hand_model_stops(models_at, tmp_path, damage):
    good = (hand_ocr.model_dir() / "hand.traineddata").read_bytes()
    (tmp_path / "tesseract-hand").mkdir()
    bad = good[:100] if damage == "truncated" else bytes(reversed(good[:5000]))
    (tmp_path / "tesseract-hand" / "hand.traineddata").write_bytes(bad)
    models_at(tmp_path)
    with pytest.raises(models_dir.ModelMissingError) as exc:
        hand_ocr.read(np.full((60, 200), 255, np.uint8), (10, 10, 150, 40))
    _says_train(exc, "models/tesseract-hand/hand.traineddata")


def test_missing_comment_model_stops(models_at, tmp_path):
    models_at(tmp_path)
    with pytest.raises(models_dir.ModelMissingError) as exc:
        nlp.ClauseClassifier(None, "clf", "").clf
    _says_train(exc, "models/comments/clf")


def test_corrupt_comment_model_stops(models_at, tmp_path):
    shutil.copytree(models_dir.root() / "comments" / "clf", tmp_path / "comments" / "clf")
    (tmp_path / "comments" / "clf" / "config.cfg").write_text("[nlp\nthis is not a config")
    models_at(tmp_path)
    with pytest.raises(models_dir.ModelMissingError) as exc:
        nlp.ClauseClassifier(None, "clf", "").clf
    _says_train(exc, "models/comments/clf")
