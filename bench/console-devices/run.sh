#!/usr/bin/env bash
# The console's devices page at scale (issue 8: 100,000 devices, server round trips under 200 ms), measured in
# Chromium against a real server. See README.md.
#
# bench/console-devices/run.sh [devices] [devices with software]      (defaults 100000 and 10000)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DEVICES=${1:-100000}
SOFTWARE=${2:-10000}
WORK=${BENCH_WORK:-$ROOT/bench/console-devices/target}
PASSWORD="Bench-$(python3 -c 'import secrets; print(secrets.token_urlsafe(12))')"

tarball=$(ls "$ROOT"/karaf-assembly/target/garrison-server-*.tar.gz)
rm -rf "$WORK/server" && mkdir -p "$WORK/server"
tar xzf "$tarball" -C "$WORK/server"
HOME_DIR=$(echo "$WORK"/server/garrison-server-*)
read -r http https ssh gateway < <(python3 -c 'import socket
s=[socket.socket() for _ in range(4)]
[x.bind(("127.0.0.1",0)) for x in s]
print(*[x.getsockname()[1] for x in s])')
sed -i "s/^org.osgi.service.http.port.secure=.*/org.osgi.service.http.port.secure=$https/" "$HOME_DIR/etc/org.ops4j.pax.web.cfg"
sed -i "s/^sshPort *=.*/sshPort = $ssh/" "$HOME_DIR/etc/org.apache.karaf.shell.cfg"
echo "garrison.http.port = $http" >> "$HOME_DIR/etc/system.properties"
echo "port = $gateway" >> "$HOME_DIR/etc/org.garrison.gateway.cfg"
URL="https://localhost:$https"

start_server() {
    GARRISON_ADMIN_PASSWORD="$PASSWORD" "$HOME_DIR/bin/karaf" server > "$WORK/server-output.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 120); do
        [ "$(curl -sk -o /dev/null -w '%{http_code}' "$URL/api/v1/health")" = 200 ] && return 0
        sleep 2
    done
    echo "the server did not become healthy; see $WORK/server-output.log" >&2
    exit 1
}
stop_server() {
    "$HOME_DIR/bin/stop" > /dev/null 2>&1 || kill "$SERVER_PID"
    wait "$SERVER_PID" 2> /dev/null || true
}

echo "== starting a fresh server to create 20 groups"
start_server
GROUPS_CSV=$(URL="$URL" PASSWORD="$PASSWORD" python3 - <<'PY'
import http.cookiejar, json, os, ssl, urllib.request
context = ssl._create_unverified_context()
opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=context),
                                     urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
def call(method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["X-CSRF-Token"] = token
    request = urllib.request.Request(os.environ["URL"] + "/api/v1" + path, method=method, headers=headers,
                                     data=None if body is None else json.dumps(body).encode())
    return json.load(opener.open(request))
token = call("POST", "/session", {"login": "admin", "password": os.environ["PASSWORD"]})["csrfToken"]
ids = [call("POST", "/groups", {"parentId": "00000000-0000-0000-0000-000000000001",
                                "name": "Site %02d" % (i + 1)}, token)["id"] for i in range(20)]
print(",".join(ids))
PY
)
stop_server

echo "== seeding $DEVICES devices ($SOFTWARE with software) into the server's database, then timing the service"
(cd "$ROOT/bench/devices" && mvn -B -q -o package && java -Dbench.groups="$GROUPS_CSV" \
    -cp 'target/classes:target/lib/*' org.garrison.bench.devices.DeviceListBench \
    "$DEVICES" "$SOFTWARE" 40 "$HOME_DIR/data/garrison-db" 5)

echo "== the devices page in Chromium (round trips as the browser measured them)"
start_server
status=0
GARRISON_URL="$URL" GARRISON_ADMIN_PASSWORD="$PASSWORD" node "$ROOT/bench/console-devices/measure.mjs" "${ROUNDS:-10}" \
    || status=$?
stop_server
exit $status
