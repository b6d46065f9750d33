// Status packs from the ledger, on both stores: the resident's status and day of every request
// (purged ones too), one signed file per kiosk that a kiosk accepts, with no name, phone, note,
// partner or topic in its bytes; written whole; the signing key checked; `desa-office status-pack`.
#include "cli/office_cli.hpp"
#include "desk/desk.hpp"
#include "export/signing.hpp"
#include "export/status_pack.hpp"
#include "ledger/accounts.hpp"
#include "ledger/ledger.hpp"
#include "ledger/status_pack.hpp"

#include "desk_html.hpp"
#include "office_support.hpp"

#include <httplib.h>
#include <sys/stat.h>

#include <sstream>
#include <thread>

namespace fs = std::filesystem;
using namespace kiosk;
using namespace kiosk::office;
using test::kDay;
using test::kOfficeT0;

namespace {

const std::vector<std::string> kPartners{"Disnaker Sragen", "SAPA 129"};

struct Signing {
    test::TempDir dir;
    fs::path pub, sec;
    std::vector<signing::PublicKey> trusted;
    Signing()
    {
        std::tie(pub, sec) = signing::makeSigningKeys(dir.path() / "kantor");
        trusted = {signing::readPublicKey(pub)};
    }
};

const StatusEntry* find(const statuspack::StatusPack& pack, const std::string& reference)
{
    for (const StatusEntry& e : pack.book.entries)
        if (e.reference == reference)
            return &e;
    return nullptr;
}

void follow(Store& store, const std::string& ref, Outcome outcome, std::int64_t at,
            const std::string& partner = "", const std::string& note = "")
{
    FollowUp f;
    f.request = ref;
    f.outcome = outcome;
    f.partner = partner;
    f.note = note;
    f.who = "petugas-b";
    f.atMs = at;
    (void)addFollowUp(store, f, kPartners);
}

struct Run {
    int code = 0;
    std::string out, err;
};

Run run(std::vector<std::string> args)
{
    args.insert(args.begin(), "desa-office");
    std::vector<const char*> argv;
    for (const std::string& a : args)
        argv.push_back(a.c_str());
    std::ostringstream out, err;
    Run r;
    r.code = runOffice(static_cast<int>(argv.size()), argv.data(), out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

bool has(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

// The message of the std::runtime_error `body` throws ("" when it throws none).
template <typename Body> std::string thrown(const Body& body)
{
    try {
        body();
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("status pack: the ledger's statuses as residents are told them")
{
    CHECK(residentStatus("baru") == RequestStatus::Received);
    CHECK(residentStatus("dicoba") == RequestStatus::Received);
    CHECK(residentStatus("dihubungi") == RequestStatus::Contacted);
    CHECK(residentStatus("dirujuk") == RequestStatus::Contacted);
    CHECK(residentStatus("selesai") == RequestStatus::Done);
    CHECK_FALSE(residentStatus("purged").has_value());
    for (const std::string_view s : kStatuses)
        CHECK(residentStatus(s).has_value());
}

TEST_CASE_TEMPLATE("status pack: each kiosk's file from the ledger, signed, with nothing personal in it",
                   Kind, test::SqliteKind, test::PostgresKind)
{
    test::TempDir dir;
    const auto store = Kind::open(dir);
    test::OfficeKeys keys;
    test::Stick stick(keys.pair.publicKey);
    const fs::path roots[] = {stick.root};
    // Imported 2026-12-12 08:00 WIB.
    const std::int64_t imported = kOfficeT0 + 40 * kDay;
    REQUIRE(importPaths(*store, roots, test::importOptions(keys.pair.secretKey, imported)).added() == 60);
    // What is personal in the ledger, to look for in the files.
    std::vector<std::string> personal{"SAPA",   "Disnaker", "Bu Siti",     "petugas",
                                      "Krajan", "passport", "trafficking", "work-abroad"};
    for (const LedgerRequest& r : listRequests(*store, {}, {})) {
        personal.push_back(r.name);
        personal.push_back(r.phone);
        personal.push_back(r.note.substr(0, 8));
    }

    follow(*store, "CMG-0001", Outcome::NoAnswer, imported + 1 * kDay);
    follow(*store, "CMG-0002", Outcome::Reached, imported + 2 * kDay);
    follow(*store, "CMG-0003", Outcome::Referred, imported + 3 * kDay, "SAPA 129", "dirujuk, Bu Siti");
    follow(*store, "CMG-0005", Outcome::Reached, imported + 2 * kDay);
    follow(*store, "CMG-0005", Outcome::Referred, imported + 4 * kDay, "Disnaker Sragen");
    follow(*store, "CMG-0004", Outcome::Reached, imported + 2 * kDay, "", "sudah ditelepon");
    follow(*store, "CMG-0004", Outcome::Done, imported + 4 * kDay, "", "selesai, Bu Siti puas");
    // Retention empties CMG-0004's personal data: it stays selesai with its day.
    REQUIRE(purge(*store, 1, "petugas-b", imported + 10 * kDay) == 1);

    const std::int64_t now = imported + 11 * kDay;
    const statuspack::StatusPack cmg = statusPackOf(*store, "CMG", now);
    CHECK(cmg.book.kioskId == "CMG");
    CHECK(cmg.createdMs == now);
    CHECK(cmg.book.created == "2026-12-23 08:00");
    REQUIRE(cmg.book.entries.size() == 20);
    CHECK(cmg.book.entries.front().reference == "CMG-0001");
    CHECK(cmg.book.entries.back().reference == "CMG-0020");
    const auto expect = [&](const char* ref, RequestStatus status, const char* date) {
        const StatusEntry* e = find(cmg, ref);
        REQUIRE_MESSAGE(e, ref);
        CHECK_MESSAGE(e->status == status, ref);
        CHECK_MESSAGE(e->date == date, ref);
    };
    expect("CMG-0001", RequestStatus::Received, "2026-12-12");  // dicoba: the day it was imported
    expect("CMG-0002", RequestStatus::Contacted, "2026-12-14"); // reached
    expect("CMG-0003", RequestStatus::Contacted, "2026-12-15"); // referred
    expect("CMG-0005", RequestStatus::Contacted, "2026-12-14"); // reached, then referred: the first
    expect("CMG-0004", RequestStatus::Done, "2026-12-16");      // done, then purged
    expect("CMG-0020", RequestStatus::Received, "2026-12-12");  // baru

    Signing office;
    const fs::path out = dir.path() / "out";
    const StatusPackSummary summary = writeStatusPacks(*store, office.sec, out, now);
    REQUIRE(summary.files.size() == 3);
    CHECK(summary.requests() == 60);
    CHECK(summary.skipped.empty());
    CHECK(summary.files[0].kioskId == "CMG");
    CHECK(summary.files[0].received == 16);
    CHECK(summary.files[0].contacted == 3);
    CHECK(summary.files[0].done == 1);
    // Exactly the three files, no temporary file left beside them.
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(out / "desa-kiosk-status"))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"CMG.status", "KRJ.status", "SDR.status"});

    for (const StatusPackFile& f : summary.files) {
        const std::string bytes = test::readFile(f.file);
        const statuspack::Read r = statuspack::read(bytes, office.trusted, f.kioskId);
        REQUIRE_MESSAGE(r.ok(), r.detail);
        CHECK(r.pack.book.entries.size() == 20);
        for (const std::string& p : personal)
            CHECK_MESSAGE(!has(bytes, p), std::string(f.kioskId + " holds \"" + p + "\""));
        CHECK(!has(bytes, "+62"));
        // The desk's download is the same file (Ed25519 signatures are deterministic).
        CHECK(statusPackBytes(*store, f.kioskId, office.sec, now) == bytes);
    }
    // Made again later: the files are replaced whole.
    const StatusPackSummary again = writeStatusPacks(*store, office.sec, out, now + kDay);
    CHECK(statuspack::read(test::readFile(again.files[0].file), office.trusted, "CMG").pack.createdMs ==
          now + kDay);

    // The sealing key instead of the signing key, or a key others can read: refused before anything
    // is written.
    const fs::path elsewhere = dir.path() / "elsewhere";
    CHECK(has(thrown([&] { (void)writeStatusPacks(*store, keys.secretFile, elsewhere, now); }),
              "is the office's sealing key"));
    ::chmod(office.sec.c_str(), 0644);
    CHECK(has(thrown([&] { (void)writeStatusPacks(*store, office.sec, elsewhere, now); }),
              "can be read by other users (mode 0644)"));
    CHECK_FALSE(fs::exists(elsewhere));
    CHECK_THROWS_AS((void)statusPackOf(*store, "../x", now), std::invalid_argument);
}

TEST_CASE_TEMPLATE("desa-office status-pack: the files for a stick, the key from office.toml", Kind,
                   test::SqliteKind, test::PostgresKind)
{
    test::TempDir dir;
    (void)Kind::open(dir);
    test::OfficeKeys keys;
    test::Stick stick(keys.pair.publicKey);
    Signing office;
    const fs::path out = dir.path() / "stick";
    const fs::path bare =
        dir.write("bare.toml", "[office]\nsecret_key = \"" + keys.secretFile.string() + "\"\n");
    const fs::path config =
        dir.write("office.toml", "[office]\nsecret_key = \"" + keys.secretFile.string() +
                                     "\"\n[status]\nsigning_key = \"" + office.sec.string() + "\"\n");
    const auto with = [&](const fs::path& cfg, std::vector<std::string> args) {
        args.insert(args.begin(), {"--database", Kind::database(dir), "--config", cfg.string()});
        return run(args);
    };

    Run r = with(config, {"status-pack", "--out", out.string()});
    CHECK_MESSAGE(r.code == 0, r.err);
    CHECK(r.out == "no kiosk yet: import a stick first (desa-office import PATH)\n");
    REQUIRE(with(config, {"import", stick.root.string()}).code == 0);
    REQUIRE(with(config, {"follow-up", "KRJ-0002", "--outcome", "reached"}).code == 0);

    // No signing key named: what to give, and nothing written.
    r = with(bare, {"status-pack", "--out", out.string()});
    CHECK(r.code == 2);
    CHECK(has(r.err, "status-pack needs the office's signing key: --key NAME.sign.secret"));
    CHECK_FALSE(fs::exists(out / "desa-kiosk-status"));
    // The sealing key given: named as such.
    r = with(bare, {"status-pack", "--key", keys.secretFile.string(), "--out", out.string()});
    CHECK(r.code == 1);
    CHECK(has(r.err,
              "is the office's sealing key (from `kiosk keygen`, for opening batches), not its signing key"));
    CHECK(with(bare, {"status-pack"}).code != 0); // --out is required

    r = with(config, {"status-pack", "--out", out.string()});
    CHECK_MESSAGE(r.code == 0, r.err);
    CHECK(has(r.out, "CMG: 20 requests (20 diterima, 0 dihubungi, 0 selesai) -> " +
                         (out / "desa-kiosk-status" / "CMG.status").string() + "\n"));
    CHECK(has(r.out, "KRJ: 20 requests (19 diterima, 1 dihubungi, 0 selesai)"));
    CHECK(has(r.out, "total: 3 files, 60 requests; copy the folder desa-kiosk-status onto the stick"));
    const statuspack::Read krj =
        statuspack::read(test::readFile(out / "desa-kiosk-status" / "KRJ.status"), office.trusted, "KRJ");
    REQUIRE_MESSAGE(krj.ok(), krj.detail);
    CHECK(find(krj.pack, "KRJ-0002")->status == RequestStatus::Contacted);
    // --key wins over office.toml.
    Signing other;
    r = with(config, {"status-pack", "--key", other.sec.string(), "--out", out.string()});
    CHECK(r.code == 0);
    CHECK(statuspack::read(test::readFile(out / "desa-kiosk-status" / "CMG.status"), other.trusted, "CMG")
              .ok());
}

namespace {

// The desk on a free loopback port over the ledger of `store`, with `signingKey` in its office.toml.
struct StatusDesk {
    std::ostringstream log;
    std::unique_ptr<desk::Desk> server;
    std::thread thread;
    int port = 0;
    StatusDesk(const std::string& database, const fs::path& signingKey)
    {
        desk::DeskOptions o;
        o.config.villages = {{"CMG", "Desa Cemeng"}};
        o.config.signingKey = signingKey;
        o.database = database;
        o.connections = 2;
        o.threads = 4;
        o.clock = [] { return kOfficeT0 + 41 * kDay; };
        o.log = &log;
        server = std::make_unique<desk::Desk>(o);
        port = server->bind("127.0.0.1", 0);
        thread = std::thread([this] { server->run(); });
    }
    ~StatusDesk()
    {
        server->stop();
        thread.join();
    }
    StatusDesk(const StatusDesk&) = delete;
    StatusDesk& operator=(const StatusDesk&) = delete;
};

// Signs in as `name` on `http`; returns the session's cookie.
std::string signIn(httplib::Client& http, const std::string& name, const std::string& password)
{
    const httplib::Result form = http.Get("/masuk");
    REQUIRE(form);
    const std::string setCookie = form->get_header_value("Set-Cookie");
    std::string cookie = setCookie.substr(0, setCookie.find(';'));
    const std::string token = test::firstHtmlValue(form->body, "name=\"csrf\" value=\"");
    REQUIRE(token.size() == 64);
    const httplib::Result in =
        http.Post("/masuk", {{"Cookie", cookie}},
                  httplib::Params{{"nama", name}, {"sandi", password}, {"csrf", token}});
    REQUIRE(in);
    REQUIRE(in->status == 303);
    if (in->has_header("Set-Cookie"))
        cookie = in->get_header_value("Set-Cookie").substr(0, in->get_header_value("Set-Cookie").find(';'));
    return cookie;
}

} // namespace

TEST_CASE_TEMPLATE("the desk's Status untuk kios: one signed file per kiosk to download, nothing personal",
                   Kind, test::SqliteKind, test::PostgresKind)
{
    test::TempDir dir;
    const auto store = Kind::open(dir);
    test::OfficeKeys keys;
    test::Stick stick(keys.pair.publicKey, 2);
    const fs::path roots[] = {stick.root};
    REQUIRE(importPaths(*store, roots, test::importOptions(keys.pair.secretKey)).added() == 30);
    addUser(*store, "petugas", Role::Officer, "sandi-petugas-panjang", kOfficeT0);
    Signing office;

    SUBCASE("with the signing key: a link per kiosk, each file the kiosk's own and signed")
    {
        StatusDesk desk(Kind::database(dir), office.sec);
        httplib::Client http("127.0.0.1", desk.port);
        // Without a session: the sign-in page, nothing made.
        const httplib::Result anonymous = http.Get("/status/CMG.status");
        REQUIRE(anonymous);
        CHECK(anonymous->status == 303);
        CHECK(anonymous->get_header_value("Location") == "/masuk");

        const httplib::Headers session{{"Cookie", signIn(http, "petugas", "sandi-petugas-panjang")}};
        const httplib::Result page = http.Get("/status", session);
        REQUIRE(page);
        CHECK(page->status == 200);
        for (const char* kiosk : {"CMG", "KRJ", "SDR"})
            CHECK(has(page->body, "href=\"/status/" + std::string(kiosk) + ".status\""));
        const httplib::Result file = http.Get("/status/CMG.status", session);
        REQUIRE(file);
        CHECK(file->status == 200);
        CHECK(has(file->get_header_value("Content-Disposition"), "filename=\"CMG.status\""));
        const statuspack::Read r = statuspack::read(file->body, office.trusted, "CMG");
        REQUIRE_MESSAGE(r.ok(), r.detail);
        CHECK(r.pack.book.entries.size() == 10);
        for (const LedgerRequest& q : listRequests(*store, {}, {})) {
            CHECK(!has(file->body, q.name));
            CHECK(!has(file->body, q.phone));
        }
        CHECK(http.Get("/status/cmg.status", session)->status == 404);
        CHECK(http.Get("/status/..%2Fx.status", session)->status == 404);
        // The download is in the desk's audit log.
        CHECK(store->query("SELECT 1 FROM desk_audit WHERE action = 'unduh-status'").size() == 1);
    }
    SUBCASE("without a signing key: why no file is offered")
    {
        StatusDesk desk(Kind::database(dir), {});
        httplib::Client http("127.0.0.1", desk.port);
        const httplib::Headers session{{"Cookie", signIn(http, "petugas", "sandi-petugas-panjang")}};
        const httplib::Result page = http.Get("/status", session);
        REQUIRE(page);
        CHECK(
            has(page->body, "Kunci tanda tangan kantor belum diatur ([status] signing_key di office.toml)"));
        CHECK(!has(page->body, "href=\"/status/"));
        CHECK(http.Get("/status/CMG.status", session)->status == 404);
    }
}
