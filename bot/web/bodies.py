"""The customer API's request bodies: pydantic models that validate them and, in `openapi.py`, document them.

Each class docstring and field description becomes the schema's `description` in `/api/openapi.json`,
so what the API accepts and what it promises cannot drift apart.
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt

_EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
_LOCALE = r"^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$"
MAX_ID = 2**31 - 1  # ids are INTEGER columns (32-bit on Postgres); a bigger number is a 400, not an overflow


class _Body(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class StartConversation(_Body):
    """Optional details about the customer; the body itself may be left out."""

    name: str | None = Field(default=None, max_length=200)
    email: str | None = Field(default=None, max_length=254, pattern=_EMAIL)
    page_url: str | None = Field(default=None, max_length=2000, description="The page the widget was opened on.")
    locale: str | None = Field(default=None, max_length=35, pattern=_LOCALE, examples=["en", "de-AT"])


class PostMessage(_Body):
    """A customer message."""

    text: str = Field(description="Surrounding blanks are dropped; an empty text gets 400 `empty_message`, "
                                  "one longer than the configured maximum 413 `message_too_long`.")


class ProvideEmail(_Body):
    """An address a person can follow up on."""

    email: str = Field(max_length=254, pattern=_EMAIL)


class Rating(_Body):
    """How the customer rates the conversation (CSAT)."""

    rating: StrictInt = Field(ge=1, le=5)
    comment: str | None = Field(default=None, max_length=2000)


class Feedback(_Body):
    """Whether one bot answer helped."""

    helpful: StrictBool
    comment: str | None = Field(default=None, max_length=2000)


class Identify(_Body):
    """Who the customer is: the host site's signed identity (README), and hints it did not sign."""

    identity: str | None = Field(default=None, max_length=4096,
                                 description="`<payload>.<signature>`, HMAC-SHA256 under the site's shared secret.")
    name: str | None = Field(default=None, max_length=200, description="Unverified.")
    email: str | None = Field(default=None, max_length=254, pattern=_EMAIL, description="Unverified.")


class Seen(_Body):
    """The widget showed the messages up to this id (replies seen are not emailed)."""

    through: StrictInt = Field(ge=0, le=MAX_ID)


class Resume(_Body):
    """The signed token from a follow-up email's link (`#sb-resume=...`)."""

    link: str = Field(min_length=1, max_length=300)


#: Every request body, in the order the document lists them.
REQUEST_BODIES: tuple[type[BaseModel], ...] = (
    StartConversation, PostMessage, ProvideEmail, Rating, Feedback, Identify, Seen, Resume,
)
