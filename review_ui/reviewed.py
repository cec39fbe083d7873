"""Records as reviewed: see :mod:`scoring.reviewed` (moved there so the CLI's reports
and the client PDF apply decisions exactly as the pages do)."""
from scoring.reviewed import (WITHDRAW, apply_reviews, effective_decisions,  # noqa: F401
                              reviewed_documents)
