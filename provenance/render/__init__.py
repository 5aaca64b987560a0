"""Renderers: one module per output format, each a pure function from a result model to text."""
