"""`benchmarks/kb_scale.py --snapshot-only` carries each document's windows into the snapshot it builds,
so the 100,000-document figures include what reading them costs."""
from __future__ import annotations

import numpy as np

from knowledge_base.windows import document_windows, read_windows
from tests.benchmark_scripts import load_benchmark

kb_scale = load_benchmark("kb_scale")


class TopicOnly:
    """A stand-in for the real model under `TopicVectors`: one fixed unit vector per topic text."""

    model_id = "fake:topics"

    def embed_array(self, texts: list[str]) -> np.ndarray:
        rng = [np.random.default_rng(sum(map(ord, t))) for t in texts]
        rows = np.stack([r.normal(size=384) for r in rng]).astype(np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_snapshot_only_windows_are_the_products_cut_with_each_documents_topic() -> None:
    text = "\n\n".join(f"To reset the password in step {i}, open Account settings and select Edit." for i in range(40))
    documents = [("reset.md", 1, "Reset the password", text), ("track.md", 1, "Track a parcel", "Open Orders.")]
    embedder = kb_scale.TopicVectors(TopicOnly())
    windows = kb_scale.CorpusWindows(documents, embedder)
    read = read_windows(windows, {"reset.md": 0, "track.md": 1}, np.array([1, 1]))
    assert read is not None
    counts = np.diff(read.starts).tolist()
    assert counts == [len(document_windows("Reset the password", text)), 1] and counts[0] > 3
    topic = embedder._topics["Reset the password"]
    cosines = read.best([0], topic)
    assert cosines[0] > 0.5  # the document's windows sit around its topic, not a line of its text
