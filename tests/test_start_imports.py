"""What a start imports: no langchain prompts without an LLM, and no onnx once the derived model is cached
(together ~2 s of every restart, measured with `python -X importtime`)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START = """
import json, sys
from pathlib import Path
from server import Settings, create_app
app = create_app(Settings(data_dir=Path(sys.argv[1]), index_examples_on_start=False))
assert app.test_client().get("/readyz").status_code == 200
app.extensions["supportbot"].close()
print(json.dumps(sorted({m.split(".")[0] if m.startswith("onnx") else m for m in sys.modules
                         if m == "onnx" or m.startswith(("onnx.", "langchain_core.prompts"))})))
"""


def _start(data_dir: Path) -> list[str]:
    done = subprocess.run([sys.executable, "-c", START, str(data_dir)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_restart_imports_neither_prompts_nor_onnx(tmp_path: Path) -> None:
    assert _start(tmp_path) == ["onnx"]  # the first start derives the int8 model (and caches it)
    assert _start(tmp_path) == []
