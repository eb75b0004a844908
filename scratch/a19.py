from h import *
def ctl(cmd, **body): return requests.post(f"http://127.0.0.1:8595/ctl/{cmd}", json=body)
cid, tok = new()
say(cid, tok, "how do I reset my password?")
m = wait_msgs(cid, tok, 2); print(repr(m[-1]["text"][:200]), m[-1]["meta"].get("mode"))
tests = {
 "500": dict(status=500, body={"error": {"message": "boom"}}),
 "429": dict(status=429, body={"error": {"message": "rate"}}, headers={"Retry-After": "1"}),
 "garbage json": dict(status=200, body="not json at all"),
 "empty": dict(text=""),
 "cites nonexistent [7]": dict(text="Reset it from the sign-in page [7]."),
 "html/script": dict(text="<script>alert(1)</script><img src=x onerror=alert(2)> Click [here](javascript:alert(3)) [1]"),
 "huge": dict(text="word " * 20000 + "[1]"),
 "NUL": dict(text="abc\u0000def [1]"),
 "hang then release": dict(text="partial answer so far", hang=True),
}
for name, rep in tests.items():
    ctl("enqueue", **rep)
    cid, tok = new(); t = time.time()
    say(cid, tok, "how do I reset my password?")
    if rep.get("hang"):
        time.sleep(8); ctl("release")
    m = wait_msgs(cid, tok, 2, 60)
    last = m[-1]
    print(f"{name:22s} {time.time()-t:5.1f}s {last['role']} {last['meta'].get('mode')} len={len(last['text'])} {last['text'][:120]!r} cites={[c['number'] for c in last['citations']]}")
