# Helpers for examples/*/demo.sh (sourced through $DEMO_LIB). One demo step is one line:
#
#   expect CODE [--lines N | --grep ERE] -- COMMAND...
#
# runs COMMAND, prints it as a user would type it (`trustgate ...`, paths relative to the repository, $TMP for the
# demo's scratch directory) and its verdict: the last line of its output, or its first N lines, or the lines
# matching ERE. `npm run demo -- --verbose` (DEMO_VERBOSE=1) prints the whole output instead. A step whose exit
# code is not CODE fails the demo. `title TEXT` opens a topic; `note TEXT` adds one line under a step.

DEMO_ROOT=${DEMO_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
DEMO_TMP=${DEMO_TMP:-$(mktemp -d)}
# Colour only on a terminal and never under NO_COLOR (https://no-color.org); demo.sh decides once for all topics.
DEMO_COLOR=${DEMO_COLOR:-0}
DEMO_WIDTH=${DEMO_WIDTH:-160}

_demo_style() { if [ "$DEMO_COLOR" = 1 ]; then printf '\033[%sm%s\033[0m' "$1" "$2"; else printf '%s' "$2"; fi; }

# What a reader should see instead of this machine's paths: `trustgate`, repository-relative paths, $TMP.
_demo_clean() {
  sed -e "s#node $DEMO_ROOT/packages/cli/bin/trustgate.js#trustgate#g" -e "s#$DEMO_TMP#\$TMP#g" -e "s#$DEMO_ROOT/##g" -e "s#$DEMO_ROOT#.#g"
}

# Long lines are cut to the width, by characters, with an ellipsis (the whole line is in --verbose).
_demo_cut() {
  if [ "${DEMO_VERBOSE:-0}" = 1 ]; then cat
  else perl -CSD -ne 'BEGIN { $w = shift @ARGV } chomp; print length() > $w ? substr($_, 0, $w - 1) . "\x{2026}\n" : "$_\n";' "$DEMO_WIDTH"
  fi
}

title() { DEMO_TITLED=1; printf '\n%s\n' "$(_demo_style 1 "━━ $* ━━")"; }

note() { printf '    %s\n' "$*" | _demo_clean | _demo_cut; }

expect() {
  local want=$1 pick=last arg=''
  shift
  case "${1:-}" in
    --lines | --grep) pick=${1#--} arg=$2; shift 2 ;;
  esac
  [ "${1:-}" = "--" ] && shift
  # A topic that did not call `title` is still headed, by its directory name.
  [ -n "${DEMO_TITLED:-}" ] || title "${DEMO_TOPIC:-demo}"
  local log="$DEMO_TMP/.step.log" got
  printf '%s\n' "\$ $*" | _demo_clean
  set +e
  "$@" >"$log" 2>&1
  got=$?
  set -e
  local verdict=(pass blocks refused)
  local mark="exit $got (${verdict[$got]:-?})"
  if [ "$got" != "$want" ]; then
    cat "$log" >&2
    printf 'demo: expected exit %s, got %s from: %s\n' "$want" "$got" "$*" >&2
    exit 1
  fi
  local shown
  # A pick that matches nothing shows nothing; it never stops the demo.
  if [ "${DEMO_VERBOSE:-0}" = 1 ]; then shown=$(cat "$log")
  elif [ "$pick" = lines ]; then shown=$(head -n "$arg" "$log" | sed 's/^[[:space:]]*//')
  elif [ "$pick" = grep ]; then shown=$( (grep -E -- "$arg" "$log" || true) | sed 's/^[[:space:]]*//')
  else shown=$( (grep -v '^[[:space:]]*$' "$log" || true) | tail -n 1 | sed 's/^[[:space:]]*//')
  fi
  [ -n "$shown" ] || shown='(no output)'
  local style=32
  [ "$got" = 0 ] || style=33
  printf '  %s %s\n' "$(_demo_style "$style" "$mark")" "$(printf '%s\n' "$shown" | head -n 1)" | _demo_clean | _demo_cut
  printf '%s\n' "$shown" | tail -n +2 | sed 's/^/    /' | _demo_clean | _demo_cut
}

trustgate() { $TRUSTGATE_BIN "$@"; }
