"""The packages of xxgk from the bottom up: a package imports only packages of lower layers.

One layer may hold several feature packages; they do not import one another (each uses the
layers below it). ``tests/test_layers.py`` fails on any import that points up or sideways.
"""

LAYERS: tuple[tuple[str, ...], ...] = (
    ("model",),  # pure values and functions: no I/O, no MkDocs, no git
    ("io",),  # reading and writing: YAML, front matter, records, registry, safe files, git
    ("rules",),  # one module per catalog rule over a validated document
    ("trust",),  # signatures, the trust anchor, and the one publish decision
    ("scan",),  # secrecy marks and personal data (acknowledgements come from reviews)
    ("review", "requests", "voice", "importer", "search", "editor"),  # features
    (
        "intake",
    ),  # the online 在线申请/在线评议 service: turns submissions into requests and voice records
    ("reports",),  # annual report, training report, audit: read the features' records
    ("site",),  # the MkDocs adapter
    ("bench",),  # generated county-size data and timings
    ("cli",),  # one module per command group: the only dispatcher
)


def layer_of(package: str) -> int:
    for level, names in enumerate(LAYERS):
        if package in names:
            return level
    raise KeyError(package)
