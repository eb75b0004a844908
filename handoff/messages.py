"""Texts agents read in Slack (the customer's texts come from the policy file: `agent_joined`, ...)."""
from __future__ import annotations

REASONS = {
    "customer_request": "Asked for a person",
    "no_answer": "The bot could not answer",
    "bot_error": "The bot failed to answer",
    "complaint": "Complaint",
    "sensitive:security": "Sensitive: account security",
    "sensitive:billing_dispute": "Sensitive: billing dispute",
    "sensitive:legal": "Sensitive: legal",
    "sensitive:self_harm": "Sensitive: the customer may be in distress, handle with care",
}

STATUS = {
    "pending": ":hourglass_flowing_sand: Waiting for an agent",
    "agent": ":speech_balloon: Claimed by <@{agent}>",
    "resolved": ":white_check_mark: Resolved",
    "bot": ":robot_face: Back with the bot",
}

CARD_TITLE = "A customer needs a person"
CARD_FALLBACK = "Customer needs a person: {reason}"
WHY = "*Why:* {why}"  # the triage rule or model that decided, and the words it read
NO_SUMMARY = "_No summary: the transcript is in the thread._"
HOW_TO_REPLY = "Reply in this thread to answer the customer. Start a reply with `{prefix}` for a note only agents see."
SOURCES_TRIED = "Sources the bot tried: {sources}"
NO_SOURCES = "The bot tried no help-center sources."
TRANSCRIPT_HEADER = "*Conversation so far*"
ROLE_LABELS = {"customer": "Customer", "bot": "Bot", "agent": "Agent", "system": "System"}

CLAIMED_NOTE = "<@{agent}> claimed this conversation."
RESOLVED_NOTE = "<@{agent}> resolved this conversation."
RETURNED_NOTE = "<@{agent}> returned this conversation to the bot."
AUTO_CLAIMED = "You replied while the conversation was waiting, so it is now yours."
ALREADY_CLAIMED = "Already claimed by <@{owner}>."
ALREADY_YOURS = "This conversation is already yours."
NOT_WAITING = "This conversation is no longer waiting ({status})."
NOT_DELIVERED = "Not sent to the customer: the conversation is {state}. Use `/support claim {id}` to take it over."
REMINDER = "<!here> This customer has waited {minutes} min. Press *Claim* on the card to help."
REMINDER_QUIET = "This customer has waited {minutes} min. Press *Claim* on the card to help."
EMAIL_OFFERED = "Nobody claimed this in time (or we are closed): the customer was told and asked for an email."
IDLE_RESOLVED = "Resolved automatically after {minutes} min without activity."
WAITING_AGAIN = ":bell: The customer needs a person again ({reason})."
CUSTOMER_CLOSED = "The customer closed the conversation."

ORPHAN_REPLY = ("Not sent to the customer: this thread is not linked to a conversation (the card was posted twice). "
                "Use `/support list` to find the conversation and reply under its current card.")
COMMAND_WRONG_CHANNEL = "`/support` works only in the support channel (<#{channel}>)."
COMMAND_NOT_A_MEMBER = "`/support` is for the support team only."
COMMAND_TRY_LATER = "Cannot check who is on the support team right now; please try again in a minute."
COMMAND_USAGE = "Usage: `/support list` shows waiting conversations; `/support claim <id>` takes one."
COMMAND_NOTHING_WAITING = "No conversation is waiting for a person."
COMMAND_WAITING_LINE = "• `{id}`: {customer}, {reason}, waiting {minutes} min"
COMMAND_CLAIMED = "You claimed `{id}`. Reply in its thread to answer the customer."
COMMAND_UNKNOWN = "No conversation `{id}`."

# -- ownership (issue 16) -------------------------------------------------------------------------
REASONS["released"] = "Released by an agent"
TAKE_OVER_PROMPT = "<@{owner}> owns this conversation, so your reply was not sent to the customer. Take over?"
TAKE_OVER_PROMPT_ACTION = "<@{owner}> owns this conversation. Take over first?"
TAKE_OVER_SEND = "Take over and send"
TAKE_OVER = "Take over"
TOOK_OVER_NOTE = "<@{agent}> took over from <@{owner}>."
RELEASED_NOTE = "<@{agent}> released this conversation; it is waiting for an agent again."
ONLY_OWNER_RELEASES = "Only <@{owner}>, who owns this conversation, can release it."
TAKE_OVER_GONE = "That reply was already sent or the conversation moved on; nothing was sent."
# -- identity, files, CSAT ------------------------------------------------------------------------
VERIFIED = ":white_check_mark:"
UNVERIFIED = "_(unverified)_"
EARLIER = "Earlier conversations"
RATING = "Customer rating"
EMAIL_NOT_SENT = ("The follow-up email to the customer could not be sent ({reason}); they have not seen your "
                  "reply. Check the address on the card, or wait for them to come back to the chat.")
FILE_NOT_DOWNLOADED = "it could not be downloaded from Slack; share it again, or as a new upload"
FILE_NOT_SENT = ("Not sent to the customer: {name} ({reason}). Photos (JPEG, PNG, GIF, WebP) and PDFs within the "
                 "size limit reach customers.")
CUSTOMER_FILE = "*Customer* sent a file: {name}"
