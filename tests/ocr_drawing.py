"""Synthetic page images for the preprocessing and OCR tests (rendered, never stored)."""
from __future__ import annotations

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

LINES = [
    "The parent was informed of the option to reunify",
    "with the child before removal from the United States.",
    "Name of parent: Maria Lopez Garcia  Date: 06/12/2018",
    "Signature of the officer who explained the form",
    "Language used: Spanish  Interpreter: none recorded",
]


def font(px: int) -> ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(FONT, px)
    except OSError:  # no DejaVu: PIL's own scalable font still renders text
        return ImageFont.load_default(size=px)


def text_page(w: int = 1700, h: int = 2200, px: int = 34, lines=LINES, top: int = 200,
              gap: int = 90) -> np.ndarray:
    """A white greyscale page with lines of printed text (about 200 dpi, 12 pt)."""
    im = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(im)
    y = top
    for _ in range(3):
        for line in lines:
            d.text((150, y), line, fill=0, font=font(px))
            y += gap
    return np.array(im)


def rotate(grey: np.ndarray, angle: float) -> np.ndarray:
    """Turn by ``angle`` degrees counter-clockwise (cv2's sense), white corners."""
    h, w = grey.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(grey, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def dark_box(grey: np.ndarray, thresh: int = 100):
    """Bounding box (x0, y0, x1, y1) of the largest dark connected blob."""
    bw = (grey < thresh).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(bw)
    i = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    x, y, w, h = stats[i, :4]
    return float(x), float(y), float(x + w), float(y + h)
