"""Trust: signed attestations verified in-process, the trust anchor, and the one publish decision.

Layer: above ``model/`` and ``io/``, below every feature package (review, requests,
reports, voice, search), ``site/`` and ``cli/``. Whoever asks "may this be public?" asks
``xxgk.trust.decision``.
"""
