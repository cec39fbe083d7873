"""Accent restoration for personal names read by OCR.

Tesseract drops or swaps diacritics, above all on capitals (GUTIÉRREZ -> GUTIERREZ,
Simões -> Simóes). A name written with accents is a different string for the audit's
matching, so a read token whose accent-free form equals a known accented name from
this list (common Spanish, Portuguese and Guatemalan Mayan given and family names) is
given that name's accents, in the token's own letter case. Names outside the list are
left exactly as read.
"""
from __future__ import annotations


from extractor.normalize import strip_accents

_ACCENTED = """
Ágatha Águeda Álvarez Álvaro Ámbar Ana-María Andrés Ángel Ángela Ángeles Antônio Antonía
Aníbal Araújo Argüello Arévalo Ávila Báez Barrientos Belén Benítez Bárbara Beltrán Bermúdez
Brígida Caná Castañeda Cañas Cedeño Céspedes Chávez Choc Cortés Cristóbal Cruz Daphnée
Darío Débora Délice Díaz Domínguez Efraín Elías Eliú Encarnación Estéfani Estéfany Fabián
Fátima Félix Fernández Galdámez Gálvez Gómez González Guzmán Génesis Gutiérrez Héctor
Hernández Hilário Iñiguez Inés Irán Iván Jesús Jiménez Joaquín José Josué Juárez Julián
Júlia Julián Lázaro León Lucía López Magalhães Marroquín Martín Martínez Matías Matóm
María Mejía Méndez Mía Míriam Mónica Muñoz Márquez Nicolás Noé Núñez Óscar Ordóñez Pérez
Peña Pú Quiñónez Ramírez Ramón Raúl Rodríguez Rosalía Rosângela Rubén Saúl Sebastián Sicán
Simão Simões Sofía Sánchez Suárez Tomás Túnchez Valdés Vásquez Vázquez Velásquez Verónica
Víctor Xicará Yésica Ajú Zúñiga Íñigo Andrés Nayeli Dámaso Leví Noemí
Zoé Anaís Asunción Concepción Ascensión Conceição João Sebastião Estêvão
Gonçalves Patrício Fabrício Maurício Inês Lívia Cecília Otávio Flávio Cláudio Márcio
Vinícius Lúcia Tomé Moisés Andrés Adrián Damián Rocío Belén Jazmín Tatiana Maximiliano
Yolanda Ximena Jimena Xóchitl Chúc Ixcoy Tzul Tzoc Tiul Caal Coc Ceto Pascual Batz
""".split()


def _fold(s: str) -> str:
    return strip_accents(s.casefold())


_INDEX: dict[str, str] = {}
for _name in _ACCENTED:
    if _fold(_name) != _name.casefold():  # only names that carry marks are useful here
        _INDEX.setdefault(_fold(_name), _name)


def _in_case_of(template: str, name: str) -> str:
    if template.isupper():
        return name.upper()
    if template[:1].isupper() and template[1:].islower():
        return name[:1].upper() + name[1:].lower()
    return name


def restore_accents(text: str) -> str:
    """'JESUS TIUL XICARA' -> 'JESÚS TIUL XICARÁ'; unknown tokens are untouched."""
    out = []
    for tok in text.split(" "):
        core = tok.strip(".,;:()")
        hit = _INDEX.get(_fold(core)) if core else None
        if hit and hit.casefold() != core.casefold():
            tok = tok.replace(core, _in_case_of(core, hit))
        out.append(tok)
    return " ".join(out)
