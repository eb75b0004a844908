from h import *
cid, tok = new()
say(cid, tok, "hello"); wait_msgs(cid, tok, 2)
for e in ["a@b.com\r\nBcc: evil@x.com", "a@b.com\nBcc: evil@x.com", "\"evil\r\nBcc: x@y\"@b.com", "user@[127.0.0.1]", "a@b", "x"*300+"@b.com", "ñandú@españa.es", "a@xn--bcher-kva.example", "<a@b.com>", "a@b.com, c@d.com", "a@b.com\u202e", "", "   a@b.com  ", "a+tag@b.com"]:
    r = requests.post(f"{B}/api/conversations/{cid}/email", headers=H(tok), json={"email": e})
    print(repr(e[:40]), r.status_code, r.text[:150].strip())
for body in [{"rating": 0}, {"rating": 6}, {"rating": "5"}, {"rating": 4.5}, {"rating": True}, {"rating": 5, "comment": "x"*100000}, {"rating": 5, "comment": "<script>alert(1)</script> my card 4111 1111 1111 1111"}, {"rating": -1}, {"rating": 1e308}]:
    r = requests.post(f"{B}/api/conversations/{cid}/rating", headers=H(tok), json=body)
    print("rating", str(body)[:60], r.status_code, r.text[:150].strip())
