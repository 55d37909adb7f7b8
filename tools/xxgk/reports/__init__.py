"""Reports of the disclosure office: the annual report (年度报告), the training ledger (培训台账)
and the accountability audit (责任追究, 附件3 第五条).

``tables`` and ``requests_count`` are pure; ``inputs``, ``catalog_counts``, ``requests_source``
and ``history`` read files and git; ``render`` and ``page`` write the site page and CSV files.
"""
