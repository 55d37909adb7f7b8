"""Training ledger (附件5): sessions and assessed self-study, hours per person per year."""
