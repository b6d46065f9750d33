// Callback requests in the kiosk's SQLite file: saved durably, each with a global uid and a short
// reference, repeats within 10 minutes answered with the first reference; and reading them back.
#pragma once

#include "core/clock.hpp"
#include "core/request.hpp"
#include "store/db.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::store {

// Something officers must be told (officer mode shows these).
struct StoreEvent {
    std::int64_t id = 0;
    Millis atMs = 0;
    std::string kind;
    std::string detail;
};
// The database file was damaged at start-up; `detail` is where it was moved.
inline constexpr std::string_view kEventMovedAside = "database-moved-aside";

// The same data sent again within this time is one request, shown with the same reference.
inline constexpr Millis kRepeatWindowMs = 10 * 60 * 1000;

// A request to insert as it is, at a given time (seeding, tests): no repeat check.
struct NewRequest {
    CallbackRequest request;
    Millis createdMs = 0;
};

// How the file is checked when it is opened. Full is PRAGMA integrity_check: every page, record
// and constraint, and every index against its table (measured here: about 0.7 s for 100,000
// requests). Quick is PRAGMA quick_check: the same without the index cross-check (about 0.06 s).
enum class StartupCheck { Full, Quick };

struct StoreOptions {
    int busyTimeoutMs = 2000;
    StartupCheck check = StartupCheck::Full;
};

using Fingerprint = std::array<unsigned char, 32>;

class RequestStore final : public RequestSink {
public:
    struct Opened {
        std::unique_ptr<RequestStore> store; // never null; see available()
        // Non-empty when the file was damaged: it (with its -wal) now lies here, untouched.
        std::filesystem::path movedAsideTo;
    };

    // Opens or creates `file`: WAL, synchronous=FULL, a busy timeout, integrity_check, migrations.
    // A damaged file is moved aside (never deleted) and a new one started, with an events row.
    // When no database can be opened, the store is unavailable: every submit tries again and
    // fails with SaveFailure::Unavailable until one opens. Never throws; problems go to `log`
    // (one line each, never personal data). `wallClock` and `log` must outlive the store.
    [[nodiscard]] static Opened open(std::filesystem::path file, std::string kioskId, const Clock& wallClock,
                                     std::ostream& log, StoreOptions options = {});

    ~RequestStore() override;
    RequestStore(const RequestStore&) = delete;
    RequestStore& operator=(const RequestStore&) = delete;

    SubmitResult submit(const CallbackRequest& request) override;

    [[nodiscard]] bool available() const { return m_db != nullptr; }
    [[nodiscard]] const std::filesystem::path& file() const { return m_file; }

    // Inserts every request in one transaction, through the same code as submit but without
    // the repeat check. Throws SqliteError; nothing is inserted then.
    void insertBatch(std::span<const NewRequest> batch);
    void recordEvent(std::string_view kind, std::string_view detail);

    // Queries throw SqliteError when the store is unavailable.
    [[nodiscard]] std::int64_t count();
    // Every request, oldest first, one at a time.
    void forEach(const std::function<void(const StoredRequest&)>& visit);
    [[nodiscard]] std::vector<StoredRequest> list();
    [[nodiscard]] std::vector<StoreEvent> events();

    // The connection, for tests and diagnostics; null while unavailable.
    [[nodiscard]] Db* database() { return m_db.get(); }

private:
    struct Statements;
    struct Inserted {
        std::int64_t id;
        std::string reference;
    };

    RequestStore(std::filesystem::path file, std::string kioskId, const Clock& wallClock, std::ostream& log,
                 StoreOptions options);
    // Tries to open (and, when damaged, to move aside and start again); true when available.
    bool connect(std::filesystem::path* movedAsideTo);
    void openDb();
    void disconnect();
    Db& db();
    Inserted insertRow(const CallbackRequest& request, Millis createdMs, const Fingerprint& fingerprint);

    std::filesystem::path m_file;
    std::string m_kioskId;
    const Clock& m_clock;
    std::ostream& m_log;
    StoreOptions m_options;
    std::unique_ptr<Db> m_db;
    std::unique_ptr<Statements> m_stmts; // declared after m_db: finalized first
    std::string m_unavailableWhy;        // SQLite code name or reason, for the log
};

// The canonical fingerprint of a request's data (not its language): BLAKE2b over every field,
// each length-prefixed, so no two different requests share an encoding.
[[nodiscard]] Fingerprint requestFingerprint(const CallbackRequest& request);
// "CMG-0001" … "CMG-9999", "CMG-10000" …
[[nodiscard]] std::string formatReference(std::string_view kioskId, std::int64_t id);
// A random UUID version 4, lower-case: "3f2b…-…".
[[nodiscard]] std::string randomUuid();

// For technicians' commands: opens an existing database read-only, never creating, migrating or
// writing it. Throws (std::runtime_error or SqliteError) with a message for a person.
[[nodiscard]] Db openForReading(const std::filesystem::path& file);
[[nodiscard]] std::int64_t countRequests(Db& db);
void forEachRequest(Db& db, const std::function<void(const StoredRequest&)>& visit);
[[nodiscard]] std::vector<StoreEvent> readEvents(Db& db);

} // namespace kiosk::store
