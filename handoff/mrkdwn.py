"""Slack message text -> what the customer sees: mentions named, links readable, entities decoded."""
from __future__ import annotations

import re
from collections.abc import Callable

_TOKEN = re.compile(r"<([^<>]+)>")


def to_plain(text: str, name_of: Callable[[str], str | None]) -> str:
    """`<@U1>` -> `@Ana`, `<https://x|label>` -> `label (https://x)`, `<!here>` dropped, `&lt;` -> `<`."""

    def replace(match: re.Match[str]) -> str:
        inner = match.group(1)
        target, _, label = inner.partition("|")
        if target.startswith("@"):
            return "@" + (label or name_of(target[1:]) or "someone")
        if target.startswith("#"):
            return "#" + (label or "channel")
        if target.startswith("!"):
            return label if label else ""
        address = target.removeprefix("mailto:")
        if label and label not in (target, address):
            return f"{label} ({address})"
        return address

    plain = _TOKEN.sub(replace, text)
    return plain.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip()
