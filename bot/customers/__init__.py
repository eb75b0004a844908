"""Who the customer is (a signed identity from the host site, or unverified claims), links that reopen a
conversation, and what the widget has already shown them."""
