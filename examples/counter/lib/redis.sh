# Talks to Redis with busybox nc and Redis's inline command syntax, so that the service image
# needs nothing beyond busybox. Each call is one connection: the command, then QUIT so that Redis
# closes the connection and nc returns.
#
# redis_call COMMAND [ARG...]: prints the first line of the reply without its CR, for example
# "+PONG", ":42" (an integer) or "-ERR ..." (an error). Fails when Redis cannot be reached.
redis_call() {
  reply=$(printf '%s\r\nQUIT\r\n' "$*" | nc -w 2 "${REDIS_HOST:-localhost}" "${REDIS_PORT:-6379}") || return 1
  [ -n "$reply" ] || return 1
  printf '%s\n' "$reply" | head -n 1 | tr -d '\r'
}

# counter_hit NAME: adds one to counter NAME and prints the new count.
counter_hit() {
  reply=$(redis_call INCR "counter:$1") || return 1
  case "$reply" in
    :*) printf '%s\n' "${reply#:}" ;;
    *) printf 'unexpected reply from Redis: %s\n' "$reply" >&2; return 1 ;;
  esac
}
