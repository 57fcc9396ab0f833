"""Renderers: typed data in, HTML or Markdown fragments out. No MkDocs here."""
