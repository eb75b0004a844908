from h import *
t0 = time.time()
for text in ["list", "claim <!channel>", "claim " + "A" * 5000, "claim ../../etc", "", "help", "claim", "list " + "\u202e" * 10, "CLAIM xyz"]:
    body = command_body(text, user="UAGENT1", channel=CHAN, response_url="http://127.0.0.1:8591/webhook")
    r = slack_post(body, "application/x-www-form-urlencoded")
    print(repr(text[:30]), r.status_code, r.text[:200])
# unsigned / stale / wrong secret
body = command_body("list", user="UAGENT1", channel=CHAN)
print("unsigned", requests.post(B + "/slack/events", data=body, headers={"Content-Type": "application/x-www-form-urlencoded"}).status_code)
print("stale", slack_post(body, "application/x-www-form-urlencoded", timestamp=int(time.time()) - 3600).status_code)
print("bad json event", slack_post("{not json", "application/json").status_code)
print("url_verification", slack_post(json.dumps({"type": "url_verification", "challenge": "abc<script>", "token": "x"}), "application/json").text[:100])
print("huge event", slack_event({"type": "message", "channel": CHAN, "user": "UAGENT1", "text": "x" * 2_000_000, "ts": "1.1", "thread_ts": "1.0"}).status_code)
