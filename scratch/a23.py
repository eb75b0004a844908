from h import *
import threading
cid, tok = new()
open("conv_long", "w").write(f"{cid} {tok}\n")
qs = ["how do I reset my password?", "how long does shipping take to Germany?", "can I return a grinder?", "what payment methods do you accept?"]
lat = []
t0 = time.time()
for i in range(600):
    t = time.time()
    r = say(cid, tok, qs[i % 4] + f" ({i})")
    if r.status_code != 201: print(i, r.status_code, r.text[:100]); time.sleep(1); continue
    mid = r.json()["id"]
    # wait for the reply via ?after
    while True:
        mm = requests.get(f"{B}/api/conversations/{cid}/messages?after={mid}", headers=H(tok)).json()["messages"]
        if mm: break
        time.sleep(0.05)
    lat.append(time.time() - t)
    if i % 100 == 0: print(i, "turn", round(lat[-1], 3), "elapsed", round(time.time() - t0))
import statistics
print("first 50 median", round(statistics.median(lat[:50]), 3), "last 50 median", round(statistics.median(lat[-50:]), 3))
t = time.time(); r = requests.get(f"{B}/api/conversations/{cid}/messages", headers=H(tok)); print("full history", len(r.content), "bytes", round(time.time()-t, 2), "s", len(r.json()["messages"]))
t = time.time(); r = adm("GET", f"/conversations/{cid}"); print("admin transcript", r.status_code, len(r.content), round(time.time()-t, 2), "s")
print(set(m["role"] + ":" + str(m["meta"].get("mode")) for m in r.json()["messages"]))
