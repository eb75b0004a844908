"""Conversation records, their tables, the store and the events that feed streams."""
