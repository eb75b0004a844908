from h import *
out = []
for label, email in [("plain", "kim@example.org"), ("lrm", "kim2@example.org\u200e"), ("zwsp", "kim3@exam\u200bple.org"), ("angle", "<kim4@example.org>")]:
    cid, tok = new()
    say(cid, tok, "I want to talk to a human please")
    for _ in range(40):
        time.sleep(0.5); ts = card_ts(cid)
        if ts: break
    r = requests.post(f"{B}/api/conversations/{cid}/email", headers=H(tok), json={"email": email}); print(label, "email", r.status_code)
    slack_action("handoff_claim", cid, ts=ts); time.sleep(1)
    slack_reply(ts, f"agent reply for {label}, please check your email")
    out.append((label, cid, tok))
    time.sleep(60)  # desk caps 3 handoffs per address per minute
