"""`benchmarks/server_profile.py`: perf's samples charged to the right part of a server."""
from __future__ import annotations

from tests.benchmark_scripts import load_benchmark

REPORT = """\
# Samples: 9K of event 'cpu-clock'
#
# Samples  Shared Object
# .......  ..........................................
#
    4012  libpython3.11.so.1.0
    2790  onnxruntime_pybind11_state.cpython-311-x86_64-linux-gnu.so
     610  [kernel.kallsyms]
     402  libc.so.6
     300  _multiarray_umath.cpython-311-x86_64-linux-gnu.so
     151  libsqlite3.so.0.8.6
      64  loop.cpython-311-x86_64-linux-gnu.so
      12  _http_parser.cpython-311-x86_64-linux-gnu.so
       5  libcrypto.so.3
"""


def test_samples_are_charged_to_parts_by_shared_object() -> None:
    profile = load_benchmark("server_profile")
    parts = profile.samples_by_part(REPORT)
    assert parts == {"python": 4012, "onnxruntime": 2790, "kernel": 610, "libc": 402, "numpy": 300, "sqlite": 151,
                     "loop+http (C)": 76, "other": 5}
