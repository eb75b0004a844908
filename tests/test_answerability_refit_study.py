"""`benchmarks/answerability_refit_study.py`: a held-out centre is never decided by what its own rows taught."""
from __future__ import annotations

from typing import Any

import numpy as np

from tests.benchmark_scripts import load_benchmark

study = load_benchmark("answerability_refit_study")


def _row(kb: str, score: float, *, answerable_q: bool, says: bool) -> dict[str, Any]:
    """A near miss whose passages' section shares three words (as `test_answerability_model_fit`'s)."""
    part = {"support": 3, "section_score": 4.0, "says": says, "share": 0.5, "shown_share": 0.5, "asked": 4,
            "kind_shown": False, "yes_no": False, "drop": 0.0, "unmatched": 1, "number_missing": False,
            "kind_missing": False, "heading": "Pausing", "body": "Pause your plan under Account > Plan."}
    return {"kb": kb, "lang": "en", "question": "how do i pause my plan", "outcome": "declined", "answered": False,
            "cross_lingual": False, "search_answerable": False, "top_official_first": True, "top": "doc",
            "right": answerable_q, "answerable_q": answerable_q, "score": score, "second": 0.1,
            "threshold": 0.5, "coverage": 0.1, "second_coverage": 0.0, "passage": score, "p": part, "w": part}


def _rows(flip: str | None) -> list[dict[str, Any]]:
    """Three centres where a higher score means the fact; in centre `flip` the labels are reversed."""
    out = []
    for kb in ("a", "b", "c"):
        for s in (0.25, 0.3, 0.35, 0.4, 0.45, 0.5):
            good = (s >= 0.4) != (kb == flip)
            out.append(_row(kb, s, answerable_q=good, says=good))
    return out


def test_a_held_out_centre_is_decided_by_the_others_only() -> None:
    plain = study.Data(_rows(None), "ok")
    flipped = study.Data(_rows("c"), "ok")
    shown_a, p_a, _ = study.held_out(plain, 1.0)
    shown_b, p_b, _ = study.held_out(flipped, 1.0)
    c = plain.kb == "c"
    assert np.allclose(p_a[c], p_b[c]) and (shown_a[c] == shown_b[c]).all()  # its own labels changed nothing
    assert not np.allclose(p_a[~c], p_b[~c])  # while the others, trained on c, moved
