"""The edition's Python-Markdown extensions, one per concern, on a shared base (`base.EditionExtension`)."""
