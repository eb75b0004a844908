"""Attachment upload to the Slack thread: a customer's 2 MB photo, from the widget's POST to Slack's
`files.completeUploadExternal`, through the real app on loopback (HTTP in, sniffed, scrubbed, stored,
outbox, `files.getUploadURLExternal`, the bytes, complete) with the fake Slack; then memory over 500 uploads.

Budgets (issue 16): p95 under 1 s; no memory growth over 500 uploads: the resident memory after 500
is within 20 MB of what it was after the first 100 (both read after a collection and `malloc_trim`, with
glibc limited to two malloc arenas as `supportbot serve` does, so freed memory malloc keeps is not
mistaken for a leak); RSS is also sampled every 100 uploads, to show the curve is flat.

    python benchmarks/attachment_upload.py [--timed 100] [--total 500]
"""
from __future__ import annotations

import argparse
import gc
import io
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from fake_slack import FakeSlack  # noqa: E402
from PIL import Image  # noqa: E402
from pydantic import SecretStr  # noqa: E402
from slack_sdk import WebClient  # noqa: E402
from werkzeug.serving import WSGIRequestHandler, make_server  # noqa: E402

from serving import _limit_malloc_arenas, _return_freed_memory  # noqa: E402
from tests.doubles import OneArticleKnowledgeBase  # noqa: E402

P95_BUDGET_S = 1.0
GROWTH_BUDGET_MB = 20.0


class _Quiet(WSGIRequestHandler):
    def log_request(self, *args: object, **kwargs: object) -> None:
        return None


def rss_mb(*, trim: bool = False) -> float:
    """Resident memory of this process (server, fake Slack and client together)."""
    if trim:
        gc.collect()
        _return_freed_memory()
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Photos:
    """JPEGs like a phone's (12 MP, about 2 MB), each upload different: one scene, a patch that changes."""

    def __init__(self, width: int = 4032, height: int = 3024, quality: int = 87) -> None:
        rng = random.Random(16)
        small = Image.frombytes("RGB", (width // 16, height // 16), rng.randbytes((width // 16) * (height // 16) * 3))
        scene = small.resize((width, height), Image.BICUBIC)
        grain = Image.frombytes("L", (width, height), rng.randbytes(width * height)).point(lambda v: v // 12)
        scene.paste(Image.merge("RGB", (grain, grain, grain)), (0, 0), Image.new("L", (width, height), 40))
        self._scene, self._quality = scene, quality

    def __call__(self, seed: int) -> bytes:
        image = self._scene.copy()
        image.paste((seed * 37 % 256, seed * 91 % 256, seed * 13 % 256), (64, 64, 320, 320))
        out = io.BytesIO()
        image.save(out, format="JPEG", quality=self._quality)
        return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timed", type=int, default=100, help="uploads timed for the percentiles")
    parser.add_argument("--total", type=int, default=500, help="uploads in all, for the memory figure")
    args = parser.parse_args()

    _limit_malloc_arenas(None, None)  # as in every `supportbot serve` worker, before any thread starts
    from bot.config import BotSettings
    from bot.web.config import WebSettings
    from handoff.config import HandoffSettings, SlackSettings
    from server import Settings, create_app

    tmp = Path(tempfile.mkdtemp(prefix="attachment-bench-"))
    policy = tmp / "policy.yml"
    policy.write_text("business_hours: {always_open: true}\n")
    with FakeSlack() as fake:
        settings = Settings(
            data_dir=tmp / "data", index_examples_on_start=False,
            slack=SlackSettings(bot_token=SecretStr("xoxb-bench"), signing_secret=SecretStr("bench"),
                                support_channel="CBENCH", api_url=fake.api_url),
            handoff=HandoffSettings(outbox_per_channel_per_s=1000),
            bot=BotSettings(policy_file=policy),
            web=WebSettings(rate_limit_per_ip="100000 per minute", rate_limit_per_conversation="100000 per minute"),
        )
        client = WebClient(token="xoxb-bench", base_url=fake.api_url, timeout=10, retry_handlers=[])
        kb = OneArticleKnowledgeBase(r"ship", title="Shipping", section="All", text="Parcels arrive in 5 days.")
        app = create_app(settings, knowledge_base=kb, slack_client=client)
        server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_Quiet)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        try:
            result = run(base, fake, args.timed, args.total)
        finally:
            server.shutdown()
            app.extensions["supportbot"].close()
    print(f"attachment upload to the thread ({result['image_bytes'] / 1048576:.2f} MB JPEG, loopback): "
          f"p50 {result['p50_s']:.3f} s, p95 {result['p95_s']:.3f} s over {args.timed} (budget p95 < {P95_BUDGET_S} s)")
    print(f"memory: RSS {result['rss_after_warmup_mb']:.0f} MB after 100 uploads, {result['rss_end_mb']:.0f} MB after "
          f"{args.total}: growth {result['growth_mb']:+.1f} MB (budget < {GROWTH_BUDGET_MB} MB); "
          f"every 100 uploads: {result['rss_curve_mb']} MB")
    print(json.dumps({"benchmark": "attachment_upload", **result,
                      "within_budget": result["p95_s"] < P95_BUDGET_S and result["growth_mb"] < GROWTH_BUDGET_MB}))


def run(base: str, fake: FakeSlack, timed: int, total: int) -> dict[str, float]:
    http = httpx.Client(base_url=base, timeout=30)
    created = http.post("/api/conversations", json={}).json()
    auth = {"Authorization": f"Bearer {created['token']}"}
    cid = created["id"]
    http.post(f"/api/conversations/{cid}/handoff", headers=auth).raise_for_status()
    fake.wait_for(lambda: fake.posts(), timeout=10)
    durations: list[float] = []
    rss_after_warmup = 0.0
    curve: list[float] = []
    size = 0
    photo = Photos()
    for i in range(total):
        data = photo(i)
        size = len(data)
        done_before = len(fake.completed_uploads())
        started = time.perf_counter()
        response = http.post(f"/api/conversations/{cid}/files", headers=auth,
                             files={"file": (f"damage-{i}.jpg", data, "image/jpeg")})
        response.raise_for_status()
        fake.wait_for(lambda n=done_before: len(fake.completed_uploads()) > n, timeout=30)
        elapsed = time.perf_counter() - started
        if i < timed:
            durations.append(elapsed)
        with fake._lock:  # the fake keeps what Slack received; drop the bytes so only the server's memory counts
            for upload in fake.uploads.values():
                upload["data"] = b"" if upload["data"] is not None else None
            fake.requests.clear()
        if (i + 1) % 100 == 0:
            curve.append(round(rss_mb(trim=True), 1))
        if i + 1 == 100:
            rss_after_warmup = curve[-1]
    rss_end = rss_mb(trim=True)
    durations.sort()
    return {
        "image_bytes": size, "timed": timed, "total": total,
        "p50_s": round(statistics.median(durations), 4),
        "p95_s": round(durations[max(0, int(round(0.95 * len(durations))) - 1)], 4),
        "max_s": round(durations[-1], 4),
        "rss_after_warmup_mb": round(rss_after_warmup, 1), "rss_end_mb": round(rss_end, 1),
        "growth_mb": round(rss_end - rss_after_warmup, 1), "rss_curve_mb": curve,
    }


if __name__ == "__main__":
    main()
