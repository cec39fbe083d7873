"""What one record says about a parent's decision: the type that case roll-up
(:mod:`scoring.cases`) builds and link proposals (:mod:`scoring.links`) read, on its
own so that neither of the two imports the other."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Facts:
    """What one record says about the parent's decision (all a case needs)."""

    record_id: str
    kind: str
    source: str
    a_number: Optional[str]
    a_confidence: Optional[float]
    a_evidence: Optional[str]  # text an A-number field was read from, even if unreadable
    a_unread: bool  # the A-number field is on the document but its value could not be read
    date: Optional[str]  # valid ISO date of signing / entry
    waiver: bool = False  # form electing depart_without_child, or a comment waiving
    request: bool = False  # form electing reunify, or a comment requesting reunification
    written_ref: bool = False  # a comment saying the parent signed a waiver form
    deficient: bool = False  # waiver form with a failed critical or major check
    open_checks: list[str] = field(default_factory=list)  # unknown critical/major checks

    @property
    def decides(self) -> bool:
        return self.waiver or self.request
