from h import *
cid, tok = new()
url = f"{B}/api/conversations/{cid}/messages"
cases = {
 "no body": dict(),
 "malformed json": dict(data=b'{"text": "hi"', headers={"content-type":"application/json"}),
 "json null": dict(data=b'null', headers={"content-type":"application/json"}),
 "json list": dict(data=b'["hi"]', headers={"content-type":"application/json"}),
 "json string": dict(data=b'"hi"', headers={"content-type":"application/json"}),
 "text int": dict(json={"text": 5}),
 "text list": dict(json={"text": ["a"]}),
 "text obj": dict(json={"text": {"a":1}}),
 "text null": dict(json={"text": None}),
 "text empty": dict(json={"text": ""}),
 "text ws": dict(json={"text": " \n\t\u200b\u200b "}),
 "text NUL": dict(json={"text": "hello\u0000world"}),
 "lone surrogate": dict(data=b'{"text": "hi \\ud800 there"}', headers={"content-type":"application/json"}),
 "invalid utf8": dict(data=b'{"text": "hi \xff\xfe there"}', headers={"content-type":"application/json"}),
 "form": dict(data={"text":"hello"}),
 "text/plain": dict(data=b'{"text":"hello plain"}', headers={"content-type":"text/plain"}),
 "huge number": dict(data=b'{"text": "x", "client_id": 1e999999}', headers={"content-type":"application/json"}),
 "deep json": dict(data=b'{"text":"x","a":' + b'['*100000 + b']'*100000 + b'}', headers={"content-type":"application/json"}),
 "dup keys": dict(data=b'{"text":"a","text":"b"}', headers={"content-type":"application/json"}),
 "bom": dict(data=b'\xef\xbb\xbf{"text":"bom"}', headers={"content-type":"application/json"}),
 "utf16": dict(data='{"text":"utf16"}'.encode('utf-16'), headers={"content-type":"application/json"}),
 "charset latin1": dict(data='{"text":"caf\u00e9"}'.encode('latin-1'), headers={"content-type":"application/json; charset=latin-1"}),
 "4000 combining": dict(json={"text": "e" + "\u0301"*3999}),
 "4000 emoji zwj": dict(json={"text": "👩‍👩‍👧‍👦"*571}),
 "4001 chars": dict(json={"text": "a"*4001}),
}
for name, kw in cases.items():
    h = dict(H(tok)); h.update(kw.pop("headers", {}))
    try:
        r = requests.post(url, headers=h, timeout=30, **kw)
        print(f"{name:20s} {r.status_code} {r.headers.get('content-type')} {r.text[:200]!r}")
    except Exception as e:
        print(name, "EXC", e)
time.sleep(3)
for m in msgs(cid, tok):
    print(m["id"], m["role"], m["kind"], repr(m["text"][:80]))
