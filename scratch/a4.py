from h import *
cid, tok = new()
say(cid, tok, "how do I reset my password?"); wait_msgs(cid, tok, 2)
url = f"{B}/api/conversations/{cid}/events"
for lei in ["abc", "-1", "99999999999999999999999", "1e5", "0x10", "", " 1", "1,2", "\u0661"]:
    try:
        r = requests.get(url, headers={**H(tok), "Last-Event-ID": lei.encode("utf-8")}, stream=True, timeout=5)
        first = b""
        for chunk in r.iter_content(300):
            first += chunk
            if len(first) > 200: break
        print(repr(lei), r.status_code, first[:200])
        r.close()
    except Exception as e:
        print(repr(lei), "EXC", type(e).__name__, e)
for q in ["?last_event_id=abc", "?last_event_id=-5", "?last_event_id=1&last_event_id=2", "?token=" + tok]:
    try:
        h = H(tok) if "token" not in q else {}
        r = requests.get(url + q, headers=h, stream=True, timeout=5)
        first = next(r.iter_content(300)); print(q[:30], r.status_code, first[:150]); r.close()
    except Exception as e: print(q, "EXC", e)
