import json, sys, time
sys.path.insert(0, "/work/wt-tester")
from playwright.sync_api import sync_playwright
from tests.browser import LAUNCH_ARGS
B = "http://127.0.0.1:8590"
with sync_playwright() as p:
    b = p.chromium.launch(executable_path="/usr/bin/chromium", args=LAUNCH_ARGS)
    ctx = b.new_context(viewport={"width": 1100, "height": 900})
    page = ctx.new_page()
    errs = []
    page.on("console", lambda m: errs.append((m.type, m.text)))
    page.on("pageerror", lambda e: errs.append(("pageerror", str(e))))
    page.on("dialog", lambda d: (errs.append(("DIALOG", d.message)), d.dismiss()))
    page.goto(B + "/")
    page.evaluate("""([k, v]) => localStorage.setItem(k, v)""", ["supportbot:" + B, json.dumps({"id": "iSoRxdNxTLvC5LYDtYNIYA", "token": "GvTpbLMbZApCNM1XJOVnaSLjHMEtBFx7hpv8MreiZrs"})])
    page.goto(B + "/")
    page.wait_for_timeout(1500)
    btns = page.locator("button").all_inner_texts()
    print("buttons", btns[:10])
    page.get_by_role("button", name="Chat with us").click()
    page.wait_for_timeout(3000)
    page.screenshot(path="w_agent.png")
    print(errs)
    b.close()
