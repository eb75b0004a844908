"""Big help centres: sync time, start-up to /readyz, server memory and search latency at N documents.

Generates N help-centre articles (`helpcentre_corpus.py`; 10,000 give ~30,000 chunks), syncs them into
a data folder the way `supportbot kb sync` does (chunks, cross-lingual vectors, then the search
snapshot saved beside the index), then starts the real server (`supportbot serve`, one worker, no
examples) on it --restarts times, and reports per start: seconds to the first 200 from /readyz, the
CPU seconds the server spent until then (less sensitive to other load on a shared machine), worker
RSS and PSS right after, the seconds until the bot answers a first question asked at once (what a
model still loading in the background costs the first customer), CPU and RSS a second after that
answer, the seconds a second question takes, and RSS after `--turns` customer questions went through
it. A first, untimed start writes the server's bytecode under --work (not into the checkout), as an
installed package has it. Search latency
is timed in this process on the same folder (the saved snapshot mapped, as a worker does): query
embedding included.

`--fast-vectors` (for 100,000 documents, where the model would embed for hours on 2 shared cores):
the same corpus goes through the same sync pipeline (load, split, Chroma rows, snapshot; Chroma
written 5,000 chunks at a time instead of 256), but a
chunk's vector is the real MiniLM vector of its article's topic ("<action> <object>", ~2,000 of them)
plus Gaussian noise (sigma 0.045 per dimension, cosine ~0.7 to the topic), a title's the same with
sigma 0.02, and the cross-lingual vectors random unit rows (only questions in other languages use
them; none are asked here). The index records the real model's id, so the server opens it as its
own; queries are embedded by the real model. Start-up, memory and search are the figures that count.

`--snapshot-only` (with --fast-vectors): writing 350,000 rows into embedded Chroma took over an hour
here and crashed it once (a segfault in its Rust bindings while resuming), so the rows skip Chroma:
the product's loader and splitter make the chunks, the product's searcher builds and saves the
snapshot from them (coarse index, titles, keywords, passages) for the generation of a real Chroma
collection left empty, which the server opens as its index. Each document's whole-document windows
are cut by the product (`windows.document_windows`) and given `--fast-vectors`' vectors of its topic,
and the snapshot reads them as it reads a sync's (`windows.read_windows`). Start-up, RSS and search
then run the product's own path (a server never reads Chroma's rows or graph to search once the
snapshot is saved); what differs from a full index is Chroma's own files (its SQLite pages) and
answers, which read a document's chunks from Chroma and fall back to the passages here.

    python benchmarks/kb_scale.py --docs 10000 [--work DIR] [--restarts 3] [--queries 200] [--turns 40]
    python benchmarks/kb_scale.py --docs 100000 --fast-vectors [--snapshot-only]
    python benchmarks/kb_scale.py --examples   # restarts on the bundled example folder (budget < 4 s)

Budgets (issue 14) at 100,000 documents: start to /readyz < 10 s, server RSS < 600 MB, search p50
< 20 ms. Reuses an already synced folder under --work (delete it to measure the sync again).
Prints figures, then one JSON line.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import zlib
from pathlib import Path

import httpx
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks"), str(ROOT / "tests" / "bot")]
from helpcentre_corpus import ACTIONS, OBJECTS, queries, write_corpus  # noqa: E402
from web.server_process import ServerProcess, _children  # noqa: E402

from knowledge_base.config import KnowledgeBaseSettings  # noqa: E402
from knowledge_base.crosslingual import CROSS_LINGUAL_MODEL_ID, DIMENSIONS  # noqa: E402
from knowledge_base.embeddings import LocalMiniLMEmbeddings  # noqa: E402
from knowledge_base.service import KnowledgeBase, build_knowledge_base  # noqa: E402

BUDGET = {"ready_s": 10.0, "rss_mb": 600.0, "search_p50_ms": 20.0}
_BY_LENGTH = sorted(ACTIONS, key=len, reverse=True)


def topic_of(text: str) -> str:
    """"<action> <object>" of an article from its title (the first line of any text embedded for it)."""
    title = text.split("\n", 1)[0]
    action = next((a for a in _BY_LENGTH if title.startswith(a + " ")), "")
    rest = title[len(action) + 1:] if action else title
    obj = next((o for o in OBJECTS if rest.startswith(o)), rest)
    return f"{action} {obj}".strip()


class TopicVectors:
    """The `--fast-vectors` embedder: the real vector of a text's topic plus seeded noise (see the docstring)."""

    def __init__(self, model: LocalMiniLMEmbeddings) -> None:
        self.model = model
        self.model_id = model.model_id
        self._topics: dict[str, np.ndarray] = {}

    def embed_array(self, texts: list[str]) -> np.ndarray:
        topics = [topic_of(t) for t in texts]
        missing = sorted({t for t in topics if t not in self._topics})
        if missing:
            self._topics.update(zip(missing, self.model.embed_array(missing), strict=True))
        out = np.empty((len(texts), 384), dtype=np.float32)
        for row, (text, topic) in enumerate(zip(texts, topics, strict=True)):
            sigma = 0.02 if "\n" not in text else 0.045  # a bare title, or a chunk's composed text
            noise = np.random.default_rng(zlib.crc32(text.encode())).normal(0.0, sigma, 384)
            vector = self._topics[topic] + noise.astype(np.float32)
            out[row] = vector / np.linalg.norm(vector)
        return out

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_array(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.model.embed_array([text])[0].tolist()


class RandomCrossLingual:
    """`--fast-vectors`' cross-lingual vectors: random unit rows under the real model's id."""

    model_id = CROSS_LINGUAL_MODEL_ID

    def embed_array(self, texts: list[str]) -> np.ndarray:
        rows = np.random.default_rng(len(texts)).normal(size=(len(texts), DIMENSIONS)).astype(np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def _settings(data_dir: Path) -> KnowledgeBaseSettings:
    return KnowledgeBaseSettings(data_dir=data_dir)


def sync(corpus: Path, data_dir: Path, *, fast: bool) -> dict:
    """`kb sync` in this process: the sync, the cross-lingual fill, the first snapshot (built and saved)."""
    if fast:
        import knowledge_base.sync as sync_module

        # NOTE: 5,000 chunks per Chroma write instead of 256 (and per cross-lingual batch instead of
        # 128): at 350,000 chunks the small writes alone took over an hour on the shared machine.
        sync_module._FLUSH_CHUNKS = 5000  # type: ignore[attr-defined]
        kb = build_knowledge_base(_settings(data_dir), embedder=TopicVectors(LocalMiniLMEmbeddings()),  # type: ignore[arg-type]
                                  model_id=LocalMiniLMEmbeddings().model_id, cross_lingual=RandomCrossLingual())
        kb._filler._batch = 5000
    else:
        kb = build_knowledge_base(_settings(data_dir))
    figures: dict = {}
    started = time.perf_counter()
    report = kb.sync(corpus)
    figures["sync_s"] = round(time.perf_counter() - started, 1)
    figures["chunks"] = report.embedded
    print(f"sync: {report.summary()}, {report.embedded} chunks in {figures['sync_s']} s", flush=True)
    started = time.perf_counter()
    filled = kb.fill_cross_lingual()
    figures["crosslingual_fill_s"] = round(time.perf_counter() - started, 1)
    print(f"cross-lingual vectors: {filled} chunks in {figures['crosslingual_fill_s']} s", flush=True)
    figures |= prepare_search(kb)
    (data_dir / ".kb-scale-synced").write_text(json.dumps(figures))
    return figures


def prepare_search(kb: KnowledgeBase) -> dict:
    """What `kb sync` does last: build the search snapshot and save it for every server to map."""
    started = time.perf_counter()
    kb.warm_up()
    snapshot_s = round(time.perf_counter() - started, 1)
    print(f"search snapshot built and saved in {snapshot_s} s", flush=True)
    kb.close()
    return {"snapshot_s": snapshot_s}


class CorpusWindows:
    """`--snapshot-only`'s window store: each document's windows as `kb sync` cuts them, with the
    vector of its topic plus noise (as its chunks'), read once by the snapshot build."""

    def __init__(self, documents: list[tuple[str, int, str, str]], embedder: TopicVectors) -> None:
        self._documents, self._embedder = documents, embedder  # (id, version, title, text)

    def rows(self, *, page_size: int = 20_000):
        from knowledge_base.windows import document_windows

        for document_id, version, title, text in self._documents:
            windows = document_windows(title, text)
            # The title in front picks the document's topic (`topic_of`); the window's own text seeds the noise.
            for position, vector in enumerate(self._embedder.embed_array([f"{title}\n{w}" for w in windows])):
                yield document_id, version, position, vector


class CorpusRows:
    """`--snapshot-only`: the chunks `kb sync` makes of the corpus, held here instead of in Chroma, with
    what the searcher asks of an index while it builds the snapshot (nothing else is ever asked)."""

    cross_lingual = None

    def __init__(self, chunks: list, vectors: np.ndarray, model_id: str, generation: int,
                 windows: CorpusWindows) -> None:
        self._chunks, self._vectors, self.model_id, self._generation = chunks, vectors, model_id, generation
        self.windows = windows

    def count(self) -> int:
        return len(self._chunks)

    def generation(self, *, max_age_s: float = 0.0) -> int:
        return self._generation

    def iter_chunks_with_vectors(self, *, page_size: int = 20_000, vectors: bool = True):
        from dataclasses import fields

        from knowledge_base.chunking import Chunk
        from knowledge_base.index import ChunkMatch

        names = [f.name for f in fields(Chunk)]
        for chunk, vector in zip(self._chunks, self._vectors, strict=True):
            yield ChunkMatch(**{name: getattr(chunk, name) for name in names}), vector

    def chunks(self, ids: list[str]) -> list:
        return []

    def nearest(self, vector: list[float], k: int) -> list:
        raise AssertionError("a big base's snapshot is built with its coarse index, never Chroma's graph")


def snapshot_only(corpus: Path, data_dir: Path) -> dict:
    """`--snapshot-only`: chunks by the product's loader and splitter, `--fast-vectors`' vectors, the
    snapshot built and saved by the product's searcher for the generation of a real (empty) Chroma
    collection in `data_dir`, which the server opens as its index."""
    from knowledge_base.chunking import split_document
    from knowledge_base.documents import load_document
    from knowledge_base.index import ChromaIndex
    from knowledge_base.search import Searcher

    settings = _settings(data_dir)
    started = time.perf_counter()
    chunks, documents = [], []
    for path in sorted(corpus.rglob("*.md")):
        document = load_document(path, source=path.relative_to(corpus).as_posix())
        chunks += split_document(document, version=1, updated_at="2026-12-04T00:00:00+00:00", settings=settings)
        documents.append((document.id, 1, document.title, document.text))
    load_s = round(time.perf_counter() - started, 1)
    print(f"loaded and split {len(chunks)} chunks in {load_s} s", flush=True)
    embedder = TopicVectors(LocalMiniLMEmbeddings())
    vectors = embedder.embed_array([c.embed_text for c in chunks])
    index = ChromaIndex.open(settings, embedder, embedder.model_id)  # type: ignore[arg-type]
    rows = CorpusRows(chunks, vectors, embedder.model_id, index.generation(), CorpusWindows(documents, embedder))
    index.close()
    started = time.perf_counter()
    searcher = Searcher(index=rows, embedder=embedder, settings=settings)  # type: ignore[arg-type]
    searcher.refresh()
    snapshot_s = round(time.perf_counter() - started, 1)
    built = searcher._current_snapshot().windows
    windows = int(built.starts[-1]) if built is not None else 0
    print(f"search snapshot built and saved in {snapshot_s} s ({windows} document windows)", flush=True)
    figures = {"snapshot_only": True, "chunks": len(chunks), "windows": windows, "load_and_split_s": load_s,
               "snapshot_s": snapshot_s}
    (data_dir / ".kb-scale-synced").write_text(json.dumps(figures))
    return figures


def _cpu_s(pids: list[int]) -> float:
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])) / ticks  # incl. children
    return total


def _worker_memory(server: ServerProcess) -> tuple[float, float]:
    """(RSS, PSS) in MB of the worker(s), the master excluded (it holds no model)."""
    workers = _children(server.pid)
    rss = sum(_field(f"/proc/{pid}/status", "VmRSS:") for pid in workers)
    pss = sum(_field(f"/proc/{pid}/smaps_rollup", "Pss:") for pid in workers)
    return rss / 1024, pss / 1024


def _field(path: str, name: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(name):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _ask(server: ServerProcess, questions: list[str]) -> None:
    for question in questions:
        created = httpx.post(f"{server.url}/api/conversations", json={"locale": "en"}, timeout=30).json()
        server.post_as_customer(created["id"], created["token"], question)
    deadline = time.monotonic() + 120  # answers are written by the turn pool after the POST returns
    while time.monotonic() < deadline and httpx.get(server.url + "/readyz", timeout=30).status_code != 200:
        time.sleep(0.5)


# Asked right after /readyz answers 200: what the first customer waits for (English, so the turn still
# detects its language; the shipping pages answer it).
FIRST_QUESTION = "How long does standard shipping take?"
SECOND_QUESTION = "Can I change the delivery address after ordering?"  # another one: no memo answers it


def _first_answer_s(server: ServerProcess, question: str = FIRST_QUESTION) -> float:
    """Seconds from posting `question` in a new conversation to the bot's reply being listed."""
    created = httpx.post(f"{server.url}/api/conversations", json={"locale": "en"}, timeout=30).json()
    auth = {"Authorization": f"Bearer {created['token']}"}
    started = time.perf_counter()
    posted = server.post_as_customer(created["id"], created["token"], question)
    deadline = started + 120
    while time.perf_counter() < deadline:
        listed = httpx.get(f"{server.url}/api/conversations/{created['id']}/messages?after={posted['id']}",
                           headers=auth, timeout=30).json()["messages"]
        if any(m["role"] != "customer" for m in listed):
            return time.perf_counter() - started
        time.sleep(0.005)
    raise RuntimeError("no reply to the first question within 120 s")


def start_up(data_dir: Path, *, restarts: int, turns: int, examples: bool = False,
             first_question_after_s: float = 0.0) -> dict:
    """`restarts` starts of `supportbot serve` on `data_dir`; `examples`: as it runs out of the box
    (the bundled examples, indexed by the first start, which is not timed). The first question is asked
    `first_question_after_s` after /readyz answered (0: at once, the worst case for what loads after ready)."""
    env = {} if examples else {"SUPPORTBOT_INDEX_EXAMPLES_ON_START": "false"}
    # NOTE: the server's bytecode goes beside the data, not into the checkout; the untimed first start
    # writes it (as an installed package has it), so the timed starts do not compile the sources.
    env["PYTHONPYCACHEPREFIX"] = str(data_dir.parent / "pycache")
    with ServerProcess(data_dir, extra_env=env, startup_timeout_s=900) as first:
        # NOTE: and, a question answered and a few seconds served, what a first start leaves for the next
        # ones (the language model's uncompressed copy, written once it loaded): the timed starts are restarts.
        _first_answer_s(first)
        time.sleep(3)
    runs = []
    for run in range(restarts):
        server = ServerProcess(data_dir, extra_env=env, startup_timeout_s=900)
        started = time.perf_counter()
        server.start()
        ready_s = time.perf_counter() - started
        cpu_s = _cpu_s([server.pid, *_children(server.pid)])
        rss, pss = _worker_memory(server)
        time.sleep(first_question_after_s)
        row = {"ready_s": round(ready_s, 2), "cpu_s": round(cpu_s, 2), "worker_rss_mb": round(rss),
               "worker_pss_mb": round(pss), "first_answer_s": round(_first_answer_s(server), 3)}
        time.sleep(1.0)  # what start-up still does once ready (a model warmed in the background) is counted too
        row["cpu_s_settled"] = round(_cpu_s([server.pid, *_children(server.pid)]), 2)
        row["worker_rss_mb_settled"] = round(_worker_memory(server)[0])
        row["second_answer_s"] = round(_first_answer_s(server, SECOND_QUESTION), 3)  # everything loaded
        probes = []
        for _ in range(20):  # what a load balancer's readiness probe costs the worker
            before = _cpu_s(_children(server.pid))
            httpx.get(server.url + "/readyz", timeout=30)
            probes.append((_cpu_s(_children(server.pid)) - before) * 1000)
        row["readyz_cpu_ms"] = round(statistics.mean(probes), 1)
        if run == restarts - 1 and turns:
            _ask(server, queries(turns, seed=5))
            time.sleep(2)
            row["worker_rss_mb_after_turns"] = round(_worker_memory(server)[0])
        server.stop()
        runs.append(row)
        after = row.get("worker_rss_mb_after_turns")
        print(f"start {run + 1}: /readyz in {row['ready_s']} s ({row['cpu_s']} CPU s), worker RSS "
              f"{row['worker_rss_mb']} MB, PSS {row['worker_pss_mb']} MB; first answer in {row['first_answer_s']} s "
              f"(a second one {row['second_answer_s']} s), "
              f"{row['cpu_s_settled']} CPU s and RSS {row['worker_rss_mb_settled']} MB with it; "
              f"a /readyz probe {row['readyz_cpu_ms']} CPU ms"
              + (f"; RSS {after} MB after {turns} turns" if after is not None else ""), flush=True)
    return {
        "ready_s_median": statistics.median(r["ready_s"] for r in runs),
        "ready_cpu_s_median": statistics.median(r["cpu_s"] for r in runs),
        "worker_rss_mb_median": statistics.median(r["worker_rss_mb"] for r in runs),
        "worker_pss_mb_median": statistics.median(r["worker_pss_mb"] for r in runs),
        "worker_rss_mb_after_turns": runs[-1].get("worker_rss_mb_after_turns"),
        "readyz_cpu_ms_mean": statistics.median(r["readyz_cpu_ms"] for r in runs),
        "first_answer_s_median": statistics.median(r["first_answer_s"] for r in runs),
        "second_answer_s_median": statistics.median(r["second_answer_s"] for r in runs),
        "cpu_s_settled_median": statistics.median(r["cpu_s_settled"] for r in runs),
        "worker_rss_mb_settled_median": statistics.median(r["worker_rss_mb_settled"] for r in runs),
        "starts": runs,
    }


def search_latency(data_dir: Path, n: int) -> dict:
    kb: KnowledgeBase = build_knowledge_base(_settings(data_dir))
    started = time.perf_counter()
    kb.warm_up()
    warm_s = time.perf_counter() - started
    asked = queries(n)
    for q in asked[:10]:
        kb.search(q)
    times, cpu = [], []
    for q in asked:
        started, started_cpu = time.perf_counter(), time.process_time()
        kb.search(q)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)  # what it costs, whatever else runs
    rss = _field("/proc/self/status", "VmRSS:") / 1024
    agreement = _title_index_agreement(kb, asked)
    kb.close()
    return agreement | {"search_warm_up_s": round(warm_s, 2), "search_ms_p50": round(statistics.median(times), 2),
                        "search_ms_p95": round(float(np.percentile(times, 95)), 2),
                        "search_cpu_ms_p50": round(statistics.median(cpu), 2),
                        "search_cpu_ms_p95": round(float(np.percentile(cpu, 95)), 2),
                        "search_process_rss_mb": round(rss)}


def _title_index_agreement(kb: KnowledgeBase, asked: list[str]) -> dict:
    """The title index (`search.TITLES_EXACT_BELOW`) against every title scored exactly on the same snapshot,
    question by question, interleaved: how often both put the same document first, the share of the top 5
    in common, and each one's CPU ms per search (p50). Empty on a base that scans its titles exactly."""
    snap = kb._get_searcher()._current_snapshot()
    title_index = snap.title_index
    if title_index is None:
        return {}
    tops: dict[str, list[list[str]]] = {"index": [], "exact": []}
    cpu: dict[str, list[float]] = {"index": [], "exact": []}
    try:
        for question in asked:
            for way in ("index", "exact"):
                snap.title_index = title_index if way == "index" else None  # this process only
                started = time.process_time()
                hits = kb.search(question).hits
                cpu[way].append((time.process_time() - started) * 1000)
                tops[way].append([h.document_id for h in hits[:5]])
    finally:
        snap.title_index = title_index
    pairs = list(zip(tops["index"], tops["exact"], strict=True))
    same_first = sum(bool(a) and bool(b) and a[0] == b[0] for a, b in pairs)
    overlap = statistics.mean(len(set(a) & set(b)) / max(len(b), 1) for a, b in pairs)
    figures = {"title_index_same_first": same_first, "title_index_top5_overlap": round(overlap, 3),
               "search_cpu_ms_p50_title_index": round(statistics.median(cpu["index"]), 2),
               "search_cpu_ms_p50_titles_exact": round(statistics.median(cpu["exact"]), 2)}
    print(f"title index against every title scored exactly (same snapshot, interleaved): same first document "
          f"{same_first} of {len(asked)}, top-5 overlap {overlap:.3f}; CPU p50 "
          f"{figures['search_cpu_ms_p50_title_index']} ms against {figures['search_cpu_ms_p50_titles_exact']} ms",
          flush=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/kb-scale"))
    parser.add_argument("--fast-vectors", action="store_true")
    parser.add_argument("--snapshot-only", action="store_true",
                        help="with --fast-vectors: no rows in Chroma, only the saved snapshot (see the docstring)")
    parser.add_argument("--restarts", type=int, default=3)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--turns", type=int, default=40)
    parser.add_argument("--first-question-after", type=float, default=0.0,
                        help="seconds between /readyz answering and the first question (default: at once)")
    parser.add_argument("--examples", action="store_true",
                        help="only restarts on the bundled example help centre (budget: /readyz < 4 s)")
    args = parser.parse_args()
    if args.examples:
        figures = start_up(args.work / "data-examples", restarts=args.restarts, turns=0, examples=True,
                           first_question_after_s=args.first_question_after)
        print(json.dumps(figures | {"budget_ok": {"ready_s": figures["ready_s_median"] < 4.0}}))
        return

    corpus = write_corpus(args.work / f"corpus-{args.docs}", args.docs)
    suffix = ("-fast" if args.fast_vectors else "") + ("-snap" if args.snapshot_only else "")
    data_dir = args.work / f"data-{args.docs}{suffix}"
    marker = data_dir / ".kb-scale-synced"
    if marker.exists():
        figures = json.loads(marker.read_text())
        print(f"reusing the synced folder {data_dir}: {figures}")
        if args.snapshot_only and "windows" not in figures:
            print("WARNING: this folder was built before --snapshot-only carried document windows: delete it "
                  "to measure them", flush=True)
        if "snapshot_s" not in figures:  # synced by an earlier version, without the saved snapshot
            figures |= prepare_search(build_knowledge_base(_settings(data_dir)))
            marker.write_text(json.dumps(figures))
    elif args.snapshot_only:
        figures = snapshot_only(corpus, data_dir)
    else:
        figures = sync(corpus, data_dir, fast=args.fast_vectors)
    figures |= start_up(data_dir, restarts=args.restarts, turns=args.turns,
                        first_question_after_s=args.first_question_after)
    figures |= search_latency(data_dir, args.queries)
    print(f"search: p50 {figures['search_ms_p50']} ms, p95 {figures['search_ms_p95']} ms (CPU p50 "
          f"{figures['search_cpu_ms_p50']} ms, p95 {figures['search_cpu_ms_p95']} ms) over {args.queries} questions "
          f"(snapshot mapped in {figures['search_warm_up_s']} s)")
    figures |= {"documents": args.docs, "fast_vectors": args.fast_vectors,
                "budget_ok": {"ready_s": figures["ready_s_median"] < BUDGET["ready_s"],
                              "rss_mb": figures["worker_rss_mb_median"] < BUDGET["rss_mb"],
                              "search_p50_ms": figures["search_ms_p50"] < BUDGET["search_p50_ms"]}}
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
