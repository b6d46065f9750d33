// The officer desk: what the screens ask of it, done one job at a time on its worker's thread.
#include "services/officer_desk.hpp"

#include "services/desk_content.hpp"
#include "services/desk_dashboard.hpp"
#include "services/desk_export.hpp"
#include "services/desk_pin.hpp"
#include "services/desk_setting_change.hpp"
#include "services/desk_status.hpp"
#include "services/desk_sticks.hpp"
#include "services/desk_usage.hpp"
#include "store/db.hpp"
#include "store/officer.hpp"
#include "store/settings.hpp"
#include "store/usage.hpp"

#include <chrono>
#include <utility>

namespace kiosk {
namespace {

// What the dashboard shows before the desk has read anything: the kiosk's configuration.
std::shared_ptr<const OfficerSnapshot> firstSnapshot(const OfficerDeskSettings& settings)
{
    auto first = std::make_shared<OfficerSnapshot>();
    first->target.plainFolder = !settings.exportDir.empty();
    first->target.folder = settings.exportDir.string();
    OfficerDashboard& d = first->dashboard;
    d.encrypted = settings.officeKey.has_value();
    d.retentionDays = settings.retentionDays;
    d.keyProblem = settings.keyProblem;
    d.plainAllowed = settings.allowPlainExport;
    d.registryMaxAgeDays = settings.registryMaxAgeDays;
    d.contentOldestVerified = settings.contentOldestVerified;
    d.contentProblems = settings.contentProblems;
    d.contentFromLastGood = settings.contentFromLastGood;
    d.configProblems = settings.configProblems;
    return first;
}

} // namespace

OfficerDeskService::OfficerDeskService(PendingStore& store, OfficerDeskSettings settings,
                                       const Clock& wallClock, std::ostream& log,
                                       std::unique_ptr<exporter::FileWriter> files)
    : m_settings(std::move(settings)), m_clock(wallClock), m_log(log), m_files(std::move(files)),
      m_connection(store, log, [this](store::Db& d) { firstOpen(d); }), m_retention(m_settings.retentionDays),
      m_worker(log, firstSnapshot(m_settings)), m_usage(m_clock.now())
{
    if (!m_files)
        m_files = std::make_unique<exporter::PosixFileWriter>();
    m_worker.start({[this] { return sleepFor(); }, [this] { chores(); }});
    m_worker.post([this] { loadStatus(); }); // the resident's screen has the office's news at once
}

OfficerDeskService::~OfficerDeskService()
{
    m_worker.post([this] { flushUsage(); }); // counts of the last minute are kept too
    m_worker.stop();
}

// What the screens call: each returns at once.

std::shared_ptr<const OfficerSnapshot> OfficerDeskService::snapshot() const
{
    return m_worker.snapshot();
}

void OfficerDeskService::checkPin(std::uint64_t attempt, std::string pin, bool isNew)
{
    m_worker.post([this, pin = std::move(pin), isNew, attempt] { checkPinNow(pin, isNew, attempt); });
}

std::optional<PinAnswer> OfficerDeskService::takePinAnswer()
{
    return m_worker.locked([this] { return std::exchange(m_answer, std::nullopt); });
}

void OfficerDeskService::openDashboard()
{
    m_worker.locked([this] { m_watching = true; });
    m_worker.publish([](OfficerSnapshot& s) {
        s.exporting = ExportState{};
        if (s.content.phase != ContentUpdate::Phase::Running)
            s.content.phase = ContentUpdate::Phase::Idle;
        if (s.status.phase != StatusUpdate::Phase::Running)
            s.status.phase = StatusUpdate::Phase::Idle;
    });
    m_worker.post([this] {
        flushUsage(); // so the figures include this morning's visitors
        scanSticks();
        readPacks();
        loadDashboard();
    });
}

void OfficerDeskService::close()
{
    m_worker.locked([this] { m_watching = false; });
}

void OfficerDeskService::startExport(ExportAsk ask)
{
    if (snapshot()->exporting.phase == ExportState::Phase::Running)
        return; // one at a time; a second tap while it runs does nothing
    m_worker.publish([&](OfficerSnapshot& s) {
        s.exporting = ExportState{};
        s.exporting.phase = ExportState::Phase::Running;
        s.exporting.again = ask.again.has_value();
    });
    m_worker.post([this, ask = std::move(ask)] { exportNow(ask); });
}

void OfficerDeskService::changeContent(ContentChange change)
{
    const bool rollback = change == ContentChange::Rollback;
    if (snapshot()->content.phase == ContentUpdate::Phase::Running)
        return; // one at a time
    m_worker.publish([&](OfficerSnapshot& s) {
        s.content.phase = ContentUpdate::Phase::Running;
        s.content.rollback = rollback;
        s.content.progress = 0;
        s.content.refusal.clear();
        s.content.detail = {};
    });
    m_worker.post([this, rollback] { contentNow(rollback); });
}

void OfficerDeskService::takeStatusPack()
{
    if (snapshot()->status.phase == StatusUpdate::Phase::Running)
        return; // one at a time
    m_worker.publish([](OfficerSnapshot& s) {
        s.status.phase = StatusUpdate::Phase::Running;
        s.status.refusal.clear();
        s.status.detail = {};
    });
    m_worker.post([this] { statusNow(); });
}

void OfficerDeskService::changeSetting(SettingChange change)
{
    m_worker.post([this, change] {
        store::Db* d = db();
        if (desk::applySetting(d, change, m_clock, m_log, m_worker))
            loadDashboard(); // the audit list shows the change
    });
}

void OfficerDeskService::countView(std::string_view screen, Lang lang)
{
    const std::string day = store::localDay(m_clock.now());
    // The desk may be asleep for hours: the first count wakes it, as counts are due within the minute.
    m_worker.nudgeIf([&] { return m_usage.add(day, screen, langCode(lang), m_clock.now()); });
}

void OfficerDeskService::warmUp()
{
    m_worker.post([this] { (void)db(); });
}

void OfficerDeskService::drain()
{
    m_worker.drain();
}

// What runs on the worker's thread.

store::Db* OfficerDeskService::db()
{
    return m_connection.get();
}

void OfficerDeskService::firstOpen(store::Db& d)
{
    // Collected requests past their time go, and a new content version is noted.
    m_retention.purge(d, m_clock.now(), m_log);
    desk::noteContentVersion(d, m_settings.contentDir, m_clock, m_worker);
    const bool hasPin = store::OfficerAccess(d, m_clock).hasPin();
    const KioskSettings settings = store::loadSettings(d, m_log);
    m_worker.publish([&](OfficerSnapshot& s) {
        s.hasPin = hasPin;
        s.settings = settings;
    });
}

std::chrono::milliseconds OfficerDeskService::sleepFor() const
{
    // Asleep unless there is something to do: sticks to look for while the dashboard is open,
    // counts to write within the minute, the next purge (an idle kiosk wakes for nothing else).
    return m_watching ? std::chrono::duration_cast<std::chrono::milliseconds>(desk::kStickScanEvery)
           : !m_usage.empty()
               ? std::chrono::milliseconds(desk::kUsageFlushMs)
               : std::chrono::duration_cast<std::chrono::milliseconds>(desk::Retention::kEvery);
}

void OfficerDeskService::chores()
{
    const auto [watching, flushDue] = m_worker.locked([this] {
        return std::pair{m_watching, m_usage.due(m_clock.now())};
    });
    if (watching)
        scanSticks();
    if (flushDue)
        flushUsage();
    if (m_connection.opened() && m_retention.due(std::chrono::steady_clock::now()))
        purge();
}

void OfficerDeskService::checkPinNow(const std::string& pin, bool isNew, std::uint64_t attempt)
{
    const desk::PinReply reply = desk::answerPin(db(), m_clock, m_log, pin, isNew, attempt);
    if (reply.hasPin)
        m_worker.publish([&](OfficerSnapshot& s) { s.hasPin = reply.hasPin; });
    m_worker.locked([&] { m_answer = reply.answer; });
    m_worker.noteChange();
}

void OfficerDeskService::loadDashboard()
{
    store::Db* d = db();
    desk::readDashboard(d, m_connection.file(), m_clock, m_log, m_worker);
}

void OfficerDeskService::scanSticks()
{
    // The export folder stands in for a stick that is always in: what is on it is read again as a
    // newly found stick's would be, so a pack put there while officer mode is open is offered.
    if (!m_settings.exportDir.empty()) {
        readPacks();
        return;
    }
    if (desk::lookForSticks(m_settings.usb, m_worker, m_log))
        readPacks();
}

std::vector<std::filesystem::path> OfficerDeskService::packFolders() const
{
    return desk::packFolders(m_settings.exportDir, snapshot()->target.sticks);
}

void OfficerDeskService::readPacks()
{
    desk::readPacks(m_settings.packs, packFolders(), m_worker);
    readStatusOffer();
}

namespace {

desk::StatusPlace statusPlace(const OfficerDeskSettings& settings)
{
    return {settings.statusRoot, settings.packs.trusted, settings.kioskId};
}

} // namespace

void OfficerDeskService::loadStatus()
{
    desk::loadStatusBook(statusPlace(m_settings), m_worker, m_log);
}

void OfficerDeskService::readStatusOffer()
{
    desk::readStatusOffer(statusPlace(m_settings),
                          desk::statusFolders(m_settings.exportDir, snapshot()->target.sticks), m_worker);
}

void OfficerDeskService::statusNow()
{
    scanSticks();
    const statuspack::Read outcome = desk::takeStatusPack(
        statusPlace(m_settings), desk::statusFolders(m_settings.exportDir, snapshot()->target.sticks));
    desk::reportStatusTaken(outcome, db(), m_clock.now(), m_worker, m_log);
    readStatusOffer();
    loadDashboard(); // the audit list shows it
}

void OfficerDeskService::contentNow(bool rollback)
{
    pack::Outcome outcome;
    if (rollback) {
        outcome = desk::rollBackPack(m_settings.packs);
    } else {
        scanSticks();
        outcome = desk::installPack(m_settings.packs, packFolders(), m_worker);
    }
    desk::logContentChange(m_log, rollback, outcome);
    if (store::Db* d = db())
        desk::auditContentChange(*d, m_clock.now(), rollback, outcome, m_log);
    desk::showContentChange(m_worker, outcome);
    readPacks();
}

void OfficerDeskService::exportNow(const ExportAsk& ask)
{
    const desk::ExportContext context{.db = db(),
                                      .settings = m_settings,
                                      .files = *m_files,
                                      .clock = m_clock,
                                      .log = m_log,
                                      .board = m_worker,
                                      .lookForSticks = [this] { scanSticks(); }};
    if (!desk::exportRequests(context, ask))
        return; // refused before anything was written
    purge();
    loadDashboard();
}

void OfficerDeskService::purge()
{
    if (store::Db* d = m_connection.opened())
        m_retention.purge(*d, m_clock.now(), m_log);
}

void OfficerDeskService::flushUsage()
{
    const desk::UsageTally::Counts counts = m_worker.locked([this] { return m_usage.take(m_clock.now()); });
    if (counts.empty())
        return;
    store::Db* d = db();
    if (!d)
        return; // no database: the counts are lost, which harms nobody
    if (!desk::saveUsage(*d, counts, m_log))
        m_worker.locked([&] { m_usage.putBack(counts); }); // kept for the next try
}

} // namespace kiosk
