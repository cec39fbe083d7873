"""Agreement between reviewers: where two reviewers decided the same check of the same
record, how often they agreed, and Cohen's kappa (agreement corrected for chance).

A decision's label is what it says about the flag: ``confirm`` (the deficiency stands),
``overturn`` (corrected or rejected) or ``escalate``. A reviewer's last decision on a
check is the one that counts.
"""
from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import Any, Hashable, Iterable, Optional, Sequence

LABELS = {"accept": "confirm", "correct": "overturn", "reject": "overturn",
          "escalate": "escalate"}


def cohen_kappa(pairs: Sequence[tuple[Hashable, Hashable]]) -> Optional[float]:
    """Cohen's kappa of two raters over items given as (label_a, label_b) pairs.

    kappa = (p_o - p_e) / (1 - p_e), p_o the observed agreement, p_e the agreement
    expected from each rater's own label frequencies. None without pairs; 1.0 when
    both raters used one and the same label throughout (p_e = 1, perfect agreement).
    """
    n = len(pairs)
    if n == 0:
        return None
    p_o = sum(a == b for a, b in pairs) / n
    ca = Counter(a for a, _ in pairs)
    cb = Counter(b for _, b in pairs)
    p_e = sum(ca[k] * cb.get(k, 0) for k in ca) / (n * n)
    if p_e >= 1.0:
        return 1.0 if p_o >= 1.0 else 0.0
    return (p_o - p_e) / (1.0 - p_e)


def decision_pairs(history: Iterable[dict[str, Any]]) -> list[tuple[str, str]]:
    """(label, label) for every two reviewers who decided the same (record, check);
    within a pair the reviewers are in name order, so 'rater A' is consistent."""
    from scoring.reviewed import effective_decisions  # an undone decision says nothing
    last: dict[tuple[str, str], dict[str, str]] = {}
    for d in effective_decisions(history):  # in the order made: a later decision replaces an earlier one
        label = LABELS.get(d.get("action") or "")
        if label is None or not d.get("check_id"):
            continue
        last.setdefault((d["record_id"], d["check_id"]), {})[d["reviewer"]] = label
    pairs = []
    for by in last.values():
        for ra, rb in combinations(sorted(by), 2):
            pairs.append((by[ra], by[rb]))
    return pairs


def agreement(history: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """``{"pairs", "agreement_rate", "kappa"}`` over the double-reviewed checks."""
    pairs = decision_pairs(history)
    rate = (sum(a == b for a, b in pairs) / len(pairs)) if pairs else None
    return {"pairs": len(pairs), "agreement_rate": rate, "kappa": cohen_kappa(pairs)}
