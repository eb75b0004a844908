"""`SUPPORTBOT_RETENTION_DAYS`: a daily purge of conversations older than the retention period."""
from __future__ import annotations

import logging
import threading

from bot.privacy.service import PrivacyService

log = logging.getLogger(__name__)
DAY_S = 24 * 3600.0


class RetentionJob:
    """Purges once at start, then every `interval_s`; `start`/`stop`, nothing runs at construction.

    Several instances may run it at once: erasure deletes by id, so a second purge finds nothing.
    """

    def __init__(self, privacy: PrivacyService, *, days: int, interval_s: float = DAY_S) -> None:
        self._privacy = privacy
        self._days = days
        self._interval_s = interval_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def run_once(self) -> int:
        try:
            purged = self._privacy.purge_older_than(self._days)
        except Exception:
            log.exception("retention: purge failed; will try again at the next interval")
            return 0
        if purged:
            log.info("retention: erased %d conversation(s) older than %d days", purged, self._days)
        return purged

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._loop, name="retention", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.run_once()
            self._stop.wait(self._interval_s)
