"""The language model's uncompressed copy in the data folder (issue 14: a restart, and the first
question after it, do not decompress py3langid's model again).

Detections from the copy must be the package's, bit for bit; a missing, stale or damaged copy falls
back to the package's file and is written again; writers never leave a half-written copy in place.
"""
from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from knowledge_base import language, language_copy
from tests.benchmark_scripts import load_benchmark

ROOT = Path(__file__).resolve().parents[2]
LANGS = language.SUPPORTED_LANGUAGES


def _development_texts() -> list[str]:
    """Questions of the development help centres and examples/ (golden and non-English development files)."""
    names = ["examples", *load_benchmark("answers_quality").DEVELOPMENT]
    texts: list[str] = []
    for name in names:
        folder = ROOT / "examples" if name == "examples" else ROOT / "datasets" / "helpcentres" / name
        for file in ("golden.jsonl", "golden_i18n_dev.jsonl"):
            path = folder / file
            if path.is_file():
                texts += [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines()
                          if line.strip()]
    return texts


@pytest.fixture
def package_reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """A fresh process's state; every read of py3langid's own (compressed) model file counted."""
    from py3langid.langid import LanguageIdentifier

    language._LOADED.clear()
    language._classified.cache_clear()
    calls: list[int] = []
    original = LanguageIdentifier.from_model_file.__func__

    def counted(cls, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return original(cls, *args, **kwargs)

    monkeypatch.setattr(LanguageIdentifier, "from_model_file", classmethod(counted))
    yield calls
    language._LOADED.clear()
    language._classified.cache_clear()


def _fresh_load(models_dir: Path | None) -> object:
    language._LOADED.clear()
    return language.identifier_for(LANGS, models_dir)


def _copy(models_dir: Path) -> Path:
    (folder,) = [p for p in models_dir.iterdir() if p.name.startswith("py3langid-")]
    return folder


def test_detections_from_the_copy_are_the_packages(tmp_path: Path, package_reads: list[int]) -> None:
    texts = _development_texts()
    package = _fresh_load(None)
    assert len(texts) >= 300 and len({package.classify(t)[0] for t in texts}) >= 5  # type: ignore[attr-defined]
    _fresh_load(tmp_path)  # no copy yet: reads the package's file and writes the copy
    assert len(package_reads) == 2
    copied = _fresh_load(tmp_path)
    assert len(package_reads) == 2, "the second load read the package's file again"
    assert isinstance(copied.tk_nextmove, memoryview)  # type: ignore[attr-defined]  # mapped, not decompressed
    for text in texts:
        assert copied.classify(text) == package.classify(text), text  # type: ignore[attr-defined]
        assert np.array_equal(copied._decide(text), package._decide(text)), text  # type: ignore[attr-defined]


def test_detectors_and_the_background_load_use_the_copy(tmp_path: Path, package_reads: list[int]) -> None:
    load = language.BackgroundLoad(models_dir=tmp_path)
    load.start()
    assert load.wait(60)
    assert (_copy(tmp_path) / "manifest.json").is_file() and len(package_reads) == 1
    language._LOADED.clear()
    detector = language.LanguageDetector(default="en", models_dir=tmp_path)
    assert detector.detect("¿Cuánto tarda el envío a Canadá?") == "es"
    assert len(package_reads) == 1


@pytest.mark.parametrize("damage", ["flipped byte", "truncated", "file missing", "manifest garbled",
                                    "other source"])
def test_a_damaged_or_stale_copy_falls_back_to_the_package_and_is_rebuilt(
        tmp_path: Path, package_reads: list[int], damage: str) -> None:
    reference = _fresh_load(tmp_path)
    folder = _copy(tmp_path)
    nextmove = folder / "nextmove.npy"
    if damage == "flipped byte":
        data = bytearray(nextmove.read_bytes())
        data[len(data) // 2] ^= 0x01
        nextmove.write_bytes(bytes(data))
    elif damage == "truncated":
        nextmove.write_bytes(nextmove.read_bytes()[:1000])
    elif damage == "file missing":
        nextmove.unlink()
    elif damage == "manifest garbled":
        (folder / "manifest.json").write_text("{", encoding="utf-8")
    else:  # made from another py3langid release's model file
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        (folder / "manifest.json").write_text(json.dumps(manifest | {"source_sha256": "0" * 64}), encoding="utf-8")
    reads = len(package_reads)
    fallback = _fresh_load(tmp_path)
    assert len(package_reads) == reads + 1  # the package's file, not the damaged copy
    text = "Wie lange dauert der Versand nach Kanada?"
    assert fallback.classify(text) == reference.classify(text)  # type: ignore[attr-defined]
    rebuilt = _fresh_load(tmp_path)  # the fallback wrote a whole copy again
    assert len(package_reads) == reads + 1
    assert np.array_equal(rebuilt._decide(text), reference._decide(text))  # type: ignore[attr-defined]
    assert [p.name for p in tmp_path.iterdir()] == [folder.name]  # nothing half-written left beside it


def test_a_folder_that_cannot_be_written_still_detects(tmp_path: Path, package_reads: list[int]) -> None:
    blocked = tmp_path / "models"
    blocked.write_text("a file where the folder would go", encoding="utf-8")
    detector = language.LanguageDetector(default="en", models_dir=blocked)
    assert detector.detect("Où est ma commande ? Je l'ai achetée il y a deux semaines.") == "fr"
    assert len(package_reads) == 1


def test_concurrent_writers_leave_one_whole_copy(tmp_path: Path, package_reads: list[int]) -> None:
    """Workers that all found no copy write theirs at once (each to its own folder, renamed into place):
    readers meanwhile see a whole copy or none, and one whole copy is left."""
    _fresh_load(None)
    full = language._LOADED[LANGS]
    arrays = language_copy.ModelArrays(ptc=full.nb_ptc, pc=full.nb_pc, classes=list(full.nb_classes),
                                       nextmove=full.tk_nextmove, row=full.tk_row, output=full.tk_output)
    digest = "ab" * 32
    barrier = threading.Barrier(5)
    seen: list[bool] = []
    done = threading.Event()

    def write() -> None:
        barrier.wait()
        language_copy.write_copy(tmp_path, digest, LANGS, arrays)

    def read() -> None:
        barrier.wait()
        while True:  # reads until the writers are done, then once more, so it sees at least one copy
            last = done.is_set()
            copied = language_copy.read_copy(tmp_path, digest, LANGS)  # None while none is in place
            if copied is not None:
                seen.append(bytes(copied.nextmove) == bytes(full.tk_nextmove))
            if last:
                break

    writers = [threading.Thread(target=write) for _ in range(4)]
    reader = threading.Thread(target=read)
    for t in [*writers, reader]:
        t.start()
    for t in writers:
        t.join(120)
    done.set()
    reader.join(60)
    final = language_copy.read_copy(tmp_path, digest, LANGS)
    assert final is not None and bytes(final.nextmove) == bytes(full.tk_nextmove)
    assert [p.name for p in tmp_path.iterdir()] == [language_copy.copy_folder(tmp_path, digest, LANGS).name]
    assert seen and all(seen)  # every copy a reader accepted was whole (and it accepted one)


@pytest.mark.parametrize("manifest", ["[]", "null", "1", '"x"'])
def test_a_manifest_that_is_not_an_object_is_refused_not_raised(tmp_path: Path, manifest: str) -> None:
    # Review of boot11: `[]` (one flipped bit of `{`) raised AttributeError out of every detection.
    digest = "cd" * 32
    folder = language_copy.copy_folder(tmp_path, digest, LANGS)
    folder.mkdir(parents=True)
    (folder / "manifest.json").write_text(manifest, encoding="utf-8")
    assert language_copy.read_copy(tmp_path, digest, LANGS) is None


def test_a_failed_publish_is_not_reported_as_written(tmp_path: Path, package_reads: list[int],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # Review of boot11: a rename failing for another reason than a writer's copy in the way returned success.
    import os

    _fresh_load(None)
    full = language._LOADED[LANGS]
    arrays = language_copy.ModelArrays(ptc=full.nb_ptc, pc=full.nb_pc, classes=list(full.nb_classes),
                                       nextmove=full.tk_nextmove, row=full.tk_row, output=full.tk_output)
    final = language_copy.copy_folder(tmp_path, "ef" * 32, LANGS)
    final.mkdir(parents=True)
    (final / "manifest.json").write_text("{damaged", encoding="utf-8")  # a damaged copy to replace
    real_rename = os.rename

    def failing_rename(src: object, dst: object) -> None:
        if Path(str(dst)) == final:  # the new copy's rename into place (moving the old one aside works)
            raise OSError(28, "No space left on device")
        real_rename(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(language_copy.os, "rename", failing_rename)
    assert language_copy.write_copy(tmp_path, "ef" * 32, LANGS, arrays) is None
    assert language_copy.read_copy(tmp_path, "ef" * 32, LANGS) is None


def test_a_device_in_place_of_an_array_is_refused_not_read_forever(tmp_path: Path, package_reads: list[int]) -> None:
    # A tester's find: output.npy linked to /dev/zero made every detection hash an endless file.
    _fresh_load(None)
    full = language._LOADED[LANGS]
    arrays = language_copy.ModelArrays(ptc=full.nb_ptc, pc=full.nb_pc, classes=list(full.nb_classes),
                                       nextmove=full.tk_nextmove, row=full.tk_row, output=full.tk_output)
    folder = language_copy.write_copy(tmp_path, "fe" * 32, LANGS, arrays)
    assert folder is not None and language_copy.read_copy(tmp_path, "fe" * 32, LANGS) is not None
    (folder / "output.npy").unlink()
    (folder / "output.npy").symlink_to("/dev/zero")
    assert language_copy.read_copy(tmp_path, "fe" * 32, LANGS) is None
