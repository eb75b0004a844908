import sys, collections
sys.path.insert(0, "/work/wt-tester")
from playwright.sync_api import sync_playwright
from tests.browser import LAUNCH_ARGS
B = "http://127.0.0.1:8590"
with sync_playwright() as p:
    b = p.chromium.launch(executable_path="/usr/bin/chromium", args=LAUNCH_ARGS)
    page = b.new_context().new_page()
    reqs = []
    page.on("request", lambda r: reqs.append((r.method, r.url.split("?")[0].replace(B, ""))) if "/api/" in r.url else None)
    page.goto(B + "/")
    page.wait_for_timeout(1500)
    n_load = len(reqs)
    page.get_by_role("button", name="Chat with us").click()
    box = page.get_by_label("Message", exact=True)
    box.fill("how do I reset my password?"); box.press("Enter")
    page.wait_for_timeout(6000)
    print("on load", n_load, "after one question", len(reqs))
    for k, v in collections.Counter((m, "/".join(u.split("/")[:3] + u.split("/")[4:])) for m, u in reqs).items(): print(v, k)
    page.reload(); page.wait_for_timeout(4000)
    print("after reload", len(reqs))
    b.close()
