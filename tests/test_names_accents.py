from extractor.names import restore_accents


def test_restore_accents_known_names_keep_their_case():
    assert restore_accents("JESUS TIUL XICARA") == "JESÚS TIUL XICARÁ"
    assert restore_accents("Ana Julia Simoes Magalhaes") == "Ana Júlia Simões Magalhães"
    assert restore_accents("Rosángela Simóes") == "Rosângela Simões"  # a wrong mark fixed


def test_restore_accents_leaves_unknown_tokens_as_read():
    assert restore_accents("John Smith Kowalski") == "John Smith Kowalski"
    assert restore_accents("Pérez") == "Pérez"
