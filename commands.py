"""The `supportbot` command line (the console script's entry point): thin clients of what `server.py` builds.

It is the only reader of a `.env` file in the working directory.
"""
from __future__ import annotations

import json
import logging
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from pydantic import ValidationError

from bot.config import DatabaseSettings
from handoff.config import SlackSettings
from server import Settings, build_knowledge_base, build_services
from serving import LOG_FORMAT, serve_command

if TYPE_CHECKING:
    from bot.privacy.service import PrivacyService
    from knowledge_base.results import SearchResult
    from knowledge_base.service import DocumentInfo, KnowledgeBase
    from knowledge_base.sync import SyncReport


class _Lazy:
    """Builds settings and services only when a command needs them (fast `--help`)."""

    def __init__(self) -> None:
        self._settings: Settings | None = None
        self._kb: KnowledgeBase | None = None
        self.data_dir: Path | None = None  # --data-dir, over SUPPORTBOT_DATA_DIR

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            # NOTE: the command line alone reads .env. `_env_file` is pydantic-settings' own keyword,
            # which mypy cannot see without pydantic's plugin.
            try:
                if self.data_dir is not None:
                    self._settings = Settings(_env_file=".env", data_dir=self.data_dir)  # type: ignore[call-arg]
                else:
                    self._settings = Settings(_env_file=".env")  # type: ignore[call-arg]
            except ValidationError as exc:  # an operator's typo: the variable and why, not a traceback
                raise click.ClickException(_settings_problems(exc)) from exc
        return self._settings

    def require_data(self) -> None:
        """Commands that only read: a missing knowledge base is an error, not a new empty `./data`."""
        folder = self.settings.data_dir
        if not self.settings.kb.chroma_url and not (folder / "chroma").is_dir():
            raise click.ClickException(
                f"no knowledge base in {folder.resolve()}: pass --data-dir (or set SUPPORTBOT_DATA_DIR), "
                "or create one with `supportbot kb sync DIR`")

    def knowledge_base(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = build_knowledge_base(self.settings)
        return self._kb


def _data_dir_option(state: _Lazy) -> Any:
    """`--data-dir` on every command (and on the group); commands that use it print the folder."""

    def remember(_ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
        if value is not None:
            state.data_dir = value

    return click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), expose_value=False,
                        callback=remember, is_eager=True,
                        help="Folder of the SQLite database and Chroma index (default: SUPPORTBOT_DATA_DIR or ./data).")


def _golden_check(state: _Lazy) -> Any:
    """`kb sync --check`: golden questions through the bot's whole turn, conversations in a throwaway database."""

    def check(golden: Path, kb: KnowledgeBase) -> tuple[list[str], dict[str, str]]:
        from bot.admin.golden import outcome
        from bot.answering.evaluation import evaluate_answers

        with tempfile.TemporaryDirectory(prefix="supportbot-check-") as tmp:
            services = build_services(_throwaway(state.settings, Path(tmp)), knowledge_base=kb)
            try:
                result = outcome(evaluate_answers(golden, bot=services.bot), golden)
            finally:
                services.bot.shutdown(wait=True)
                services.engine.dispose()
        return result.passed, result.failed

    return check


def build_cli() -> click.Group:
    from bot.privacy.cli import make_privacy_group
    from knowledge_base.cli import make_kb_group

    state = _Lazy()
    data_dir = _data_dir_option(state)

    @click.group(help="AI-assisted customer support: answers from your knowledge base, hands off to Slack.")
    @click.option("--log-level", default=None,
                  help="Python logging level (default: WARNING, and INFO for serve).")
    @data_dir
    @click.pass_context
    def cli(ctx: click.Context, log_level: str | None) -> None:
        default = "INFO" if ctx.invoked_subcommand == "serve" else "WARNING"
        logging.basicConfig(level=(log_level or default).upper(), format=LOG_FORMAT)
        if log_level is None:
            logging.getLogger("alembic").setLevel(logging.WARNING)  # "Context impl SQLiteImpl." is not news

    kb = make_kb_group(state.knowledge_base, options=[data_dir], before_read=state.require_data,
                       check=_golden_check(state))
    cli.add_command(kb, name="kb")
    cli.add_command(data_dir(serve_command(lambda: state.settings)))
    cli.add_command(_eval_group(state, data_dir))
    cli.add_command(_handoffs_command(state, data_dir))
    cli.add_command(data_dir(make_privacy_group(lambda: _privacy(state))), name="privacy")
    return cli


def _privacy(state: _Lazy) -> tuple[PrivacyService, Callable[[], None]]:
    """The privacy service over every table, Slack writes included (no background workers run)."""
    services = build_services(state.settings, knowledge_base=_NoSearch())
    assert services.privacy is not None
    return services.privacy, services.close


def _eval_group(state: _Lazy, data_dir: Any) -> click.Group:
    @click.group("eval", help="Measure retrieval, triage and answers; the last line printed is one JSON object.")
    def group() -> None:
        pass

    @group.command("retrieval", help="Index a corpus into a throwaway knowledge base and score queries against it.")
    @click.option("--corpus", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
                  help='JSONL, one document a line: {"id", "title", "text"}.')
    @click.option("--queries", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
                  help='JSONL: {"id", "text", "relevant": [document ids]}; [] = the corpus cannot answer it.')
    @data_dir
    def retrieval(corpus: Path, queries: Path) -> None:
        from knowledge_base.evaluation import evaluate_retrieval

        _print_json(evaluate_retrieval(corpus, queries, settings=state.settings.kb))

    @group.command("triage", help="Run the handoff triage on labelled messages; per-label precision and recall.")
    @click.option("--input", "input_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
                  help='JSONL: {"id", "text", "expected"}; expected is customer_request, security, '
                       'billing_dispute, complaint, legal, self_harm or none.')
    @click.option("--rules-only", is_flag=True, help="Leave out the learned second stage.")
    @data_dir
    def triage(input_path: Path, rules_only: bool) -> None:
        from bot.policy import load_policy
        from bot.triage.evaluation import evaluate_triage
        from bot.triage.setup import offline_triage

        rows = [json.loads(line) for line in input_path.read_text(encoding="utf-8").splitlines() if line.strip()]
        policy = load_policy(state.settings.bot.policy_file)
        try:
            _print_json(evaluate_triage(rows, offline_triage(policy, learned=not rules_only)))
        except ValueError as error:
            raise click.ClickException(f"{input_path}: {error}") from error

    @group.command("answers", help=(
        "Ask golden questions through the bot's whole turn and score what customers see. GOLDEN rows: "
        '{"id", "question", "must_cite": [document ids; [] = the bot must decline], "must_say": [facts], "lang"}. '
        'CONVERSATIONS rows: {"id", "kind": "follow_up"|"topic_shift", "turns": [question rows]}.'))
    @click.option("--golden", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
                  help="Golden questions, JSONL (rows as above).")
    @click.option("--conversations", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                  help="Multi-turn cases, each asked in one conversation.")
    @click.option("--kb", "kb_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
                  help="Index this folder into a throwaway knowledge base first (default: the configured one).")
    @click.option("--min-pass", type=click.FloatRange(0, 1), default=None,
                  help="Exit 1 when the share of golden questions passing every check is below this (e.g. 0.9).")
    @data_dir
    def answers(golden: Path, conversations: Path | None, kb_dir: Path | None, min_pass: float | None) -> None:
        from bot.answering.evaluation import evaluate_answers

        with tempfile.TemporaryDirectory(prefix="supportbot-eval-") as tmp:
            throwaway = _throwaway(state.settings, Path(tmp))
            if kb_dir is None:
                state.require_data()
                kb = state.knowledge_base()
            else:
                kb = build_knowledge_base(throwaway)
                click.echo(f"indexed {kb_dir}: {kb.sync(kb_dir).summary()}", err=True)
                kb.fill_cross_lingual()  # as `kb sync` does: questions in other languages need them
            services = build_services(throwaway, knowledge_base=kb)
            try:
                report = evaluate_answers(golden, bot=services.bot, conversations=conversations)
            finally:
                services.close()
        _print_json(report)
        _exit_below(report, min_pass)

    return group


def _throwaway(settings: Settings, data_dir: Path) -> Settings:
    """`settings` with conversations (and any index built) in `data_dir`: no Postgres, Redis, Slack or Chroma server."""
    return settings.model_copy(update={
        "data_dir": data_dir, "db": DatabaseSettings(), "slack": SlackSettings(),
        "kb": settings.kb.model_copy(update={"data_dir": data_dir, "chroma_url": None}),
    })


def _handoffs_command(state: _Lazy, data_dir: Any) -> click.Command:
    @click.command("handoffs", help="List conversations waiting for a person.")
    @click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
    @data_dir
    def handoffs(as_json: bool) -> None:
        click.echo(f"data: {state.settings.data_dir.resolve()}", err=True)
        services = build_services(state.settings, knowledge_base=_NoSearch())
        try:
            waiting = services.bot.waiting()
            for conversation in waiting:
                row = {
                    "id": conversation.id, "reason": conversation.handoff_reason,
                    "since": conversation.updated_at.isoformat(), "name": conversation.customer_name,
                    "email": conversation.customer_email, "page": conversation.page_url,
                }
                click.echo(json.dumps(row) if as_json else "  ".join(f"{k}={v}" for k, v in row.items() if v))
            if not as_json:
                click.echo(f"{len(waiting)} conversation(s) waiting for a person")
        finally:
            services.close()

    return handoffs


class _NoSearch:
    """`supportbot handoffs` reads the database only; it must not open the index."""

    def search(self, query: str, *, k: int | None = None) -> SearchResult:
        raise RuntimeError("not available in this command")

    def documents(self) -> list[DocumentInfo]:
        return []

    def sync(self, directory: Path) -> SyncReport:
        raise RuntimeError("not available in this command")

    def document_chunks(self, document_id: str, version: int | None = None, *, limit: int = 200) -> list[Any]:
        return []

    def document(self, document_id: str) -> DocumentInfo | None:
        return None


def _exit_below(report: dict[str, Any], min_pass: float | None) -> None:
    """`eval answers --min-pass`: exit 1 (after the JSON line) when too few golden questions pass."""
    from bot.admin.golden import below

    if min_pass is not None and below(report, min_pass):
        click.echo(f"fewer than {min_pass:.0%} of the golden questions pass every check", err=True)
        sys.exit(1)


def _settings_problems(exc: ValidationError) -> str:
    """Each refused setting as the environment variable that sets it and pydantic's reason."""
    lines = [f"SUPPORTBOT_{'__'.join(str(part) for part in error['loc']).upper()}: {error['msg']}"
             for error in exc.errors()]
    return "invalid settings:\n  " + "\n  ".join(lines)


def _print_json(result: dict[str, Any]) -> None:
    click.echo(json.dumps(result, sort_keys=True))
    sys.stdout.flush()


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the `supportbot` console script (`python -m commands` works too)."""
    from bot.answering.learned_answerability import ModelUnavailable
    from bot.errors import PolicyInvalid
    from knowledge_base.errors import KnowledgeBaseError
    from server import StartupError

    try:
        build_cli().main(args=argv, prog_name="supportbot")
    except (StartupError, PolicyInvalid, ModelUnavailable, KnowledgeBaseError) as exc:  # names the file; no traceback
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
