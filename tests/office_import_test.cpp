// Import into the office ledger, on both stores: a stick of 3 kiosks × 5 batches, the same stick
// again, Salin lagi, a conflict, every refusal, the key file's mode, the audit and the provenance.
#include "office_support.hpp"

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using namespace kiosk;
using namespace kiosk::office;

namespace {

struct Counts {
    std::int64_t batches, requests, versions, events, audit;
    bool operator==(const Counts&) const = default;
};

Counts counts(Store& store)
{
    return {test::countOf(store, "SELECT COUNT(*) FROM batches"),
            test::countOf(store, "SELECT COUNT(*) FROM requests"),
            test::countOf(store, "SELECT COUNT(*) FROM request_versions"),
            test::countOf(store, "SELECT COUNT(*) FROM events"),
            test::countOf(store, "SELECT COUNT(*) FROM kiosk_audit")};
}

ImportSummary importStick(Store& store, const fs::path& root, const exporter::SecretKey& key)
{
    const std::vector<fs::path> paths{root};
    return importPaths(store, paths, test::importOptions(key));
}

} // namespace

TEST_CASE_TEMPLATE("a stick of 3 kiosks × 5 batches is imported once; the same stick again changes nothing",
                   Kind, test::SqliteKind, test::PostgresKind)
{
    test::TempDir dir;
    const auto store = Kind::open(dir);
    test::OfficeKeys keys;
    test::Stick stick(keys.pair.publicKey);

    const ImportSummary first = importStick(*store, stick.root, keys.pair.secretKey);
    CHECK(first.batches.size() == 15);
    CHECK(first.added() == 60);
    CHECK(first.held() == 0);
    CHECK(first.conflicts() == 0);
    CHECK(first.refused() == 0);
    const Counts after = counts(*store);
    CHECK(after.batches == 15);
    CHECK(after.requests == 60);
    CHECK(after.events == 60); // one "baru" each
    CHECK(test::countOf(*store, "SELECT COUNT(*) FROM requests WHERE status = 'baru'") == 60);

    // Provenance: kiosk, batch, file, import time, who.
    const exporter::ExportResult& b0 = stick.batches[0];
    const std::vector<Row> rows = store->query("SELECT kiosk_id, batch_id, file, imported_ms, imported_by, "
                                               "name FROM requests WHERE batch_id = $1 ORDER BY "
                                               "created_ms",
                                               {b0.batchId});
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].text(0) == "CMG");
    CHECK(rows[0].text(2) == b0.folder.filename().string() + "/requests.json");
    CHECK(rows[0].integer(3) == test::kOfficeT0 + 40 * test::kDay);
    CHECK(rows[0].text(4) == "petugas-a");
    CHECK(rows[0].text(5) == test::numberedRequest(1).name);
    // The kiosks' audit.csv: each kiosk's entries, once.
    CHECK(after.audit > 0);
    CHECK(test::countOf(*store, "SELECT COUNT(DISTINCT kiosk_id) FROM kiosk_audit") == 3);

    const ImportSummary again = importStick(*store, stick.root, keys.pair.secretKey);
    CHECK(again.added() == 0);
    CHECK(again.held() == 60);
    CHECK(again.conflicts() == 0);
    CHECK(counts(*store) == after);
}

TEST_CASE_TEMPLATE("Salin lagi: a batch written again brings nothing new", Kind, test::SqliteKind,
                   test::PostgresKind)
{
    test::TempDir dir;
    const auto store = Kind::open(dir);
    test::OfficeKeys keys;
    test::Stick stick(keys.pair.publicKey);
    REQUIRE(importStick(*store, stick.root, keys.pair.secretKey).added() == 60);
    const Counts before = counts(*store);

    // The officer lost a stick: every kiosk writes its first two batches again onto a new one.
    test::TempDir second;
    for (std::size_t k = 0; k < 3; ++k)
        for (std::size_t b = 0; b < 2; ++b)
            REQUIRE(stick.kiosks[k]
                        ->exportTo(second.path(), test::kOfficeT0 + 41 * test::kDay, keys.pair.publicKey,
                                   stick.batches[b * 3 + k].batchId)
                        .count == 4);
    const ImportSummary copy = importStick(*store, second.path(), keys.pair.secretKey);
    CHECK(copy.batches.size() == 6);
    CHECK(copy.added() == 0);
    CHECK(copy.held() == 24);
    CHECK(copy.conflicts() == 0);
    CHECK(copy.refused() == 0);
    const Counts after = counts(*store);
    CHECK(after.batches == before.batches + 6); // the copies are recorded as batches seen
    CHECK(after.requests == before.requests);
    CHECK(after.events == before.events);
    CHECK(after.versions == 0);
}

TEST_CASE_TEMPLATE("the same id with other content is a conflict: both versions kept, nothing overwritten",
                   Kind, test::SqliteKind, test::PostgresKind)
{
    test::TempDir dir;
    const auto store = Kind::open(dir);
    test::OfficeKeys keys;
    test::TempDir stickDir;
    test::useKioskTimeZone();
    test::Kiosk kiosk("CMG");
    kiosk.add(3, test::kOfficeT0);
    const exporter::ExportResult first =
        kiosk.exportTo(stickDir.path(), test::kOfficeT0 + test::kHourMs, keys.pair.publicKey);
    std::vector<fs::path> paths{stickDir.path()};
    REQUIRE(importPaths(*store, paths, test::importOptions(keys.pair.secretKey)).added() == 3);

    // On the kiosk the first request's note changes (a repaired database, a restored backup), and
    // its batch is written again: the same global id with other content.
    kiosk.db().exec("UPDATE requests SET note = 'lain' WHERE id = 1");
    test::TempDir second;
    REQUIRE(
        kiosk.exportTo(second.path(), test::kOfficeT0 + 2 * test::kHourMs, keys.pair.publicKey, first.batchId)
            .count == 3);
    std::vector<fs::path> again{second.path()};
    const ImportSummary s = importPaths(*store, again, test::importOptions(keys.pair.secretKey));
    CHECK(s.conflicts() == 1);
    CHECK(s.held() == 2);
    CHECK(s.added() == 0);
    const std::vector<Row> held = store->query("SELECT note, uid FROM requests WHERE reference = 'CMG-0001'");
    REQUIRE(held.size() == 1);
    CHECK(held[0].text(0) == test::numberedRequest(1).note); // the first version stays
    const std::vector<Row> other =
        store->query("SELECT content FROM request_versions WHERE uid = $1", {held[0].text(1)});
    REQUIRE(other.size() == 1);
    CHECK(nlohmann::json::parse(other[0].text(0))["note"] == "lain");
    // Imported once more: the same other version is not a new conflict.
    const ImportSummary twice = importPaths(*store, again, test::importOptions(keys.pair.secretKey));
    CHECK(twice.conflicts() == 0);
    CHECK(test::countOf(*store, "SELECT COUNT(*) FROM request_versions") == 1);
}

TEST_CASE_TEMPLATE("each refusal is a sentence and stores nothing of the batch", Kind, test::SqliteKind,
                   test::PostgresKind)
{
    test::TempDir dir;
    const auto store = Kind::open(dir);
    test::OfficeKeys keys;
    test::TempDir stickDir;
    test::useKioskTimeZone();
    test::Kiosk kiosk("CMG");
    kiosk.add(3, test::kOfficeT0);
    const exporter::ExportResult batch =
        kiosk.exportTo(stickDir.path(), test::kOfficeT0 + test::kHourMs, keys.pair.publicKey);
    test::TempDir work;
    const auto copy = [&](const std::string& name) {
        const fs::path to = work.path() / name;
        fs::copy(batch.folder, to, fs::copy_options::recursive);
        return to;
    };
    const auto refusal = [&](const fs::path& folder, const exporter::SecretKey& key) {
        const BatchSummary s = importBatch(*store, folder, test::importOptions(key));
        CHECK(s.added == 0);
        return s.refused;
    };
    const Counts empty = counts(*store);

    const fs::path changed = copy("changed");
    std::string bytes = test::readFile(changed / "requests.csv.sealed");
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 1);
    work.write("changed/requests.csv.sealed", bytes);
    CHECK(refusal(changed, keys.pair.secretKey) == "the file requests.csv.sealed was changed or damaged "
                                                   "after the kiosk wrote it: copy the batch again from "
                                                   "the kiosk (Salin lagi)");

    const fs::path missing = copy("missing");
    fs::remove(missing / "requests.json.sealed");
    CHECK(refusal(missing, keys.pair.secretKey) ==
          "the file requests.json.sealed is missing: copy the batch again from the kiosk (Salin lagi)");

    CHECK(refusal(batch.folder, exporter::makeKeyPair().secretKey) ==
          "the file requests.csv.sealed cannot be opened with this office key: it was sealed to another key");

    const fs::path newer = copy("newer");
    auto m = nlohmann::json::parse(test::readFile(newer / "manifest.json"));
    m["format_version"] = 2;
    work.write("newer/manifest.json", m.dump());
    CHECK(refusal(newer, keys.pair.secretKey) ==
          "made in a format version this program does not know: update desa-office");

    work.write("holiday/photo.jpg", "not a batch");
    std::vector<fs::path> photos{work.path() / "holiday"};
    const ImportSummary none = importPaths(*store, photos, test::importOptions(keys.pair.secretKey));
    REQUIRE(none.batches.size() == 1);
    CHECK(none.batches[0].refused == "not a kiosk batch, and no batch folder is inside it");

    work.write("odd/manifest.json", "{\"format\": \"camera\"}");
    CHECK(refusal(work.path() / "odd", keys.pair.secretKey).rfind("not a kiosk batch (", 0) == 0);

    const fs::path incomplete = work.path() / "20261102T090000-abc.incomplete";
    fs::copy(batch.folder, incomplete, fs::copy_options::recursive);
    CHECK(refusal(incomplete, keys.pair.secretKey).find("never finished") != std::string::npos);

    CHECK(counts(*store) == empty); // nothing of any refused batch
    // And the sound batch beside them still imports.
    CHECK(importBatch(*store, batch.folder, test::importOptions(keys.pair.secretKey)).added == 3);
}

TEST_CASE("a secret key file others can read is refused before anything is read")
{
    test::OfficeKeys keys;
    CHECK(readOfficeSecretKey(keys.secretFile) == keys.pair.secretKey);
    ::chmod(keys.secretFile.c_str(), 0640);
    try {
        (void)readOfficeSecretKey(keys.secretFile);
        FAIL("a group-readable key was read");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find(
                  "can be read by other users (mode 0640); make it private first: chmod 600") !=
              std::string::npos);
    }
}
