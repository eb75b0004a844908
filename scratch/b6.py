import json, sys, time, subprocess, os, signal
sys.path.insert(0, "/work/wt-tester/scratch"); sys.path.insert(0, "/work/wt-tester")
from h import *
from playwright.sync_api import sync_playwright
from tests.browser import LAUNCH_ARGS
def ctl(cmd, **body): return requests.post(f"http://127.0.0.1:8595/ctl/{cmd}", json=body)
with sync_playwright() as p:
    b = p.chromium.launch(executable_path="/usr/bin/chromium", args=LAUNCH_ARGS)
    page = b.new_context(viewport={"width": 1100, "height": 900}).new_page()
    page.goto(B + "/")
    page.get_by_role("button", name="Chat with us").click()
    box = page.get_by_label("Message", exact=True)
    ctl("enqueue", text="To reset your password open the sign in page and choose forgot password then follow the email link within thirty minutes and pick a new one [1]", delay_per_token=0.4)
    box.fill("how do I reset my password?"); box.press("Enter")
    page.wait_for_timeout(5000)
    log = page.locator("supportbot-widget [role=log]").first
    print("during stream:", repr(log.inner_text()[-200:]))
    wpid = int(subprocess.check_output("pgrep -P $(cat serve1.pid)", shell=True).split()[0])
    os.kill(wpid, signal.SIGKILL)
    page.wait_for_timeout(25000)
    print("after worker crash+respawn:", repr(log.inner_text()[-200:]))
    page.screenshot(path="w_crash_draft.png")
    page.reload(); page.wait_for_timeout(4000)
    try: page.get_by_role("button", name="Chat with us").click(timeout=3000)
    except Exception: pass
    page.wait_for_timeout(3000)
    print("after reload:", repr(page.locator("supportbot-widget [role=log]").first.inner_text()[-200:]))
    b.close()
