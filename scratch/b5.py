import json, sys, time
sys.path.insert(0, "/work/wt-tester")
from playwright.sync_api import sync_playwright
from tests.browser import LAUNCH_ARGS
B = "http://127.0.0.1:8590"
with sync_playwright() as p:
    b = p.chromium.launch(executable_path="/usr/bin/chromium", args=LAUNCH_ARGS)
    page = b.new_context(viewport={"width": 1100, "height": 900}).new_page()
    page.goto(B + "/")
    page.evaluate("""([k, v]) => localStorage.setItem(k, v)""", ["supportbot:" + B, json.dumps({"id": "rNSXK0m7RajvDlXl2g3XAw", "token": "gAurTU3nk7zvVBi-FkY8EO4aVjFW_uvDDbhKTgpgmyw"})])
    t = time.time(); page.goto(B + "/")
    page.get_by_role("button", name="Chat with us").click()
    page.wait_for_timeout(20000)
    n = page.evaluate("document.querySelector('#widget-host') ? 0 : 0")
    items = page.locator("li").count()
    print("li count", items)
    import re; txt = page.locator("supportbot-widget [role=log]").first.inner_text(); nums = [int(x) for x in re.findall(r"\((\d+)\)", txt)]; print("shown customer numbers", len(nums), min(nums), max(nums)); print("handoff line shown", "connecting you" in txt or "person" in txt[-3000:])
    page.screenshot(path="w_long.png")
    b.close()
