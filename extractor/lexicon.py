"""The label lexicon of waiver/election forms, English, Spanish and Portuguese.

Each field lists the printed labels that announce it. Generic labels ("Name", "Date")
are resolved by the section they stand in (see SECTIONS). Phrases are matched fuzzily
after folding (lower case, no accents, punctuation as spaces), so list each wording once.
"""
from __future__ import annotations

FIELD_LABELS: dict[str, list[str]] = {
    "parent_name": [
        "parent (full name)", "parent's name", "parents name", "name of parent", "parent name",
        "full name of parent", "name of parent/legal guardian", "nombre completo",
        "nombre del padre o madre", "nombre del padre/madre", "nombre del padre", "full name",
        "nome completo", "nome do pai ou mae", "name of detainee", "detainee name",
    ],
    "parent_a_number": [
        "a-file no", "a file number", "a-number", "a number", "a#", "a #", "alien number",
        "alien no", "alien registration number", "no. de extranjero", "numero de extranjero",
        "número a", "a-file", "registro de extranjero", "numero de registro",
    ],
    "child_names": [
        "name of child(ren)", "name(s) of child(ren)", "child(ren) name(s)", "children's names",
        "name(s) of minor child(ren)", "names of minor children", "child's name", "child name",
        "child's full name", "full name of child(ren)", "minor's name", "minor's full name",
        "nombre del hijo(a)", "nombre de los hijos", "nombre del menor", "nombre(s) del (de los) menor(es)",
        "nombre(s) del hijo(s)", "nome do filho", "nome da crianca", "nombre(s) del (de los) menor(es)",
        "nombre(s) del (de los) niño(s)", "minor child(ren)", "hijo(s)/hija(s)", "children's names",
        "child(ren) separated from parent", "nome da(s) criança(s)", "nome do(s) filho(s)",
    ],
    "child_a_numbers": [
        "a-number(s) of child(ren)", "child's a-number", "child a-number", "child a#",
        "número a del menor", "numero a del menor", "a# del menor", "a-number of child",
        "children's a-numbers", "a# del hijo", "número de extranjero del menor",
        "a# del niño(a)", "a# del niño", "número a del niño(a)",
    ],
    "date_signed": [
        "date signed", "date of signature", "signed on", "firmado el", "fecha de firma",
        "fecha de hoy", "today's date", "data de hoje",
        "fecha", "date", "data", "assinado em",
    ],
    "read_in_language": [
        "language used", "leido al padre en", "language of interview", "idioma utilizado",
        "idioma", "language", "read to the parent in", "read to parent in", "leído en",
        "lido em", "idioma de la entrevista", "idioma en que se leyo", "read to parent in",
        "idioma en que se leyó el formulario", "idioma em que foi lido",
    ],
    "interpreter_name": [
        "interpreter (if used)", "interpretado por", "interpreter", "interprete",
        "name of interpreter", "nombre del interprete", "interpreted by",
    ],
    "official_name": [
        "name of official present (print)", "name of official present", "oficial de ice (nombre)",
        "ice officer (print name)", "printed name of officer", "officer name", "name of officer",
        "officer (print name)", "nombre del oficial", "official present", "oficial de ice",
        "officer present", "nombre del oficial presente",
        "ice officer", "officer's name", "oficial presente",
    ],
    "witness_name": [
        "witness name", "name of witness", "witness (print name)", "nombre del testigo",
        "testigo", "witness",
    ],
    "supervisor_name": [
        "supervisor name", "supervisor's name", "name of supervisor", "nombre del supervisor",
        "supervisor (print name)", "supervisor",
    ],
}

#: labels that mean different fields depending on the section they stand in
GENERIC_LABELS: dict[str, list[str]] = {
    "name": ["name", "name (print)", "nombre", "print name", "printed name", "nome",
             "name (printed)", "nombre (letra de molde)"],
}

#: section headers: a generic "Name" below one of these belongs to that person
SECTIONS: dict[str, list[str]] = {
    "parent": ["parent / padre o madre", "parent", "padre o madre", "parent information"],
    "official": ["officer / oficial", "officer", "oficial", "ice official"],
    "witness": ["witness", "testigo", "witness / testigo"],
    "supervisor": ["supervisory acknowledgement", "supervisory review", "supervisor review",
                   "revision del supervisor", "supervisory acknowledgment", "supervisor"],
    "children": ["child(ren) / hijo(s)", "children", "hijos"],
}

SECTION_FIELD = {"parent": "parent_name", "official": "official_name",
                 "witness": "witness_name", "supervisor": "supervisor_name"}

#: the "read to the parent in ___ language by ___" construction
READ_IN_PHRASES = ["this form was read to the parent in", "was read to the parent in",
                   "read to the parent in", "fue leido al padre en", "leido al padre en"]
READ_BY_PHRASES = ["language by", "by", "por"]

#: function words: the language of a form's printed text. Not a language-id library
#: (langid, langdetect, lingua): the question is which of three languages a bilingual
#: form prints, a set, where they give one best language for a text, and they would
#: weigh OCR noise against 50+ other languages; 28 words per language, counted over a
#: page's confident words (extractor/forms/languages.py needs 6 hits and 15% of them), settle it.
STOPWORDS = {
    # words that tell the three languages apart; words they share ("de", "que", "antes",
    # "estados") would make a Portuguese form look Spanish and are left out
    "eng": {"the", "to", "and", "of", "my", "with", "i", "am", "want", "will", "before",
            "from", "you", "your", "be", "for", "wish", "this", "form", "name", "child",
            "children", "without", "removed", "united", "states", "remain", "attorney"},
    "spa": {"el", "la", "los", "las", "mi", "mis", "con", "y", "deseo", "sin", "hijo", "hijos",
            "nombre", "su", "del", "una", "quiero", "abogado", "regresar", "ellos", "padre",
            "madre", "usted", "hija", "hijas", "menor", "fecha", "firma"},
    "por": {"o", "os", "meu", "meus", "filho", "filhos", "filha", "com", "sem", "não", "nao",
            "eu", "quero", "advogado", "pai", "mãe", "mae", "uma", "do", "da", "você", "voce",
            "seu", "sua", "nome", "assinatura", "criança", "crianca"},
}
