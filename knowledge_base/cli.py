"""`supportbot kb ...`: sync, add, remove, list and search the knowledge base from a terminal."""
from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any, Protocol

import click

from knowledge_base.errors import KnowledgeBaseError
from knowledge_base.service import KnowledgeBase
from knowledge_base.sync import SyncReport

# golden file, knowledge base -> (ids that passed, {failed id: reason})
GoldenCheck = Callable[[Path, KnowledgeBase], tuple[list[str], dict[str, str]]]


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
    """A `progress(done, total)` callback on stderr: click's bar on a terminal, else a plain line about
    every tenth of the way (logs and CI show that a long sync is moving)."""
    with ExitStack() as stack:
        bar: _Bar | None = None
        next_line = 0

        def report(done: int, total: int) -> None:
            nonlocal bar, next_line
            if not sys.stderr.isatty():
                if done >= next_line or done == total:
                    click.echo(f"{label}: {done}/{total}", err=True)
                    next_line = done + max(1, total // 10)
                return
            if bar is None:
                bar = stack.enter_context(click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True))
            bar.update(done - bar.pos)

        yield report


def _report(report: SyncReport) -> bool:
    """The summary, then what changed by name; True when any file failed (the rest was still indexed)."""
    click.echo(report.summary())
    for label, names in (("added", report.added_names), ("updated", report.updated_names),
                         ("removed", report.removed_names)):
        for name in names:
            click.echo(f"  {label}: {name}")
    for name, reason in report.failed:
        click.echo(f"  failed: {name}: {reason}")
    for name, warning in report.warned:
        click.echo(f"  warning: {name}: {warning} (indexed)")
    if report.failed:
        click.echo(f"{len(report.failed)} file(s) could not be indexed (listed above); the others were.", err=True)
    return bool(report.failed)


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


def _prepare_search(kb: KnowledgeBase) -> None:
    """Build and save the search snapshot now, so servers starting on this index map it instead of
    each reading every chunk (a minute at 100,000 documents)."""
    with _errors():
        kb.warm_up()


def _where(kb: KnowledgeBase) -> None:
    """Say which knowledge base a command works on (stderr, so stdout stays parseable)."""
    where = kb.settings.chroma_url or kb.settings.data_dir.resolve()
    click.echo(f"knowledge base: {where}", err=True)


def make_kb_group(get_kb: Callable[[], KnowledgeBase], *, options: Sequence[Callable[[Any], Any]] = (),
                  before_read: Callable[[], None] | None = None, check: GoldenCheck | None = None) -> click.Group:
    """The `kb` click group; `get_kb` builds the knowledge base when a command runs.

    Args:
        options: click options added to every command (the CLI adds `--data-dir`).
        before_read: called before commands that only read (list, search, remove), so a missing
            knowledge base is an error instead of a new empty one.
        check: runs golden questions against a knowledge base (`kb sync --check`): returns the ids
            that passed and the failed ids with their reasons.
    """

    def command(name: str) -> Callable[[Callable[..., Any]], click.Command]:
        def wrap(function: Callable[..., Any]) -> click.Command:
            for option in reversed(options):
                function = option(function)
            return kb.command(name)(function)

        return wrap

    def read_kb() -> KnowledgeBase:
        if before_read is not None:
            before_read()
        knowledge_base = get_kb()
        _where(knowledge_base)
        return knowledge_base

    @click.group("kb")
    def kb() -> None:
        """Manage the documents the bot answers from (Markdown, HTML, PDF, text, Word)."""

    @command("sync")
    @click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
    @click.option("--reindex", is_flag=True,
                  help="Drop the index and rebuild it (e.g. after changing the embedding model).")
    @click.option("--check", "golden", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                  help="Golden questions (JSONL, as for `eval answers`) asked before and after the sync; "
                       "exit 1 when one that passed before fails after.", hidden=check is None)
    @_NO_CROSSLINGUAL
    def sync(directory: Path, reindex: bool, golden: Path | None, no_crosslingual: bool) -> None:
        """Make the knowledge base mirror DIRECTORY: only changed files are re-embedded, deleted
        files disappear, `.kbignore` and hidden files are skipped. Exit 1 when a file failed."""
        with _errors():
            knowledge_base = get_kb()
            _where(knowledge_base)
            before = _golden(check, golden, knowledge_base) if golden and knowledge_base.documents() else None
            with _progress_bar("indexing files") as progress:
                report = knowledge_base.sync(directory, progress=progress, reindex=reindex)
        failed = _report(report)
        _fill_cross_lingual(knowledge_base, skip=no_crosslingual)
        _prepare_search(knowledge_base)
        broke: list[str] = []
        if golden is not None:
            passed, failures = _golden(check, golden, knowledge_base)
            broke = sorted(set(before[0]) & set(failures)) if before else []
            click.echo(f"golden questions: {len(passed)} of {len(passed) + len(failures)} pass")
            for question_id in broke:
                click.echo(f"  now failing: {question_id}: {failures[question_id]}")
            if broke:
                click.echo(f"{len(broke)} golden question(s) passed before this sync and fail now.", err=True)
        if failed or broke:
            sys.exit(1)

    @command("add")
    @click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
    @click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=None,
                  help="Folder the document ids are relative to (default: the current directory).")
    @_NO_CROSSLINGUAL
    def add(files: tuple[Path, ...], root: Path | None, no_crosslingual: bool) -> None:
        """Add or update FILES (ids are their paths relative to --root). Exit 1 when a file failed."""
        with _errors():
            knowledge_base = get_kb()
            _where(knowledge_base)
            with _progress_bar("indexing files") as progress:
                report = knowledge_base.add(list(files), root=root, progress=progress)
        failed = _report(report)
        _fill_cross_lingual(knowledge_base, skip=no_crosslingual)
        _prepare_search(knowledge_base)
        if failed:
            sys.exit(1)

    @command("remove")
    @click.argument("ids", nargs=-1, required=True)
    def remove(ids: tuple[str, ...]) -> None:
        """Remove documents by id (see `kb list`). Exit 1 when none of them was there."""
        with _errors():
            removed = read_kb().remove(ids)
        click.echo(f"removed {removed} of {len(set(ids))}")
        if removed == 0:
            click.echo("none of these ids is in the knowledge base (see `kb list`)", err=True)
            sys.exit(1)

    @command("list")
    @click.option("--json", "as_json", is_flag=True, help="One JSON object per line instead of a table.")
    def list_documents(as_json: bool) -> None:
        """List the indexed documents: id, title, chunks, version, last update."""
        with _errors():
            docs = read_kb().documents()
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
        for doc in docs:
            for warning in doc.warnings:
                click.echo(f"warning: {doc.source}: {warning}")

    @command("search")
    @click.argument("text")
    @click.option("-k", "k", type=click.IntRange(1, 50), default=None,
                  help="How many documents (default: the configured top_k).")
    def search(text: str, k: int | None) -> None:
        """Search TEXT like the bot does: documents, scores, best passages, answerable or not."""
        with _errors():
            knowledge_base = read_kb()
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


def _golden(check: GoldenCheck | None, golden: Path, knowledge_base: KnowledgeBase) -> tuple[list[str], dict[str, str]]:
    assert check is not None, "--check is only offered when a checker is given"
    return check(golden, knowledge_base)
