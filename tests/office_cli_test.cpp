// desa-office's commands run in process on both stores: import, requests list, follow-up,
// conflicts, kiosks, report, purge, with office.toml and the messages people read.
#include "cli/office_cli.hpp"

#include "office_support.hpp"

#include <nlohmann/json.hpp>

#include <sstream>

namespace fs = std::filesystem;
using namespace kiosk;

namespace {

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
    r.code = office::runOffice(static_cast<int>(argv.size()), argv.data(), out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

bool has(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE_TEMPLATE("desa-office: import a stick, list, follow up, report, kiosks, conflicts, purge", Kind,
                   test::SqliteKind, test::PostgresKind)
{
    test::TempDir dir;
    (void)Kind::open(dir); // an empty database
    test::OfficeKeys keys;
    test::Stick stick(keys.pair.publicKey);
    const fs::path config =
        dir.write("office.toml", "[office]\nsecret_key = \"" + keys.secretFile.string() +
                                     "\"\npartners = [\"Disnaker Sragen\", \"SAPA 129\"]\n"
                                     "[villages]\nCMG = \"Desa Cemeng\"\n");
    const std::vector<std::string> common{"--database", Kind::database(dir), "--config", config.string()};
    const auto with = [&](std::vector<std::string> args) {
        args.insert(args.begin(), common.begin(), common.end());
        return run(args);
    };

    Run r = with({"import", stick.root.string(), "--who", "petugas-a"});
    CHECK_MESSAGE(r.code == 0, r.err);
    CHECK(has(r.out, "total: 15 batches: 60 new, 0 already held, 0 conflicts, 0 refused"));
    CHECK(has(r.out,
              ": kiosk CMG, batch " + stick.batches[0].batchId + ": 4 new, 0 already held, 0 conflicts"));
    r = with({"import", stick.root.string(), (dir.path() / "nothing-here").string()});
    CHECK(r.code == 1);
    CHECK(has(r.out, "total: 16 batches: 0 new, 60 already held, 0 conflicts, 1 refused"));
    CHECK(has(r.out, "nothing-here: refused: there is no such file or folder"));
    CHECK(has(r.err, "1 batch refused; nothing of them was stored"));

    r = with({"requests", "list", "--status", "baru", "--json"});
    REQUIRE(r.code == 0);
    const auto list = nlohmann::json::parse(r.out);
    REQUIRE(list.size() == 60);
    CHECK(list[0]["priority"] == "trafficking"); // numberedRequest makes every fourth one trafficking
    CHECK(list[0]["imported_by"] == "petugas-a");
    r = with({"requests", "list", "--village", "Desa Cemeng", "--topic", "passport"});
    CHECK(r.code == 0);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 5);
    CHECK(has(r.out, "Desa Cemeng"));

    r = with({"follow-up", "CMG-0001", "--outcome", "referred", "--partner", "SAPA 129", "--note",
              "dirujuk ke SAPA"});
    CHECK_MESSAGE(r.code == 0, r.err);
    CHECK(has(r.out, ": referred recorded; status now dirujuk"));
    r = with({"follow-up", "CMG-0001", "--outcome", "referred", "--partner", "Polsek"});
    CHECK(r.code == 1);
    CHECK(has(r.err, "desa-office: follow-up refused: 'Polsek' is not one of the office's partners"));
    r = with({"follow-up", "CMG-0001", "--outcome", "called"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "--outcome called is not one of: reached, no-answer"));
    CHECK(nlohmann::json::parse(with({"requests", "list", "--status", "dirujuk", "--json"}).out).size() == 1);

    r = with({"report", "--month", "2026-11", "--csv"});
    CHECK(r.code == 0);
    CHECK(r.out.rfind(
              "\xEF\xBB\xBFmonth,village,topic,received,reached,referred,done,median_days_to_first_call,"
              "open_over_7_days\r\n",
              0) == 0);
    r = with({"report", "--month", "2026-11", "--json"});
    const auto report = nlohmann::json::parse(r.out);
    std::int64_t received = 0;
    for (const auto& line : report["lines"])
        received += line["received"].get<std::int64_t>();
    CHECK(received == 60);
    CHECK(with({"report", "--month", "November"}).code == 2);

    r = with({"kiosks"});
    CHECK(r.code == 0);
    CHECK(has(r.out, "CMG  Desa Cemeng: first batch 2026-11-02, last 2026-11-30, 5 batches, 20 requests"));
    // Silence is measured from the real clock here (listKiosks's test fixes the time).
    const auto kiosks = nlohmann::json::parse(with({"kiosks", "--silent-days", "1", "--json"}).out);
    REQUIRE(kiosks.size() == 3);
    CHECK(kiosks[2]["kiosk_id"] == "SDR");
    CHECK(kiosks[2]["per_month"] == nlohmann::json{{"2026-11", 20}});
    CHECK(kiosks[2].contains("silent"));
    CHECK(with({"conflicts"}).out == "no conflicts\n");
    r = with({"purge"});
    CHECK(r.code == 0);
    CHECK(r.out == "0 requests: personal data deleted (counts kept)\n");

    // A key others can read: refused before anything is read.
    ::chmod(keys.secretFile.c_str(), 0644);
    r = with({"import", stick.root.string()});
    CHECK(r.code == 1);
    CHECK(has(r.err, "can be read by other users (mode 0644)"));
}

TEST_CASE("desa-office: a database it cannot reach is one plain sentence")
{
    const Run r = run({"--database", "postgresql:///nothing?host=/nonexistent-folder", "kiosks"});
    CHECK(r.code == 1);
    CHECK(has(r.err, "desa-office: the PostgreSQL server cannot be reached or went away:"));
    const Run bad = run({"--database", "mysql://x", "kiosks"});
    CHECK(bad.code == 1);
    CHECK(has(bad.err, "give sqlite:PATH or postgresql://"));
}
