// Officer mode speaks the officer's language only: every officer state — the PIN pad's steps and
// messages, each dashboard card's states, every refusal of a content pack, the audit log with entries
// of each kind as the store writes them — is drawn headless in Indonesian and Javanese, and every word
// it put in the UI map (labels, values, texts) is searched for English that is not from that
// language's ui.toml.
#include "core/audit_words.hpp"
#include "core/config.hpp"
#include "export/exporter.hpp"
#include "export/seal.hpp"
#include "export_support.hpp"
#include "packs/content_pack.hpp"
#include "services/desk_content.hpp"
#include "services/desk_status.hpp"
#include "store/officer.hpp"
#include "store/retention.hpp"
#include "store/settings.hpp"
#include "ui_harness.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <functional>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

using namespace kiosk;
using test::Harness;

namespace {

// --- The checker ---------------------------------------------------------------------------------

// Words of English that Indonesian and Javanese do not use, and that machine text is made of.
const std::set<std::string>& englishWords()
{
    static const std::set<std::string> words = {
        "the",      "an",        "and",        "or",        "of",        "to",           "in",      "on",
        "at",       "by",        "for",        "from",      "with",      "without",      "which",   "that",
        "this",     "these",     "there",      "is",        "are",       "was",          "were",    "be",
        "been",     "has",       "have",       "had",       "does",      "do",           "did",     "not",
        "no",       "yes",       "can",        "cannot",    "could",     "would",        "should",  "will",
        "may",      "must",      "it",         "its",       "than",      "then",         "when",    "after",
        "before",   "into",      "out",        "such",      "only",      "any",          "all",     "none",
        "every",    "each",      "other",      "so",        "but",       "because",      "error",   "errors",
        "file",     "files",     "failed",     "fail",      "failure",   "key",          "keys",    "trust",
        "trusted",  "signed",    "signature",  "missing",   "found",     "read",         "write",   "written",
        "open",     "denied",    "permission", "space",     "left",      "device",       "input",   "output",
        "system",   "database",  "disk",       "locked",    "busy",      "unavailable",  "invalid", "unknown",
        "changed",  "copy",      "copied",     "count",     "marked",    "sealed",       "batch",   "version",
        "shown",    "refused",   "seconds",    "days",      "minutes",   "failures",     "lockout", "first",
        "replaced", "line",      "directory",  "operation", "permitted", "resource",     "full",    "too",
        "many",     "whole",     "number",     "quotes",    "like",      "kiosk",        "office",  "stick",
        "pack",     "problem",   "problems",   "unknown",   "retention", "day",          "moved",   "aside",
        "corrupt",  "malformed", "image",      "lines",     "read-only", "non-existent", "timed"};
    return words;
}

// The ASCII words of `text`, in lower case: runs of letters, with an apostrophe or a hyphen inside
// ("kiosk's", "read-only"; an id such as "no-trusted-key" is then one word, and no English one);
// digits, other punctuation and any other character part them. Single letters are left out (the
// hex digits of an id).
std::vector<std::string> wordsOf(std::string_view text)
{
    std::vector<std::string> words;
    std::string word;
    const auto flush = [&] {
        while (!word.empty() && (word.back() == '\'' || word.back() == '-'))
            word.pop_back();
        if (word.size() > 1)
            words.push_back(word);
        word.clear();
    };
    for (const char c : text) {
        if (std::isalpha(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80)
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else if ((c == '\'' || c == '-') && !word.empty())
            word += c;
        else
            flush();
    }
    flush();
    return words;
}

std::string joined(const std::vector<std::string>& words, std::size_t from, std::size_t to)
{
    std::string out;
    for (std::size_t i = from; i < to; ++i)
        out += (out.empty() ? "" : " ") + words[i];
    return out;
}

// Runs of three or more English words in `text` that no text of `allowed` (the language's ui.toml)
// holds as they are.
std::vector<std::string> englishRuns(std::string_view text, const std::vector<std::string>& allowed)
{
    const std::vector<std::string> words = wordsOf(text);
    std::vector<std::string> runs;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= words.size(); ++i) {
        if (i < words.size() && englishWords().count(words[i]))
            continue;
        if (i - start >= 3) {
            const std::string run = " " + joined(words, start, i) + " ";
            const bool fromUi = std::any_of(allowed.begin(), allowed.end(), [&](const std::string& a) {
                return a.find(run) != std::string::npos;
            });
            if (!fromUi)
                runs.push_back(run.substr(1, run.size() - 2));
        }
        start = i + 1;
    }
    return runs;
}

// Every text of the language's ui.toml, as words, each with a space either side.
std::vector<std::string> uiWords(const Strings& strings, Lang lang)
{
    std::vector<std::string> out;
    for (const auto& [key, text] : strings.table(lang))
        out.push_back(" " + joined(wordsOf(text), 0, wordsOf(text).size()) + " ");
    return out;
}

// Every word the last frame put in the UI map.
std::vector<std::string> mapWords(const UiMap& map)
{
    std::vector<std::string> out = map.texts;
    for (const WidgetBox& w : map.widgets)
        out.push_back(w.label);
    for (const auto& [key, value] : map.values)
        out.push_back(value);
    return out;
}

// --- The states ----------------------------------------------------------------------------------

// A board for one thread, for the desk's pieces used here.
class TestBoard final : public desk::Board {
public:
    [[nodiscard]] std::shared_ptr<const OfficerSnapshot> snapshot() const override { return m_snapshot; }
    void publish(const desk::SnapshotChange& change) override
    {
        auto next = std::make_shared<OfficerSnapshot>(*m_snapshot);
        change(*next);
        m_snapshot = std::move(next);
    }

private:
    std::shared_ptr<const OfficerSnapshot> m_snapshot = std::make_shared<OfficerSnapshot>();
};

struct State {
    std::string name;
    Route route;
    OfficerSession officer;
    std::shared_ptr<const OfficerSnapshot> desk;
};
using Change = std::function<void(OfficerSnapshot&)>;

// The PIN pad at each step, with each message it can show, and while the PIN is checked.
void pinStates(std::vector<State>& out, const std::shared_ptr<const OfficerSnapshot>& desk)
{
    using Step = OfficerSession::Step;
    for (const Step step : {Step::EnterPin, Step::NewPin, Step::ConfirmPin})
        for (const char* message :
             {"", "officer.pin.short", "officer.pin.wrong", "officer.pin.locked", "officer.pin.none",
              "officer.pin.mismatch", "officer.pin.exists", "officer.pin.failed"}) {
            OfficerSession o;
            o.step = step;
            o.message = message;
            o.messageNumber = 3;
            o.digits = "1234";
            out.push_back({"pin-" + std::to_string(static_cast<int>(step)) + "-" + message,
                           Route::officerPin(), o, desk});
        }
    OfficerSession waiting;
    waiting.waiting = true;
    waiting.digits = "246810";
    out.push_back({"pin-checking", Route::officerPin(), waiting, desk});
}

// The export card: each way a copy can stand, end, fail or be refused, and each kind of destination.
std::vector<std::pair<std::string, Change>> exportChanges()
{
    using P = ExportState::Phase;
    std::vector<std::pair<std::string, Change>> c = {
        {"plain-allowed", [](OfficerSnapshot& s) { s.dashboard.encrypted = false; }},
        {"plain-off",
         [](OfficerSnapshot& s) {
             s.dashboard.encrypted = false;
             s.dashboard.plainAllowed = false;
         }},
        {"key-bad", [](OfficerSnapshot& s) { s.dashboard.keyProblem = "kiosk.toml:9: cannot read the key"; }},
        {"loading", [](OfficerSnapshot& s) { s.dashboard.loaded = false; }},
        {"store-unavailable",
         [](OfficerSnapshot& s) {
             s.dashboard.loaded = false;
             s.dashboard.storeError = FaultDetail{};
         }},
        {"store-error",
         [](OfficerSnapshot& s) {
             s.dashboard.loaded = false;
             s.dashboard.storeError =
                 store::databaseFault(store::SqliteError("database disk image is malformed", 11));
         }},
        {"running", [](OfficerSnapshot& s) { s.exporting = {P::Running, 0.45, {}, {}, 0, {}, {}, false}; }},
        {"done", [](OfficerSnapshot& s) { s.exporting = {P::Done, 1, {}, {}, 14, "x-1", "KANTOR", false}; }},
        {"done-again",
         [](OfficerSnapshot& s) { s.exporting = {P::Done, 1, {}, {}, 14, "x-2", "KANTOR", true}; }},
        {"nothing",
         [](OfficerSnapshot& s) { s.exporting = {P::Nothing, 1, {}, {}, 0, {}, "KANTOR", false}; }},
        {"again-gone",
         [](OfficerSnapshot& s) { s.exporting = {P::Nothing, 1, {}, {}, 0, {}, "KANTOR", true}; }},
        {"no-stick", [](OfficerSnapshot& s) { s.target.sticks.clear(); }},
        {"read-only-stick", [](OfficerSnapshot& s) { s.target.sticks.front().readOnly = true; }},
        {"folder",
         [](OfficerSnapshot& s) {
             s.target.sticks.clear();
             s.target.plainFolder = true;
             s.target.folder = "/srv/ekspor";
         }},
    };
    // Each failure as the desk words it: its sentence and the error in parts.
    const std::vector<std::pair<const char*, FaultDetail>> failures = {
        {"officer.export.pulled", systemFault({EIO, std::generic_category()})},
        {"officer.export.full", systemFault({ENOSPC, std::generic_category()})},
        {"officer.export.readonly", systemFault({EROFS, std::generic_category()})},
        {"officer.export.store", store::databaseFault(store::SqliteError("database or disk is full", 13))},
        {"officer.export.failed", {}},
        {"officer.key.bad", {}},
        {"officer.usb.none", {}},
        {"officer.export.plain_off", {}},
        {"officer.export.plain_unconfirmed", {}}};
    for (const auto& [message, detail] : failures)
        c.emplace_back(std::string("failed-") + message,
                       [message = std::string(message), detail](OfficerSnapshot& s) {
                           s.exporting = {P::Failed, 0, message, detail, 0, {}, "KANTOR", false};
                       });
    return c;
}

// Each refusal of a content pack as the pack code reports it (its English detail included, which must
// stay in the log), and an update under way, done and rolled back.
std::vector<std::pair<std::string, Change>> contentChanges()
{
    using R = pack::Refusal;
    const pack::PackInfo info{"0be2d9f6c318", "2026-11-28 08:40", "/media/kiosk/KANTOR/desa-kiosk-konten"};
    const std::vector<pack::Outcome> outcomes = {
        {R::NotFound, "no folder desa-kiosk-konten on a USB stick", {}, {}},
        {R::Unsigned,
         "MANIFEST.sig is missing in /media/kiosk/KANTOR/desa-kiosk-konten",
         {},
         {.file = "MANIFEST.sig"}},
        {R::NoTrustedKey, "no key in [content] trusted_keys of kiosk.toml", {}, {}},
        {R::UntrustedKey,
         "signed with key 9c1e77d04a2b5f36…, which this kiosk does not trust",
         {},
         {.keyId = "9c1e77d04a2b5f36"}},
        {R::BadSignature,
         "the signature does not match MANIFEST: it was changed after signing",
         {},
         {.file = "MANIFEST"}},
        {R::Tampered,
         "content/id/ui.toml is not the file that was signed",
         info,
         {.file = "content/id/ui.toml"}},
        {R::Invalid,
         "3 content errors; the first: /x/content/id/ui.toml:4: unknown key 'oops'",
         info,
         {.file = "content/id/ui.toml", .line = 4, .count = 3}},
        {R::AlreadyShown, "pack 0be2d9f6c318 is already shown", info, {}},
        {R::NoPrevious, "no earlier pack is kept", {}, {}},
        {R::Failed,
         "cannot read /media/kiosk/KANTOR/desa-kiosk-konten/MANIFEST: Input/output error",
         {},
         systemFault({EIO, std::generic_category()})}};
    std::vector<std::pair<std::string, Change>> c;
    for (const pack::Outcome& o : outcomes) {
        TestBoard board;
        desk::showContentChange(board, o);
        const ContentUpdate update = board.snapshot()->content;
        c.emplace_back(std::string("content-") + pack::refusalName(o.refusal), [update](OfficerSnapshot& s) {
            s.content.phase = update.phase;
            s.content.refusal = update.refusal;
            s.content.detail = update.detail;
            s.content.packId = update.packId;
        });
    }
    c.emplace_back("content-running", [](OfficerSnapshot& s) {
        s.content.phase = ContentUpdate::Phase::Running;
        s.content.progress = 0.3;
    });
    c.emplace_back("content-done", [](OfficerSnapshot& s) { s.content.phase = ContentUpdate::Phase::Done; });
    c.emplace_back("content-rolled-back", [](OfficerSnapshot& s) {
        s.content.phase = ContentUpdate::Phase::Done;
        s.content.rollback = true;
    });
    c.emplace_back("content-untrusted", [](OfficerSnapshot& s) { s.content.trusted = false; });
    return c;
}

// The audit log as the store writes it: every kind, each from the code that writes it, plus a kind
// the kiosk does not know and a detail not as the kiosk writes it.
std::vector<OfficerDashboard::Entry> auditOfEveryKind()
{
    test::ExportFixture fx; // five requests in a kiosk database
    fx.clock.set(1'795'946'400'000);
    store::OfficerAccess access(fx.db, fx.clock);
    (void)access.check("123456"); // officer-login-no-pin
    access.setPin("246810");      // pin-changed first
    for (int i = 0; i < store::kPinFailuresBeforeLockout; ++i)
        (void)access.check("000000"); // officer-login-failed, then officer-lockout
    (void)access.check("246810");     // officer-login-locked
    fx.clock.advance(store::kFirstLockoutMs + 1'000);
    (void)access.check("246810"); // officer-login-ok
    access.setPin("135790");      // pin-changed replaced

    exporter::PosixFileWriter files;
    exporter::ExportOptions options;
    options.destination = fx.dest;
    options.kioskId = "CMG";
    options.nowMs = fx.clock.now();
    const exporter::ExportResult first = exporter::exportBatch(fx.db, files, options); // export, plain
    options.officeKey = exporter::makeKeyPair().publicKey;
    options.againBatch = first.batchId;
    (void)exporter::exportBatch(fx.db, files, options); // re-export, sealed
    fx.clock.advance(15 * 86'400'000LL);
    REQUIRE(store::purgeCollected(fx.db, fx.clock.now(), 14) == 5); // purge

    KioskSettings changed;
    changed.volume = 60;
    changed.speechRate = 140;
    changed.defaultLang = Lang::Jv;
    changed.theme = Theme::HighContrast;
    store::saveSettings(fx.db, fx.clock.now(), KioskSettings{}, changed); // settings
    TestBoard board;
    desk::noteContentVersion(fx.db, test::dataDir(), fx.clock, board); // content-loaded
    std::ostringstream log;
    desk::auditContentChange(fx.db, fx.clock.now(), false,
                             {pack::Refusal::None, {}, {"3f9a1c07b2e4", "", ""}, {}}, log);
    desk::auditContentChange(fx.db, fx.clock.now(), false, {pack::Refusal::UntrustedKey, "x", {}, {}}, log);
    desk::auditContentChange(fx.db, fx.clock.now(), true,
                             {pack::Refusal::None, {}, {"a71d0c41f2a7", "", ""}, {}}, log);
    desk::auditContentChange(fx.db, fx.clock.now(), true, {pack::Refusal::NoPrevious, "x", {}, {}}, log);
    statuspack::Read statusTaken; // status-pack, taken and refused
    statusTaken.pack.book = {"CMG", "2026-12-02 14:05", {{"CMG-0001", RequestStatus::Done, "2026-12-01"}}};
    desk::reportStatusTaken(statusTaken, &fx.db, fx.clock.now(), board, log);
    statuspack::Read statusRefused;
    statusRefused.refusal = statuspack::Refusal::OtherKiosk;
    desk::reportStatusTaken(statusRefused, &fx.db, fx.clock.now(), board, log);
    store::appendAudit(fx.db, fx.clock.now(), "cosmic-ray", "bits=3 which this kiosk does not know");
    store::appendAudit(fx.db, fx.clock.now(), "export", "batch=9f3c count=lots of them sealed=perhaps");

    std::vector<OfficerDashboard::Entry> entries;
    std::set<std::string> kinds;
    for (const store::AuditEntry& a : store::recentAudit(fx.db, 100)) {
        entries.push_back({a.atMs, a.kind, a.detail});
        kinds.insert(a.kind);
    }
    for (const std::string_view kind : auditKinds())
        CHECK_MESSAGE(kinds.count(std::string(kind)), "no audit entry of kind ", kind);
    return entries;
}

// The kiosk card with every kind of trouble: a database moved aside, content and settings problems
// as the checks word them (English, for the technician).
Change kioskTrouble()
{
    test::TempDir dir;
    Problems config;
    (void)Config::load(dir.write("kiosk.toml", "[kiosk]\nid = \"cmg\"\n[officer]\nretention_day = 3\n"
                                               "allow_plain_export = \"no\"\n[idle]\nafter_seconds = 5\n"),
                       config);
    REQUIRE(config.size() >= 3);
    return [config](OfficerSnapshot& s) {
        s.dashboard.events = {
            {1'795'900'000'000, "database-moved-aside", "/var/lib/desa-kiosk/kiosk.db.corrupt-3"}};
        s.dashboard.contentProblems = {
            "/opt/desa-kiosk/data/content/jv/pages/passport.toml:12: the link target 'x' is not a page",
            "content.trusted_keys: cannot read /etc/desa-kiosk/kantor.sign.public: No such file or "
            "directory"};
        s.dashboard.contentFromLastGood = true;
        s.dashboard.configProblems = config;
    };
}

// Every officer state this test draws.
std::vector<State> officerStates(const Content& content)
{
    std::shared_ptr<const OfficerSnapshot> base;
    for (const Still& still : tourStills(content))
        if (still.name == "officer-dashboard")
            base = still.officer;
    REQUIRE(base);
    std::vector<State> states;
    pinStates(states, base);
    OfficerSession in;
    in.loggedIn = true;
    const auto add = [&](const std::string& name, const Change& change, const OfficerSession& officer) {
        auto desk = std::make_shared<OfficerSnapshot>(*base);
        change(*desk);
        states.push_back({name, Route::officerDashboard(), officer, desk});
    };
    add(
        "dashboard", [](OfficerSnapshot&) {}, in);
    for (const auto& [name, change] : exportChanges())
        add(name, change, in);
    for (const ExportAsk& ask :
         {ExportAsk{ExportScope::New, std::nullopt, false}, ExportAsk{ExportScope::All, std::nullopt, false},
          ExportAsk{ExportScope::New, BatchId{"9f3c2a71d0"}, false}}) {
        OfficerSession asking = in;
        asking.plainExport = ask;
        add(
            "confirm", [](OfficerSnapshot& s) { s.dashboard.encrypted = false; }, asking);
    }
    for (const auto& [name, change] : contentChanges())
        add(name, change, in);
    add(
        "settings-unknown", [](OfficerSnapshot& s) { s.settings.reset(); }, in);
    add(
        "settings-changed",
        [](OfficerSnapshot& s) {
            s.settings->theme = Theme::HighContrast;
            s.settings->defaultLang = Lang::Jv;
            s.settings->speechRate = 110;
        },
        in);
    const auto audit = auditOfEveryKind();
    add(
        "audit", [audit](OfficerSnapshot& s) { s.dashboard.audit = audit; }, in);
    add(
        "audit-empty",
        [](OfficerSnapshot& s) {
            s.dashboard.audit.clear();
            s.dashboard.usage.clear();
            s.dashboard.batches.clear();
            s.dashboard.oldestFreshMs.reset();
        },
        in);
    add("kiosk-trouble", kioskTrouble(), in);
    return states;
}

} // namespace

TEST_CASE("the English checker finds machine text and lets the officer's languages through")
{
    const std::vector<std::string> none;
    for (const char* english :
         {"signed with key 9c1e77d04a2b5f36…, which this kiosk does not trust", "Input/output error",
          "batch=9f3c2a71d0 count=18 marked=18 sealed=yes", "No space left on device",
          "Read-only file system", "the database is unavailable", "step: database or disk is full",
          "kiosk.toml:6: officer.retention_days must be a whole number of days from 1 to 365"})
        CHECK_MESSAGE(!englishRuns(english, none).empty(), english);
    // Indonesian and Javanese have no run of these words of their own.
    const Strings& strings = test::shippedContent().strings;
    for (const Lang lang : {Lang::Id, Lang::Jv})
        for (const auto& [key, text] : strings.table(lang))
            CHECK_MESSAGE(englishRuns(text, none).empty(), key, ": ", text);
    // The words of ui.toml are let through where they are, not beside other words.
    const std::vector<std::string> ui{" salin the database is full di usb "};
    CHECK(englishRuns("Salin: the database is full", ui).empty());
    CHECK_FALSE(englishRuns("the database is locked", ui).empty());
}

TEST_CASE("every officer state in Indonesian and Javanese: no English words that are not from ui.toml")
{
    Harness k;
    const std::vector<State> states = officerStates(k.content());
    REQUIRE(states.size() > 60);
    for (const Lang lang : {Lang::Id, Lang::Jv}) {
        const std::vector<std::string> allowed = uiWords(k.strings(), lang);
        for (const State& state : states)
            for (const bool atEnd : {false, true}) {
                if (atEnd && state.route.kind != ScreenKind::OfficerDashboard)
                    continue;
                Still still{state.name, state.route};
                still.officerSession = state.officer;
                still.officer = state.desk;
                still.atEnd = atEnd;
                k.stage().show(still, lang);
                k.frames(3);
                INFO(state.name, std::string(atEnd ? " (end)" : ""), " ", langCode(lang));
                REQUIRE(k.map().screen == state.route.screenId());
                CHECK_FALSE(k.map().texts.empty());
                for (const std::string& words : mapWords(k.map()))
                    for (const std::string& run : englishRuns(words, allowed))
                        FAIL_CHECK("English on screen: \"" << run << "\" in \"" << words << "\"");
            }
    }
    for (const auto& key : k.strings().missing())
        FAIL_CHECK("no text for " << key);
}

TEST_CASE("the audit log reads as sentences in the screen's language, never in its machine form")
{
    Harness k;
    const std::vector<State> states = officerStates(k.content());
    const auto audit =
        std::find_if(states.begin(), states.end(), [](const State& s) { return s.name == "audit"; });
    REQUIRE(audit != states.end());
    const std::vector<std::pair<Lang, std::vector<std::string>>> expected = {
        {Lang::Id,
         {"5 permintaan disalin ke USB TANPA enkripsi (salinan ",
          "5 permintaan disalin ulang ke USB, terenkripsi", "PIN salah dimasukkan (1 kali berturut-turut).",
          "Mode petugas dikunci selama 5 menit (penguncian ke-1).",
          "5 permintaan yang sudah disalin dihapus dari kios, 14 hari setelah disalin.",
          "Volume suara diubah dari 80% menjadi 60%. Kecepatan suara diubah dari 155 menjadi 140 kata/menit. "
          "Bahasa awal diubah dari Indonesia menjadi Jawa. Tampilan diubah dari Biasa menjadi Kontras "
          "tinggi.",
          "Pembaruan konten ditolak: paket ditandatangani dengan kunci yang tidak dipercaya kios ini.",
          "Paket konten 3f9a1c07b2e4 dipasang.", "Kegiatan lain tercatat (cosmic-ray)."}},
        {Lang::Jv,
         {"5 panyuwunan dipunsalin dhateng USB TANPA enkripsi (salinan ", "PIN petugas dipungantos.",
          "Konten saderengipun boten dipunwangsulaken: boten wonten konten saderengipun."}}};
    for (const auto& [lang, sentences] : expected) {
        Still still{audit->name, audit->route};
        still.officerSession = audit->officer;
        still.officer = audit->desk;
        k.stage().show(still, lang);
        k.frames(3);
        const std::vector<std::string>& texts = k.map().texts;
        const auto shown = [&](const std::string& part) {
            return std::any_of(texts.begin(), texts.end(),
                               [&](const std::string& t) { return t.find(part) != std::string::npos; });
        };
        for (const std::string& sentence : sentences)
            CHECK_MESSAGE(shown(sentence), langCode(lang), ": ", sentence);
        for (const char* machine : {"batch=", "count=", "failures=", "seconds", "version=", " -> ",
                                    "shown ok", "refused ", "bits="})
            CHECK_MESSAGE(!shown(machine), langCode(lang), ": ", machine);
    }
}
