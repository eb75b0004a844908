"""Generated help-centre articles for the scale benchmarks: Markdown with front matter, a title, an
introduction and two or three sections of instructions, the way real help centres read.

Titles are "<action> <object>" pairs (`Reset the password of a team account`) drawn from a few
hundred actions and objects, so many articles share a topic as in a real help centre; the sentences
come from templates with products, places and options, so the keyword index has realistic postings.
Deterministic for a seed: the 10,000 articles are the first 10,000 of the 100,000.
"""
from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

ACTIONS = [
    "Reset", "Change", "Update", "Cancel", "Pause", "Renew", "Track", "Return", "Exchange", "Repair",
    "Replace", "Activate", "Deactivate", "Transfer", "Download", "Export", "Import", "Set up", "Connect",
    "Disconnect", "Pair", "Clean", "Descale", "Register", "Verify", "Delete", "Restore", "Share", "Print",
    "Schedule", "Upgrade", "Downgrade", "Refund", "Report", "Find", "Claim", "Apply", "Remove", "Add", "Merge",
]
OBJECTS = [
    "the password", "a team account", "the delivery address", "an order", "a subscription", "the invoice",
    "a gift card", "the warranty", "a parcel", "the coffee grinder", "the espresso machine", "the kettle",
    "the milk frother", "the water filter", "the mobile app", "two-factor authentication", "the billing address",
    "a payment card", "a bank transfer", "the loyalty points", "a promo code", "the email address",
    "notification settings", "a store pickup", "a bulk order", "the VAT number", "a damaged item",
    "a missing item", "the steam wand", "the firmware", "the smart scale", "a recipe", "the user roles",
    "single sign-on", "the API key", "a webhook", "the data export", "the trial", "the student discount",
    "the phone number", "a support ticket", "a complaint", "the customs fee", "the shipping label",
    "a pre-order", "the travel mug", "the cold brew kit", "the capsule holder", "the drip tray", "a voucher",
]
AUDIENCES = [
    "for a business account", "on the website", "in the app", "from abroad", "after a move", "for a gift",
    "on a shared device", "during a sale", "with a guest checkout", "in another currency", "", "", "", "",
]
PLACES = ["Account settings", "Orders", "Billing", "Devices", "Subscriptions", "Security", "Notifications",
          "Help & contact", "Returns centre", "Team settings", "Integrations", "Profile"]
OPTIONS = ["Edit", "Manage", "Request", "Start", "Confirm", "Save changes", "Continue", "Send code",
           "Generate", "Download PDF", "Choose a reason", "Select items"]
COUNTRIES = ["the UK", "Ireland", "Germany", "France", "Spain", "Italy", "the Netherlands", "Canada",
             "the United States", "Australia", "Sweden", "Poland"]
TEMPLATES = [
    "To {verb} {obj}, open {place} and select {option}.",
    "You can {verb} {obj} at any time from {place}; changes apply within {n} minutes.",
    "If {obj} does not appear under {place}, sign out, sign in again and refresh the page.",
    "Orders shipped to {country} may take {n} working days longer, and customs fees are paid on delivery.",
    "We send a confirmation email once {obj} has been updated; check your spam folder if it is missing.",
    "Only the account owner can {verb} {obj}; team members see {option} greyed out.",
    "For safety, unplug the machine and let it cool for {n} minutes before you clean {obj}.",
    "Refunds go back to the original payment method within {n} business days of our approval.",
    "The {option} button stays disabled until every required field under {place} is filled in.",
    "Customers in {country} can also {verb} {obj} by phone during opening hours.",
    "Keep the receipt: a warranty claim for {obj} needs the order number and the date of purchase.",
    "A code expires after {n} minutes; ask for a new one with {option} if it has run out.",
    "Your data stays encrypted at rest, and exports are available for {n} days before they are deleted.",
    "When {obj} shows an error code, write it down and include it when you contact support.",
]


def _sentence(rng: random.Random) -> str:
    return rng.choice(TEMPLATES).format(
        verb=rng.choice(ACTIONS).lower(), obj=rng.choice(OBJECTS), place=rng.choice(PLACES),
        option=rng.choice(OPTIONS), country=rng.choice(COUNTRIES), n=rng.randint(2, 30))


def title_of(rng: random.Random) -> str:
    audience = rng.choice(AUDIENCES)
    return f"{rng.choice(ACTIONS)} {rng.choice(OBJECTS)}{' ' + audience if audience else ''}"


def articles(n_docs: int, *, seed: int = 14) -> Iterator[tuple[str, str, str]]:
    """(relative path, title, Markdown) for `n_docs` articles; the first n of a larger run are the same."""
    for i in range(n_docs):
        rng = random.Random(seed * 1_000_003 + i)
        title = title_of(rng)
        front = f"---\ntitle: {json.dumps(title)}\ntags: [bench]\n---\n"
        parts = [front, " ".join(_sentence(rng) for _ in range(2)) + "\n"]
        for s in range(rng.randint(2, 3)):
            body = " ".join(_sentence(rng) for _ in range(rng.randint(3, 8)))
            parts.append(f"\n## Step {s + 1}: {rng.choice(OPTIONS)} under {rng.choice(PLACES)}\n\n{body}\n")
        yield f"section-{i // 1000:03d}/article-{i:06d}.md", title, "".join(parts)


def write_corpus(root: Path, n_docs: int, *, seed: int = 14) -> Path:
    """Write the articles under `root` (kept if already there: the benchmark reuses a written folder)."""
    for relative, _title, text in articles(n_docs, seed=seed):
        path = root / relative
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return root


def queries(n: int, *, seed: int = 99) -> list[str]:
    """Customer questions about the corpus's topics, phrased the way customers write."""
    rng = random.Random(seed)
    forms = ["how do I {verb} {obj}?", "can i {verb} {obj} {aud}", "{obj} - how to {verb} it",
             "I want to {verb} {obj}, where do I do that?", "why can't I {verb} {obj}"]
    return [rng.choice(forms).format(verb=rng.choice(ACTIONS).lower(), obj=rng.choice(OBJECTS),
                                     aud=rng.choice(AUDIENCES)).strip() for _ in range(n)]
