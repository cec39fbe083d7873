"""Drawing helpers for the check-box and election tests: synthetic boxes and marks
(OpenCV) and small rendered option blocks (PIL + a system TTF) with the word boxes a
perfect OCR would give, so the election logic can be tested without Tesseract."""
from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from extractor.model import Page, Word

FONT_DIRS = ("/usr/share/fonts/truetype/liberation", "/usr/share/fonts/truetype/dejavu")
FONT_NAMES = ("LiberationSans-Regular.ttf", "DejaVuSans.ttf")


def font_path() -> str:
    for d in FONT_DIRS:
        for n in FONT_NAMES:
            p = Path(d) / n
            if p.exists():
                return str(p)
    raise FileNotFoundError("no TTF font under /usr/share/fonts")


def blank(w: int, h: int) -> np.ndarray:
    return np.full((h, w), 255, np.uint8)


def draw_box(img: np.ndarray, x: int, y: int, side: int = 36, t: int = 3) -> tuple[int, int, int, int]:
    cv2.rectangle(img, (x, y), (x + side, y + side), 0, t)
    return x, y, x + side, y + side


def mark(img: np.ndarray, box: tuple[int, int, int, int], style: str, t: int = 4) -> None:
    """Draw a hand mark of ``style`` (x, tick, fill, scribble, corner) into a box."""
    x0, y0, x1, y1 = box
    s = x1 - x0
    if style == "x":
        cv2.line(img, (x0 + 4, y0 + 4), (x1 - 4, y1 - 4), 0, t)
        cv2.line(img, (x0 + 4, y1 - 4), (x1 - 4, y0 + 4), 0, t)
    elif style == "tick":  # starts inside, leaves the box top right
        cv2.line(img, (x0 + s // 5, y0 + s // 2), (x0 + s // 2, y1 - 5), 0, t)
        cv2.line(img, (x0 + s // 2, y1 - 5), (x1 + s // 2, y0 - s // 2), 0, t)
    elif style == "fill":
        cv2.rectangle(img, (x0, y0), (x1, y1), 0, -1)
    elif style == "scribble":
        rng = np.random.default_rng(3)
        pts = np.stack([rng.integers(x0 - 4, x1 + 4, 14), rng.integers(y0 - 4, y1 + 4, 14)], 1)
        cv2.polylines(img, [pts.astype(np.int32)], False, 0, 3)
    elif style == "corner":  # a small stroke in a corner, as a hurried mark
        cv2.line(img, (x0 + 5, y1 - 12), (x0 + 14, y1 - 5), 0, 4)
        cv2.line(img, (x0 + 14, y1 - 5), (x0 + 22, y0 + 10), 0, 4)


def add_noise(img: np.ndarray, kind: str, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    out = img.astype(np.float32)
    if kind == "gauss":
        out += rng.normal(0, 18, img.shape)
    elif kind == "saltpepper":
        r = rng.random(img.shape)
        out[r < 0.01] = 0
        out[r > 0.99] = 255
    elif kind == "blur":
        out = cv2.GaussianBlur(out, (5, 5), 1.6)
    elif kind == "shadow":  # a dark band fading across the image
        ramp = np.linspace(0.45, 1.0, img.shape[1])[None, :]
        out *= ramp
    elif kind == "fax":  # blur then hard threshold, as a fax or a 1-bit scan
        out = cv2.GaussianBlur(out, (3, 3), 1.0)
        out = np.where(out < 150, 0, 255).astype(np.float32)
    return np.clip(out, 0, 255).astype(np.uint8)


class Sheet:
    """A white page on which text lines are rendered; keeps the words' boxes."""

    def __init__(self, w: int = 1800, h: int = 1000, size: int = 34):
        self.img = Image.new("L", (w, h), 255)
        self.draw = ImageDraw.Draw(self.img)
        self.font = ImageFont.truetype(font_path(), size)
        self.words: list[Word] = []
        self.block = 0

    def text(self, x: int, y: int, s: str) -> tuple[int, int, int, int]:
        """Render one line at (x, y) (top-left) and record its words; returns its bbox."""
        self.block += 1
        space = self.draw.textlength(" ", font=self.font)
        cx = float(x)
        x1 = y1 = 0
        for word in s.split():
            l, t, r, b = self.draw.textbbox((cx, y), word, font=self.font)
            self.draw.text((cx, y), word, font=self.font, fill=0)
            self.words.append(Word(word, 0.95, (float(l), float(t), float(r), float(b)),
                                   (self.block, 1, 1)))
            x1, y1 = max(x1, int(r)), max(y1, int(b))
            cx += self.draw.textlength(word, font=self.font) + space
        return x, y, x1, y1

    def array(self) -> np.ndarray:
        return np.array(self.img)

    def page(self, image: np.ndarray | None = None, number: int = 1) -> Page:
        im = self.array() if image is None else image
        return Page(number=number, width=im.shape[1], height=im.shape[0], dpi=300.0,
                    words=list(self.words), image=im)


OPTIONS_EN = (
    ("reunify", "I want to be reunited with my child(ren) before I am removed."),
    ("depart_without_child", "I am choosing to return to my country WITHOUT my child(ren)."),
    ("consult_attorney", "I want to speak with an attorney before I make a decision."),
)


def box_form(marks: dict[int, str], options=OPTIONS_EN, noise: str | None = None
             ) -> tuple[Page, list[tuple[int, int, int, int]]]:
    """A check-box option block: a box left of each option, ``marks`` maps option
    index -> mark style. Returns the page and the boxes."""
    sh = Sheet()
    sh.text(100, 60, "PARENT ELECTION FORM")
    sh.text(100, 140, "Check one box:")
    boxes = []
    for i, (_, text) in enumerate(options):
        y = 230 + i * 110
        sh.text(180, y, text)
        boxes.append((100, y + 2, 136, y + 38))
    img = sh.array()
    for b in boxes:
        draw_box(img, b[0], b[1], b[2] - b[0])
    for i, style in marks.items():
        mark(img, boxes[i], style)
    if noise:
        img = add_noise(img, noise)
    return sh.page(img), boxes


def circle_form(circled: tuple[int, ...] = (), ticked: tuple[int, ...] = (),
                underlined: tuple[int, ...] = (), options=OPTIONS_EN) -> Page:
    """A circle-one block: letters A./B./C. before each option; an ellipse drawn round
    the letters in ``circled``, a tick left of those in ``ticked``, a line under the
    text of those in ``underlined``."""
    sh = Sheet()
    sh.text(100, 60, "ELECTION OF PARENT")
    sh.text(100, 140, "CIRCLE ONE of the options below.")
    spans = []
    for i, (_, text) in enumerate(options):
        y = 240 + i * 120
        sh.text(160, y, "ABC"[i] + ".")
        spans.append(sh.text(240, y, text))
    img = sh.array()
    for i in circled:
        y = 240 + i * 120 + 20
        cv2.ellipse(img, (180, y), (48, 34), 0, 0, 360, 0, 3)
    for i in ticked:
        y = 240 + i * 120
        cv2.line(img, (80, y + 15), (95, y + 38), 0, 4)
        cv2.line(img, (95, y + 38), (125, y - 12), 0, 4)
    for i in underlined:
        x0, _, x1, y1 = spans[i]
        cv2.line(img, (x0, y1 + 6), (x1, y1 + 9), 0, 3)
    return sh.page(img)
