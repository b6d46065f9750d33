// Settings of one kiosk (its id, its village, its timeouts), read from a TOML file the office edits.
#pragma once

#include "core/clock.hpp"
#include "core/language.hpp"
#include "core/log.hpp"
#include "core/problems.hpp"
#include "core/registry.hpp"

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

// What the kiosk tells a resident happens to a callback request ([officer] in kiosk.toml): which
// office receives it, within how many days it calls back, and how many days after an officer
// collects it the kiosk deletes it.
struct CallbackPromise {
    std::string office = "Kantor Imigrasi Surakarta";
    int withinDays = 7;
    int retentionDays = 14;

    // `text` with {office}, {days} (the days to call back) and {retention_days} filled in.
    [[nodiscard]] std::string fill(std::string text) const;
};

struct Config {
    std::string kioskId = "KIOSK"; // short code, prefix of request references
    std::string village;           // shown in the header, e.g. "Desa Cemeng, Sragen"
    // [kiosk] partners: the offices whose service the kiosk is, shown on the attract screen
    // ("Kantor Imigrasi Surakarta"). None: the screen names the programme and the village.
    std::vector<std::string> partners;
    // [kiosk] logo: the office's logo, a PNG or JPEG file in the media folder; empty: none. Only
    // ever a file the office put there: the kiosk never makes one up.
    std::string logo;
    std::string logoAt; // "FILE:LINE: " of the logo setting, for checkLogo's message
    Millis idleAfterMs = 90'000;
    Millis idlePromptMs = 15'000;
    Millis attractCycleMs = 8'000;
    // [kiosk] languages: the languages residents may choose, in the order of the header's buttons.
    std::vector<Lang> languages{kAllLangs.begin(), kAllLangs.end()};
    LocalContacts contacts;

    // [paths]. Empty: the kiosk's own defaults (see data/kiosk.example.toml).
    std::filesystem::path stateDir;   // database, installed content packs, the last good content
    std::filesystem::path contentDir; // the content shown until a signed pack is installed
    // [content] trusted_keys: Ed25519 public keys (`kiosk content keygen`) whose signed packs are
    // accepted. None: no pack is accepted.
    std::vector<std::filesystem::path> trustedContentKeys;
    // [display]: within these hours (minutes after midnight) the screen never blanks; outside them
    // it blanks after blankAfterMs without a touch, and a touch wakes it. from == until: always open.
    int openFromMinute = 7 * 60;
    int openUntilMinute = 21 * 60;
    Millis blankAfterMs = 10 * 60'000;
    LogLevel logLevel = LogLevel::Info; // [log] level

    // [officer]. Relative paths are taken from the folder of the configuration file.
    std::filesystem::path exportDir;       // a plain folder to export to instead of sticks; empty: sticks
    std::filesystem::path officePublicKey; // NAME.public of `kiosk keygen`; empty: exports not encrypted
    // An office key may have been asked for but could not be taken (a wrong value, a file that does
    // not parse): exports must then be refused, never written in plain. Empty: no such doubt.
    std::string officeKeyProblem;
    // Without an office key, whether officer mode may copy residents' data unencrypted (each time
    // after the officer's yes). Missing: true, as kiosks had it; install.sh writes false. A value
    // that is not true or false counts as false: such data is never written plain by mistake.
    bool allowPlainExport = true;
    int retentionDays = 14;     // collected requests are deleted this many days later
    int callbackWithinDays = 7; // the office calls a resident back within this many days
    // The office that receives the collected requests and calls back, named by the form's consent,
    // its review and its confirmation.
    std::string office = "Kantor Imigrasi Surakarta";
    std::vector<std::filesystem::path> usbRoots{"/media", "/run/media"}; // where sticks get mounted
    Millis officerIdleMs = 120'000; // officer mode logs out after this long without a touch
    // Officer mode asks the office for a new list of placement companies once the one shown was taken
    // longer ago than this.
    int registryMaxAgeDays = kRegistryMaxAgeDays;

    [[nodiscard]] CallbackPromise callbackPromise() const
    {
        return {office, callbackWithinDays, retentionDays};
    }

    // Whether the village hall is open at this minute of the day ([display]).
    [[nodiscard]] bool openAt(int minuteOfDay) const;

    // Reads `file`; every value that is missing or out of range keeps its default and adds a
    // problem, as does every unknown section or key. A missing file is itself a problem.
    static Config load(const std::filesystem::path& file, Problems& problems);

    // Whether the logo is a picture in `mediaDir` (known only once the content is chosen). When it
    // is not, adds a problem that says so and forgets the logo: the attract screen shows none.
    void checkLogo(const std::filesystem::path& mediaDir, Problems& problems);
};

} // namespace kiosk
