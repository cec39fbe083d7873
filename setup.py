"""Packages of waiverscan (everything else is in pyproject.toml).

Here and not in pyproject.toml because the repository's ``models/`` folder installs
under another name, ``waiverscan_models`` (a top-level package called ``models`` would
collide with anything else of that name), and pyproject.toml cannot combine a package
search with such a mapping.
"""
from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["waiverscan*", "extractor*", "scoring*", "review_ui*"])
    + ["waiverscan_models"],
    package_dir={"waiverscan_models": "models"},
    package_data={
        "waiverscan": ["migrations/script.py.mako"],
        # the list of personal names that name-field correction consults (extractor/names.py)
        "extractor": ["data/*.txt"],
        # what the readers load at run time (training data under models/*/data is not)
        "waiverscan_models": ["handwriting/*.npz", "handwriting/*.json",
                              "tesseract-hand/*.traineddata", "comments/clf/**/*",
                              "forms/*.npz", "forms/*.json", "pages/*.npz", "pages/*.json"],
    },
)
