"""Personal data leaving the product: redaction at each exit, export, erasure and retention."""
