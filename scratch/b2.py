import json, sys, time
sys.path.insert(0, "/work/wt-tester")
from playwright.sync_api import sync_playwright
from tests.browser import LAUNCH_ARGS
import requests
B = "http://127.0.0.1:8590"
SLOW = """
const f = window.fetch;
window.fetch = function(url, opts) {
  if (opts && opts.method === 'POST' && String(url).endsWith('/messages')) {
    return new Promise(r => setTimeout(r, 2500)).then(() => f(url, opts));
  }
  return f(url, opts);
};"""
with sync_playwright() as p:
    b = p.chromium.launch(executable_path="/usr/bin/chromium", args=LAUNCH_ARGS)
    ctx = b.new_context(viewport={"width": 1100, "height": 900})
    ctx.add_init_script(SLOW)
    page = ctx.new_page()
    page.goto(B + "/")
    page.get_by_role("button", name="Chat with us").click()
    box = page.get_by_placeholder("Type your question")
    box.fill("where is my order?")
    box.press("Enter")
    page.wait_for_timeout(300)
    box.press("Enter")   # impatient second Enter
    page.wait_for_timeout(200)
    box.press("End")
    box.type(" Also, my order number is 12345 and", delay=20)
    print("input before response:", repr(box.input_value()))
    page.wait_for_timeout(8000)
    print("input after response:", repr(box.input_value()))
    page.screenshot(path="w_race.png")
    conv = json.loads(page.evaluate("localStorage.getItem('supportbot:' + location.origin)"))
    m = requests.get(f"{B}/api/conversations/{conv['id']}/messages", headers={"Authorization": "Bearer " + conv["token"]}).json()["messages"]
    for x in m: print(x["id"], x["role"], repr(x["text"][:60]))
    b.close()
