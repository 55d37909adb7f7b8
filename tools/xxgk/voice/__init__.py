"""社会评议 (public evaluation, 附件7) and 舆情回应 (public-opinion response, 附件8).

Records live in ``evaluations/`` and ``opinions/`` (YAML, Chinese keys, one schema each).
The model modules here are pure; ``records`` reads files; ``pages`` renders what may be
published; ``findings.audit_findings`` feeds the accountability audit.

Entry points for other parts of the tool:

* ``xxgk.voice.pages.site_pages(root, registry)`` → [(path under docs, Markdown)]
* ``xxgk.voice.pages.asset_files()`` → the questionnaire's CSS and JS
* ``xxgk.voice.findings.audit_findings(root, year)`` → findings with a department
"""
