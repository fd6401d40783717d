#!/bin/sh
# Integration test: runs against the Redis service container, reachable on localhost as in the
# `integration` stage, and against the HTTP service started here from the same files.
set -eu
cd "$(dirname "$0")/.."
# shellcheck source=SCRIPTDIR/../lib/redis.sh
. lib/redis.sh
fail() { echo "FAIL: $*" >&2; exit 1; }

# The stage's health check already waited for Redis; this makes the script safe to run by hand.
tries=0
until [ "$(redis_call PING 2>/dev/null)" = "+PONG" ]; do
  tries=$((tries + 1))
  [ "$tries" -lt 50 ] || fail "redis at ${REDIS_HOST:-localhost}:${REDIS_PORT:-6379} does not answer PING"
  sleep 0.2
done
echo "ok: redis answers PING"

redis_call DEL counter:test >/dev/null
[ "$(counter_hit test)" = 1 ] || fail "first hit should count 1"
[ "$(counter_hit test)" = 2 ] || fail "second hit should count 2"
# Read it back with a raw GET, independent of the library: the reply is "$1" then the value.
stored=$(printf 'GET counter:test\r\nQUIT\r\n' | nc -w 2 "${REDIS_HOST:-localhost}" "${REDIS_PORT:-6379}" | sed -n 2p | tr -d '\r')
[ "$stored" = 2 ] || fail "Redis holds counter:test='$stored', wanted 2"
echo "ok: counter_hit counts in Redis"

# Lay the files out as the Dockerfile does: the CGI script reads the library from /srv/lib.
rm -rf /srv/lib /srv/www && mkdir -p /srv && cp -r lib /srv/lib && cp -r www /srv/www
chmod 755 /srv/www/cgi-bin/*
httpd -p 127.0.0.1:8080 -h /srv/www
redis_call DEL counter:hits >/dev/null
first=$(wget -qO- http://127.0.0.1:8080/cgi-bin/hits) || fail "GET /cgi-bin/hits failed"
second=$(wget -qO- http://127.0.0.1:8080/cgi-bin/hits) || fail "GET /cgi-bin/hits failed"
[ "$first $second" = "1 2" ] || fail "/cgi-bin/hits answered '$first' then '$second', wanted 1 then 2"
[ "$(wget -qO- http://127.0.0.1:8080/health)" = ok ] || fail "/health should answer ok"
echo "ok: /cgi-bin/hits and /health over HTTP"
echo "all checks passed"
