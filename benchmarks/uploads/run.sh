#!/usr/bin/env bash
# Small uploads through the running cms: time from sending the file (POST /api/v1/assets, the file as the body) until
# the answer says it is stored (201: type checked, inspected by Tika in a worker JVM, previews made, blobs written,
# asset record saved), for one-page PDFs (~1 kB, PRINT_MASTER: text, page count, first page rendered for 3 previews)
# and 320×240 PNGs (~3 kB, INFOGRAPHIC: metadata, 3 previews). Every file differs, so no preview comes from a cache.
# Usage: benchmarks/uploads/run.sh [files-of-each-kind] [concurrent-clients]
# Builds the executable jar and starts it (java -jar, so the worker JVMs start through Spring Boot's launcher as in
# production) on port 18084 with its own data directory (target/bench-uploads); signs in with an API token (no
# bcrypt per request). The first file of each kind, which starts the worker JVMs, is reported apart: the application
# pays that once. Then the files one after the other, then the same number again from several clients at once.
set -euo pipefail
cd "$(dirname "$0")/../.."
files=${1:-100}
clients=${2:-2}
port=18084
data=$PWD/target/bench-uploads
password=bench-admin-password-123
# The newest JDK on the machine (the build compiles for 21 or later, as the README says).
java=$(for candidate in /usr/lib/jvm/*/bin/java; do
  echo "$("$candidate" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}') $candidate"
done | sort -n | tail -1 | cut -d' ' -f2)

# SKIP_BUILD=1 takes the jar that the last `verify` or `package` left in cms/target.
[ "${SKIP_BUILD:-}" = 1 ] || ./mvnw -q -pl cms -am -DskipTests package
jar=$(ls cms/target/*.jar | grep -v original | head -1)
# The Elasticsearch distribution that the build fetched into the local Maven repository (spring-boot:run passes it).
version=$(sed -n 's:.*<elasticsearch.distribution.version>\(.*\)</elasticsearch.distribution.version>.*:\1:p' pom.xml)
distribution=$HOME/.m2/repository/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$version/elasticsearch-$version.zip
rm -rf "$data"; mkdir -p "$data"
"$java" -jar "$jar" --server.port=$port --bhxh.elasticsearch.embedded.distribution="$distribution" \
  --bhxh.elasticsearch.embedded.data-directory="$data/elasticsearch" \
  --bhxh.demo.enabled=false --bhxh.media.directory="$data/media" \
  --bhxh.publishing.credentials-key-file="$data/credentials.key" --bhxh.security.initial-admin.password=$password \
  > "$data/app.log" 2>&1 &
app=$!
# The application stops its Elasticsearch node and its worker JVMs when it ends.
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true' EXIT
# Ready when a signed-in search answers: the indices exist and the first administrator is there.
until curl -sf -u admin:$password "localhost:$port/api/v1/search?size=1" >/dev/null; do sleep 1; kill -0 $app || { tail -30 "$data/app.log"; exit 1; }; done
token=$(curl -sf -u admin:$password -H 'Content-Type: application/json' -d '{"name":"benchmark","validDays":1}' \
  "localhost:$port/api/v1/users/admin/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')

python3 - "$port" "$token" "$files" "$clients" <<'PY'
import http.client, json, struct, subprocess, sys, time, zlib
from concurrent.futures import ThreadPoolExecutor
port, token, files, clients = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])

def pdf(n):
    """A one-page A6 PDF with a line of text in a standard font (nothing embedded), like a small flyer proof."""
    text = f"BT /F1 12 Tf 20 200 Td (To roi so {n}) Tj ET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 298 420] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)

def png(n, width=320, height=240):
    """Coloured bands that differ per file: a few kB once deflated."""
    rows = b"".join(b"\x00" + bytes(v for x in range(width) for v in (
        ((x // 40) * 30 + n) % 256, ((y // 30) * 40 + 3 * n) % 256, ((x // 20) * (y // 20) * 31 + 7 * n) % 256))
        for y in range(height))
    chunk = lambda kind, body: struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))

def upload(connection, body, pdf_file, n):
    kind, name, media = ("PRINT_MASTER", f"to-roi-{n}.pdf", "application/pdf") if pdf_file else ("INFOGRAPHIC", f"anh-{n}.png", "image/png")
    started = time.perf_counter()
    connection.request("POST", f"/api/v1/assets?productType={kind}&fileName={name}", body=body,
                       headers={"Authorization": f"Bearer {token}", "Content-Type": media})
    answer = connection.getresponse()
    text = answer.read()
    took = (time.perf_counter() - started) * 1000
    stored = json.loads(text) if answer.status == 201 else {}
    if stored.get("inspectionStatus") == "FAILED" or len(stored.get("thumbnails") or {}) != 3:
        sys.exit(f"upload {name} was not stored with previews: {answer.status} {text[:500]!r}")
    return took

def percentile(values, p):
    ordered = sorted(values)
    return ordered[max(0, -(-p * len(ordered) // 100) - 1)]  # nearest rank

uptime = lambda: subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
print("load before:", uptime())
pdfs = [pdf(n) for n in range(2 * files + 1)]
pngs = [png(n) for n in range(2 * files + 1)]
print(f"PDF {sum(map(len, pdfs)) // len(pdfs)} bytes, PNG {sum(map(len, pngs)) // len(pngs)} bytes on average")
connection = http.client.HTTPConnection("localhost", port, timeout=120)
print(f"first PDF (worker JVMs start): {upload(connection, pdfs[0], True, 0):.0f} ms, "
      f"first PNG: {upload(connection, pngs[0], False, 0):.0f} ms")
rows = []
times = {True: [], False: []}
for n in range(1, files + 1):
    times[True].append(upload(connection, pdfs[n], True, n))
    times[False].append(upload(connection, pngs[n], False, n))
rows += [("1 client", "PDF", times[True]), ("1 client", "PNG", times[False])]

def client(c):
    own = http.client.HTTPConnection("localhost", port, timeout=120)
    result = {True: [], False: []}
    for n in range(files + 1 + c, 2 * files + 1, clients):
        result[True].append(upload(own, pdfs[n], True, n))
        result[False].append(upload(own, pngs[n], False, n))
    return result
together = {True: [], False: []}
with ThreadPoolExecutor(clients) as pool:
    for result in pool.map(client, range(clients)):
        together[True] += result[True]
        together[False] += result[False]
rows += [(f"{clients} clients at once", "PDF", together[True]), (f"{clients} clients at once", "PNG", together[False])]
print()
print("| clients | file | files | p50 (ms) | p95 (ms) | max (ms) |")
print("|---|---|---|---|---|---|")
for mode, kind, values in rows:
    print(f"| {mode} | {kind} | {len(values)} | {percentile(values, 50):.0f} | {percentile(values, 95):.0f} | {max(values):.0f} |")
print()
print("load after:", uptime())
PY
