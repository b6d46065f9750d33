// `kiosk set-pin`: sets the officer PIN from a terminal, read twice from standard input.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace kiosk {

class SetPinCommand {
public:
    // Adds `set-pin` (with --db, written to `dbFile`, the top-level --db variable) to `cli`.
    // `dbFile` must outlive this.
    SetPinCommand(CLI::App& cli, std::filesystem::path& dbFile);
    SetPinCommand(const SetPinCommand&) = delete;
    SetPinCommand& operator=(const SetPinCommand&) = delete;

    [[nodiscard]] bool parsed() const;
    // Reads the new PIN twice from `in`, one line each (never from the arguments; with echo off
    // when `in` is std::cin on a terminal), refuses a mismatch or a PIN that is not 6–8 digits with
    // one line on `err`, else stores its hash in the database (creating or migrating it) and audits
    // "pin-changed". Returns the exit code: 0 set, 1 refused or failed.
    int run(const std::string& kioskId, std::istream& in, std::ostream& out, std::ostream& err) const;

private:
    std::filesystem::path& m_dbFile;
    CLI::App* m_setPin = nullptr;
};

} // namespace kiosk
