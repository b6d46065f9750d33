// Where the kiosk's log lines go: standard error, one whole line per write, so lines from the
// drawing thread, the voice and the officer desk never interleave; lines below the configured level
// are left out. Under systemd (standard error connected to the journal) each line starts with its
// syslog priority ("<4>kiosk: warning: ..."), which journald turns into the entry's priority, so
// `journalctl -p warning` shows the warnings and errors alone.
#pragma once

#include "core/log.hpp"

namespace kiosk {

// Makes std::cerr write through the sink. Call once, early in main.
void installLogSink(LogLevel threshold);
// Changes the level once the configuration is read.
void setLogThreshold(LogLevel threshold);

} // namespace kiosk
