"""Tiny helpers for poking the running server."""
import json, os, time, requests
B = os.environ.get("B", "http://127.0.0.1:8590")
ADMIN = os.environ.get("SUPPORTBOT_ADMIN_TOKEN", "admintoken-0123456789abcdef0123456789")
def new(**kw):
    r = requests.post(B + "/api/conversations", json=kw or {})
    d = r.json(); return d["id"], d["token"]
def H(tok): return {"Authorization": f"Bearer {tok}"}
def say(cid, tok, text, **kw):
    return requests.post(f"{B}/api/conversations/{cid}/messages", headers=H(tok), json={"text": text, **kw})
def msgs(cid, tok):
    return requests.get(f"{B}/api/conversations/{cid}/messages", headers=H(tok)).json()["messages"]
def wait_msgs(cid, tok, n, t=30):
    end = time.time() + t
    while time.time() < end:
        m = msgs(cid, tok)
        if len(m) >= n: return m
        time.sleep(0.3)
    return msgs(cid, tok)
def adm(method, path, **kw):
    return requests.request(method, B + "/admin/api" + path, headers={"Authorization": f"Bearer {ADMIN}"}, **kw)
import sys as _s; _s.path.insert(0, "/work/wt-tester")
from tests.handoff.slack_helpers import signed_headers, event_body, action_body, command_body
SECRET = "sigsecret"; CHAN = "C0SUPPORT"
def slack_post(body, ct, **kw):
    return requests.post(B + "/slack/events", data=body.encode(), headers=signed_headers(body, content_type=ct, secret=SECRET, **kw), timeout=30)
_evn = [int(time.time()*1000)]
def slack_event(event, event_id=None, **kw):
    _evn[0] += 1
    return slack_post(event_body(event, event_id=event_id or f"Ev{_evn[0]}"), "application/json", **kw)
def slack_action(action, value, user="UAGENT1", ts="1.000001"):
    return slack_post(action_body(action, value, user=user, channel=CHAN, message_ts=ts, response_url="http://127.0.0.1:8591/webhook"), "application/x-www-form-urlencoded")
def slack_reply(thread_ts, text, user="UAGENT1", ts=None, **extra):
    ev = {"type": "message", "channel": CHAN, "user": user, "text": text, "ts": ts or f"{time.time():.6f}", "thread_ts": thread_ts, "channel_type": "channel", **extra}
    return slack_event(ev)
SLACK_LOG = "/work/wt-tester/scratch/slack_8591.json"
def slack_log():
    for _ in range(20):
        try: return json.load(open(SLACK_LOG))
        except ValueError: time.sleep(0.1)
    return []
def card_ts(cid):
    for r in slack_log():
        if r["method"] == "chat.postMessage" and cid in json.dumps(r["body"]) and not r["body"].get("thread_ts"):
            return r["result"].get("ts")
