"""SMTP sink on a fixed port that logs each message's recipients and subject."""
import sys, time
sys.path.insert(0, "/work/wt-tester")
import tests.smtp_sink as s
s.free_port = lambda: int(sys.argv[1])
sink = s.SmtpSink().__enter__()
print("smtp on", sink.port, flush=True)
seen = 0
while True:
    time.sleep(1)
    with sink.lock:
        new = sink.received[seen:]; seen = len(sink.received)
    for rcpt, m in new:
        print("MAIL", rcpt, m["To"], m["Subject"], flush=True)
