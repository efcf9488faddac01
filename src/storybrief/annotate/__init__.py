"""Annotation of clean articles: sentences, named entities, temporal expressions (``dates``) and quotes."""
