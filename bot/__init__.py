"""The bot: conversations, triage, answering, and the customer API and widget.

Imports `knowledge_base`, never `handoff`: it asks for a person through `bot.handoff_port`.
"""
