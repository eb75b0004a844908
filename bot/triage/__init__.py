"""The handoff decision: normalisation, rules per label, evaluation."""
