"""The anchor: the LangChain RAG tutorial's retrieval, served the way the product is, to compare CPU per turn.

What the tutorial does (python.langchain.com, "Build a Retrieval Augmented Generation (RAG) App"):
split the documents with `RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)`, put
the chunks in an `InMemoryVectorStore`, and answer a question with `similarity_search(question)`.
Here: the same int8 MiniLM embedder as the product, the same example help centre (the files
`supportbot kb sync examples` indexes, read by the product's loaders so both see the same text),
one best chunk returned, nothing stored, no LLM. `POST /ask {"question": ...}` -> the chunk.

    gunicorn -k gthread --threads 32 -b 127.0.0.1:8001 --pythonpath .,benchmarks 'anchor_langchain_tutorial:app()'

`cpu_per_turn.py` starts it beside the product and measures both in one run.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CHUNK_SIZE, CHUNK_OVERLAP = 1000, 200  # the tutorial's numbers


def load_chunks(directory: Path) -> list[Any]:
    """The help centre's documents as LangChain `Document`s, split as the tutorial splits them."""
    from langchain_core.documents import Document
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from knowledge_base.documents import load_document
    from knowledge_base.errors import DocumentLoadError
    from knowledge_base.sync import _walk  # NOTE: the same files (and .kbignore) the product indexes

    documents = []
    paths, _refused_links = _walk(directory)
    for path in paths:
        try:
            loaded = load_document(path, source=path.relative_to(directory).as_posix())
        except DocumentLoadError as exc:  # as the product's sync: the file is left out, by name
            print(f"anchor: skipped {exc.name}: {exc.reason}", file=sys.stderr)
            continue
        documents.append(Document(page_content=loaded.text, metadata={"source": loaded.source, "title": loaded.title}))
    splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP)
    return splitter.split_documents(documents)


def app(examples: str | None = None, embedder: Any = None) -> Any:
    """The Flask app gunicorn serves (`embedder`: another `Embeddings` than the int8 MiniLM, e.g. one
    that remembers the chunks' vectors, so `turn_instructions.py` does not embed them under valgrind)."""
    from flask import Flask, jsonify, request
    from langchain_core.vectorstores import InMemoryVectorStore

    from knowledge_base.embeddings import LocalMiniLMEmbeddings

    store = InMemoryVectorStore(embedder or LocalMiniLMEmbeddings())
    store.add_documents(load_chunks(Path(examples) if examples else ROOT / "examples"))
    flask_app = Flask("anchor_langchain_tutorial")

    @flask_app.post("/ask")
    def ask() -> Any:
        question = str((request.get_json(silent=True) or {}).get("question", ""))[:4000]
        if not question.strip():
            return jsonify({"error": "empty question"}), 400
        best = store.similarity_search(question, k=1)
        if not best:
            return jsonify({"answer": None, "source": None})
        return jsonify({"answer": best[0].page_content, "source": best[0].metadata["source"]})

    @flask_app.get("/readyz")
    def ready() -> Any:
        return jsonify({"status": "ready"})

    return flask_app
