// Tests of the export engine: round trip, every fault at every step, --all, sealed batches, the
// audit carried batch to batch, writing a batch again, progress.
#include "export/exporter.hpp"
#include "export/format.hpp"
#include "export/seal.hpp"
#include "store/officer.hpp"
#include "store/schema.hpp"

#include "export_support.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <limits>
#include <system_error>

using namespace kiosk;
using namespace kiosk::exporter;
namespace fs = std::filesystem;

namespace {

constexpr Millis kNow = 1'764'400'000'000; // 2025-11-29T14:06:40+07:00

ExportOptions optionsFor(const fs::path& dest, std::optional<PublicKey> key = std::nullopt,
                         ExportScope scope = ExportScope::New)
{
    ExportOptions o;
    o.destination = dest;
    o.kioskId = "CMG";
    o.scope = scope;
    o.officeKey = key;
    o.nowMs = kNow;
    return o;
}

// The folders under <dest>/desa-kiosk/CMG.
std::vector<std::string> batchFolders(const fs::path& dest)
{
    std::vector<std::string> names;
    const fs::path root = dest / "desa-kiosk" / "CMG";
    std::error_code ec;
    if (!fs::exists(root, ec))
        return names;
    for (const auto& e : fs::directory_iterator(root))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// The CSV's records checked against the store's requests (header first).
void checkCsv(const std::string& csv, const std::vector<store::ExportRequest>& expected)
{
    REQUIRE(csv.substr(0, 3) == "\xEF\xBB\xBF");
    const auto records = test::parseCsv(std::string_view(csv).substr(3));
    REQUIRE(records.size() == expected.size() + 1);
    CHECK(records[0] == std::vector<std::string>(std::begin(kCsvColumns), std::end(kCsvColumns)));
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        const StoredRequest& r = expected[i].stored;
        const CallbackRequest& q = r.request;
        const std::vector<std::string> want = {r.reference,
                                               r.uid,
                                               isoLocal(r.createdMs),
                                               test::neutralised(q.name),
                                               test::neutralised(q.phone),
                                               test::neutralised(q.dusun),
                                               q.rt,
                                               q.rw,
                                               std::string(requestTopicId(q.topic)),
                                               std::string(contactTimeId(q.time)),
                                               test::neutralised(q.note),
                                               std::string(langCode(q.lang))};
        CHECK(records[i + 1] == want);
    }
}

} // namespace

TEST_CASE("a plain export writes the batch folder, its hashes, and marks exactly its requests")
{
    test::ExportFixture f;
    const auto expected = store::requestsToExport(f.db, ExportScope::New);
    REQUIRE(expected.size() == 5);
    PosixFileWriter files;
    const ExportResult result = exportBatch(f.db, files, optionsFor(f.dest));
    REQUIRE_FALSE(result.folder.empty());
    CHECK(result.count == 5);
    CHECK(result.marked == 5);
    CHECK_FALSE(result.sealed);
    CHECK(result.folder == f.dest / "desa-kiosk" / "CMG" / ("20251129T140640-" + result.batchId));
    CHECK(result.folder.filename().string().find(':') == std::string::npos);
    CHECK(batchFolders(f.dest) == std::vector<std::string>{result.folder.filename().string()});
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(result.folder))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"audit.csv", "manifest.json", "requests.csv", "requests.json"});
    CHECK(result.files ==
          std::vector<std::string>{"requests.csv", "requests.json", "audit.csv", "manifest.json"});

    const std::string csv = test::readFile(result.folder / "requests.csv");
    checkCsv(csv, expected);
    CHECK(csv.find("2025-11-29T08:01:02+07:00") != std::string::npos);

    const auto json = nlohmann::json::parse(test::readFile(result.folder / "requests.json"));
    REQUIRE(json.size() == 5);
    CHECK(json[0]["id"] == expected[0].stored.id);
    CHECK(json[0]["uid"] == expected[0].stored.uid);
    CHECK(json[0]["name"] == expected[0].stored.request.name); // JSON holds the raw value
    CHECK(json[2]["note"] == expected[2].stored.request.note);
    CHECK(json[0]["created"] == "2025-11-29T08:01:02+07:00");
    CHECK(json[0]["collected_batch"].is_null());

    const std::string manifestText = test::readFile(result.folder / "manifest.json");
    const auto manifest = nlohmann::json::parse(manifestText);
    CHECK(manifest["kiosk_id"] == "CMG");
    CHECK(manifest["batch_id"] == result.batchId);
    CHECK(manifest["count"] == 5);
    CHECK(manifest["schema_version"] == store::kSchemaVersion);
    CHECK(manifest["first_created"] == "2025-11-29T08:01:02+07:00");
    CHECK(manifest["last_created"] == isoLocal(expected.back().stored.createdMs));
    CHECK(manifest["sealed"] == false);
    REQUIRE(manifest["files"].size() == 3);
    for (const auto& file : manifest["files"])
        CHECK(file["sha256"] == sha256Hex(test::readFile(result.folder / file["name"].get<std::string>())));
    for (const auto& e : expected) { // no personal data in the manifest
        CHECK(manifestText.find(e.stored.request.phone) == std::string::npos);
        CHECK(manifestText.find(e.stored.uid) == std::string::npos);
    }

    // Marked, with the batch row.
    CHECK(f.newCount() == 0);
    for (const auto& e : store::requestsToExport(f.db, ExportScope::All))
        CHECK(e.collectedBatch == result.batchId);
    const auto batches = store::listBatches(f.db);
    REQUIRE(batches.size() == 1);
    CHECK(batches[0].id == result.batchId);
    CHECK(batches[0].count == 5);
    CHECK(batches[0].folder == result.folder.filename().string());
    // No audit entries yet: audit.csv holds its header only, and the batch took none.
    CHECK(test::readFile(result.folder / "audit.csv") == "\xEF\xBB\xBFid,time,kind,detail\r\n");
    CHECK(batches[0].auditThrough == 0);
    const auto audit = store::auditSince(f.db, 0);
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].kind == store::kAuditExport);
    CHECK(audit[0].detail == "batch=" + result.batchId + " count=5 marked=5 sealed=no");

    // Nothing new: no folder.
    const ExportResult none = exportBatch(f.db, files, optionsFor(f.dest));
    CHECK(none.folder.empty());
    CHECK(none.count == 0);
}

TEST_CASE("--all includes requests collected before, and marks only the new ones")
{
    test::ExportFixture f;
    PosixFileWriter files;
    const ExportResult first = exportBatch(f.db, files, optionsFor(f.dest));
    REQUIRE(first.count == 5);
    f.add({test::numberedRequest(40), test::numberedRequest(41)});
    const ExportResult all = exportBatch(f.db, files, optionsFor(f.dest, std::nullopt, ExportScope::All));
    CHECK(all.count == 7);
    CHECK(all.marked == 2);
    const auto everything = store::requestsToExport(f.db, ExportScope::All);
    checkCsv(test::readFile(all.folder / "requests.csv"), everything);
    CHECK(everything[0].collectedBatch == first.batchId); // keeps its first batch
    CHECK(everything[6].collectedBatch == all.batchId);
    const auto json = nlohmann::json::parse(test::readFile(all.folder / "requests.json"));
    CHECK(json[0]["collected_batch"] == first.batchId);
    CHECK(nlohmann::json::parse(test::readFile(all.folder / "manifest.json"))["scope"] == "all");
}

TEST_CASE("every file and the batch folder are flushed under their new names after each rename (FAT)")
{
    test::ExportFixture f;
    test::NoSyncFileWriter files;
    const ExportResult r = exportBatch(f.db, files, optionsFor(f.dest));
    REQUIRE(r.count == 5);
    std::size_t renames = 0;
    for (std::size_t i = 0; i < files.journal.size(); ++i) {
        if (files.journal[i].rfind("rename ", 0) != 0)
            continue;
        ++renames;
        const fs::path renamed = files.journal[i].substr(7);
        CAPTURE(renamed);
        // The thing itself first (its entry holds its size and first cluster), then its folder.
        REQUIRE(i + 2 < files.journal.size());
        CHECK(files.journal[i + 1] == "syncPath " + renamed.string());
        CHECK(files.journal[i + 2] == "syncDir " + renamed.parent_path().string());
    }
    CHECK(renames == 5); // four files and the folder
    CHECK(files.journal.back() == "syncDir " + r.folder.parent_path().string());
}

TEST_CASE("a fault at every file operation: nothing marked, no finished folder, the next export succeeds")
{
    test::ExportFixture f;
    test::NoSyncFileWriter real;
    std::size_t total = 0;
    {
        // How many operations one export makes, every file of the batch among them.
        FaultyFileWriter counting(real, std::numeric_limits<std::size_t>::max(), EIO);
        const ExportResult r = exportBatch(f.db, counting, optionsFor(f.dest));
        REQUIRE(r.count == 5);
        total = counting.operations();
        CHECK(real.created == std::vector<std::string>{"requests.csv.tmp", "requests.json.tmp",
                                                       "audit.csv.tmp", "manifest.json.tmp"});
        f.db.exec("UPDATE requests SET collected_batch = NULL, collected_ms = NULL; DELETE FROM batches");
        fs::remove_all(f.dest / "desa-kiosk");
    }
    REQUIRE(total > 20);
    int failures = 0;
    for (const int error : {ENOSPC, EIO, EROFS})
        for (const bool sticky : {false, true})
            for (std::size_t n = 0;; ++n) {
                CAPTURE(error);
                CAPTURE(sticky);
                CAPTURE(n);
                FaultyFileWriter faulty(real, n, error, sticky);
                const std::size_t auditBefore = store::auditSince(f.db, 0).size();
                bool succeeded = false;
                try {
                    (void)exportBatch(f.db, faulty, optionsFor(f.dest));
                    succeeded = true;
                } catch (const std::system_error& e) {
                    CHECK(e.code().value() == error);
                }
                if (!faulty.fired()) {
                    CHECK(succeeded);
                    CHECK(n == total);
                    f.db.exec("UPDATE requests SET collected_batch = NULL, collected_ms = NULL; DELETE FROM "
                              "batches");
                    fs::remove_all(f.dest / "desa-kiosk");
                    break;
                }
                ++failures;
                REQUIRE_FALSE(succeeded);
                CHECK(f.newCount() == 5);
                CHECK(store::listBatches(f.db).empty());
                CHECK(store::auditSince(f.db, 0).size() == auditBefore); // no "export" row
                for (const std::string& name : batchFolders(f.dest)) {
                    // A fault on every operation from the flushes after the folder's rename on
                    // (the folder itself, then its parent) cannot even rename it back.
                    if (!(sticky && n >= total - 2))
                        CHECK(name.ends_with(".incomplete"));
                    if (!sticky)
                        FAIL("the partial folder was not removed: " << name);
                }

                // (Without fsync to keep the loop fast; the real writer has its own tests above.)
                const ExportResult next = exportBatch(f.db, real, optionsFor(f.dest));
                CHECK(next.count == 5);
                CHECK(f.newCount() == 0);
                checkCsv(test::readFile(next.folder / "requests.csv"),
                         store::requestsToExport(f.db, ExportScope::All));
                f.db.exec(
                    "UPDATE requests SET collected_batch = NULL, collected_ms = NULL; DELETE FROM batches");
                fs::remove_all(f.dest / "desa-kiosk");
            }
    CHECK(failures == static_cast<int>(6 * total));
    MESSAGE(total << " file operations per export, each failed with ENOSPC, EIO and EROFS, once and sticky");
}

TEST_CASE("when marking fails, the written folder is removed and nothing is marked")
{
    test::ExportFixture f;
    f.db.exec(
        "CREATE TEMP TRIGGER refuse BEFORE INSERT ON batches BEGIN SELECT RAISE(ABORT, 'refused'); END");
    PosixFileWriter files;
    CHECK_THROWS_AS((void)exportBatch(f.db, files, optionsFor(f.dest)), store::SqliteError);
    CHECK(f.newCount() == 5);
    CHECK(batchFolders(f.dest).empty());
    f.db.exec("DROP TRIGGER refuse");
    CHECK(exportBatch(f.db, files, optionsFor(f.dest)).count == 5);
}

TEST_CASE("a sealed export decrypts to the same records; wrong key, changed or cut files are refused")
{
    test::ExportFixture f;
    const KeyPair office = makeKeyPair();
    const auto expected = store::requestsToExport(f.db, ExportScope::New);
    PosixFileWriter files;
    const ExportResult result = exportBatch(f.db, files, optionsFor(f.dest, office.publicKey));
    REQUIRE(result.sealed);
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(result.folder))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"audit.csv", "manifest.json", "requests.csv.sealed",
                                            "requests.json.sealed"});
    const std::string sealedCsv = test::readFile(result.folder / "requests.csv.sealed");
    CHECK(sealedCsv.find(expected[0].stored.request.phone) == std::string::npos);
    const auto manifest = nlohmann::json::parse(test::readFile(result.folder / "manifest.json"));
    CHECK(manifest["sealed"] == true);
    for (const auto& file : manifest["files"])
        CHECK(file["sha256"] == sha256Hex(test::readFile(result.folder / file["name"].get<std::string>())));

    test::TempDir office1;
    const DecryptResult plain = decryptBatch(result.folder, office.secretKey, office1.path() / "out");
    CHECK(plain.count == 5);
    CHECK(plain.written.size() == 4);
    // The audit is not sealed, and comes out as it went in.
    CHECK(test::readFile(office1.path() / "out" / "audit.csv") ==
          test::readFile(result.folder / "audit.csv"));
    checkCsv(test::readFile(office1.path() / "out" / "requests.csv"), expected);
    CHECK(nlohmann::json::parse(test::readFile(office1.path() / "out" / "requests.json")).size() == 5);
    // Never overwrites.
    CHECK_THROWS_AS((void)decryptBatch(result.folder, office.secretKey, office1.path() / "out"),
                    std::system_error);

    const auto refused = [&](const fs::path& batch, const SecretKey& key, const std::string& says) {
        test::TempDir out;
        try {
            (void)decryptBatch(batch, key, out.path() / "out");
            FAIL("decrypted: " << says);
        } catch (const SealError& e) {
            CHECK_MESSAGE(std::string(e.what()).find(says) != std::string::npos, e.what());
        }
        CHECK_FALSE(fs::exists(out.path() / "out")); // nothing written
    };
    refused(result.folder, makeKeyPair().secretKey, "wrong secret key");

    const auto copyBatch = [&](const std::string& name) {
        const fs::path copy = office1.path() / name;
        fs::copy(result.folder, copy, fs::copy_options::recursive);
        return copy;
    };
    {
        const fs::path flipped = copyBatch("flipped");
        std::string bytes = sealedCsv;
        bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x01);
        office1.write("flipped/requests.csv.sealed", bytes);
        refused(flipped, office.secretKey, "SHA-256 differs");
    }
    {
        const fs::path cut = copyBatch("cut");
        office1.write("cut/requests.json.sealed", sealedCsv.substr(0, sealedCsv.size() - 20));
        refused(cut, office.secretKey, "SHA-256 differs");
    }
    {
        // A flipped byte with the manifest hash made to match: the AEAD refuses it.
        const fs::path forged = copyBatch("forged");
        std::string bytes = sealedCsv;
        bytes.back() = static_cast<char>(bytes.back() ^ 0x80);
        office1.write("forged/requests.csv.sealed", bytes);
        auto m = nlohmann::json::parse(test::readFile(forged / "manifest.json"));
        for (auto& file : m["files"])
            if (file["name"] == "requests.csv.sealed")
                file["sha256"] = sha256Hex(bytes);
        office1.write("forged/manifest.json", m.dump());
        refused(forged, office.secretKey, "changed or damaged");
    }
    {
        const fs::path missing = copyBatch("missing");
        fs::remove(missing / "requests.json.sealed");
        refused(missing, office.secretKey, "missing");
    }
}

TEST_CASE("openBatch opens a sealed batch in memory and names each fault it refuses")
{
    test::ExportFixture f;
    const KeyPair office = makeKeyPair();
    PosixFileWriter files;
    const ExportResult result = exportBatch(f.db, files, optionsFor(f.dest, office.publicKey));
    const OpenedBatch batch = openBatch(result.folder, office.secretKey);
    CHECK(batch.kioskId == "CMG");
    CHECK(batch.batchId == result.batchId);
    CHECK(batch.count == 5);
    CHECK(batch.sealed);
    CHECK(batch.scope == "new");
    REQUIRE(batch.plain("requests.json") != nullptr);
    CHECK(nlohmann::json::parse(*batch.plain("requests.json")).size() == 5);
    CHECK(batch.plain("nothing.csv") == nullptr);

    test::TempDir office1;
    const auto fault = [&](const fs::path& dir, const SecretKey& key) {
        try {
            (void)openBatch(dir, key);
        } catch (const BatchError& e) {
            return e.fault();
        }
        FAIL("opened " << dir);
        return BatchFault::NotABatch;
    };
    const auto copyBatch = [&](const std::string& name) {
        const fs::path copy = office1.path() / name;
        fs::copy(result.folder, copy, fs::copy_options::recursive);
        return copy;
    };
    CHECK(fault(result.folder, makeKeyPair().secretKey) == BatchFault::WrongKey);
    const fs::path changed = copyBatch("changed");
    office1.write("changed/audit.csv", "id,time,kind,detail\r\n");
    CHECK(fault(changed, office.secretKey) == BatchFault::ChangedFile);
    const fs::path missing = copyBatch("missing");
    fs::remove(missing / "requests.csv.sealed");
    CHECK(fault(missing, office.secretKey) == BatchFault::MissingFile);
    const fs::path newer = copyBatch("newer");
    auto m = nlohmann::json::parse(test::readFile(newer / "manifest.json"));
    m["format_version"] = 2;
    office1.write("newer/manifest.json", m.dump());
    CHECK(fault(newer, office.secretKey) == BatchFault::UnknownVersion);
    CHECK(fault(office1.path(), office.secretKey) == BatchFault::NotABatch);
    office1.write("photos/manifest.json", "{\"format\": \"camera\"}");
    CHECK(fault(office1.path() / "photos", office.secretKey) == BatchFault::NotABatch);
}

TEST_CASE("a real small tmpfs: full, then read-only, then room: nothing marked until the export fits")
{
    test::ExportFixture f;
    const fs::path mountPoint = f.dir.path() / "tmpfs";
    fs::create_directories(mountPoint);
    const auto run = [](const std::string& command) { return std::system(command.c_str()) == 0; };
    if (::geteuid() != 0 ||
        !run("mount -t tmpfs -o size=64k tmpfs '" + mountPoint.string() + "' 2>/dev/null")) {
        MESSAGE(
            "SKIPPED: cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN); the injected faults above "
            "cover ENOSPC and EROFS");
        return;
    }
    struct Unmount {
        fs::path at;
        ~Unmount() { (void)std::system(("umount '" + at.string() + "' 2>/dev/null").c_str()); }
    } unmount{mountPoint};
    std::vector<CallbackRequest> many;
    for (int i = 0; i < 300; ++i)
        many.push_back(test::numberedRequest(100 + i));
    f.add(many);
    const std::size_t all = f.newCount();
    PosixFileWriter files;

    try {
        (void)exportBatch(f.db, files, optionsFor(mountPoint));
        FAIL("a 64 KiB tmpfs took the whole batch");
    } catch (const std::system_error& e) {
        CHECK(e.code().value() == ENOSPC);
    }
    CHECK(f.newCount() == all);
    CHECK(batchFolders(mountPoint).empty());

    REQUIRE(run("mount -o remount,ro,size=4m '" + mountPoint.string() + "'"));
    try {
        (void)exportBatch(f.db, files, optionsFor(mountPoint));
        FAIL("exported to a read-only file system");
    } catch (const std::system_error& e) {
        CHECK(e.code().value() == EROFS);
    }
    CHECK(f.newCount() == all);

    REQUIRE(run("mount -o remount,rw,size=4m '" + mountPoint.string() + "'"));
    const ExportResult result = exportBatch(f.db, files, optionsFor(mountPoint));
    CHECK(result.count == all);
    CHECK(f.newCount() == 0);
    CHECK(batchFolders(mountPoint) == std::vector<std::string>{result.folder.filename().string()});
}

namespace {

// audit.csv's records after the header, checked against the store's entries.
void checkAuditCsv(const std::string& csv, const std::vector<store::AuditEntry>& expected)
{
    REQUIRE(csv.substr(0, 3) == "\xEF\xBB\xBF");
    const auto records = test::parseCsv(std::string_view(csv).substr(3));
    REQUIRE(records.size() == expected.size() + 1);
    CHECK(records[0] == std::vector<std::string>(std::begin(kAuditCsvColumns), std::end(kAuditCsvColumns)));
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        const store::AuditEntry& e = expected[i];
        CHECK(records[i + 1] == std::vector<std::string>{std::to_string(e.id), isoLocal(e.atMs),
                                                         test::neutralised(e.kind),
                                                         test::neutralised(e.detail)});
    }
}

} // namespace

TEST_CASE("audit.csv carries the audit entries since the previous batch, plain and formula-safe")
{
    test::ExportFixture f;
    store::appendAudit(f.db, kNow - 3'000, store::kAuditContent);
    store::appendAudit(f.db, kNow - 2'000, "officer-login-ok");
    store::appendAudit(f.db, kNow - 1'000, "=cmd|' /C calc'!A0", "-1+2, \"kutip\"\r\nbaris dua");
    PosixFileWriter files;
    const ExportResult first = exportBatch(f.db, files, optionsFor(f.dest));
    const std::string firstCsv = test::readFile(first.folder / "audit.csv");
    const auto all = store::auditSince(f.db, 0);
    REQUIRE(all.size() == 4); // the three, then the export's own row, written after the file
    checkAuditCsv(firstCsv, {all[0], all[1], all[2]});
    CHECK(all[3].kind == store::kAuditExport);
    CHECK(firstCsv.find("2025-11-29T14:06:37+07:00") != std::string::npos);
    CHECK(firstCsv.find("\"'-1+2, \"\"kutip\"\"\r\nbaris dua\"") != std::string::npos);
    CHECK(store::listBatches(f.db).at(0).auditThrough == 3);
    const auto manifest = nlohmann::json::parse(test::readFile(first.folder / "manifest.json"));
    CHECK(manifest["audit_through"] == 3);
    bool listed = false;
    for (const auto& file : manifest["files"])
        if (file["name"] == "audit.csv") {
            listed = true;
            CHECK(file["content"] == "audit.csv");
            CHECK(file["sha256"] == sha256Hex(firstCsv));
        }
    CHECK(listed);

    // The second batch starts after the first one's: its export row, and what came after it.
    store::appendAudit(f.db, kNow + 5'000, store::kAuditPurge, "count=1 days=14");
    f.add({test::numberedRequest(40)});
    ExportOptions later = optionsFor(f.dest);
    later.nowMs = kNow + 60'000;
    const ExportResult second = exportBatch(f.db, files, later);
    const auto secondEntries = store::auditSince(f.db, 3);
    REQUIRE(secondEntries.size() == 3); // export 1, purge, export 2 (written after the file)
    checkAuditCsv(test::readFile(second.folder / "audit.csv"), {secondEntries[0], secondEntries[1]});
    CHECK(secondEntries[0].detail == "batch=" + first.batchId + " count=5 marked=5 sealed=no");
    CHECK(secondEntries[2].detail == "batch=" + second.batchId + " count=1 marked=1 sealed=no");
    const auto batches = store::listBatches(f.db);
    REQUIRE(batches.size() == 2);
    CHECK(batches[1].auditThrough == secondEntries[1].id);
    CHECK(store::auditExportedThrough(f.db) == secondEntries[1].id);

    // A sealed batch: the requests sealed, the audit plain beside them.
    f.add({test::numberedRequest(41)});
    const KeyPair office = makeKeyPair();
    ExportOptions sealed = optionsFor(f.dest, office.publicKey);
    sealed.nowMs = kNow + 120'000;
    const ExportResult third = exportBatch(f.db, files, sealed);
    CHECK(fs::exists(third.folder / "requests.csv.sealed"));
    CHECK_FALSE(fs::exists(third.folder / "audit.csv.sealed"));
    checkAuditCsv(test::readFile(third.folder / "audit.csv"), {secondEntries[2]});
    CHECK(store::auditSince(f.db, 0).back().detail ==
          "batch=" + third.batchId + " count=1 marked=1 sealed=yes");
}

TEST_CASE("writing a batch again: the same requests, nothing newly marked, audited as a re-export")
{
    test::ExportFixture f;
    PosixFileWriter files;
    ExportOptions options = optionsFor(f.dest);
    options.stickLabel = "KANTOR-A";
    const ExportResult first = exportBatch(f.db, files, options);
    REQUIRE(first.count == 5);
    const auto firstRequests = store::requestsOfBatch(f.db, first.batchId);
    f.add({test::numberedRequest(40)}); // new since: stays new

    ExportOptions again = optionsFor(f.dest, std::nullopt, ExportScope::All); // scope ignored
    again.againBatch = first.batchId;
    again.stickLabel = "KANTOR-B";
    again.nowMs = kNow + 3'600'000;
    const ExportResult copy = exportBatch(f.db, files, again);
    CHECK(copy.count == 5);
    CHECK(copy.marked == 0);
    CHECK(copy.batchId != first.batchId);
    CHECK(copy.folder != first.folder);
    CHECK(test::readFile(copy.folder / "requests.csv") == test::readFile(first.folder / "requests.csv"));
    checkCsv(test::readFile(copy.folder / "requests.csv"), firstRequests);
    CHECK(f.newCount() == 1);
    for (const auto& e : store::requestsOfBatch(f.db, first.batchId))
        CHECK(e.collectedBatch == first.batchId); // keeps the batch that collected it
    CHECK(store::requestsOfBatch(f.db, copy.batchId).empty());

    const auto manifest = nlohmann::json::parse(test::readFile(copy.folder / "manifest.json"));
    CHECK(manifest["scope"] == "again");
    CHECK(manifest["again_of"] == first.batchId);
    CHECK(manifest["count"] == 5);
    const auto batches = store::listBatches(f.db);
    REQUIRE(batches.size() == 2);
    CHECK(batches[0].stick == "KANTOR-A");
    CHECK(batches[1].stick == "KANTOR-B");
    CHECK(batches[1].count == 5);
    CHECK(batches[1].againOf == first.batchId);
    CHECK_FALSE(batches[0].again());
    const auto audit = store::recentAudit(f.db, 1);
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].kind == store::kAuditReexport);
    CHECK(audit[0].detail == "batch=" + copy.batchId + " count=5 marked=0 sealed=no");
    CHECK(audit[0].atMs == again.nowMs);

    // The copy got lost too: writing the copy again writes the first batch's requests once more.
    again.againBatch = copy.batchId;
    again.stickLabel = "KANTOR-C";
    const ExportResult copyOfCopy = exportBatch(f.db, files, again);
    CHECK(copyOfCopy.count == 5);
    CHECK(copyOfCopy.marked == 0);
    CHECK(test::readFile(copyOfCopy.folder / "requests.csv") ==
          test::readFile(first.folder / "requests.csv"));
    CHECK(store::listBatches(f.db).back().againOf == first.batchId);
    CHECK(nlohmann::json::parse(test::readFile(copyOfCopy.folder / "manifest.json"))["again_of"] ==
          first.batchId);

    // A batch that never was: refused, nothing written.
    again.againBatch = "0000000000";
    CHECK_THROWS_AS((void)exportBatch(f.db, files, again), std::invalid_argument);
    CHECK(batchFolders(f.dest).size() == 3);
    // Every request of it purged: nothing to write.
    f.db.exec("DELETE FROM requests WHERE collected_batch IS NOT NULL");
    again.againBatch = first.batchId;
    CHECK(exportBatch(f.db, files, again).folder.empty());
}

TEST_CASE("progress: 0 first, then after each file by bytes, and 1 only once the batch is marked")
{
    test::ExportFixture f;
    PosixFileWriter files;
    std::vector<double> seen;
    std::size_t newWhenComplete = 99;
    ExportOptions options = optionsFor(f.dest);
    options.progress = [&](double fraction) {
        seen.push_back(fraction);
        if (fraction == 1.0)
            newWhenComplete = f.newCount();
    };
    const ExportResult result = exportBatch(f.db, files, options);
    REQUIRE(seen.size() == result.files.size() + 1);
    CHECK(seen.front() == 0.0);
    CHECK(seen.back() == 1.0);
    for (std::size_t i = 1; i < seen.size(); ++i)
        CHECK(seen[i] > seen[i - 1]);
    CHECK(newWhenComplete == 0);
    // Fractions of the bytes of the files in the order they were written.
    double total = 0;
    for (const std::string& name : result.files)
        total += static_cast<double>(fs::file_size(result.folder / name));
    double done = 0;
    for (std::size_t i = 0; i + 1 < result.files.size(); ++i) {
        done += static_cast<double>(fs::file_size(result.folder / result.files[i]));
        CHECK(seen[i + 1] == doctest::Approx(done / total));
    }

    // A failed export never reports 1.
    f.add({test::numberedRequest(40)});
    test::NoSyncFileWriter real;
    FaultyFileWriter faulty(real, 20, ENOSPC);
    seen.clear();
    CHECK_THROWS_AS((void)exportBatch(f.db, faulty, options), std::system_error);
    REQUIRE_FALSE(seen.empty());
    CHECK(seen.back() < 1.0);

    // A callback that throws (the officer cancelled) fails the export before it is marked.
    options.progress = [](double fraction) {
        if (fraction > 0.0)
            throw std::runtime_error("cancelled");
    };
    CHECK_THROWS_AS((void)exportBatch(f.db, files, options), std::runtime_error);
    CHECK(f.newCount() == 1);
    CHECK(store::listBatches(f.db).size() == 1);
    CHECK(batchFolders(f.dest).size() == 1);
}
