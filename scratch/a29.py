from h import *
FS = "http://127.0.0.1:8591"
requests.get(FS + "/ctl/fail", params={"n": 200, "kind": "500"})
t0 = time.time()
cid, tok = new()
say(cid, tok, "I want to talk to a human please"); time.sleep(4)
say(cid, tok, "my order 5521 never arrived, please help"); time.sleep(3)
for m in msgs(cid, tok): print("  ", m["role"], m["kind"], repr(m["text"][:100]))
print("slack calls during outage:", len([r for r in slack_log() if r["at"] > t0]))
requests.get(FS + "/ctl/clear"); t1 = time.time()
time.sleep(60)
posts = [r for r in slack_log() if r["at"] > t1 and r["method"] == "chat.postMessage" and r["outcome"] == "ok"]
for p in posts: print("  after outage:", p["body"].get("thread_ts"), repr(p["body"].get("text", "")[:100]))
print(requests.get(f"{B}/api/conversations/{cid}", headers=H(tok)).json()["state"])
for m in msgs(cid, tok)[-3:]: print("  ", m["role"], m["kind"], repr(m["text"][:100]))
