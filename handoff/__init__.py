"""The human side: handoff states and timers, the Slack app and its outbox. Imports `bot`."""
