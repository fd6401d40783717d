# shellcheck shell=bash
# The registry step of scripts/dev-env (sourced by it; uses its settings and helpers): Debian's
# docker-registry with htpasswd auth, its credentials in registry.env, restarted when its
# configuration changes or it stops answering, checked by a docker login, push and pull.

registry_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://$REGISTRY_ADDR/v2/" || true; }

# The pid of the registry serving this DEV_HOME's config, if it runs.
registry_pid() { pgrep -f -n "docker-registry serve $REGISTRY_DIR/config.yml" || true; }

# Keeps the password of an existing registry.env (read, not sourced) and generates one otherwise;
# rewrites the file only when its content changes.
ensure_registry_credentials() {
  mkdir -p "$REGISTRY_DIR/data"
  SLIPWAY_REGISTRY_USERNAME=$REGISTRY_USER
  SLIPWAY_REGISTRY_PASSWORD=$(sed -n 's/^SLIPWAY_REGISTRY_PASSWORD=//p' "$REGISTRY_ENV" 2>/dev/null || true)
  if [[ -z $SLIPWAY_REGISTRY_PASSWORD ]]; then
    SLIPWAY_REGISTRY_PASSWORD=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
    say "generated a password"
  fi
  local wanted
  wanted=$(printf 'SLIPWAY_REGISTRY=%s\nSLIPWAY_REGISTRY_USERNAME=%s\nSLIPWAY_REGISTRY_PASSWORD=%s' \
    "$REGISTRY_ADDR" "$SLIPWAY_REGISTRY_USERNAME" "$SLIPWAY_REGISTRY_PASSWORD")
  if [[ $(cat "$REGISTRY_ENV" 2>/dev/null) != "$wanted" ]]; then
    (umask 077 && printf '%s\n' "$wanted" >"$REGISTRY_ENV")
    say "wrote $REGISTRY_ENV"
  fi
  if ! printf '%s' "$SLIPWAY_REGISTRY_PASSWORD" |
    htpasswd -vi "$REGISTRY_DIR/htpasswd" "$SLIPWAY_REGISTRY_USERNAME" >/dev/null 2>&1; then
    say "writing $REGISTRY_DIR/htpasswd"
    printf '%s' "$SLIPWAY_REGISTRY_PASSWORD" |
      htpasswd -iBc "$REGISTRY_DIR/htpasswd" "$SLIPWAY_REGISTRY_USERNAME" 2>/dev/null
  fi
  chmod 600 "$REGISTRY_DIR/htpasswd"
}

write_registry_config() {
  # http.secret signs upload state; derived from the password so it stays stable across restarts.
  local secret
  secret=$(printf 'upload-state:%s' "$SLIPWAY_REGISTRY_PASSWORD" | sha256sum | cut -c1-32)
  cat >"$REGISTRY_DIR/config.yml.new" <<EOF
# Written by scripts/dev-env; edits are overwritten.
version: 0.1
log:
  level: info
storage:
  filesystem:
    rootdirectory: $REGISTRY_DIR/data
  delete:
    enabled: true
http:
  addr: $REGISTRY_ADDR
  secret: $secret
auth:
  htpasswd:
    realm: slipway-dev-registry
    path: $REGISTRY_DIR/htpasswd
EOF
  mv "$REGISTRY_DIR/config.yml.new" "$REGISTRY_DIR/config.yml"
  chmod 600 "$REGISTRY_DIR/config.yml"
}

stop_registry() {
  local pid=$1 deadline=$((SECONDS + 10))
  kill "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    ((SECONDS < deadline)) || { kill -9 "$pid" 2>/dev/null || true; break; }
    sleep 0.2
  done
}

start_registry() {
  local code
  code=$(registry_code)
  [[ $code == 000 ]] || die "something else answers on $REGISTRY_ADDR (HTTP $code)" \
    "see what listens there: ss -ltnp 'sport = :${REGISTRY_ADDR##*:}'; stop it and run scripts/dev-env again" \
    "Debian's own docker-registry service also listens on :5000: systemctl disable --now docker-registry" \
    "or keep it and use another address: SLIPWAY_DEV_REGISTRY_ADDR=127.0.0.1:5050 scripts/dev-env"
  say "starting docker-registry, log: $REGISTRY_DIR/registry.log"
  # It logs every request: keep one previous log, not all of them.
  local log=$REGISTRY_DIR/registry.log
  if [[ -f $log ]] && (($(stat -c %s "$log") > 20 * 1024 * 1024)); then mv "$log" "$log.1"; fi
  # setsid: the registry outlives this script and a Ctrl-C in its terminal.
  setsid nohup docker-registry serve "$REGISTRY_DIR/config.yml" >>"$log" 2>&1 </dev/null 9>&- &
  local started_pid=$! deadline=$((SECONDS + 20))
  # Without credentials a registry with htpasswd auth answers 401: that is "up".
  until [[ $(registry_code) == 401 ]]; do
    if ! kill -0 "$started_pid" 2>/dev/null; then
      tail -n 10 "$log" | sed 's/^/    | /' >&2
      die "docker-registry exited at once" "read $log (its last lines are above)"
    fi
    ((SECONDS < deadline)) || die "docker-registry did not answer on $REGISTRY_ADDR within 20s" "read $log"
    sleep 0.2
  done
  registry_pid >"$REGISTRY_DIR/registry.pid"
  registry_fingerprint >"$REGISTRY_DIR/running.sha256"
}

registry_fingerprint() { cat "$REGISTRY_DIR/config.yml" "$REGISTRY_DIR/htpasswd" | sha256sum | cut -c1-64; }

ensure_registry() {
  command -v docker-registry >/dev/null || die "docker-registry is not installed" "apt-get install docker-registry"
  ensure_registry_credentials
  write_registry_config
  local pid
  pid=$(registry_pid)
  if [[ -n $pid ]]; then
    if [[ $(cat "$REGISTRY_DIR/running.sha256" 2>/dev/null) != "$(registry_fingerprint)" ]]; then
      say "configuration or credentials changed: restarting the registry (pid $pid)"
      stop_registry "$pid"
    elif [[ $(registry_code) != 401 ]]; then
      say "the registry (pid $pid) does not answer: restarting it"
      stop_registry "$pid"
    else
      say "running (pid $pid)"
    fi
  fi
  [[ -n $(registry_pid) ]] || start_registry
  verify_registry
}

# What users and builds do: log in, push, pull.
verify_registry() {
  local probe=$REGISTRY_ADDR/slipway/busybox:1 log=$LOG_DIR/registry-check.log
  mkdir -p "$LOG_DIR"
  printf '%s' "$SLIPWAY_REGISTRY_PASSWORD" |
    logged "$log" docker login "$REGISTRY_ADDR" -u "$SLIPWAY_REGISTRY_USERNAME" --password-stdin
  docker tag slipway/busybox:1 "$probe"
  logged "$log" docker push "$probe"
  docker image rm "$probe" >/dev/null
  logged "$log" docker pull "$probe"
  docker image rm "$probe" >/dev/null
  say "docker login, push and pull of $probe: ok"
}
