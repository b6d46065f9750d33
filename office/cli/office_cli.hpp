// desa-office's command line: import, requests list, follow-up, conflicts, kiosks, report, purge,
// status-pack, the web desk (serve) and its users.
#pragma once

#include <istream>
#include <ostream>

namespace kiosk::office {

// Parses `argv` and runs the command. Returns the exit code: 0 done, 1 failed or a batch refused,
// 2 a mistake on the command line. Messages for people go to `err`, results to `out`.
int runOffice(int argc, const char* const* argv, std::ostream& out, std::ostream& err);
// The same, with the standard input (`user add` reads the password there, twice).
int runOffice(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err);

} // namespace kiosk::office
