import json, sys, time, subprocess
sys.path.insert(0, "/work/wt-tester/scratch"); sys.path.insert(0, "/work/wt-tester")
from h import *
from playwright.sync_api import sync_playwright
from tests.browser import LAUNCH_ARGS
CID, TOK, TS, U = "iSoRxdNxTLvC5LYDtYNIYA", "GvTpbLMbZApCNM1XJOVnaSLjHMEtBFx7hpv8MreiZrs", "1700000003.000003", "UAGENT1"
with sync_playwright() as p:
    b = p.chromium.launch(executable_path="/usr/bin/chromium", args=LAUNCH_ARGS)
    ctx = b.new_context(viewport={"width": 1100, "height": 900})
    page = ctx.new_page()
    page.goto(B + "/")
    page.evaluate("""([k, v]) => localStorage.setItem(k, v)""", ["supportbot:" + B, json.dumps({"id": CID, "token": TOK})])
    page.goto(B + "/")
    page.get_by_role("button", name="Chat with us").click()
    page.wait_for_timeout(2000)
    print("state attr", page.locator("#supportbot-widget, [data-state]").first.get_attribute("data-state"))
    slack_reply(TS, "before restart marker")
    page.wait_for_timeout(2000)
    print("before restart shown:", page.get_by_text("before restart marker").count())
    subprocess.run("./restart.sh", shell=True)
    slack_reply(TS, "after restart marker 1")
    page.wait_for_timeout(12000)
    print("after restart shown:", page.get_by_text("after restart marker 1").count())
    page.get_by_placeholder("Type your question").fill("customer after restart")
    page.get_by_placeholder("Type your question").press("Enter")
    page.wait_for_timeout(3000)
    page.screenshot(path="w_restart.png")
    print([m["text"][:40] for m in msgs(CID, TOK)][-4:])
    b.close()
