"""Where the site's content lives in the repository: fixed, not configured.

``content/`` is MkDocs' ``docs_dir`` and the catalog is ``content/catalog/``. Reviews, the
gate, the audit and the reports name these paths without MkDocs (they run where no site is
built), so a different ``docs_dir`` would split what is reviewed from what is published:
the site plugin refuses one (``xxgk.site.plugin``).
"""

from __future__ import annotations

CONTENT_DIR = "content"  # MkDocs docs_dir
CATALOG_DIR = f"{CONTENT_DIR}/catalog"  # one Markdown file per catalog entry, by year
REPORTS_DIR = f"{CONTENT_DIR}/reports"  # annual report pages and their CSV files
