// office.toml: the database, the office key, the signing key of status packs, the partners, the
// villages of the kiosks, the days after which a kiosk counts as silent and personal data is
// deleted, and the web desk's settings.
#pragma once

#include "ledger/ledger.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::office {

// [desk]: the web desk (desa-office serve).
struct DeskSettings {
    std::string listen = "127.0.0.1:8080"; // HOST:PORT
    bool behindProxy = false;        // trust X-Forwarded-For/-Proto from a loopback peer; cookies Secure
    int targetDays = 3;              // a request waiting longer is coloured in the queue
    std::filesystem::path uploadDir; // "" : "uploads" beside the SQLite database, else ~/.local/share
    int uploadMaxMb = 64;
    int uploadMaxFiles = 2000;
    int sessionIdleMinutes = 30;
    std::string officeName = "Kantor Imigrasi"; // in the header of every page
};

struct OfficeConfig {
    std::string database;              // "" : the embedded SQLite file
    std::filesystem::path secretKey;   // "" : none named; the sealing key (kiosk keygen), opens batches
    std::filesystem::path signingKey;  // [status] signing_key: NAME.sign.secret, signs status packs
    std::vector<std::string> partners; // whom a request can be referred to
    Villages villages;                 // kiosk id -> village
    int silentAfterDays = 30;          // [kiosks] silent_after_days
    int retentionDays = 90;            // [retention] days_after_done
    DeskSettings desk;                 // [desk]
};

// Reads `file`. A missing file is the defaults; a mistake throws std::runtime_error naming the
// file and line. A relative key path is taken from the file's folder.
[[nodiscard]] OfficeConfig loadOfficeConfig(const std::filesystem::path& file);
// $XDG_CONFIG_HOME or ~/.config, then desa-office/office.toml.
[[nodiscard]] std::filesystem::path defaultConfigFile();

} // namespace kiosk::office
