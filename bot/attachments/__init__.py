"""Files in conversations: customers' photos and PDFs to agents, agents' files to customers.

Types are sniffed from the bytes, images are re-encoded without their metadata, PDFs lose their
document info, names are cleaned and redacted; the bytes live in a blob store, never served inline.
"""
