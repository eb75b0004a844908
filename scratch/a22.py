from h import *
cid, tok = new()
say(cid, tok, "how do I reset my password?"); m = wait_msgs(cid, tok, 2)
bot_id = m[-1]["id"]; cust_id = m[0]["id"]
cid2, tok2 = new()
def fb(mid, t, body): 
    r = requests.post(f"{B}/api/messages/{mid}/feedback", headers=H(t), json=body); return r.status_code, r.text[:120].strip()
print("fb ok", fb(bot_id, tok, {"helpful": True}))
print("fb other conv token", fb(bot_id, tok2, {"helpful": False}))
print("fb on customer msg", fb(cust_id, tok, {"helpful": False}))
print("fb str", fb(bot_id, tok, {"helpful": "no"}))
print("fb comment huge", fb(bot_id, tok, {"helpful": False, "comment": "x" * 50000}))
print("fb huge id", fb(2**63, tok, {"helpful": False}))
print("fb neg id", fb(-1, tok, {"helpful": False}))
for body in [{"token": "x.y"}, {"token": "a" * 100000}, {"identity": "eyJ1c2VyX2lkIjoiMSJ9.AAAA"}, {"name": "<b>Admin</b>\u202e", "email": "ceo@kestrel.example"}, {"name": "x" * 10000}, {"attributes": {"plan": "enterprise"}}]:
    r = requests.post(f"{B}/api/conversations/{cid}/identity", headers=H(tok), json=body)
    print("identity", str(body)[:50], r.status_code, r.text[:150].strip())
for body in [{}, {"link": "garbage"}, {"token": "garbage"}, {"token": "a.b.c"}, {"token": "x" * 100000}]:
    r = requests.post(f"{B}/api/conversations/resume", json=body)
    print("resume", str(body)[:40], r.status_code, r.text[:150].strip())
# foreign conversation access
print("foreign get", requests.get(f"{B}/api/conversations/{cid}/messages", headers=H(tok2)).status_code)
print("no token", requests.get(f"{B}/api/conversations/{cid}/messages").status_code)
print("bad id", requests.get(f"{B}/api/conversations/{'A'*5000}/messages", headers=H(tok)).status_code)
print("id unicode", requests.get(f"{B}/api/conversations/%F0%9F%98%80/messages", headers=H(tok)).status_code)
print("id %00", requests.get(f"{B}/api/conversations/%00/messages", headers=H(tok)).status_code)
print("after=-1", requests.get(f"{B}/api/conversations/{cid}/messages?after=-1", headers=H(tok)).status_code)
print("after=huge", requests.get(f"{B}/api/conversations/{cid}/messages?after=999999999999999999999", headers=H(tok)).status_code)
print("after=2**63", requests.get(f"{B}/api/conversations/{cid}/messages?after={2**63}", headers=H(tok)).status_code)
print("create with junk", requests.post(f"{B}/api/conversations", json={"page_url": "javascript:alert(1)", "locale": "x"*1000}).status_code)
print("create with page_url huge", requests.post(f"{B}/api/conversations", json={"page_url": "https://a.example/" + "x"*100000}).status_code)
print("create locale rtl", requests.post(f"{B}/api/conversations", json={"locale": "ar-\u202e"}).text[:150])
