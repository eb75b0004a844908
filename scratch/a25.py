from h import *
cid, tok = new()
say(cid, tok, "I want to talk to a human please")
for _ in range(40):
    time.sleep(0.5); ts = card_ts(cid)
    if ts: break
slack_action("handoff_claim", cid, ts=ts); time.sleep(3)
t0 = time.time()
codes = [requests.post(f"{B}/api/conversations/{cid}/typing", headers=H(tok), json={}).status_code for _ in range(40)]
print(codes.count(204), set(codes))
time.sleep(6)
calls = [r["method"] for r in slack_log() if r["at"] > t0]
import collections; print(collections.Counter(calls))
# seen flood with weird ids
for v in [{"message_id": -1}, {"message_id": 2**70}, {"message_id": "x"}, {"up_to": 10**20}, {}]:
    r = requests.post(f"{B}/api/conversations/{cid}/seen", headers=H(tok), json=v); print("seen", v, r.status_code, r.text[:100].strip())
