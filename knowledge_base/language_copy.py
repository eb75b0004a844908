"""An uncompressed copy of py3langid's model, restricted to the languages the product speaks, kept in the
data folder (`models/`, beside the embedder's int8 graph) so a restart maps it instead of decompressing
the package's file.

Why: py3langid ships its model as one lzma-compressed npz (4.5 MB, 97 languages). Reading it cost
~0.5 CPU s per process (0.57 of a profiled 0.72 s in the lzma stream and the array reads), paid after
every restart by the first customer who wrote (the model loads after `/readyz`). The copy holds the
arrays the restricted identifier uses, one `.npy` file each (~41 MB, 39 of them the byte automaton),
memory-mapped read-only: nothing is decompressed or copied at load, and the automaton's pages are page
cache every process on the host shares instead of each worker's own heap.

Trust: the copy names the sha256 of the package file it was made from (checked against the installed
file at every load: an upgraded py3langid makes a new copy) and each array file's sha256 (checked at
load, on the same open file that is then mapped). A missing, stale, damaged or unreadable copy is
ignored: the caller reads the package's file as before and writes a new copy. Copies are written into a
temporary folder and renamed into place, so a reader (another worker) sees a whole copy or none.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

FORMAT = 1
_PREFIX = "py3langid-"
_WRITING = ".writing-py3langid-"
_ABANDONED_S = 3600.0  # a temporary folder this old was left by a writer that died (killed mid-write)
_MANIFEST = "manifest.json"
_MAX_ARRAY_BYTES = 256 * 1024 * 1024  # the restricted model's largest array is ~39 MB


@dataclass(frozen=True)
class ModelArrays:
    """What `py3langid.langid.LanguageIdentifier` is built from, restricted to some languages.

    `nextmove`, `row` and `output` are buffers of Python ints (`array.array`, a list, or a memoryview
    over a mapped file): the identifier's byte walk indexes them one element at a time."""

    ptc: np.ndarray  # (features, languages) float16: log P(feature | language)
    pc: np.ndarray  # (languages,) float32: log P(language)
    classes: list[str]
    nextmove: Any  # the automaton's distinct 256-entry rows, flattened
    row: Any  # state -> its row in `nextmove`
    output: Any  # state -> feature index, or -1


def source_digest(path: Path) -> str:
    """The sha256 of py3langid's model file (4.5 MB: ~3 ms)."""
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def copy_folder(models_dir: Path, digest: str, languages: tuple[str, ...]) -> Path:
    return models_dir / f"{_PREFIX}{digest[:16]}-{'-'.join(sorted(set(languages)))}"


def read_copy(models_dir: Path, digest: str, languages: tuple[str, ...]) -> ModelArrays | None:
    """The copy made from the model file whose sha256 is `digest`, mapped; None when there is no whole,
    matching copy (the reason is logged when one exists but is refused)."""
    folder = copy_folder(models_dir, digest, languages)
    if not (folder / _MANIFEST).is_file():
        return None
    try:
        return _read(folder, digest, languages)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("ignoring the language model copy at %s (%s): reading the package's model", folder, exc)
        return None


def _read(folder: Path, digest: str, languages: tuple[str, ...]) -> ModelArrays:
    manifest = json.loads((folder / _MANIFEST).read_text(encoding="utf-8"))
    if not isinstance(manifest, dict):  # one flipped bit makes `{` a `[`: refused, not an error per turn
        raise ValueError("manifest is not a JSON object")
    if manifest.get("format") != FORMAT or manifest.get("source_sha256") != digest:
        raise ValueError("made by another version or from another model file")
    if manifest.get("languages") != sorted(set(languages)):
        raise ValueError("made for other languages")
    classes = manifest["classes"]
    if not classes or not all(isinstance(c, str) for c in classes) or not set(classes) <= set(languages):
        raise ValueError("classes are not the languages asked for")
    arrays = {name: _mapped(folder / f"{name}.npy", manifest["files"][f"{name}.npy"])
              for name in ("ptc", "pc", "nextmove", "row", "output")}
    ptc, pc = arrays["ptc"], arrays["pc"]
    if ptc.ndim != 2 or ptc.shape[1] != len(classes) or pc.shape != (len(classes),):
        raise ValueError("array shapes do not match its classes")
    if arrays["row"].shape != arrays["output"].shape or arrays["nextmove"].size % 256:
        raise ValueError("automaton arrays do not match")
    return ModelArrays(ptc=ptc, pc=np.array(pc), classes=list(classes), nextmove=arrays["nextmove"].data,
                       row=arrays["row"].data, output=arrays["output"].data)


def _mapped(path: Path, sha256: str) -> np.ndarray:
    """`path`'s array, memory-mapped read-only, if the file's sha256 is `sha256`.

    NOTE: hashed and mapped through one open file: what was checked is what gets used (writers only
    ever rename whole folders into place, never rewrite a file). Only a regular file of a sane size is read:
    a device or FIFO in its place (`/dev/zero`) would be hashed forever, or block the open."""
    if not stat.S_ISREG(path.stat().st_mode):
        raise ValueError(f"{path.name} is not a regular file")
    with path.open("rb") as f:
        if not stat.S_ISREG((info := os.fstat(f.fileno())).st_mode) or info.st_size > _MAX_ARRAY_BYTES:
            raise ValueError(f"{path.name} is not a regular file of at most {_MAX_ARRAY_BYTES} bytes")
        if hashlib.file_digest(f, "sha256").hexdigest() != sha256:
            raise ValueError(f"{path.name} does not match its sha256")
        f.seek(0)
        version = np.lib.format.read_magic(f)
        read_header = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
        shape, fortran, dtype = read_header(f)
        if fortran or dtype.hasobject:
            raise ValueError(f"{path.name} is not a plain C-ordered array")
        mapped = np.memmap(f, dtype=dtype, mode="r", offset=f.tell(), shape=shape)
    return np.asarray(mapped)  # a plain ndarray over the mapping (the memmap subclass slows indexing)


def write_copy(models_dir: Path, digest: str, languages: tuple[str, ...], model: ModelArrays) -> Path | None:
    """Write `model` as the copy for `digest`/`languages`, replacing a damaged one; None when the folder
    cannot be written (a read-only data folder: every start then reads the package's file, as before)."""
    final = copy_folder(models_dir, digest, languages)
    try:
        models_dir.mkdir(parents=True, exist_ok=True)
        _forget_abandoned(models_dir)
        tmp = Path(tempfile.mkdtemp(prefix=_WRITING, dir=models_dir))
    except OSError as exc:
        log.info("cannot keep a copy of the language model in %s (%s)", models_dir, exc)
        return None
    try:
        files = {}
        for name, value in (("ptc", model.ptc), ("pc", model.pc), ("nextmove", _as_array(model.nextmove)),
                            ("row", _as_array(model.row)), ("output", np.asarray(model.output, dtype=np.int32))):
            files[f"{name}.npy"] = _save(tmp / f"{name}.npy", np.ascontiguousarray(value))
        manifest = {"format": FORMAT, "source_sha256": digest, "languages": sorted(set(languages)),
                    "classes": list(model.classes), "files": files}
        _write_synced(tmp / _MANIFEST, json.dumps(manifest, indent=1).encode("utf-8"))
        _publish(tmp, final)
    except OSError as exc:
        log.info("cannot keep a copy of the language model in %s (%s)", models_dir, exc)
        return None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # gone already when it was renamed into place
    _forget_other_versions(models_dir, keep=final, languages=languages)
    return final


def _as_array(buffer: Any) -> np.ndarray:
    """An `array.array` (or memoryview) as a numpy array of the same item type, without a copy."""
    return np.frombuffer(buffer, dtype=np.dtype(memoryview(buffer).format))


def _save(path: Path, value: np.ndarray) -> str:
    with path.open("wb") as f:
        np.save(f, value, allow_pickle=False)
        f.flush()
        os.fsync(f.fileno())  # renamed into place only once on disk: a crash leaves no empty file behind
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _write_synced(path: Path, data: bytes) -> None:
    with path.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _publish(tmp: Path, final: Path) -> None:
    """Rename `tmp` to `final`; a folder already there (damaged, or another worker's identical copy) is
    moved aside first and removed after (a process that mapped its files keeps them until it exits)."""
    try:
        os.rename(tmp, final)
        return
    except OSError:
        if not final.exists():
            raise
    aside = Path(tempfile.mkdtemp(prefix=_WRITING, dir=final.parent))
    try:
        with contextlib.suppress(FileNotFoundError):  # another writer moved it first
            os.rename(final, aside / final.name)
        try:
            os.rename(tmp, final)
        except OSError:
            if not final.exists():  # not another writer's copy in the way: the write failed
                raise
            # another writer put its copy there meanwhile: same bytes, keep it
    finally:
        shutil.rmtree(aside, ignore_errors=True)


def _forget_abandoned(models_dir: Path) -> None:
    cutoff = time.time() - _ABANDONED_S
    for path in models_dir.glob(f"{_WRITING}*"):
        with contextlib.suppress(OSError):  # gone meanwhile
            if path.stat().st_mtime < cutoff:
                shutil.rmtree(path, ignore_errors=True)


def _forget_other_versions(models_dir: Path, *, keep: Path, languages: tuple[str, ...]) -> None:
    """Copies of other model files (an older py3langid) for the same languages: ~41 MB each, never read again."""
    suffix = "-" + "-".join(sorted(set(languages)))
    for path in models_dir.glob(f"{_PREFIX}*{suffix}"):
        same_languages = path.name[len(_PREFIX) + 16:] == suffix  # not a superset ending alike
        if same_languages and path != keep and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
