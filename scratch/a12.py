from h import *
exec(open("a11.py").read().split("# 1:")[0].split("from h import *")[1])
cid, tok, ts = handed(); t0 = time.time()
slack_action("handoff_claim", cid, ts=ts); time.sleep(2)
print("close", requests.post(f"{B}/api/conversations/{cid}/close", headers=H(tok), json={}).status_code); time.sleep(2)
print(slack_reply(ts, "reply after customer closed").status_code); time.sleep(4)
show(cid, tok, "reply after close"); time.sleep(2); print("   slack:", ephemerals(t0))
# 5: concurrent: admin console reply and slack reply and customer message at once
import threading
cid, tok, ts = handed(); t0 = time.time()
out = []
def a(): out.append(("admin", adm("POST", f"/conversations/{cid}/messages", json={"text": "admin reply", "agent_name": "Console Carl"}).status_code))
def s(): out.append(("slack", slack_reply(ts, "slack reply at the same time", user="UAGENT2").status_code))
def c(): out.append(("cust", say(cid, tok, "are you there?").status_code))
ths = [threading.Thread(target=f) for f in (a, s, c)]
[t.start() for t in ths]; [t.join() for t in ths]
print(out); time.sleep(5)
show(cid, tok, "concurrent admin+slack"); time.sleep(2); print("   slack:", ephemerals(t0))
print(adm("GET", f"/conversations/{cid}").json().get("conversation", {}))
