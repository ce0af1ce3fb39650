#!/usr/bin/env bash
# Publishing through the running cms: delay from the scheduled time to delivery over 1,000 jobs, and the app feed's
# throughput and p99 for full (200) and 304 answers beside nginx serving the same JSON as a static file.
# Usage: benchmarks/publishing/run.sh [products] [targets-per-product] [wrk-seconds]
# Starts the application on port 18081 with its own data directory (target/bench-publishing) and one scheduler, and
# nginx as the receiving portal (it logs when each POST arrives) and as the static file server. Needs nginx and wrk
# (Debian packages; installed when missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
products=${1:-100}
per_product=${2:-10}
seconds=${3:-10}
port=18081
portal_port=18082
static_port=18083
data=$PWD/target/bench-publishing
password=bench-admin-password-123
command -v nginx >/dev/null && command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx wrk; }

rm -rf "$data"; mkdir -p "$data/nginx" "$data/static"; chmod o+rx "$PWD/target" "$data"
# The portal: answers every POST at once and logs its arrival time (ms) with the job's idempotency key.
cat > "$data/nginx/nginx.conf" <<EOF
worker_processes 2;
pid $data/nginx/nginx.pid;
error_log $data/nginx/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $data/nginx/body; proxy_temp_path $data/nginx/proxy; fastcgi_temp_path $data/nginx/fcgi;
  uwsgi_temp_path $data/nginx/uwsgi; scgi_temp_path $data/nginx/scgi;
  log_format arrival '\$msec \$http_idempotency_key';
  server {
    listen 127.0.0.1:$portal_port;
    location /portal/ {
      access_log $data/nginx/arrivals.log arrival;
      default_type application/json;
      return 200 '{"id":"\$request_id"}';
    }
  }
  server {
    listen 127.0.0.1:$static_port;
    location / { root $data/static; types { application/feed+json json; } }
  }
}
EOF
nginx -c "$data/nginx/nginx.conf"
./mvnw -q -pl cms -am -DskipTests spring-boot:run -Dspring-boot.run.arguments="--server.port=$port \
  --bhxh.elasticsearch.embedded.data-directory=$data/elasticsearch --bhxh.demo.enabled=false \
  --bhxh.media.directory=$data/media --bhxh.publishing.credentials-key-file=$data/credentials.key \
  --bhxh.publishing.public-base-url=http://localhost:$port --bhxh.security.password.bcrypt-strength=4 \
  --bhxh.elasticsearch.refresh-interval=100ms \
  --bhxh.security.initial-admin.password=$password" > "$data/app.log" 2>&1 &
app=$!
# Maven forks the application's JVM: stop it by its arguments (it stops its Elasticsearch node), then Maven.
trap 'pkill -f -- "--server.port=$port" || true; kill $app 2>/dev/null || true; kill $(cat "$data/nginx/nginx.pid") 2>/dev/null || true' EXIT
until curl -sf "localhost:$port/actuator/health" | grep -q '"publishing":{"status":"UP"'; do
  sleep 1; kill -0 $app || { tail -30 "$data/app.log"; exit 1; }
done

python3 - "$port" "$password" "$portal_port" "$products" "$per_product" "$data" <<'PY'
import base64, json, sys, time, urllib.request, urllib.error
from datetime import datetime, timedelta, timezone
port, password, portal_port, products, per_product, data = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
base = f"http://localhost:{port}"

def call(method, path, body=None, user="admin", pw=password, headers=None):
    request = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode())
    request.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:{pw}".encode()).decode())
    request.add_header("Content-Type", "application/json")
    for k, v in (headers or {}).items():
        request.add_header(k, v)
    with urllib.request.urlopen(request, timeout=60) as answer:
        text = answer.read().decode()
        return json.loads(text) if text else None, answer.headers

for name, roles, scopes in (("bench-reviewer", ["REVIEWER"], {"topics": ["VOLUNTARY_SI"]}), ("bench-approver", ["APPROVER"], {})):
    call("POST", "/api/v1/users", {"username": name, "displayName": name, "password": "bench-password-123456", "roles": roles, "scopes": scopes})
targets = []
for i in range(per_product):
    targets.append(call("POST", "/api/v1/targets", {"id": f"portal-{i}", "channel": "WEBHOOK", "name": f"Cổng tỉnh {i}",
        "endpoint": f"http://127.0.0.1:{portal_port}/portal/{i}", "credentials": {"secret": f"secret-{i}"}})[0]["id"])
call("POST", "/api/v1/targets", {"id": "vssid", "channel": "APP_FEED", "name": "Ứng dụng VssID"})

def transition(variant, action, user, pw):
    _, headers = call("GET", variant)
    call("POST", variant + "/transitions", {"action": action}, user, pw, {"If-Match": headers["ETag"]})

ids = []
for n in range(products):
    created, _ = call("POST", "/api/v1/products", {"info": {"type": "LEAFLET", "topics": ["VOLUNTARY_SI"], "audiences": ["3.1", "4"],
        "scope": "NATIONAL"}, "content": {"title": f"Vì sao không nên nhận BHXH một lần ({n + 1})",
        "summary": "Giữ quá trình đóng để hưởng lương hưu", "body": "<p>Nhận BHXH một lần là mất quyền hưởng lương hưu.</p>" * 20}})
    variant = f"/api/v1/products/{created['productId']}/variants/vi"
    transition(variant, "SUBMIT", "admin", password)
    transition(variant, "REVIEW", "bench-reviewer", "bench-password-123456")
    transition(variant, "APPROVE", "bench-approver", "bench-password-123456")
    ids.append(created["productId"])

vietnam = timezone(timedelta(hours=7))
due = (datetime.now(vietnam) + timedelta(seconds=45 + products // 4)).replace(microsecond=0)
for product in ids:
    call("POST", "/api/v1/schedules", {"productId": product, "language": "vi", "targets": targets + ["vssid"],
        "publishAt": due.replace(tzinfo=None).isoformat(), "releaseId": "bench"})
jobs = products * (per_product + 1)
scheduled = datetime.now(vietnam)
print(f"{products} products x {per_product + 1} targets = {jobs} jobs due at {due.isoformat()}, all scheduled "
      f"{(due - scheduled).total_seconds():.1f} s before", flush=True)
if scheduled >= due:
    sys.exit("scheduling took longer than the margin: rerun with fewer products")
while True:
    release, _ = call("GET", "/api/v1/releases/bench")
    done = release["counts"].get("DELIVERED", 0)
    if done == jobs:
        break
    time.sleep(1)
arrivals = sorted(float(line.split()[0]) for line in open(f"{data}/nginx/arrivals.log"))
delays = sorted(a - due.timestamp() for a in arrivals)
pct = lambda p: delays[min(len(delays) - 1, int(p / 100 * len(delays)))]
print(f"portal posts received: {len(arrivals)} (expected {products * per_product}, distinct keys "
      f"{len(set(line.split()[1] for line in open(f'{data}/nginx/arrivals.log')))})")
print(f"delay from scheduled time to arrival: p50 {pct(50):.2f} s, p99 {pct(99):.2f} s, max {delays[-1]:.2f} s")
print(f"burst drained in {arrivals[-1] - arrivals[0]:.2f} s ({len(arrivals) / max(0.001, arrivals[-1] - arrivals[0]):.0f} posts/s)")
PY

# The feed: wait until it carries every product, then the same bytes as a static file for nginx.
until curl -sf "localhost:$port/api/v1/feeds/vi.json" | python3 -c "import json,sys; sys.exit(0 if len(json.load(sys.stdin)['items']) >= min($products, 50) else 1)"; do sleep 1; done
curl -sf "localhost:$port/api/v1/feeds/vi.json" -o "$data/static/vi.json"
ours_etag=$(curl -sf -D - -o /dev/null "localhost:$port/api/v1/feeds/vi.json" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
nginx_etag=$(curl -sf -D - -o /dev/null "localhost:$static_port/vi.json" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
echo "feed: $(wc -c < "$data/static/vi.json") bytes; ours ETag $ours_etag, nginx ETag $nginx_etag"
bench() {
  echo "== $1"; shift
  wrk -t2 -c64 -d"${seconds}s" --latency "$@" | grep -E 'Requests/sec|Non-2xx|99%|50%'
}
bench "cms feed, 200" "http://localhost:$port/api/v1/feeds/vi.json"
bench "nginx static, 200" "http://localhost:$static_port/vi.json"
bench "cms feed, 304" -H "If-None-Match: $ours_etag" "http://localhost:$port/api/v1/feeds/vi.json"
bench "nginx static, 304" -H "If-None-Match: $nginx_etag" "http://localhost:$static_port/vi.json"
