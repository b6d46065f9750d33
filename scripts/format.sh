#!/usr/bin/env bash
# Formats every tracked C++ file of kiosk/ and tests/ in place with clang-format 14 and the committed
# .clang-format: the files the formatting step of test.sh checks.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

mapfile -t files < <(kiosk_cpp_files)
cd "$KIOSK_ROOT"
clang-format -i "${files[@]}"
