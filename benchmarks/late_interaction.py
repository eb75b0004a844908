"""Late interaction (ColBERT-style MaxSim) on MiniLM's token vectors: a study for ranking and answerability.

Search and the answerability decision read mean-pooled sentence vectors and keyword statistics. This
measures a signal they never had: the model's *contextual token vectors* (`last_hidden_state`, not
pooled). For a question and a passage, each content token of the question is matched to its most
similar token of the passage (cosine), and the matches are averaged (uniformly, or weighted by the
word's idf in the knowledge base). It needs no training: the shipped int8 MiniLM gives the vectors.

Three steps, each on what the one before cached:

    python benchmarks/rank_signals.py --out S.pkl            # (and --public --out P.pkl)
    python benchmarks/late_interaction.py record --signals S.pkl --out F.pkl [--top 5]
    python benchmarks/late_interaction.py rank --signals S.pkl --features F.pkl \
        [--public-signals P.pkl --public-features PF.pkl]
    python benchmarks/answerability_rows.py --out ROWS.jsonl
    python benchmarks/late_interaction.py answerability ROWS.jsonl --cache AF.pkl

`record` embeds, per development centre, the token vectors of every chunk of the shipped ranking's top
`--top` documents for each English golden question (answerable and unanswerable), and keeps per question
and candidate the MaxSim variants (`FEATURES`) plus timings (the query-time cost, `cost` below). `rank`
re-ranks the shipped ranking's top K (2, 3, 5) with the variants as extra features on top of the
shipped weights, fitted by `fit_ranker.fit` leave-one-centre-out, and counts right document first per
centre and pooled; the public sets with the weights fitted on every centre (measured, never fitted
on). `answerability` adds the MaxSim of the question against the section the answerer would show
(title, heading and part shown) to the shipped learned decision's signals and compares it held out
with `answerability_model_fit.py`'s own cross-validation (cut-off chosen on the other centres).

Run `record` and `cost` with `OPENBLAS_NUM_THREADS=1`: with numpy's default threads on a shared machine the
recorded `maxsim_cpu_ms` counts BLAS threads spinning (85-150 ms a question instead of ~1-6).

The figures measured on 2026-12-05 (tenth session, branch tok11) are in docs/DECISIONS.md, "Late
interaction on token vectors".
"""
from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from knowledge_base.chunking import compose_embed_text  # noqa: E402
from knowledge_base.lexical import terms  # noqa: E402

_WORD = re.compile(r"[^\W_]+", re.UNICODE)  # the lexical index's word pattern
FEATURES = ("ms_all", "ms_content", "ms_idf", "doc_ms_content", "doc_ms_idf", "body_ms_idf", "doc_body_ms_idf",
            "rev_ms")


@dataclass(frozen=True)
class Tokens:
    """A text's contextual token vectors (unit rows, special tokens dropped) and their character spans."""

    vectors: np.ndarray  # (n, 384) float32
    starts: np.ndarray  # (n,) character offset of each token in the text


class TokenEmbedder:
    """The shipped MiniLM session, returning `last_hidden_state` per token instead of its mean."""

    def __init__(self) -> None:
        from knowledge_base.embeddings import LocalMiniLMEmbeddings
        from server import Settings

        settings = Settings().kb
        self._model = LocalMiniLMEmbeddings(cache_dir=settings.data_dir / "models")

    def tokens(self, texts: Sequence[str]) -> list[Tokens]:
        loaded = self._model._load()
        out = []
        for text in texts:
            enc = loaded.tokenizer.encode(text if text.strip() else " ")
            ids = np.asarray([enc.ids], dtype=np.int64)
            feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
            if "token_type_ids" in loaded.input_names:
                feeds["token_type_ids"] = np.zeros_like(ids)
            (hidden,) = loaded.session.run(["last_hidden_state"], feeds)
            keep = np.asarray(enc.special_tokens_mask) == 0
            vectors = hidden[0][keep].astype(np.float32)
            vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
            out.append(Tokens(vectors, np.asarray([o[0] for o in enc.offsets])[keep]))
        return out

    def pooled_and_tokens(self, text: str) -> tuple[np.ndarray, Tokens]:
        """One model run giving both the question's sentence vector and its token vectors (the query-time path)."""
        (tokens,) = self.tokens([text])
        pooled = tokens.vectors.mean(axis=0)
        return pooled / np.linalg.norm(pooled), tokens


def question_weights(text: str, tokens: Tokens, idf: Callable[[str], float]) -> tuple[np.ndarray, np.ndarray]:
    """Per token of the question: whether it is part of a content word (not a stop word), and that word's idf."""
    content = np.zeros(len(tokens.starts), bool)
    weight = np.zeros(len(tokens.starts))
    spans = []
    for m in _WORD.finditer(text.lower()):
        folded = terms(m.group())
        if folded:
            spans.append((m.start(), m.end(), folded[0]))
    for i, s in enumerate(tokens.starts):
        for a, b, term in spans:
            if a <= s < b:
                content[i] = True
                weight[i] = idf(term)
                break
    return content, weight


def maxsim(sims: np.ndarray, weights: np.ndarray) -> float:
    """Weighted mean over question tokens (rows) of their best passage token (columns)."""
    if sims.shape[1] == 0 or weights.sum() <= 0:
        return 0.0
    return float((sims.max(axis=1) * weights).sum() / weights.sum())


def candidate_features(q: Tokens, content: np.ndarray, idf_w: np.ndarray,
                       chunks: list[tuple[Tokens, int]]) -> dict[str, float]:
    """MaxSim variants of the question against one document's chunks (`(tokens, header length)` each)."""
    ones = np.ones(len(q.starts))
    cw = content.astype(float) if content.any() else ones
    iw = idf_w if idf_w.sum() > 0 else cw
    best: dict[str, float] = {"ms_all": -1.0, "ms_content": -1.0, "ms_idf": -1.0, "body_ms_idf": -1.0, "rev_ms": 0.0}
    doc_max = np.full(len(q.starts), -1.0)
    body_max = np.full(len(q.starts), -1.0)
    for tokens, header in chunks:
        sims = q.vectors @ tokens.vectors.T
        body = tokens.starts >= header
        row_max = sims.max(axis=1) if sims.shape[1] else np.full(len(q.starts), -1.0)
        doc_max = np.maximum(doc_max, row_max)
        if body.any():
            body_row = sims[:, body].max(axis=1)
            body_max = np.maximum(body_max, body_row)
            best["body_ms_idf"] = max(best["body_ms_idf"], float((body_row * iw).sum() / iw.sum()))
        ms_idf = float((row_max * iw).sum() / iw.sum())
        if ms_idf > best["ms_idf"]:
            best["ms_idf"] = ms_idf
            # The other direction, on the chunk the question matches best: how much of it is about the question.
            best["rev_ms"] = float(sims[content if content.any() else slice(None)].max(axis=0).mean()) \
                if sims.shape[1] else 0.0
        best["ms_all"] = max(best["ms_all"], float(row_max.mean()))
        best["ms_content"] = max(best["ms_content"], float((row_max * cw).sum() / cw.sum()))
    best["doc_ms_content"] = float((doc_max * cw).sum() / cw.sum())
    best["doc_ms_idf"] = float((doc_max * iw).sum() / iw.sum())
    best["doc_body_ms_idf"] = float((body_max * iw).sum() / iw.sum())
    return best


def shipped_order(q: dict[str, Any]) -> list[str]:
    """The documents in the shipped learned ranking's order (`rank_signals.py` recorded it)."""
    return [d for d, _base, _raw in sorted(q["shipped"], key=lambda s: -s[2])]


def record_centre(c: dict[str, Any], embedder: TokenEmbedder, top: int) -> dict[str, Any]:
    """Per question: the MaxSim variants of its shipped top `top` documents, and the time they took."""
    lex = c["lexical"]
    row_of = {d: i for i, d in enumerate(c["doc_ids"])}
    doc = np.asarray(c["chunk_doc"])
    needed = sorted({row_of[d] for q in c["questions"] for d in shipped_order(q)[:top]})
    chunk_rows = [int(i) for i in np.flatnonzero(np.isin(doc, needed))]
    texts, headers = [], []
    for i in chunk_rows:
        title = c["titles"][int(doc[i])]
        section = c["chunk_sections"][i]
        full = compose_embed_text(title, section, c["chunk_texts"][i])
        texts.append(full)
        headers.append(len(compose_embed_text(title, section, "")))
    t0 = time.process_time()
    toks = embedder.tokens(texts)
    embed_cpu = time.process_time() - t0
    n_tokens = sum(len(t.starts) for t in toks)
    by_doc: dict[int, list[tuple[Tokens, int]]] = {}
    for i, t, h in zip(chunk_rows, toks, headers, strict=True):
        by_doc.setdefault(int(doc[i]), []).append((t, h))

    def idf(term: str) -> float:
        posting = lex._posting(term)
        return float(lex.max_idf if posting is None else posting[1])

    out = []
    q_cpu = ms_cpu = 0.0
    for q in c["questions"]:
        t0 = time.process_time()
        (qt,) = embedder.tokens([q["text"]])
        t1 = time.process_time()
        content, weights = question_weights(q["text"], qt, idf)
        feats = {d: candidate_features(qt, content, weights, by_doc[row_of[d]]) for d in shipped_order(q)[:top]}
        t2 = time.process_time()
        q_cpu += t1 - t0
        ms_cpu += t2 - t1
        out.append({"id": q["id"], "features": feats, "content_tokens": int(content.sum())})
    n_q = max(1, len(c["questions"]))
    return {"name": c["name"], "questions": out,
            "cost": {"chunks": len(chunk_rows), "tokens": n_tokens, "chunk_embed_cpu_s": embed_cpu,
                     "question_embed_cpu_ms": 1000 * q_cpu / n_q, "maxsim_cpu_ms": 1000 * ms_cpu / n_q,
                     "chunks_per_doc": len(chunk_rows) / max(1, len(needed))}}


def cmd_record(args: argparse.Namespace) -> None:
    centres = pickle.loads(args.signals.read_bytes())
    embedder = TokenEmbedder()
    out = []
    for c in centres:
        out.append(record_centre(c, embedder, args.top))
        cost = out[-1]["cost"]
        print(c["name"], json.dumps({k: round(v, 3) for k, v in cost.items()}), file=sys.stderr, flush=True)
    args.out.write_bytes(pickle.dumps(out))


def cmd_cost(args: argparse.Namespace) -> None:
    """CPU per question of each way to get the signal for the shipped top 3 documents (medians over the
    centre's questions, interleaved): the question's sentence vector alone (today), its token vectors from
    the same run, MaxSim against stored chunk token vectors (int8 codes), and the 3 best chunks' token
    vectors embedded at query time instead; and what storing every chunk's token vectors would take."""
    centres = [c for c in pickle.loads(args.signals.read_bytes()) if c["name"] == args.only]
    c = centres[0]
    embedder = TokenEmbedder()
    from knowledge_base.embeddings import LocalMiniLMEmbeddings

    pooled_model = embedder._model
    assert isinstance(pooled_model, LocalMiniLMEmbeddings)
    row_of = {d: i for i, d in enumerate(c["doc_ids"])}
    doc = np.asarray(c["chunk_doc"])
    texts = [compose_embed_text(c["titles"][int(doc[i])], c["chunk_sections"][i], c["chunk_texts"][i])
             for i in range(len(doc))]
    toks = embedder.tokens(texts)
    codes = []
    for t in toks:  # int8 codes with a scale per token, as the snapshot keeps the windows
        scale = np.abs(t.vectors).max(axis=1) / 127.0
        codes.append((np.round(t.vectors / scale[:, None]).astype(np.int8), scale.astype(np.float32)))
    timings: dict[str, list[float]] = {"pooled": [], "tokens": [], "maxsim_stored_top3": [], "embed_top3_chunks": []}
    sims_all = np.asarray(c["chunk_vectors"])
    for _ in range(args.repeat):
        for q in c["questions"]:
            t0 = time.process_time()
            pooled_model.embed_array([q["text"]])
            t1 = time.process_time()
            (qt,) = embedder.tokens([q["text"]])
            t2 = time.process_time()
            top3 = [row_of[d] for d in shipped_order(q)[:3]]
            best = float("-inf")
            for d in top3:
                for i in np.flatnonzero(doc == d):
                    code, scale = codes[i]
                    sims = qt.vectors @ (code.astype(np.float32) * scale[:, None]).T
                    best = max(best, float(sims.max(axis=1).mean()))
            t3 = time.process_time()
            chunk_sims = sims_all @ q["vector"]
            picked = [int(np.flatnonzero(doc == d)[np.argmax(chunk_sims[doc == d])]) for d in top3]
            embedder.tokens([texts[i] for i in picked])
            t4 = time.process_time()
            for key, value in zip(timings, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
                timings[key].append(1000 * value)
    n_tokens = sum(len(t.starts) for t in toks)
    print(json.dumps({"centre": c["name"], "questions": len(c["questions"]) * args.repeat,
                      **{f"{k}_cpu_ms_median": round(float(np.median(v)), 3) for k, v in timings.items()},
                      "chunks": len(toks), "tokens_per_chunk": round(n_tokens / len(toks), 1),
                      "stored_bytes_per_chunk_int8": round(n_tokens * (384 + 4) / len(toks)),
                      "stored_mb_at_32000_chunks": round(32000 * n_tokens * (384 + 4) / len(toks) / 2**20)}))


# -- ranking ---------------------------------------------------------------------------------------
def rerank_rows(centres: list[dict[str, Any]], feats: list[dict[str, Any]], k: int,
                names: Sequence[str]) -> list[dict[str, Any]]:
    """Per English answerable question, its shipped top k: the shipped score (base), MaxSim columns, labels."""
    from rank_study import SHIPPED, _shipped_score, build

    from knowledge_base.learned_ranker import LearnedRanker

    w = np.r_[1.0, list(LearnedRanker.load().weights)]
    del SHIPPED[len(w) - 1:]
    score = _shipped_score(w)
    by_id = {(f["name"], q["id"]): q["features"] for f in feats for q in f["questions"]}
    rows = []
    for r in build(centres):
        t = r["t"]
        s = score(t)
        order = np.argsort(-s, kind="stable")[:k]
        docs = [r["doc_ids"][int(t["row"][i])] for i in order]
        f = by_id[(r["set"], r["id"])]
        table = np.asarray([[f[d][n] if d in f else 0.0 for n in names] for d in docs]).reshape(len(docs), len(names))
        rows.append({"set": r["set"], "base": s[order], "features": table, "labels": t["labels"][order]})
    return rows


def cmd_rank(args: argparse.Namespace) -> None:
    from fit_ranker import fit
    from rank_study import right_first

    centres = pickle.loads(args.signals.read_bytes())
    feats = pickle.loads(args.features.read_bytes())
    public = pickle.loads(args.public_signals.read_bytes()) if args.public_signals else []
    public_feats = pickle.loads(args.public_features.read_bytes()) if args.public_features else []
    if args.band:
        _band(centres, feats, public, public_feats, args.band.split("+"), args.l2[0], args.k[0])
        return
    variants = [[n] for n in FEATURES] + [["ms_idf", "doc_ms_idf"], ["ms_idf", "rev_ms"], ["body_ms_idf", "ms_idf"]]
    for k in args.k:
        base_rows = rerank_rows(centres, feats, k, [])
        sets = sorted({r["set"] for r in base_rows})
        before = {s: right_first([r for r in base_rows if r["set"] == s], None) for s in sets}
        pub_before = rerank_rows(public, public_feats, k, []) if public else []
        pb = {s: right_first([r for r in pub_before if r["set"] == s], None)
              for s in sorted({r["set"] for r in pub_before})}
        print(f"\n== top {k}: shipped right first {sum(before.values())}/{len(base_rows)}; right doc in top {k}: "
              f"{sum(bool(r['labels'].any()) for r in base_rows)}; public {pb}", flush=True)
        for names in variants:
            rows = rerank_rows(centres, feats, k, names)
            pub = rerank_rows(public, public_feats, k, names) if public else []
            for l2 in args.l2:
                cv = {}
                for held in sets:
                    beta = fit([r for r in rows if r["set"] != held], l2)
                    cv[held] = right_first([r for r in rows if r["set"] == held], beta)
                beta = fit(rows, l2)
                kept = {s: right_first([r for r in pub if r["set"] == s], beta)
                        for s in sorted({r["set"] for r in pub})}
                gain = sum(cv.values()) - sum(before.values())
                moved = " ".join(f"{s[:14]}{cv[s] - before[s]:+d}" for s in sets if cv[s] != before[s])
                print(f"  {'+'.join(names):26} l2={l2:<7} LOO {sum(cv.values())} ({gain:+d})"
                      f" w={np.round(beta[1:] / beta[0], 3).tolist()} public {kept}\n      {moved}", flush=True)


def _band(centres: list[dict[str, Any]], feats: list[dict[str, Any]], public: list[dict[str, Any]],
          public_feats: list[dict[str, Any]], names: list[str], l2: float, k: int) -> None:
    """Re-rank only where the shipped first document's lead over the next is under a band (the only
    questions that would pay for the token vectors): right first, left-one-centre-out, per band."""
    from fit_ranker import fit

    rows = rerank_rows(centres, feats, k, names)
    pub = rerank_rows(public, public_feats, k, names) if public else []
    sets = sorted({r["set"] for r in rows})
    betas = {held: fit([r for r in rows if r["set"] != held], l2) for held in sets}
    beta_all = fit(rows, l2)

    def first(r: dict[str, Any], beta: np.ndarray, band: float) -> bool:
        lead = r["base"][0] - r["base"][1] if len(r["base"]) > 1 else np.inf
        i = int(np.argmax(np.c_[r["base"], r["features"]] @ beta)) if lead < band else 0
        return bool(r["labels"][i])

    for band in (0.0, 0.01, 0.02, 0.03, 0.05, 0.1, np.inf):
        hits = sum(first(r, betas[r["set"]], band) for r in rows)
        share = np.mean([len(r["base"]) > 1 and r["base"][0] - r["base"][1] < band for r in rows])
        kept = {s: sum(first(r, beta_all, band) for r in pub if r["set"] == s) for s in sorted({r["set"] for r in pub})}
        pshare = np.mean([len(r["base"]) > 1 and r["base"][0] - r["base"][1] < band for r in pub]) if pub else 0.0
        print(f"  {'+'.join(names)} l2={l2} top {k} band {band}: LOO right first {hits}/{len(rows)}, re-ranked "
              f"{share:.2f} of dev questions, {pshare:.2f} of public; public {kept}", flush=True)


def cmd_outcomes(args: argparse.Namespace) -> None:
    """What the bot's turn does today (`answerability_rows.py` rows, golden questions) with the questions a
    re-ranking (first --k, --l2, FEATURE) newly puts right or wrong first, left-one-centre-out."""
    from collections import Counter

    from fit_ranker import fit
    from rank_study import build

    centres = pickle.loads(args.signals.read_bytes())
    rows = rerank_rows(centres, pickle.loads(args.features.read_bytes()), args.k, args.feature.split("+"))
    ids = [(r["set"], r["id"]) for r in build(centres)]
    betas = {h: fit([r for r in rows if r["set"] != h], args.l2) for h in sorted({r["set"] for r in rows})}
    turns = {(r["kb"], r["id"]): r for line in args.rows.read_text().splitlines() if line.strip()
             for r in [json.loads(line)] if r["file"] == "golden"}
    moved: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    for (name, qid), r in zip(ids, rows, strict=True):
        new = bool(r["labels"][int(np.argmax(np.c_[r["base"], r["features"]] @ betas[name]))])
        if new != bool(r["labels"][0]):
            t = turns.get((name, qid))
            said = "?" if t is None else "wrong" if t["wrong"] else "fact said" if t["fact_said"] else "no fact"
            moved[new]["?" if t is None else f"{t['outcome']} ({said})" if t["answered"] else t["outcome"]] += 1
    print("newly right first, today's turn:", dict(moved[True]))
    print("newly wrong first, today's turn:", dict(moved[False]))


# -- answerability ---------------------------------------------------------------------------------
def cmd_answerability(args: argparse.Namespace) -> None:
    import answerability_model_fit as amf

    from bot.answering.learned_answerability import by_path

    rows = [json.loads(line) for p in args.rows for line in p.read_text().splitlines() if line.strip()]
    cache: dict[str, list[float]] = pickle.loads(args.cache.read_bytes()) if args.cache and args.cache.exists() else {}
    data = amf.Data(rows, "ok")
    embedder = TokenEmbedder()
    names = ("ms_all", "ms_content", "ms_rare", "rev_ms")
    extra = np.zeros((len(rows), len(names)))
    t_cpu, n = 0.0, 0
    for i, (r, m) in enumerate(zip(rows, data.model, strict=True)):
        if not m:
            continue
        s = amf.section(r)
        assert s is not None
        passage = f"{s['heading']}\n\n{s['body']}"
        key = f"{r['question']}\x00{passage}"
        if key not in cache:
            t0 = time.process_time()
            qt, pt = embedder.tokens([r["question"], passage])
            content, _ = question_weights(r["question"], qt, lambda _t: 1.0)
            sims = qt.vectors @ pt.vectors.T
            words = re.findall(r"[^\W_]+", r["question"].lower())
            rare = {t for w in words for t in terms(w) if len(w) >= 6}
            _, rare_w = question_weights(r["question"], qt, lambda t, rare=rare: 1.0 if t in rare else 0.3)
            cw = content.astype(float) if content.any() else np.ones(len(content))
            rev = float(sims[content if content.any() else slice(None)].max(axis=0).mean()) if sims.size else 0.0
            cache[key] = [maxsim(sims, np.ones(len(content))), maxsim(sims, cw), maxsim(sims, rare_w), rev]
            t_cpu += time.process_time() - t0
            n += 1
        extra[i] = cache[key]
    if args.cache:
        args.cache.write_bytes(pickle.dumps(cache))
    if n:
        print(f"embedded {n} question/section pairs, {1000 * t_cpu / n:.1f} ms CPU each", file=sys.stderr)
    base_x = data.x.copy()
    per_path = amf.columns(amf.logistic(args.l2), by_path)
    print(f"{len(rows)} rows, {int(data.model.sum())} decided by the model")
    amf.report(data, "the product's rule (replayed)", data.rule)
    p = amf.cross_validate(data, "shipped form: logistic, each path its own weights", per_path)
    amf.tradeoff(data, p, "shipped form")
    for cols, label in (((0,), "ms_all"), ((1,), "ms_content"), ((2,), "ms_rare"), ((3,), "rev_ms"),
                        ((1, 3), "ms_content+rev_ms"), ((0, 1, 2, 3), "all four")):
        data.x = np.hstack([base_x, extra[:, list(cols)]])
        p = amf.cross_validate(data, f"+ {label}", per_path)
        amf.tradeoff(data, p, f"+ {label}")
    # How well each separates, on the rows the model decides: AUROC of 'fact said' for the new signals.
    y = data.y[data.model].astype(bool)
    for j, nm in enumerate(names):
        print(f"AUROC fact said vs not, {nm}: {_auroc(extra[data.model, j], y):.3f}")


def _auroc(score: np.ndarray, y: np.ndarray) -> float:
    order = np.argsort(score, kind="stable")
    ranks = np.empty(len(score))
    ranks[order] = np.arange(1, len(score) + 1)
    pos = y.sum()
    return float((ranks[y].sum() - pos * (pos + 1) / 2) / max(1, pos * (len(y) - pos)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("--signals", type=Path, required=True)
    rec.add_argument("--out", type=Path, required=True)
    rec.add_argument("--top", type=int, default=5)
    rk = sub.add_parser("rank")
    rk.add_argument("--signals", type=Path, required=True)
    rk.add_argument("--features", type=Path, required=True)
    rk.add_argument("--public-signals", type=Path)
    rk.add_argument("--public-features", type=Path)
    rk.add_argument("--k", type=int, nargs="+", default=[2, 3, 5])
    rk.add_argument("--l2", type=float, nargs="+", default=[0.0003, 0.001, 0.003, 0.01])
    rk.add_argument("--band", help="FEATURE[+FEATURE]: re-rank only under a lead band (first --l2 and --k)")
    oc = sub.add_parser("outcomes")
    oc.add_argument("--signals", type=Path, required=True)
    oc.add_argument("--features", type=Path, required=True)
    oc.add_argument("--rows", type=Path, required=True, help="answerability_rows.py's rows")
    oc.add_argument("--feature", default="ms_idf")
    oc.add_argument("--k", type=int, default=3)
    oc.add_argument("--l2", type=float, default=0.003)
    co = sub.add_parser("cost")
    co.add_argument("--signals", type=Path, required=True)
    co.add_argument("--only", default="examples")
    co.add_argument("--repeat", type=int, default=3)
    an = sub.add_parser("answerability")
    an.add_argument("rows", type=Path, nargs="+")
    an.add_argument("--cache", type=Path)
    an.add_argument("--l2", type=float, default=1.0)
    args = parser.parse_args()
    commands = {"record": cmd_record, "rank": cmd_rank, "outcomes": cmd_outcomes, "cost": cmd_cost,
                "answerability": cmd_answerability}
    commands[args.command](args)


if __name__ == "__main__":
    main()
