// desa-office's command line: import, requests list, follow-up, conflicts, kiosks, report, purge, user.
#pragma once

#include <istream>
#include <ostream>

namespace kiosk::office {

// Parses `argv` and runs the command. Returns the exit code: 0 done, 1 failed or a batch refused,
// 2 a mistake on the command line. Messages for people go to `err`, results to `out`.
int runOffice(int argc, const char* const* argv, std::ostream& out, std::ostream& err);
// The same reading standard input from `in` (user add's password, twice, one per line; not echoed
// when `in` is std::cin on a terminal).
int runOffice(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err);

} // namespace kiosk::office
