"""Findings of the hostile-user pass (tester, 2026-12-05) that need the real server: the widget in
Chromium, and a restart while a turn is in flight."""
from __future__ import annotations

import time

import httpx
import pytest
from fake_openai import FakeOpenAI

from web.server_process import ServerProcess

SLOW_SEND = """
const realFetch = window.fetch;
window.fetch = function (url, options) {  // a slow mobile network: the POST of a message takes 2.5 s
  if (options && options.method === 'POST' && String(url).endsWith('/messages')) {
    return new Promise((resolve) => setTimeout(resolve, 2500)).then(() => realFetch(url, options));
  }
  return realFetch(url, options);
};"""



def _stored(server: ServerProcess, page) -> list[dict]:
    conversation = page.evaluate("JSON.parse(localStorage.getItem('supportbot:' + location.origin))")
    response = httpx.get(f"{server.url}/api/conversations/{conversation['id']}/messages",
                         headers={"Authorization": f"Bearer {conversation['token']}"}, timeout=10)
    return list(response.raise_for_status().json()["messages"])


def _send_slowly(browser, server: ServerProcess, question: str):  # -> (context, page, message box)
    """Open the widget on a slow network and send `question`; 0.3 s later its POST is still in flight."""
    context = browser.new_context()
    context.add_init_script(SLOW_SEND)
    page = context.new_page()
    page.goto(server.url + "/")
    page.get_by_role("button", name="Chat with us").click()
    box = page.get_by_label("Message", exact=True)
    box.fill(question)
    box.press("Enter")
    page.wait_for_timeout(300)
    return context, page, box


@pytest.mark.browser
def test_text_typed_while_a_message_is_sending_is_kept(server: ServerProcess, browser) -> None:
    context, page, box = _send_slowly(browser, server, "where is my order?")
    try:
        box.press("End")
        box.type(" My order number is 12345", delay=10)
        page.wait_for_timeout(6000)  # the first send has returned
        assert "12345" in box.input_value() or any("12345" in m["text"] for m in _stored(server, page))
    finally:
        context.close()


@pytest.mark.browser
def test_an_impatient_second_enter_sends_the_message_once(server: ServerProcess, browser) -> None:
    context, page, box = _send_slowly(browser, server, "how long does shipping to Canada take?")
    try:
        box.press("Enter")
        page.wait_for_timeout(8000)
        customer = [m for m in _stored(server, page) if m["role"] == "customer"]
        assert len(customer) == 1
    finally:
        context.close()


def test_a_message_in_flight_when_the_server_dies_is_answered_after_the_restart(server: ServerProcess,
                                                                                llm: FakeOpenAI) -> None:
    created = httpx.post(f"{server.url}/api/conversations", json={}, timeout=10).raise_for_status().json()
    cid, token = created["id"], created["token"]
    llm.enqueue_slow(" ".join(["slowly"] * 40) + " [1]", delay_per_token=0.5)  # 20 s of answer
    server.post_as_customer(cid, token, "How long does standard shipping to Canada take?")
    time.sleep(1.0)
    server.kill()
    server.start()
    deadline = time.monotonic() + 60
    replies: list[dict] = []
    while time.monotonic() < deadline and not replies:
        messages = httpx.get(f"{server.url}/api/conversations/{cid}/messages",
                             headers={"Authorization": f"Bearer {token}"}, timeout=10).json()["messages"]
        replies = [m for m in messages if m["role"] != "customer"]
        time.sleep(1)
    assert replies, "the customer's question was never answered"
