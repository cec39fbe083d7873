"""Rebuild the case-comment classifier (models/comments/clf) from the repo's own data.

  .venv/bin/python tools/train_comments.py            # same as: python -m extractor.comments.train

Deterministic (fixed seed), CPU only, about 20 s on 2 cores.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractor.comments.train import main  # noqa: E402

if __name__ == "__main__":
    main()
