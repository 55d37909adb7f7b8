"""Secrecy review (附件4), release coordination (附件6) and withdrawal records, and the merge gate.

Records are YAML files with Chinese keys in ``reviews/``, ``consultations/`` and
``withdrawals/``; they are read with the project's one YAML reader and checked against
their schemas. A record that fails its schema counts for nothing (fail-closed).
"""
