#!/usr/bin/env bash
# Runs the official accsyn and ftrack Python clients against the test kit's fakes.
# See docs/testing.md, "Conformance with the official clients", for installing the clients.
#
#   testkit/conformance/run.sh                 # clients importable by $PYTHON (default python3)
#   PYTHONPATH=/src/ftrack-python/source:/src/accsyn-python-api/source testkit/conformance/run.sh
#
# Exit status: 0 when every step of both scripts passed.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
python="${PYTHON:-python3}"
jar="$repo/testkit/target/testkit.jar"
if [ ! -f "$jar" ]; then
  (cd "$repo" && mvn -B -ntp -q package -pl testkit -am -DskipTests) || exit 2
fi
work="$(mktemp -d)"
pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$work"
}
trap stop EXIT

wait_port() {
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "the fake on port $1 did not start; see $work/*.log" >&2
  return 1
}

java -jar "$jar" accsyn --port 8181 --seed "$here/accsyn-seed.json" --root "$work/accsyn" \
  >"$work/accsyn.log" 2>&1 &
pids+=($!)
java -jar "$jar" ftrack --port 8182 --seed "$here/ftrack-seed.json" >"$work/ftrack.log" 2>&1 &
pids+=($!)
wait_port 8181 || exit 2
wait_port 8182 || exit 2

status=0
(cd "$here" && AS_DEV=true FAKE_ROOT="$work/accsyn" "$python" accsyn_conformance.py) || status=1
(cd "$here" && FTRACK_SERVER=http://127.0.0.1:8182 "$python" ftrack_conformance.py) || status=1
if [ "$status" -ne 0 ]; then
  echo "--- fake accsyn log"; tail -n 40 "$work/accsyn.log"
  echo "--- fake ftrack log"; tail -n 40 "$work/ftrack.log"
fi
exit "$status"
