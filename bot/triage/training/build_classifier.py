"""Build the learned triage head: a logistic regression over the offline embedder's vectors.

    python -m bot.triage.training.build_classifier [--train DIR] [--own FILE ...] [--keep FILE ...] [--cache DIR]

Trains on the public intent training splits (Banking77, CLINC150, Bitext; labels as mapped in their
README) and our own rows from other industries (datasets/triage/train_own*.jsonl). Its
classes are the public sets' own intents and our five labels ("own:security", ...); a triage label's
probability is the sum of its classes' (classifier.py), so the head learns the near neighbours inside
each set apart ("pending payment" is none, "payment I don't recognise" is security) instead of one
blurred "none".

Then it picks the thresholds (thresholds.py): on our own rows, each predicted by a model that saw no
row of its industry (five folds of whole industries), pooled with `--target` (the development
hold-outs E, G, H, I, J, K and L, written for 87 industries), the lowest threshold per
label and length band at which the handoffs the head adds to the rules' stay at least `--precision`
precise, with no handoff precision lost on the public dev halves (../shared/eval/triage/) nor on
`--keep` (the earlier sets in examples/eval/). None of these is trained on. It prints what each
`--target` set gets from thresholds chosen without it (leave-one-set-out): on 2026-12-05, handoff
P/R E 0.981/0.855, G 0.950/0.962, H 0.963/0.940, I 0.952/0.952 (optimistic: see datasets/README.md),
against 0.981/0.823, 0.934/0.899, 0.959/0.845, 0.948/0.869 from the head before (thresholds on our
own rows and E alone, 1,421 rows).
Since the seventh session of 2026-12-05 the targets are E, G, H, I, J, K and L and the rows include
train_own_six.jsonl: leave-one-set-out E 0.982/0.887, G 0.938/0.949, H 0.976/0.976, I 0.941/0.952,
J 0.940/0.929, K 0.959/0.833, L 0.987/0.905 (docs/DECISIONS.md, triage, seventh session).
Since issue 12 (train_own_seven.jsonl, bands 15/20 with long questions apart, floor 0.5), on main's rules:
E 0.964/0.871, G 0.975/0.987, H 0.952/0.952, I 0.976/0.952, J 0.929/0.929, K 0.905/0.905, L 0.927/0.905.
The blind hold-outs are never read here. `--train-only FILE` trains on rows (in every fold's model) without
scoring them for the thresholds; tri13 tried it with train_own_eight.jsonl (STUDY_ONLY, not in the default
build): it cost recall on the development sets (docs/DECISIONS.md).
Writes bot/triage/weights/classifier.npy (float16) and classifier.json and prints their sha256 for
bot/triage/classifier.py. Deterministic: same data, same bytes (a seeded shuffle, fixed epochs).
The texts never leave this script; only the weights, intent names and counts are written.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from bot.triage.classifier import HANDOFF_LABELS, LABELS, WEIGHTS_DIR, Bands
from bot.triage.training.thresholds import (
    OFF,
    Boundary,
    Scored,
    choose_story_words,
    handoff_precision_recall,
    handoff_verdicts,
    held_out_recall,
    industry_folds,
    pooled,
)

ROOT = Path(__file__).resolve().parents[3]
OWN_FILES = ("train_own.jsonl", "train_own_pending.jsonl", "train_own_more.jsonl", "train_own_kinds.jsonl",
             "train_own_six.jsonl", "train_own_seven.jsonl")
# rows that teach one hard kind: trained on, not scored for thresholds (`--train-only`); none by default
TRAIN_ONLY: tuple[str, ...] = ()
# rows written for a study and not in the shipped head's training (tri13: ordinary money and date
# questions; trained on they cost recall on every development set, docs/DECISIONS.md); never scored either
STUDY_ONLY = ("train_own_eight.jsonl",)
SOURCES = {"banking77.jsonl": "Banking77 (Casanueva et al., 2020; PolyAI), CC BY 4.0",
           "clinc150.jsonl": "CLINC150 (Larson et al., 2019), CC BY 3.0",
           "bitext.jsonl": "Bitext customer-support intents, CDLA-Sharing-1.0"}
OWN = "own"  # class prefix of our own rows: own:<label>
# development data (datasets/README.md); the blind hold-outs are never named here
DEV_SETS = ("holdout_e.jsonl", "holdout_g.jsonl", "holdout_h.jsonl", "holdout_i.jsonl", "holdout_j.jsonl",
            "holdout_k.jsonl", "holdout_l.jsonl")
EARLIER_SETS = ("triage_dev.jsonl", "triage_dev_paraphrase.jsonl", "triage_dev_paraphrase2.jsonl", "triage_extra.jsonl",
                "triage_holdout.jsonl", "triage_holdout_c.jsonl", "triage_holdout_d.jsonl", "triage_holdout_f.jsonl")


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _embed(texts: list[str], cache: Path | None) -> np.ndarray:
    """The product's embedder over `texts`; a cache keyed by the texts' hash saves re-runs while developing."""
    key = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
    if cache is not None and (cache / f"{key}.npy").is_file():
        return np.load(cache / f"{key}.npy")
    from knowledge_base.embeddings import LocalMiniLMEmbeddings

    vectors = LocalMiniLMEmbeddings().embed_array(texts).astype(np.float32)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        np.save(cache / f"{key}.npy", vectors)
    return vectors


def _balanced(y: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """Each label weighs the same in total ('none' is 90% of the public rows), rows keep their relative weight."""
    out = weight.astype(np.float64).copy()
    share = out.sum() / len(LABELS)
    for k in range(len(LABELS)):
        if (y == k).any():
            out[y == k] *= share / out[y == k].sum()
    return out


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return np.asarray(e / e.sum(axis=1, keepdims=True))


def label_probs(x: np.ndarray, w: np.ndarray, to_labels: np.ndarray) -> np.ndarray:
    """(n, labels): each label's probability is the sum of its classes', as classifier.py computes it."""
    xb = np.hstack([x, np.ones((len(x), 1), dtype=np.float32)])
    return np.asarray(_softmax(xb @ w.astype(np.float32)) @ to_labels)


def train(x: np.ndarray, y: np.ndarray, weight: np.ndarray, classes: int, *, l2: float, epochs: int, lr: float,
          batch: int = 512, seed: int = 0) -> np.ndarray:
    """Softmax regression over `classes` by mini-batch Adam; a (dims + 1, classes) matrix, bias last."""
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1), dtype=np.float32)]).astype(np.float32)
    w = np.zeros((d + 1, classes), dtype=np.float32)
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    sw = (weight / weight.mean()).astype(np.float32)
    rng = np.random.default_rng(seed)
    step = 0
    for _ in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch):
            idx = order[start:start + batch]
            step += 1
            p = _softmax(xb[idx] @ w).astype(np.float32)
            p[np.arange(len(idx)), y[idx]] -= 1.0
            grad = xb[idx].T @ (p * sw[idx, None]) / len(idx)
            grad[:-1] += l2 * w[:-1]
            m = 0.9 * m + 0.1 * grad
            v = 0.999 * v + 0.001 * grad**2
            w -= lr * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return w


def _class_of(row: dict[str, Any], source: str) -> str:
    return f"{source.removesuffix('.jsonl')}:{row['source_intent']}" if source != OWN else f"{OWN}:{row['label']}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, default=ROOT.parent / "shared" / "train" / "triage")
    ap.add_argument("--own", type=Path, nargs="+", default=[ROOT / "datasets" / "triage" / name for name in OWN_FILES])
    ap.add_argument("--train-only", type=Path, nargs="*",
                    default=[ROOT / "datasets" / "triage" / name for name in TRAIN_ONLY],
                    help="own rows trained on (by every fold's model too) but not scored when choosing thresholds:"
                    " rows written to teach one hard kind, whose mix would otherwise stand in for customers' own")
    ap.add_argument("--public-dev", type=Path, default=ROOT.parent / "shared" / "eval" / "triage")
    ap.add_argument("--target", type=Path, nargs="*", default=[ROOT / "datasets" / "triage" / n for n in DEV_SETS],
                    help="development sets of unseen industries, pooled with the held-out own rows for --precision")
    ap.add_argument("--keep", type=Path, nargs="*", default=[ROOT / "examples" / "eval" / n for n in EARLIER_SETS],
                    help="earlier sets whose precision must not drop, besides the public dev halves")
    ap.add_argument("--out", type=Path, default=WEIGHTS_DIR)
    ap.add_argument("--cache", type=Path, default=None, help="directory to cache embeddings in while developing")
    ap.add_argument("--own-weight", type=float, default=20.0, help="weight of one own row against one public row")
    ap.add_argument("--l2", type=float, default=1e-5)
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--lr", type=float, default=0.01)
    ap.add_argument("--folds", type=int, default=5, help="folds of our own rows, whole industries to a fold")
    ap.add_argument("--precision", type=float, default=0.88,
                    help="precision of the added handoffs on the pooled held-out rows; 0.88 chosen leave-one-set-out"
                    " over E, G, H, I from 0.85, 0.88, 0.9 (held-out mean P/R 0.935/0.903, 0.964/0.915, 0.967/0.902)")
    ap.add_argument("--min-gain", type=int, default=2)
    ap.add_argument("--bands", type=int, nargs="+", default=[15, 20],
                    help="word counts where a new threshold band starts; (15, 20) with --long-questions and --floor"
                    " 0.5 chosen leave-one-set-out over E-L against one boundary searched over 0-20 (issue 12)")
    ap.add_argument("--long-questions", action=argparse.BooleanOptionalAction, default=True,
                    help="split the longest band by a question mark (a long question has its own thresholds)")
    ap.add_argument("--story-words", type=int, nargs="+", default=None,
                    help="instead of --bands: candidate single boundaries, the best held-out recall wins"
                    " (before issue 12)")
    ap.add_argument("--floor", type=float, default=0.5, help="no threshold is chosen below this")
    ap.add_argument("--off", nargs="*", default=[], choices=HANDOFF_LABELS,
                    help="labels to switch off whatever dev says")
    args = ap.parse_args(argv)

    from bot.policy import Policy
    from bot.triage.classifier import is_question, word_count
    from bot.triage.decision import Triage
    from bot.triage.model_guards import holding_at_serve_time

    sourced = [(r, name) for name in SOURCES for r in _rows(args.train / name)]
    sourced += [(r, OWN) for path in args.own for r in _rows(path)]
    taught = len(sourced)  # rows from here on are --train-only: trained on, never scored for thresholds
    sourced += [(r, OWN) for path in args.train_only for r in _rows(path)]
    classes = sorted({_class_of(r, source) for r, source in sourced})
    label_of = {_class_of(r, source): r["label"] for r, source in sourced}
    to_labels = np.zeros((len(classes), len(LABELS)), dtype=np.float32)
    to_labels[np.arange(len(classes)), [LABELS.index(label_of[c]) for c in classes]] = 1.0
    index = {c: i for i, c in enumerate(classes)}
    counts = {name: dict(Counter(r["label"] for r, source in sourced if source == name)) for name in [*SOURCES, OWN]}
    scored_own = np.array([source == OWN for _, source in sourced]) & (np.arange(len(sourced)) < taught)
    own = [r for (r, _), keep in zip(sourced, scored_own, strict=True) if keep]
    x = _embed([r["text"] for r, _ in sourced], args.cache)
    yc = np.array([index[_class_of(r, source)] for r, source in sourced])
    y = np.array([LABELS.index(r["label"]) for r, _ in sourced])
    is_own = np.array([source == OWN for _, source in sourced])
    weight = _balanced(y, np.where(is_own, args.own_weight, 1.0))
    fold = np.full(len(sourced), -1)  # -1: in every fold's training (public rows, --train-only rows)
    fold[scored_own] = industry_folds([r.get("industry", "unknown") for r in own], args.folds)

    def fit(mask: np.ndarray) -> np.ndarray:
        return train(x[mask], yc[mask], weight[mask], len(classes), l2=args.l2, epochs=args.epochs, lr=args.lr)

    own_probs = np.zeros((len(sourced), len(LABELS)), dtype=np.float32)
    for k in range(args.folds):  # each own row predicted by a model that saw no row of its industry
        own_probs[fold == k] = label_probs(x[fold == k], fit(fold != k), to_labels)
    w = fit(np.ones(len(sourced), dtype=bool)).astype(np.float16)

    rules = Triage(Policy())

    def scored(texts: list[str], expected: list[str], probs: np.ndarray) -> Scored:
        ruled = [rules.classify(t).label for t in texts]
        label, score = handoff_verdicts(probs)
        return Scored(label=label, score=score, words=np.array([word_count(t) for t in texts]),
                      open_to_model=np.array([[r == "none" and (lab == "none" or holding_at_serve_time(t, lab) is None)
                                               for lab in LABELS] for t, r in zip(texts, ruled, strict=True)]),
                      needs_person=np.array([e != "none" for e in expected]),
                      ruled=np.array([r != "none" for r in ruled]),
                      question=np.array([is_question(t) for t in texts], dtype=bool))

    def scored_set(path: Path) -> Scored:  # never trained on: predicted by the final head
        rows = _rows(path)
        texts = [r["text"] for r in rows]
        return scored(texts, [r["expected"] for r in rows], label_probs(_embed(texts, args.cache), w, to_labels))

    own_held_out = scored([r["text"] for r in own], [r["label"] for r in own], own_probs[scored_own])
    targets = [scored_set(path) for path in args.target]
    held_out = pooled([own_held_out, *targets])
    keep_paths = [args.public_dev / name for name in SOURCES] + list(args.keep)
    keep = [scored_set(path) for path in keep_paths]  # the head may add handoffs there, never lower their precision
    candidates: list[Boundary] = (list(args.story_words) if args.story_words
                                  else [Bands(tuple(args.bands), args.long_questions)])
    story_words, thresholds = choose_story_words(held_out, keep, precision=args.precision, min_gain=args.min_gain,
                                                 candidates=candidates, floor=args.floor)
    for k, path in enumerate(args.target):  # what a set gets from thresholds chosen without it
        others = pooled([own_held_out, *targets[:k], *targets[k + 1:]])
        words, without = choose_story_words(others, keep, precision=args.precision, min_gain=args.min_gain,
                                            candidates=candidates, floor=args.floor)
        p, r = handoff_precision_recall(targets[k], without, words)
        print(f"left out {path.name}: handoff P={p:.3f} R={r:.3f} (bands {words}, {json.dumps(without)})")
    chosen = {label: list(pair) for label, pair in thresholds.items()}
    final = {label: [OFF] * len(pair) if label in args.off else pair for label, pair in chosen.items()}

    args.out.mkdir(parents=True, exist_ok=True)
    np.save(args.out / "classifier.npy", w)
    meta = {
        "labels": list(LABELS),
        "classes": classes,
        "class_labels": [label_of[c] for c in classes],
        "score": "1 - p(none); the label is the likeliest handoff label (classifier.py)",
        "story_words": list(story_words.words) if isinstance(story_words, Bands) else story_words,
        "long_questions": isinstance(story_words, Bands) and story_words.questions,
        "thresholds": final,
        "thresholds_chosen": chosen,
        "held_out_recall": round(held_out_recall(held_out, thresholds, story_words), 4),
        "switched_off": sorted(args.off),
        "embedder": "local:all-MiniLM-L6-v2-int8 (knowledge_base/embeddings.py), unit vectors",
        "trained_on": {SOURCES.get(k, "own rows (" + ", ".join(p.name for p in [*args.own, *args.train_only]) + ")"): v
                       for k, v in counts.items()},
        "guards": "model_guards.holding_at_serve_time",
        "settings": {"own_weight": args.own_weight, "l2": args.l2, "epochs": args.epochs, "lr": args.lr,
                     "folds": args.folds, "precision": args.precision, "min_gain": args.min_gain,
                     "floor": args.floor, "off": sorted(args.off)},
        "thresholds_chosen_on": [f"own rows, {args.folds} folds by industry (precision target)"]
        + [f"{p.parent.name}/{p.name} (precision target, pooled with the own rows)" for p in args.target]
        + [f"{p.parent.name}/{p.name} (must not lose precision)" for p in keep_paths],
    }
    (args.out / "classifier.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    for name in ("classifier.npy", "classifier.json"):
        print(name, hashlib.sha256((args.out / name).read_bytes()).hexdigest())
    print("bands", story_words, "thresholds", json.dumps(final), "held-out recall", meta["held_out_recall"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
