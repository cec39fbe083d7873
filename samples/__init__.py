"""Bundled sample inputs and the synthetic form generator that made them."""
