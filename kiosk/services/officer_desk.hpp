// The officer desk: PIN checks (Argon2id takes most of a second), the dashboard's figures, watching
// for USB sticks, exports and the anonymous usage counts — all on one thread of its own, with its
// own connection to the kiosk's database, so the screen never waits for any of it.
#pragma once

#include "packs/content_pack.hpp"
#include "services/pending_store.hpp"
#include "core/clock.hpp"
#include "core/officer.hpp"
#include "services/usb_probe.hpp"
#include "export/file_writer.hpp"
#include "export/seal.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

namespace kiosk {

namespace store {
class Db;
}

struct OfficerDeskSettings {
    std::string kioskId;
    std::filesystem::path exportDir;           // a plain folder instead of sticks (empty: sticks)
    std::optional<exporter::PublicKey> officeKey; // seal exports to it
    std::string keyProblem;                    // a key was configured but could not be read
    int retentionDays = 14;
    UsbProbe usb;
    // Shown on the dashboard as they are.
    std::filesystem::path contentDir; // its version is computed on the desk's thread
    std::string contentOldestVerified;
    std::vector<std::string> contentProblems;
    bool contentFromLastGood = false;
    std::vector<std::string> configProblems;
    pack::Place packs; // signed content packs: where they are installed, the keys trusted
};

class OfficerDeskService final : public OfficerDesk {
public:
    // `store`, `wallClock` and `log` must outlive the desk. `files` writes the exports (tests
    // inject faults through it); null: the real file system.
    OfficerDeskService(PendingStore& store, OfficerDeskSettings settings, const Clock& wallClock, std::ostream& log,
                       std::unique_ptr<exporter::FileWriter> files = nullptr);
    ~OfficerDeskService() override;
    OfficerDeskService(const OfficerDeskService&) = delete;
    OfficerDeskService& operator=(const OfficerDeskService&) = delete;

    std::uint64_t sendPin(std::string pin, bool isNew) override;
    [[nodiscard]] std::optional<PinAnswer> takePinAnswer() override;
    void openDashboard() override;
    void close() override;
    void startExport(ExportWhat what, std::string batchId) override;
    [[nodiscard]] std::shared_ptr<const OfficerSnapshot> snapshot() const override;
    [[nodiscard]] std::uint64_t changes() const override { return m_changes.load(); }
    void changeSetting(std::string name, std::string value) override;
    void countView(std::string_view screen, Lang lang) override;
    void changeContent(bool rollback) override;

    // Opens the database connection, purges, notes the content version: call once the first
    // picture is up (opening waits for the kiosk's store).
    void warmUp();
    // Waits until every job sent so far is done (tests).
    void drain();

private:
    using Job = std::function<void()>;

    void post(Job job);
    void run();
    // The desk's own connection, once the kiosk's store has opened (and checked and migrated) the
    // file. Null when the store is unavailable.
    store::Db* db();
    void publish(const std::function<void(OfficerSnapshot&)>& change);
    void checkPin(const std::string& pin, bool isNew, std::uint64_t attempt);
    void loadDashboard();
    void scanSticks();
    void exportNow(ExportWhat what, const std::string& batchId);
    void purge();
    void flushUsage();
    void contentNow(bool rollback);
    void readPacks(); // installed packs and the stick's into the snapshot
    // Where a content pack would be: desa-kiosk-konten/ on each stick (or in the export folder).
    [[nodiscard]] std::vector<std::filesystem::path> packFolders() const;

    PendingStore& m_store;
    OfficerDeskSettings m_settings;
    const Clock& m_clock;
    std::ostream& m_log;
    std::unique_ptr<exporter::FileWriter> m_files;
    std::unique_ptr<store::Db> m_db; // the worker's alone
    std::chrono::steady_clock::time_point m_dbRetryAt{}; // the worker's alone, as is the next
    std::chrono::steady_clock::time_point m_lastPurge{};

    mutable std::mutex m_mutex; // guards everything below
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<Job> m_jobs;
    bool m_busy = false;
    bool m_stop = false;
    bool m_watching = false; // the dashboard is open: look for sticks
    bool m_nudged = false;   // the worker should think again about how long to sleep
    std::shared_ptr<const OfficerSnapshot> m_snapshot;
    std::optional<PinAnswer> m_answer;
    std::uint64_t m_attempts = 0; // PINs sent so far
    std::map<std::tuple<std::string, std::string, std::string>, std::int64_t> m_usage; // (day, screen, lang)
    Millis m_usageSince = 0;
    std::atomic<std::uint64_t> m_changes{0};

    std::thread m_worker; // last: started once everything above exists
};

} // namespace kiosk
