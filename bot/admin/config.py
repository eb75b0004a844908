"""Settings of the console section (`SUPPORTBOT_ADMIN__*`; the token also as `SUPPORTBOT_ADMIN_TOKEN`)."""
from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, SecretStr


class AdminSettings(BaseModel):
    """Without a token the console and its API do not exist (404)."""

    model_config = ConfigDict(extra="forbid", validate_by_name=True, validate_by_alias=True)

    token: SecretStr | None = Field(default=None, validation_alias="SUPPORTBOT_ADMIN_TOKEN")
    session_hours: float = Field(default=12.0, gt=0, le=24 * 30)
    failed_logins_per_minute: int = Field(default=5, ge=1, le=1000)  # per client address
    # The folder `POST /admin/api/sync` mirrors and uploads are written to; None: uploads go to the
    # index only and the console cannot run a sync.
    documents_dir: Path | None = None
    golden_file: Path | None = None  # golden questions for `POST /admin/api/eval`
    max_upload_bytes: int = Field(default=20 * 1024 * 1024, ge=1024)

    @property
    def enabled(self) -> bool:
        return self.token is not None and bool(self.token.get_secret_value().strip())
