"""`supportbot privacy export|erase --email X | --conversation ID`: a customer's data, out or gone."""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

import click

from bot.errors import BotError
from bot.privacy.service import PrivacyService, Subject

_email = click.option("--email", default=None, help="Every conversation that gave this email address.")
_conversation = click.option("--conversation", "conversation_id", default=None, help="One conversation id.")


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except BotError as exc:
        raise click.ClickException(str(exc)) from exc


def make_privacy_group(get_privacy: Callable[[], tuple[PrivacyService, Callable[[], None]]]) -> click.Group:
    """The `privacy` click group; `get_privacy` builds the service and a closer when a command runs."""

    @click.group("privacy")
    def privacy() -> None:
        """Export or erase everything held about a customer."""

    @privacy.command("export")
    @_email
    @_conversation
    @click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
                  help="Write the JSON here (default: standard output).")
    def export(email: str | None, conversation_id: str | None, output: Path | None) -> None:
        """Write everything held about the customer as one JSON document."""
        with _errors():
            subject = Subject(email=email, conversation_id=conversation_id)
            service, close = get_privacy()
            try:
                data = service.export(subject)
            finally:
                close()
        text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
        if output is None:
            click.echo(text)
        else:
            output.write_text(text + "\n", encoding="utf-8")
        click.echo(f"{len(data['conversations'])} conversation(s) exported", err=True)
        if not data["conversations"]:
            sys.exit(1)

    @privacy.command("erase")
    @_email
    @_conversation
    @click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
    def erase(email: str | None, conversation_id: str | None, yes: bool) -> None:
        """Remove the customer's conversations everywhere (database, pending Slack writes, Slack posts)."""
        with _errors():
            subject = Subject(email=email, conversation_id=conversation_id)
            service, close = get_privacy()
            try:
                ids = service.conversation_ids(subject)
                if not ids:
                    click.echo("nothing held about this customer", err=True)
                    sys.exit(1)
                if not yes:
                    click.confirm(f"Erase {len(ids)} conversation(s)? This cannot be undone.", abort=True)
                done = service.erase_conversations(ids)
            finally:
                close()
        click.echo(json.dumps(asdict(done), sort_keys=True))

    return privacy
