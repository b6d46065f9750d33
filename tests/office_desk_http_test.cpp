// The desk over HTTP on both stores: a real server on a loopback port driven by httplib's client —
// sign-in and lockout, sessions and cookies, CSRF on every form, access, escaping, SQL injection in
// every filter, uploads (hostile names, limits, a real sealed batch) and follow-up into the queue,
// the report and the audit log.
#include "cli/office_cli.hpp"
#include "desk/desk.hpp"
#include "desk/sessions.hpp"
#include "export/signing.hpp"
#include "export/status_pack.hpp"
#include "ledger/accounts.hpp"
#include "ledger/config.hpp"
#include "ledger/ledger.hpp"

#include "office_support.hpp"

#include <httplib.h>

#include <atomic>
#include <thread>

namespace fs = std::filesystem;
using namespace kiosk;
using namespace kiosk::office;
using test::kDay;
using test::kHourMs;
using test::kOfficeT0;

namespace {

const std::vector<std::string> kPartners{"Disnaker Sragen", "SAPA 129"};
constexpr const char* kAdminPassword = "sandi-admin-panjang";
constexpr const char* kOfficerPassword = "sandi-petugas-panjang";

// A ledger with one kiosk's batch (6 requests: one named <script>, one trafficking report) and a
// desk serving it on a free loopback port.
template <class Kind> struct DeskFixture {
    test::TempDir dir;
    std::unique_ptr<Store> store = Kind::open(dir);
    test::OfficeKeys keys;
    test::TempDir stickDir;
    test::Kiosk cmg{"CMG"};
    exporter::ExportResult batch;
    std::atomic<std::int64_t> now{kOfficeT0 + 10 * kDay};
    std::ostringstream log;
    std::unique_ptr<desk::Desk> server;
    std::thread thread;
    int port = 0;

    fs::path signingPublic, signingSecret;

    explicit DeskFixture(bool behindProxy = false, bool importFirst = true, bool signing = true)
    {
        if (signing)
            std::tie(signingPublic, signingSecret) = signing::makeSigningKeys(keys.dir.path() / "kantor");
        test::useKioskTimeZone();
        std::vector<store::NewRequest> requests;
        for (long n = 1; n <= 6; ++n) {
            CallbackRequest r = test::numberedRequest(n);
            if (n == 1)
                r.name = "<script>alert(1)</script>";
            r.topic = n == 2 ? RequestTopic::Trafficking : RequestTopic::Passport;
            requests.push_back({r, kOfficeT0 + n * 60'000});
        }
        cmg.opened.store->insertBatch(requests);
        batch = cmg.exportTo(stickDir.path(), kOfficeT0 + kHourMs, keys.pair.publicKey);
        REQUIRE(batch.count == 6);
        if (importFirst) {
            const std::vector<fs::path> paths{stickDir.path()};
            REQUIRE(
                importPaths(*store, paths, test::importOptions(keys.pair.secretKey, kOfficeT0 + 2 * kHourMs))
                    .added() == 6);
        }
        addUser(*store, "admin", Role::Admin, kAdminPassword, kOfficeT0);
        addUser(*store, "petugas", Role::Officer, kOfficerPassword, kOfficeT0);

        desk::DeskOptions o;
        o.config.partners = kPartners;
        o.config.villages = {{"CMG", "Desa Cemeng"}};
        o.config.secretKey = keys.secretFile;
        o.config.signingKey = signingSecret;
        o.config.desk.behindProxy = behindProxy;
        o.config.desk.uploadDir = dir.path() / "unggahan";
        o.config.desk.uploadMaxMb = 1;
        o.config.desk.uploadMaxFiles = 20;
        o.database = Kind::database(dir);
        o.connections = 4;
        o.clock = [this] { return now.load(); };
        o.log = &log;
        server = std::make_unique<desk::Desk>(o);
        port = server->bind("127.0.0.1", 0);
        thread = std::thread([this] { server->run(); });
    }
    ~DeskFixture()
    {
        server->stop();
        thread.join();
    }
    DeskFixture(const DeskFixture&) = delete;
    DeskFixture& operator=(const DeskFixture&) = delete;

    std::string uidOf(const std::string& name)
    {
        return store->query("SELECT uid FROM requests WHERE name = $1", {name}).at(0).text(0);
    }
};

// A browser of one person: the session cookie kept, the CSRF token read from the last page.
struct Browser {
    httplib::Client http;
    std::string cookie; // "meja_sesi=…"
    std::string setCookie;
    std::string csrf;

    explicit Browser(int port) : http("127.0.0.1", port) {}

    httplib::Headers headers(const httplib::Headers& extra = {}) const
    {
        httplib::Headers h = extra;
        if (!cookie.empty())
            h.emplace("Cookie", cookie);
        return h;
    }
    void remember(const httplib::Result& r)
    {
        REQUIRE(r);
        if (r->has_header("Set-Cookie")) {
            setCookie = r->get_header_value("Set-Cookie");
            cookie = setCookie.substr(0, setCookie.find(';'));
        }
        // The token of the page's first form (no std::regex: GCC 12's -O1 sanitizer build warns inside it).
        const std::string marker = "name=\"csrf\" value=\"";
        if (const std::size_t at = r->body.find(marker); at != std::string::npos) {
            const std::string token = r->body.substr(at + marker.size(), 64);
            if (token.size() == 64 && token.find_first_not_of("0123456789abcdef") == std::string::npos)
                csrf = token;
        }
    }
    httplib::Result get(const std::string& path, const httplib::Headers& extra = {})
    {
        httplib::Result r = http.Get(path, headers(extra));
        remember(r);
        return r;
    }
    httplib::Result post(const std::string& path, httplib::Params params, bool withCsrf = true,
                         const httplib::Headers& extra = {})
    {
        if (withCsrf)
            params.emplace("csrf", csrf);
        httplib::Result r = http.Post(path, headers(extra), params);
        remember(r);
        return r;
    }
    // Signs in; returns the final status of the POST (303 when it worked).
    int signIn(const std::string& name, const std::string& password)
    {
        get("/masuk");
        return post("/masuk", {{"nama", name}, {"sandi", password}})->status;
    }
};

std::size_t rowsIn(const std::string& html)
{
    std::size_t n = 0;
    for (std::size_t at = 0; (at = html.find("<tr data-uid=", at)) != std::string::npos; ++at)
        ++n;
    return n;
}

std::int64_t eventCount(Store& store)
{
    return test::countOf(store, "SELECT COUNT(*) FROM events");
}

// Every page that needs a session.
const std::vector<std::string> kPages{
    "/unggah",      "/laporan/grafik.svg", "/",       "/antrean", "/permintaan/CMG-x", "/kios", "/laporan",
    "/laporan.csv", "/laporan/cetak",      "/status", "/pengguna"};

} // namespace

TEST_CASE_TEMPLATE("desk: sign-in, a new session id, cookie flags, sign-out and the idle end", Kind,
                   test::SqliteKind, test::PostgresKind)
{
    DeskFixture<Kind> f;
    Browser b(f.port);
    for (const std::string& page : kPages) {
        CAPTURE(page);
        const httplib::Result r = b.get(page);
        CHECK(r->status == 303);
        CHECK(r->get_header_value("Location") == "/masuk");
    }
    const httplib::Result health = b.get("/sehat");
    CHECK(health->status == 200);
    CHECK(health->body == "ok\n");

    const httplib::Result form = b.get("/masuk");
    CHECK(form->status == 200);
    CHECK(form->body.find("<main id=\"masuk\"") != std::string::npos);
    CHECK(form->get_header_value("Content-Security-Policy").starts_with("default-src 'self'"));
    const std::string before = b.cookie;
    REQUIRE(before.size() == std::string("meja_sesi=").size() + 64);

    CHECK(b.post("/masuk", {{"nama", "admin"}, {"sandi", kAdminPassword}})->status == 303);
    CHECK(b.cookie != before);
    CHECK(b.setCookie.find("HttpOnly") != std::string::npos);
    CHECK(b.setCookie.find("SameSite=Strict") != std::string::npos);
    CHECK(b.setCookie.find("Path=/") != std::string::npos);
    CHECK(b.setCookie.find("Secure") == std::string::npos);
    const httplib::Result queue = b.get("/antrean");
    CHECK(queue->status == 200);
    CHECK(queue->body.find("<main id=\"antrean\"") != std::string::npos);
    CHECK(rowsIn(queue->body) == 6);

    // The id from before the sign-in opens nothing.
    Browser old(f.port);
    old.cookie = before;
    CHECK(old.get("/antrean")->status == 303);

    // 29 minutes without use: still in; 31 more: out.
    f.now += 29 * 60'000;
    CHECK(b.get("/kios")->status == 200);
    f.now += 31 * 60'000;
    CHECK(b.get("/kios")->status == 303);

    CHECK(b.signIn("admin", kAdminPassword) == 303);
    CHECK(b.get("/antrean")->status == 200);
    const std::string in = b.cookie;
    CHECK(b.post("/keluar", {})->status == 303);
    CHECK(b.setCookie.find("Max-Age=0") != std::string::npos);
    b.cookie = in;
    CHECK(b.get("/antrean")->status == 303);
}

TEST_CASE_TEMPLATE("desk: five wrong passwords lock the account, which the admin unlocks", Kind,
                   test::SqliteKind, test::PostgresKind)
{
    DeskFixture<Kind> f;
    Browser b(f.port);
    CHECK(b.signIn("petugas", "salah-salah-salah") == 403);
    const httplib::Result wrong = b.post("/masuk", {{"nama", "petugas"}, {"sandi", "salah lagi"}});
    CHECK(wrong->body.find("Nama atau kata sandi salah") != std::string::npos);
    CHECK(wrong->body.find("role=\"alert\"") != std::string::npos);
    for (int i = 0; i < 3; ++i)
        b.post("/masuk", {{"nama", "petugas"}, {"sandi", "salah " + std::to_string(i)}});
    // Now even the right password is refused, with the time it ends.
    const httplib::Result locked = b.post("/masuk", {{"nama", "petugas"}, {"sandi", kOfficerPassword}});
    CHECK(locked->status == 403);
    CHECK(locked->body.find("dikunci sampai") != std::string::npos);

    Browser admin(f.port);
    REQUIRE(admin.signIn("admin", kAdminPassword) == 303);
    const httplib::Result users = admin.get("/pengguna");
    CHECK(users->status == 200);
    CHECK(users->body.find("Terkunci sampai") != std::string::npos);
    CHECK(admin.post("/pengguna/petugas/buka", {})->status == 303);
    CHECK(b.signIn("petugas", kOfficerPassword) == 303);
    CHECK(b.get("/antrean")->status == 200);
}

TEST_CASE_TEMPLATE("desk: every form without or with a wrong CSRF token is refused and changes nothing", Kind,
                   test::SqliteKind, test::PostgresKind)
{
    DeskFixture<Kind> f;
    Browser b(f.port);
    REQUIRE(b.signIn("admin", kAdminPassword) == 303);
    b.get("/antrean");
    const std::string uid = f.uidOf("<script>alert(1)</script>");
    const std::int64_t events = eventCount(*f.store);
    const std::size_t users = listUsers(*f.store).size();
    const std::vector<std::pair<std::string, httplib::Params>> forms{
        {"/permintaan/" + uid + "/tindak", {{"hasil", "reached"}, {"catatan", "x"}}},
        {"/permintaan/" + uid + "/tindak", {{"hasil", "referred"}, {"mitra", "SAPA 129"}}},
        {"/pengguna",
         {{"nama", "baru"}, {"peran", "admin"}, {"sandi", "panjang-sekali"}, {"sandi2", "panjang-sekali"}}},
        {"/pengguna/petugas/buka", {}},
        {"/unggah", {}},
        {"/keluar", {}},
    };
    for (const auto& [path, params] : forms) {
        CAPTURE(path);
        httplib::Params none = params;
        CHECK(b.post(path, none, false)->status == 403);
        httplib::Params wrong = params;
        wrong.emplace("csrf", std::string(64, 'a'));
        CHECK(b.post(path, wrong, false)->status == 403);
    }
    CHECK(eventCount(*f.store) == events);
    CHECK(listUsers(*f.store).size() == users);
    // Still signed in (sign-out was refused too).
    CHECK(b.get("/antrean")->status == 200);
    // The sign-in form too.
    Browser other(f.port);
    other.get("/masuk");
    CHECK(other.post("/masuk", {{"nama", "admin"}, {"sandi", kAdminPassword}}, false)->status == 403);
    CHECK(other.get("/antrean")->status == 303);
}

TEST_CASE_TEMPLATE("desk: an officer gets 403 on the admin's pages", Kind, test::SqliteKind,
                   test::PostgresKind)
{
    DeskFixture<Kind> f;
    Browser b(f.port);
    REQUIRE(b.signIn("petugas", kOfficerPassword) == 303);
    const httplib::Result queue = b.get("/antrean");
    CHECK(queue->status == 200);
    CHECK(queue->body.find("href=\"/pengguna\"") == std::string::npos);
    CHECK(b.get("/pengguna")->status == 403);
    const std::size_t users = listUsers(*f.store).size();
    CHECK(b.post("/pengguna", {{"nama", "baru"},
                               {"peran", "admin"},
                               {"sandi", "panjang-sekali"},
                               {"sandi2", "panjang-sekali"}})
              ->status == 403);
    CHECK(b.post("/pengguna/admin/buka", {})->status == 403);
    CHECK(listUsers(*f.store).size() == users);
    for (const std::string page :
         {"/antrean", "/kios", "/laporan", "/status", "/unggah", "/laporan/grafik.svg"}) {
        CAPTURE(page);
        CHECK(b.get(page)->status == 200);
    }
}

TEST_CASE_TEMPLATE("desk: a resident's <script> name and an officer's HTML note come back as text", Kind,
                   test::SqliteKind, test::PostgresKind)
{
    DeskFixture<Kind> f;
    Browser b(f.port);
    REQUIRE(b.signIn("admin", kAdminPassword) == 303);
    const std::string uid = f.uidOf("<script>alert(1)</script>");
    const httplib::Result queue = b.get("/antrean");
    CHECK(queue->body.find("<script>alert") == std::string::npos);
    CHECK(queue->body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    b.get("/permintaan/" + uid);
    CHECK(b.post("/permintaan/" + uid + "/tindak",
                 {{"hasil", "note"}, {"catatan", "<b onmouseover=\"x()\">tebal</b> & \"kutip\""}})
              ->status == 303);
    const httplib::Result page = b.get("/permintaan/" + uid);
    CHECK(page->status == 200);
    CHECK(page->body.find("<main id=\"permintaan\"") != std::string::npos);
    CHECK(page->body.find("<script>alert") == std::string::npos);
    CHECK(page->body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(page->body.find("<b onmouseover") == std::string::npos);
    CHECK(page->body.find("&lt;b onmouseover=&quot;x()&quot;&gt;tebal&lt;/b&gt; &amp; &quot;kutip&quot;") !=
          std::string::npos);
    // The phone as links: tel: and WhatsApp (08… as 628…).
    const std::string phone =
        f.store->query("SELECT phone FROM requests WHERE uid = $1", {uid}).at(0).text(0);
    CHECK(page->body.find("href=\"tel:" + phone + "\"") != std::string::npos);
    CHECK(page->body.find("href=\"https://wa.me/" + phone.substr(1) + "\"") != std::string::npos);
}

TEST_CASE_TEMPLATE("desk: SQL injection in the search and every filter finds nothing and breaks nothing",
                   Kind, test::SqliteKind, test::PostgresKind)
{
    DeskFixture<Kind> f;
    Browser b(f.port);
    REQUIRE(b.signIn("petugas", kOfficerPassword) == 303);
    const std::int64_t requests = test::countOf(*f.store, "SELECT COUNT(*) FROM requests");
    for (const std::string bad : {"' OR '1'='1", "'; DROP TABLE requests; --", "\" OR 1=1 --", "%' OR 'x'='x",
                                  "1) UNION SELECT uid FROM requests --", "\\'; DELETE FROM events; --"}) {
        for (const char* name : {"cari", "desa", "topik", "status", "umur", "hal"}) {
            CAPTURE(bad);
            CAPTURE(name);
            const httplib::Result r = b.get(httplib::append_query_params("/antrean", {{name, bad}}));
            CHECK(r->status == 200);
            if (std::string(name) != "umur" && std::string(name) != "hal")
                CHECK(rowsIn(r->body) == 0);
        }
        CHECK(b.get(httplib::append_query_params("/laporan", {{"bulan", bad}}))->status == 200);
        CHECK(b.get("/permintaan/" + httplib::detail::encode_query_param(bad))->status == 404);
    }
    CHECK(test::countOf(*f.store, "SELECT COUNT(*) FROM requests") == requests);
    CHECK(rowsIn(b.get("/antrean")->body) == 6);
}

TEST_CASE_TEMPLATE("desk: uploads with hostile names, too big, too many or not a batch are refused", Kind,
                   test::SqliteKind, test::PostgresKind)
{
    DeskFixture<Kind> f(false, false);
    Browser b(f.port);
    REQUIRE(b.signIn("petugas", kOfficerPassword) == 303);
    b.get("/unggah");
    const fs::path area = f.dir.path() / "unggahan";
    const auto upload = [&](const std::vector<std::pair<std::string, std::string>>& files) {
        httplib::MultipartFormDataItems items{{"csrf", b.csrf, "", ""}};
        for (const auto& [name, content] : files)
            items.push_back({"berkas", content, name, "application/octet-stream"});
        return b.http.Post("/unggah", b.headers(), items);
    };
    const auto listing = [&] {
        std::vector<std::string> all;
        for (const fs::path& root : {f.dir.path(), fs::path(fs::temp_directory_path())})
            for (const auto& e : fs::directory_iterator(root))
                if (e.path().filename().string().starts_with("jahat"))
                    all.push_back(e.path().string());
        return all;
    };
    for (const std::string name : {"../jahat.txt", "../../jahat.txt", "/tmp/jahat-mutlak.txt",
                                   "desa-kiosk/../../jahat.txt", "desa-kiosk//manifest.json", "a/\x01/b"}) {
        CAPTURE(name);
        const httplib::Result r = upload({{name, "isi"}});
        REQUIRE(r);
        CHECK(r->status == 400);
        CHECK(r->body.find("role=\"alert\"") != std::string::npos);
    }
    CHECK(listing().empty());
    // Too many files, and too big (over upload_max_mb = 1).
    std::vector<std::pair<std::string, std::string>> many;
    for (int i = 0; i < 21; ++i)
        many.emplace_back("desa-kiosk/f" + std::to_string(i) + ".txt", "x");
    const httplib::Result tooMany = upload(many);
    CHECK(tooMany->status == 400);
    const httplib::Result tooBig = upload({{"desa-kiosk/besar.bin", std::string(1'200'000, 'x')}});
    REQUIRE(tooBig);
    CHECK((tooBig->status == 400 || tooBig->status == 413));
    // Not a batch.
    const httplib::Result notBatch = upload({{"catatan/halo.txt", "halo"}});
    CHECK(notBatch->status == 400);
    CHECK(notBatch->body.find("Tidak ada folder batch") != std::string::npos);
    CHECK(test::countOf(*f.store, "SELECT COUNT(*) FROM requests") == 0);
    // Nothing stays in the upload area.
    if (fs::exists(area))
        CHECK(fs::is_empty(area));

    // A real sealed batch, as a browser sends a folder: each file with its path under the chosen folder.
    std::vector<std::pair<std::string, std::string>> files;
    const fs::path stick = f.stickDir.path();
    for (const auto& e : fs::recursive_directory_iterator(stick))
        if (e.is_regular_file())
            files.emplace_back(fs::relative(e.path(), stick).string(), test::readFile(e.path()));
    REQUIRE(files.size() >= 3);
    const httplib::Result ok = upload(files);
    REQUIRE(ok);
    CHECK(ok->status == 200);
    CHECK(ok->body.find("6 permintaan baru") != std::string::npos);
    CHECK(test::countOf(*f.store, "SELECT COUNT(*) FROM requests") == 6);
    // Again: nothing new.
    const httplib::Result again = upload(files);
    CHECK(again->body.find("0 permintaan baru, 6 sudah ada") != std::string::npos);
    // A changed file: refused with the importer's sentence, nothing stored.
    for (auto& [name, content] : files)
        if (name.ends_with("audit.csv"))
            content += "x";
    const httplib::Result changed = upload(files);
    CHECK(changed->status == 422);
    CHECK(changed->body.find("Ditolak, tidak ada yang disimpan") != std::string::npos);
    if (fs::exists(area))
        CHECK(fs::is_empty(area));
    // The upload is in the audit log.
    bool logged = false;
    for (const AuditEntry& e : listAudit(*f.store, 100, 0))
        logged = logged || (e.action == "unggah" && e.who == "petugas" && e.address == "127.0.0.1");
    CHECK(logged);
}

TEST_CASE_TEMPLATE(
    "desk: a follow-up changes the queue and the report; the audit has the view and the change", Kind,
    test::SqliteKind, test::PostgresKind)
{
    DeskFixture<Kind> f(true);
    Browser b(f.port);
    const httplib::Headers proxy{{"X-Forwarded-For", "203.0.113.9, 10.20.30.40"}};
    b.get("/masuk", proxy);
    REQUIRE(b.post("/masuk", {{"nama", "petugas"}, {"sandi", kOfficerPassword}}, true, proxy)->status == 303);
    CHECK(b.setCookie.find("Secure") != std::string::npos);

    // The trafficking report first, then oldest first; the waiting days past the target coloured.
    const httplib::Result queue = b.get("/antrean", proxy);
    const std::string traffickingUid =
        f.store->query("SELECT uid FROM requests WHERE topic = 'trafficking'").at(0).text(0);
    CHECK(queue->body.find("<tr data-uid=\"" + traffickingUid + "\" class=\"tppo lewat\"") !=
          std::string::npos);
    CHECK(queue->body.find("<tr data-uid=") == queue->body.find("<tr data-uid=\"" + traffickingUid));

    const std::string uid = f.uidOf("<script>alert(1)</script>");
    CHECK(b.get("/permintaan/" + uid, proxy)->status == 200);
    const httplib::Result reached = b.post("/permintaan/" + uid + "/tindak",
                                           {{"hasil", "reached"}, {"catatan", "sudah bicara"}}, true, proxy);
    CHECK(reached->status == 303);
    CHECK(reached->get_header_value("Location") == "/permintaan/" + uid);
    const httplib::Result after = b.get("/permintaan/" + uid, proxy);
    CHECK(after->body.find("Status sekarang: Sudah dihubungi") != std::string::npos);
    CHECK(after->body.find("class=\"pesan\" role=\"status\"") != std::string::npos);
    CHECK(after->body.find("Tersambung") != std::string::npos);
    // A referral to a partner not in the list is refused; to one in it, recorded.
    CHECK(b.post("/permintaan/" + uid + "/tindak", {{"hasil", "referred"}, {"mitra", "Orang lain"}}, true,
                 proxy)
              ->status == 303);
    CHECK(b.get("/permintaan/" + uid, proxy)->body.find("Pilih mitra rujukan") != std::string::npos);
    CHECK(
        b.post("/permintaan/" + uid + "/tindak", {{"hasil", "referred"}, {"mitra", "SAPA 129"}}, true, proxy)
            ->status == 303);
    CHECK(f.store->query("SELECT status FROM requests WHERE uid = $1", {uid}).at(0).text(0) == "dirujuk");

    CHECK(rowsIn(b.get("/antrean?status=baru", proxy)->body) == 5);
    CHECK(rowsIn(b.get("/antrean?status=dirujuk", proxy)->body) == 1);
    const httplib::Result report = b.get("/laporan?bulan=2026-11", proxy);
    CHECK(report->status == 200);
    CHECK(report->body.find("<main id=\"laporan\"") != std::string::npos);
    CHECK(report->body.find("<tfoot><tr><th colspan=\"2\">Jumlah <small "
                            "lang=\"en\">Total</small></th><td>6</td><td>1</td><td>1</td>") !=
          std::string::npos);
    const httplib::Result csv = b.get("/laporan.csv?bulan=2026-11", proxy);
    CHECK(csv->status == 200);
    CHECK(csv->get_header_value("Content-Type").starts_with("text/csv"));
    CHECK(csv->body.find("2026-11,Desa Cemeng,passport,5,1,1,0,") != std::string::npos);
    CHECK(b.get("/laporan/cetak?bulan=2026-11", proxy)->status == 200);
    const httplib::Result kiosks = b.get("/kios", proxy);
    CHECK(kiosks->body.find("data-kios=\"CMG\"") != std::string::npos);

    CHECK(b.get("/antrean?cari=Siti&hal=1", proxy)->status == 200);
    bool viewed = false, changed = false, queueViewed = false;
    for (const AuditEntry& e : listAudit(*f.store, 100, 0)) {
        queueViewed =
            queueViewed || (e.action == "lihat-antrean" && e.who == "petugas" && e.address == "10.20.30.40" &&
                            e.subject.find("cari=Siti") != std::string::npos);
        viewed = viewed || (e.action == "lihat" && e.subject == uid && e.who == "petugas" &&
                            e.address == "10.20.30.40");
        changed = changed || (e.action == "tindak:reached" && e.subject == uid && e.address == "10.20.30.40");
    }
    CHECK(viewed);
    CHECK(changed);
    CHECK(queueViewed);
    // The log names paths and statuses only: no name, phone or query.
    CHECK(f.log.str().find("GET /antrean 200") != std::string::npos);
    CHECK(f.log.str().find("status=") == std::string::npos);
}

TEST_CASE("office.toml [desk]: the settings read, a mistake named with its file and line")
{
    test::TempDir dir;
    const fs::path file =
        dir.write("office.toml", "[desk]\nlisten = \"0.0.0.0:8443\"\nbehind_proxy = true\n"
                                 "target_days = 5\nupload_dir = \"unggah\"\n"
                                 "upload_max_mb = 16\nupload_max_files = 300\n"
                                 "session_idle_minutes = 15\noffice_name = \"Kanim Surakarta\"\n");
    const OfficeConfig c = loadOfficeConfig(file);
    CHECK(c.desk.listen == "0.0.0.0:8443");
    CHECK(c.desk.behindProxy);
    CHECK(c.desk.targetDays == 5);
    CHECK(c.desk.uploadDir == dir.path() / "unggah");
    CHECK(c.desk.uploadMaxMb == 16);
    CHECK(c.desk.uploadMaxFiles == 300);
    CHECK(c.desk.sessionIdleMinutes == 15);
    CHECK(c.desk.officeName == "Kanim Surakarta");
    const OfficeConfig defaults = loadOfficeConfig(dir.path() / "none.toml");
    CHECK(defaults.desk.listen == "127.0.0.1:8080");
    CHECK_FALSE(defaults.desk.behindProxy);
    CHECK(defaults.desk.targetDays == 3);
    CHECK(defaults.desk.sessionIdleMinutes == 30);
    for (const auto& [text, says] : std::vector<std::pair<std::string, std::string>>{
             {"[desk]\n\nlisten = \"8080\"\n", ":3: [desk] listen must be"},
             {"[desk]\nlisten = \"host:99999\"\n", ":2: [desk] listen must be"},
             {"[desk]\nbehind_proxy = \"ya\"\n", ":2: [desk] behind_proxy must be true or false"},
             {"[desk]\ntarget_days = 0\n", ":2: [desk] target_days must be a whole number from 1"},
             {"[desk]\nupload_max_mb = \"64\"\n", ":2: [desk] upload_max_mb must be"},
             {"[desk]\nsession_idle_minutes = 2000\n", ":2: [desk] session_idle_minutes must be"}}) {
        CAPTURE(text);
        const fs::path bad = dir.write("bad.toml", text);
        try {
            (void)loadOfficeConfig(bad);
            FAIL("accepted");
        } catch (const std::runtime_error& e) {
            CHECK(std::string(e.what()).find(bad.string() + says) != std::string::npos);
        }
    }
    CHECK(desk::splitListen("127.0.0.1:8080") == std::pair<std::string, int>{"127.0.0.1", 8080});
    CHECK(desk::splitListen("[::1]:0") == std::pair<std::string, int>{"::1", 0});
    CHECK_THROWS_AS((void)desk::splitListen("localhost"), std::invalid_argument);
    CHECK_THROWS_AS((void)desk::splitListen("h:123456"), std::invalid_argument);

    // A port in use is refused with a sentence, not shared.
    desk::DeskOptions o;
    o.database = "sqlite:" + (dir.path() / "office.db").string();
    std::ostringstream log;
    o.log = &log;
    desk::Desk first(o);
    const int port = first.bind("127.0.0.1", 0);
    desk::Desk second(o);
    CHECK_THROWS_WITH_AS((void)second.bind("127.0.0.1", port),
                         doctest::Contains("cannot listen on 127.0.0.1:"), std::runtime_error);
}

TEST_CASE_TEMPLATE("desa-office user add/list/unlock: the password twice on standard input", Kind,
                   test::SqliteKind, test::PostgresKind)
{
    test::TempDir dir;
    const std::unique_ptr<Store> store = Kind::open(dir);
    const std::string database = Kind::database(dir);
    const auto run = [&](std::vector<std::string> args, const std::string& input,
                         std::string* said = nullptr) {
        args.insert(args.begin(),
                    {"desa-office", "--config", (dir.path() / "none.toml").string(), "--database", database});
        std::vector<const char*> argv;
        for (const std::string& a : args)
            argv.push_back(a.c_str());
        std::istringstream in(input);
        std::ostringstream out, err;
        const int code = runOffice(static_cast<int>(argv.size()), argv.data(), in, out, err);
        if (said)
            *said = out.str() + err.str();
        return code;
    };
    std::string said;
    CHECK(run({"user", "add", "sari", "--role", "admin"}, "sandi-yang-panjang\nsandi-yang-panjang\n",
              &said) == 0);
    CHECK(said.find("user sari added (admin)") != std::string::npos);
    CHECK(run({"user", "add", "budi", "--role", "officer"}, "sandi-yang-panjang\nsandi-lain-panjang\n",
              &said) == 1);
    CHECK(said.find("the two passwords differ") != std::string::npos);
    CHECK(run({"user", "add", "budi", "--role", "officer"}, "pendek\npendek\n", &said) == 1);
    CHECK(said.find("user not added") != std::string::npos);
    CHECK(run({"user", "add", "budi", "--role", "officer"}, "satu-baris-saja\n", &said) == 2);
    CHECK(run({"user", "add", "budi", "--role", "raja"}, "sandi-yang-panjang\nsandi-yang-panjang\n") != 0);
    CHECK(run({"user", "list"}, "", &said) == 0);
    CHECK(said.find("sari  admin") != std::string::npos);
    CHECK(said.find("budi") == std::string::npos);
    CHECK(run({"user", "unlock", "sari"}, "", &said) == 0);
    CHECK(run({"user", "unlock", "siapa"}, "", &said) == 1);
    CHECK(checkLogin(*store, "sari", "sandi-yang-panjang", kOfficeT0).outcome == LoginOutcome::Ok);
}

TEST_CASE_TEMPLATE("desk: a conflict side by side, the version chosen as an event, nothing lost", Kind,
                   test::SqliteKind, test::PostgresKind)
{
    DeskFixture<Kind> f;
    // On the kiosk a request's name changes and its batch is written again (Salin lagi).
    f.cmg.db().exec("UPDATE requests SET name = 'Nama Versi Lain' WHERE id = 3");
    test::TempDir second;
    REQUIRE(f.cmg.exportTo(second.path(), kOfficeT0 + 3 * kHourMs, f.keys.pair.publicKey, f.batch.batchId)
                .count == 6);
    const std::vector<fs::path> again{second.path()};
    REQUIRE(importPaths(*f.store, again, test::importOptions(f.keys.pair.secretKey, kOfficeT0 + 4 * kHourMs))
                .conflicts() == 1);
    const std::string uid = f.store->query("SELECT uid FROM request_versions").at(0).text(0);
    const std::string heldName =
        f.store->query("SELECT name FROM requests WHERE uid = $1", {uid}).at(0).text(0);
    const std::int64_t version = f.store->query("SELECT id FROM request_versions").at(0).integer(0);

    Browser b(f.port);
    REQUIRE(b.signIn("petugas", kOfficerPassword) == 303);
    CHECK(b.get("/antrean")->body.find("konflik") != std::string::npos);
    const httplib::Result page = b.get("/permintaan/" + uid);
    CHECK(page->body.find("id=\"form-konflik\"") != std::string::npos);
    CHECK(page->body.find("<tr class=\"beda\"><th>name</th><td>" + heldName +
                          "</td><td>Nama Versi Lain</td>") != std::string::npos);
    // Without the token: refused, nothing changed.
    CHECK(b.post("/permintaan/" + uid + "/konflik", {{"versi", std::to_string(version)}}, false)->status ==
          403);
    CHECK(b.post("/permintaan/" + uid + "/konflik", {{"versi", "999999"}})->status == 303);
    CHECK(b.get("/permintaan/" + uid)->body.find("bukan versi lain") != std::string::npos);
    CHECK(f.store->query("SELECT name FROM requests WHERE uid = $1", {uid}).at(0).text(0) == heldName);

    f.now += 60'000;
    CHECK(b.post("/permintaan/" + uid + "/konflik", {{"versi", std::to_string(version)}})->status == 303);
    CHECK(f.store->query("SELECT name FROM requests WHERE uid = $1", {uid}).at(0).text(0) ==
          "Nama Versi Lain");
    // The version held before is kept as the other version, and the conflict is settled.
    const std::string kept = f.store->query("SELECT content FROM request_versions").at(0).text(0);
    CHECK(kept.find("\"name\":\"" + heldName + "\"") != std::string::npos);
    const httplib::Result after = b.get("/permintaan/" + uid);
    CHECK(after->body.find("Pilihan versi disimpan") != std::string::npos);
    CHECK(after->body.find("id=\"form-konflik\"") == std::string::npos);
    CHECK(after->body.find("Konflik: versi dipilih") != std::string::npos);
    CHECK(listConflicts(*f.store).empty());
    // Both batches imported once more: nothing new, still settled.
    const std::vector<fs::path> both{f.stickDir.path(), second.path()};
    const ImportSummary twice = importPaths(*f.store, both, test::importOptions(f.keys.pair.secretKey));
    CHECK(twice.conflicts() == 0);
    CHECK(twice.added() == 0);
    CHECK(listConflicts(*f.store).empty());
    CHECK(b.get("/permintaan/" + uid)->body.find("id=\"form-konflik\"") == std::string::npos);
    bool audited = false;
    for (const AuditEntry& e : listAudit(*f.store, 100, 0))
        audited = audited || (e.action == "konflik:" + std::to_string(version) && e.subject == uid);
    CHECK(audited);
}

TEST_CASE_TEMPLATE("desk: Status untuk kios lists each kiosk and hands out its signed status file", Kind,
                   test::SqliteKind, test::PostgresKind)
{
    {
        DeskFixture<Kind> f;
        Browser b(f.port);
        REQUIRE(b.signIn("petugas", kOfficerPassword) == 303);
        const std::string uid = f.uidOf("<script>alert(1)</script>");
        b.get("/permintaan/" + uid);
        REQUIRE(b.post("/permintaan/" + uid + "/tindak", {{"hasil", "reached"}})->status == 303);
        const httplib::Result page = b.get("/status");
        CHECK(page->status == 200);
        CHECK(page->body.find("<main id=\"status\"") != std::string::npos);
        CHECK(page->body.find("href=\"/status/CMG.status\"") != std::string::npos);
        const httplib::Result file = b.get("/status/CMG.status");
        REQUIRE(file->status == 200);
        CHECK(file->get_header_value("Content-Disposition") == "attachment; filename=\"CMG.status\"");
        // The kiosk's own reader takes it with the office's public key: 6 references, one contacted,
        // and no name or phone in any byte.
        const statuspack::Read read =
            statuspack::read(file->body, {signing::readPublicKey(f.signingPublic)}, "CMG");
        REQUIRE(read.ok());
        CHECK(read.pack.book.entries.size() == 6);
        CHECK(file->body.find("script") == std::string::npos);
        CHECK(file->body.find("+62812") == std::string::npos);
        CHECK(b.get("/status/XX.status")->status != 200);
        CHECK(b.get("/status/cmg.status")->status == 404);
        bool audited = false;
        for (const AuditEntry& e : listAudit(*f.store, 100, 0))
            audited = audited || (e.action == "unduh-status" && e.subject == "CMG");
        CHECK(audited);
    }
    // Without a signing key the page says so and offers nothing (the first desk stopped: on
    // PostgreSQL both use the one test database).
    DeskFixture<Kind> g(false, true, false);
    Browser c(g.port);
    REQUIRE(c.signIn("petugas", kOfficerPassword) == 303);
    const httplib::Result none = c.get("/status");
    CHECK(none->body.find("signing_key") != std::string::npos);
    CHECK(none->body.find("href=\"/status/CMG.status\"") == std::string::npos);
    CHECK(c.get("/status/CMG.status")->status == 404);
}

TEST_CASE("desk sessions: random ids, a new id at sign-in, the idle end, and a bound on forms opened")
{
    desk::Sessions sessions(30 * 60'000);
    const desk::Session anonymous = sessions.start(1000);
    CHECK(anonymous.id.size() == 64);
    CHECK(anonymous.csrf.size() == 64);
    CHECK(anonymous.id != anonymous.csrf);
    CHECK_FALSE(anonymous.signedIn());
    const desk::Session in = sessions.signIn(anonymous.id, "sari", "admin", 2000);
    CHECK(in.id != anonymous.id);
    CHECK(in.csrf != anonymous.csrf);
    CHECK_FALSE(sessions.touch(anonymous.id, 2000));
    REQUIRE(sessions.touch(in.id, 2000 + 29 * 60'000));
    CHECK_FALSE(sessions.touch(in.id, 2000 + 29 * 60'000 + 30 * 60'000 + 1));
    CHECK(desk::sameToken(in.csrf, in.csrf));
    CHECK_FALSE(desk::sameToken(in.csrf, anonymous.csrf));
    CHECK_FALSE(desk::sameToken("", ""));
    CHECK_FALSE(desk::sameToken(in.csrf, in.csrf.substr(1)));

    const desk::Session kept = sessions.signIn("", "budi", "officer", 3000);
    for (std::size_t i = 0; i < desk::Sessions::kMostSessions + 10; ++i)
        (void)sessions.start(3000);
    CHECK(sessions.size() <= desk::Sessions::kMostSessions);
    CHECK(sessions.touch(kept.id, 4000));
}
