"""Turns cut off with their instance (crash, OOM kill, deploy): leases on them, and the sweeper that takes them over."""
