from h import *
cid, tok = new()
r = say(cid, tok, "I want to talk to a human please"); print(r.status_code)
time.sleep(4)
ts = card_ts(cid); print("card", ts)
print(msgs(cid, tok)[-1]["text"][:100])
# two agents claim at once
import threading
res = []
def claim(u): res.append((u, slack_action("handoff_claim", cid, user=u, ts=ts).status_code))
ths = [threading.Thread(target=claim, args=(u,)) for u in ("UAGENT1", "UAGENT2")]
[t.start() for t in ths]; [t.join() for t in ths]; print(res)
time.sleep(3)
print(requests.get(f"{B}/api/conversations/{cid}", headers=H(tok)).json())
owner = requests.get(f"{B}/api/conversations/{cid}", headers=H(tok)).json().get("agent_name")
u = "UAGENT1" if owner == "Ana" else "UAGENT2"
texts = ["Hello &lt;b&gt;there&lt;/b&gt; &amp; welcome <https://example.com|our site> <@UAGENT2> <!here> :smile: *bold* _it_ ~s~ `code`",
         "<script>alert('agent')</script>",
         "x" * 5000,
         "multi\nline\n\n> quote\n```\ncode block\n```",
         "emoji 👩‍👩‍👧‍👦 RTL שלום עליכם and zero\u200bwidth"]
for t in texts:
    r = slack_reply(ts, t, user=u); print("reply", r.status_code, r.text[:100])
time.sleep(5)
for m in msgs(cid, tok): print(m["id"], m["role"], m["kind"], len(m["text"]), repr(m["text"][:200]))
open("conv_agent", "w").write(f"{cid} {tok} {ts} {u}")
