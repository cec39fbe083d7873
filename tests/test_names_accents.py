from extractor.names import restore_accents


def test_restore_accents_known_names_keep_their_case():
    assert restore_accents("JOSE TOMAS VELASQUEZ") == "JOSÉ TOMÁS VELÁSQUEZ"
    assert restore_accents("Joao Batista Araujo Goncalves") == "João Batista Araújo Gonçalves"
    assert restore_accents("Sebastiáo Simóes") == "Sebastião Simões"  # a wrong mark fixed


def test_restore_accents_leaves_unknown_tokens_as_read():
    assert restore_accents("Marvin Okoro Lindqvist") == "Marvin Okoro Lindqvist"
    assert restore_accents("Pérez") == "Pérez"
