"""Answers as Markdown in the widget, in headless Chromium against the real server: headings, tables,
lists, bold and links render, nothing executable does; an LLM draft that stalls is taken back and the
extractive answer takes its place. Screenshots at 1280x800 and 390x844 go to artifacts/."""
from __future__ import annotations

from pathlib import Path

import pytest
from fake_openai import FakeOpenAI

from web.server_process import ServerProcess

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[3] / "artifacts"
MARKDOWN = """### Delivery to Canada [1]

Standard shipping takes **5–8 business days** and is *tracked*:

| Speed | Time | Cost |
|---|---|---|
| Standard | 5–8 business days | CA$12 |
| Express | 2–3 business days | CA$25 |

- Free on orders over CA$99
- Tracking number by email

See [our delivery page](/kb/shipping/delivery-times.md). <img src=x onerror="document.title='pwned'">
[trap](javascript:document.title='pwned')"""




def _ask(page, question: str) -> None:
    page.get_by_role("button", name="Chat with us").click()
    box = page.get_by_label("Message", exact=True)
    box.fill(question)
    box.press("Enter")


@pytest.mark.parametrize(("width", "height", "mobile"), [(1280, 800, False), (390, 844, True)])
def test_a_markdown_answer_renders_safely(server: ServerProcess, browser, llm: FakeOpenAI,
                                          width: int, height: int, mobile: bool) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=mobile, has_touch=mobile)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    try:
        page.goto(server.url + "/")
        llm.enqueue(MARKDOWN)
        _ask(page, "How long does delivery to Canada take?")
        answer = page.locator("supportbot-widget .msg.bot:not(.draft):not(.greeting)")
        expect(answer.locator("h3")).to_have_text("Delivery to Canada [1]", timeout=15_000)
        expect(answer.locator("table th")).to_have_count(3)
        expect(answer.locator("table tbody tr")).to_have_count(2)
        expect(answer.locator("ul:not(.sources) li")).to_have_count(2)
        expect(answer.locator("strong")).to_have_text("5–8 business days")
        expect(answer.locator("em")).to_have_text("tracked")
        link = answer.get_by_role("link", name="our delivery page")
        expect(link).to_have_attribute("href", server.url + "/kb/shipping/delivery-times.md")
        # raw HTML stays text; a javascript: link is no link
        expect(answer).to_contain_text('<img src=x onerror="document.title=\'pwned\'">')
        expect(answer.get_by_role("link", name="trap")).to_have_count(0)
        shadow = "document.querySelector('supportbot-widget').shadowRoot"
        assert page.evaluate(f"{shadow}.querySelectorAll('img, script, iframe').length") == 0
        assert page.title() != "pwned" and problems == []
        if mobile:  # a wide table scrolls inside the bubble instead of widening the panel
            assert page.evaluate(f"{shadow}.querySelector('.panel').scrollWidth") <= width
        # a cell's words are never broken between letters ("St/or/e" on a phone): a table scrolls instead
        words = page.evaluate(f"Array.from({shadow}.querySelectorAll('.md th, .md td'))"
                              ".map(c => getComputedStyle(c).overflowWrap + ' ' + getComputedStyle(c).wordBreak)")
        assert words and set(words) == {"normal normal"}
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"widget-markdown-{width}x{height}.png"))
    finally:
        context.close()


def test_a_stalled_llm_draft_is_replaced_by_the_extractive_answer(server: ServerProcess, browser,
                                                                  llm: FakeOpenAI) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        page.goto(server.url + "/")
        llm.enqueue("Hello! [1]")
        _ask(page, "hello, do you ship to Canada?")  # opens the event stream: tokens are live only
        expect(page.locator("supportbot-widget")).to_have_attribute("data-state", "open", timeout=10_000)
        llm.enqueue_hang(after="Standard shipping to Canada takes about")
        box = page.get_by_label("Message", exact=True)
        box.fill("How long does standard delivery to Canada take?")
        box.press("Enter")
        expect(page.locator("supportbot-widget .msg.bot.draft")).to_be_visible(timeout=15_000)
        answer = page.locator("supportbot-widget .msg.bot:not(.draft):not(.greeting)").last
        expect(answer.locator("h3")).to_have_count(1, timeout=40_000)  # the section, after the stall timeout
        expect(page.locator("supportbot-widget .msg.bot.draft")).to_have_count(0)
        expect(answer).not_to_contain_text("takes about")
        page.screenshot(path=str(ARTIFACTS / "widget-fallback-1280x800.png"))
    finally:
        llm.release()
        context.close()


WIDE_TABLE = """### Regions at a glance [1]

| Region | Delivery days | Time window | Delivery fee per box |
|---|---|---|---|
| Cavan, Donegal and Monaghan | Wednesday, Thursday, Saturday | 10:00 to 19:00 | €5.49 |
| Connacht | Wednesday, Friday | 09:00 to 20:00 | €4.99 |"""


def test_a_wide_table_on_a_phone_scrolls_instead_of_breaking_words(server: ServerProcess, browser,
                                                                   llm: FakeOpenAI) -> None:
    """A help centre's table squeezed into a phone's bubble broke every cell mid-word ("09:0 0 to 20:0 0");
    its words stay whole and the table scrolls inside the bubble."""
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(server.url + "/")
        llm.enqueue(WIDE_TABLE)
        _ask(page, "How long does delivery to Canada take?")
        answer = page.locator("supportbot-widget .msg.bot:not(.draft):not(.greeting)")
        expect(answer.locator("table tbody tr")).to_have_count(2, timeout=15_000)
        lines_per_word = answer.locator("table").evaluate("""table => [...table.querySelectorAll('td')].flatMap(td => {
            const text = td.firstChild, out = [];
            for (const m of text.data.matchAll(/\\S+/g)) {
              const range = document.createRange();
              range.setStart(text, m.index); range.setEnd(text, m.index + m[0].length);
              out.push([m[0], range.getClientRects().length]);
            }
            return out;
        })""")
        assert [word for word, lines in lines_per_word if lines != 1] == []
        shadow = "document.querySelector('supportbot-widget').shadowRoot"
        assert page.evaluate(f"{shadow}.querySelector('.panel').scrollWidth") <= 390
        assert answer.locator(".table").evaluate("box => box.scrollWidth > box.clientWidth")
        page.screenshot(path=str(ARTIFACTS / "widget-wide-table-390x844.png"))
    finally:
        context.close()
