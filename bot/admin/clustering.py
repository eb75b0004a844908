"""Grouping texts by meaning over the embedder's vectors: blocked leader clustering, then one pass
that moves each point to its nearest group.

Points are visited biggest-weight first (a phrasing asked often seeds its group); each joins the
nearest group whose centroid is at least `threshold` (cosine) away, or starts a new one. A block of
points is compared with every centroid in one matrix product, so n questions cost about
`n x groups x dim` multiply-adds instead of the `n^2 x dim` of comparing all pairs.
"""
from __future__ import annotations

import numpy as np

_BLOCK = 256


def unit_rows(vectors: np.ndarray) -> np.ndarray:
    rows = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.where(norms == 0, 1.0, norms)


def group_by_meaning(vectors: np.ndarray, *, weights: np.ndarray | None = None,
                     threshold: float = 0.5) -> list[list[int]]:
    """Indices of `vectors` grouped by meaning, biggest total weight first."""
    n = len(vectors)
    if n == 0:
        return []
    rows = unit_rows(vectors)
    weight = np.ones(n, dtype=np.float32) if weights is None else np.asarray(weights, dtype=np.float32)
    centroids = _leaders(rows, weight, threshold)
    labels = _nearest(rows, centroids, threshold)
    members: dict[int, list[int]] = {}
    for point, group in enumerate(labels):
        members.setdefault(int(group), []).append(point)
    groups = list(members.values())
    totals = [float(weight[g].sum()) for g in groups]
    ranked = sorted(range(len(groups)), key=lambda i: (-totals[i], groups[i][0]))
    return [groups[i] for i in ranked]


def _leaders(rows: np.ndarray, weight: np.ndarray, threshold: float) -> np.ndarray:
    """Centroids of a first pass in order of weight (heaviest points seed groups)."""
    order = np.argsort(-weight, kind="stable")
    sums = np.zeros((min(len(rows), 1024), rows.shape[1]), dtype=np.float32)
    centroids = np.zeros_like(sums)
    k = 0
    for start in range(0, len(rows), _BLOCK):
        block = order[start:start + _BLOCK]
        before = k
        best = np.full(len(block), -1)
        if before:
            sims = rows[block] @ centroids[:before].T
            nearest = sims.argmax(axis=1)
            best = np.where(sims[np.arange(len(block)), nearest] >= threshold, nearest, -1)
        for i, point in enumerate(block):
            group = int(best[i])
            if group < 0 and k > before:  # groups this block started are not in the product above
                local = centroids[before:k] @ rows[point]
                j = int(local.argmax())
                group = before + j if local[j] >= threshold else -1
            if group < 0:
                group, k = k, k + 1
                if group >= len(sums):
                    sums = np.vstack([sums, np.zeros_like(sums)])
                    centroids = np.vstack([centroids, np.zeros_like(centroids)])
            sums[group] += weight[point] * rows[point]
            centroids[group] = sums[group] / max(float(np.linalg.norm(sums[group])), 1e-12)
    return centroids[:k]


def _nearest(rows: np.ndarray, centroids: np.ndarray, threshold: float) -> np.ndarray:
    """Each point's nearest centroid (a point below `threshold` of all stays alone: label -1-i)."""
    labels = np.empty(len(rows), dtype=np.int64)
    for start in range(0, len(rows), 2048):
        sims = rows[start:start + 2048] @ centroids.T
        nearest = sims.argmax(axis=1)
        ok = sims[np.arange(len(nearest)), nearest] >= threshold
        own = -1 - np.arange(start, start + len(nearest))
        labels[start:start + len(nearest)] = np.where(ok, nearest, own)
    return labels


def central(vectors: np.ndarray, indices: list[int], *, n: int) -> list[int]:
    """The `n` members closest to their group's centroid: its most typical examples."""
    rows = unit_rows(vectors[indices])
    scores = rows @ rows.mean(axis=0)
    return [indices[i] for i in np.argsort(-scores, kind="stable")[:n]]
