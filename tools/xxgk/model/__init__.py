"""Pure data and functions: no file, git, click or mkdocs access here."""
