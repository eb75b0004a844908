from h import *
import subprocess, os, signal
cid, tok = new()
say(cid, tok, "hi"); wait_msgs(cid, tok, 2)
mpid = int(open("serve1.pid").read())
r = say(cid, tok, "how long does delivery take?"); print(r.status_code, r.json()["id"])
os.kill(mpid, signal.SIGTERM)
time.sleep(8)
print(subprocess.run("ps -ef | grep -v grep | grep 'supportbot serve'", shell=True, capture_output=True, text=True).stdout)
subprocess.Popen("bash -c '. ./env_embedded.sh; exec /work/main/.venv/bin/supportbot serve --port 8590 >> serve1.log 2>&1' & echo $! > serve1.pid", shell=True)
time.sleep(3)
mp = open("serve1.pid").read(); print("new master", mp)
t0=time.time()
while True:
    try:
        if requests.get(B+"/healthz", timeout=2).status_code == 200: break
    except Exception: pass
    time.sleep(0.5)
print("back after", round(time.time()-t0,1))
time.sleep(15)
for m in msgs(cid, tok): print(m["id"], m["role"], m["kind"], repr(m["text"][:80]))
