#!/bin/bash
# restart my embedded server (pid in serve1.pid) on 8590
cd /work/wt-tester/scratch
P=$(cat serve1.pid); kill $P 2>/dev/null; for i in $(seq 20); do kill -0 $P 2>/dev/null || break; sleep 0.5; done
. ./env_embedded.sh
nohup /work/main/.venv/bin/supportbot serve --port 8590 "$@" >> serve1.log 2>&1 & echo $! > serve1.pid
for i in $(seq 120); do curl -sf localhost:8590/healthz >/dev/null && break; sleep 0.5; done; echo up
