"""Analysis in worker processes: the whole analysis of an article, not only its spaCy pass.

Analysing one article needs nothing from another (linking, which does, runs after the analyses,
in the parent), so each worker runs every analysis stage — spaCy, geo, the event coder — on a
chunk of articles and sends back plain :class:`~warlog.types.Analysis` records, which the parent
stores in input order. Compared with spaCy's own ``nlp.pipe(n_process=N)``, nothing has to send
spaCy Docs between processes, and the stages after spaCy (about a third of the work) run in the
workers too instead of queueing in the parent.

Workers are forked from the process that built the :class:`~warlog.pipeline.Analyser`, so the
model and the gazetteer are shared copy-on-write and a worker starts in milliseconds. Where fork
is not available each worker builds its own analyser from the settings (seconds per worker).

The result does not depend on the number of workers (tests/test_workers.py).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import WarlogError, message
from .settings import Settings
from .types import Analysis, Article

if TYPE_CHECKING:
    from .pipeline import Analyser

__all__ = ["Failed", "analyses", "resolve_workers"]


@dataclass(frozen=True)
class Failed:
    """The analysis of one article raised: the reason, ready for its problem record."""

    reason: str


Outcome = Analysis | Failed

#: The analyser of this worker process (inherited through fork, or built by ``_start``).
_ANALYSER: Analyser | None = None


def resolve_workers(requested: int, *, articles: int, settings: Settings) -> int:
    """The number of processes to analyse ``articles`` with: ``requested``, or when it is 0 one per
    CPU core, but a single process for a batch smaller than ``ingest.parallel_min_articles``."""
    if requested > 0:
        return requested
    if articles < int(settings["ingest"]["parallel_min_articles"]):
        return 1
    return max(1, os.cpu_count() or 1)


def analyses(
    analyser: Analyser, articles: Sequence[Article], *, workers: int, settings: Settings
) -> Iterator[Outcome]:
    """The outcome of analysing each of ``articles``, in order, using ``workers`` processes.

    With ``workers`` > 1 the per-stage timings of every worker are added to ``analyser.timings``
    (CPU seconds summed over processes)."""
    if workers <= 1 or len(articles) < 2:
        yield from _analyse(analyser, articles)
        return
    global _ANALYSER
    chunk = int(settings["ingest"]["batch_size"])
    chunks = [list(articles[i : i + chunk]) for i in range(0, len(articles), chunk)]
    if "fork" in multiprocessing.get_all_start_methods():
        _ANALYSER = analyser  # the forked workers inherit it
        pool = multiprocessing.get_context("fork").Pool(workers)
    else:  # pragma: no cover - platforms without fork
        pool = multiprocessing.get_context("spawn").Pool(workers, initializer=_start, initargs=(settings,))
    try:
        with pool:
            for outcomes, timings in pool.imap(_run, chunks):
                for stage, seconds in timings.items():
                    analyser.timings[stage] = analyser.timings.get(stage, 0.0) + seconds
                yield from outcomes
    finally:
        _ANALYSER = None


def _analyse(analyser: Analyser, articles: Sequence[Article]) -> Iterator[Outcome]:
    for article, doc in zip(articles, analyser.docs(articles), strict=True):
        try:
            yield analyser.analyse(doc, article=article)
        except Exception as exc:  # one article's failure must not stop the batch
            reason = exc.message if isinstance(exc, WarlogError) else message("W301", detail=repr(exc))
            yield Failed(reason)


def _start(settings: Settings) -> None:  # pragma: no cover - platforms without fork
    global _ANALYSER
    from .pipeline import Analyser

    _ANALYSER = Analyser(settings=settings)


def _run(chunk: list[Article]) -> tuple[list[Outcome], dict[str, float]]:
    """In a worker: the outcomes of one chunk, and the seconds each stage took on it."""
    analyser = _ANALYSER
    assert analyser is not None, "worker started without an analyser"
    before = dict(analyser.timings)
    outcomes = list(_analyse(analyser, chunk))
    return outcomes, {k: v - before.get(k, 0.0) for k, v in analyser.timings.items()}
