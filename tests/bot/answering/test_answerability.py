"""The offline answerability decision: a section is shown only when it shows what was asked."""
from __future__ import annotations

from dataclasses import replace

import pytest

from bot.answering.answerability import PREVIOUS_RULE, RULE, Rule
from bot.answering.answerer import Answerer
from knowledge_base.results import DocumentHit, Passage, SearchResult

MATCHED = 4.0  # a section whose best sentences match the question well (`SectionAnswer.score`)

PASSWORDS = """Choose a password of at least 12 characters. You can change it under Account > Security.

Larkspur will never ask for your password by phone or e-mail."""


def _hit(score: float, coverage: float) -> DocumentHit:
    passage = Passage("account/password.md::v1::0", PASSWORDS, "Change your account password", 0.6)
    return DocumentHit("account/password.md", "Your account password", "account/password.md", None, score,
                       [passage], coverage=coverage)


def _answer(question: str, hit: DocumentHit, *, answerable: bool, cross_lingual: bool = False,
            threshold: float = 0.5) -> bool:
    answerer = Answerer(chat_model=None, policy=type("P", (), {"near_miss_floor": 0.2})())
    result = SearchResult(query=question, hits=[hit], answerable=answerable, cross_lingual=cross_lingual,
                          threshold=threshold)
    return answerer.answer(question, result).grounded


def test_an_answerable_result_that_covers_little_of_the_question_needs_its_words_in_the_section():
    # Search scored the password page well for a question about e-mail addresses, but its best
    # passage covers little of the question and the section shares only "password"-like words.
    thin = _hit(score=0.6, coverage=0.1)
    assert not _answer("if i leave can i keep my larkspur email address", thin, answerable=True)
    # The same thin match is shown when the section holds what was asked ...
    assert _answer("how many characters must a new account password have", thin, answerable=True)
    # ... or when search is sure of the document.
    assert _answer("if i leave can i keep my larkspur email address", replace(thin, score=0.9), answerable=True)


def test_a_question_matched_across_languages_is_not_judged_by_english_words():
    hit = _hit(score=0.6, coverage=0.0)
    assert _answer("¿cuántos caracteres necesita la contraseña?", hit, answerable=True, cross_lingual=True)
    assert not _answer("¿cuántos caracteres necesita la contraseña?", hit, answerable=True)


@pytest.mark.parametrize(("support", "coverage", "shown"), [
    (3, 0.25, True),   # three shared words over the minimum coverage (refitted: was four)
    (2, 0.25, False),
    (3, 0.15, False),  # under the minimum coverage, however many words it shares
    (2, 0.4, True),
    (2, 0.35, False),  # refitted: the coverage needed with two shared words rose from 0.35 to 0.4
    (9, 0.1, False),
])
def test_near_misses_need_more_shared_words_when_search_covered_little(support, coverage, shown):
    assert RULE.shows(
        section_score=MATCHED, score=0.4, coverage=coverage, support=support, answerable=False,
        cross_lingual=False) is shown


def test_the_previous_rule_is_kept_for_comparison_and_differs_only_where_measured():
    assert PREVIOUS_RULE.shows(
        section_score=MATCHED, score=0.4, coverage=0.25, support=3, answerable=False, cross_lingual=False)
    assert PREVIOUS_RULE.shows(
        section_score=MATCHED, score=0.55, coverage=0.05, support=0, answerable=True, cross_lingual=False)
    assert not RULE.shows(
        section_score=MATCHED, score=0.55, coverage=0.05, support=0, answerable=True, cross_lingual=False)
    assert Rule(thin_coverage=0.0).shows(
        section_score=MATCHED, score=0.55, coverage=0.05, support=0, answerable=True, cross_lingual=False)


def _follow_up(message: str, topic: str, hit: DocumentHit) -> bool:
    answerer = Answerer(chat_model=None, policy=type("P", (), {"near_miss_floor": 0.2})())
    query = f"{topic} {message}"
    return answerer.answer(query, SearchResult(query=query, hits=[hit], answerable=True), message=message).grounded


def test_a_follow_up_that_adds_words_the_answer_lacks_is_declined():
    # The topic's words find the password page again; the follow-up asks what it does not hold.
    hit = _hit(score=0.9, coverage=0.6)
    topic = "how many characters does my account password need"
    assert not _follow_up("can i log in with a fingerprint scanner instead?", topic, hit)
    # Searched alone (no message given), the same query would have been answered from its topic's words.
    query = f"{topic} can i log in with a fingerprint scanner instead?"
    answerer = Answerer(chat_model=None, policy=type("P", (), {"near_miss_floor": 0.2})())
    assert answerer.answer(query, SearchResult(query=query, hits=[hit], answerable=True)).grounded


def test_a_follow_up_that_finds_one_of_its_words_or_adds_too_few_is_answered():
    hit = _hit(score=0.9, coverage=0.6)
    topic = "how many characters does my account password need"
    assert _follow_up("where do i change it, under security?", topic, hit)  # "security" is shown
    assert _follow_up("and by phone?", topic, hit)  # one word of its own: it leans on its topic


@pytest.mark.parametrize(("message", "query", "holds"), [
    ("do they come with shelving installed?", "what temperature are the units do they come with shelving installed?",
     False),
    ("how much extra are they", "what temperature are the units how much extra are they", True),  # one word added
    ("do they come with shelving installed?", "do they come with shelving installed?", True),  # searched alone
])
def test_follow_up_holds_reads_only_the_words_the_message_adds(message, query, holds):
    from bot.answering.answerability import follow_up_holds
    assert follow_up_holds(message, query, "Kept between 12 and 22 degrees, humidity below 60%.") is holds


@pytest.mark.parametrize(("message", "topic"), [
    ("how long does that take?", "how do i renew my parking permit"),
    ("sorry I meant the premium tier", "what does the basic tier cost per month"),
    ("and that one, is it any quieter?", "is the blue kettle cordless"),
])
def test_a_follow_up_framed_on_its_topic_adds_no_words_of_its_own(message, topic):
    # "how long", "sorry I meant", "what about that one" ask about the topic; they name nothing new
    from bot.answering.answerability import follow_up_holds
    assert follow_up_holds(message, f"{topic} {message}", "Renewals are processed within 3 working days.")


def test_a_follow_up_naming_new_things_beside_its_framing_still_needs_them_shown():
    from bot.answering.answerability import follow_up_holds
    message = "how long does the gift wrapping service take?"
    assert not follow_up_holds(message, f"what are the delivery options {message}", "Standard delivery: 2 days.")


def test_a_framing_word_the_section_shows_still_holds_a_follow_up():
    # "minimum" frames the question (it asks for a count) but, shown, it says the answer is there
    from bot.answering.answerability import follow_up_holds
    message = "is there a minimum period for renting?"
    assert follow_up_holds(message, f"how much is the cello {message}", "Minimum: 3 months, then monthly.")


BAYS = """We have outdoor parking bays for vehicles at our York site only.

A standard bay costs £55 per 4 weeks, a long bay (over 6 metres) £75."""


def _bays(score: float) -> DocumentHit:
    passage = Passage("vehicles/bays.md::v1::0", BAYS, "Storing a car, caravan or boat", 0.5)
    return DocumentHit("vehicles/bays.md", "Storing a car, caravan or boat", "vehicles/bays.md", None, score,
                       [passage], coverage=0.15)


def test_a_question_for_an_amount_is_shown_when_the_section_holds_one():
    # An informal question shares few words with the page; it asks for an amount and the page holds one.
    question = "how much is a parking bay for a caravan"
    assert _answer(question, _bays(0.4), answerable=False)  # a near miss
    assert _answer(question, _bays(0.7), answerable=True)  # a thin answerable match
    # Asking for no amount, time or count, the same match is declined as before ...
    assert not _answer("can i wash my caravan while it is parked with you", _bays(0.4), answerable=False)
    # ... and so is a match scored more than `kind_below` under the threshold.
    assert not _answer(question, _bays(0.3), answerable=False)


def test_the_kind_rule_stays_under_the_operators_threshold():
    question = "how much is a parking bay for a caravan"
    # 0.4 is within `kind_below` (0.15) of the default 0.5, not of a stricter operator's 0.7 ...
    assert not _answer(question, _bays(0.4), answerable=False, threshold=0.7)
    # ... and a more lenient operator's 0.45 lets a lower score through.
    assert _answer(question, _bays(0.32), answerable=False, threshold=0.45)
    assert not _answer(question, _bays(0.32), answerable=False, threshold=0.5)


def test_the_kind_rule_needs_the_sections_sentences_to_match_the_question():
    # The page holds an amount, but its best sentences match little of this question (a section
    # score of about 2.2 against `kind_section` 3.0): on the dev centres held out, such kind matches
    # were wrong as often as right.
    question = "need somewhere to park a 7m caravan over winter, how much"
    assert not _answer(question, _bays(0.4), answerable=False)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("bot.answering.answerability.RULE", replace(RULE, kind_section=0.0))
        assert _answer(question, _bays(0.4), answerable=False)  # shown without the section's match


@pytest.mark.parametrize(("section_score", "shown"), [(2.6, False), (2.7, True), (5.0, True)])
def test_near_misses_need_a_section_that_matches_the_question(section_score, shown):
    assert RULE.shows(score=0.4, coverage=0.4, support=3, answerable=False, cross_lingual=False,
                      section_score=section_score) is shown
    # An answerable result is not judged by it.
    assert RULE.shows(score=0.6, coverage=0.4, support=3, answerable=True, cross_lingual=False,
                      section_score=section_score)
    # Nor is a section chosen across languages: it is scored by meaning, on another scale (checked on
    # the dev centres' non-English questions: 11 of 83 facts were lost without this exemption).
    assert RULE.shows(score=0.4, coverage=0.4, support=3, answerable=False, cross_lingual=True,
                      section_score=section_score)


@pytest.mark.parametrize(("question", "shown", "expected"), [
    ("how much is a big box", "A large box costs £3.50.", True),
    ("how long have i got to claim", "Claim within 30 days of the loss.", True),
    ("how much is a big box", "Boxes are sold in the site shop.", False),
    ("can i return boxes", "Unused boxes can be returned within 30 days.", False),  # asks for no kind
])
def test_kind_shown_needs_the_kind_asked_for_in_what_is_shown(question, shown, expected):
    from bot.answering.answerability import kind_shown
    assert kind_shown(question, shown) is expected


def test_the_kind_rule_leaves_questions_matched_across_languages_to_their_score():
    assert not RULE.shows(
        section_score=MATCHED, score=0.4, coverage=0.0, support=1, answerable=False,
        cross_lingual=True, kind_shown=True)
    assert RULE.shows(
        section_score=MATCHED, score=0.4, coverage=0.0, support=1, answerable=False,
        cross_lingual=False, kind_shown=True)
    assert not PREVIOUS_RULE.shows(
        section_score=MATCHED, score=0.4, coverage=0.0, support=1, answerable=False, cross_lingual=False,
                                   kind_shown=True)


def test_a_thin_match_is_shown_when_the_section_holds_half_of_a_short_questions_words():
    # Search covered little of the question and the section shares fewer than three of its words,
    # but the question has only a few: the section holds most of what was asked.
    thin = _hit(score=0.6, coverage=0.1)
    question = "where do i change my password"
    assert _answer(question, thin, answerable=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("bot.answering.answerability.RULE", replace(RULE, thin_share=2.0))
        assert not _answer(question, thin, answerable=True)  # declined without the share
    # A longer question whose other words the section lacks is still declined.
    assert not _answer("where do i change my password for the streaming box in the guest bedroom", thin,
                       answerable=True)


@pytest.mark.parametrize(("share", "shown"), [(0.4, False), (0.45, True), (1.0, True)])
def test_the_share_of_the_question_lets_only_thin_matches_with_few_shared_words_through(share, shown):
    assert RULE.shows(section_score=MATCHED, score=0.6, coverage=0.1, support=2, answerable=True, cross_lingual=False,
                      share=share) is shown
    # Near misses are not judged by the share.
    assert not RULE.shows(
        section_score=MATCHED, score=0.4, coverage=0.1, support=2, answerable=False,
        cross_lingual=False, share=share)


def test_question_share_counts_the_questions_content_words_found_in_the_section():
    from bot.answering.answerability import question_share
    # "bought", "boxes", "return": two of three are in the heading ("many" is not a content word).
    assert question_share("bought too many boxes can i return them", "Boxes\nReturning unused boxes") == 2 / 3
    assert question_share("can i?", "anything") == 0.0  # no content words: nothing is held


def test_the_refitted_thin_match_reaches_a_coverage_of_0_3_and_search_is_sure_from_0_7():
    thin = {"section_score": MATCHED, "support": 1, "answerable": True, "cross_lingual": False}
    assert not RULE.shows(score=0.6, coverage=0.28, **thin)  # thin under 0.3 (was 0.25): three words needed
    assert RULE.shows(score=0.6, coverage=0.3, **thin)
    assert RULE.shows(score=0.72, coverage=0.28, **thin)  # sure of the document from 0.7 (was 0.75)
    assert not replace(RULE, strong_score=0.75).shows(score=0.72, coverage=0.28, **thin)


@pytest.mark.parametrize(("message", "topic", "shown"), [
    # the same kind of answer asked again: "fee" is part of a new subject, not framing
    ("is there a fee for pets?", "how much is a double room", "Double room: 90 a night."),
    # "one" stands for the topic's noun; the words before it name another thing
    ("and at the long stay one?", "how much is parking at the short stay car park", "Short stay: 5 an hour."),
])
def test_a_follow_up_naming_another_thing_through_framing_words_is_still_declined(message, topic, shown):
    from bot.answering.answerability import follow_up_holds
    assert not follow_up_holds(message, f"{topic} {message}", shown)
