from h import *
cid, tok = new()
url = f"{B}/api/conversations/{cid}/events"
rs = []
for i in range(7):
    r = requests.get(url, headers=H(tok), stream=True, timeout=10)
    print(i, r.status_code, r.headers.get("content-type"), r.headers.get("retry-after"))
    if r.status_code != 200: print(r.text[:300])
    rs.append(r)
for r in rs: r.close()
time.sleep(1)
r = requests.get(url, headers=H(tok), stream=True, timeout=10); print("after close", r.status_code); r.close()
