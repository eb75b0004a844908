import json, sys, time
sys.path.insert(0, "/work/wt-tester")
from playwright.sync_api import sync_playwright
from tests.browser import LAUNCH_ARGS
B = "http://127.0.0.1:8590"; TOKEN = "admintoken-0123456789abcdef0123456789"
with sync_playwright() as p:
    b = p.chromium.launch(executable_path="/usr/bin/chromium", args=LAUNCH_ARGS)
    ctx = b.new_context(viewport={"width": 1400, "height": 1000})
    page = ctx.new_page()
    errs = []
    page.on("console", lambda m: errs.append((m.type, m.text)) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: errs.append(("pageerror", str(e))))
    page.on("dialog", lambda d: (errs.append(("DIALOG", d.message)), d.dismiss()))
    page.goto(B + "/admin")
    page.wait_for_timeout(1000)
    page.screenshot(path="adm_login.png")
    page.locator("input[type=password], input").first.fill(TOKEN)
    page.keyboard.press("Enter")
    page.wait_for_timeout(2500)
    page.screenshot(path="adm_overview.png")
    links = page.locator("nav a, nav button, a").all_inner_texts()
    print("nav", links[:20])
    for name in ["Conversations", "Knowledge", "Content gaps", "Drafts"]:
        try:
            page.get_by_role("link", name=name).first.click()
        except Exception:
            try: page.get_by_role("button", name=name).first.click()
            except Exception as e: print("no", name); continue
        page.wait_for_timeout(2500)
        page.screenshot(path=f"adm_{name.split()[0].lower()}.png", full_page=False)
    print(errs)
    b.close()
