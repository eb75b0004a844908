from h import *
def handed():
    cid, tok = new()
    say(cid, tok, "I want to talk to a human please")
    for _ in range(40):
        time.sleep(0.5)
        ts = card_ts(cid)
        if ts: return cid, tok, ts
    raise SystemExit("no card")
def show(cid, tok, label):
    print("==", label)
    for m in msgs(cid, tok): print("  ", m["id"], m["role"], m["kind"], repr(m["text"][:90]))
    print("   state:", requests.get(f"{B}/api/conversations/{cid}", headers=H(tok)).json()["state"])
def ephemerals(since):
    return [(r["method"], r["body"].get("user"), r["body"].get("text", "")[:150]) for r in slack_log() if r["at"] > since and r["method"] in ("chat.postEphemeral", "chat.postMessage")]
# 1: reply while pending (nobody claimed)
cid, tok, ts = handed(); t0 = time.time()
print(slack_reply(ts, "hi, I am replying without claiming").status_code); time.sleep(4)
show(cid, tok, "reply while pending"); time.sleep(2); print("   slack:", ephemerals(t0))
# 2: claim, resolve, then reply
cid, tok, ts = handed(); t0 = time.time()
slack_action("handoff_claim", cid, ts=ts); time.sleep(2)
slack_action("handoff_resolve", cid, ts=ts); time.sleep(2)
print(slack_reply(ts, "one more thing after resolve").status_code); time.sleep(4)
show(cid, tok, "reply after resolve"); time.sleep(2); print("   slack:", ephemerals(t0))
# 3: claim, return to bot, then reply
cid, tok, ts = handed(); t0 = time.time()
slack_action("handoff_claim", cid, ts=ts); time.sleep(2)
slack_action("handoff_return_to_bot", cid, ts=ts); time.sleep(2)
print(slack_reply(ts, "late reply after return to bot").status_code); time.sleep(4)
show(cid, tok, "reply after return"); time.sleep(2); print("   slack:", ephemerals(t0))
# 4: claim, customer closes, then reply
cid, tok, ts = handed(); t0 = time.time()
slack_action("handoff_claim", cid, ts=ts); time.sleep(2)
print("close", requests.post(f"{B}/api/conversations/{cid}/close", headers=H(tok), json={}).status_code); time.sleep(2)
print(slack_reply(ts, "reply after customer closed").status_code); time.sleep(4)
show(cid, tok, "reply after close"); time.sleep(2); print("   slack:", ephemerals(t0))
