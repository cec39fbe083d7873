"""Cohen's kappa and the reviewer-pair agreement the dashboard shows."""
from __future__ import annotations

import pytest

from review_ui.agreement import agreement, cohen_kappa, decision_pairs


def test_kappa_textbook_example():
    # 50 items: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no -> p_o 0.7, p_e 0.5, kappa 0.4
    pairs = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    assert cohen_kappa(pairs) == pytest.approx(0.4)


def test_kappa_edges():
    assert cohen_kappa([]) is None
    assert cohen_kappa([("a", "a"), ("b", "b")]) == pytest.approx(1.0)
    assert cohen_kappa([("a", "b"), ("b", "a")]) == pytest.approx(-1.0)
    assert cohen_kappa([("a", "a")] * 3) == 1.0  # one shared label: p_e = 1


def _d(rid, check, who, action):
    return {"record_id": rid, "check_id": check, "reviewer": who, "action": action}


def test_pairs_use_each_reviewers_last_decision_on_the_same_check():
    history = [_d("r:0", "F-DATED", "bob", "accept"), _d("r:0", "F-DATED", "amy", "reject"),
               _d("r:0", "F-DATED", "bob", "correct"),          # bob changes his mind
               _d("r:0", "F-SUPERVISOR", "amy", "accept"),     # single reviewer: no pair
               _d("r:1", "C-WITNESS", "amy", "accept"), _d("r:1", "C-WITNESS", "bob", "escalate"),
               _d("r:1", None, "bob", "comment")]
    pairs = decision_pairs(history)
    assert sorted(pairs) == [("confirm", "escalate"), ("overturn", "overturn")]
    ag = agreement(history)
    assert ag["pairs"] == 2 and ag["agreement_rate"] == pytest.approx(0.5)
    assert ag["kappa"] == pytest.approx(cohen_kappa(pairs))
