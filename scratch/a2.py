from h import *
import sys
cases = {
 "utf16": dict(data='{"text":"utf16"}'.encode('utf-16'), headers={"content-type":"application/json"}),
 "charset latin1": dict(data='{"text":"caf\u00e9"}'.encode('latin-1'), headers={"content-type":"application/json; charset=latin-1"}),
 "4000 combining": dict(json={"text": "e" + "\u0301"*3999}),
 "4000 emoji zwj": dict(json={"text": "👩‍👩‍👧‍👦"*571}),
 "4001 chars": dict(json={"text": "a"*4001}),
 "zalgo question": dict(json={"text": "".join(c+"\u0336\u0337" for c in "how do I reset my password")}),
 "bidi override": dict(json={"text": "\u202ehow do I reset my password\u202c"}),
 "script": dict(json={"text": "<script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3)) ![i](http://evil/x.png)"}),
 "slack mentions": dict(json={"text": "<!channel> <!here> <@UAGENT1> <https://evil.example|click me> *bold* I want to talk to a human"}),
}
for name, kw in cases.items():
    cid, tok = new()
    h = dict(H(tok)); h.update(kw.pop("headers", {}))
    r = requests.post(f"{B}/api/conversations/{cid}/messages", headers=h, timeout=30, **kw)
    print(f"{name:20s} {r.status_code} {r.text[:150]!r}")
    if r.status_code == 201:
        m = wait_msgs(cid, tok, 2, 20)
        for x in m: print("   ", x["id"], x["role"], x["kind"], repr(x["text"][:100]), x["meta"].get("reason"))
    print("   ", cid, tok)
