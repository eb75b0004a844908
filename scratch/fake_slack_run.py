"""Run the test FakeSlack on a fixed port for manual attacks; dump recorded requests on demand."""
import json, sys, time, threading
sys.path.insert(0, "/work/wt-tester")
from tests.fake_slack import FakeSlack, slack_user
from werkzeug.serving import make_server
port = int(sys.argv[1])
users = {"UAGENT1": slack_user("UAGENT1", display_name="Ana"), "UAGENT2": slack_user("UAGENT2", display_name="Bo")}
fs = FakeSlack(users=users)
# rebind to fixed port
fs._server.server_close()
from tests.fake_slack import _QuietHandler
fs._server = make_server("127.0.0.1", port, fs._wsgi, threaded=True, request_handler=_QuietHandler)
fs._thread = threading.Thread(target=fs._server.serve_forever, daemon=True)
fs.start()
print("fake slack on", fs.api_url, flush=True)
while True:
    time.sleep(2)
    with open(f"/work/wt-tester/scratch/slack_{port}.json", "w") as f:
        json.dump([{"method": r.method, "body": r.body, "outcome": r.outcome, "result": r.result, "at": r.at} for r in list(fs.requests)], f, default=str)
