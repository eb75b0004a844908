from h import *
import threading, collections, re
DOC = open("/work/wt-tester/examples/account/reset-your-password.md").read()
stop = threading.Event(); log = []
def customer(i):
    while not stop.is_set():
        cid, tok = new()
        t = time.time()
        r = say(cid, tok, "how long is the password reset link valid?")
        end = time.time() + 30; m = []
        while time.time() < end:
            time.sleep(1.5)
            m = msgs(cid, tok)
            if len(m) >= 2: break
        last = m[-1]
        mm = re.search(r"\*\*(\d+) minutes", last["text"])
        log.append((round(t - T0, 1), round(time.time() - t, 1), r.status_code, last["role"], [c["document_id"] for c in last["citations"]], mm.group(1) if mm else last["text"][:40]))
T0 = time.time()
ths = [threading.Thread(target=customer, args=(i,)) for i in range(3)]
[t.start() for t in ths]
for k in range(5):
    body = DOC.replace("30 minutes", f"{40+k} minutes")
    r = adm("POST", "/documents", files={"file": ("reset-your-password.md", body.encode())}, data={"path": "account/reset-your-password.md"})
    log.append((round(time.time()-T0,1), "PUT", 40+k, r.status_code))
    time.sleep(3)
stop.set(); [t.join() for t in ths]
for l in sorted(log, key=lambda x: x[0]): print(l)
