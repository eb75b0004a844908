"""Score ranking variants leave-one-help-centre-out, offline, on what `rank_signals.py` recorded.

Search's ranking is re-done in numpy from the recorded vectors (`rank_signals.py`): the hand-tuned
mix, the learned ranker's features, and candidate signals on top (a document's support beyond its
best chunk, heading vectors, a document centroid, keyword coverage with document-level idf, ...).
Each variant's extra weights are fitted by `fit_ranker.fit` on all development centres but one and
counted on that one (right document first, English answerable golden questions), for every centre
in turn; the figure is the pooled count and the per-centre counts. `--check` first verifies that
the shipped ranking is reproduced question by question.

Measured on 2026-12-05 (825 questions, 19 centres; the learned ranker then shipped, fitted on four
centres, put 671 right first): refitting its four features on all nineteen, 708 left-one-out; each
extra signal on top, 705-709 (a document's second chunk or its support over the best, the best heading
vector, the chunk centroid, keyword coverage with document-level idf over the whole document or its
best chunk, each signal's lead over the best other candidate, log chunk count); the hand-tuned mix's
own signals as free features (title, coverage, window, chunk), 717, but the public sets then lose
(stackfaq 587 -> 573, rasa_sara 331 -> 313, `fit_ranker.py`), as they do for a weakly regularised
four-feature fit: `fit_ranker.py` chooses its L2 under that constraint.

With `--on-shipped` the shipped weights are kept and only each variant's extra features are fitted
on top (per L2, left-one-centre-out, with the per-centre moves); `--public` counts the public sets
(`rank_signals.py --public`) with the weights fitted on every centre, never fitting on them;
`--weights` studies other shipped weights (comma-separated, for the first features of `SHIPPED`).
Measured on 2026-12-05 (ninth session, 1,401 questions, 31 sets; the shipped four-feature ranker
puts 1,115 right first, stackfaq 586 of 609, rasa_sara 337 of 454), each on top of it: keyword coverage
of the best chunk without the candidate's title words, 1,130-1,139 but stackfaq 567-582; coverage times
length times (1 - title cosine)^2, at l2 0.003 (weight 0.2189) 1,128 with stackfaq 586 and rasa_sara
339, weaker L2s 1,139-1,162 but stackfaq 580-582 (built on branch rank10, not shipped: DECISIONS.md);
with length squared 1,115-1,156, the public sets as noisy; the best heading vector 1,125-1,133, log
chunk count 1,124, title-word coverage in multi-chunk documents 1,113-1,121.
Signals that contrast the top candidates with one another (the question's words some of them hold and
others do not) are studied by `contrast_study.py` on the same recordings.

    python benchmarks/rank_signals.py --out /tmp/signals.pkl
    python benchmarks/rank_signals.py --public --out /tmp/public_signals.pkl
    python benchmarks/rank_study.py --signals /tmp/signals.pkl [--check] [--variant NAME]
    python benchmarks/rank_study.py --signals /tmp/signals.pkl --public /tmp/public_signals.pkl \
        --on-shipped --variant "cov*len*(1-title)^2"
"""
from __future__ import annotations

import argparse
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]


from fit_ranker import fit  # noqa: E402

from knowledge_base.learned_ranker import LearnedRanker  # noqa: E402
from knowledge_base.lexical import terms  # noqa: E402
from knowledge_base.rank_features import question_length  # noqa: E402
from knowledge_base.ranking import COVERAGE_WEIGHT, DENSE_K, EXACT_BELOW, EXTRA_CANDIDATES, TITLE_WEIGHT  # noqa: E402

TOP_K = 5
L2_GRID = (0.00003, 0.0001, 0.0003, 0.001, 0.0015, 0.002, 0.003, 0.005)


def segmented_max(values: np.ndarray, starts: np.ndarray, n: int, empty: float = np.nan) -> np.ndarray:
    out = np.full(n, empty)
    counts = np.diff(np.r_[starts, len(values)])
    present = counts > 0
    if present.any():
        out[present] = np.maximum.reduceat(values, starts[present])
    return out


def candidate_table(c: dict[str, Any], q: dict[str, Any]) -> dict[str, np.ndarray]:
    """Per candidate document (rows of the snapshot, in search's pool), every signal studied."""
    v = q["vector"]
    n_docs = len(c["doc_ids"])
    doc = c["chunk_doc"]
    starts = np.searchsorted(doc, np.arange(n_docs))
    sims = c["chunk_vectors"] @ v
    n_chunks = len(sims)
    title = c["title_vectors"] @ v
    cov_chunk = q["chunk_cov"]
    cov = segmented_max(cov_chunk, starts, n_docs, 0.0)
    if n_chunks <= EXACT_BELOW:
        seen = np.ones(n_chunks, bool)
        pool = np.arange(n_docs)
        floor = -1.0
    else:
        n_dense = max(DENSE_K, 8 * TOP_K)
        top = np.argsort(-sims, kind="stable")[:n_dense]
        seen = np.zeros(n_chunks, bool)
        seen[top] = True
        floor = float(sims[top[-1]])
        found = set(doc[top].tolist())
        for signal in (title, cov):
            found |= set(np.argpartition(-signal, min(EXTRA_CANDIDATES, n_docs - 1))[:EXTRA_CANDIDATES].tolist())
        pool = np.asarray(sorted(found))
    masked = np.where(seen, sims, -np.inf)
    best = segmented_max(masked, starts, n_docs, -np.inf)
    chunk = np.where(np.isfinite(best), best, floor)
    # Support: the document's second and third best chunks (all chunks, exact: a study, not search).
    order_sims = []
    for d in range(n_docs):
        s = np.sort(sims[starts[d]:(starts[d + 1] if d + 1 < n_docs else n_chunks)])[::-1]
        order_sims.append(np.r_[s[:3], [np.nan] * (3 - min(3, len(s)))])
    top3 = np.asarray(order_sims)
    second = np.where(np.isnan(top3[:, 1]), top3[:, 0], top3[:, 1])
    counts = np.diff(np.r_[starts, n_chunks])
    # Heading vectors (title + section path) per chunk: the document's best heading.
    heading = c["heading_vectors"] @ v
    head = segmented_max(heading[c["heading_of_chunk"]], starts, n_docs, 0.0)
    # Centroid of the document's chunk vectors.
    cent = np.zeros((n_docs, c["chunk_vectors"].shape[1]), np.float32)
    np.add.at(cent, doc, c["chunk_vectors"])
    cent /= np.maximum(np.linalg.norm(cent, axis=1, keepdims=True), 1e-12)
    centroid = cent @ v
    if c["window_vectors"] is not None:
        wsims = c["window_vectors"] @ v
        window = segmented_max(wsims, c["window_starts"][:-1], n_docs)
        window = np.where(np.isnan(window), chunk, window)
    else:
        window = chunk.copy()
    community = np.asarray([t == "community" for t in c["trusts"]], float)
    # Keyword coverage with document-level idf over the whole document (sibling words count).
    doc_cov, doc_cov_best = doc_level_coverage(c, q["text"], starts)
    body_cov, title_cov = title_split_coverage(c, q["text"], starts)
    # What a many-section document's title cannot say: its distinct sections, its length, and the
    # heading (title + section path) of its best dense chunk, which names the clause that matched.
    sections, chars = document_shape(c, starts)
    best_row = segmented_argmax(masked, starts, n_docs)
    best_head = np.where(best_row >= 0, heading[c["heading_of_chunk"][np.maximum(best_row, 0)]], title)
    table = {"body_cov": body_cov, "title_cov": title_cov, "sections": sections, "chars": chars,
             "best_head": best_head,
             "chunk": chunk, "title": title, "cov": cov, "second": second, "third": np.nan_to_num(top3[:, 2], nan=-1),
             "count": counts.astype(float), "head": head, "centroid": centroid, "window": window,
             "community": community, "doc_cov": doc_cov, "doc_cov_best": doc_cov_best}
    table = {k: np.asarray(val, float)[pool] for k, val in table.items()}
    table["row"] = pool
    table["labels"] = np.asarray([c["doc_ids"][r] in q["must_cite"] for r in pool])
    return table


def document_shape(c: dict[str, Any], starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per document: its number of distinct non-empty sections (at least 1) and its length in characters."""
    if "_shape" not in c:
        n_docs = len(c["doc_ids"])
        names: list[set[str]] = [set() for _ in range(n_docs)]
        chars = np.zeros(n_docs)
        for d, section, text in zip(c["chunk_doc"].tolist(), c["chunk_sections"], c["chunk_texts"], strict=True):
            if section:
                names[d].add(section)
            chars[d] += len(text)
        c["_shape"] = (np.asarray([max(1, len(n)) for n in names], float), chars)
    return c["_shape"]


def segmented_argmax(values: np.ndarray, starts: np.ndarray, n: int) -> np.ndarray:
    """Per segment, the row of its largest finite value (-1 where it has none)."""
    out = np.full(n, -1)
    ends = np.r_[starts[1:], len(values)]
    for d in range(n):
        seg = values[starts[d]:ends[d]]
        if len(seg) and np.isfinite(seg).any():
            out[d] = starts[d] + int(np.argmax(seg))
    return out


def doc_level_coverage(c: dict[str, Any], text: str, starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per document: the share of the question's words (idf over documents) the whole document holds,
    and that its best chunk holds."""
    lex = c["lexical"]
    n_docs = len(c["doc_ids"])
    doc = c["chunk_doc"]
    words = sorted(set(terms(text)))
    if not words:
        return np.zeros(n_docs), np.zeros(n_docs)
    has_doc = np.zeros((len(words), n_docs))
    has_chunk = np.zeros((len(words), len(doc)))
    for i, w in enumerate(words):
        posting = lex._posting(w)
        if posting is not None:
            has_chunk[i, posting[0]] = 1
            has_doc[i, np.unique(doc[posting[0]])] = 1
    df = has_doc.sum(axis=1)
    idf = np.log1p((n_docs - df + 0.5) / (df + 0.5))
    idf[df == 0] = np.log1p((n_docs + 0.5) / 0.5)
    total = idf.sum()
    whole = (idf[:, None] * has_doc).sum(axis=0) / total
    per_chunk = (idf[:, None] * has_chunk).sum(axis=0) / total
    best = segmented_max(per_chunk, starts, n_docs, 0.0)
    return whole, best


def title_split_coverage(c: dict[str, Any], text: str, starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per document: the keyword coverage (chunk idf, as search's) of its best chunk counting only the
    question's words its title does not hold, and the share of the question's idf mass its title holds.

    Every chunk's keyword text starts with the document's title, so a title word counts in every chunk
    of its document: a sibling article named after the question's subject ("City breaks FAQ") covers
    that subject everywhere, whatever the rest of the question asks."""
    lex = c["lexical"]
    n_docs = len(c["doc_ids"])
    doc = c["chunk_doc"]
    words = sorted(set(terms(text)))
    body = np.zeros(len(doc))
    in_title = np.zeros(n_docs)
    total = 0.0
    title_terms = c.setdefault("_title_terms", [set(terms(t)) for t in c["titles"]])
    for w in words:
        posting = lex._posting(w)
        idf = lex.max_idf if posting is None else posting[1]
        total += idf
        has_title = np.asarray([w in tt for tt in title_terms])
        in_title[has_title] += idf
        if posting is not None:
            rows = posting[0]
            keep = ~has_title[doc[rows]]
            body[rows[keep]] += idf
    if total <= 0:
        return np.zeros(n_docs), np.zeros(n_docs)
    return segmented_max(body / total, starts, n_docs, 0.0), in_title / total


def variant_coverage(lex: Any, text: str, prefix: int, every: bool, groups: dict[str, list[int]]) -> np.ndarray:
    """Per chunk, keyword coverage where a question word also matches the indexed words sharing its
    first `prefix` letters ("expire" ~ "expiry", "expired"): for every word of `prefix` letters or
    more (`every`), or only for those no text holds as they are. The variants' postings are one term:
    their union, with its own idf. What `LexicalIndex.coverage` computes when no word is expanded."""
    out = np.zeros(lex.size, dtype=np.float64)
    total = 0.0
    for w in set(terms(text)):
        tid = lex._vocab.get(w)
        ids = [] if tid is None else [tid]
        if len(w) >= prefix and (every or tid is None):
            ids = sorted(set(ids) | set(groups.get(w[:prefix], [])))
        if not ids:
            total += lex.max_idf
            continue
        rows = np.unique(np.concatenate([lex._rows[lex._start[t]:lex._end[t]] for t in ids]))
        df = float(len(rows))
        idf = float(np.log1p((lex.size - df + 0.5) / (df + 0.5)))
        out[rows] += idf
        total += idf
    return out / total if total > 0 else out


def recover(centres: list[dict[str, Any]], spec: str) -> None:
    """Replace each question's recorded chunk coverage by `variant_coverage` (`spec`: PREFIX[,all|unknown])."""
    prefix_text, _, mode = spec.partition(",")
    prefix = int(prefix_text)
    for c in centres:
        lex = c["lexical"]
        groups: dict[str, list[int]] = {}
        for term, tid in lex._vocab.items():
            if len(term) >= prefix:
                groups.setdefault(term[:prefix], []).append(tid)
        for q in c["questions"]:
            q["chunk_cov"] = variant_coverage(lex, q["text"], prefix, mode != "unknown", groups)


def build(centres: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per English answerable question: its candidates' signals."""
    rows = []
    for c in centres:
        for q in c["questions"]:
            if not q["must_cite"]:
                continue
            t = candidate_table(c, q)
            t["length"] = question_length(q["text"])
            t["base"] = (1 - TITLE_WEIGHT) * t["chunk"] + TITLE_WEIGHT * t["title"] + COVERAGE_WEIGHT * t["cov"]
            rows.append({"set": c["name"], "id": q["id"], "t": t, "q": q, "doc_ids": c["doc_ids"]})
    return rows


Feature = Callable[[dict[str, np.ndarray]], np.ndarray]
SHIPPED: list[Feature] = [
    lambda t: t["title"] * t["length"], lambda t: t["cov"] * t["length"], lambda t: t["community"],
    lambda t: t["window"] * t["length"],
]


def as_fit_rows(rows: list[dict[str, Any]], features: list[Feature],
                base: Callable[[dict[str, np.ndarray]], np.ndarray] | None = None) -> list[dict[str, Any]]:
    out = []
    for r in rows:
        t = r["t"]
        table = np.stack([f(t) for f in features], axis=1) if features else np.zeros((len(t["base"]), 0))
        out.append({"set": r["set"], "base": t["base"] if base is None else base(t), "features": table,
                    "labels": t["labels"]})
    return out


def right_first(rows: list[dict[str, Any]], beta: np.ndarray | None) -> int:
    hits = 0
    for r in rows:
        score = r["base"] if beta is None else np.c_[r["base"], r["features"]] @ beta
        hits += bool(r["labels"][int(np.argmax(score))])
    return hits


def loo(rows: list[dict[str, Any]], l2: float) -> dict[str, int]:
    """Per centre: right first with weights fitted on every other centre."""
    out = {}
    for held in sorted({r["set"] for r in rows}):
        train = [r for r in rows if r["set"] != held]
        test = [r for r in rows if r["set"] == held]
        out[held] = right_first(test, fit(train, l2) if train[0]["features"].shape[1] else None)
    return out


def report(name: str, rows: list[dict[str, Any]], *, per_set: bool = False) -> tuple[int, float]:
    best = (-1, 0.0, {})
    for l2 in L2_GRID:
        cv = loo(rows, l2)
        total = sum(cv.values())
        if total > best[0] or (total == best[0] and l2 > best[1]):
            best = (total, l2, cv)
    print(flush=True, end="")
    print(f"{name:40} LOO {best[0]}/{len(rows)} (l2={best[1]})"
          + (" " + " ".join(f"{k[:10]}={v}" for k, v in best[2].items()) if per_set else ""))
    return best[0], best[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--signals", type=Path, required=True)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--variant", action="append", default=[], help="only variants whose name holds this")
    parser.add_argument("--coverage", help="keyword coverage with prefix variants: PREFIX[,all|unknown] (recover)")
    parser.add_argument("--public", type=Path, help="`rank_signals.py --public` rows: counted, never fitted on")
    parser.add_argument("--weights", help="comma-separated weights to use as the shipped ones (the first "
                        "len(weights) of SHIPPED's features), e.g. to study the ranker before its fifth feature")
    parser.add_argument("--on-shipped", action="store_true",
                        help="keep the shipped four weights; fit only each variant's extra features on top")
    args = parser.parse_args()
    centres = pickle.loads(args.signals.read_bytes())
    public = build(pickle.loads(args.public.read_bytes())) if args.public else []
    if args.coverage:
        recover(centres, args.coverage)
    rows = build(centres)
    weights = [float(x) for x in args.weights.split(",")] if args.weights else list(LearnedRanker.load().weights)
    del SHIPPED[len(weights):]
    w = np.r_[1.0, weights]
    fixed = as_fit_rows(rows, SHIPPED)
    print("questions", len(rows), "hand-tuned first", right_first(fixed, None), "shipped", right_first(fixed, w),
          "public shipped", _public_first(public, SHIPPED, w))
    if args.on_shipped:
        _on_shipped(rows, public, w, args.variant)
        return
    if args.check:
        bad = 0
        for r, fr in zip(rows, fixed, strict=True):
            mine = r["doc_ids"][int(r["t"]["row"][int(np.argmax(np.c_[fr['base'], fr['features']] @ w))])]
            theirs = max(r["q"]["shipped"], key=lambda s: s[2])[0]
            bad += mine != theirs
        print("shipped ordering reproduced except", bad)
    for name, extra in variants().items():
        if args.variant and not any(v in name for v in args.variant):
            continue
        fit_rows = as_fit_rows(rows, SHIPPED + extra)
        _total, l2 = report(name, fit_rows, per_set=True)
        beta = fit(fit_rows, l2)
        print(f"{'':40} weights on all: {np.round(beta[1:] / beta[0], 4).tolist()}", flush=True)


def _public_first(public: list[dict[str, Any]], features: list[Feature], beta: np.ndarray,
                  base: Callable[[dict[str, np.ndarray]], np.ndarray] | None = None) -> dict[str, int]:
    """Per public set, questions with a relevant document first under `beta` (never fitted on)."""
    fit_rows = as_fit_rows(public, features, base)
    return {name: right_first([r for r in fit_rows if r["set"] == name], beta)
            for name in sorted({r["set"] for r in fit_rows})}


def _on_shipped(rows: list[dict[str, Any]], public: list[dict[str, Any]], w: np.ndarray, only: list[str]) -> None:
    """Each variant's extra features fitted on top of the shipped ranking (its four weights kept), per L2:
    left-one-centre-out right first, and the public sets with the weights fitted on every centre."""
    shipped_score = _shipped_score(w)
    before = {k: right_first([r for r in as_fit_rows(rows, [], shipped_score) if r["set"] == k], None)
              for k in sorted({r["set"] for r in rows})}
    for name, extra in variants().items():
        if not extra or (only and not any(v in name for v in only)):
            continue
        fit_rows = as_fit_rows(rows, extra, shipped_score)
        for l2 in L2_GRID:
            cv = loo(fit_rows, l2)
            beta = fit(fit_rows, l2)
            kept = _public_first(public, extra, beta, shipped_score)
            moved = " ".join(f"{k[:12]}{cv[k] - before[k]:+d}" for k in cv if cv[k] != before[k])
            print(f"{name:28} l2={l2:<8} LOO {sum(cv.values())}/{len(rows)} weights "
                  f"{np.round(beta[1:] / beta[0], 4).tolist()} public {kept}\n{'':30}{moved}", flush=True)


def _shipped_score(w: np.ndarray) -> Callable[[dict[str, np.ndarray]], np.ndarray]:
    def score(t: dict[str, np.ndarray]) -> np.ndarray:
        return np.c_[t["base"], np.stack([f(t) for f in SHIPPED], axis=1)] @ w
    return score


def _x(key: str, scaled: bool = True) -> Feature:
    return (lambda t: t[key] * t["length"]) if scaled else (lambda t: t[key])


def _other_max(values: np.ndarray) -> np.ndarray:
    """Per candidate, the best value among the other candidates."""
    if len(values) < 2:
        return values.copy()
    order = np.argsort(-values)
    out = np.full(len(values), values[order[0]])
    out[order[0]] = values[order[1]]
    return out


def variants() -> dict[str, list[Feature]]:
    """Extra features on top of the shipped four, by name."""
    return {
        "shipped4": [],
        "+second": [_x("second", False)],
        "+second*len": [_x("second")],
        "+support(second-chunk)": [lambda t: t["second"] - t["chunk"]],
        "+head": [_x("head", False)],
        "+head*len": [_x("head")],
        "+centroid": [_x("centroid", False)],
        "+centroid*len": [_x("centroid")],
        "+doc_cov": [_x("doc_cov", False)],
        "+doc_cov*len": [_x("doc_cov")],
        "+doc_cov_best": [_x("doc_cov_best", False)],
        "+doc_cov_best*len": [_x("doc_cov_best")],
        "+title": [_x("title", False)],
        "+cov": [_x("cov", False)],
        "+window": [_x("window", False)],
        "+chunk*len": [_x("chunk")],
        "+logcount": [lambda t: np.log1p(t["count"])],
        "+title+cov+window+chunk": [_x("title", False), _x("cov", False), _x("window", False), _x("chunk", False)],
        "+cov_gap": [lambda t: t["cov"] - _other_max(t["cov"])],
        "+title_gap": [lambda t: t["title"] - _other_max(t["title"])],
        "+doc_cov_gap": [lambda t: t["doc_cov"] - _other_max(t["doc_cov"])],
        "+is_cov_top": [lambda t: (t["cov"] >= t["cov"].max()).astype(float)],
        "+head_gap": [lambda t: t["head"] - _other_max(t["head"])],
        "+body_cov": [_x("body_cov", False)],
        "+body_cov*len": [_x("body_cov")],
        "+title_cov": [_x("title_cov", False)],
        "+body_cov+title_cov": [_x("body_cov", False), _x("title_cov", False)],
        "+body_gap": [lambda t: t["body_cov"] - _other_max(t["body_cov"])],
        "+body*len*(1-title)": [lambda t: t["body_cov"] * t["length"] * (1 - t["title"])],
        "+body*len*(1-title)multi": [lambda t: t["body_cov"] * t["length"] * (1 - t["title"]) * (t["count"] > 1)],
        "+body*len*(1-title)^2": [lambda t: t["body_cov"] * t["length"] * (1 - t["title"]) ** 2],
        "+cov*len*(1-title)^2": [lambda t: t["cov"] * t["length"] * (1 - t["title"]) ** 2],
        "+cov*len^2*(1-title)^2": [lambda t: t["cov"] * t["length"] ** 2 * (1 - t["title"]) ** 2],
        "+cov*len^2*(1-title)": [lambda t: t["cov"] * t["length"] ** 2 * (1 - t["title"])],
        "+cov*len*(1-title)": [lambda t: t["cov"] * t["length"] * (1 - t["title"])],
        "+body*len*(1-title)^2multi": [
            lambda t: t["body_cov"] * t["length"] * (1 - t["title"]) ** 2 * (t["count"] > 1)],
        "+body*len*(1-cov)": [lambda t: t["body_cov"] * t["length"] * (1 - t["cov"])],
        "+body_multi*len": [lambda t: t["body_cov"] * t["length"] * (t["count"] > 1)],
        "+body_multi": [lambda t: t["body_cov"] * (t["count"] > 1)],
        "+title_words_multi": [lambda t: (t["body_cov"] - t["cov"]) * t["length"] * (t["count"] > 1)],
        "+title_words_multi_nolen": [lambda t: (t["body_cov"] - t["cov"]) * (t["count"] > 1)],
        "+title_words": [lambda t: (t["body_cov"] - t["cov"]) * t["length"]],
        "+body_cov*len+head": [_x("body_cov"), _x("head", False)],
        "+body_cov*len+body_gap": [_x("body_cov"), lambda t: t["body_cov"] - _other_max(t["body_cov"])],
        "+logcount*len": [lambda t: np.log1p(t["count"]) * t["length"]],
        "+logcount+second": [lambda t: np.log1p(t["count"]), _x("second", False)],
    }


if __name__ == "__main__":
    main()
