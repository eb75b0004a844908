"""The search snapshot on disk: saved once per index generation, mapped by every process that searches.

Building a snapshot reads every chunk from Chroma, indexes their words and needs every title's
vector: at 10,000 documents that was 25-31 s of each worker's start (the titles re-embedded each
time) and 1.6 GB of RSS. Saved beside the index after the first build, a start maps its arrays
instead (numpy memmap: the pages are the OS's page cache, shared by every worker on the machine and
read only where a query touches them) and reads the document list: well under a second at 100,000
documents. Chunk texts stay on disk too, one UTF-8 blob with offsets, read a passage at a time (`file_rows.py`).

A folder per generation (`g<generation>`) under `<data_dir>/search/<collection>/`, written to a
temporary name and renamed, so a reader sees a whole snapshot or none; the manifest names the
embedding model and where the index lives, and a snapshot of another is never used.
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import overload

import numpy as np

from knowledge_base.chunking import chunk_id, parse_chunk_id
from knowledge_base.coarse_index import CoarseIndex
from knowledge_base.file_rows import FileRows
from knowledge_base.lexical import LexicalIndex, normalise
from knowledge_base.query import QueryNormaliser
from knowledge_base.snapshot import Snapshot
from knowledge_base.windows import WindowVectors

log = logging.getLogger(__name__)

FORMAT = 3  # 2: the coarse index of big bases; 3: document windows
KEEP = 2  # generations kept: a process may still read the one before the newest
_CHUNK_ARRAYS = ("versions", "title_vectors", "chunk_doc", "doc_starts", "chunk_versions", "chunk_positions")


class TextColumn(Sequence[str]):
    """Texts in one UTF-8 blob with offsets: a text is read and decoded when asked for."""

    def __init__(self, blob: np.ndarray | FileRows, offsets: np.ndarray) -> None:
        self._blob = blob
        self._offsets = offsets

    def __len__(self) -> int:
        return len(self._offsets) - 1

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return bytes(self._blob[int(self._offsets[i]):int(self._offsets[i + 1])]).decode("utf-8")


class ChunkIds(Sequence[str]):
    """Chunk ids computed from their document, version and position (`chunking.chunk_id`), not stored."""

    def __init__(self, doc_ids: Sequence[str], chunk_doc: np.ndarray, versions: np.ndarray,
                 positions: np.ndarray) -> None:
        self._doc_ids, self._doc, self._versions, self._positions = doc_ids, chunk_doc, versions, positions

    def __len__(self) -> int:
        return len(self._doc)

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        return chunk_id(self._doc_ids[int(self._doc[i])], int(self._versions[i]), int(self._positions[i]))


class ChunkRows(Mapping[str, int]):
    """Chunk id -> snapshot row by parsing the id, without a dict of every chunk (40 MB at 300,000)."""

    def __init__(self, ids: ChunkIds, doc_rows: Mapping[str, int], doc_starts: np.ndarray,
                 versions: np.ndarray, positions: np.ndarray) -> None:
        self._ids, self._doc_rows, self._starts = ids, doc_rows, doc_starts
        self._versions, self._positions = versions, positions

    def __getitem__(self, key: str) -> int:
        document_id, version, position = _parse(key)
        doc = self._doc_rows[document_id]
        start = int(self._starts[doc])
        end = int(self._starts[doc + 1]) if doc + 1 < len(self._starts) else len(self._positions)
        row = start + int(np.searchsorted(self._positions[start:end], position))
        if row < end and int(self._positions[row]) == position and int(self._versions[row]) == version:
            return row
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


def _parse(key: str) -> tuple[str, int, int]:
    try:
        return parse_chunk_id(key)
    except ValueError:
        raise KeyError(key) from None


def snapshot_root(data_dir: Path, collection: str) -> Path:
    return data_dir / "search" / collection


def save(snap: Snapshot, root: Path, *, model_id: str, where: str) -> Path:
    """Write `snap` as `root/g<generation>` (atomically, inside `building(root)`); returns the folder."""
    root.mkdir(parents=True, exist_ok=True)
    final = root / f"g{snap.generation}"
    if final.exists():
        return final
    tmp = Path(tempfile.mkdtemp(prefix=".writing-", dir=root))
    try:
        _write(snap, tmp, model_id=model_id, where=where)
        try:
            os.rename(tmp, final)
        except OSError:  # another process saved the same generation meanwhile
            shutil.rmtree(tmp, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _prune(root, keep=final.name)
    return final


def _write(snap: Snapshot, folder: Path, *, model_id: str, where: str) -> None:
    positions = np.asarray([parse_chunk_id(cid)[2] for cid in snap.chunk_ids], dtype=np.int32)
    versions = snap.chunk_versions if snap.chunk_versions is not None else snap.versions[snap.chunk_doc]
    arrays = {"versions": snap.versions, "title_vectors": snap.title_vectors, "chunk_doc": snap.chunk_doc,
              "doc_starts": snap.doc_starts, "chunk_versions": versions, "chunk_positions": positions}
    if snap.chunk_vectors is not None:
        arrays["chunk_vectors"] = snap.chunk_vectors
    if snap.coarse is not None:
        arrays |= {f"coarse_{name}": value for name, value in snap.coarse.arrays().items()}
    if snap.title_index is not None:  # its exact rows are the title vectors: not written twice
        arrays |= {f"titles_{name}": value for name, value in snap.title_index.arrays().items() if name != "exact"}
    if snap.windows is not None:
        arrays |= {"window_codes": snap.windows.codes, "window_scales": snap.windows.scales,
                   "window_starts": snap.windows.starts}
    terms, postings = snap.lexical.arrays()
    arrays |= {f"lex_{name}": value for name, value in postings.items()}
    for name, texts in (("texts", snap.chunk_texts), ("sections", snap.chunk_sections)):
        encoded = [t.encode("utf-8") for t in texts]
        arrays[f"{name}_offsets"] = np.concatenate([[0], np.cumsum([len(b) for b in encoded], dtype=np.int64)])
        (folder / f"{name}.bin").write_bytes(b"".join(encoded))
    for name, value in arrays.items():
        np.save(folder / f"{name}.npy", np.ascontiguousarray(value))
    documents = {"ids": list(snap.doc_ids), "titles": list(snap.titles), "sources": list(snap.sources),
                 "urls": list(snap.urls), "trusts": list(snap.trusts), "terms": terms}
    (folder / "documents.json").write_text(json.dumps(documents, ensure_ascii=False), encoding="utf-8")
    manifest = {"format": FORMAT, "model_id": model_id, "where": where, "generation": snap.generation,
                "level": snap.level, "documents": len(snap.doc_ids), "chunks": snap.chunks,
                "lexical_size": snap.lexical.size, "built_in": snap.built_in}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def _prune(root: Path, *, keep: str) -> None:
    """Drop all but the newest `KEEP` generations (a process still mapping one keeps its pages)."""
    folders = sorted((p for p in root.glob("g*") if p.is_dir()), key=_generation_of, reverse=True)
    for old in folders[KEEP:]:
        if old.name != keep:
            shutil.rmtree(old, ignore_errors=True)


def _generation_of(folder: Path) -> int:
    try:
        return int(folder.name[1:])
    except ValueError:
        return -1


def _manifest(folder: Path, *, model_id: str, where: str) -> dict[str, object] | None:
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    ok = manifest.get("format") == FORMAT and manifest.get("model_id") == model_id and manifest.get("where") == where
    return manifest if ok else None


def load(root: Path, generation: int, *, model_id: str, where: str,
         known: Callable[[str], bool]) -> Snapshot | None:
    """The saved snapshot of `generation`, its arrays mapped; None when there is none to use."""
    folder = root / f"g{generation}"
    manifest = _manifest(folder, model_id=model_id, where=where)
    if manifest is None:
        return None
    try:
        return _read(folder, manifest, known=known)
    except (OSError, ValueError, KeyError):  # a damaged folder is rebuilt, not served
        return None


def latest(root: Path, *, model_id: str, where: str) -> Snapshot | None:
    """The newest saved snapshot for this model and index, whatever its generation (to reuse its titles)."""
    if not root.is_dir():
        return None
    for folder in sorted(root.glob("g*"), key=_generation_of, reverse=True):
        snap = load(root, _generation_of(folder), model_id=model_id, where=where, known=lambda _w: False)
        if snap is not None:
            return snap
    return None


# Read a few rows a query, anywhere in the file: read with pread, not mapped (`file_rows.py`).
_READ_BY_ROWS = frozenset({"coarse_exact", "coarse_codes", "lex_rows", "window_codes", "titles_codes"})  # and the texts


# A small base is read whole into memory: a search reads ~80 rows, and a pread each (a syscall and a
# GIL handoff) cost ~1 ms a turn, which tripled server CPU per turn under 8 concurrent customers.
IN_MEMORY_BYTES = 64 * 1024 * 1024


def _read(folder: Path, manifest: Mapping[str, object], *, known: Callable[[str], bool]) -> Snapshot:
    small = sum(f.stat().st_size for f in folder.iterdir() if f.is_file()) < IN_MEMORY_BYTES

    def arr(name: str) -> np.ndarray:
        if name == "title_rows":  # the title vectors again, read by rows: a big base's title index reads a few
            return np.load(folder / "title_vectors.npy") if small else FileRows(folder / "title_vectors.npy")  # type: ignore[return-value]
        if small:
            return np.load(folder / f"{name}.npy")
        if name in _READ_BY_ROWS:
            return FileRows(folder / f"{name}.npy")  # type: ignore[return-value]  # rows and slices, as used
        return np.load(folder / f"{name}.npy", mmap_mode="r")

    def blob(name: str) -> np.ndarray | FileRows:
        return np.fromfile(folder / name, dtype=np.uint8) if small else FileRows.raw_bytes(folder / name)

    documents = json.loads((folder / "documents.json").read_text(encoding="utf-8"))
    doc_ids: list[str] = documents["ids"]
    doc_rows = {d: i for i, d in enumerate(doc_ids)}
    loaded = {name: arr(name) for name in _CHUNK_ARRAYS}
    computed = ChunkIds(doc_ids, loaded["chunk_doc"], loaded["chunk_versions"], loaded["chunk_positions"])
    chunk_ids: Sequence[str] = computed
    texts: Sequence[str] = TextColumn(blob("texts.bin"), arr("texts_offsets"))
    sections: Sequence[str] = TextColumn(blob("sections.bin"), arr("sections_offsets"))
    rows: Mapping[str, int] = ChunkRows(computed, doc_rows, loaded["doc_starts"], loaded["chunk_versions"],
                                        loaded["chunk_positions"])
    if small:
        chunk_ids, texts, sections, rows = _materialised(chunk_ids, texts, sections)
    lexical = LexicalIndex.from_arrays(int(str(manifest["lexical_size"])), documents["terms"],
                                       {k: arr(f"lex_{k}") for k in ("rows", "start", "end", "idf")})
    snap = Snapshot(
        generation=int(str(manifest["generation"])), doc_ids=doc_ids, doc_rows=doc_rows,
        versions=loaded["versions"], titles=documents["titles"], sources=documents["sources"],
        urls=documents["urls"], trusts=documents["trusts"], title_vectors=loaded["title_vectors"],
        chunk_doc=loaded["chunk_doc"], doc_starts=loaded["doc_starts"], chunk_ids=chunk_ids,
        chunk_texts=texts, chunk_sections=sections, chunk_rows=rows,
        lexical=lexical, chunk_versions=loaded["chunk_versions"],
        chunk_vectors=arr("chunk_vectors") if (folder / "chunk_vectors.npy").exists() else None,
        coarse=_coarse(folder, arr), title_index=_title_index(folder, arr),
        windows=WindowVectors(codes=arr("window_codes"), scales=arr("window_scales"), starts=arr("window_starts"))
        if (folder / "window_codes.npy").exists() else None,
        level=float(str(manifest["level"])), built_in=float(str(manifest.get("built_in", 0.0))),
    )
    snap.normaliser = QueryNormaliser(lexical.frequencies(), fold=normalise, known=known)
    return snap


def _materialised(ids: Sequence[str], texts: Sequence[str], sections: Sequence[str],
                  ) -> tuple[list[str], list[str], list[str], dict[str, int]]:
    """A small base's chunk ids, texts and sections as plain lists, and its id -> row dict.

    NOTE: an exact search of a small base resolves every chunk: computing each id from the arrays,
    parsing it back to its row and decoding its text and section cost ~0.5 ms a search (two a
    turn). Decoded once here, at load, they cost what the blob did (both are under IN_MEMORY_BYTES).
    """
    id_list = list(ids[:])
    return id_list, list(texts[:]), list(sections[:]), {cid: row for row, cid in enumerate(id_list)}


def _coarse(folder: Path, arr: Callable[[str], np.ndarray]) -> CoarseIndex | None:
    """The coarse index of a big base, mapped (None on bases scored exactly, or in Chroma)."""
    if not (folder / "coarse_codes.npy").exists():
        return None
    names = [p.stem for p in folder.glob("coarse_*.npy")]
    return CoarseIndex.from_arrays({name.removeprefix("coarse_"): arr(name) for name in names})


def _title_index(folder: Path, arr: Callable[[str], np.ndarray]) -> CoarseIndex | None:
    """The coarse index of a big base's titles; its exact rows are read from the title vectors by rows."""
    if not (folder / "titles_codes.npy").exists():
        return None
    names = ("centroids", "offsets", "members", "codes", "scales")
    return CoarseIndex.from_arrays({name: arr(f"titles_{name}") for name in names} | {"exact": arr("title_rows")})


@contextlib.contextmanager
def building(root: Path) -> Iterator[None]:
    """Held while one process builds a snapshot: workers starting together build it once, not each."""
    try:
        root.mkdir(parents=True, exist_ok=True)
        handle = open(root / ".build.lock", "a+b")  # noqa: SIM115 (closed below; the lock is optional)
    except OSError as error:  # a read-only or full data folder: build in memory, unshared, and serve
        log.warning("search snapshot: no build lock in %s (%s); building without sharing", root, error)
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            _prune_unfinished(root)
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _prune_unfinished(root: Path) -> None:
    """Drop the half-written folders of builds that were killed (~1 GB each at 100,000 documents).

    Called with the build lock held: every writer holds it, so any such folder is a dead writer's.
    """
    for folder in root.glob(".writing-*"):
        if folder.is_dir():
            log.info("search snapshot: removing %s, left by an unfinished build", folder.name)
            shutil.rmtree(folder, ignore_errors=True)
