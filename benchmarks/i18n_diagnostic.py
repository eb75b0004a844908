"""Why a non-English question is or is not answered with its fact, stage by stage.

For each question with `lang != en` of a golden file (and, with `--dev`, every `golden_i18n_dev*.jsonl`
beside it), prints:
the language the turn and the search detect; whether the cross-lingual vectors were complete; the
top documents and scores against the cross-lingual threshold; whether the required document holds
the fact at all; whether the section the answer showed holds it; and what the customer got.

    python benchmarks/i18n_diagnostic.py --kb datasets/helpcentres/quillmate/docs \
        --golden datasets/helpcentres/quillmate/golden.jsonl [--dev]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kb", type=Path, required=True)
    parser.add_argument("--golden", type=Path, required=True)
    parser.add_argument("--dev", action="store_true", help="also every golden_i18n_dev*.jsonl beside the golden file")
    args = parser.parse_args()

    from bot.answering.evaluation import says_facts
    from bot.answering.golden import load_golden
    from bot.answering.language import customer_language
    from commands import _throwaway
    from knowledge_base.language import LanguageDetector
    from knowledge_base.search import ROUTING_CONFIDENCE
    from server import Settings, build_knowledge_base, build_services

    questions = [q for q in load_golden(args.golden) if q.lang != "en"]
    for dev in sorted(args.golden.parent.glob("golden_i18n_dev*.jsonl")) if args.dev else []:
        questions += [q for q in load_golden(dev) if q.lang != "en"]
    with tempfile.TemporaryDirectory(prefix="i18n-diag-") as tmp:
        settings = _throwaway(Settings(), Path(tmp))
        kb = build_knowledge_base(settings)
        kb.sync(args.kb)
        filled = kb.fill_cross_lingual()
        services = build_services(settings, knowledge_base=kb)
        detector = LanguageDetector(default="en", min_confidence=ROUTING_CONFIDENCE)
        turn_detector = LanguageDetector(default="en")
        counts = {"questions": 0, "routed": 0, "first_right": 0, "answerable": 0, "fact_in_doc": 0,
                  "answered": 0, "fact_said": 0}
        print(f"cross-lingual vectors filled: {filled}; missing now: {kb._filler.missing()}")
        for q in questions:
            counts["questions"] += 1
            routed = detector.detect(q.question)
            turn_lang = customer_language(turn_detector, q.question)
            result = kb.search(q.question)
            top = [(h.document_id, round(h.score, 3)) for h in result.hits[:3]]
            right = bool(result.hits) and result.hits[0].document_id in q.must_cite
            doc_text = ""
            for doc in q.must_cite:
                doc_text += " ".join(c.text for c in kb.document_chunks(doc))
            in_doc = says_facts(doc_text, q)
            conversation, _ = services.bot.start_conversation()
            outcome = services.bot.post_and_answer(conversation.id, q.question)
            text = outcome.message.text if outcome.message is not None else ""
            said = outcome.outcome == "answered" and says_facts(text, q)
            counts["routed"] += result.cross_lingual
            counts["first_right"] += right
            counts["answerable"] += result.answerable
            counts["fact_in_doc"] += in_doc
            counts["answered"] += outcome.outcome == "answered"
            counts["fact_said"] += said
            print(json.dumps({
                "id": q.id, "lang": q.lang, "routed_lang": routed, "turn_lang": turn_lang,
                "cross_lingual": result.cross_lingual, "answerable": result.answerable, "top": top,
                "right_first": right, "fact_in_doc": in_doc, "outcome": outcome.outcome, "fact_said": said,
                "answer": text[:300],
            }, ensure_ascii=False))
        services.close()
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
