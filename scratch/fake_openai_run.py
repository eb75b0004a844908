"""FakeOpenAI on a fixed port, with /ctl/<cmd> (JSON body) to script replies."""
import json, sys, time
sys.path.insert(0, "/work/wt-tester")
from tests.fake_openai import FakeOpenAI, Reply, _QuietHandler
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response
import threading
port = int(sys.argv[1])
fo = FakeOpenAI()
orig = fo._app
def app(environ, start_response):
    req = Request(environ)
    if req.path.startswith("/ctl/"):
        body = json.loads(req.get_data() or b"{}")
        cmd = req.path[5:]
        if cmd == "enqueue": fo._push(Reply(**body))
        elif cmd == "release": fo.release()
        elif cmd == "requests": return Response(json.dumps(fo.requests[-int(body.get("n", 1)):]), mimetype="application/json")(environ, start_response)
        return Response("ok")(environ, start_response)
    return orig(environ, start_response)
fo._server = make_server("127.0.0.1", port, app, threaded=True, request_handler=_QuietHandler)
print("fake openai on", port, flush=True)
fo._server.serve_forever()
