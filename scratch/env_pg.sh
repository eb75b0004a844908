export PYTHONPATH=/work/wt-tester
export SUPPORTBOT_DATA_DIR=/work/wt-tester/scratch/data2
export SUPPORTBOT_ADMIN_TOKEN=admintoken-0123456789abcdef0123456789
export SLACK_BOT_TOKEN=xoxb-test SLACK_SIGNING_SECRET=sigsecret SLACK_SUPPORT_CHANNEL=C0SUPPORT
export SLACK_API_URL=http://127.0.0.1:8591/api/
export SUPPORTBOT_ADMIN__DOCUMENTS_DIR=/work/wt-tester/scratch/docs2
export SUPPORTBOT_BOT__POLICY_FILE=/work/wt-tester/scratch/policy_open.yml
export SUPPORTBOT_WEB__RATE_LIMIT_PER_IP="100000 per minute"
export DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/tester_attack
export REDIS_URL=redis://127.0.0.1:6379/11
export SLACK_API_URL=http://127.0.0.1:8593/api/
