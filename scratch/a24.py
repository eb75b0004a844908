from h import *
cid, tok = new()
say(cid, tok, "I want to talk to a human please")
for _ in range(40):
    time.sleep(0.5); ts = card_ts(cid)
    if ts: break
slack_action("handoff_claim", cid, ts=ts); time.sleep(2)
t0 = time.time()
FS = "http://127.0.0.1:8591"
def share(fid, name, mimetype, size=100):
    url = f"{FS}/files-pri/{fid}/{name}"
    return {"id": fid, "name": name, "title": name, "mimetype": mimetype, "size": size, "url_private": url, "url_private_download": url + "?download=1"}
cases = [
  ("zip", [share("FZIP1", "manual.zip", "application/zip")], "here is the manual"),
  ("html", [share("FHTML1", "page.html", "text/html")], ""),
  ("docx", [share("FDOCX1", "form.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")], "please fill this form"),
  ("missing", [share("FMISSING", "label.pdf", "application/pdf")], ""),
]
for label, files, text in cases:
    ev = {"type": "message", "subtype": "file_share", "channel": CHAN, "user": "UAGENT1", "text": text, "ts": f"{time.time():.6f}", "thread_ts": ts, "channel_type": "channel", "files": files}
    print(label, slack_event(ev).status_code)
    time.sleep(3)
time.sleep(5)
for m in msgs(cid, tok)[3:]: print("  ", m["id"], m["role"], m["kind"], repr(m["text"][:80]), m["meta"].get("attachment", {}).get("name") if m["meta"].get("attachment") else "")
for r in slack_log():
    if r["at"] > t0 and r["method"] in ("chat.postEphemeral", "chat.postMessage"): print("   slack", r["method"], r["body"].get("user"), r["body"].get("text", "")[:160])
