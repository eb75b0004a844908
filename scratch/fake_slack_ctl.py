"""FakeSlack on a fixed port with /ctl/fail?n=N&kind=K[&method=M] and /ctl/clear for outages."""
import json, sys, time, threading
sys.path.insert(0, "/work/wt-tester")
from tests.fake_slack import FakeSlack, slack_user, _QuietHandler
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response
port = int(sys.argv[1])
users = {"UAGENT1": slack_user("UAGENT1", display_name="Ana"), "UAGENT2": slack_user("UAGENT2", display_name="Bo")}
fs = FakeSlack(users=users, ts_base=int(time.time()))
fs._server.server_close()
inner = fs._wsgi
def app(environ, start_response):
    req = Request(environ)
    if req.path.startswith("/ctl/"):
        if req.path == "/ctl/fail":
            fs.fail_next(int(req.args["n"]), req.args["kind"], method=req.args.get("method"))
        else:
            fs.clear_faults()
        return Response("ok")(environ, start_response)
    return inner(environ, start_response)
fs._server = make_server("127.0.0.1", port, app, threaded=True, request_handler=_QuietHandler)
fs._thread = threading.Thread(target=fs._server.serve_forever, daemon=True)
fs.start()
print("fake slack on", fs.api_url, flush=True)
while True:
    time.sleep(1)
    data = json.dumps([{"method": r.method, "body": r.body, "outcome": r.outcome, "result": r.result, "at": r.at} for r in list(fs.requests)], default=str)
    with open(f"/work/wt-tester/scratch/.slack_{port}.tmp", "w") as f: f.write(data)
    import os; os.replace(f"/work/wt-tester/scratch/.slack_{port}.tmp", f"/work/wt-tester/scratch/slack_{port}.json")
