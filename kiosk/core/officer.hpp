// Officer mode as the screens see it: the PIN being typed, and what the officer desk (services/) reports —
// the dashboard figures, the USB stick, an export under way. The desk does the slow work (Argon2id,
// SQLite, files) on threads of its own; the screens only read its snapshot and send it requests.
#pragma once

#include "core/clock.hpp"
#include "core/fault.hpp"
#include "core/language.hpp"
#include "core/registry.hpp"
#include "core/request.hpp"
#include "core/request_status.hpp"
#include "core/settings.hpp"
#include "core/usb.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

inline constexpr std::size_t kPinMinDigits = 6;
inline constexpr std::size_t kPinMaxDigits = 8;
// Wrong PINs in a row before officer mode locks (the store enforces it; the screen counts down).
inline constexpr int kPinTriesBeforeLock = 5;

// The desk's answer to a PIN sent to it.
struct PinAnswer {
    enum class Status {
        Ok,        // logged in
        Wrong,     // `failures` wrong in a row so far
        Locked,    // try again in `secondsLeft`
        NoPin,     // none set yet: make one
        PinSet,    // the new PIN is stored; logged in
        PinExists, // a new PIN was offered, but one was set meanwhile (`kiosk set-pin`): enter it
        Failed,    // the database could not answer (officer mode stays closed)
    };
    Status status = Status::Failed;
    int failures = 0;
    std::int64_t secondsLeft = 0;
    std::uint64_t attempt = 0; // the number the PIN check was sent with (effect::CheckPin)
};

// What an officer asked to copy: the new requests or every one on the kiosk, or an earlier batch again.
struct ExportAsk {
    ExportScope scope = ExportScope::New;
    std::optional<BatchId> again; // exactly this earlier batch, written again
    bool plainAccepted = false;   // the officer said yes to a copy without encryption (no office key)
};

// The PIN screen and whether the officer is in, wiped with the rest of the session.
struct OfficerSession {
    enum class Step { EnterPin, NewPin, ConfirmPin };
    Step step = Step::EnterPin;
    std::string digits;             // typed so far (drawn as dots)
    std::string firstPin;           // ConfirmPin: the new PIN typed the first time
    bool waiting = false;           // sent to the desk, no answer yet
    std::uint64_t attempt = 0;      // which sent PIN the answer must be for
    std::string message;            // ui.toml key of what the last answer said ("" none)
    std::int64_t messageNumber = 0; // the number in it (tries left, minutes left)
    bool loggedIn = false;
    // A copy that would leave residents' data unencrypted (no office key): it waits for a yes.
    std::optional<ExportAsk> plainExport;
};

// Everything the dashboard shows, as the desk last read it.
struct OfficerDashboard {
    struct Batch {
        std::string id;
        Millis createdMs = 0;
        std::int64_t count = 0;
        std::string stick;
        bool sealed = false;
    };
    struct Entry { // an audit entry or a store event
        Millis atMs = 0;
        std::string kind;
        std::string detail;
    };
    struct Usage {
        std::string day; // YYYY-MM-DD
        std::string screen;
        std::string lang;
        std::int64_t views = 0;
    };
    bool loaded = false;                     // false until the first read finished
    Millis readAtMs = 0;                     // when it was read (Unix ms), for ages
    std::optional<FaultDetail> storeError;   // the database could not be read: what is known of why
    std::array<std::int64_t, 4> fresh{};     // never collected, by request topic (kAllRequestTopics order)
    std::array<std::int64_t, 4> collected{}; // collected, still on the kiosk
    std::optional<Millis> oldestFreshMs;
    std::vector<Batch> batches; // newest first
    std::vector<Entry> events;  // things officers must be told (a damaged database moved aside)
    std::vector<Entry> audit;   // newest first
    std::vector<Usage> usage;   // the last 7 days
    std::int64_t databaseBytes = 0;
    std::optional<std::uint64_t> diskFreeBytes; // where the database lives
    // Content shown now.
    std::string contentVersion;
    std::string contentOldestVerified;
    // "FILE:LINE: message", in English for the technician: officer mode shows only where (problemPlace).
    std::vector<std::string> contentProblems;
    bool contentFromLastGood = false; // data/ failed its checks; the last good copy is shown
    std::vector<std::string> configProblems;
    int retentionDays = 14; // collected requests are deleted this long after their copy
    bool encrypted = false; // an office key is configured
    std::string keyProblem; // the configured key could not be read
    // [officer] allow_plain_export: without an office key, copies may be written unencrypted (each
    // after the officer's yes). False: only encrypted copies are made.
    bool plainAllowed = true;
    // [officer] registry_max_age_days: the content card calls a company list taken longer ago old.
    int registryMaxAgeDays = kRegistryMaxAgeDays;
};

// An export in progress or finished.
struct ExportState {
    enum class Phase { Idle, Running, Done, Nothing, Failed };
    Phase phase = Phase::Idle;
    double progress = 0;    // 0..1 while running
    std::string message;    // ui.toml key when Failed
    FaultDetail detail;     // Failed: for the technician, in parts (an errno, a database code)
    std::int64_t count = 0; // Done: requests written
    std::string folder;     // Done: the batch folder's name
    std::string stick;      // where it went
    bool again = false;     // a "copy again" of an earlier batch
};

// Where an export would go now.
struct ExportTarget {
    bool plainFolder = false;  // configured export folder (technicians), not a stick
    std::string folder;        // that folder
    std::vector<Stick> sticks; // mounted removable sticks, the first is used
    [[nodiscard]] bool ready() const { return plainFolder || !sticks.empty(); }
};

// Content packs: what is installed, what the stick offers, and an update or rollback under way.
struct ContentUpdate {
    enum class Phase { Idle, Running, Done, Refused };
    Phase phase = Phase::Idle;
    bool rollback = false;          // the last tap went back to the previous pack
    double progress = 0;            // 0..1 while copying
    std::string refusal;            // Refused: pack::refusalName ("untrusted-key"), for ui.toml keys
    FaultDetail detail;             // for the technician (which file, key or error), in parts
    std::string packId;             // the pack concerned
    std::uint64_t shownChanges = 0; // counts packs switched to: the kiosk restarts to show them
    // Installed ("" none: the shipped content is shown) and on the first stick with a pack.
    std::string currentId, currentCreated, previousId, previousCreated, stickId, stickCreated;
    bool trusted = false; // this kiosk trusts a signing key: updates are possible at all
};

// Status packs from the office (export/status_pack): the one this kiosk keeps, whether the stick has
// one for it, and taking one under way.
struct StatusUpdate {
    enum class Phase { Idle, Running, Done, Refused };
    Phase phase = Phase::Idle;
    std::string refusal; // Refused: statuspack::refusalName ("older"), for ui.toml keys
    FaultDetail detail;  // for the technician (which file, key or error), in parts
    // The book kept (null: none yet). Never changed once published: a newer pack is a new book.
    std::shared_ptr<const StatusBook> book;
    Millis createdMs = 0; // when the office made the book kept
    bool onStick = false; // a stick (or the export folder) has desa-kiosk-status/<this kiosk>.status
    bool trusted = false; // this kiosk trusts a signing key: packs can be taken at all
};

struct OfficerSnapshot {
    std::optional<bool> hasPin;            // unknown until the database answered
    std::optional<KioskSettings> settings; // unknown until the database answered
    OfficerDashboard dashboard;
    ExportTarget target;
    ExportState exporting;
    ContentUpdate content;
    StatusUpdate status;
};

// "2026-11-28 14:05" in the kiosk's local time.
[[nodiscard]] std::string formatLocalTime(Millis unixMs);

// "Perbarui konten" (install the signed pack on the stick) or going back to the previous pack.
enum class ContentChange { Update, Rollback };

// Usage counts of a screen read aloud are kept under its id after this prefix.
inline constexpr std::string_view kListenPrefix = "listen-";

} // namespace kiosk
