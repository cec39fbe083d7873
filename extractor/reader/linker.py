"""Label -> value links on a page: a trained pairwise score and one global assignment.

The reader hands in text items with boxes (OCR lines or words grouped into entities,
hand-written value regions) and says which may be labels (``keys``) and which may be
values. Each (label, value) pair gets features of geometry (offsets and gaps in units
of the page's text height, same line / below / above, alignment, overlap, distance and
its rank among the alternatives, how many other items lie between the two) and of
content (colon, words, digits, capitals: how label-like and value-like each text is);
a small MLP trained only on synthetic layouts (``training/forms_linker.py``) scores it.
The links are then one assignment for the whole page (scipy's linear_sum_assignment):
a value is used once and a label takes one value, and a pair below the cut is no link,
so a label left blank keeps no value.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
from scipy.optimize import linear_sum_assignment

from extractor.reader.artefacts import calibrate, load_arrays, load_json, mlp_output

BBox = tuple[float, float, float, float]
# pairs further apart than this many text heights are not scored (not a link)
MAX_GAP = 30.0

FEATURES = (
    "dx_gap", "dy_center", "dy_gap", "dx_left", "dx_center", "v_overlap", "h_overlap",
    "log_dist", "rank_value", "rank_key", "between", "right_same_line", "below", "above",
    "left_of", "k_h", "v_h", "k_w", "v_w",
    "k_colon_end", "k_colon", "k_words", "k_digits", "k_upper", "k_alpha",
    "v_colon_end", "v_colon", "v_words", "v_digits", "v_upper", "v_alpha",
    "rank_right", "rank_below",
)


@dataclass(frozen=True)
class Item:
    text: str
    bbox: BBox


def text_height(items: Sequence[Item]) -> float:
    """The page's unit: the median height of its items (most are one line)."""
    hs = [it.bbox[3] - it.bbox[1] for it in items if it.bbox[3] > it.bbox[1]]
    return float(np.median(hs)) if hs else 10.0


def _content(t: str) -> list[float]:
    s = t.strip()
    n = max(1, len(s))
    return [float(s.endswith(":")), float(":" in s), float(min(len(s.split()), 12)),
            sum(c.isdigit() for c in s) / n, sum(c.isupper() for c in s) / n,
            sum(c.isalpha() for c in s) / n]


def _rank(m: np.ndarray, axis: int) -> np.ndarray:
    """Rank of each entry along ``axis`` (0 = smallest), ties broken by position."""
    return np.argsort(np.argsort(m, axis=axis, kind="stable"), axis=axis, kind="stable")


def pair_features(items: Sequence[Item], keys: Sequence[int], values: Sequence[int]
                  ) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """Features of every (key, value) pair within MAX_GAP text heights of each other;
    returns (matrix, [(key index, value index)]) with indices into ``items``.
    Computed on (keys x values) arrays at once: a page has thousands of pairs."""
    keys, values = list(keys), list(values)
    if not keys or not values:
        return np.zeros((0, len(FEATURES)), np.float32), []
    h = text_height(items)
    B = np.array([it.bbox for it in items], np.float64)
    K, V = B[keys][:, None, :], B[values][None, :, :]  # (nk,1,4), (1,nv,4)
    kx0, ky0, kx1, ky1 = (K[..., i] for i in range(4))
    vx0, vy0, vx1, vy1 = (V[..., i] for i in range(4))
    kh, vh = np.maximum(ky1 - ky0, 1e-6), np.maximum(vy1 - vy0, 1e-6)
    kw, vw = np.maximum(kx1 - kx0, 1e-6), np.maximum(vx1 - vx0, 1e-6)
    vov = np.maximum(0, np.minimum(ky1, vy1) - np.maximum(ky0, vy0)) / np.minimum(kh, vh)
    hov = np.maximum(0, np.minimum(kx1, vx1) - np.maximum(kx0, vx0)) / np.minimum(kw, vw)
    gx = np.maximum(0, np.maximum(kx0, vx0) - np.minimum(kx1, vx1))
    gy = np.maximum(0, np.maximum(ky0, vy0) - np.minimum(ky1, vy1))
    gap = np.hypot(gx, gy) / h
    same = np.array(keys)[:, None] == np.array(values)[None, :]
    ok = (gap <= MAX_GAP) & ~same
    big = np.where(ok, gap, 1e9)
    rank_v, rank_k = _rank(big, 1), _rank(big, 0)
    dxg, dyg = (vx0 - kx1) / h, (vy0 - ky1) / h
    r_same = (vov > 0.4) & (dxg > -0.5)
    below = (dyg > -0.4) & ((hov > 0) | (np.abs(vx0 - kx0) / h < 3))
    above = ((ky0 - vy1) / h > -0.4) & (hov > 0)
    rank_r = np.minimum(_rank(np.where(r_same & ok, dxg, 1e9), 1), 6)
    rank_r = np.where(r_same & ok, rank_r, 6)
    rank_b = np.minimum(_rank(np.where(below & ok, dyg, 1e9), 1), 6)
    rank_b = np.where(below & ok, rank_b, 6)
    # other items whose centre lies in the hull of the pair's two boxes
    C = np.stack([(B[:, 0] + B[:, 2]) / 2, (B[:, 1] + B[:, 3]) / 2], 1)[:, None, None, :]
    hx0, hy0 = np.minimum(kx0, vx0), np.minimum(ky0, vy0)
    hx1, hy1 = np.maximum(kx1, vx1), np.maximum(ky1, vy1)
    inside = ((C[..., 0] > hx0) & (C[..., 0] < hx1) & (C[..., 1] > hy0) & (C[..., 1] < hy1))
    between = inside.sum(0)
    own = np.zeros_like(between)
    ki = np.arange(len(keys))
    vi = np.arange(len(values))
    own += inside[keys, ki, :]  # the pair itself: its two centres lie in its hull
    own += inside[values, :, vi].T
    between = np.minimum(between - own, 6)
    kc = np.array([_content(items[i].text) for i in keys])[:, None, :]
    vc = np.array([_content(items[j].text) for j in values])[None, :, :]
    shape = gap.shape
    cols = [np.clip(dxg, -40, 40), np.clip(((vy0 + vy1) - (ky0 + ky1)) / 2 / h, -40, 40),
            np.clip(dyg, -40, 40), np.clip((vx0 - kx0) / h, -40, 40),
            np.clip(((vx0 + vx1) - (kx0 + kx1)) / 2 / h, -40, 40), vov, hov, np.log1p(gap),
            np.minimum(rank_v, 5), np.minimum(rank_k, 5), between, r_same, below, above,
            vx1 <= kx0 + 0.2 * h, np.log(kh / h), np.log(vh / h), np.log1p(kw / h),
            np.log1p(vw / h)]
    cols = [np.broadcast_to(c, shape).astype(np.float64) for c in cols]
    cols += [np.broadcast_to(kc[..., n], shape) for n in range(kc.shape[-1])]
    cols += [np.broadcast_to(vc[..., n], shape) for n in range(vc.shape[-1])]
    cols += [rank_r.astype(np.float64), rank_b.astype(np.float64)]
    X = np.stack(cols, -1)
    a, b = np.nonzero(ok)
    return X[a, b].astype(np.float32), [(keys[i], values[j]) for i, j in zip(a, b)]


def _mlp_binary(x: np.ndarray, w: dict[str, np.ndarray]) -> np.ndarray:
    """P(class 1) of an exported binary sklearn MLP (one logistic output unit)."""
    h = mlp_output(x, w)
    return 1.0 / (1.0 + np.exp(-np.clip(h[:, 0], -50, 50)))


def pair_probabilities(x: np.ndarray) -> np.ndarray:
    """Calibrated probability that each feature row is a true label->value link."""
    if len(x) == 0:
        return np.zeros(0)
    w = load_arrays("linker.npz")
    raw = _mlp_binary((x - w["mean"]) / w["scale"], w)
    return calibrate(raw, w["cal_x"], w["cal_y"])


def link(items: Sequence[Item], keys: Sequence[int], values: Sequence[int],
         threshold: float | None = None, multi: bool = False) -> list[tuple[int, int, float]]:
    """The page's links as (key index, value index, probability), one value per key
    and one key per value, from one global assignment over the pair probabilities.

    ``multi``: a label may also take further values (a list of children, a table
    column): each value the assignment left unused joins its most probable label if
    that pair reaches the cut. A value is still used once."""
    x, pairs = pair_features(items, keys, values)
    if not pairs:
        return []
    p = pair_probabilities(x)
    cut = float(load_json("linker.json")["threshold"]) if threshold is None else threshold
    ks = sorted({i for i, _ in pairs})
    vs = sorted({j for _, j in pairs})
    ki, vi = {k: n for n, k in enumerate(ks)}, {v: n for n, v in enumerate(vs)}
    cost = np.full((len(ks), len(vs)), 50.0)
    for (i, j), pr in zip(pairs, p):
        if pr >= cut:
            cost[ki[i], vi[j]] = -np.log(max(pr, 1e-9))
    rows, cols = linear_sum_assignment(cost)
    prob = {pair: pr for pair, pr in zip(pairs, p)}
    out = [(ks[r], vs[c], round(float(prob[(ks[r], vs[c])]), 4))
           for r, c in zip(rows, cols) if cost[r, c] < 50.0]
    if multi:
        used = {v for _, v, _ in out}
        best: dict[int, tuple[float, int]] = {}
        for (i, j), pr in prob.items():
            if j not in used and pr >= cut and pr > best.get(j, (0.0, -1))[0]:
                best[j] = (float(pr), i)
        out += [(i, j, round(pr, 4)) for j, (pr, i) in best.items()]
    return sorted(out)
