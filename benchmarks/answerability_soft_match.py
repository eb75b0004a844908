"""Cheap forms of the token match for the learned answerability decision, leave-one-centre-out.

The tenth session found that the contextual MaxSim of the question against the section the answerer would
show (`ms_content`, `late_interaction.py answerability`) turns more declines into facts said held out, but
it costs a model run over the section (~12 ms a turn). Compared here on `answerability_rows.py`'s rows,
each fold's model and cut-off chosen on the other centres (`answerability_model_fit.cross_validate`):

- `shipped`: the shipped per-path logistic's signals;
- `soft`, `soft_min`, both: the static match (`bot.answering.soft_match.soft_shares`: the model's input
  word-piece table, no model run), the mean over the question's content words and the least;
- `ms_content`: the contextual MaxSim (the costly reference), and over the section's heading and first
  `--truncate` characters only (a shorter model run);
- `band M`: `ms_content` asked only where the shipped model's probability lies within M of its cut-off
  (the rest decided without it), with the share of decided turns that would pay for it.

    python benchmarks/answerability_soft_match.py ROWS.jsonl [...] [--cache CTX.pkl] [--bands 0.05 0.1 0.2]
        [--truncate 200]
"""
from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

import answerability_model_fit as amf  # noqa: E402

from bot.answering.learned_answerability import Signals, by_path  # noqa: E402
from bot.answering.soft_match import soft_shares  # noqa: E402
from knowledge_base.static_tokens import StaticTokenVectors  # noqa: E402


def static_table() -> StaticTokenVectors:
    """The pinned embedding model's word-piece table, as the embedder gives it."""
    from knowledge_base.embeddings import LocalMiniLMEmbeddings

    return LocalMiniLMEmbeddings(int8_compute=False).static_tokens()


CUTS = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7)


def shown(row: amf.Row) -> str:
    s = amf.section(row)
    assert s is not None
    return f"{s['heading']}\n{s['body']}"


def static_columns(data: amf.Data) -> np.ndarray:
    table = static_table()
    out = np.zeros((len(data.rows), 2))
    t0, n = time.process_time(), 0
    for i, (r, m) in enumerate(zip(data.rows, data.model, strict=True)):
        if m:
            out[i] = soft_shares(r["question"], shown(r), table)
            n += 1
    print(f"static match: {n} rows, {1000 * (time.process_time() - t0) / max(1, n):.3f} ms CPU each", file=sys.stderr)
    return out


def contextual_column(data: amf.Data, cache_path: Path | None, chars: int | None = None) -> np.ndarray:
    """`ms_content` of the question against the shown section (heading and part shown), cached by text;
    with `chars`, against the heading and the body's first `chars` characters only (a shorter model run)."""
    from late_interaction import TokenEmbedder, maxsim, question_weights

    cache: dict[str, float] = pickle.loads(cache_path.read_bytes()) if cache_path and cache_path.exists() else {}
    embedder: TokenEmbedder | None = None
    out = np.zeros(len(data.rows))
    for i, (r, m) in enumerate(zip(data.rows, data.model, strict=True)):
        if not m:
            continue
        s = amf.section(r)
        assert s is not None
        passage = f"{s['heading']}\n\n{s['body'] if chars is None else s['body'][:chars]}"
        key = f"{r['question']}\x00{passage}"
        if key not in cache:
            embedder = embedder or TokenEmbedder()
            qt, pt = embedder.tokens([r["question"], passage])
            content, _ = question_weights(r["question"], qt, lambda _t: 1.0)
            cw = content.astype(float) if content.any() else np.ones(len(content))
            cache[key] = maxsim(qt.vectors @ pt.vectors.T, cw)
        out[i] = cache[key]
    if cache_path:
        cache_path.write_bytes(pickle.dumps(cache))
    return out


def with_columns(data: amf.Data, base: np.ndarray, extra: np.ndarray) -> amf.Data:
    data.x = np.hstack([base, extra.reshape(len(base), -1)]) if extra.size else base
    return data


def banded(data: amf.Data, base: np.ndarray, ctx: np.ndarray, band: float, fit: amf.Fit) -> None:
    """`ms_content` only where the shipped form's probability is within `band` of its cut-off."""
    everyone = np.ones(len(data.rows), dtype=bool)

    def probabilities(within: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        data.x = base
        p0 = amf.oof(data, fit, within)
        data.x = np.hstack([base, ctx[:, None]])
        p2 = amf.oof(data, fit, within)
        return p0, p2

    def hybrid(p0: np.ndarray, p2: np.ndarray, c0: float, c2: float) -> tuple[np.ndarray, np.ndarray]:
        inside = np.abs(p0 - c0) < band
        return np.where(data.model, np.where(inside, p2 >= c2, p0 >= c0), data.rule), inside & data.model

    shown = np.zeros(len(data.rows), dtype=bool)
    paid = np.zeros(len(data.rows), dtype=bool)
    for held in data.kbs:
        others = everyone & (data.kb != held)
        i0, i2 = probabilities(others)
        c0 = amf.cutoff_for(data, i0, others)
        rule_wrong = int((data.rule & data.wrong & others).sum())
        best = (-1, c0)
        for c2 in np.arange(0.30, 0.70, 0.005):
            d, _ = hybrid(i0, i2, c0, float(c2))
            d &= others
            if int((d & data.wrong).sum()) <= rule_wrong and int((d & data.ok).sum()) > best[0]:
                best = (int((d & data.ok).sum()), float(c2))
        test = data.kb == held
        train = others & data.model
        p0 = fit(base[train], data.y[train])(base)
        both = np.hstack([base, ctx[:, None]])
        p2 = fit(both[train], data.y[train])(both)
        d, inside = hybrid(p0, p2, c0, best[1])
        shown[test], paid[test] = d[test], inside[test]
    amf.report(data, f"band {band}: ms_content where |p - cut-off| < {band}",
               shown, f"(pays on {int(paid.sum())} of {int(data.model.sum())} decided rows, "
                      f"{paid.sum() / data.model.sum():.3f}; of all rows {paid.sum() / len(data.rows):.3f})")
    data.x = base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rows", type=Path, nargs="+")
    parser.add_argument("--cache", type=Path, help="contextual MaxSim cache (computed when missing)")
    parser.add_argument("--no-contextual", action="store_true")
    parser.add_argument("--truncate", type=int, nargs="*", default=[200], help="body characters (contextual, cut)")
    parser.add_argument("--bands", type=float, nargs="*", default=[0.05, 0.1, 0.2])
    parser.add_argument("--l2", type=float, default=amf.L2)
    args = parser.parse_args()
    rows = [json.loads(line) for p in args.rows for line in p.read_text().splitlines() if line.strip()]
    data = amf.Data(rows, "ok")
    # The shipped model's signals: `Signals` less the soft match this study compares (its last field).
    base = np.delete(data.x, Signals.names().index("soft"), axis=1) if "soft" in Signals.names() else data.x.copy()
    fit = amf.columns(amf.logistic(args.l2), by_path)
    soft = static_columns(data)
    print(f"{len(rows)} rows, {len(data.kbs)} knowledge bases, {int(data.model.sum())} decided by the model")
    amf.report(data, "the product's rule (replayed)", data.rule)
    variants: list[tuple[str, np.ndarray]] = [("shipped form", np.zeros((len(rows), 0))), ("+ soft", soft[:, 0]),
                                              ("+ soft_min", soft[:, 1]), ("+ soft, soft_min", soft)]
    ctx = None if args.no_contextual else contextual_column(data, args.cache)
    if ctx is not None:
        variants += [("+ ms_content (contextual)", ctx), ("+ ms_content, soft_min", np.column_stack([ctx, soft[:, 1]]))]
        for chars in args.truncate:
            variants.append((f"+ ms_content over the heading and first {chars} characters",
                             contextual_column(data, args.cache, chars)))
    for name, extra in variants:
        with_columns(data, base, extra)
        p = amf.cross_validate(data, name, fit)
        print(f"-- {name}: pooled out-of-fold trade-off (facts / unanswerable declined / wrong)")
        for c in CUTS:
            t = amf.counts(data.rows, data.decide(p, c))
            print(f"   cut-off {c:.2f}: {t['ok']:5} / {t['declined_u']:4} / {t['wrong']:4}")
    data.x = base
    if ctx is not None:
        for band in args.bands:
            banded(data, base, ctx, band, fit)
    y = data.y[data.model].astype(bool)
    from late_interaction import _auroc
    for j, nm in enumerate(("soft", "soft_min")):
        print(f"AUROC fact said vs not, {nm}: {_auroc(soft[data.model, j], y):.3f}")
    if ctx is not None:
        print(f"AUROC fact said vs not, ms_content: {_auroc(ctx[data.model], y):.3f}")


if __name__ == "__main__":
    main()
