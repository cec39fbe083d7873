"""Scan artefacts, each optional and parameterised, applied to a rendered page.

``plan()`` draws which artefacts a page gets (and their parameters) from a seed;
``apply()`` performs them in scanner order: paper marks (holes, staple), geometry
(rotation, perspective), optics (illumination, shadow, blur), sensor (noise, salt and
pepper), then fax binarisation. Resolution and JPEG quality are applied when saving.
Everything is drawn from a numpy Generator so a seed gives the same bytes.
"""
from __future__ import annotations

from typing import Any, Optional

import cv2
import numpy as np

Plan = list[tuple[str, dict[str, Any]]]
KINDS = ("holes", "staple", "rotate", "perspective", "illum", "shadow", "fold", "blur", "noise",
         "saltpepper", "fax")


def plan(rng: np.random.Generator, intensity: float = 1.0, allow: Optional[set[str]] = None,
         force: frozenset[str] = frozenset()) -> Plan:
    """Choose the artefacts of one page. ``intensity`` 0 gives a clean scan; ``allow``
    limits the kinds, ``force`` makes kinds certain."""
    p: Plan = []
    ok = (lambda k: allow is None or k in allow or k in force)  # noqa: E731

    def maybe(kind: str, prob: float, **params: Any) -> None:
        if ok(kind) and (rng.random() < prob * intensity or kind in force):
            p.append((kind, params))

    maybe("holes", 0.25, n=int(rng.choice([2, 3])), side=str(rng.choice(["left", "top"])))
    maybe("staple", 0.2, corner=str(rng.choice(["tl", "tr"])))
    if ok("rotate") and (rng.random() < 0.85 * intensity or "rotate" in force):
        ang = float(rng.normal(0, 1.3))
        p.append(("rotate", {"deg": round(float(np.clip(ang, -4, 4)), 2)}))
    maybe("perspective", 0.3, amount=round(float(rng.uniform(0.004, 0.018)), 4))
    maybe("illum", 0.35, low=round(float(rng.uniform(0.7, 0.92)), 3), angle=round(float(rng.uniform(0, 360)), 1))
    maybe("shadow", 0.2, side=str(rng.choice(["left", "right", "top"])), width=round(float(rng.uniform(0.03, 0.12)), 3),
          depth=round(float(rng.uniform(0.35, 0.75)), 3))
    maybe("fold", 0.12, pos=round(float(rng.uniform(0.3, 0.7)), 3))
    maybe("blur", 0.35, sigma=round(float(rng.uniform(0.5, 1.3)), 2))
    maybe("noise", 0.35, sigma=round(float(rng.uniform(3, 12)), 1))
    maybe("saltpepper", 0.2, amount=round(float(rng.uniform(0.0003, 0.002)), 5))
    maybe("fax", 0.15, threshold=int(rng.integers(130, 185)))
    return p


def label(p: Plan) -> list[str]:
    """Short names for meta, e.g. ``["holes", "rot+1.3", "blur"]``."""
    out = []
    for kind, prm in p:
        if kind == "rotate":
            out.append(f"rot{prm['deg']:+.1f}")
        elif kind == "perspective":
            out.append("persp")
        else:
            out.append(kind)
    return out


#: artefacts of the sensor, applied after resampling to the output resolution
SENSOR = ("noise", "saltpepper", "fax")


def apply(img: np.ndarray, p: Plan, dpi: int, rng: np.random.Generator, stage: str) -> np.ndarray:
    """Apply the ``stage`` ("paper": before resampling, "sensor": after) part of a plan
    to a uint8 page, grey (H, W) or RGB (H, W, 3); returns a new array of the same shape."""
    out = img.copy()
    h, w = out.shape[:2]
    rgb = out.ndim == 3
    bed = (int(rng.integers(20, 70)),) * 3  # scanner lid / bed colour outside the paper
    ink = (lambda v: (v, v, v) if rgb else v)  # noqa: E731
    for kind, prm in p:
        if (kind in SENSOR) != (stage == "sensor"):
            continue
        if kind == "holes":
            r = int(0.14 * dpi)
            for i in range(prm["n"]):
                f = (i + 1) / (prm["n"] + 1)
                c = (int(0.3 * dpi), int(h * f)) if prm["side"] == "left" else (int(w * f), int(0.3 * dpi))
                cv2.circle(out, c, r, ink(28), -1, cv2.LINE_AA)
        elif kind == "staple":
            x = int(0.35 * dpi) if prm["corner"] == "tl" else w - int(0.9 * dpi)
            y = int(0.3 * dpi)
            cv2.line(out, (x, y + int(0.15 * dpi)), (x + int(0.5 * dpi), y), ink(62), max(2, dpi // 40),
                     cv2.LINE_AA)
        elif kind == "rotate":
            m = cv2.getRotationMatrix2D((w / 2, h / 2), prm["deg"], 1.0)
            out = cv2.warpAffine(out, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=bed)
        elif kind == "perspective":
            a = prm["amount"]
            src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
            jit = rng.uniform(-a, a, (4, 2)) * np.float32([w, h])
            m = cv2.getPerspectiveTransform(src, (src + jit).astype(np.float32))
            out = cv2.warpPerspective(out, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=bed)
        elif kind == "illum":
            t = np.deg2rad(prm["angle"])
            yy, xx = np.mgrid[0:33, 0:33].astype(np.float32) / 32  # small grid, resized: fast
            g = (xx - 0.5) * np.cos(t) + (yy - 0.5) * np.sin(t)
            g = (g - g.min()) / max(1e-6, float(g.max() - g.min()))
            g8 = np.round((prm["low"] + (1 - prm["low"]) * g) * 255).astype(np.uint8)
            out = _scale(out, cv2.resize(g8, (w, h), interpolation=cv2.INTER_LINEAR))
        elif kind == "shadow":
            n = int((w if prm["side"] != "top" else h) * prm["width"])
            ramp = np.round(np.linspace(prm["depth"], 1.0, n) * 255).astype(np.uint8)
            f = np.full((h, w), 255, np.uint8)
            if prm["side"] == "left":
                f[:, :n] = ramp[None, :]
            elif prm["side"] == "right":
                f[:, w - n:] = ramp[::-1][None, :]
            else:
                f[:n, :] = ramp[:, None]
            out = _scale(out, f)
        elif kind == "fold":
            y = int(h * prm["pos"])
            band = max(2, dpi // 60)
            out[y - band:y + band] = (out[y - band:y + band] * 0.86).astype(np.uint8)  # crease
        elif kind == "blur":
            out = cv2.GaussianBlur(out, (0, 0), prm["sigma"] * dpi / 300)
        elif kind == "noise":
            n = (rng.standard_normal(out.shape[:2], dtype=np.float32) * prm["sigma"]).astype(np.int16)
            out = np.clip(out.astype(np.int16) + (n[..., None] if rgb else n), 0, 255).astype(np.uint8)
        elif kind == "saltpepper":
            m = rng.random(out.shape[:2], dtype=np.float32)
            out[m < prm["amount"] / 2] = 0
            out[m > 1 - prm["amount"] / 2] = 255
        elif kind == "fax":
            grey = cv2.cvtColor(out, cv2.COLOR_RGB2GRAY) if rgb else out
            bw = np.where(grey < prm["threshold"], 0, 255).astype(np.uint8)
            out = np.repeat(bw[..., None], 3, axis=2) if rgb else bw
    return out


def _scale(img: np.ndarray, f8: np.ndarray) -> np.ndarray:
    """Multiply a page by a per-pixel factor given as uint8 (255 = 1.0; illumination,
    shadow): uint8 maths is several times faster than float on a 300 dpi page."""
    if img.ndim == 3:
        f8 = cv2.merge([f8, f8, f8])
    return cv2.multiply(img, f8, scale=1 / 255.0)


def downscale(img: np.ndarray, src_dpi: int, dst_dpi: int) -> np.ndarray:
    """Resample to a lower resolution as a low-dpi scanner would."""
    if dst_dpi == src_dpi:
        return img
    f = dst_dpi / src_dpi
    size = (int(round(img.shape[1] * f)), int(round(img.shape[0] * f)))
    return cv2.resize(img, size, interpolation=cv2.INTER_AREA)
