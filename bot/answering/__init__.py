"""Retrieval for a turn and grounded answers (LLM or extractive), with their evaluation."""
