from h import *
import pickle, os
files = pickle.load(open("files.pkl", "rb"))
cid, tok = new()
say(cid, tok, "I want to talk to a human please")
for _ in range(40):
    time.sleep(0.5); ts = card_ts(cid)
    if ts: break
print("bot-state upload:", requests.post(f"{B}/api/conversations/{cid}/files", headers=H(tok), files={"file": ("exif_ok.jpg", files["exif_ok.jpg"], "image/jpeg")}).status_code)
slack_action("handoff_claim", cid, ts=ts); time.sleep(2)
open("conv_files", "w").write(f"{cid} {tok} {ts}\n")
for name, data in files.items():
    t = time.time()
    try:
        r = requests.post(f"{B}/api/conversations/{cid}/files", headers=H(tok), files={"file": (name, data, "application/octet-stream")}, timeout=300)
        print(f"{name:15s} {r.status_code} {time.time()-t:6.1f}s {r.text[:200].strip()}")
    except Exception as e:
        print(name, "EXC", e, time.time()-t)
