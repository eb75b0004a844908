"""What a turn searches: a follow-up with what it refers to, a new question alone, and how many searches."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from bot.answering.context import contextual_search
from bot.answering.golden import load_conversations
from bot.conversations.records import Citation, Kind, Message, Role
from knowledge_base.results import DocumentHit, Passage, SearchResult

ROOT = Path(__file__).resolve().parents[3]
DEV_SETS = [ROOT / "examples" / "eval", *(ROOT / "datasets" / "helpcentres" / n
                                           for n in ("larkspur-fibre", "quillmate", "tidewater-pet"))]


def _hit(doc: str, text: str) -> DocumentHit:
    return DocumentHit(document_id=doc, title=doc, source=doc, url=None, score=0.9,
                       passages=[Passage(f"{doc}::v1::0", text, doc, 0.8)])


class KeywordSearch:
    """Finds the documents whose key word the query holds, and records every query it is asked."""

    DOCS = {"plan": _hit("plans.md", "Fibre 500 costs 32 a month, Fibre 900 costs 41."),
            "static": _hit("static-ip.md", "A static IP is live within 2 working days; remove it at any time."),
            "bill": _hit("billing.md", "Paper bills cost 2 a month.")}

    def __init__(self) -> None:
        self.queries: list[str] = []

    def search(self, query: str, *, k: int | None = None) -> SearchResult:
        self.queries.append(query)
        hits = [doc for word, doc in self.DOCS.items() if word in query.lower()]
        return SearchResult(query, hits, answerable=bool(hits))


def _history(*turns: tuple[str, str, str | None]) -> list[Message]:
    """(customer text, bot text, document the bot cited or None for a declined question) per turn."""
    now, out = datetime.now(UTC), []
    for customer, bot, cited in turns:
        out.append(Message(len(out) + 1, "c1", Role.CUSTOMER, Kind.TEXT, customer, now))
        citations = [Citation(1, cited, cited, None, cited)] if cited else []
        meta = {} if cited else {"no_answer": True}
        out.append(Message(len(out) + 1, "c1", Role.BOT, Kind.TEXT, bot, now, citations=citations, meta=meta))
    return out


def test_a_new_question_that_finds_an_answer_costs_one_search() -> None:
    search = KeywordSearch()
    history = _history(("how much is the fibre 500 plan", "32 a month [1]", "plans.md"))
    query, result = contextual_search(search, "do you charge for paper bills?", history)
    assert search.queries == ["do you charge for paper bills?"]
    assert (query, result.hits[0].document_id) == ("do you charge for paper bills?", "billing.md")


def test_a_new_looking_question_that_finds_nothing_alone_is_tried_with_its_topic() -> None:
    search = KeywordSearch()
    history = _history(("how do I order a static IP", "Within 2 working days [1]", "static-ip.md"))
    query, result = contextual_search(search, "how many working days to go live", history)
    assert search.queries[0] == "how many working days to go live"
    assert query == "how do I order a static IP how many working days to go live"
    assert result.hits[0].document_id == "static-ip.md"
    # ... but not when what the topic finds holds none of the message's own words (a new question the
    # help centre cannot answer must not ride on the old topic)
    query, result = contextual_search(search, "is a setup charge payable", history)
    assert (query, result.hits) == ("is a setup charge payable", [])


def test_a_corrected_detail_is_searched_with_the_question_it_corrects() -> None:
    search = KeywordSearch()
    history = _history(("what does the fibre 900 plan cost a month", "41 a month [1]", "plans.md"))
    query, result = contextual_search(search, "sorry I meant the 500 one", history)
    assert query == "what does the fibre 900 plan cost a month sorry I meant the 500 one"
    assert search.queries == [query]  # said outright: the follow-up reading found it, no second search
    assert result.hits[0].document_id == "plans.md"


def test_a_chain_of_follow_ups_keeps_its_subject() -> None:
    search = KeywordSearch()
    history = _history(("how do I get a static IP", "Order it in My Account [1]", "static-ip.md"),
                       ("how long does that take?", "2 working days [1]", "static-ip.md"))
    query, result = contextual_search(search, "can I cancel it whenever I like?", history)
    assert query == "how do I get a static IP how long does that take? can I cancel it whenever I like?"
    assert result.hits[0].document_id == "static-ip.md"


def test_a_declined_question_is_not_what_the_next_follow_up_refers_to() -> None:
    search = KeywordSearch()
    history = _history(("how do I get a static IP", "Order it in My Account [1]", "static-ip.md"),
                       ("does it come with a free domain name?", "I could not find that.", None))
    query, result = contextual_search(search, "can I cancel it whenever I like?", history)
    assert query == "how do I get a static IP can I cancel it whenever I like?"
    assert result.hits[0].document_id == "static-ip.md"


def test_with_nothing_answered_yet_the_latest_question_is_the_topic() -> None:
    search = KeywordSearch()
    history = _history(("what plan do I have", "I could not find that.", None))
    query, _result = contextual_search(search, "and how much is it?", history)
    assert query == "what plan do I have and how much is it?"


def test_the_development_conversations_hold_both_kinds_and_parse() -> None:
    """`conversations_dev2.jsonl` (issue 11 item 2): ten cases per set, half follow-ups, half topic shifts,
    every fact written as the cited document words it."""
    for folder in DEV_SETS:
        cases = load_conversations(folder / "conversations_dev2.jsonl")
        assert [c.kind for c in cases].count("follow_up") == 5 and len(cases) == 10, folder
        docs = folder.parent if folder.name == "eval" else folder / "docs"
        for case in cases:
            for turn in case.turns:
                texts = [(docs / d).read_text(encoding="utf-8").lower() for d in turn.must_cite]
                for fact in turn.must_say:
                    assert any(a.lower() in t for a in fact for t in texts), (case.id, fact)


def test_answers_quality_reads_both_conversation_files(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from answers_quality import help_centres, joined

    sets = {name: files for name, _docs, _golden, files in help_centres(holdout=False)}
    assert [f.name for f in sets["examples"]] == ["conversations_dev2.jsonl"]
    assert [f.name for f in sets["quillmate"]] == ["conversations.jsonl", "conversations_dev2.jsonl"]
    both = joined(sets["quillmate"], tmp_path / "q.jsonl")
    assert both is not None
    ids = [json.loads(line)["id"] for line in both.read_text(encoding="utf-8").splitlines()]
    assert len(ids) == len(set(ids)) == 22
    only = {name: files for name, _d, _g, files in help_centres(holdout=False, which="original")}
    assert [f.name for f in only["quillmate"]] == ["conversations.jsonl"]


def test_framing_words_are_how_a_follow_up_leans_not_what_it_names() -> None:
    from bot.answering.context import framing_words
    assert framing_words("how long does that take?") == {"long"}
    assert {"sorry", "meant"} <= framing_words("sorry I meant the oak table")
    assert "oak" not in framing_words("sorry I meant the oak table")
    assert framing_words("does the lamp come with a bulb?") == set()


def test_a_new_subject_is_searched_without_the_words_announcing_it() -> None:
    # the announcement matches nothing and only dilutes the search for what is asked
    search = KeywordSearch()
    history = _history(("how much is the fibre 500 plan", "32 a month [1]", "plans.md"))
    query, result = contextual_search(search, "unrelated, but do you charge for paper bills?", history)
    assert search.queries == ["do you charge for paper bills?"]
    assert result.hits[0].document_id == "billing.md"


def test_only_a_leading_announcement_is_taken_off_and_never_all_the_words() -> None:
    from bot.answering.context import without_lead_in
    assert without_lead_in("Separate thing: can I pause deliveries?") == "can I pause deliveries?"
    assert without_lead_in("ok, another question - is parking free") == "is parking free"
    assert without_lead_in("is the other thing included in the price?") == "is the other thing included in the price?"
    assert without_lead_in("different question") == "different question"


def test_an_adjective_opening_a_question_is_not_an_announcement() -> None:
    # "new", "other", "different" announce a subject only with their noun ("new question, ...")
    from bot.answering.context import without_lead_in
    assert without_lead_in("new, unopened items: can I return them?") == "new, unopened items: can I return them?"
    assert without_lead_in("different: is the blue one cheaper?") == "different: is the blue one cheaper?"
    assert without_lead_in("new question: can I return them?") == "can I return them?"


def test_what_a_correction_names_is_not_framing() -> None:
    from bot.answering.context import framing_words
    assert "oak" not in framing_words("sorry, the oak one instead")
    assert {"sorry", "instead"} <= framing_words("sorry, the oak one instead")


def test_a_long_run_of_punctuation_is_read_in_linear_time() -> None:
    import time

    from bot.answering.context import candidates, framing_words, without_lead_in
    message = "," * 20_000 + " x"
    started = time.perf_counter()
    framing_words(message)
    without_lead_in(message)
    candidates(message, _history(("how much is the fibre 500 plan", "32 a month [1]", "plans.md")))
    assert time.perf_counter() - started < 0.5  # quadratic backtracking took ~25 s here


def test_condense_query_gives_a_new_subject_without_its_announcement() -> None:
    from bot.answering.context import condense_query
    history = _history(("how much is the fibre 500 plan", "32 a month [1]", "plans.md"))
    assert condense_query("unrelated, but do you charge for paper bills?", history) == "do you charge for paper bills?"
