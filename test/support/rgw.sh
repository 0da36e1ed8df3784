#!/usr/bin/env bash
# Throwaway single-node Ceph RADOS Gateway on 127.0.0.1 for the S3 conformance suite.
#
#   rgw.sh start <dir>   bring it up in <dir>; prints `export R2_TEST_…` lines (also in <dir>/env)
#   rgw.sh stop <dir>    stop the daemons started in <dir>, by the pids recorded there
#
# Needs radosgw, ceph-mon, ceph-osd and ceph-common installed (CI installs them; this script
# installs nothing). Everything lives in <dir>: config, data (memstore, so in RAM), logs, pids.
set -euo pipefail

readonly MEMSTORE_BYTES=$((3 * 1024 * 1024 * 1024))
readonly START_TIMEOUT_S=60

die() {
  echo "rgw.sh: $*" >&2
  exit 1
}

free_port() {
  node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"
}

random_hex() {
  od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'
}

# Polls a command until it succeeds or the start timeout passes.
wait_for() {
  local what=$1
  shift
  local deadline=$((SECONDS + START_TIMEOUT_S))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      echo "rgw.sh: timed out waiting for $what" >&2
      return 1
    fi
    sleep 0.2
  done
}

# Starts a daemon in the foreground of a background job so that its pid is the one we record:
# stop() must never have to look processes up by name.
spawn() {
  local name=$1
  shift
  "$@" -f >>"$dir/log/$name.stdout" 2>&1 &
  echo $! >"$dir/pids/$name"
}

write_conf() {
  local fsid=$1 mon_port=$2 rgw_port=$3
  cat >"$conf" <<EOF
[global]
fsid = $fsid
mon host = [v2:127.0.0.1:$mon_port]
mon initial members = a
public addr = 127.0.0.1
cluster addr = 127.0.0.1
auth cluster required = none
auth service required = none
auth client required = none
# Without cephx, radosgw otherwise insists on a secure messenger mode and never connects.
ms mon client mode = crc
ms client mode = crc
ms service mode = crc
ms cluster mode = crc
keyring = /dev/null
run dir = $dir/run
admin socket = $dir/run/\$name.asok
pid file = $dir/run/\$name.pid
log file = $dir/log/\$name.log
mon data = $dir/data/mon.\$id
osd data = $dir/data/osd.\$id
rgw data = $dir/data/rgw.\$id
tmp dir = $dir/tmp
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon max pg per osd = 1000
mon warn on pool no redundancy = false
# Pool creation (radosgw makes several at first start) drops from ~8.5 s to ~0.7 s.
paxos propose interval = 0.05
paxos min wait = 0.01
osd objectstore = memstore
memstore device bytes = $MEMSTORE_BYTES

[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:$rgw_port
EOF
}

# Signed with the project's own SDK (resolved from the repository's node_modules).
signed_list_buckets() {
  (cd "$repo_root" && R2_TEST_ENDPOINT=$endpoint R2_TEST_ACCESS_KEY_ID=$access_key R2_TEST_SECRET_ACCESS_KEY=$secret_key node -e "
    const { S3Client, ListBucketsCommand } = require('@aws-sdk/client-s3');
    const env = process.env;
    new S3Client({
      endpoint: env.R2_TEST_ENDPOINT, region: 'us-east-1', forcePathStyle: true, maxAttempts: 1,
      credentials: { accessKeyId: env.R2_TEST_ACCESS_KEY_ID, secretAccessKey: env.R2_TEST_SECRET_ACCESS_KEY },
    }).send(new ListBucketsCommand({})).catch(() => process.exit(1));")
}

start() {
  [[ -e $dir/pids ]] && die "$dir already holds a gateway; run: rgw.sh stop $dir"
  mkdir -p "$dir"/{run,log,data,tmp,pids}
  conf=$dir/ceph.conf
  # A half-started cluster must not outlive a failed start.
  trap 'echo "rgw.sh: start failed (logs in $dir/log)" >&2; stop' ERR

  local fsid mon_port rgw_port osd_uuid
  fsid=$(uuidgen)
  osd_uuid=$(uuidgen)
  mon_port=$(free_port)
  rgw_port=$(free_port)
  endpoint=http://127.0.0.1:$rgw_port
  access_key=$(random_hex 10 | tr a-f A-F)
  secret_key=$(random_hex 20)
  write_conf "$fsid" "$mon_port" "$rgw_port"

  monmaptool --create --clobber --fsid "$fsid" --addv a "[v2:127.0.0.1:$mon_port]" "$dir/monmap" >/dev/null
  ceph-mon -c "$conf" --mkfs -i a --monmap "$dir/monmap" >/dev/null
  spawn mon.a ceph-mon -c "$conf" -i a
  wait_for "the monitor" ceph -c "$conf" --connect-timeout 5 mon stat

  local osd_id
  osd_id=$(ceph -c "$conf" osd new "$osd_uuid")
  mkdir -p "$dir/data/osd.$osd_id" "$dir/data/rgw.a"
  ceph-osd -c "$conf" -i "$osd_id" --mkfs --osd-uuid "$osd_uuid" >>"$dir/log/mkfs.stdout" 2>&1
  spawn "osd.$osd_id" ceph-osd -c "$conf" -i "$osd_id"

  spawn rgw.a radosgw -c "$conf" -n client.rgw.a
  wait_for "radosgw on $endpoint" curl -sf -o /dev/null "$endpoint/"

  radosgw-admin -c "$conf" user create --uid=tester --display-name=tester \
    --access-key="$access_key" --secret-key="$secret_key" >/dev/null
  wait_for "signed requests" signed_list_buckets
  trap - ERR

  cat >"$dir/env" <<EOF
export R2_TEST_ENDPOINT=$endpoint
export R2_TEST_ACCESS_KEY_ID=$access_key
export R2_TEST_SECRET_ACCESS_KEY=$secret_key
export R2_TEST_SERVER=rgw
export R2_TEST_RGW_CONF=$conf
EOF
  cat "$dir/env"
}

# Only signals a recorded pid while it still runs a ceph daemon started with this folder's
# config, so a recycled pid belonging to something else is never touched.
is_our_daemon() {
  local pid=$1
  [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "-c $dir/ceph.conf"
}

stop() {
  [[ -d $dir/pids ]] || die "no gateway recorded in $dir"
  local pidfile pid
  local -a running=()
  # Gateway first, monitor last: the others report to it on the way down.
  for pidfile in "$dir"/pids/rgw.* "$dir"/pids/osd.* "$dir"/pids/mon.*; do
    [[ -f $pidfile ]] || continue
    pid=$(<"$pidfile")
    if is_our_daemon "$pid"; then
      kill -TERM "$pid"
      running+=("$pid")
    fi
    rm -f "$pidfile"
  done
  local deadline=$((SECONDS + 10))
  for pid in "${running[@]}"; do
    while is_our_daemon "$pid"; do
      if ((SECONDS >= deadline)); then
        kill -KILL "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.1
    done
  done
  rmdir "$dir/pids"
}

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
[[ $# -eq 2 ]] || die "usage: rgw.sh start|stop <dir>"
dir=$(realpath -m "$2")
case $1 in
  start) start ;;
  stop) stop ;;
  *) die "usage: rgw.sh start|stop <dir>" ;;
esac
