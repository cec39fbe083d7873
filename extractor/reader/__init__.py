"""The learned parts of the form reader: small trained models, loaded offline from
``models/forms/`` (JSON configs + npz weights, no pickles), run with numpy only.

- ``marks``: is a check box marked? (a small MLP on a normalised crop of the box)
- ``textclf``: character n-gram TF-IDF + linear models: a line's text -> the contract
  field its label names (``label_slot``), an option's text -> its meaning
  (``option_meaning``)
- ``linker``: label -> value links on a page, a pairwise model over geometry and
  content features and one global assignment (a value is used once)

Each model is trained by an entry point in ``training/forms_*.py`` (``make
train-models``) on material the project's own generator draws; none is trained on dev,
FUNSD or the real checkbox scans, which only evaluate.
"""
