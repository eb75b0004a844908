from h import *
import threading
s = requests.Session(); 
r = adm("POST", "/sync"); print("sync1", r.status_code, r.text[:200])
r = adm("POST", "/sync"); print("sync2 (while running)", r.status_code, r.text[:200])
r = adm("POST", "/documents", files={"file": ("during.md", b"# During sync\n\nUploaded while a sync runs. Kestrel gift cards never expire.")}, data={"path": "during-sync.md"}); print("upload during sync", r.status_code, r.text[:200])
r = adm("DELETE", "/documents/con.md"); print("delete during sync", r.status_code, r.text[:200])
for _ in range(60):
    g = adm("GET", "/sync").json()
    if g.get("state") not in ("running", "queued") and g.get("status") not in ("running",): break
    time.sleep(1)
print(str(g)[:800])
docs = {d["id"]: d for d in adm("GET", "/documents").json()["documents"]}
print("during-sync.md" in docs, "con.md" in docs)
import os; print(os.path.exists("docs1/during-sync.md"), os.path.exists("docs1/con.md"))
