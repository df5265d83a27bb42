# Helpers for examples/*/demo.sh. `expect CODE -- COMMAND...` runs a command, shows it, and fails the demo
# when its exit code is not CODE.
expect() {
  local want=$1; shift; [ "$1" = "--" ] && shift
  printf '\n$ %s\n' "$*" | sed "s#node $PWD/packages/cli/bin/trustgate.js#trustgate#"
  set +e; "$@"; local got=$?; set -e
  if [ "$got" != "$want" ]; then
    printf 'demo: expected exit %s, got %s from: %s\n' "$want" "$got" "$*" >&2
    exit 1
  fi
  printf '(exit %s, as expected)\n' "$got"
}
trustgate() { $TRUSTGATE_BIN "$@"; }
