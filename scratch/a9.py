from h import *
import threading, collections
DOC = open("/work/wt-tester/examples/account/reset-your-password.md").read()
stop = threading.Event(); results = collections.Counter(); bad = []
def customer(i):
    cid, tok = new()
    n = 0
    while not stop.is_set():
        r = say(cid, tok, "how long is the password reset link valid?")
        results[r.status_code] += 1
        n += 2 if r.status_code == 201 else 0
        m = wait_msgs(cid, tok, n, 30)
        last = m[-1]
        if last["role"] != "bot": bad.append((cid, "no bot reply", last["text"][:60]))
        else:
            results[("cites", tuple(c["document_id"] for c in last["citations"]))] += 1
            if "minutes" not in last["text"]: results[("nominutes", last["text"][:50])] += 1
        time.sleep(3.2)
ths = [threading.Thread(target=customer, args=(i,)) for i in range(4)]
[t.start() for t in ths]
adm_codes = []
for k in range(6):
    body = DOC.replace("30 minutes", f"{30+k} minutes")
    r = adm("POST", "/documents", files={"file": ("reset-your-password.md", body.encode())}, data={"path": "account/reset-your-password.md"})
    adm_codes.append(("put", r.status_code, r.text[:120]))
    time.sleep(2)
    if k == 3:
        r = adm("DELETE", "/documents/account/reset-your-password.md"); adm_codes.append(("del", r.status_code, r.text[:120]))
        time.sleep(4)
stop.set(); [t.join() for t in ths]
for c in adm_codes: print(c)
for k, v in results.items(): print(v, k)
print("bad", bad)
