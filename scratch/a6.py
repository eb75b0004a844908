from h import *
cid, tok = new()
codes = []
for i in range(25):
    codes.append(requests.get(f"{B}/api/conversations/{cid}/messages?after=0", headers=H(tok)).status_code)
print("GET messages x25:", codes)
print("post after polling:", say(cid, tok, "hello").status_code)
cid, tok = new()
codes = []
for i in range(25):
    codes.append(requests.get(f"{B}/api/conversations/{cid}/events?token={tok}", stream=True, timeout=5).status_code)
print("GET events x25:", codes)
codes=[]
for i in range(10):
    codes.append(requests.post(f"{B}/api/conversations/{cid}/typing", headers=H(tok), json={}).status_code)
print("typing x10", codes)
print("post after:", say(cid, tok, "hello").status_code)
