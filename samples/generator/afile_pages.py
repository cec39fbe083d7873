"""The pages of an alien file that are not waiver forms: letters, other agencies' forms,
photo pages, identity-document pages, blank and near-blank pages, and typed printouts of
dated case comments. All content is invented here (word pools below), drawn from a
``random.Random`` so a seed gives the same page.

Each drawer returns a greyscale-or-RGB PIL image at ``dpi`` and, for comment printouts,
the entries it wrote (their truth)."""
from __future__ import annotations

import datetime as dt
import random
from typing import Any

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from . import fonts, people

LETTER_WORDS = ("the office will review your request within the period stated in the notice "
                "please bring this letter and any identity documents to the appointment at the "
                "address below if you cannot attend you must inform the office in writing before "
                "the date shown failure to appear may affect the processing of the application "
                "we acknowledge receipt of the documents listed in the enclosure and will contact "
                "you when a decision is made the hearing has been scheduled by the court and a "
                "copy of this notice was mailed to the address on record").split()
LETTER_WORDS_ES = ("la oficina revisará su solicitud dentro del plazo indicado en el aviso por "
                   "favor traiga esta carta y sus documentos de identidad a la cita en la "
                   "dirección indicada si no puede asistir debe informar por escrito antes de la "
                   "fecha señalada hemos recibido los documentos enumerados").split()
LETTER_HEADS = ["Office of the Clerk", "Immigration Court", "Consulate General", "Legal Aid Clinic",
                "County Health Services", "Shelter Services Program", "Asylum Office",
                "Oficina Consular", "Public Defender Unit", "Family Services Office"]
OTHER_FORM_TITLES = ["NOTICE OF CUSTODY DETERMINATION", "RECORD OF PERSONAL PROPERTY",
                     "NOTICE TO APPEAR", "MEDICAL INTAKE QUESTIONNAIRE", "BOND RECEIPT",
                     "WARRANT FOR ARREST", "RECORD OF SWORN STATEMENT", "FINGERPRINT CARD",
                     "NOTICE OF RIGHTS", "TRAVEL DOCUMENT REQUEST", "DETENTION HISTORY SUMMARY",
                     "CHANGE OF ADDRESS", "APPLICATION FOR STAY", "BIOGRAPHIC INFORMATION"]
OTHER_FORM_LABELS = ["Family Name", "Given Name", "Date of Birth", "Country of Birth",
                     "Citizenship", "File No.", "Event No.", "Location", "Height", "Weight",
                     "Eye Color", "Hair", "Address", "Phone", "Occupation", "Facility",
                     "Date of Entry", "Place of Entry", "Manner of Entry", "Charge",
                     "Bond Amount", "Officer", "Receipt No.", "Remarks", "Sex", "FINS No.",
                     "Nombre", "Fecha", "Lugar", "Firma del funcionario"]
COMMENT_TEXTS = [
    "Subject transferred to {place} for processing.",
    "Subject seen by medical staff, no issues reported.",
    "Travel document request sent to the consulate of {country}.",
    "Subject called family member, call lasted ten minutes.",
    "Subject requested to speak with consular officer; request forwarded.",
    "File reviewed for upcoming court date, no action needed.",
    "Property inventoried and stored at {place}.",
    "Subject interviewed in {language}, states wants to see children before travel.",
    "Subject informed of upcoming hearing date through {language} interpreter.",
    "Bed assignment changed to unit {unit}.",
    "Subject was served the notice of custody determination.",
    "Subject states he does not want his child to leave with him; form signed.",
    "Subject states she wants to be removed together with her daughter.",
    "Subject asked for time to talk with an attorney before deciding.",
]
PLACES = ["Port Isabel", "El Valle", "Otero", "Karnes", "Dilley", "Torrance", "Florence",
          "Pearsall", "Laredo", "Hidalgo", "Tornillo"]
COUNTRIES = ["Guatemala", "Honduras", "El Salvador", "Brazil", "Mexico", "Ecuador"]
LANGS = ["Spanish", "K'iche'", "Portuguese", "Mam", "Q'anjob'al"]
PAGE_KINDS = ("letter", "agency_form", "attachment", "photo", "id_card", "blank", "near_blank")


def _page(dpi: int, color: bool) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    img = Image.new("RGB", (int(round(8.5 * dpi)), int(round(11 * dpi))),
                    (250, 248, 242) if color else (255, 255, 255))
    return img, ImageDraw.Draw(img)


def _font(rng: random.Random, role: str, pt: float, dpi: int):
    face = rng.choice(fonts.faces(role))
    return fonts.font(face.path, int(pt * dpi / 72))


def _wrap(d: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines, cur = [], ""
    for word in text.split():
        trial = f"{cur} {word}".strip()
        if cur and d.textlength(trial, font=font) > width:
            lines.append(cur)
            cur = word
        else:
            cur = trial
    return lines + ([cur] if cur else [])


def _words(rng: random.Random, pool, n: int) -> str:
    start = rng.randrange(len(pool))
    ws = [pool[(start + i) % len(pool)] for i in range(n)]
    return " ".join(ws).capitalize() + "."


def letter(rng: random.Random, dpi: int, color: bool) -> Image.Image:
    img, d = _page(dpi, color)
    k, x0 = dpi / 72, int(dpi)
    head = _font(rng, "print_bold", rng.uniform(13, 18), dpi)
    body = _font(rng, rng.choice(["print", "type"]), rng.uniform(10, 12), dpi)
    y = int(0.7 * dpi)
    d.text((x0, y), rng.choice(LETTER_HEADS), font=head, fill=(15, 15, 15))
    y += int(28 * k)
    d.line([(x0, y), (img.width - x0, y)], fill=(40, 40, 40), width=max(1, int(k)))
    y += int(24 * k)
    when = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
    g, f = people.person(rng, "spa")
    for line in (when.strftime("%B %d, %Y"), "", f"{g} {f}", f"{rng.randint(10, 9999)} "
                 f"{rng.choice(['Main St', 'Calle Real', 'Oak Ave', 'Rua Central'])}", ""):
        d.text((x0, y), line, font=body, fill=(20, 20, 20))
        y += int(16 * k)
    pool = LETTER_WORDS_ES if rng.random() < 0.3 else LETTER_WORDS
    for _ in range(rng.randint(2, 5)):
        for line in _wrap(d, _words(rng, pool, rng.randint(25, 60)), body, img.width - 2 * x0):
            d.text((x0, y), line, font=body, fill=(20, 20, 20))
            y += int(15 * k)
        y += int(12 * k)
        if y > img.height - 2 * dpi:
            break
    d.text((x0, y + int(20 * k)), rng.choice(["Sincerely,", "Atentamente,", "Respectfully,"]),
           font=body, fill=(20, 20, 20))
    return img


def agency_form(rng: random.Random, dpi: int, color: bool) -> Image.Image:
    """Another agency's form: a title and a grid of labelled, filled boxes (the hard case:
    labels like a name and a date, but no election)."""
    img, d = _page(dpi, color)
    k, x0 = dpi / 72, int(0.6 * dpi)
    title = _font(rng, "print_bold", rng.uniform(13, 16), dpi)
    small = _font(rng, "print", rng.uniform(7, 9), dpi)
    fill = _font(rng, "type", rng.uniform(10, 12), dpi)
    y = int(0.6 * dpi)
    d.text((x0, y), rng.choice(OTHER_FORM_TITLES), font=title, fill=(10, 10, 10))
    y += int(30 * k)
    cols, rh = rng.choice([2, 3, 4]), int(rng.uniform(30, 42) * k)
    cw = (img.width - 2 * x0) // cols
    labels = rng.sample(OTHER_FORM_LABELS, min(len(OTHER_FORM_LABELS), cols * rng.randint(3, 7)))
    g, f = people.person(rng, "spa")
    for i, lab in enumerate(labels):
        r, c = divmod(i, cols)
        bx, by = x0 + c * cw, y + r * rh
        d.rectangle([bx, by, bx + cw, by + rh], outline=(20, 20, 20), width=max(1, int(0.8 * k)))
        d.text((bx + int(3 * k), by + int(2 * k)), lab, font=small, fill=(20, 20, 20))
        val = rng.choice([f, g, str(rng.randint(1, 999999)), rng.choice(COUNTRIES),
                          f"{rng.randint(1, 12)}/{rng.randint(1, 28)}/{rng.randint(1970, 2018)}", ""])
        d.text((bx + int(6 * k), by + int(14 * k)), val[:22], font=fill, fill=(30, 30, 60))
    y += (len(labels) // cols + 1) * rh + int(20 * k)
    body = _font(rng, "print", 9, dpi)
    for line in _wrap(d, _words(rng, LETTER_WORDS, rng.randint(40, 120)), body, img.width - 2 * x0):
        d.text((x0, y), line, font=body, fill=(20, 20, 20))
        y += int(13 * k)
    return img


def attachment(rng: random.Random, dpi: int, color: bool) -> Image.Image:
    from .render import render_attachment
    return render_attachment(rng.randint(0, 10 ** 8), dpi, color)


def _photo(rng: random.Random, w: int, h: int) -> Image.Image:
    """A photograph's look: smooth blotches of tone, no text."""
    small = np.random.default_rng(rng.randint(0, 2 ** 31)).uniform(30, 220, (6, 5)).astype(np.uint8)
    im = Image.fromarray(small, "L").resize((w, h), Image.BICUBIC)
    return im.filter(ImageFilter.GaussianBlur(max(1, w // 60)))


def photo(rng: random.Random, dpi: int, color: bool) -> Image.Image:
    img, d = _page(dpi, color)
    n = rng.choice([1, 2, 4])
    W, H = img.size
    for i in range(n):
        w, h = (int(W * 0.7), int(H * 0.4)) if n == 1 else (int(W * 0.38), int(H * 0.3))
        x = int(W * 0.15) if n == 1 else int(W * (0.08 + 0.46 * (i % 2)))
        y = int(H * 0.12) + (i // 2) * int(H * 0.38) if n > 1 else int(H * 0.15)
        img.paste(_photo(rng, w, h).convert("RGB"), (x, y))
        if rng.random() < 0.6:
            d.text((x, y + h + int(0.08 * dpi)), rng.choice(["Photo", "Exhibit", "Foto"]) + f" {i + 1}",
                   font=_font(rng, "print", 9, dpi), fill=(20, 20, 20))
    return img


def id_card(rng: random.Random, dpi: int, color: bool) -> Image.Image:
    """Copies of identity documents: one or two card-sized frames with a portrait and a
    few lines of print."""
    img, d = _page(dpi, color)
    k = dpi / 72
    for j in range(rng.choice([1, 2])):
        x, y = int(rng.uniform(0.8, 2.5) * dpi), int((1.0 + 4.2 * j) * dpi)
        w, h = int(3.4 * dpi * rng.uniform(1.0, 1.4)), int(2.1 * dpi * rng.uniform(1.0, 1.4))
        d.rounded_rectangle([x, y, x + w, y + h], radius=int(0.15 * dpi), outline=(30, 30, 30),
                            width=max(1, int(1.2 * k)), fill=(235, 235, 228) if color else (240, 240, 240))
        img.paste(_photo(rng, int(w * 0.3), int(h * 0.6)).convert("RGB"), (x + int(0.1 * w), y + int(0.25 * h)))
        g, f = people.person(rng, "spa")
        small = _font(rng, "print", 7, dpi)
        lines = [rng.choice(["REPUBLICA DE", "PASAPORTE", "DOCUMENTO PERSONAL", "CEDULA"]),
                 f.upper(), g.upper(), f"{rng.randint(1, 28):02d} {rng.randint(1, 12):02d} {rng.randint(1975, 2005)}",
                 f"No. {rng.randint(10 ** 6, 10 ** 9)}"]
        for i, line in enumerate(lines):
            d.text((x + int(0.45 * w), y + int(0.1 * h) + i * int(12 * k)), line, font=small, fill=(25, 25, 25))
    return img


def blank(rng: random.Random, dpi: int, color: bool) -> Image.Image:
    return _page(dpi, color)[0]


def near_blank(rng: random.Random, dpi: int, color: bool) -> Image.Image:
    """A page with almost nothing on it: a page number, a stamp, a filing note or specks."""
    img, d = _page(dpi, color)
    W, H = img.size
    what = rng.choice(["number", "stamp", "note", "specks"])
    f = _font(rng, "print", rng.uniform(8, 11), dpi)
    if what == "number":
        d.text((W // 2, H - int(0.6 * dpi)), str(rng.randint(1, 400)), font=f, fill=(30, 30, 30))
    elif what == "stamp":
        x, y = rng.randint(W // 5, W // 2), rng.randint(H // 6, H // 2)
        d.rectangle([x, y, x + int(1.6 * dpi), y + int(0.5 * dpi)], outline=(60, 60, 140), width=max(1, dpi // 50))
        d.text((x + int(0.1 * dpi), y + int(0.12 * dpi)), rng.choice(["RECEIVED", "FILED", "COPY"]),
               font=f, fill=(60, 60, 140))
    elif what == "note":
        d.text((int(0.8 * dpi), H // 2), rng.choice(["This page intentionally left blank",
                                                     "Page left blank", "[reverse side blank]"]),
               font=f, fill=(40, 40, 40))
    else:
        for _ in range(rng.randint(3, 25)):
            x, y, r = rng.randrange(W), rng.randrange(H), rng.randint(1, max(2, dpi // 60))
            d.ellipse([x, y, x + r, y + r], fill=(60, 60, 60))
    return img


def comment_printout(rng: random.Random, dpi: int, color: bool, a_number: str, name: str,
                     n_entries: int) -> tuple[Image.Image, list[dict[str, Any]]]:
    """A typed printout of dated case-comment entries for one subject."""
    img, d = _page(dpi, color)
    k, x0 = dpi / 72, int(0.7 * dpi)
    mono = _font(rng, "type", rng.uniform(9, 11), dpi)
    bold = _font(rng, "print_bold", 12, dpi)
    y = int(0.7 * dpi)
    d.text((x0, y), rng.choice(["CASE COMMENTS", "Comments History", "CASE NOTES REPORT"]), font=bold,
           fill=(10, 10, 10))
    y += int(22 * k)
    d.text((x0, y), f"Subject: {name}    A-Number: {a_number}", font=mono, fill=(10, 10, 10))
    y += int(26 * k)
    when = dt.date(2017, 7, 1) + dt.timedelta(days=rng.randint(0, 400))
    out = []
    for _ in range(n_entries):
        when += dt.timedelta(days=rng.randint(1, 20))
        author = people.officer(rng)
        text = rng.choice(COMMENT_TEXTS).format(place=rng.choice(PLACES), country=rng.choice(COUNTRIES),
                                                language=rng.choice(LANGS), unit=rng.randint(1, 30))
        d.text((x0, y), f"{when.month:02d}/{when.day:02d}/{when.year}   {author}", font=mono, fill=(10, 10, 10))
        y += int(15 * k)
        for line in _wrap(d, text, mono, img.width - 2 * x0 - int(30 * k)):
            d.text((x0 + int(30 * k), y), line, font=mono, fill=(10, 10, 10))
            y += int(14 * k)
        y += int(12 * k)
        out.append({"a_number": a_number, "entry_date": when.isoformat(), "author": author, "text": text})
        if y > img.height - 1.5 * dpi:
            break
    return img, out


DRAW = {"letter": letter, "agency_form": agency_form, "attachment": attachment, "photo": photo,
        "id_card": id_card, "blank": blank, "near_blank": near_blank}
