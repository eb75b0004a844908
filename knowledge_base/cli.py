"""`supportbot kb ...`: sync, add, remove, list and search the knowledge base from a terminal."""
from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Protocol

import click

from knowledge_base.errors import KnowledgeBaseError
from knowledge_base.service import KnowledgeBase
from knowledge_base.sync import SyncReport


@contextmanager
def _errors() -> Iterator[None]:
    """Our errors become one clear line and exit code 1, never a stack trace."""
    try:
        yield
    except KnowledgeBaseError as exc:
        raise click.ClickException(str(exc)) from exc


class _Bar(Protocol):
    """What `_progress_bar` needs of click's progress bar."""

    pos: int

    def update(self, n_steps: int) -> None: ...


@contextmanager
def _progress_bar(label: str) -> Iterator[Callable[[int, int], None]]:
    """A `progress(done, total)` callback drawing a click bar on stderr, only on a terminal.

    The bar is created on the first report, when the total is known, and finished on exit.
    """
    with ExitStack() as stack:
        bar: _Bar | None = None

        def report(done: int, total: int) -> None:
            nonlocal bar
            if not sys.stderr.isatty():
                return
            if bar is None:
                bar = stack.enter_context(click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True))
            bar.update(done - bar.pos)

        yield report


def _report(report: SyncReport) -> None:
    click.echo(report.summary())
    for name, reason in report.failed:
        click.echo(f"  failed: {name}: {reason}")
    if report.all_failed:
        sys.exit(1)


_NO_CROSSLINGUAL = click.option(
    "--no-crosslingual", is_flag=True,
    help="Leave the cross-lingual vectors (questions in other languages) to the server, which fills "
         "them in a background thread at start-up.")


def _fill_cross_lingual(kb: KnowledgeBase, *, skip: bool) -> None:
    """Compute the second vectors after the sync, so the index is complete when the command exits."""
    if skip or kb.cross_lingual is None:
        return
    with _errors(), _progress_bar("cross-lingual vectors") as progress:
        filled = kb.fill_cross_lingual(progress=progress)
    if filled:
        click.echo(f"cross-lingual vectors: {filled} chunks")


def make_kb_group(get_kb: Callable[[], KnowledgeBase]) -> click.Group:
    """The `kb` click group; `get_kb` builds the knowledge base when a command runs."""

    @click.group("kb")
    def kb() -> None:
        """Manage the documents the bot answers from."""

    @kb.command("sync")
    @click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
    @click.option("--reindex", is_flag=True,
                  help="Drop the index and rebuild it (e.g. after changing the embedding model).")
    @_NO_CROSSLINGUAL
    def sync(directory: Path, reindex: bool, no_crosslingual: bool) -> None:
        """Make the knowledge base mirror DIRECTORY (only changed files are re-embedded)."""
        with _errors(), _progress_bar("indexing files") as progress:
            report = get_kb().sync(directory, progress=progress, reindex=reindex)
        _report(report)
        _fill_cross_lingual(get_kb(), skip=no_crosslingual)

    @kb.command("add")
    @click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
    @click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=None,
                  help="Folder the document ids are relative to (default: the current directory).")
    @_NO_CROSSLINGUAL
    def add(files: tuple[Path, ...], root: Path | None, no_crosslingual: bool) -> None:
        """Add or update FILES."""
        with _errors(), _progress_bar("indexing files") as progress:
            report = get_kb().add(list(files), root=root, progress=progress)
        _report(report)
        _fill_cross_lingual(get_kb(), skip=no_crosslingual)

    @kb.command("remove")
    @click.argument("ids", nargs=-1, required=True)
    def remove(ids: tuple[str, ...]) -> None:
        """Remove documents by id (see `kb list`)."""
        with _errors():
            removed = get_kb().remove(ids)
        click.echo(f"removed {removed} of {len(set(ids))}")
        if removed == 0:
            click.echo("none of these ids is in the knowledge base (see `kb list`)", err=True)
            sys.exit(1)

    @kb.command("list")
    @click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
    def list_documents(as_json: bool) -> None:
        """List the indexed documents."""
        with _errors():
            docs = get_kb().documents()
        if as_json:
            for doc in docs:
                click.echo(json.dumps(asdict(doc)))
            return
        if not docs:
            click.echo("No documents. Add some with `supportbot kb sync DIR`.")
            return
        rows = [("ID", "TITLE", "CHUNKS", "VERSION", "UPDATED")]
        rows += [(d.id, d.title, str(d.chunks), str(d.version), d.updated_at) for d in docs]
        widths = [min(max(len(r[i]) for r in rows), 48) for i in range(len(rows[0]))]
        for row in rows:
            cells = [textwrap.shorten(c, w, placeholder="…") if len(c) > w else c
                     for c, w in zip(row, widths, strict=True)]
            click.echo("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
        click.echo(f"{len(docs)} documents, {sum(d.chunks for d in docs)} chunks")

    @kb.command("search")
    @click.argument("text")
    @click.option("-k", "k", type=click.IntRange(1, 50), default=None, help="How many documents.")
    def search(text: str, k: int | None) -> None:
        """Search like the bot does: documents, scores, best passages, answerable or not."""
        with _errors():
            knowledge_base = get_kb()
            result = knowledge_base.search(text, k=k)
        threshold = knowledge_base.settings.answerable_threshold
        verdict = "yes" if result.answerable else "no"
        click.echo(f"answerable: {verdict} (top score {result.top_score:.2f}, threshold {threshold:.2f})")
        for rank, hit in enumerate(result.hits, start=1):
            where = hit.url or hit.source
            click.echo(f"{rank}. [{hit.score:.2f}] {hit.title} ({hit.document_id}) {where}")
            for passage in hit.passages[:2]:
                label = f"{passage.section}: " if passage.section else ""
                snippet = textwrap.shorten(passage.text, 200, placeholder=" …")
                click.echo(f"     ({passage.score:.2f}) {label}{snippet}")

    return kb
