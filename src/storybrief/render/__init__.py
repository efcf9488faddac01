"""Render: typed records to JSON and Markdown (and, with the brief, HTML)."""
