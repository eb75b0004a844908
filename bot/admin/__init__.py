"""The support team's console at `/admin`: what the bot does, what it misses, and the knowledge base.

Services here are plain classes (no Flask); `api.py` is the thin HTTP edge and `static/` the page.
"""
