// office.toml: the database, the office key, the signing key of status packs, the partners, the
// villages of the kiosks, and the days after which a kiosk counts as silent and personal data is
// deleted.
#pragma once

#include "ledger/ledger.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::office {

struct OfficeConfig {
    std::string database;              // "" : the embedded SQLite file
    std::filesystem::path secretKey;   // "" : none named; the sealing key (kiosk keygen), opens batches
    std::filesystem::path signingKey;  // [status] signing_key: NAME.sign.secret, signs status packs
    std::vector<std::string> partners; // whom a request can be referred to
    Villages villages;                 // kiosk id -> village
    int silentAfterDays = 30;          // [kiosks] silent_after_days
    int retentionDays = 90;            // [retention] days_after_done
};

// Reads `file`. A missing file is the defaults; a mistake throws std::runtime_error naming the
// file and line. A relative key path is taken from the file's folder.
[[nodiscard]] OfficeConfig loadOfficeConfig(const std::filesystem::path& file);
// $XDG_CONFIG_HOME or ~/.config, then desa-office/office.toml.
[[nodiscard]] std::filesystem::path defaultConfigFile();

} // namespace kiosk::office
