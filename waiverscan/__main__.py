"""`python -m waiverscan` runs the CLI (same as the `waiverscan` console script)."""
import sys

from waiverscan.cli import main

sys.exit(main())
