"""Contrastive ranking signals between the top candidates, scored leave-one-help-centre-out offline.

Why the wrong document comes first (DECISIONS.md, "A fifth feature..."): mostly a sibling article on a
near topic, whose title matches the question better. Absolute signals (a document's own coverage,
vectors) move little, because siblings share the topic's words. A contrastive signal looks only at
what separates the top few candidates: the question's content words (and adjacent-word pairs) that
some of the top k documents hold and others do not, weighted by idf; a candidate gets credit for the
discriminating words it holds ("express" vs "standard", "annual" vs "monthly"). Variants: where a word
counts as held (anywhere in the document's keyword text, which repeats the title in every chunk; the
body only; the body's single best section), k, bigrams, numbers/capitalised words only, and a penalty
for discriminating words the candidate holds only in its title.

Each variant's weight is fitted on top of the shipped learned ranker (its four weights kept,
`rank_study._on_shipped`'s protocol): left-one-centre-out over every development centre, per L2, the
public sets counted with the weight fitted on all centres (never fitted on them).

Measured on 2026-12-05 (eleventh session; 34 development sets, 1,545 English answerable questions, the
shipped ranker 1,224 right first, stackfaq 586 of 609, rasa_sara 337 of 454): every variant that gains
costs the public sets. Body + headings with bigrams, k 3, times length: 1,254-1,256 but stackfaq 579-580,
rasa_sara 330-331; keyword text k 3 1,231-1,249, stackfaq 572-583; gated by `common`, numbers or
capitalised words only: 1,221-1,237, noise. The one public-neutral point (k 2, keyword text + bigrams,
normalised by the whole question, times length, L2 0.003) is 1,230 (+6), stackfaq 586, rasa_sara 338: not
built. Gated to candidates whose title is behind the best title among the k (`behind`, the title bias):
up to 1,264 with stackfaq 572; public-neutral at k 2, keyword text + bigrams, whole-question norm, times
length, L2 0.003: 1,238 (+14), stackfaq 586, rasa_sara 338, the lead for a next session, to be measured end
to end (DECISIONS.md, "A contrastive signal between the top candidates").

    python benchmarks/rank_signals.py --out /tmp/signals.pkl
    python benchmarks/rank_signals.py --public --out /tmp/public_signals.pkl
    python benchmarks/contrast_study.py --signals /tmp/signals.pkl --public /tmp/public_signals.pkl [--variant NAME]
    python benchmarks/contrast_study.py --signals /tmp/signals.pkl --variant "all k2 bi qnorm" \
        --features "disc*len*behind" --margins 0.003   # the calibrated score replayed (overturn_margin.py)
"""
from __future__ import annotations

import argparse
import pickle
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from fit_ranker import fit  # noqa: E402
from rank_study import SHIPPED, as_fit_rows, build, loo, right_first  # noqa: E402

from knowledge_base.learned_ranker import LearnedRanker  # noqa: E402
from knowledge_base.lexical import terms  # noqa: E402

L2_GRID = (0.0003, 0.001, 0.003, 0.01, 0.03)
_CAPITAL = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+")


def _prepare(c: dict[str, Any]) -> None:
    """Per centre, once: each chunk's body terms (ordered, for bigrams), its section's terms, title terms."""
    if "_body" in c:
        return
    memo: dict[str, str | None] = {}
    c["_body"] = [terms(t, memo) for t in c["chunk_texts"]]
    c["_sect"] = [set(terms(s, memo)) for s in c["chunk_sections"]]
    c["_title"] = [set(terms(t, memo)) for t in c["titles"]]
    n_docs = len(c["doc_ids"])
    starts = np.searchsorted(c["chunk_doc"], np.arange(n_docs + 1))
    starts[-1] = len(c["chunk_doc"])
    c["_starts"] = starts


def _bigrams(seq: list[str]) -> set[str]:
    return {f"{a} {b}" for a, b in zip(seq, seq[1:], strict=False)}


def _holds(c: dict[str, Any], row: int, where: str, qterms: set[str]) -> set[str]:
    """The question's terms document `row` holds: in its keyword text (`all`: title + sections + body),
    its body and headings (`body`), or the one section that holds most of them (`section`)."""
    lo, hi = int(c["_starts"][row]), int(c["_starts"][row + 1])
    if where == "all":
        got = set(c["_title"][row])
        for i in range(lo, hi):
            got |= set(c["_body"][i]) | c["_sect"][i] | _bigrams(c["_body"][i])
        return got & qterms
    if where == "body":
        got = set()
        for i in range(lo, hi):
            got |= set(c["_body"][i]) | c["_sect"][i] | _bigrams(c["_body"][i])
        return got & qterms
    # section: group the chunks by section, keep the section holding the most question terms
    by_section: dict[str, set[str]] = {}
    for i in range(lo, hi):
        s = by_section.setdefault(c["chunk_sections"][i], set())
        s |= (set(c["_body"][i]) | c["_sect"][i] | _bigrams(c["_body"][i])) & qterms
    return max(by_section.values(), key=len, default=set())


def _idf(c: dict[str, Any], term: str) -> float:
    lex = c["lexical"]
    if " " in term:
        parts = [lex.idf(p) for p in term.split(" ")]
        return max((p for p in parts if p is not None), default=0.0)
    value = lex.idf(term)
    return 0.0 if value is None else value


def contrast(c: dict[str, Any], q: dict[str, Any], t: dict[str, np.ndarray], shipped: np.ndarray, *, k: int,
             where: str, bigrams: bool, only: str = "", qnorm: bool = False) -> dict[str, np.ndarray]:
    """Per candidate (zero outside the shipped top `k`): `disc`, the idf share of the discriminating
    question terms it holds, each weighted by how few of the top k hold it ((k - n) / (k - 1));
    `alone`, those it alone holds; `gap`, its disc minus the best other's; `title_only`, the
    discriminating terms it holds in its title but not in its body."""
    _prepare(c)
    n = len(shipped)
    out = {name: np.zeros(n) for name in ("disc", "alone", "gap", "title_only", "common", "close",
                                                "behind")}
    k = min(k, n)
    if k < 2:
        return out
    top = np.argsort(-shipped, kind="stable")[:k]
    seq = terms(q["text"])
    qterms = set(seq)
    if only == "num":
        qterms = {w for w in qterms if any(ch.isdigit() for ch in w)}
    elif only == "named":
        caps = {w.lower() for w in _CAPITAL.findall(q["question"])}
        qterms = {w for w in qterms if any(ch.isdigit() for ch in w) or w in caps}
    if bigrams and not only:
        qterms |= _bigrams(seq)
    if not qterms:
        return out
    rows = [int(t["row"][i]) for i in top]
    held = [_holds(c, r, where, qterms) for r in rows]
    body = held if where != "all" else [_holds(c, r, "body", qterms) for r in rows]
    counts: dict[str, int] = {}
    for h in held:
        for w in h:
            counts[w] = counts.get(w, 0) + 1
    weights = {w: _idf(c, w) * (k - m) / (k - 1) for w, m in counts.items() if m < k}
    total = sum(weights.values())
    if total <= 0:
        return out
    if qnorm:  # in units of the whole question's idf (as coverage): a small difference gives a small credit
        total = sum(_idf(c, w) or c["lexical"].max_idf for w in qterms)
    # How much the top k share: the idf share of the held question terms that all k hold (siblings: high).
    held_idf = sum(_idf(c, w) for w in counts)
    out["common"][top] = sum(_idf(c, w) for w, m in counts.items() if m == k) / held_idf if held_idf else 0.0
    # 1 for a top-k candidate whose title matches worse than the best title among the top k (the title bias).
    out["behind"][top] = (t["title"][top] < t["title"][top].max()).astype(float)
    out["close"][top] = np.clip(1 - (shipped[top[0]] - shipped[top]) / 0.1, 0, 1)
    disc = np.asarray([sum(weights[w] for w in h if w in weights) for h in held]) / total
    alone = np.asarray([sum(weights[w] for w in h if counts.get(w) == 1) for h in held]) / total
    title_only = []
    for r, h, b in zip(rows, held, body, strict=True):
        title_only.append(sum(weights[w] for w in h if w in weights and w in c["_title"][r] and w not in b))
    for name, values in (("disc", disc), ("alone", alone), ("title_only", np.asarray(title_only) / total)):
        out[name][top] = values
    if k >= 2:
        best_other = np.array([np.max(np.delete(disc, i)) for i in range(k)])
        out["gap"][top] = disc - best_other
    return out


VARIANTS: dict[str, dict[str, Any]] = {
    "all k3": {"k": 3, "where": "all", "bigrams": False},
    "all k5": {"k": 5, "where": "all", "bigrams": False},
    "body k3": {"k": 3, "where": "body", "bigrams": False},
    "body k4": {"k": 4, "where": "body", "bigrams": False},
    "body k5": {"k": 5, "where": "body", "bigrams": False},
    "body k3 bi": {"k": 3, "where": "body", "bigrams": True},
    "body k5 bi": {"k": 5, "where": "body", "bigrams": True},
    "all k3 qnorm": {"k": 3, "where": "all", "bigrams": False, "qnorm": True},
    "body k3 qnorm": {"k": 3, "where": "body", "bigrams": False, "qnorm": True},
    "body k5 qnorm": {"k": 5, "where": "body", "bigrams": False, "qnorm": True},
    "section k3 qnorm": {"k": 3, "where": "section", "bigrams": False, "qnorm": True},
    "body k3 bi qnorm": {"k": 3, "where": "body", "bigrams": True, "qnorm": True},
    "all k2": {"k": 2, "where": "all", "bigrams": False},
    "body k2 bi": {"k": 2, "where": "body", "bigrams": True},
    "all k2 qnorm": {"k": 2, "where": "all", "bigrams": False, "qnorm": True},
    "body k2 bi qnorm": {"k": 2, "where": "body", "bigrams": True, "qnorm": True},
    "all k2 bi qnorm": {"k": 2, "where": "all", "bigrams": True, "qnorm": True},
    "section k3": {"k": 3, "where": "section", "bigrams": False},
    "section k5": {"k": 5, "where": "section", "bigrams": False},
    "section k3 bi": {"k": 3, "where": "section", "bigrams": True},
    "all k3 num": {"k": 3, "where": "all", "bigrams": False, "only": "num"},
    "all k5 named": {"k": 5, "where": "all", "bigrams": False, "only": "named"},
}

Feature = Callable[[dict[str, np.ndarray]], np.ndarray]
FEATURE_SETS: dict[str, list[Feature]] = {
    "disc": [lambda t: t["c_disc"]],
    "disc*len": [lambda t: t["c_disc"] * t["length"]],
    "alone": [lambda t: t["c_alone"]],
    "gap": [lambda t: t["c_gap"]],
    "disc*common": [lambda t: t["c_disc"] * t["c_common"]],
    "disc*close": [lambda t: t["c_disc"] * t["c_close"]],
    "disc*len*common": [lambda t: t["c_disc"] * t["length"] * t["c_common"]],
    "disc*len*behind": [lambda t: t["c_disc"] * t["length"] * t["c_behind"]],
    "disc*behind": [lambda t: t["c_disc"] * t["c_behind"]],
    "disc*len*close": [lambda t: t["c_disc"] * t["length"] * t["c_close"]],
    "disc+title_only": [lambda t: t["c_disc"], lambda t: t["c_title_only"]],
    "disc*len+title_only": [lambda t: t["c_disc"] * t["length"], lambda t: t["c_title_only"]],
}


def _shipped_score(w: np.ndarray) -> Callable[[dict[str, np.ndarray]], np.ndarray]:
    def score(t: dict[str, np.ndarray]) -> np.ndarray:
        return np.c_[t["base"], np.stack([f(t) for f in SHIPPED], axis=1)] @ w
    return score


def annotate(centres: list[dict[str, Any]], rows: list[dict[str, Any]], score: Callable[..., np.ndarray],
             spec: dict[str, Any]) -> None:
    """Add `c_*` contrastive columns to every row's candidate table for one variant."""
    by_name = {c["name"]: c for c in centres}
    for c in centres:
        _prepare(c)
    spent = 0.0
    for r in rows:
        t = r["t"]
        shipped = score(t)
        started = time.perf_counter()
        values = contrast(by_name[r["set"]], r["q"], t, shipped, **spec)
        spent += time.perf_counter() - started
        for name, v in values.items():
            t[f"c_{name}"] = v
    if rows:
        print(f"{spec}: contrast {1e3 * spent / len(rows):.3f} ms a question (study code, pre-tokenised chunks)",
              flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--signals", type=Path, required=True)
    parser.add_argument("--public", type=Path, help="`rank_signals.py --public` rows: counted, never fitted on")
    parser.add_argument("--variant", action="append", default=[])
    parser.add_argument("--features", action="append", default=[])
    parser.add_argument("--margins", type=float, metavar="L2",
                        help="replay the calibrated score with the first --variant and --features at this L2")
    args = parser.parse_args()
    if args.margins is not None:
        centres = pickle.loads(args.signals.read_bytes())
        margins(centres, VARIANTS[args.variant[0]], FEATURE_SETS[args.features[0]][0], args.margins)
        return
    centres = pickle.loads(args.signals.read_bytes())
    public_centres = pickle.loads(args.public.read_bytes()) if args.public else []
    rows, public = build(centres), build(public_centres)
    w = np.r_[1.0, LearnedRanker.load().weights]
    score = _shipped_score(w)
    sets = sorted({r["set"] for r in rows})
    before = {s: right_first(as_fit_rows([r for r in rows if r["set"] == s], [], score), None) for s in sets}
    pub_before = {s: right_first(as_fit_rows([r for r in public if r["set"] == s], [], score), None)
                  for s in sorted({r["set"] for r in public})}
    print(f"questions {len(rows)} shipped right first {sum(before.values())} public {pub_before}", flush=True)
    for vname, spec in VARIANTS.items():
        if args.variant and vname not in args.variant:
            continue
        annotate(centres, rows, score, spec)
        annotate(public_centres, public, score, spec)
        for fname, feats in FEATURE_SETS.items():
            if args.features and fname not in args.features:
                continue
            fit_rows = as_fit_rows(rows, feats, score)
            pub_rows = as_fit_rows(public, feats, score)
            for l2 in L2_GRID:
                cv = loo(fit_rows, l2)
                beta = fit(fit_rows, l2)
                kept = {s: right_first([p for p in pub_rows if p["set"] == s], beta) for s in pub_before}
                moved = " ".join(f"{k[:12]}{cv[k] - before[k]:+d}" for k in cv if cv[k] != before[k])
                print(f"{vname:14} {fname:20} l2={l2:<7} LOO {sum(cv.values())}/{len(rows)} "
                      f"w={np.round(beta[1:] / beta[0], 4).tolist()} public {kept}\n{'':16}{moved}", flush=True)



def margins(centres: list[dict[str, Any]], spec: dict[str, Any], feature: Feature, l2: float) -> None:
    """What the calibrated score does with one variant: every English golden question (answerable and
    not) replayed as `overturn_margin.py` does, the first document scored by its hand-tuned relevance and
    its lead (`ranking.margin`), before and with the contrast fitted left-one-centre-out at `l2`.

    Counts over the threshold (0.5) and in the near-miss band (0.2-0.5): right first, wrong first,
    unanswerable. Two margins with the contrast: its lead in the new ranking (`lead`), and, as the
    rank10 study did, the lead without the new term where the first document did not change (`kept`)."""
    from overturn_margin import NEAR_FLOOR, THRESHOLD, questions, score

    w = np.r_[1.0, LearnedRanker.load().weights]
    shipped = _shipped_score(w)
    every = questions(centres)
    answerable = [r for r in every if r["answerable"]]
    annotate(centres, every, shipped, spec)
    fit_rows = as_fit_rows(answerable, [feature], shipped)
    names = sorted({r["set"] for r in every})
    weight = {}
    for held in names:
        beta = fit([r for r in fit_rows if r["set"] != held], l2)
        weight[held] = float(beta[1] / beta[0])
    totals: dict[str, dict[str, int]] = {}
    for r in every:
        t = r["t"]
        before = shipped(t)
        after = before + weight[r["set"]] * feature(t)
        for name, raw, lead_of in (("shipped", before, before), ("lead", after, after), ("kept", after, None)):
            i = int(np.argmax(raw))
            ref = lead_of if lead_of is not None else (before if i == int(np.argmax(before)) else after)
            others = np.delete(ref, i)
            margin = float(ref[i] - others.max()) if len(others) else float("nan")
            s = score(float(t["base"][i]), r["level"], margin)
            band = "ok" if s >= THRESHOLD else "near" if s >= NEAR_FLOOR else "low"
            kind = ("right" if t["labels"][i] else "wrong") if r["answerable"] else "unans"
            c = totals.setdefault(name, {})
            for key in (f"{kind}_first", f"{kind}_{band}"):
                c[key] = c.get(key, 0) + 1
    keys = ("right_first", "right_ok", "right_near", "wrong_first", "wrong_ok", "wrong_near", "unans_first",
            "unans_ok", "unans_near")
    print(f"{'margin':10}" + "".join(f"{k:>12}" for k in keys))
    for name, c in totals.items():
        print(f"{name:10}" + "".join(f"{c.get(k, 0):>12}" for k in keys), flush=True)


if __name__ == "__main__":
    main()
