"""Train the glyph recogniser of :mod:`extractor.handwriting` (CPU, about a minute).

  .venv/bin/python -m training.handwriting_glyphs [--out models/handwriting] [--holdout FACE]

Data: strings written the way the project's form generator writes entries (A-numbers
in its many formats, numeric dates, interpreter ids, random letter words; never its
name lists), rendered in every installed handwriting and typewriter face of
``samples.generator.fonts`` at the sizes a 300 dpi working image has, tilted, sheared,
sitting on a fill line, then degraded like a scan (blur, 150-200 dpi resampling, noise,
JPEG, fax thresholding, thin/thick pens). Each rendering is cut into glyphs by the
*same* ``handwriting.segment`` the readers use, and kept only when it yields one glyph
per character (so labels line up). Fixed seeds: the same fonts give the same model.

``--holdout FACE`` leaves one face out of training and reports accuracy on it: how
the recogniser does on a hand it has never seen. ``--report FACE`` (repeatable; a
validation hand, never a held-out one) trains the product model as usual and reports
its accuracy and the committed model's on glyphs written in FACE (without stroke
augmentation, as validation forms are drawn).

Faces: the train split's (:mod:`samples.generator.splits`: the long-standing hands,
the Debian handwriting faces added for issue 12, the train typewriter faces); a share
``strokes_share`` of hand-written strings also goes through the generator's stroke
augmentation (slant, stroke width, baseline wander, elastic warp).
"""
from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw

from extractor import handwriting as hw

OUT = hw.MODEL_PATH.parent
CONFIG = {"seed": 20261128, "strings": 5200, "hidden": 256, "epochs": 30, "batch": 128,
          "lr": 0.001, "weight_decay": 1e-4, "min_px": 26, "max_px": 80, "strokes_share": 0.6}


def _strings(rng: random.Random, n: int) -> list[str]:
    from samples.generator import people
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.42:
            truth = people.new_a_number(rng, eight_digit=rng.random() < 0.3)
            out.append(people.write_a_number(rng, truth))
        elif r < 0.70:
            d = people.signing_date(rng)
            text = people.write_date(rng, d.year, d.month, d.day, rng.random() < 0.4, "eng")
            if not any(ch.isalpha() for ch in text):
                out.append(text)
            else:
                out.append(f"{rng.randint(1, 12)}/{rng.randint(1, 31)}/{rng.choice([17, 18, 2017, 2018])}")
        elif r < 0.78:
            out.append(f"#{rng.randint(100, 99999)}" if rng.random() < 0.6
                       else f"({rng.randint(10, 999)}) {rng.randint(100, 999)}-{rng.randint(1000, 9999)}")
        else:
            out.append(_word(rng))
    return out


def _word(rng: random.Random) -> str:
    """Random letters in name-like runs (capitalised, or all capitals), 1-3 words."""
    words = []
    for _ in range(rng.choice([1, 2, 2, 3])):
        n = rng.randint(2, 9)
        w = "".join(rng.choice(hw.LETTERS[26:]) for _ in range(n))
        words.append(w.upper() if rng.random() < 0.3 else w.capitalize())
    return " ".join(words)


def render(rng: random.Random, np_rng: np.random.Generator, text: str, path: str,
           strokes: bool = False) -> np.ndarray:
    """``text`` written in the font at ``path`` on a fill line, degraded like a scan;
    a greyscale crop of a 300 dpi working image. ``strokes``: the writing also goes
    through the generator's stroke augmentation (:func:`samples.generator.strokes.augment`:
    slant, stroke width, baseline wander, elastic warp), drawn from ``rng`` (seeded)."""
    from samples.generator import fonts
    px = rng.randint(CONFIG["min_px"], CONFIG["max_px"])
    f = fonts.font(path, px)
    asc, desc = f.getmetrics()
    d0 = ImageDraw.Draw(Image.new("L", (4, 4)))
    tw = int(d0.textlength(text, font=f)) + 8
    layer = Image.new("L", (tw + 8, asc + desc + 8), 0)
    ImageDraw.Draw(layer).text((4, 4), text, font=f, fill=255)
    if strokes:
        from samples.generator import strokes as st
        layer = st.augment(layer, rng)
    shear = rng.uniform(-0.12, 0.12) if rng.random() < 0.4 else 0.0
    if shear:
        layer = layer.transform((layer.size[0] + int(abs(shear) * layer.size[1]) + 4, layer.size[1]),
                                Image.AFFINE, (1, shear, -abs(shear) * layer.size[1] if shear > 0 else 0,
                                               0, 1, 0), resample=Image.BICUBIC)
    layer = layer.rotate(rng.uniform(-2.5, 2.5), resample=Image.BICUBIC, expand=True)
    W, H = layer.size[0] + rng.randint(30, 120), layer.size[1] + rng.randint(30, 70)
    paper = rng.randint(225, 255)
    canvas = np.full((H, W), paper, np.uint8)
    x, y = rng.randint(10, W - layer.size[0] - 10), rng.randint(8, H - layer.size[1] - 8)
    ink_level = rng.randint(0, 90)
    a = np.asarray(layer, np.float32) / 255.0
    region = canvas[y:y + a.shape[0], x:x + a.shape[1]].astype(np.float32)
    canvas[y:y + a.shape[0], x:x + a.shape[1]] = (region * (1 - a) + ink_level * a).astype(np.uint8)
    if rng.random() < 0.75:  # the fill line the entry stands on: at the writing's
        # baseline, crossing the feet of the glyphs by up to a fifth of their height
        rows = np.nonzero((a > 0.5).sum(axis=1) > 0)[0]
        body = np.nonzero((a > 0.5).sum(axis=1) >= 0.25 * (a > 0.5).sum(axis=1).max())[0]
        foot = y + int(body.max() if len(body) else (rows.max() if len(rows) else a.shape[0]))
        base = foot - rng.randint(-2, max(2, int(0.12 * px)))
        thick = rng.choice([1, 2, 2, 3, 4])
        cv2.line(canvas, (0, base), (W - 1, base), int(rng.randint(0, 80)), thick)
    return degrade(rng, np_rng, canvas)


def degrade(rng: random.Random, np_rng: np.random.Generator, img: np.ndarray) -> np.ndarray:
    h, w = img.shape
    if rng.random() < 0.5:  # a 150-200 dpi scan upscaled to 300 dpi by the preprocessing
        f = rng.choice([0.5, 0.5, 0.67, 0.8])
        small = cv2.resize(img, (max(8, int(w * f)), max(8, int(h * f))), interpolation=cv2.INTER_AREA)
        img = cv2.resize(small, (w, h), interpolation=rng.choice([cv2.INTER_LANCZOS4, cv2.INTER_CUBIC]))
    if rng.random() < 0.4:
        img = cv2.GaussianBlur(img, (0, 0), rng.uniform(0.5, 1.4))
    if rng.random() < 0.25:
        k = np.ones((2, 2), np.uint8)
        img = cv2.erode(img, k) if rng.random() < 0.6 else cv2.dilate(img, k)  # thick / thin pen
    if rng.random() < 0.5:
        img = np.clip(img.astype(np.float32) + np_rng.normal(0, rng.uniform(3, 14), img.shape), 0, 255
                      ).astype(np.uint8)
    if rng.random() < 0.3:
        ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, rng.randint(25, 85)])
        img = cv2.imdecode(buf, cv2.IMREAD_GRAYSCALE)
    if rng.random() < 0.15:  # fax
        img = np.where(img < rng.randint(110, 170), 0, 255).astype(np.uint8)
    return img


def dataset(faces, n: int, seed: int, augment: bool = True):
    rng = random.Random(seed)
    np_rng = np.random.default_rng(seed)
    xs, ys, kept = [], [], 0
    strings = _strings(rng, n)
    for k, text in enumerate(strings):
        face = faces[k % len(faces)]
        aug = augment and face.role == "hand" and rng.random() < CONFIG["strokes_share"]
        img = render(rng, np_rng, text, face.path, strokes=aug)
        seg = hw.segment(img)
        chars = text.replace(" ", "")
        if len(seg.glyphs) != len(chars):
            continue
        kept += 1
        for g, ch in zip(seg.glyphs, chars):
            xs.append(hw.features(g, seg.line_h, seg.base))
            ys.append(hw.CLASSES.index(ch))
    return np.stack(xs), np.array(ys), kept / max(1, len(strings))


def train(x: np.ndarray, y: np.ndarray, seed: int) -> dict:
    rng = np.random.default_rng(seed)
    mu, sd = x.mean(0), x.std(0) + 1e-3
    z = (x - mu) / sd
    n, d = z.shape
    k, hdim = len(hw.CLASSES), CONFIG["hidden"]
    p = {"w1": rng.normal(0, np.sqrt(2 / d), (d, hdim)).astype(np.float32), "b1": np.zeros(hdim, np.float32),
         "w2": rng.normal(0, np.sqrt(2 / hdim), (hdim, k)).astype(np.float32), "b2": np.zeros(k, np.float32)}
    m = {key: np.zeros_like(v) for key, v in p.items()}
    v2 = {key: np.zeros_like(v) for key, v in p.items()}
    t, lr, wd, bs = 0, CONFIG["lr"], CONFIG["weight_decay"], CONFIG["batch"]
    for epoch in range(CONFIG["epochs"]):
        order = rng.permutation(n)
        for s in range(0, n, bs):
            idx = order[s:s + bs]
            xb, yb = z[idx], y[idx]
            hid = np.maximum(xb @ p["w1"] + p["b1"], 0)
            logits = hid @ p["w2"] + p["b2"]
            logits -= logits.max(1, keepdims=True)
            pr = np.exp(logits)
            pr /= pr.sum(1, keepdims=True)
            g = pr
            g[np.arange(len(yb)), yb] -= 1
            g /= len(yb)
            grads = {"w2": hid.T @ g + wd * p["w2"], "b2": g.sum(0)}
            gh = (g @ p["w2"].T) * (hid > 0)
            grads["w1"] = xb.T @ gh + wd * p["w1"]
            grads["b1"] = gh.sum(0)
            t += 1
            for key in p:
                m[key] = 0.9 * m[key] + 0.1 * grads[key]
                v2[key] = 0.999 * v2[key] + 0.001 * grads[key] ** 2
                mh = m[key] / (1 - 0.9 ** t)
                vh = v2[key] / (1 - 0.999 ** t)
                p[key] = (p[key] - lr * mh / (np.sqrt(vh) + 1e-8)).astype(np.float32)
        if epoch == int(CONFIG["epochs"] * 0.7):
            lr *= 0.3
    p.update(mu=mu.astype(np.float32), sd=sd.astype(np.float32))
    return p


def accuracy(params: dict, x: np.ndarray, y: np.ndarray) -> float:
    model = hw.Model.__new__(hw.Model)
    model.mu, model.sd = params["mu"], params["sd"]
    model.w1, model.b1, model.w2, model.b2 = params["w1"], params["b1"], params["w2"], params["b2"]
    model.classes = hw.CLASSES
    return float((model.probs(x).argmax(1) == y).mean())


def main(argv=None) -> None:
    from samples.generator import fonts
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--holdout", help="leave this face out and report accuracy on it")
    ap.add_argument("--report", action="append", default=[],
                    help="a face not trained on (validation): report the new and the committed "
                         "model's accuracy on it")
    a = ap.parse_args(argv)
    from samples.generator import splits
    held_out = {f for r in ("hand", "type") for f in splits.font_ids("heldout", r)}
    if held_out & ({a.holdout} | set(a.report)):
        raise SystemExit("held-out faces are never used here (issue 12's protocol)")
    faces = fonts.faces("hand", "train") + fonts.faces("type", "train")
    train_faces = [f for f in faces if f.id != a.holdout]
    t0 = time.time()
    x, y, kept = dataset(train_faces, CONFIG["strings"], CONFIG["seed"])
    xv, yv, _ = dataset(train_faces, 600, CONFIG["seed"] + 1)
    params = train(x, y, CONFIG["seed"])
    info = {"config": CONFIG, "faces": [f.id for f in train_faces], "classes": hw.CLASSES,
            "glyphs": int(len(y)), "strings_kept": round(kept, 3),
            "validation_accuracy": round(accuracy(params, xv, yv), 4)}
    if a.holdout:
        held = [f for f in faces if f.id == a.holdout]
        xh, yh, _ = dataset(held, 600, CONFIG["seed"] + 2, augment=False)
        info["holdout"] = {a.holdout: round(accuracy(params, xh, yh), 4)}
        print(json.dumps(info, indent=1))
        return  # a held-out model is a measurement, not the product's model
    if a.report:
        committed = None
        if (OUT / "glyphs.npz").exists():
            d = np.load(OUT / "glyphs.npz", allow_pickle=False)
            committed = {k: d[k] for k in ("mu", "sd", "w1", "b1", "w2", "b2")}
        info["report"] = {}
        for k, fid in enumerate(a.report):
            xr, yr, _ = dataset([fonts.available()[fid]], 600, CONFIG["seed"] + 10 + k, augment=False)
            info["report"][fid] = {"new": round(accuracy(params, xr, yr), 4), "glyphs": int(len(yr))}
            if committed is not None:
                info["report"][fid]["committed"] = round(accuracy(committed, xr, yr), 4)
    a.out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(a.out / "glyphs.npz", classes=np.array(hw.CLASSES), **params)
    (a.out / "glyphs.json").write_text(json.dumps(info, indent=1) + "\n")
    print(json.dumps(info, indent=1))
    print(f"trained in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
