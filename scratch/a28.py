from h import *
import threading
results = []
for i in range(5):
    cid, tok = new()
    say(cid, tok, "I want to talk to a human please")
    ts = None
    for _ in range(40):
        time.sleep(0.5); ts = card_ts(cid)
        if ts: break
    slack_action("handoff_claim", cid, ts=ts); time.sleep(2)
    text = f"race message {i} {time.time()}"
    th = [threading.Thread(target=lambda: slack_action("handoff_resolve", cid, ts=ts)), threading.Thread(target=lambda: say(cid, tok, text))]
    [t.start() for t in th]; [t.join() for t in th]
    time.sleep(8)
    m = msgs(cid, tok)
    idx = [k for k, x in enumerate(m) if x["text"] == text][0]
    after = [(x["role"], x["kind"], x["text"][:50]) for x in m[idx+1:]]
    relayed = any(text in r["body"].get("text", "") for r in slack_log() if r["method"] == "chat.postMessage")
    print([(x["id"], x["role"], x["kind"], x["text"][:40]) for x in m[-3:]]); print(i, "relayed to slack:", relayed, "| after:", after, "| state:", requests.get(f"{B}/api/conversations/{cid}", headers=H(tok)).json()["state"])
    time.sleep(21)
