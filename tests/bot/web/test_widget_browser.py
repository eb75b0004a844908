"""The widget in headless Chromium against the real server (gunicorn gthread) on a fresh data directory.

The server indexes examples/ on first start and answers through a loopback fake of the OpenAI API,
so the answer streams token by token. Saves a screenshot to artifacts/widget.png.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from fake_openai import FakeOpenAI

from web.server_process import ServerProcess

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[3] / "artifacts"
ANSWER = "Standard shipping to Canada takes 5–8 business days and costs CA$12, free on orders over CA$99 [1]."




def _open_and_ask(page, url: str, question: str):  # -> playwright Locator (imported lazily, as the tests do)
    """Open the site, open the widget and send `question`; returns the message box."""
    page.goto(url + "/")
    page.get_by_role("button", name="Chat with us").click()
    box = page.get_by_label("Message", exact=True)
    box.fill(question)
    box.press("Enter")
    return box


def test_customer_chats_reloads_and_asks_for_a_person(server: ServerProcess, browser, llm: FakeOpenAI) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1100, "height": 760})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    try:
        page.goto(server.url + "/")
        expect(page.get_by_role("heading", name="Brew better coffee at home")).to_be_visible()
        page.get_by_role("button", name="Chat with us").click()
        message_box = page.get_by_label("Message", exact=True)
        expect(message_box).to_be_focused()

        # ask; the answer streams into a draft bubble, then the stored answer with its source replaces it
        llm.enqueue_slow(ANSWER, delay_per_token=0.12)
        message_box.fill("How long does delivery to Canada take?")
        message_box.press("Enter")
        expect(page.locator("supportbot-widget .msg.customer")).to_have_text("How long does delivery to Canada take?")
        expect(page.locator("supportbot-widget .msg.bot.draft")).to_be_visible(timeout=15_000)
        answer = page.locator("supportbot-widget .msg.bot:not(.draft):not(.greeting)")
        expect(answer).to_contain_text("5–8 business days", timeout=15_000)
        expect(page.locator("supportbot-widget .msg.bot.draft")).to_have_count(0)
        source = answer.get_by_role("link", name=re.compile("Delivery times"))
        expect(source).to_have_attribute("href", "https://help.kestrelbrew.example/delivery-times")
        expect(source).to_have_attribute("target", "_blank")
        expect(source).to_have_attribute("rel", re.compile("noopener"))
        ARTIFACTS.mkdir(exist_ok=True)
        page.locator("supportbot-widget .panel").screenshot(path=str(ARTIFACTS / "widget.png"))

        # HTML in a message is shown as text, never parsed
        hostile = '<img src=x onerror="document.title=\'pwned\'"><b>bold?</b>'
        message_box.fill(hostile)
        message_box.press("Enter")
        expect(page.locator("supportbot-widget .msg.customer").last).to_have_text(hostile)
        assert (
            page.evaluate("document.querySelector('supportbot-widget').shadowRoot.querySelectorAll('img, b').length")
            == 0
        )
        assert page.title() != "pwned"

        # the page's own CSS does not reach into the widget
        send = page.get_by_role("button", name="Send", exact=True)
        assert send.evaluate("b => getComputedStyle(b).textTransform") == "none"

        # history survives a reload (conversation id + token in localStorage)
        page.reload()
        expect(page.locator("supportbot-widget .msg.customer").first).to_have_text(
            "How long does delivery to Canada take?"
        )
        expect(page.locator("supportbot-widget .msg.bot:not(.greeting)").first).to_contain_text("5–8 business days")
        expect(page.locator("supportbot-widget")).to_have_attribute("data-state", "open", timeout=10_000)

        # ask for a person: no desk is configured, so one honest line (nobody can come now) and the email form
        page.get_by_role("button", name="Talk to a person").click()
        expect(page.locator("supportbot-widget .system").first).to_contain_text(
            re.compile("Nobody from our team is available|Our team is offline"), timeout=10_000)
        expect(page.locator("supportbot-widget .system")).to_have_count(1)
        email = page.get_by_label("Your email address, so we can reply")
        expect(email).to_be_visible(timeout=10_000)
        email.fill("mara@example.com")
        page.get_by_role("button", name="Send", exact=True).first.click()
        expect(page.locator("supportbot-widget .system").last).to_contain_text("mara@example.com", timeout=10_000)

        page.screenshot(path=str(ARTIFACTS / "widget-handoff.png"))

        # Escape closes the panel and gives focus back to the launcher
        page.keyboard.press("Escape")
        expect(page.get_by_role("dialog")).to_be_hidden()
        expect(page.get_by_role("button", name="Chat with us")).to_be_focused()
        assert [p for p in problems if "Content Security Policy" in p or "Uncaught" in p] == []
    finally:
        context.close()


def test_mobile_layout_is_full_screen(server: ServerProcess, browser) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 390, "height": 760}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(server.url + "/")
        page.get_by_role("button", name="Chat with us").click()
        panel = page.get_by_role("dialog")
        expect(panel).to_be_visible()
        box = panel.bounding_box()
        assert box is not None and box["width"] == 390 and box["height"] == 760
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "widget-mobile.png"))
    finally:
        context.close()


def test_right_to_left_text_reads_right_to_left_and_overrides_stay_in_their_bubble(server: ServerProcess,
                                                                                   browser) -> None:
    """An Arabic message was laid out left to right (its question mark and digits out of place), and the
    message box typed it so too; each text now takes its own direction, isolated from the next."""
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 390, "height": 760})
    page = context.new_page()
    try:
        page.goto(server.url + "/")
        page.get_by_role("button", name="Chat with us").click()
        box = page.get_by_label("Message", exact=True)
        box.fill("مرحبا، أين طلبي رقم 1234؟")
        assert box.evaluate("n => getComputedStyle(n).direction") == "rtl"
        box.press("Enter")
        sent = page.locator("supportbot-widget .msg.customer .text")
        expect(sent).to_have_text("مرحبا، أين طلبي رقم 1234؟")
        assert sent.evaluate("n => getComputedStyle(n).direction") == "rtl"
        box.fill("\u202eevil")
        box.press("Enter")
        expect(sent).to_have_count(2)
        assert sent.nth(1).evaluate("n => getComputedStyle(n).unicodeBidi") in ("isolate", "plaintext")
        reply = page.locator("supportbot-widget .msg.bot:not(.greeting) .text").first
        expect(reply).to_be_visible(timeout=15_000)
        assert reply.evaluate("n => n.getAttribute('dir')") == "auto"
    finally:
        context.close()


def test_reconnects_after_the_server_went_away(server: ServerProcess, browser) -> None:
    """The stream drops (server restart); the widget says so, reconnects, and shows what came meanwhile."""
    from playwright.sync_api import expect

    context = browser.new_context()
    page = context.new_page()
    try:
        _open_and_ask(page, server.url, "Do you ship to Canada?")
        widget = page.locator("supportbot-widget")
        expect(widget).to_have_attribute("data-state", "open", timeout=10_000)
        expect(page.locator("supportbot-widget .msg.bot:not(.greeting)")).to_have_count(1, timeout=15_000)
        saved = page.evaluate("JSON.parse(localStorage.getItem('supportbot:' + location.origin))")

        server.stop()
        expect(widget).to_have_attribute("data-state", "reconnecting", timeout=10_000)
        expect(page.get_by_text("Reconnecting")).to_be_visible()
        server.start()
        # stored while the widget was (still) disconnected: replayed by Last-Event-ID or the poll fallback
        server.post_as_customer(saved["id"], saved["token"], "Written while the widget was away")
        expect(page.locator("supportbot-widget .msg.customer").last).to_have_text(
            "Written while the widget was away", timeout=20_000
        )
        expect(widget).to_have_attribute("data-state", "open", timeout=20_000)
        texts = page.locator("supportbot-widget .msg.customer").all_text_contents()
        assert texts == ["Do you ship to Canada?", "Written while the widget was away"]  # nothing twice
    finally:
        context.close()


def test_end_the_chat_and_rate_it(server: ServerProcess, browser) -> None:
    import httpx
    from playwright.sync_api import expect

    context = browser.new_context()
    page = context.new_page()
    try:
        _open_and_ask(page, server.url, "How much is express shipping in the US?")
        expect(page.locator("supportbot-widget .msg.bot:not(.greeting)")).to_have_count(1, timeout=15_000)
        page.get_by_role("button", name="End chat").click()
        expect(page.locator("supportbot-widget .system").last).to_contain_text("resolved", timeout=10_000)
        expect(page.get_by_role("form", name="Rate this conversation")).to_be_visible(timeout=10_000)
        four = page.get_by_role("radio", name="4 stars")
        four.click()
        expect(four).to_have_attribute("aria-checked", "true")
        four.press("ArrowRight")  # keyboard works too: now 5
        expect(page.get_by_role("radio", name="5 stars")).to_be_focused()
        page.get_by_label("Comment").fill("Quick and clear")
        page.get_by_role("button", name="Send rating").click()
        expect(page.get_by_text("Thanks for rating this conversation!")).to_be_visible()
        expect(page.get_by_role("form", name="Rate this conversation")).to_be_hidden()
        saved = page.evaluate("JSON.parse(localStorage.getItem('supportbot:' + location.origin))")
        conversation = httpx.get(
            f"{server.url}/api/conversations/{saved['id']}", headers={"Authorization": f"Bearer {saved['token']}"}
        ).json()
        assert conversation["state"] == "resolved" and conversation["rating"] == 5
    finally:
        context.close()


def test_typing_stops_when_the_answer_came_before_the_send_returned(server: ServerProcess, browser,
                                                                    llm: FakeOpenAI) -> None:
    """The answer can come down the stream before the customer's own POST returns (a slow network on the
    way back): the widget must not then announce that the assistant is typing for the next 20 seconds."""
    import time

    from playwright.sync_api import Route, expect

    def slow_return(route: Route) -> None:
        response = route.fetch()  # the server has the message and answers it meanwhile
        time.sleep(3)
        route.fulfill(response=response)

    context = browser.new_context()
    page = context.new_page()
    try:
        # the first send opens the conversation, then the stream
        box = _open_and_ask(page, server.url, "Do you ship to Canada?")
        expect(page.locator("supportbot-widget .msg.bot:not(.greeting)")).to_have_count(1, timeout=15_000)
        page.route("**/api/conversations/*/messages", slow_return)
        llm.enqueue(ANSWER)
        box.fill("How long does delivery to Canada take?")
        box.press("Enter")
        expect(page.locator("supportbot-widget .msg.customer").last).to_have_text(
            "How long does delivery to Canada take?", timeout=15_000)
        expect(page.locator("supportbot-widget .msg.bot:not(.greeting)")).to_have_count(2)
        expect(page.locator("supportbot-widget .typing")).to_be_hidden(timeout=2_000)
    finally:
        context.close()


def test_the_widget_speaks_the_language_the_bot_answered_in(server: ServerProcess, browser, llm: FakeOpenAI) -> None:
    """A German answer came with English "Was this answer helpful? Yes / No" around it (the site's locale)."""
    from playwright.sync_api import expect

    context = browser.new_context(locale="en-US")
    page = context.new_page()
    try:
        llm.enqueue("Der Standardversand nach Kanada dauert 5–8 Werktage [1].")
        _open_and_ask(page, server.url, "Wie lange dauert der Versand nach Kanada?")
        answer = page.locator("supportbot-widget .msg.bot:not(.draft):not(.greeting)").last
        expect(answer.locator(".text")).to_contain_text("5–8", timeout=15_000)
        expect(answer.get_by_role("button", name="Ja")).to_be_visible()
        box = page.locator("supportbot-widget #sb-input")  # its label is German now too
        assert box.get_attribute("placeholder") == "Ihre Frage" and box.get_attribute("aria-label") != "Message"
        # the conversation's status (the browser's locale) must not turn it back when a person is asked for
        page.get_by_role("button", name="Mit einem Menschen sprechen").click()
        expect(page.locator("supportbot-widget .system").first).to_be_visible(timeout=10_000)
        page.wait_for_timeout(2500)
        assert box.get_attribute("placeholder") == "Ihre Frage"
    finally:
        context.close()


def test_a_long_conversation_opens_at_its_end_and_shows_earlier_messages_on_request(server: ServerProcess,
                                                                                       browser) -> None:
    """230 messages: the widget opens on the newest 100 (not the first 500), and pages back keeping the place."""
    from playwright.sync_api import expect

    from bot.config import DatabaseSettings
    from bot.conversations.database import make_engine, make_sessionmaker
    from bot.conversations.records import Role
    from bot.conversations.store import ConversationStore

    context = browser.new_context()
    page = context.new_page()
    engine = make_engine(DatabaseSettings(url=f"sqlite:///{server.data_dir / 'supportbot.sqlite3'}"))
    try:
        _open_and_ask(page, server.url, "Do you ship to Canada?")
        messages = page.locator("supportbot-widget .msg:not(.greeting)")
        expect(messages).to_have_count(2, timeout=15_000)
        saved = page.evaluate("JSON.parse(localStorage.getItem('supportbot:' + location.origin))")
        store = ConversationStore(make_sessionmaker(engine))  # the server's own database file, as an agent's replies
        for i in range(228):
            store.add_message(saved["id"], role=Role.AGENT if i % 2 else Role.CUSTOMER, text=f"line {i}",
                              author="Ana" if i % 2 else None)

        page.reload()  # the widget stays open across a reload
        expect(page.locator("supportbot-widget .msg").last).to_contain_text("line 227", timeout=15_000)
        expect(messages).to_have_count(100)
        earlier = page.get_by_role("button", name="Show earlier messages")
        expect(earlier).to_be_visible()
        reading = page.locator("supportbot-widget .msg", has_text="line 128").first
        reading.scroll_into_view_if_needed()
        where = reading.bounding_box()
        earlier.click()
        expect(messages).to_have_count(200)
        moved = reading.bounding_box()
        assert where and moved and abs(moved["y"] - where["y"]) < 4  # the customer's place on screen is kept
        expect(earlier).to_be_visible()
        first_before = page.locator("supportbot-widget .msg:not(.greeting)").nth(100)
        expect(first_before).to_contain_text("line 128")  # the page of history went above what was on screen
        earlier.scroll_into_view_if_needed()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "widget-earlier-messages.png"))
        earlier.click()
        expect(messages).to_have_count(230)
        expect(earlier).to_be_hidden()
        texts = messages.all_text_contents()
        assert texts[0].startswith("Do you ship to Canada?") and "line 227" in texts[-1]
        assert len(set(texts)) == 230  # nothing twice
    finally:
        engine.dispose()
        context.close()
