"""The knowledge base: documents -> chunks -> embeddings -> Chroma, and search over them.

Imports nothing from `bot` or `handoff`.
"""
