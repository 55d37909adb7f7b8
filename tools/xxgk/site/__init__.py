"""The MkDocs adapter: everything MkDocs-specific lives in this package."""
