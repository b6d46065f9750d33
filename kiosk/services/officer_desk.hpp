// The officer desk: PIN checks (Argon2id takes most of a second), the dashboard's figures, watching
// for USB sticks, exports, content packs, settings and the anonymous usage counts — all on one
// thread of its own, with its own connection to the kiosk's database, so the screen never waits for
// any of it. Each piece lives in a desk_* file of its own; this is the one object the kiosk talks to.
#pragma once

#include "core/clock.hpp"
#include "core/officer.hpp"
#include "core/usb.hpp"
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

class OfficerDeskService final : public OfficerDesk {
public:
    // `store`, `wallClock` and `log` must outlive the desk. `files` writes the exports (tests
    // inject faults through it); null: the real file system.
    OfficerDeskService(PendingStore& store, OfficerDeskSettings settings, const Clock& wallClock,
                       std::ostream& log, std::unique_ptr<exporter::FileWriter> files = nullptr);
    ~OfficerDeskService() override;
    OfficerDeskService(const OfficerDeskService&) = delete;
    OfficerDeskService& operator=(const OfficerDeskService&) = delete;

    std::uint64_t sendPin(std::string pin, bool isNew) override;
    [[nodiscard]] std::optional<PinAnswer> takePinAnswer() override;
    void openDashboard() override;
    void close() override;
    void startExport(ExportWhat what, std::string batchId) override;
    [[nodiscard]] std::shared_ptr<const OfficerSnapshot> snapshot() const override;
    [[nodiscard]] std::uint64_t changes() const override { return m_worker.changes(); }
    void changeSetting(std::string name, std::string value) override;
    void countView(std::string_view screen, Lang lang) override;
    void changeContent(bool rollback) override;

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

    void checkPin(const std::string& pin, bool isNew, std::uint64_t attempt);
    void loadDashboard();
    void scanSticks();
    // Where a content pack would be: desa-kiosk-konten/ on each stick (or in the export folder).
    [[nodiscard]] std::vector<std::filesystem::path> packFolders() const;
    void readPacks(); // installed packs and the stick's into the snapshot
    void contentNow(bool rollback);
    void exportNow(ExportWhat what, const std::string& batchId);
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
    std::uint64_t m_attempts = 0; // PINs sent so far
    desk::UsageTally m_usage;
};

} // namespace kiosk
