"""Train the Tesseract LSTM line recogniser for hand-written field values from scratch.

  .venv/bin/python -m training.hand_model [--work DIR] [--out models/tesseract-hand]
                                                 [--minutes M] [--lines N]

Debian's eng/spa traineddata are integer ("fast") models: they cannot be fine-tuned,
and they read the handwriting faces of these forms badly (a three-part Mayan-Spanish name ->
"wik"). This trains a small network (``CONFIG["net_spec"]``) from nothing on lines of
what hand-written fields hold: names built from syllables and from generic name lists
written here (a fifth or so from the sample generator's lists), random letter strings,
officer titles and initials, interpreter entries, language names, dates, A-numbers.
Never the dev set's values.

Each line is rendered by :func:`training.handwriting_glyphs.render` (the glyph
recogniser's renderer: a handwriting or typewriter face of the train split at 300 dpi
sizes, tilted, sheared, on a fill line, degraded like a scan; ``strokes_share`` of the
hand-written lines also get the generator's stroke augmentation: slant, stroke width,
baseline wander, elastic warp), then cut out and cleaned by
:func:`extractor.reread.field_crop` -- exactly what the model is given at run time.
Validation and held-out faces (samples/generator/splits.py) are never rendered here;
tools/hand_cer.py measures a model on the validation faces.
Lines go into multi-page TIFFs with WordStr box files; ``tesseract ... lstm.train``
turns them into .lstmf; ``unicharset_extractor`` + ``combine_lang_model`` make the
starter traineddata; ``lstmtraining`` trains single-threaded (OMP_THREAD_LIMIT=1) and
``--stop_training --convert_to_int`` writes the integer model used at run time.

Fixed seeds throughout. lstmtraining itself is deterministic given its inputs and the
iteration count (``--max_iterations``), so the same fonts and Tesseract give the same
model; a run stopped by ``--minutes`` instead ends at the last checkpoint reached, and
``--resume --iterations N`` continues the last checkpoint to N (the committed model was
trained to 60000, then continued to 116600: the same procedure in two runs).
Needs Debian's tesseract-ocr (text2image is not used), about an hour on one core.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import time
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "models" / "tesseract-hand"
LANG = "hand"
CONFIG = {
    "seed": 20261128,
    "train_lines": 7000,
    "eval_lines": 300,
    "lines_per_tif": 250,
    "net_spec": "[1,36,0,1 Ct3,3,16 Mp3,3 Lfys48 Lfx96 Lrx96 Lfx192 O1c###]",
    "learning_rate": 0.002,
    # the committed model: lstmtraining's training iterations (it stopped improving on
    # the evaluation lines, BCER ~9.5-10%, from ~100k on)
    "max_iterations": 116600,
    "target_error_rate": 0.5,
    # share of typewriter faces among the renderings (the model must not forget print)
    "type_share": 0.12,
    # share of hand-written lines that also go through the stroke augmentation
    # (samples.generator.strokes: slant, stroke width, baseline wander, elastic warp)
    "strokes_share": 0.75,
}

# ---- text -------------------------------------------------------------------------------

# generic name material written for this model (not the dev set's, not the generator's)
GIVEN = """Adela Adrián Agustín Aída Alba Alberto Alejandra Alfonso Alma Álvaro Amalia Amparo
Anabel Ángel Ángela Aníbal Antonia Ariel Armando Arturo Aurora Bárbara Beatriz Benito Berta
Blanca Braulio Brenda Candelaria Carla Carmen Catalina Cecilia Celso Cristóbal Damián Daniela
Delfina Diego Dolores Domingo Efraín Elena Elías Eliseo Elvira Emilio Encarnación Enrique
Ernesto Esperanza Esteban Eugenia Eva Fabián Fausto Federico Felipe Fernanda Fidel Flor
Francisca Gabriel Gerardo Gilberto Graciela Gregorio Guadalupe Gustavo Hilda Homero Hugo
Ignacio Inés Irene Iris Isabel Ismael Iván Jacinto Jaime Javier Jazmín Jesús Joaquín Jorge
Josefina Julia Leonel Leticia Lidia Lorena Lourdes Manuel Marcos Margarita Mariano Marta
Matías Maximiliano Mercedes Miguel Milagros Mónica Nahún Natalia Nelson Nicolás Noemí Norma
Octavio Olga Omar Pablo Patricia Pedro Pilar Rafael Ramiro Raquel Raúl Regina Reinaldo Ricardo
Rigoberto Roberto Rocío Rodrigo Rogelio Rolando Romina Salvador Samuel Santiago Sara Saúl
Sergio Silvia Simón Susana Tadeo Teresa Tomás Úrsula Valeria Vicente Victoria Wilmer Yolanda
Zoila Zulema Abigail Brian Carol Dennis Donna Edgar Ethan Frank Grace Harold Helen Irma Jack
Janet Jeffrey Joyce Keith Kelly Larry Linda Megan Nancy Oliver Pamela Ralph Ruth Scott Sharon
Stephen Tiffany Tyler Vanessa Wayne Wendy""".split()
FAMILY = """Acosta Aguilar Alvarado Ávila Barrios Benítez Bonilla Caballero Cabrera Calderón Camacho
Campos Cano Cardona Carrillo Castro Cervantes Cifuentes Contreras Córdova Cortés Cuéllar
Delgado Domínguez Duarte Escobar Espinoza Estrada Fajardo Figueroa Flores Fuentes Galindo
Gallardo Gálvez Godínez Guerrero Gutiérrez Guzmán Ibáñez Juárez Lara Leiva Lemus Lozano Luna
Macías Mejía Meléndez Miranda Molina Montoya Mora Morales Muñoz Navarro Núñez Ochoa Orellana
Ortega Osorio Pacheco Padilla Palacios Paredes Peña Pineda Ponce Quintanilla Quiñones Ramos
Reyes Ríos Rivas Robles Rosales Rubio Salazar Salinas Sandoval Santana Sosa Suárez Tapia Toledo
Trejo Valdez Valencia Vásquez Velásquez Villalobos Villeda Zamora Zelaya Zúñiga Xicará Tzul
Cumes Batz Ajú Chávez Coyoy Yax Chún Queché Ixcot Sacalxot Tum Choc Caal Xol Tiul Bol Pop
Anderson Baker Bennett Brooks Campbell Carter Collins Cooper Edwards Evans Fisher Foster Graham
Gray Hayes Howard Hughes Jenkins Kelly Lawson Marshall Mitchell Morgan Murphy Palmer Parker
Patterson Powell Reed Richardson Russell Sanders Simmons Stewart Sullivan Turner Ward Watson
Webb Wheeler Wright Yang Kowalczyk Schmidt Novak Dubois Rossi Okonkwo Mensah Haddad""".split()
TITLES = ["AFOD", "SDDO", "ERO", "DO", "FOD", "SDO", "IEA", "Officer", "Agent", "Supv.", "Lt.",
          "Sgt.", "Ofc.", "BPA", "CBP", "ICE", "Supervisor", "Deportation Officer", "ERO Officer"]
COMPANIES = ["TransPerfect", "CommGap", "LanguageLine", "Language Line", "Lionbridge", "Propio",
             "Telelanguage", "Certified Languages", "GlobaLink", "LinguaCorp", "Voiance", "Cyracom",
             "InterpreTalk", "AccessLingua", "phone interp.", "tel. interpreter", "contract interp."]
LANGUAGES = ["Spanish", "English", "Español", "Inglés", "español", "inglés", "K'iche'", "Kiche",
             "Quiché", "Mam", "Q'eqchi'", "Kekchi", "Kaqchikel", "Q'anjob'al", "Akateko", "Chuj",
             "Ixil", "Tz'utujil", "Poqomchi'", "Achi", "Awakateko", "Jakalteko", "Popti'",
             "Garífuna", "Garifuna", "Nahuatl", "Náhuatl", "Mixteco", "Zapoteco", "Tzotzil",
             "Tzeltal", "Mazahua", "Otomí", "Portuguese", "Português", "Portugués", "French",
             "Francés", "Haitian Creole", "Creole", "Lenca", "Miskito", "Pipil", "Triqui"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December", "enero", "febrero", "marzo", "abril", "mayo", "junio",
          "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre", "março", "junho"]
ONSETS = ["", "b", "c", "ch", "d", "f", "g", "gu", "j", "l", "ll", "m", "n", "ñ", "p", "qu", "r",
          "s", "t", "v", "x", "y", "z", "br", "cr", "dr", "fr", "gr", "pr", "tr", "bl", "cl", "fl",
          "pl", "tz", "k", "h", "w", "sh", "th"]
VOWELS = ["a", "e", "i", "o", "u", "a", "e", "o", "ia", "ue", "io", "ei", "au", "y"]
ACCENT = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"}
CODAS = ["", "", "", "n", "s", "r", "l", "z", "d", "x", "m", "t", "ck", "nn", "rt", "nd"]
EXTRA_CHARS = "ÁÉÍÓÚÑÜáéíóúñüçãõâêôàÇÃÕÂÊÔÀ"


def _syllable_word(rng: random.Random) -> str:
    n = rng.choice([1, 2, 2, 3, 3, 4])
    w = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + (rng.choice(CODAS) if rng.random() < 0.4 else "")
                for _ in range(n))
    if rng.random() < 0.3:
        w += rng.choice(["ez", "es", "os", "as", "ia", "o", "a", "son", "er", "ton", "ón", "án", "ín"])
    if rng.random() < 0.35:  # an accent on one vowel
        idx = [i for i, ch in enumerate(w) if ch in ACCENT]
        if idx:
            i = rng.choice(idx)
            w = w[:i] + ACCENT[w[i]] + w[i + 1:]
    if rng.random() < 0.05:
        w = w.replace("u", "ü", 1)
    return w.capitalize() if w else "Ana"


def _letters(rng: random.Random) -> str:
    pool = "abcdefghijklmnopqrstuvwxyz" * 3 + "áéíóúñü"
    w = "".join(rng.choice(pool) for _ in range(rng.randint(2, 10)))
    return w.capitalize() if rng.random() < 0.7 else w


def _name_word(rng: random.Random, family: bool) -> str:
    r = rng.random()
    if r < 0.45:
        return rng.choice(FAMILY if family else GIVEN)
    if r < 0.8:
        return _syllable_word(rng)
    if r < 0.92:
        return _letters(rng)
    from samples.generator import people  # a little of the generator's own material
    return rng.choice(people.FAMILY if family else people.GIVEN_F + people.GIVEN_M + people.OFFICER_GIVEN)


def _person(rng: random.Random) -> str:
    given = [_name_word(rng, False) for _ in range(rng.choice([1, 1, 1, 2]))]
    fam = [_name_word(rng, True) for _ in range(rng.choice([1, 2, 2]))]
    if rng.random() < 0.06:
        fam.insert(0, rng.choice(["de", "del", "de la", "da", "dos", "van"]))
    return " ".join(given + fam)


def _officer(rng: random.Random) -> str:
    fam = _name_word(rng, True)
    r = rng.random()
    core = (f"{_name_word(rng, False)[0]}. {fam}" if r < 0.4
            else f"{_name_word(rng, False)} {fam}" if r < 0.7 else fam)
    if rng.random() < 0.6:
        core = f"{rng.choice(TITLES)} {core}"
    return core


def _date(rng: random.Random) -> str:
    y, m, d = rng.randint(1990, 2025), rng.randint(1, 12), rng.randint(1, 31)
    yy = y % 100
    mon = rng.choice(MONTHS)
    return rng.choice([f"{m:02d}/{d:02d}/{y}", f"{m}/{d}/{yy:02d}", f"{m}-{d}-{yy:02d}", f"{d}.{m:02d}.{y}",
                       f"{m:02d}-{d:02d}-{y}", f"{m}/{d}/{y}", f"{mon} {d}, {y}", f"{mon[:3]} {d} {y}",
                       f"{mon[:3]}. {d}, {y}", f"{d} {mon} {y}", f"{d} de {mon} de {y}",
                       f"{d}-{mon[:3]}-{y}", f"{d} de {mon[:3]}. {y}", f"{y}-{m:02d}-{d:02d}"])


def _a_number(rng: random.Random) -> str:
    d = f"{rng.randint(0, 999_999_999):09d}"
    e = d[1:]
    return rng.choice([f"A#{d}", f"A{d}", f"A {d[:3]}-{d[3:6]}-{d[6:]}", f"A-{d[:3]} {d[3:6]} {d[6:]}",
                       f"{d[:3]}-{d[3:6]}-{d[6:]}", f"A# {d[:3]} {d[3:6]} {d[6:]}", f"{d[:3]} {d[3:6]} {d[6:]}",
                       f"A-{d}", d, f"A {e}", f"A#{e}", f"{e[:2]}-{e[2:5]}-{e[5:]}", f"A0{e}"])


def _interpreter(rng: random.Random) -> str:
    r = rng.random()
    comp = rng.choice(COMPANIES)
    if r < 0.3:
        return rng.choice([f"{comp} #{rng.randint(100, 99999)}", f"{comp} ID {rng.randint(1000, 999999)}",
                           f"{comp} # {rng.randint(1000, 99999)}", f"#{rng.randint(1000, 99999)}"])
    name = f"{_name_word(rng, False)} {_name_word(rng, True)}"
    if r < 0.65:
        return f"{name} ({comp})"
    if r < 0.8:
        return name
    return _officer(rng)


def _mixed(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.3:
        return f"({rng.randint(200, 999)}) {rng.randint(100, 999)}-{rng.randint(1000, 9999)}"
    if r < 0.55:
        return f"{rng.choice(LANGUAGES)}/{rng.choice(LANGUAGES)}"
    if r < 0.75:
        return " ".join(_letters(rng) for _ in range(rng.randint(1, 3)))
    return f"{rng.choice(LANGUAGES)} - {_person(rng)}"


def line_text(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.36:
        s = _person(rng)
    elif r < 0.52:
        s = _officer(rng)
    elif r < 0.64:
        s = _interpreter(rng)
    elif r < 0.73:
        s = rng.choice(LANGUAGES) if rng.random() < 0.8 else f"{rng.choice(LANGUAGES)} y {rng.choice(LANGUAGES)}"
    elif r < 0.83:
        s = _date(rng)
    elif r < 0.91:
        s = _a_number(rng)
    else:
        s = _mixed(rng)
    if rng.random() < 0.12:  # some forms are filled in capitals
        s = s.upper()
    if rng.random() < 0.03:
        s += rng.choice(EXTRA_CHARS)
    return s


# ---- images -----------------------------------------------------------------------------

def faces():
    """(hand faces, typewriter faces): the train split's (:mod:`samples.generator.splits`;
    never a validation or held-out face), plus the bold/oblique cuts of the long-standing
    families installed beside them."""
    from samples.generator import fonts
    hand = list(fonts.faces("hand", "train"))
    idx = fonts._index()
    for fn, fid in (("dkgBI.ttf", "dkg_bi"), ("dkgBd.ttf", "dkg_bd"), ("ComicNeue-Bold.otf", "comic_bold"),
                    ("KleeOne-SemiBold.ttf", "klee_semi"), ("dkg.ttf", "dkg2"), ("dkgIt.ttf", "dkg_it2")):
        if fn in idx:
            hand.append(fonts.Face(fid, idx[fn], "hand", 1.25))
    return hand, list(fonts.faces("type", "train"))


def render_line(rng: random.Random, np_rng: np.random.Generator, text: str, face,
                augment: bool = True) -> np.ndarray:
    """``text`` written in ``face`` and prepared as the extractor prepares a value's
    line for the model (:func:`extractor.hand_ocr.line_image`). ``augment``: a share
    (``strokes_share``) of hand-written lines get stroke augmentation; False for
    measuring lines (tools/hand_cer.py), drawn like validation forms' entries."""
    from training import handwriting_glyphs as ht
    from extractor import hand_ocr
    from samples.generator import fonts
    face = fonts.covering(face, text)
    aug = augment and face.role == "hand" and rng.random() < CONFIG["strokes_share"]
    img = ht.render(rng, np_rng, text, face.path, strokes=aug)
    ink = np.nonzero(img < 128)
    if len(ink[0]) == 0:
        bbox = (0, 0, img.shape[1], img.shape[0])
    else:
        # the page OCR's word boxes are tight around the letters, sometimes a little off
        y0, y1, x0, x1 = ink[0].min(), ink[0].max(), ink[1].min(), ink[1].max()
        j = lambda: rng.randint(-3, 3)
        bbox = (max(0, x0 + j()), max(0, y0 + j()), min(img.shape[1], x1 + j()), min(img.shape[0], y1 + j()))
    line = hand_ocr.line_image(img, bbox, pad_x=rng.choice([12, 25, 40, 40]))
    return line if line is not None else np.full((40, 40), 255, np.uint8)


def write_set(kind: str, n: int, seed: int, work: Path) -> tuple[list[Path], list[str]]:
    """Render ``n`` lines into multi-page TIFFs + WordStr box files under work/kind and
    make their .lstmf; returns the .lstmf paths and the texts."""
    rng = random.Random(seed)
    np_rng = np.random.default_rng(seed)
    hand, typed = faces()
    d = work / kind
    d.mkdir(parents=True, exist_ok=True)
    texts, lstmfs = [], []
    per = CONFIG["lines_per_tif"]
    for start in range(0, n, per):
        pages, boxes = [], []
        for k in range(start, min(n, start + per)):
            text = line_text(rng)
            face = rng.choice(typed) if rng.random() < CONFIG["type_share"] else rng.choice(hand)
            img = render_line(rng, np_rng, text, face)
            h, w = img.shape
            page = len(pages)
            boxes.append(f"WordStr 0 0 {w} {h} {page} #{text}")
            boxes.append(f"\t 0 0 {w} {h} {page}")
            pages.append(Image.fromarray(img))
            texts.append(text)
        base = d / f"{kind}_{start // per:03d}"
        pages[0].save(f"{base}.tif", save_all=True, append_images=pages[1:], compression="tiff_lzw",
                      dpi=(300, 300))
        Path(f"{base}.box").write_text("\n".join(boxes) + "\n", encoding="utf-8")
        subprocess.run(["tesseract", f"{base}.tif", str(base), "--psm", "13", "lstm.train"],
                       check=True, capture_output=True, env=_env())
        lstmfs.append(Path(f"{base}.lstmf"))
    return lstmfs, texts


def _env() -> dict:
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"
    return env


def starter(work: Path, texts: list[str]) -> Path:
    """The starter traineddata (unicharset only, no dictionary) for training from scratch."""
    (work / "all.txt").write_text("\n".join(texts) + "\n" + "".join(sorted(set(EXTRA_CHARS))) + "\n",
                                  encoding="utf-8")
    subprocess.run(["unicharset_extractor", "--output_unicharset", str(work / "hand.unicharset"),
                    "--norm_mode", "1", str(work / "all.txt")], check=True, capture_output=True)
    script_dir = work / "script"
    script_dir.mkdir(exist_ok=True)
    # combine_lang_model reads a radical-stroke table (for Han); Latin needs only a stub
    (script_dir / "radical-stroke.txt").write_text("3400\t1.3\n")
    (work / "lang" / LANG).mkdir(parents=True, exist_ok=True)
    subprocess.run(["combine_lang_model", "--input_unicharset", str(work / "hand.unicharset"),
                    "--script_dir", str(script_dir), "--lang", LANG, "--output_dir", str(work / "lang"),
                    "--pass_through_recoder"], check=True, capture_output=True)
    return work / "lang" / LANG / f"{LANG}.traineddata"


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, default=Path("/tmp/waiverscan-hand-train"))
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--lines", type=int, default=CONFIG["train_lines"])
    ap.add_argument("--iterations", type=int, default=CONFIG["max_iterations"])
    ap.add_argument("--minutes", type=float, default=0, help="stop training after this long (0: no limit)")
    ap.add_argument("--data-only", action="store_true", help="render the lines and stop")
    ap.add_argument("--resume", action="store_true", help="keep the rendered lines and checkpoint")
    a = ap.parse_args(argv)
    for tool in ("tesseract", "lstmtraining", "unicharset_extractor", "combine_lang_model"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is missing: apt-get install tesseract-ocr (Debian 12 ships the "
                             "training tools in it)")
    work = a.work
    t0 = time.time()
    if not a.resume:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        train, texts = write_set("train", a.lines, CONFIG["seed"], work)
        evals, _ = write_set("eval", CONFIG["eval_lines"], CONFIG["seed"] + 1, work)
        (work / "train.txt").write_text("".join(f"{p}\n" for p in train))
        (work / "eval.txt").write_text("".join(f"{p}\n" for p in evals))
        starter(work, texts)
        print(f"rendered {a.lines} + {CONFIG['eval_lines']} lines in {time.time() - t0:.0f} s", flush=True)
    if a.data_only:
        return
    (work / "ckpt").mkdir(exist_ok=True)
    tdata = work / "lang" / LANG / f"{LANG}.traineddata"
    # the output layer has one unit per unichar of the starter unicharset (its first line)
    size = (work / "lang" / LANG / f"{LANG}.unicharset").read_text().split("\n", 1)[0].strip()
    cmd = ["lstmtraining", "--traineddata", str(tdata), "--net_spec", CONFIG["net_spec"].replace("###", size),
           "--model_output", str(work / "ckpt" / LANG), "--learning_rate", str(CONFIG["learning_rate"]),
           "--train_listfile", str(work / "train.txt"), "--eval_listfile", str(work / "eval.txt"),
           "--max_iterations", str(a.iterations), "--target_error_rate", str(CONFIG["target_error_rate"]),
           "--sequential_training", "false"]
    if a.resume and (work / "ckpt" / f"{LANG}_checkpoint").exists():
        cmd += ["--continue_from", str(work / "ckpt" / f"{LANG}_checkpoint")]
    with open(work / "training.log", "a") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=_env())
        try:
            proc.wait(timeout=a.minutes * 60 if a.minutes else None)
        except subprocess.TimeoutExpired:
            proc.terminate()
            proc.wait()
    finish(work, a.out, time.time() - t0)


def finish(work: Path, out: Path, seconds: float) -> None:
    """The last checkpoint converted to an integer traineddata under ``out``."""
    tdata = work / "lang" / LANG / f"{LANG}.traineddata"
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["lstmtraining", "--stop_training", "--convert_to_int",
                    "--continue_from", str(work / "ckpt" / f"{LANG}_checkpoint"),
                    "--traineddata", str(tdata), "--model_output", str(out / f"{LANG}.traineddata")],
                   check=True, capture_output=True)
    log = (work / "training.log").read_text(errors="replace").splitlines()
    last = [l for l in log if "BCER train" in l or "BCER eval" in l][-3:]
    info = {"config": CONFIG, "training_seconds": round(seconds), "last_log": last}
    (out / "training_config.json").write_text(json.dumps(info, indent=1, ensure_ascii=False) + "\n")
    print(json.dumps(info, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
