"""Dense search over a big knowledge base's chunk vectors without Chroma's graph in memory.

Embedded Chroma answers a nearest-neighbour query from an HNSW graph it loads whole into the
process: ~1.7 KB a chunk, 550 MB at 330,000 chunks (100,000 documents), in every worker. This is an
inverted file instead, saved with the search snapshot and memory-mapped: the vectors are grouped
around `lists` centroids (k-means on a sample), stored as int8 codes in that order, and a query
scores the centroids, then the codes of the `probes` nearest lists, then the float32 vectors of the
best few, exactly. The pages a query touches are the OS's page cache, shared by every worker.
(float16 codes were tried: numpy converts them to float32 ten times slower than int8.)

Like HNSW it is approximate: a chunk whose list is not probed is missed (recall against exact search
is printed by `benchmarks/kb_scale.py`). Bases up to `search.IN_MEMORY_BELOW` chunks never use it:
their vectors are scored exactly, in memory. The titles of bases above `search.TITLES_EXACT_BELOW`
documents get one too (its exact rows are the saved title vectors, read by rows).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

PROBES = 24  # lists scored per query
TRAIN_SAMPLE = 20_000  # vectors k-means is fitted on
ITERATIONS = 8


@dataclass(frozen=True)
class CoarseIndex:
    """Chunk vectors grouped by nearest centroid (arrays may be memory-mapped)."""

    centroids: np.ndarray  # (lists, dim) float32 unit rows
    offsets: np.ndarray  # (lists + 1,) int64: list l holds positions offsets[l]:offsets[l + 1]
    members: np.ndarray  # (chunks,) int32 snapshot chunk row of each position
    codes: np.ndarray  # (chunks, dim) int8 vectors in position order, row i ~ codes[i] * scales[i]
    scales: np.ndarray  # (chunks,) float32
    exact: np.ndarray  # (chunks, dim) float32 unit rows in snapshot row order: only candidates are read

    def nearest(self, query: np.ndarray, k: int, *, probes: int = PROBES) -> list[tuple[int, float]]:
        """The `k` best (chunk row, cosine) among the members of the `probes` lists nearest `query`.

        The lists' int8 codes pick 2k candidates (an eighth of float32's bytes to read: a query
        reads ~5% of them); the candidates' float32 rows give the exact cosines returned.
        """
        lists = len(self.centroids)
        if lists == 0 or k <= 0:
            return []
        near = np.einsum("ij,j->i", self.centroids, query)
        probes = min(probes, lists)
        chosen = np.sort(np.argpartition(-near, probes - 1)[:probes] if probes < lists else np.arange(lists))
        spans = [(int(self.offsets[c]), int(self.offsets[c + 1])) for c in chosen]
        spans = [(a, b) for a, b in spans if b > a]
        if not spans:
            return []
        approx = np.concatenate([np.einsum("ij,j->i", self.codes[a:b], query) * self.scales[a:b] for a, b in spans])
        positions = np.concatenate([np.arange(a, b) for a, b in spans])
        wanted = min(2 * k, approx.size)
        picked = np.argpartition(-approx, wanted - 1)[:wanted] if wanted < approx.size else np.arange(approx.size)
        rows = np.sort(self.members[positions[picked]])
        sims = np.einsum("ij,j->i", self.exact[rows], query)
        order = np.argsort(-sims, kind="stable")[:k]
        return [(int(rows[i]), float(sims[i])) for i in order]

    def arrays(self) -> dict[str, np.ndarray]:
        return {"centroids": self.centroids, "offsets": self.offsets, "members": self.members, "codes": self.codes,
                "scales": self.scales, "exact": self.exact}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> CoarseIndex:
        return cls(**{name: arrays[name] for name in ("centroids", "offsets", "members", "codes", "scales", "exact")})


def build_coarse_index(vectors: np.ndarray, *, lists: int | None = None, seed: int = 0) -> CoarseIndex:
    """Group unit-row `vectors` (float32, snapshot row order) around ~sqrt(n) centroids (spherical k-means)."""
    n, _dim = vectors.shape
    lists = max(1, min(n, lists if lists is not None else int(np.sqrt(n))))
    rng = np.random.default_rng(seed)
    sample = vectors[rng.choice(n, size=min(n, TRAIN_SAMPLE), replace=False)]
    centroids = sample[rng.choice(len(sample), size=lists, replace=False)].copy()
    for _ in range(ITERATIONS):
        assign = np.argmax(sample @ centroids.T, axis=1)
        sums = np.zeros_like(centroids)
        np.add.at(sums, assign, sample)
        empty = ~np.any(sums, axis=1)
        sums[empty] = centroids[empty]  # a list nothing chose keeps its centroid
        centroids = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)
    assign = np.concatenate([np.argmax(vectors[s:s + 8192] @ centroids.T, axis=1) for s in range(0, n, 8192)])
    members = np.argsort(assign, kind="stable").astype(np.int32)
    offsets = np.searchsorted(assign[members], np.arange(lists + 1)).astype(np.int64)
    grouped = vectors[members]
    scales = np.maximum(np.abs(grouped).max(axis=1), 1e-12) / 127.0
    codes = np.rint(grouped / scales[:, None]).astype(np.int8)
    return CoarseIndex(centroids=centroids.astype(np.float32), offsets=offsets, members=members, codes=codes,
                       scales=scales.astype(np.float32), exact=np.ascontiguousarray(vectors, dtype=np.float32))
