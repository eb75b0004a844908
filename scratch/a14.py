import os; os.environ["B"] = "http://127.0.0.1:8592"
import h; h.B = os.environ["B"]
from h import *
import threading, json as _j
h.slack_log = lambda: _j.load(open("/work/wt-tester/scratch/slack_8593.json"))
cid, tok = new()
say(cid, tok, "I want to speak to a human agent")
ts = None
for _ in range(40):
    time.sleep(0.5); ts = h.card_ts(cid)
    if ts: break
print("card", ts)
t0 = time.time()
res = []
users = ["UAGENT1", "UAGENT2"] * 5
def claim(u): res.append(slack_action("handoff_claim", cid, user=u, ts=ts).status_code)
ths = [threading.Thread(target=claim, args=(u,)) for u in users]
[t.start() for t in ths]; [t.join() for t in ths]
print(res); time.sleep(4)
for m in msgs(cid, tok): print("  ", m["id"], m["role"], m["kind"], repr(m["text"][:70]))
# same event delivered twice at once (Slack retry racing original), to both workers
ev = {"type": "message", "channel": CHAN, "user": "UAGENT1", "text": "duplicate-race reply", "ts": f"{time.time():.6f}", "thread_ts": ts, "channel_type": "channel"}
body = event_body(ev, event_id="EvDUPRACE1")
out = []
def post(i):
    out.append(slack_post(body, "application/json", retry_num=i or None).status_code)
ths = [threading.Thread(target=post, args=(i,)) for i in range(6)]
[t.start() for t in ths]; [t.join() for t in ths]
print(out); time.sleep(4)
print(sum(1 for m in msgs(cid, tok) if m["text"] == "duplicate-race reply"), "copies of duplicate-race reply")
# same message ts, different event ids
ev2 = dict(ev, text="same-ts reply", ts=f"{time.time():.6f}")
out = []
def post2(i): out.append(slack_post(event_body(ev2, event_id=f"EvSAMETS{i}"), "application/json").status_code)
ths = [threading.Thread(target=post2, args=(i,)) for i in range(6)]
[t.start() for t in ths]; [t.join() for t in ths]
time.sleep(4)
print(sum(1 for m in msgs(cid, tok) if m["text"] == "same-ts reply"), "copies of same-ts reply")
for r in h.slack_log():
    if r["at"] > t0 and r["method"] in ("chat.postEphemeral", "chat.postMessage"): print("   slack", r["method"], r["body"].get("user"), r["body"].get("text", "")[:100])
