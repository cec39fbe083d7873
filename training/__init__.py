"""Every training entry point of waiverscan. Each fits a model under ``models/`` from
material the project's own generator (``samples.generator``) draws; only this package
may import the generator, and the runtime (``extractor``) never imports this package.
``make train-models`` runs them all."""
