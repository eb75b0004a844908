"""The real services this machine offers tests (CI sets both), read once before any test runs.

`tests/conftest.py` removes `DATABASE_URL` and `REDIS_URL` from every test's environment, so only the
fixtures that ask for a service here ever reach it; an app a test builds never does by accident.
"""
from __future__ import annotations

import os

DATABASE_URL = os.environ.get("DATABASE_URL") or None
REDIS_URL = os.environ.get("REDIS_URL") or None
