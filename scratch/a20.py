from h import *
import subprocess
def ctl(cmd, **body): return requests.post(f"http://127.0.0.1:8595/ctl/{cmd}", json=body)
# 1: hang forever (no release): what does the customer get, and when
ctl("enqueue", text="I will now hang", hang=True)
cid, tok = new(); t = time.time(); say(cid, tok, "how do I reset my password?")
m = wait_msgs(cid, tok, 2, 90); print("hang:", round(time.time()-t,1), m[-1]["role"], m[-1]["meta"].get("mode"), repr(m[-1]["text"][:100]))
ctl("release")
# 2: deploy (SIGTERM) during a slow LLM answer
ctl("enqueue", text=" ".join(["slowly"] * 30) + " [1]", delay_per_token=0.5)
cid, tok = new(); say(cid, tok, "how do I reset my password?"); time.sleep(3)
subprocess.run("./restart.sh", shell=True)
time.sleep(40)
for x in msgs(cid, tok): print("  ", x["id"], x["role"], x["meta"].get("mode"), repr(x["text"][:80]))
