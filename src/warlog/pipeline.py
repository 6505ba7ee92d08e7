"""Wire the stages: read → prepare → (skip or mark) → nlp → geo → extract → store → link.

``ingest`` is the one function behind ``warlog ingest`` and ``warlog demo``. Each article and its
analysis are saved in one transaction, so an interrupted run can simply be run again: articles
already stored are skipped, the rest are analysed, and linking picks up every event not yet in an
incident.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .errors import IngestError, message
from .ingest import CsvColumns, Fetcher, LanguageDetector, prepare, read_inputs
from .settings import Settings
from .store import Store
from .types import Analysis, Article, IngestProblem, Quote, RawArticle

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Analyser", "IngestReport", "ingest"]


@dataclass
class IngestReport:
    """What one ingest run did."""

    read: int = 0
    ingested: int = 0  # stored in this run (analysed, duplicates and non-English included)
    analysed: int = 0
    skipped: int = 0  # already in the store under the same id
    duplicates: int = 0  # same text as an earlier article: stored, not analysed
    other_language: int = 0  # stored, not analysed
    rejected: int = 0
    events: int = 0
    incidents: int = 0
    problems: list[IngestProblem] = field(default_factory=list)
    #: seconds spent per stage: read, setup, nlp, geo, extract, store, link, total (with several
    #: workers, nlp, geo and extract are CPU seconds summed over the workers)
    timings: dict[str, float] = field(default_factory=dict)
    workers: int = 1  # processes that analysed the articles

    def summary(self) -> str:
        parts = [f"{self.ingested} ingested", f"{self.rejected} rejected"]
        if self.skipped:
            parts.append(f"{self.skipped} already stored")
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicate text")
        if self.other_language:
            parts.append(f"{self.other_language} not English")
        parts.append(f"{self.events} events")
        return ", ".join(parts)


class Analyser:
    """The analysis stages for one process: the spaCy pipeline, the geoparser and the event coder.

    Built once (the model and the gazetteer load here) and reused for every batch.
    """

    def __init__(self, *, settings: Settings) -> None:
        from .extract import EventExtractor
        from .geo import GeoParser
        from .nlp import load_nlp

        self.settings = settings
        self.nlp = load_nlp(settings=settings)
        self.geo = GeoParser(settings=settings)
        self.extractor = EventExtractor(settings=settings)
        self.timings: dict[str, float] = {"nlp": 0.0, "geo": 0.0, "extract": 0.0}

    def docs(self, articles: Sequence[Article]) -> Iterator[Doc]:
        """spaCy Docs for ``articles``, in order."""
        texts = (a.text for a in articles)
        it = iter(self.nlp.pipe(texts, batch_size=self.settings["ingest"]["batch_size"]))
        while True:
            start = time.perf_counter()
            doc = next(it, None)
            self.timings["nlp"] += time.perf_counter() - start
            if doc is None:
                return
            yield doc

    def analyse(self, doc: Doc, *, article: Article) -> Analysis:
        """Places, events and main event of one parsed article."""
        start = time.perf_counter()
        places = self.geo.parse(doc, article=article)
        mid = time.perf_counter()
        quotes: list[Quote] = []
        events, main_event_id = self.extractor.extract(doc, article=article, places=places, quotes_out=quotes)
        self.timings["geo"] += mid - start
        self.timings["extract"] += time.perf_counter() - mid
        return Analysis(
            article_id=article.article_id,
            places=places,
            events=events,
            main_event_id=main_event_id,
            quotes=quotes,
        )


def ingest(
    paths: Sequence[str],
    *,
    store: Store,
    settings: Settings,
    analyser: Analyser | None = None,
    csv_columns: CsvColumns | None = None,
    fetcher: Fetcher | None = None,
    workers: int = 1,
    strict: bool = False,
    on_problem: Callable[[IngestProblem], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> IngestReport:
    """Ingest every article found under ``paths`` into ``store`` and analyse it.

    Bad items become ``IngestProblem`` records (stored, passed to ``on_problem``) and the batch
    goes on; with ``strict=True`` the first rejection raises ``IngestError`` instead (what was
    stored before it stays stored). ``progress(done, total)`` is called as articles complete.
    ``workers``: processes analysing articles (0: one per CPU core for a big enough batch, see
    :func:`warlog.workers.resolve_workers`); the result is the same for any number.
    """
    report = IngestReport()
    start = time.perf_counter()

    def problem(p: IngestProblem, *, rejected: bool = True) -> None:
        store.record_problem(p)
        report.problems.append(p)
        if on_problem is not None:
            on_problem(p)
        if rejected:
            report.rejected += 1
            if strict:
                raise IngestError(p.code, detail=str(p))

    items = list(read_inputs(paths, settings=settings, csv_columns=csv_columns, fetcher=fetcher))
    report.read = sum(isinstance(i, RawArticle) for i in items)
    report.timings["read"] = time.perf_counter() - start
    detector = LanguageDetector(settings=settings)
    to_analyse: list[Article] = []
    seen_ids: set[str] = set()
    seen_hashes: dict[str, str] = {}
    lines: dict[str, int | None] = {}  # article id → its line in the input, for problem reports
    store_time = 0.0
    done = 0
    for item in items:
        if isinstance(item, IngestProblem):
            problem(item)
            continue
        prepared = prepare(item, settings=settings, detector=detector)
        if isinstance(prepared, IngestProblem):
            problem(prepared)
            continue
        article = prepared
        if article.article_id in seen_ids or store.has_article(article.article_id):
            report.skipped += 1
            continue
        seen_ids.add(article.article_id)
        first = seen_hashes.get(article.content_hash) or store.article_id_for_hash(article.content_hash)
        languages = settings["ingest"]["languages"]
        if first is not None or (article.language is not None and article.language not in languages):
            if first is not None:
                article.duplicate_of = first
                report.duplicates += 1
                note = ("W151", message("W151", first=first))
            else:
                report.other_language += 1
                note = ("W150", message("W150", lang=article.language))
            problem(_note(item, article, *note), rejected=False)
            t = time.perf_counter()
            store.save_article(article, None)
            store_time += time.perf_counter() - t
            report.ingested += 1
            done += 1
            continue
        seen_hashes[article.content_hash] = article.article_id
        lines[article.article_id] = item.line
        to_analyse.append(article)

    total = done + len(to_analyse)
    if progress is not None:
        progress(done, total)
    if to_analyse:
        if analyser is None:
            t = time.perf_counter()
            analyser = Analyser(settings=settings)  # the model and the gazetteer (built on first use)
            report.timings["setup"] = time.perf_counter() - t
        from .workers import Failed, analyses, resolve_workers

        procs = resolve_workers(workers, articles=len(to_analyse), settings=settings)
        report.workers = procs
        outcomes = analyses(analyser, to_analyse, workers=procs, settings=settings)
        for article, analysis in zip(to_analyse, outcomes, strict=True):
            if isinstance(analysis, Failed):
                problem(
                    IngestProblem(
                        article.origin or "?",
                        lines.get(article.article_id),
                        "W301",
                        analysis.reason,
                        item_id=article.article_id,
                    )
                )
                continue
            t = time.perf_counter()
            store.save_article(article, analysis)
            store_time += time.perf_counter() - t
            report.ingested += 1
            report.analysed += 1
            report.events += len(analysis.events)
            done += 1
            if progress is not None:
                progress(done, total)
        report.timings.update(analyser.timings)
    report.timings["store"] = store_time
    t = time.perf_counter()
    from .link import link_incidents

    report.incidents = link_incidents(store, settings=settings)
    report.timings["link"] = time.perf_counter() - t
    report.timings["total"] = time.perf_counter() - start
    return report


def _note(raw: RawArticle, article: Article, code: str, reason: str) -> IngestProblem:
    return IngestProblem(raw.origin, raw.line, code, reason, item_id=article.article_id)
