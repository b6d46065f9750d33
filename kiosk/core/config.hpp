// Settings of one kiosk (its id, its village, its timeouts), read from a TOML file the office edits.
#pragma once

#include "core/clock.hpp"
#include "core/problems.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kiosk {

// A number the office fills in locally ([contacts.KEY] in kiosk.toml); empty until known.
struct LocalContact {
    std::string number, whatsapp, hours, address;
};
using LocalContacts = std::map<std::string, LocalContact>;

struct Config {
    std::string kioskId = "KIOSK"; // short code, prefix of request references
    std::string village;           // shown in the header, e.g. "Desa Cemeng, Sragen"
    Millis idleAfterMs = 90'000;
    Millis idlePromptMs = 15'000;
    Millis attractCycleMs = 4'000;
    LocalContacts contacts;

    // [officer]. Relative paths are taken from the folder of the configuration file.
    std::filesystem::path exportDir;       // a plain folder to export to instead of sticks; empty: sticks
    std::filesystem::path officePublicKey; // NAME.public of `kiosk keygen`; empty: exports not encrypted
    // An office key may have been asked for but could not be taken (a wrong value, a file that does
    // not parse): exports must then be refused, never written in plain. Empty: no such doubt.
    std::string officeKeyProblem;
    int retentionDays = 14;                // collected requests are deleted this many days later
    std::vector<std::filesystem::path> usbRoots{"/media", "/run/media"}; // where sticks get mounted
    Millis officerIdleMs = 120'000; // officer mode logs out after this long without a touch

    // Reads `file`; every value that is missing or out of range keeps its default and adds a
    // problem. A missing file is itself a problem.
    static Config load(const std::filesystem::path& file, Problems& problems);
};

} // namespace kiosk
