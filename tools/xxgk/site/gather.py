"""Ask the publication decision about every entry, in worker processes when there are
many (reading, checking and hashing 20,000 files is the other costly part of a build)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from xxgk.io.catalog import entry_listing, quick_index_numbers
from xxgk.io.parallel import fork_map
from xxgk.model.registry import Registry
from xxgk.site.catalog import Collected, collect, published
from xxgk.trust.decision import iter_decisions
from xxgk.trust.verdict import Basis


@dataclass
class GatherJob:
    root: Path
    registry: Registry
    today: dt.date
    paths: list[Path]
    numbers: dict[str, list[str]]
    plain_chars: int
    basis: Basis


def _slice(job: GatherJob, start: int, stop: int) -> Collected:
    pairs = iter_decisions(
        job.root, job.registry, job.today, job.paths[start:stop], job.numbers, job.basis
    )
    return collect(job.root, pairs, job.plain_chars)


def gather(
    root: Path,
    registry: Registry,
    today: dt.date,
    plain_chars: int,
    workers_for: Callable[[int], int],
    basis: Basis,
) -> Collected:
    """``workers_for(number of entries)``: how many processes to use; ``basis``: what the
    one decision trusts (loaded once, shared by the workers)."""
    paths, hazards = entry_listing(root)
    workers = workers_for(len(paths))
    job = GatherJob(
        root, registry, today, paths, quick_index_numbers(root, paths), plain_chars, basis
    )
    if workers > 1 and paths:
        # Decide one entry here first: the review records get indexed once, in this
        # process, and the workers inherit the index instead of each building it.
        _slice(job, 0, 1)
    out = Collected()
    for part in fork_map(_slice, job, len(paths), workers):
        out.entries += part.entries
        out.unreadable += part.unreadable
        out.notes += part.notes
        out.total += part.total
    out.entries = published(out.entries)
    # symlinks, special files and odd names in the catalog are never read: said, not published
    out.notes += [(p.path, p.message) for p in hazards]
    return out
