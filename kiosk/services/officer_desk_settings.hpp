// What the officer desk is told at its start: where exports go and how they are sealed, how long
// collected requests stay, where sticks and content packs are, and what the dashboard shows as it is.
#pragma once

#include "core/registry.hpp"
#include "export/seal.hpp"
#include "packs/content_pack.hpp"
#include "services/usb_probe.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct OfficerDeskSettings {
    std::string kioskId;
    std::filesystem::path exportDir;              // a plain folder instead of sticks (empty: sticks)
    std::optional<exporter::PublicKey> officeKey; // seal exports to it
    std::string keyProblem;                       // a key was configured but could not be read
    bool allowPlainExport = true;                 // without a key, copies may be plain (after a yes)
    int retentionDays = 14;
    int registryMaxAgeDays = kRegistryMaxAgeDays; // a company list taken longer ago is called old
    UsbProbe usb;
    // Shown on the dashboard as they are.
    std::filesystem::path contentDir; // its version is computed on the desk's thread
    std::string contentOldestVerified;
    std::vector<std::string> contentProblems;
    bool contentFromLastGood = false;
    std::vector<std::string> configProblems;
    pack::Place packs; // signed content packs: where they are installed, the keys trusted
    // Where the status pack from the office is kept (STATE/status; empty: none is kept or taken). It is
    // checked with the same trusted keys as the content packs.
    std::filesystem::path statusRoot;
};

} // namespace kiosk
