// desa-office's command line over the ledger (CLI11). Results on standard output (a table, JSON or
// CSV), messages on standard error, in plain English as the kiosk's own commands speak.
#include "cli/office_cli.hpp"

#include "desk/desk.hpp"
#include "export/format.hpp"
#include "ledger/accounts.hpp"
#include "ledger/config.hpp"
#include "ledger/importer.hpp"
#include "ledger/ledger.hpp"
#include "ledger/status_pack.hpp"
#include "ledger/store.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <pthread.h>
#include <pwd.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;

namespace kiosk::office {

namespace {

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Who runs the command: the login name, else the user id.
std::string currentUser()
{
    if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_name)
        return pw->pw_name;
    return "uid " + std::to_string(::getuid());
}

// Text for one line of a terminal: control characters (a newline in a note) shown, not obeyed.
std::string visible(std::string_view text)
{
    std::string out;
    for (const char c : text) {
        if (c == '\n')
            out += "⏎";
        else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            out += "\xEF\xBF\xBD";
        else
            out.push_back(c);
    }
    return out;
}

// "1 batch", "15 batches"
std::string batches(std::size_t n)
{
    return std::to_string(n) + (n == 1 ? " batch" : " batches");
}

std::string day(std::int64_t ms)
{
    return exporter::isoLocal(ms).substr(0, 10);
}

std::string fixed1(double v)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", v);
    return text;
}

struct Options {
    std::string database;
    std::string config;
    // import
    std::vector<std::string> paths;
    std::string key;
    std::string who;
    // requests list
    std::string status, village, topic;
    bool json = false;
    bool csv = false;
    // follow-up
    std::string request, outcome, partner, note;
    // status-pack
    std::string out;
    // kiosks, report, purge
    int silentDays = 0;
    std::string month;
    int days = 0;
    // serve, user
    std::string listen;
    std::string userName, role;
};

// Serves the desk until SIGTERM or SIGINT (systemd's stop, Ctrl-C), then returns 0.
int runServe(const OfficeConfig& config, const Options& o, std::ostream& out, std::ostream& err)
{
    std::pair<std::string, int> where;
    try {
        where = desk::splitListen(o.listen.empty() ? config.desk.listen : o.listen);
    } catch (const std::invalid_argument& e) {
        err << "desa-office: --listen " << e.what() << "\n";
        return 2;
    }
    // The signals wait for one thread of ours: blocked here, before the server's threads inherit the mask.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    desk::DeskOptions options;
    options.config = config;
    options.database = o.database.empty() ? config.database : o.database;
    options.log = &err;
    desk::Desk server(options);
    const int port = server.bind(where.first, where.second);
    std::thread watcher([&] {
        int signal = 0;
        sigwait(&stopSignals, &signal);
        server.stop();
    });
    const std::string host =
        where.first.find(':') != std::string::npos ? "[" + where.first + "]" : where.first;
    out << "Meja kantor siap di http://" << host << ":" << port << "\n";
    out.flush();
    const bool served = server.run();
    // When the server stopped on its own, the watcher still waits: wake it.
    ::kill(::getpid(), SIGTERM);
    watcher.join();
    err << "desa-office: the desk stopped\n";
    return served ? 0 : 1;
}

// Echo off on a terminal while a password is typed; as it was again afterwards.
class NoEcho {
public:
    explicit NoEcho(bool terminal)
    {
        if (terminal && ::tcgetattr(STDIN_FILENO, &m_saved) == 0) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            m_active = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
    }
    ~NoEcho()
    {
        if (m_active)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
    }
    NoEcho(const NoEcho&) = delete;
    NoEcho& operator=(const NoEcho&) = delete;

private:
    termios m_saved{};
    bool m_active = false;
};

// One line of `in` (a password) without its line end (CR too); false at the end of the input. On a
// terminal it asks on `err` and does not echo.
bool readSecretLine(std::istream& in, std::ostream& err, const char* prompt, bool terminal, std::string& line)
{
    {
        const NoEcho quiet(terminal);
        if (terminal)
            err << prompt << std::flush;
        if (!std::getline(in, line))
            return false;
    }
    if (terminal)
        err << "\n";
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return true;
}

// The password twice on standard input, one per line (so scripts can pipe it). Adding and
// unlocking go into the desk's audit log, from the "command line".
int runUserAdd(Store& store, const Options& o, std::istream& in, std::ostream& out, std::ostream& err)
{
    const std::optional<Role> role = roleFromId(o.role);
    if (!role) {
        err << "desa-office: --role must be admin or officer\n";
        return 2;
    }
    const bool terminal = &in == &std::cin && ::isatty(STDIN_FILENO);
    std::string first, second;
    if (!readSecretLine(in, err, "Password: ", terminal, first) ||
        !readSecretLine(in, err, "The same again: ", terminal, second)) {
        err << "desa-office: user add reads the password twice on standard input, one per line\n";
        return 2;
    }
    if (first != second) {
        err << "desa-office: the two passwords differ; no user was added\n";
        return 1;
    }
    try {
        const std::int64_t now = nowMs();
        addUser(store, o.userName, *role, first, now);
        audit(store, {now, currentUser(), "user-add", o.userName + " (" + std::string(roleId(*role)) + ")",
                      "command line"});
    } catch (const AccountRefused& e) {
        err << "desa-office: user not added: " << e.english() << "\n";
        return 1;
    }
    out << "user " << o.userName << " added (" << roleId(*role) << ")\n";
    return 0;
}

int runUserList(Store& store, const Options& o, std::ostream& out)
{
    const std::vector<DeskUser> users = listUsers(store);
    const std::int64_t now = nowMs();
    if (o.json) {
        auto all = nlohmann::ordered_json::array();
        for (const DeskUser& u : users) {
            nlohmann::ordered_json j;
            j["name"] = u.name;
            j["role"] = roleId(u.role);
            j["created"] = exporter::isoLocal(u.createdMs);
            j["locked_until"] = u.lockedUntilMs > now
                                    ? nlohmann::ordered_json(exporter::isoLocal(u.lockedUntilMs))
                                    : nlohmann::ordered_json(nullptr);
            j["failed_logins"] = u.failedLogins;
            all.push_back(std::move(j));
        }
        out << all.dump(2) << "\n";
        return 0;
    }
    if (users.empty())
        out << "no users yet: desa-office user add NAME --role admin\n";
    for (const DeskUser& u : users)
        out << u.name << "  " << roleId(u.role) << "  since " << day(u.createdMs)
            << (u.lockedUntilMs > now ? "  LOCKED until " + exporter::isoLocal(u.lockedUntilMs) +
                                            " (desa-office user unlock " + u.name + ")"
                                      : "")
            << "\n";
    return 0;
}

int runImport(Store& store, const OfficeConfig& config, const Options& o, std::ostream& out,
              std::ostream& err)
{
    const fs::path keyFile = o.key.empty() ? config.secretKey : fs::path(o.key);
    if (keyFile.empty()) {
        err << "desa-office: import needs the office's secret key: --key NAME.secret, or [office] secret_key "
               "in "
               "office.toml\n";
        return 2;
    }
    ImportOptions options;
    options.key = readOfficeSecretKey(keyFile);
    options.who = o.who.empty() ? currentUser() : o.who;
    options.nowMs = nowMs();
    // Each batch is reported as soon as it is committed: when the store fails later (the server
    // gone, the disk full), the lines above the error say what is in.
    ImportSummary total;
    const auto report = [&](const BatchSummary& b) {
        if (b.refused.empty())
            out << b.folder.string() << ": kiosk " << b.kioskId << ", batch " << b.batchId << ": " << b.added
                << " new, " << b.held << " already held, " << b.conflicts << " conflicts\n";
        else
            out << b.folder.string() << ": refused: " << b.refused << "\n";
        out.flush();
        total.batches.push_back(b);
    };
    for (const std::string& path : o.paths) {
        const std::vector<fs::path> found = findBatches(path);
        if (found.empty()) {
            const fs::path one[] = {path};
            for (const BatchSummary& b : importPaths(store, one, options).batches)
                report(b);
        }
        for (const fs::path& folder : found)
            report(importBatch(store, folder, options));
    }
    out << "total: " << batches(total.batches.size()) << ": " << total.added() << " new, " << total.held()
        << " already held, " << total.conflicts() << " conflicts, " << total.refused() << " refused\n";
    if (total.refused() > 0)
        err << "desa-office: " << batches(total.refused())
            << " refused; nothing of them was stored (see the lines above)\n";
    if (total.conflicts() > 0)
        err << "desa-office: " << total.conflicts()
            << " conflict(s): the same request with other content; both versions are kept (desa-office "
               "conflicts)\n";
    return total.refused() > 0 ? 1 : 0;
}

nlohmann::ordered_json requestJson(const LedgerRequest& r)
{
    nlohmann::ordered_json j;
    j["uid"] = r.uid;
    j["reference"] = r.reference;
    j["kiosk_id"] = r.kioskId;
    j["village"] = r.village;
    j["created"] = exporter::isoLocal(r.createdMs);
    j["topic"] = r.topic;
    j["priority"] = r.priority == 0 ? "trafficking" : "normal";
    j["status"] = r.status;
    j["purged"] = r.purged;
    j["name"] = r.purged ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.name);
    j["phone"] = r.purged ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.phone);
    j["dusun"] = r.purged ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.dusun);
    j["rt"] = r.purged ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.rt);
    j["rw"] = r.purged ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.rw);
    j["note"] = r.purged ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.note);
    j["contact_time"] = r.contactTime;
    j["lang"] = r.lang;
    j["conflict"] = r.conflict;
    j["batch"] = r.batchId;
    j["file"] = r.file;
    j["imported"] = exporter::isoLocal(r.importedMs);
    j["imported_by"] = r.importedBy;
    return j;
}

int runList(Store& store, const OfficeConfig& config, const Options& o, std::ostream& out)
{
    const std::vector<LedgerRequest> list =
        listRequests(store, {o.status, o.village, o.topic}, config.villages);
    if (o.json) {
        auto all = nlohmann::ordered_json::array();
        for (const LedgerRequest& r : list)
            all.push_back(requestJson(r));
        out << all.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
        return 0;
    }
    if (list.empty())
        out << "no requests\n";
    for (const LedgerRequest& r : list) {
        out << (r.priority == 0 ? "! " : "  ") << r.reference << "  " << day(r.createdMs) << "  " << std::left
            << std::setw(10) << r.status << std::setw(12) << r.topic << "  " << visible(r.village) << "  "
            << (r.purged ? "(personal data deleted)" : visible(r.name) + "  " + r.phone)
            << (r.conflict ? "  [conflict]" : "") << "  " << r.uid << "\n";
    }
    return 0;
}

int runFollowUp(Store& store, const OfficeConfig& config, const Options& o, std::ostream& out,
                std::ostream& err)
{
    const std::optional<Outcome> outcome = outcomeFromId(o.outcome);
    if (!outcome) {
        err << "desa-office: --outcome " << o.outcome
            << " is not one of: reached, no-answer, not-active, wrong-person, referred, done, reopened, "
               "note\n";
        return 2;
    }
    FollowUp f;
    f.request = o.request;
    f.outcome = *outcome;
    f.partner = o.partner;
    f.note = o.note;
    f.who = o.who.empty() ? currentUser() : o.who;
    f.atMs = nowMs();
    try {
        const FollowUpResult r = addFollowUp(store, f, config.partners);
        out << r.uid << ": " << o.outcome << " recorded; status now " << r.status << "\n";
        return 0;
    } catch (const std::invalid_argument& e) {
        err << "desa-office: follow-up refused: " << e.what() << "\n";
        return 1;
    }
}

int runConflicts(Store& store, const Options& o, std::ostream& out)
{
    const std::vector<Conflict> list = listConflicts(store);
    if (o.json) {
        auto all = nlohmann::ordered_json::array();
        for (const Conflict& c : list) {
            nlohmann::ordered_json j;
            j["uid"] = c.uid;
            j["reference"] = c.reference;
            j["kiosk_id"] = c.kioskId;
            j["held_batch"] = c.heldBatch;
            j["other_batch"] = c.otherBatch;
            j["other"] = c.otherContent.empty() ? nlohmann::ordered_json(nullptr)
                                                : nlohmann::ordered_json::parse(c.otherContent);
            j["imported"] = exporter::isoLocal(c.importedMs);
            j["imported_by"] = c.importedBy;
            all.push_back(std::move(j));
        }
        out << all.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
        return 0;
    }
    if (list.empty())
        out << "no conflicts\n";
    for (const Conflict& c : list)
        out << c.reference << "  " << c.uid << "\n  held (batch " << c.heldBatch
            << "): " << visible(c.heldContent) << "\n  other (batch " << c.otherBatch << ", imported "
            << exporter::isoLocal(c.importedMs) << " by " << c.importedBy << "): " << visible(c.otherContent)
            << "\n";
    return 0;
}

int runKiosks(Store& store, const OfficeConfig& config, const Options& o, std::ostream& out)
{
    const int silent = o.silentDays > 0 ? o.silentDays : config.silentAfterDays;
    const std::vector<KioskSummary> list = listKiosks(store, config.villages, nowMs(), silent);
    if (o.json) {
        auto all = nlohmann::ordered_json::array();
        for (const KioskSummary& k : list) {
            nlohmann::ordered_json j;
            j["kiosk_id"] = k.kioskId;
            j["village"] = k.village;
            j["first_batch"] = exporter::isoLocal(k.firstBatchMs);
            j["last_batch"] = exporter::isoLocal(k.lastBatchMs);
            j["batches"] = k.batches;
            j["requests"] = k.requests;
            j["per_month"] = k.perMonth;
            j["silent"] = k.silent;
            j["days_since_last_batch"] = k.daysSinceLastBatch;
            all.push_back(std::move(j));
        }
        out << all.dump(2) << "\n";
        return 0;
    }
    if (list.empty())
        out << "no kiosk yet: import a stick first (desa-office import PATH)\n";
    for (const KioskSummary& k : list) {
        out << k.kioskId << "  " << visible(k.village) << ": first batch " << day(k.firstBatchMs) << ", last "
            << day(k.lastBatchMs) << ", " << batches(static_cast<std::size_t>(k.batches)) << ", "
            << k.requests << " requests";
        if (k.silent)
            out << "  SILENT: no batch for " << k.daysSinceLastBatch << " days (more than " << silent << ")";
        out << "\n   ";
        for (const auto& [month, n] : k.perMonth)
            out << " " << month << ": " << n;
        out << "\n";
    }
    return 0;
}

int runReport(Store& store, const OfficeConfig& config, const Options& o, std::ostream& out,
              std::ostream& err)
{
    int y = 0, m = 0;
    char rest = 0;
    if (o.month.size() != 7 || std::sscanf(o.month.c_str(), "%4d-%2d%c", &y, &m, &rest) != 2 || m < 1 ||
        m > 12) {
        err << "desa-office: --month " << o.month << " is not a month: write it as YYYY-MM, e.g. 2026-11\n";
        return 2;
    }
    const std::vector<ReportLine> lines = monthlyReport(store, o.month, config.villages, nowMs());
    if (o.json) {
        auto all = nlohmann::ordered_json::array();
        for (const ReportLine& l : lines) {
            nlohmann::ordered_json j;
            j["village"] = l.village;
            j["topic"] = l.topic;
            j["received"] = l.received;
            j["reached"] = l.reached;
            j["referred"] = l.referred;
            j["done"] = l.done;
            j["median_days_to_first_call"] =
                l.medianDaysToFirstAttempt ? nlohmann::ordered_json(*l.medianDaysToFirstAttempt) : nullptr;
            j["open_over_7_days"] = l.openOver7Days;
            all.push_back(std::move(j));
        }
        nlohmann::ordered_json report;
        report["month"] = o.month;
        report["lines"] = std::move(all);
        out << report.dump(2) << "\n";
        return 0;
    }
    if (o.csv) {
        out << reportCsv(o.month, lines);
        return 0;
    }
    out << "Requests made in " << o.month << "\n";
    for (const ReportLine& l : lines)
        out << visible(l.village) << " / " << l.topic << ": received " << l.received << ", reached "
            << l.reached << ", referred " << l.referred << ", done " << l.done
            << ", median days to first call "
            << (l.medianDaysToFirstAttempt ? fixed1(*l.medianDaysToFirstAttempt) : "-") << ", open > 7 days "
            << l.openOver7Days << "\n";
    if (lines.empty())
        out << "no requests\n";
    return 0;
}

int runStatusPack(Store& store, const OfficeConfig& config, const Options& o, std::ostream& out,
                  std::ostream& err)
{
    const fs::path keyFile = o.key.empty() ? config.signingKey : fs::path(o.key);
    if (keyFile.empty()) {
        err << "desa-office: status-pack needs the office's signing key: --key NAME.sign.secret (made by "
               "`kiosk content keygen`, the key that signs content packs), or [status] signing_key in "
               "office.toml\n";
        return 2;
    }
    const StatusPackSummary summary = writeStatusPacks(store, keyFile, o.out, nowMs());
    for (const StatusPackFile& f : summary.files)
        out << f.kioskId << ": " << f.requests << (f.requests == 1 ? " request" : " requests") << " ("
            << f.received << " diterima, " << f.contacted << " dihubungi, " << f.done << " selesai) -> "
            << f.file.string() << "\n";
    for (const std::string& k : summary.skipped)
        err << "desa-office: kiosk '" << visible(k)
            << "' was left out: a kiosk id is 2 to 8 capital letters, so no kiosk would take its file\n";
    if (summary.files.empty()) {
        out << "no kiosk yet: import a stick first (desa-office import PATH)\n";
        return 0;
    }
    out << "total: " << summary.files.size() << (summary.files.size() == 1 ? " file, " : " files, ")
        << summary.requests() << " requests; copy the folder " << statuspack::kStickFolder
        << " onto the stick's top level (officer mode: Ambil status permintaan)\n";
    return 0;
}

} // namespace

int runOffice(int argc, const char* const* argv, std::ostream& out, std::ostream& err)
{
    return runOffice(argc, argv, std::cin, out, err);
}

int runOffice(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err)
{
    CLI::App app{"desa-office: the office ledger of the village kiosks' callback requests"};
    app.require_subcommand(1);
    Options o;
    app.add_option("--database", o.database,
                   "sqlite:PATH or postgresql://… (default: [office] database, else the SQLite file "
                   "~/.local/share/desa-office/office.db)");
    app.add_option("--config", o.config, "office.toml (default: ~/.config/desa-office/office.toml)");

    CLI::App* import = app.add_subcommand("import", "Import batch folders or a whole USB stick");
    import->add_option("path", o.paths, "Batch folders, or folders holding them (a stick)")->required();
    import->add_option("--key", o.key, "The office's NAME.secret (default: [office] secret_key)");
    import->add_option("--who", o.who, "Who imports (default: the login name)");

    CLI::App* requests = app.add_subcommand("requests", "The requests in the ledger");
    requests->require_subcommand(1);
    CLI::App* list = requests->add_subcommand("list", "Trafficking reports first, then oldest first");
    list->add_option("--status", o.status, "baru, dicoba, dihubungi, dirujuk or selesai")
        ->check(CLI::IsMember({"baru", "dicoba", "dihubungi", "dirujuk", "selesai"}));
    list->add_option("--village", o.village, "A village (as named in office.toml) or a kiosk id");
    list->add_option("--topic", o.topic, "passport, work-abroad, trafficking or other")
        ->check(CLI::IsMember({"passport", "work-abroad", "trafficking", "other"}));
    list->add_flag("--json", o.json, "A JSON array");

    CLI::App* follow =
        app.add_subcommand("follow-up", "Record what came of a request (an event; nothing is edited)");
    follow->add_option("request", o.request, "The reference (CMG-0427) or the global id")->required();
    follow
        ->add_option(
            "--outcome", o.outcome,
            "reached, no-answer, not-active, wrong-person (a call attempt), referred, done, reopened, note")
        ->required();
    follow->add_option("--partner", o.partner, "For referred: one of [office] partners");
    follow->add_option("--note", o.note, "What was said or done");
    follow->add_option("--who", o.who, "Who (default: the login name)");

    CLI::App* conflicts =
        app.add_subcommand("conflicts", "Requests that came with other content: both versions");
    conflicts->add_flag("--json", o.json, "A JSON array");

    CLI::App* kiosks =
        app.add_subcommand("kiosks", "Every kiosk seen: its batches, requests per month, silence");
    kiosks
        ->add_option("--silent-days", o.silentDays,
                     "Flag a kiosk with no batch for this many days (default 30)")
        ->check(CLI::Range(1, 3650));
    kiosks->add_flag("--json", o.json, "A JSON array");

    CLI::App* report = app.add_subcommand("report", "Per village and topic, the requests made in a month");
    report->add_option("--month", o.month, "YYYY-MM")->required();
    auto* json = report->add_flag("--json", o.json, "JSON");
    report->add_flag("--csv", o.csv, "CSV")->excludes(json);

    CLI::App* purgeCmd = app.add_subcommand("purge", "Delete personal data N days after selesai (retention)");
    purgeCmd
        ->add_option("--days", o.days, "Days after selesai (default: [retention] days_after_done, else 90)")
        ->check(CLI::Range(1, 3650));
    purgeCmd->add_option("--who", o.who, "Who (default: the login name)");

    CLI::App* statusPack = app.add_subcommand(
        "status-pack", "Write each kiosk's signed status pack (reference, status, date) for a USB stick");
    statusPack->add_option("--key", o.key, "The office's NAME.sign.secret (default: [status] signing_key)");
    statusPack->add_option("--out", o.out, "Where desa-kiosk-status/ is written (a folder, or the stick)")
        ->required();

    CLI::App* serve = app.add_subcommand("serve", "The office desk in the browser, until SIGTERM or Ctrl-C");
    serve->add_option("--listen", o.listen, "HOST:PORT (default: [desk] listen, else 127.0.0.1:8080)");

    CLI::App* user = app.add_subcommand("user", "The desk's users");
    user->require_subcommand(1);
    CLI::App* userAdd = user->add_subcommand("add", "Add a user; the password twice on standard input");
    userAdd->add_option("name", o.userName, "The user name")->required();
    userAdd->add_option("--role", o.role, "admin or officer")
        ->required()
        ->check(CLI::IsMember({"admin", "officer"}));
    CLI::App* userList = user->add_subcommand("list", "Every user, their role and whether locked");
    userList->add_flag("--json", o.json, "A JSON array");
    CLI::App* userUnlock = user->add_subcommand("unlock", "Unlock a user locked after wrong passwords");
    userUnlock->add_option("name", o.userName, "The user name")->required();

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e, out, err);
    }
    try {
        const OfficeConfig config =
            loadOfficeConfig(o.config.empty() ? defaultConfigFile() : fs::path(o.config));
        if (serve->parsed())
            return runServe(config, o, out, err);
        const std::unique_ptr<Store> store = openStore(o.database.empty() ? config.database : o.database);
        if (userAdd->parsed())
            return runUserAdd(*store, o, in, out, err);
        if (userList->parsed())
            return runUserList(*store, o, out);
        if (userUnlock->parsed()) {
            try {
                unlockUser(*store, o.userName);
                audit(*store, {nowMs(), currentUser(), "user-unlock", o.userName, "command line"});
            } catch (const AccountRefused& e) {
                err << "desa-office: " << e.english() << "\n";
                return 1;
            }
            out << "user " << o.userName << " unlocked\n";
            return 0;
        }
        if (import->parsed())
            return runImport(*store, config, o, out, err);
        if (list->parsed())
            return runList(*store, config, o, out);
        if (follow->parsed())
            return runFollowUp(*store, config, o, out, err);
        if (conflicts->parsed())
            return runConflicts(*store, o, out);
        if (kiosks->parsed())
            return runKiosks(*store, config, o, out);
        if (report->parsed())
            return runReport(*store, config, o, out, err);
        if (statusPack->parsed())
            return runStatusPack(*store, config, o, out, err);
        if (purgeCmd->parsed()) {
            const std::int64_t n = purge(*store, o.days > 0 ? o.days : config.retentionDays,
                                         o.who.empty() ? currentUser() : o.who, nowMs());
            out << n << " requests: personal data deleted (counts kept)\n";
            return 0;
        }
    } catch (const std::exception& e) {
        err << "desa-office: " << e.what() << "\n";
        return 1;
    }
    return 2;
}

} // namespace kiosk::office
