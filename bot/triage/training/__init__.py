"""Building the learned second stage's weights (run by hand; nothing here is imported by the product)."""
