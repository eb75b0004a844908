import os; os.environ["B"] = "http://127.0.0.1:8592"
from h import *
import h; h.B = os.environ["B"]
import threading, json as _j
h.slack_log = lambda: _j.load(open("/work/wt-tester/scratch/slack_8593.json"))
# A: 10 concurrent messages in one conversation
cid, tok = new()
codes = []
def go(i): codes.append(say(cid, tok, f"question {i}: how long does shipping take to Germany?").status_code)
ths = [threading.Thread(target=go, args=(i,)) for i in range(10)]
[t.start() for t in ths]; [t.join() for t in ths]
print("codes", sorted(codes))
time.sleep(15)
m = msgs(cid, tok)
cust = [x for x in m if x["role"] == "customer"]; bot = [x for x in m if x["role"] != "customer"]
print("customer", len(cust), "bot/system", len(bot))
for x in m: print("  ", x["id"], x["role"], x["kind"], repr(x["text"][:70]))
