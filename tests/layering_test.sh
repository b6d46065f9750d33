#!/usr/bin/env bash
# Which layer may include what: core no ImGui, SFML, GL or SQLite; ui no SFML, GL or SQLite;
# store no ImGui, SFML, GL or a layer above it; export no ImGui, SFML, GL, SQLite, ui, platform
# or app; only platform SFML and GL. Prints every include that breaks the rule; fails if there is one.
set -u
root="$1"
bad=0
check() { # DIR PATTERN WHAT
    local hits
    hits="$(grep -nE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($2)" -r "$root/$1" --include='*.cpp' --include='*.hpp')"
    if [ -n "$hits" ]; then
        echo "$1/ must not include $3:"
        echo "$hits"
        bad=1
    fi
}
check core 'imgui|backends/|SFML/|GL/|sqlite3|platform/|ui/|app/|store/|export/' "ImGui, SFML, GL, SQLite or another layer"
check ui 'SFML/|GL/|sqlite3|platform/|app/|store/|export/' "SFML, GL, SQLite, platform or app"
check platform 'sqlite3|app/|store/|export/' "SQLite, app, store or export"
check export 'imgui|backends/|SFML/|GL/|sqlite3|ui/|platform/|app/' "ImGui, SFML, GL, SQLite, ui, platform or app"
check store 'imgui|backends/|SFML/|GL/|ui/|platform/|app/|export/' "ImGui, SFML, GL, ui, platform, app or export"
[ "$bad" -eq 0 ] && echo "layering: 1 passed, 0 failed"
exit "$bad"
