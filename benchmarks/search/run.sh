#!/usr/bin/env bash
# Search and listing latency and throughput with 100,000 products on the managed Elasticsearch node.
# Usage: benchmarks/search/run.sh [products] [requests] [concurrency]
# Starts the application on port 18080 with its own data directory (target/bench-search), loads the products
# straight into Elasticsearch with the bulk API, then measures the API with `hey` (Debian package) over
# loopback using an API token (so no bcrypt per request). Prints hey's summaries.
set -euo pipefail
cd "$(dirname "$0")/../.."
products=${1:-100000}
requests=${2:-3000}
concurrency=${3:-16}
port=18080
data=target/bench-search
password=bench-admin-password-123
command -v hey >/dev/null || { apt-get update -qq && apt-get install -y -qq hey; }

rm -rf "$data"; mkdir -p "$data"; chmod o+rx target "$data"
./mvnw -q -pl cms -am -DskipTests spring-boot:run -Dspring-boot.run.arguments="--server.port=$port \
  --bhxh.elasticsearch.embedded.data-directory=$PWD/$data --bhxh.demo.enabled=false \
  --bhxh.security.initial-admin.password=$password" > "$data/app.log" 2>&1 &
app=$!
# Maven forks the application's JVM: stop it by its arguments (it stops its Elasticsearch node), then Maven.
trap 'pkill -f -- "--server.port=$port" || true; kill $app 2>/dev/null || true' EXIT
until curl -sf -u admin:$password "localhost:$port/api/v1/search?size=1" >/dev/null; do sleep 1; kill -0 $app || { tail -30 "$data/app.log"; exit 1; }; done
es=$(grep -o 'Local Elasticsearch ready at http://127.0.0.1:[0-9]*' "$data/app.log" | grep -o 'http.*')
echo "app on :$port, Elasticsearch at $es"

echo "loading $products products..."
start=$(date +%s)
python3 benchmarks/search/generate.py "$products" cms/src/main/resources/demo/products.json | split -l 10000 - "$data/bulk-"
for chunk in "$data"/bulk-*; do
  curl -sf -H 'Content-Type: application/x-ndjson' --data-binary "@$chunk" "$es/_bulk?filter_path=errors,items.*.error" \
    | grep -q '"errors":false' || { echo "bulk load failed for $chunk"; exit 1; }
done
curl -sf -XPOST "$es/variants/_refresh" -o /dev/null
echo "loaded in $(( $(date +%s) - start )) s: $(curl -s "$es/variants/_count")"

token=$(curl -sf -u admin:$password -H 'Content-Type: application/json' -d '{"name":"benchmark","validDays":1}' \
  "localhost:$port/api/v1/users/admin/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
run() {
  echo; echo "== $1"; shift
  curl -sf -H "Authorization: Bearer $token" "$1" -o /dev/null   # warm-up
  hey -n "$requests" -c "$concurrency" -H "Authorization: Bearer $token" "$1" | grep -E 'Requests/sec|Average|50%|95%|99%|\[2' || true
}
run "full text, folded (no diacritics)" "http://localhost:$port/api/v1/search?q=vi+sao+khong+nen+nhan+bhxh+mot+lan"
run "full text with diacritics + facet filter" "http://localhost:$port/api/v1/search?q=b%E1%BA%A3o+hi%E1%BB%83m+t%E1%BB%B1+nguy%E1%BB%87n&type=LEAFLET"
run "listing, newest first, 20 a page" "http://localhost:$port/api/v1/products?sort=newest&size=20"
run "listing, page 50" "http://localhost:$port/api/v1/products?sort=newest&size=20&page=50"
