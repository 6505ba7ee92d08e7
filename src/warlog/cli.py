"""warlog's command line: a thin layer over the importable functions of each stage.

Every command is documented in the README (a test checks it). Messages about input problems go
to standard error as ``ORIGIN:LINE: reason [CODE]``; results go to standard output.
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from . import __version__
from .errors import WarlogError
from .settings import Settings, load_settings

app = typer.Typer(
    name="warlog",
    help="Turn conflict news into a verified, geolocated, source-attributed record of events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        help="SQLite database file (created if missing), or the URL of a PostgreSQL database "
        "(postgresql://user:password@host:port/name; the database must exist).",
    ),
]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="Settings file overriding the defaults key by key.")
]


def _settings(config: Path | None) -> Settings:
    try:
        return load_settings(config)
    except WarlogError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc


class _RateColumn(ProgressColumn):
    """Articles per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "… articles/s", style="progress.data.speed")


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, URLs of feeds, or - for stdin.")],
    db: DbOption,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", "-w", min=0, help="Analysis processes (0: one per core; default: ingest.workers)."
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Stop at the first rejected input.")] = False,
    text_col: Annotated[str | None, typer.Option("--text-col", help="CSV column holding the text.")] = None,
    title_col: Annotated[
        str | None, typer.Option("--title-col", help="CSV column holding the title.")
    ] = None,
    date_col: Annotated[str | None, typer.Option("--date-col", help="CSV column holding the date.")] = None,
    id_col: Annotated[str | None, typer.Option("--id-col", help="CSV column holding the id.")] = None,
    outlet_col: Annotated[str | None, typer.Option("--outlet-col", help="CSV column: outlet.")] = None,
    url_col: Annotated[str | None, typer.Option("--url-col", help="CSV column holding the URL.")] = None,
    timings: Annotated[bool, typer.Option("--timings", help="Print seconds spent per stage.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    config: ConfigOption = None,
) -> None:
    """Read articles, analyse them and store the results (idempotent: known ids are skipped)."""
    from .ingest import CsvColumns

    settings = _settings(config)
    columns = None
    if any((text_col, title_col, date_col, id_col, outlet_col, url_col)):
        columns = CsvColumns(
            text=text_col, title=title_col, date=date_col, id=id_col, outlet=outlet_col, url=url_col
        )
    if workers is None:
        workers = int(settings["ingest"]["workers"])
    report = _run_ingest(
        paths, db=db, settings=settings, workers=workers, strict=strict, columns=columns, quiet=quiet
    )
    out.print(report.summary())
    if timings:
        # one line of JSON, never wrapped to the terminal width (the benchmark reads it)
        seconds = {k: round(v, 3) for k, v in report.timings.items()}
        print(json.dumps({**seconds, "workers": report.workers}), flush=True)


def _run_ingest(
    paths: list[str],
    *,
    db: str,
    settings: Settings,
    workers: int = 1,
    strict: bool = False,
    columns: Any = None,
    quiet: bool = False,
) -> Any:
    from .pipeline import ingest as run
    from .store import open_store

    show = not quiet and err.is_terminal
    progress = Progress(
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        _RateColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=err,
        disable=not show,
        transient=False,
    )
    task = progress.add_task("ingest", total=None)

    def on_progress(done: int, total: int) -> None:
        progress.update(task, completed=done, total=total)

    try:
        with progress, open_store(db, settings=settings) as store:
            return run(
                paths,
                store=store,
                settings=settings,
                workers=workers,
                strict=strict,
                csv_columns=columns,
                on_problem=lambda p: err.print(str(p), markup=False, highlight=False, soft_wrap=True),
                progress=on_progress,
            )
    except WarlogError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(1) from exc


@app.command()
def export(
    kind: Annotated[
        str, typer.Argument(help="articles, events, places, incidents, sources, outlets or errors.")
    ],
    db: DbOption,
    out_path: Annotated[str, typer.Option("--out", "-o", help="Output file, or - for stdout.")] = "-",
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv, geojson or parquet.")] = "jsonl",
    config: ConfigOption = None,
) -> None:
    """Write one kind of record from the store (JSONL follows ../shared/contract)."""
    from .export import export as write
    from .store import open_store

    settings = _settings(config)
    _require_db(db)
    try:
        with open_store(db, settings=settings) as store:
            n = write(store, kind, out_path, fmt=fmt)
    except WarlogError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(2) from exc
    if out_path != "-":
        err.print(f"{n} {kind} written to {out_path}")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Full-text query (SQLite FTS5 syntax).")],
    db: DbOption,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Most results shown.")] = 20,
    config: ConfigOption = None,
) -> None:
    """Full-text search over article titles and texts."""
    from .store import open_store

    settings = _settings(config)
    _require_db(db)
    try:
        with open_store(db, settings=settings) as store:
            hits = store.search(query, limit=limit)
    except WarlogError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(2) from exc
    for article_id, title, snippet in hits:
        out.print(f"[bold]{article_id}[/]  {title or ''}", highlight=False)
        out.print(f"    {snippet}", markup=False, highlight=False)
    if not hits:
        err.print("no match")


@app.command()
def stats(
    db: DbOption,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object instead of tables.")] = False,
    config: ConfigOption = None,
) -> None:
    """Counts of articles, events by type, top places, incidents and rejected inputs."""
    from .store import open_store

    settings = _settings(config)
    _require_db(db)
    try:
        with open_store(db, settings=settings) as store:
            data = store.stats()
    except WarlogError as exc:  # a server that cannot be reached, say
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(2) from exc
    if as_json:
        out.print_json(data=data)
    else:
        _print_stats(data)


@app.command()
def link(
    db: DbOption,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Relink every event from scratch.")] = False,
    config: ConfigOption = None,
) -> None:
    """Group events into incidents (ingest does this already; --rebuild starts over)."""
    from .link import link_incidents
    from .store import open_store

    settings = _settings(config)
    _require_db(db)
    try:
        with open_store(db, settings=settings) as store:
            n = link_incidents(store, settings=settings, relink=rebuild)
    except WarlogError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(2) from exc
    out.print(f"{n} incidents written")


@app.command()
def demo(
    db: DbOption = "demo.db",
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the exports.")] = Path("demo-out"),
    keep: Annotated[bool, typer.Option("--keep", help="Keep an existing demo database.")] = False,
    config: ConfigOption = None,
) -> None:
    """Ingest the bundled (fictional) demo corpus, print a summary and write every export."""
    from .export import export as write
    from .store import open_store
    from .store.target import database_file

    settings = _settings(config)
    file = database_file(db)
    if not keep and file is not None:  # a PostgreSQL database is kept (ingest skips known articles)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{file}{suffix}").unlink(missing_ok=True)
    with resources.as_file(resources.files("warlog") / "demo" / "corpus") as corpus:
        err.print(f"ingesting the demo corpus from {corpus} (fictional sample data)")
        report = _run_ingest(
            [str(corpus)], db=db, settings=settings, workers=int(settings["ingest"]["workers"])
        )
    out.print(report.summary())
    out_dir.mkdir(parents=True, exist_ok=True)
    jobs = [
        ("articles", "jsonl"),
        ("events", "jsonl"),
        ("events", "csv"),
        ("events", "geojson"),
        ("places", "jsonl"),
        ("incidents", "jsonl"),
        ("incidents", "geojson"),
        ("sources", "jsonl"),
        ("outlets", "jsonl"),
        ("outlets", "csv"),
        ("errors", "jsonl"),
    ]
    with open_store(db, settings=settings) as store:
        for kind, fmt in jobs:
            write(store, kind, out_dir / f"{kind}.{fmt}", fmt=fmt)
        _print_stats(store.stats())
    out.print(f"exports written to {out_dir}/: " + ", ".join(f"{k}.{f}" for k, f in jobs))


@app.command()
def serve(
    db: DbOption,
    host: Annotated[
        str | None, typer.Option("--host", help="Address to bind (default from [serve]: 127.0.0.1).")
    ] = None,
    port: Annotated[int | None, typer.Option("--port", help="Port (default from [serve]: 8000).")] = None,
    config: ConfigOption = None,
) -> None:
    """Serve the dashboard and the REST API over DB (read-only unless $WARLOG_TOKEN is set)."""
    from .api import serve as run

    settings = _settings(config)
    _require_db(db)
    run(db=db, host=host, port=port, settings=settings)


@app.command("settings")
def show_settings(config: ConfigOption = None) -> None:
    """Print the settings in effect (defaults merged with --config or $WARLOG_CONFIG) as JSON."""
    out.print_json(data=_settings(config))


@app.command()
def version() -> None:
    """Print warlog's version."""
    out.print(__version__)


def _require_db(db: str) -> None:
    """Refuse a missing SQLite file (rather than create an empty one); a server database is checked
    by connecting to it."""
    from .store.target import database_file

    try:
        file = database_file(db)
    except WarlogError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(2) from exc
    if file is not None and not file.exists():
        err.print(f"error: no database at {db} (run `warlog ingest ... --db {db}` first)")
        raise typer.Exit(2)


def _print_stats(data: dict[str, Any]) -> None:
    articles = Table(title="Articles", show_header=False)
    for key in ("articles", "analysed", "duplicates", "non_english", "ingest_errors"):
        if key in data:
            articles.add_row(key.replace("_", " "), str(data[key]))
    out.print(articles)
    by_type = Table(title="Events by type", show_header=True)
    by_type.add_column("sub-event type")
    by_type.add_column("events", justify="right")
    for name, n in sorted(data.get("events_by_sub_event_type", {}).items(), key=lambda kv: -kv[1]):
        by_type.add_row(name, str(n))
    out.print(by_type)
    places = Table(title="Top places", show_header=True)
    for col in ("place", "country", "events"):
        places.add_column(col)
    for row in data.get("top_places", [])[:10]:
        places.add_row(*(str(x) for x in row))
    out.print(places)
    out.print(
        f"incidents: {data.get('incidents', 0)} "
        f"(reported by several articles: {data.get('multi_article_incidents', 0)})"
    )
    out.print(
        f"input problems recorded: {data.get('ingest_errors', 0)} (rejections and flagged articles; "
        "warlog export errors)"
    )


#: Threads of the BLAS library under numpy, set before numpy loads unless the user set them. warlog
#: gets its parallelism from worker processes (``ingest.workers``); OpenBLAS threads on top of them
#: only contend for the same cores. Measured on 700 demo articles, 2 cores: 2 workers 20.4 s -> 16.7 s,
#: one process 30.5 s -> 27.5 s; bare spaCy is unaffected (19.1 s -> 19.3 s).
_BLAS_THREADS = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def main() -> None:  # pragma: no cover - console entry point
    import os

    for name, value in _BLAS_THREADS.items():
        os.environ.setdefault(name, value)
    try:
        app()
    except BrokenPipeError:
        sys.stderr.close()


__all__ = ["app", "main"]
