from h import *
import subprocess, os, signal
cid, tok = new()
wpid = int(subprocess.check_output("pgrep -P $(cat serve1.pid)", shell=True).split()[0])
print("worker", wpid)
r = say(cid, tok, "how long does delivery take?"); print(r.status_code, r.json()["id"])
os.kill(wpid, signal.SIGKILL)
t0=time.time()
while True:
    try:
        if requests.get(B+"/healthz", timeout=2).status_code == 200: break
    except Exception: pass
    time.sleep(0.5)
print("back after", round(time.time()-t0,1))
time.sleep(20)
for m in msgs(cid, tok): print(m["id"], m["role"], m["kind"], repr(m["text"][:80]))
print(cid, tok)
