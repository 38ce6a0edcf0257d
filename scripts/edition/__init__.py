"""The annotated edition's content behaviour: registry, notes, checks, Markdown extension, PDF."""
