"""File, YAML, schema and git access. Everything that touches the disk lives here."""
