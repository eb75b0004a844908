"""The language model's load alone: py3langid's compressed file (as main loads it) against the data
folder's uncompressed, memory-mapped copy (`knowledge_base.language_copy`), each in a fresh process.

Per load: CPU and wall seconds of `language.identifier_for` (imports done before the clock starts),
and the process's anonymous and file-backed resident memory growth after it and after detecting the
development questions (examples/ and the development help centres' golden files), interleaved
package/copy, `--runs` times. The copy is written once, untimed, into a temporary folder first.

    python benchmarks/language_load.py [--runs 10]

Prints one line per load, then medians and one JSON line.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from knowledge_base import language, language_copy
import py3langid.langid, numpy

def rss():
    fields = dict(line.split(":", 1) for line in open("/proc/self/status") if line.startswith("Rss"))
    return {k: int(v.split()[0]) / 1024 for k, v in fields.items()}

texts = json.loads(Path(sys.argv[3]).read_text())
before = rss()
wall, cpu = time.perf_counter(), time.process_time()
identifier = language.identifier_for(language.SUPPORTED_LANGUAGES, Path(sys.argv[2]) if sys.argv[2] else None)
cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
loaded = rss()
detect = time.process_time()
for text in texts:
    identifier.classify(text)
detect = time.process_time() - detect
after = rss()
print(json.dumps({"cpu_s": cpu, "wall_s": wall, "detect_ms_per_text": detect * 1000 / len(texts),
                  "anon_mb": loaded["RssAnon"] - before["RssAnon"], "file_mb": loaded["RssFile"] - before["RssFile"],
                  "anon_mb_after_detections": after["RssAnon"] - before["RssAnon"],
                  "file_mb_after_detections": after["RssFile"] - before["RssFile"]}))
"""


def development_texts() -> list[str]:
    sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]
    from answers_quality import DEVELOPMENT

    texts: list[str] = []
    for name in ["examples", *DEVELOPMENT]:
        folder = ROOT / "examples" if name == "examples" else ROOT / "datasets" / "helpcentres" / name
        for file in ("golden.jsonl", "golden_i18n_dev.jsonl"):
            if (folder / file).is_file():
                texts += [json.loads(line)["question"] for line in (folder / file).read_text().splitlines() if line]
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="language-load-") as tmp:
        models = Path(tmp) / "models"
        texts = Path(tmp) / "texts.json"
        texts.write_text(json.dumps(development_texts()))

        def load(models_dir: Path | None) -> dict:
            out = subprocess.run([sys.executable, "-c", _CHILD, str(ROOT), str(models_dir or ""), str(texts)],
                                 check=True, capture_output=True, text=True).stdout
            return json.loads(out.strip().splitlines()[-1])

        load(models)  # writes the copy (untimed)
        rows: dict[str, list[dict]] = {"package": [], "copy": []}
        for run in range(args.runs):
            for way, folder in (("package", None), ("copy", models)):
                row = load(folder)
                rows[way].append(row)
                print(f"{way} {run + 1}: " + ", ".join(f"{k} {v:.3f}" for k, v in row.items()), flush=True)
    figures = {way: {key: round(statistics.median(r[key] for r in runs), 4) for key in runs[0]}
               for way, runs in rows.items()}
    figures["cpu_ratio"] = round(figures["copy"]["cpu_s"] / figures["package"]["cpu_s"], 3)
    for way in ("package", "copy"):
        print(f"{way}: median " + ", ".join(f"{k} {v}" for k, v in figures[way].items()))
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
