"""Printed wording of the forms: titles, field labels, option sentences, block headings,
per language (eng, spa, por; fra for the bilingual English / French family).

Each entry is a list of alternatives; a form picks one per slot, so label wordings
combine freely with layouts. The wordings are written for this generator to be broader
than any one agency template: an extractor tuned on a few forms should meet phrasings
here it has not seen.
"""
from __future__ import annotations

L = dict[str, list[str]]

TITLES: L = {
    "eng": ["SEPARATED PARENT'S REMOVAL ELECTION", "ELECTION REGARDING REUNIFICATION WITH CHILD(REN)",
            "Notice and Election of Separated Parent", "FAMILY REUNIFICATION ELECTION FORM",
            "Parent's Decision Regarding Minor Child(ren)", "ACKNOWLEDGEMENT OF RIGHTS AND ELECTION",
            "PARENTAL ELECTION - SEPARATED FAMILIES", "Election of Removal Options (Parent)"],
    "spa": ["DECISIÓN DEL PADRE O MADRE SOBRE SUS HIJOS", "FORMULARIO DE ELECCIÓN DE REUNIFICACIÓN",
            "AVISO Y ELECCIÓN DEL PADRE O MADRE SEPARADO", "CONSTANCIA DE DECISIÓN DEL PADRE/MADRE",
            "Elección sobre la reunificación familiar"],
    "por": ["DECISÃO DO RESPONSÁVEL SOBRE REUNIFICAÇÃO", "FORMULÁRIO DE ESCOLHA DO PAI OU MÃE",
            "Aviso e escolha do responsável separado"],
    "fra": ['Avis et choix du parent séparé', 'CHOIX DU PARENT CONCERNANT SES ENFANTS'],
}

AGENCY: L = {
    "eng": ["U.S. Department of Homeland Security", "U.S. Immigration and Customs Enforcement",
            "Enforcement and Removal Operations"],
    "spa": ["Departamento de Seguridad Nacional de EE. UU.",
            "Servicio de Inmigración y Control de Aduanas", "Operaciones de Control y Deportación"],
    "por": ["Departamento de Segurança Interna dos EUA", "Serviço de Imigração e Alfândega"],
    "fra": ['Département de la Sécurité intérieure des États-Unis'],
}
OFFICES = ["El Paso", "San Diego", "Phoenix", "Harlingen", "San Antonio", "Houston", "Dallas",
           "Los Angeles", "Miami", "Atlanta", "New Orleans", "Chicago", "Seattle", "Denver"]
FIELD_OFFICE: L = {"eng": ["{city} Field Office", "Field Office: {city}"],
                   "spa": ["Oficina de {city}"], "por": ["Escritório de {city}"],
    "fra": ['Bureau de {city}'],
}

INSTRUCTIONS: L = {
    "eng": ["Read this form to the parent in a language he or she understands before it is signed.",
            "You have the right to have this form explained in your language. Choose ONE option below.",
            "INSTRUCTIONS: Complete all fields. Record the language used and any interpreter.",
            "The officer must explain each option. The parent marks only one choice."],
    "spa": ["Lea este formulario con atención. Tiene derecho a que se lo expliquen en su idioma.",
            "INSTRUCCIONES: Complete todos los campos y marque solamente una opción.",
            "El oficial debe explicarle cada opción antes de que usted firme."],
    "por": ["Leia este formulário com atenção. Você tem direito a uma explicação no seu idioma.",
            "INSTRUÇÕES: Preencha todos os campos e marque somente uma opção."],
    "fra": ['Lisez ce formulaire attentivement. Vous avez le droit de recevoir une explication dans votre langue.', 'INSTRUCTIONS : remplissez tous les champs et cochez une seule option.'],
}

LABELS: dict[str, L] = {
    "parent_name": {
        "eng": ["Parent's name", "Name of parent", "Full name of parent/legal guardian",
                "Parent/Legal Guardian Name", "Parent (print name)", "Printed name of parent",
                "Name of adult", "Parent full name", "Detained parent"],
        "spa": ["Nombre del padre/madre", "Nombre completo", "Nombre del padre o madre",
                "Nombre del padre, madre o tutor legal", "Nombre (padre/madre)",
                "Nombre completo del adulto"],
        "por": ["Nome do pai/mãe", "Nome completo do responsável", "Nome do genitor"],
        "fra": ['Nom du parent', 'Nom et prénom du parent', 'Parent (nom en capitales)'],
    },
    "parent_a_number": {
        "eng": ["A#", "A-Number", "Alien No.", "A-File No.", "Alien Registration No.",
                "Parent A#", "File No. (A#)", "A-Number of parent"],
        "spa": ["No. de extranjero", "Número A", "Número de extranjero (A#)", "Núm. A",
                "A# del padre/madre"],
        "por": ["Número A", "Nº de estrangeiro (A#)", "Número de registro (A#)"],
        "fra": ["N° d'étranger (A#)", 'Numéro A', 'N° A'],
    },
    "child_names": {
        "eng": ["Child(ren) name(s)", "Name of child(ren)", "Child's full name", "Minor child(ren)",
                "Name(s) of child(ren) separated from parent", "Children", "Child name"],
        "spa": ["Nombre del menor", "Nombre(s) del (de los) niño(s)", "Hijo(s)/hija(s)",
                "Nombre de los menores", "Nombre completo del niño/niña"],
        "por": ["Nome da(s) criança(s)", "Nome do(s) filho(s)", "Nome do menor"],
        "fra": ["Nom de l'enfant", 'Enfant(s)', "Nom(s) de l'enfant/des enfants"],
    },
    "child_a_numbers": {
        "eng": ["Child A#", "Child's A-Number", "A-Number(s) of child(ren)", "Minor's A#",
                "Child Alien No."],
        "spa": ["Número A del menor", "A# del niño/niña", "No. de extranjero del menor"],
        "por": ["Número A da criança", "A# do menor"],
        "fra": ["N° A de l'enfant", "A# de l'enfant"],
    },
    "date_signed": {
        "eng": ["Date", "Date signed", "Signed on", "Date of signature", "Today's date"],
        "spa": ["Fecha", "Firmado el", "Fecha de firma", "Fecha de hoy"],
        "por": ["Data", "Assinado em", "Data da assinatura"],
        "fra": ['Date', 'Signé le', 'Date de signature'],
    },
    "officer_date": {
        "eng": ["Date", "Date (officer)", "Served on"],
        "spa": ["Fecha", "Fecha (oficial)"],
        "por": ["Data", "Data (oficial)"],
        "fra": ['Date', 'Date (agent)'],
    },
    "read_in_language": {
        "eng": ["Language used", "Language of interview", "Read to parent in (language)",
                "Language explained in", "Parent's language"],
        "spa": ["Idioma utilizado", "Leído al padre en", "Idioma de la entrevista", "Idioma"],
        "por": ["Idioma utilizado", "Lido ao responsável em"],
        "fra": ['Langue utilisée', 'Lu au parent en'],
    },
    "interpreter_name": {
        "eng": ["Interpreter (if used)", "Interpreter name/ID", "Interpreted by", "Name of interpreter",
                "Interpreter"],
        "spa": ["Interpretado por", "Intérprete", "Nombre del intérprete"],
        "por": ["Intérprete", "Interpretado por"],
        "fra": ['Interprète', "Nom de l'interprète"],
    },
    "parent_signature": {
        "eng": ["Signature of Parent", "Parent's signature", "Parent/Legal Guardian Signature",
                "Signature of parent or legal guardian"],
        "spa": ["Firma del padre o madre", "Firma del padre/madre", "Firma del interesado"],
        "por": ["Assinatura do responsável", "Assinatura do pai/mãe"],
        "fra": ['Signature du parent', 'Signature du père ou de la mère'],
    },
    "official_name": {
        "eng": ["ICE Officer (print name)", "Name of official present (print)", "Officer present",
                "Printed name of officer", "Name of ICE official", "Officer name and title",
                "Deportation Officer"],
        "spa": ["Oficial de ICE (nombre)", "Nombre del oficial presente", "Nombre del funcionario"],
        "por": ["Nome do oficial presente", "Oficial do ICE (nome)"],
        "fra": ["Nom de l'agent présent", "Agent de l'ICE (nom)"],
    },
    "official_signature": {
        "eng": ["Signature of officer", "Officer's signature", "Signature of ICE official"],
        "spa": ["Firma del oficial", "Firma del funcionario"],
        "por": ["Assinatura do oficial"],
        "fra": ["Signature de l'agent"],
    },
    "witness_heading": {"eng": ["WITNESS", "Witness"], "spa": ["TESTIGO"], "por": ["TESTEMUNHA"],
        "fra": ['TÉMOIN'],
    },
    "witness_name": {
        "eng": ["Name (print)", "Witness name", "Witness (print name)"],
        "spa": ["Nombre del testigo", "Testigo (nombre)"],
        "por": ["Nome da testemunha"],
        "fra": ['Nom du témoin'],
    },
    "witness_signature": {"eng": ["Signature", "Witness signature"], "spa": ["Firma del testigo"],
                          "por": ["Assinatura da testemunha"],
        "fra": ['Signature du témoin'],
    },
    "supervisor_heading": {
        "eng": ["SUPERVISORY ACKNOWLEDGEMENT", "SUPERVISORY REVIEW", "Supervisor Review",
                "REVIEWED BY SUPERVISOR"],
        "spa": ["REVISIÓN DEL SUPERVISOR", "CONFORMIDAD DEL SUPERVISOR"],
        "por": ["REVISÃO DO SUPERVISOR"],
        "fra": ['VISA DU SUPERVISEUR'],
    },
    "supervisor_text": {
        "eng": ["I reviewed this election with the officer; the parent's choice is recorded above.",
                "Reviewed and approved. The options were explained to the parent.", ""],
        "spa": ["Revisé esta decisión con el oficial; la elección del padre/madre consta arriba.", ""],
        "por": ["Revisei esta decisão com o oficial.", ""],
        "fra": ["J'ai revu ce choix avec l'agent.", ''],
    },
    "supervisor_name": {
        "eng": ["Supervisor name", "Supervisor (print)", "Reviewing supervisor", "Supervisor"],
        "spa": ["Nombre del supervisor", "Supervisor (nombre)"],
        "por": ["Nome do supervisor"],
        "fra": ['Nom du superviseur'],
    },
    "supervisor_signature": {"eng": ["Supervisor signature", "Signature of supervisor"],
                             "spa": ["Firma del supervisor"], "por": ["Assinatura do supervisor"],
        "fra": ['Signature du superviseur'],
    },
    # unrelated fields that real forms carry: they test that the extractor ignores them
    "dob": {"eng": ["Date of birth", "DOB"], "spa": ["Fecha de nacimiento"], "por": ["Data de nascimento"],
        "fra": ['Date de naissance'],
    },
    "country": {"eng": ["Country of citizenship", "Nationality"], "spa": ["País de origen", "Nacionalidad"],
                "por": ["País de origem"],
        "fra": ['Pays de nationalité'],
    },
    "facility": {"eng": ["Detention facility", "Location"], "spa": ["Centro de detención"],
                 "por": ["Local de detenção"],
        "fra": ['Centre de rétention'],
    },
    "event_no": {"eng": ["Event No.", "Case No."], "spa": ["No. de caso"], "por": ["Nº do caso"],
        "fra": ['N° de dossier'],
    },
}

#: "This form was read to the parent in ___ by ___" style sentences: {lang} and {by}
READ_IN_SENTENCE: L = {
    "eng": ["This form was read to the parent in {lang} language by {by}",
            "The contents of this form were explained to me in {lang} by {by}",
            "Read aloud to the parent in {lang} by {by}"],
    "spa": ["Este formulario fue leído al padre/madre en {lang} por {by}",
            "Se me explicó este formulario en {lang} por medio de {by}"],
    "por": ["Este formulário foi lido ao responsável em {lang} por {by}"],
    "fra": ['Ce formulaire a été lu au parent en {lang} par {by}'],
}

OPTIONS: dict[str, L] = {
    "reunify": {
        "eng": ["I want to be reunited with my child(ren) and removed together.",
                "I wish to be removed WITH my child(ren).",
                "I request that my child(ren) depart the United States with me.",
                "I want my child(ren) returned to me before I am removed, so we leave together.",
                "Reunify me with my child(ren) prior to my removal."],
        "spa": ["Deseo ser reunificado(a) con mi(s) hijo(s) y salir juntos del país.",
                "Quiero que mi(s) hijo(s) sea(n) deportado(s) conmigo.",
                "Solicito que mi(s) hijo(s) salga(n) de los Estados Unidos conmigo."],
        "por": ["Desejo ser reunido(a) com meu(s) filho(s) e sair junto com ele(s).",
                "Quero que meu(s) filho(s) seja(m) removido(s) comigo."],
    },
    "depart_without_child": {
        "eng": ["I will depart the United States WITHOUT my child(ren).",
                "I do not wish to be reunited with my child(ren); I will leave without them.",
                "I choose to return to my country alone. My child(ren) will stay in the United States.",
                "I decline reunification and will be removed without my child(ren).",
                "I am NOT requesting that my child(ren) be removed with me."],
        "spa": ["Saldré de los Estados Unidos SIN mi(s) hijo(s).",
                "No deseo reunirme con mi(s) hijo(s); regresaré sin ellos.",
                "Elijo regresar solo(a) a mi país. Mi(s) hijo(s) se quedará(n) en los Estados Unidos.",
                "NO solicito que mi(s) hijo(s) sea(n) deportado(s) conmigo."],
        "por": ["Sairei dos Estados Unidos SEM meu(s) filho(s).",
                "Não desejo ser reunido(a) com meu(s) filho(s); voltarei sem eles."],
    },
    "consult_attorney": {
        "eng": ["I want to speak with a lawyer before deciding.",
                "I wish to consult an attorney before I make a decision.",
                "I request time to contact legal counsel.",
                "I am not ready to decide and want legal advice first."],
        "spa": ["Deseo hablar con un abogado antes de decidir.",
                "Quiero consultar con un abogado antes de tomar una decisión.",
                "Solicito tiempo para comunicarme con un abogado."],
        "por": ["Desejo falar com um advogado antes de decidir.",
                "Quero consultar um advogado antes de tomar uma decisão."],
    },
}

OPTIONS["reunify"]["fra"] = ["Je souhaite être réuni(e) avec mon/mes enfant(s) et quitter le pays ensemble.",
                             "Je demande que mon/mes enfant(s) quitte(nt) les États-Unis avec moi."]
OPTIONS["depart_without_child"]["fra"] = ["Je quitterai les États-Unis SANS mon/mes enfant(s).",
                                          "Je ne souhaite pas être réuni(e) avec mon/mes enfant(s)."]
OPTIONS["consult_attorney"]["fra"] = ["Je souhaite parler à un avocat avant de décider.",
                                      "Je demande du temps pour consulter un avocat."]

OPTION_LEADS: dict[str, L] = {
    "box": {"eng": ["Check ONE box:", "I elect the following (check one):", "Mark one option only:",
                    "My decision (check one):"],
            "spa": ["Marque UNA opción:", "Mi decisión (marque una):"],
            "por": ["Marque UMA opção:", "Minha decisão (marque uma):"],
            "fra": ["Cochez UNE case :", "Ma décision (cochez une case) :"]},
    "circle": {"eng": ["Circle ONE:", "Circle the letter of your choice:", "Please circle one option:"],
               "spa": ["Encierre UNA opción en un círculo:", "Encierre la letra de su elección:"],
               "por": ["Circule UMA opção:"],
               "fra": ["Entourez UNE option :"]},
}

#: how a language is written on the "language used" line, per ISO 639-3 code
LANGUAGE_WRITTEN: dict[str, list[str]] = {
    "spa": ["Spanish", "español", "SPANISH", "Español", "Spanish/Español"],
    "eng": ["English", "inglés"],
    "por": ["Portuguese", "português", "portugués"],
    "quc": ["K'iche'", "Quiché", "Kiche"],
    "mam": ["Mam", "MAM"],
    "kjb": ["Q'anjob'al", "Kanjobal"],
    "cak": ["Kaqchikel", "Cakchiquel"],
    "acr": ["Achi"],
    "ixl": ["Ixil"],
    "hat": ["Haitian Creole", "Kreyòl"],
    "fra": ["French", "francés"],
}

FOOTERS = ["Form {code} (Rev. {mm}/{yy})", "{code}  rev. {mm}/{yy}", "{code} ({mm}/{yy})"]
PAGE_MARKS = {"eng": ["Page 1", "Page 1 of 1", "1/1", ""], "spa": ["Página 1", "Página 1 de 1", "1/1", ""],
              "por": ["Página 1", "Página 1 de 1", "1/1", ""],
    "fra": ['Page 1', 'Page 1 sur 1', '1/1', ''],
}

#: unrelated pages filed next to a form (a multi-page scan's other page)
ATTACHMENTS = {
    "PROPERTY RECEIPT": ["Item", "Quantity", "Condition"],
    "MEDICAL SCREENING SUMMARY": ["Question", "Answer", "Notes"],
    "TRANSFER CHECKLIST": ["Step", "Done", "Initials"],
    "INVENTORY OF PERSONAL EFFECTS": ["Description", "Qty", "Stored"],
}
ATTACHMENT_ROWS = ["Belt", "Shoelaces", "Wallet (empty)", "Mobile phone", "Backpack", "Jacket",
                   "Rosary", "Identity card", "Medication", "Cash envelope", "Documents folder",
                   "Temperature checked", "Allergies reviewed", "Meal provided", "Call placed"]
