# The shell tests' way of counting checks (deploy, deploy_office, desk_https): source it.
# check NAME COMMAND...: runs one check; its output is shown only when it fails. fail MESSAGE ends
# the check being run (each runs in a subshell of its own). checks_done NAME prints the count and
# returns non-zero when any check failed.
# shellcheck shell=bash
passed=0
failed=0
check() {
    local name="$1" out
    shift
    if out="$("$@" 2>&1)"; then
        passed=$((passed + 1))
        echo "ok: $name"
    else
        failed=$((failed + 1))
        echo "FAILED: $name"
        [ -n "$out" ] && printf '%s\n' "$out" | sed 's/^/    /'
    fi
    return 0
}
fail() {
    echo "$*"
    exit 1
}
checks_done() {
    echo "$1: $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
