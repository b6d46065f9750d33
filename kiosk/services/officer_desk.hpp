// The officer desk: PIN checks (Argon2id takes most of a second), the dashboard's figures, watching
// for USB sticks, exports, content packs, settings and the anonymous usage counts — all on one
// thread of its own, with its own connection to the kiosk's database, so the screen never waits for
// any of it. Each piece lives in a desk_* file of its own; this is the one object the kiosk talks to.
#pragma once

#include "core/clock.hpp"
#include "core/officer.hpp"
#include "core/request.hpp"
#include "core/settings.hpp"
#include "export/file_writer.hpp"
#include "export/seal.hpp"
#include "packs/content_pack.hpp"
#include "services/desk_connection.hpp"
#include "services/desk_retention.hpp"
#include "services/desk_usage.hpp"
#include "services/desk_worker.hpp"
#include "services/officer_desk_settings.hpp"
#include "services/pending_store.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

namespace store {
class Db;
}

// The officer desk as the shell's effects reach it: slow work off the drawing thread. Every call
// returns at once.
class OfficerDesk {
public:
    virtual ~OfficerDesk() = default;
    // A PIN to check (or, with `isNew`, to store); the answer arrives through takePinAnswer(),
    // carrying `attempt`, so an answer is never taken for another try.
    virtual void checkPin(std::uint64_t attempt, std::string pin, bool isNew) = 0;
    [[nodiscard]] virtual std::optional<PinAnswer> takePinAnswer() = 0;
    // Logged in: read the dashboard, watch for sticks. Closed: stop watching.
    virtual void openDashboard() = 0;
    virtual void close() = 0;
    // Copies requests to the stick: those in `ask.scope`, or exactly the batch `ask.again` once more.
    // Without an office key only when `ask.plainAccepted` and the kiosk allows plain copies.
    virtual void startExport(ExportAsk ask) = 0;
    // The latest state (never null). Cheap: a shared pointer.
    [[nodiscard]] virtual std::shared_ptr<const OfficerSnapshot> snapshot() const = 0;
    // Counts up whenever the snapshot or a PIN answer changes: the screen should be drawn again.
    [[nodiscard]] virtual std::uint64_t changes() const = 0;
    // An officer changed a setting: stored, audited, then in the snapshot.
    virtual void changeSetting(SettingChange change) = 0;
    // "Perbarui konten": install the pack on the stick (see packs/content_pack.hpp), or show the
    // previous pack again. The outcome arrives in the snapshot's `content`.
    virtual void changeContent(ContentChange change) = 0;
    // "Ambil status permintaan": take the status pack for this kiosk on the stick (see
    // packs/status_pack.hpp). The outcome, and the book kept, arrive in the snapshot's `status`.
    virtual void takeStatusPack() = 0;
};

// Anonymous usage counts: a screen opened or read aloud, in which language; no time, no person.
class UsageCounter {
public:
    virtual ~UsageCounter() = default;
    virtual void countView(std::string_view screen, Lang lang) = 0;
};

class OfficerDeskService final : public OfficerDesk, public UsageCounter {
public:
    // `store`, `wallClock` and `log` must outlive the desk. `files` writes the exports (tests
    // inject faults through it); null: the real file system.
    OfficerDeskService(PendingStore& store, OfficerDeskSettings settings, const Clock& wallClock,
                       std::ostream& log, std::unique_ptr<exporter::FileWriter> files = nullptr);
    ~OfficerDeskService() override;
    OfficerDeskService(const OfficerDeskService&) = delete;
    OfficerDeskService& operator=(const OfficerDeskService&) = delete;

    void checkPin(std::uint64_t attempt, std::string pin, bool isNew) override;
    [[nodiscard]] std::optional<PinAnswer> takePinAnswer() override;
    void openDashboard() override;
    void close() override;
    void startExport(ExportAsk ask) override;
    [[nodiscard]] std::shared_ptr<const OfficerSnapshot> snapshot() const override;
    [[nodiscard]] std::uint64_t changes() const override { return m_worker.changes(); }
    void changeSetting(SettingChange change) override;
    void countView(std::string_view screen, Lang lang) override;
    void changeContent(ContentChange change) override;
    void takeStatusPack() override;

    // Opens the database connection, purges, notes the content version: call once the first
    // picture is up (opening waits for the kiosk's store).
    void warmUp();
    // Waits until every job sent so far is done (tests).
    void drain();

private:
    // All of these run on the worker's thread.

    // The desk's own connection, once the kiosk's store has opened (and checked and migrated) the
    // file. Null when the store is unavailable.
    store::Db* db();
    // Once per start, when the connection opens: purge, note the content version, read whether a PIN
    // is set and the settings.
    void firstOpen(store::Db& db);
    // The worker's chores: how long it may sleep (under its lock), and what it does when it wakes.
    [[nodiscard]] std::chrono::milliseconds sleepFor() const;
    void chores();

    void checkPinNow(const std::string& pin, bool isNew, std::uint64_t attempt);
    void loadDashboard();
    void scanSticks();
    // Where a content pack would be: desa-kiosk-konten/ on each stick (or in the export folder).
    [[nodiscard]] std::vector<std::filesystem::path> packFolders() const;
    void readPacks(); // installed packs and the stick's into the snapshot
    void contentNow(bool rollback);
    void loadStatus();      // the status pack kept, at start-up
    void readStatusOffer(); // whether the stick has a status pack for this kiosk
    void statusNow();       // takes it
    void exportNow(const ExportAsk& ask);
    void purge();
    void flushUsage();

    OfficerDeskSettings m_settings;
    const Clock& m_clock;
    std::ostream& m_log;
    std::unique_ptr<exporter::FileWriter> m_files;
    desk::Connection m_connection; // the worker's alone, as is the next
    desk::Retention m_retention;

    desk::Worker m_worker;   // its lock guards everything below; its thread starts once they exist
    bool m_watching = false; // the dashboard is open: look for sticks
    std::optional<PinAnswer> m_answer;
    desk::UsageTally m_usage;
};

} // namespace kiosk
