"""The `supportbot` command line: thin clients of the services that `server.py` builds."""
from __future__ import annotations

import json
import logging
import sys
import tempfile
from pathlib import Path
from typing import Any

import click

from server import Settings, build_knowledge_base, build_services


class _Lazy:
    """Builds settings and services only when a command needs them (fast `--help`)."""

    def __init__(self) -> None:
        self._settings: Settings | None = None
        self._kb: Any = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = Settings()
        return self._settings

    def knowledge_base(self) -> Any:
        if self._kb is None:
            self._kb = build_knowledge_base(self.settings)
        return self._kb


def build_cli() -> click.Group:
    from knowledge_base.cli import make_kb_group

    state = _Lazy()

    @click.group(help="AI-assisted customer support: answers from your knowledge base, hands off to Slack.")
    @click.option("--log-level", default="INFO", show_default=True, help="Python logging level.")
    def cli(log_level: str) -> None:
        logging.basicConfig(level=log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    cli.add_command(make_kb_group(state.knowledge_base), name="kb")
    cli.add_command(_serve_command())
    cli.add_command(_eval_group(state))
    cli.add_command(_handoffs_command(state))
    return cli


def _serve_command() -> click.Command:
    @click.command("serve", help="Run the server (gunicorn, threaded) with settings from the environment.")
    @click.option("--host", default="127.0.0.1", show_default=True)
    @click.option("--port", default=8000, show_default=True, type=int)
    @click.option("--workers", default=1, show_default=True, type=int, help="Processes; >1 needs REDIS_URL.")
    @click.option("--threads", default=128, show_default=True, type=int, help="Threads per process (each open chat's event stream holds one).")
    def serve(host: str, port: int, workers: int, threads: int) -> None:
        from server import run_gunicorn

        settings = Settings()
        if workers > 1 and not settings.redis_url:
            raise click.ClickException("--workers > 1 needs REDIS_URL so every process sees every event")
        if settings.index_examples_on_start:
            _index_examples_in_child()
        run_gunicorn(host=host, port=port, workers=workers, threads=threads)

    return serve


def _index_examples_in_child() -> None:
    """First start: index the bundled examples in a short-lived process, before gunicorn forks.

    Indexing inside a worker would hold the embedder's peak memory for the worker's lifetime and
    could outlast gunicorn's worker boot timeout.
    """
    import multiprocessing

    process = multiprocessing.get_context("spawn").Process(target=_index_examples, name="index-examples")
    process.start()
    process.join()
    if process.exitcode:
        raise click.ClickException("indexing the example knowledge base failed; see the log above")


def _index_examples() -> None:
    from knowledge_base.errors import KnowledgeBaseError
    from server import index_examples_if_empty

    logging.basicConfig(level="INFO", format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = Settings()
    try:
        kb = build_knowledge_base(settings)
        try:
            index_examples_if_empty(kb, settings.examples_dir)
        finally:
            kb.close()
    except KnowledgeBaseError as exc:  # what and why, for the operator; no traceback
        logging.getLogger("supportbot").error("%s", exc)
        sys.exit(1)


def _eval_group(state: _Lazy) -> click.Group:
    @click.group("eval", help="Measure retrieval, triage and answers; the last line printed is one JSON object.")
    def group() -> None:
        pass

    @group.command("retrieval")
    @click.option("--corpus", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option("--queries", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
    def retrieval(corpus: Path, queries: Path) -> None:
        from knowledge_base.evaluation import evaluate_retrieval

        _print_json(evaluate_retrieval(corpus, queries, settings=state.settings.kb_settings()))

    @group.command("triage")
    @click.option("--input", "input_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
    def triage(input_path: Path) -> None:
        from bot.policy import load_policy
        from bot.triage.decision import Triage
        from bot.triage.evaluation import evaluate_triage

        rows = [json.loads(line) for line in input_path.read_text(encoding="utf-8").splitlines() if line.strip()]
        _print_json(evaluate_triage(rows, Triage(load_policy(state.settings.bot.policy_file))))

    @group.command("answers", help=(
        "Ask golden questions through the bot's whole turn and score what customers see. GOLDEN rows: "
        '{"id", "question", "must_cite": [document ids; [] = the bot must decline], "must_say": [facts], "lang"}. '
        'CONVERSATIONS rows: {"id", "kind": "follow_up"|"topic_shift", "turns": [question rows]}.'))
    @click.option("--golden", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option("--conversations", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                  help="Multi-turn cases, each asked in one conversation.")
    @click.option("--kb", "kb_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
                  help="Index this folder into a throwaway knowledge base first (default: the configured one).")
    def answers(golden: Path, conversations: Path | None, kb_dir: Path | None) -> None:
        from bot.answering.evaluation import evaluate_answers

        with tempfile.TemporaryDirectory(prefix="supportbot-eval-") as tmp:
            # Conversations go to a throwaway database, never the real one; no Slack, no Redis.
            throwaway = state.settings.model_copy(update={
                "data_dir": Path(tmp), "database_url": None, "redis_url": None,
                "slack_bot_token": None, "slack_signing_secret": None, "slack_app_token": None,
            })
            kb = None
            if kb_dir is None:
                kb = state.knowledge_base()
            else:
                throwaway = throwaway.model_copy(update={"chroma_url": None})
                kb = build_knowledge_base(throwaway)
                click.echo(f"indexed {kb_dir}: {kb.sync(kb_dir).summary()}", err=True)
            services = build_services(throwaway, knowledge_base=kb)
            try:
                _print_json(evaluate_answers(golden, bot=services.bot, conversations=conversations))
            finally:
                services.close()

    return group


def _handoffs_command(state: _Lazy) -> click.Command:
    @click.command("handoffs", help="List conversations waiting for a person.")
    @click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
    def handoffs(as_json: bool) -> None:
        services = build_services(state.settings, knowledge_base=_NoSearch())
        try:
            waiting = services.bot.waiting()
            for conversation in waiting:
                row = {
                    "id": conversation.id, "reason": conversation.handoff_reason, "since": conversation.updated_at.isoformat(),
                    "name": conversation.customer_name, "email": conversation.customer_email, "page": conversation.page_url,
                }
                click.echo(json.dumps(row) if as_json else "  ".join(f"{k}={v}" for k, v in row.items() if v))
            if not as_json:
                click.echo(f"{len(waiting)} conversation(s) waiting for a person")
        finally:
            services.close()

    return handoffs


class _NoSearch:
    """`supportbot handoffs` reads the database only; it must not open the index."""

    def search(self, query: str, *, k: int | None = None) -> Any:
        raise RuntimeError("not available in this command")

    def documents(self) -> list[Any]:
        return []


def _print_json(result: dict[str, Any]) -> None:
    click.echo(json.dumps(result, sort_keys=True))
    sys.stdout.flush()
