// Status packs' file: written and read back whole; refused when unsigned, forged, changed by one
// byte, for another kiosk, cut short, garbage or too large; an entry with anything but reference,
// status and date refused even when signed.
#include "export/seal.hpp"
#include "export/signing.hpp"
#include "export/status_pack.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

struct SigningOffice {
    test::TempDir dir;
    fs::path pub, sec;
    std::vector<signing::PublicKey> trusted;
    SigningOffice()
    {
        std::tie(pub, sec) = signing::makeSigningKeys(dir.path() / "kantor");
        trusted = {signing::readPublicKey(pub)};
    }
};

statuspack::StatusPack samplePack(const std::string& kiosk = "CMG")
{
    statuspack::StatusPack p;
    p.book.kioskId = kiosk;
    p.book.created = "2026-12-02 14:05";
    p.createdMs = 1'796'195'100'000;
    p.book.entries = {{kiosk + "-0001", RequestStatus::Received, "2026-11-03"},
                      {kiosk + "-0002", RequestStatus::Contacted, "2026-11-20"},
                      {kiosk + "-0003", RequestStatus::Done, "2026-12-01"}};
    return p;
}

// The file with its body replaced by `text`, signed again with `sec`.
std::string signedBody(const std::string& text, const fs::path& sec)
{
    return std::string(statuspack::kHeader) + "\n" + signing::sign(text, sec) + text;
}

} // namespace

TEST_CASE("status pack: written, read back whole, and shaped as documented")
{
    SigningOffice office;
    const auto pack = samplePack();
    const std::string file = statuspack::write(pack, office.sec);
    const statuspack::Read r = statuspack::read(file, office.trusted, "CMG");
    REQUIRE_MESSAGE(r.ok(), r.detail);
    CHECK(r.pack.createdMs == pack.createdMs);
    CHECK(r.pack.book.kioskId == "CMG");
    CHECK(r.pack.book.created == "2026-12-02 14:05");
    REQUIRE(r.pack.book.entries.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(r.pack.book.entries[i].reference == pack.book.entries[i].reference);
        CHECK(r.pack.book.entries[i].status == pack.book.entries[i].status);
        CHECK(r.pack.book.entries[i].date == pack.book.entries[i].date);
    }
    // Line 1 the header, line 2 the signature, then the JSON body with one request a line.
    CHECK(file.rfind("desa-kiosk status pack 1\ned25519 ", 0) == 0);
    const std::string body = file.substr(file.find('\n', file.find('\n') + 1) + 1);
    CHECK(body == statuspack::body(pack));
    CHECK(body.find("\n{\"reference\":\"CMG-0002\",\"status\":\"dihubungi\",\"date\":\"2026-11-20\"}") !=
          std::string::npos);
    const auto j = nlohmann::json::parse(body);
    CHECK(j["format"] == "desa-kiosk-status");
    CHECK(j["version"] == 1);
    CHECK(j["requests"].size() == 3);
    // An empty list is a pack too: the office has nothing of this kiosk yet.
    auto empty = pack;
    empty.book.entries.clear();
    CHECK(statuspack::read(statuspack::write(empty, office.sec), office.trusted, "CMG").ok());
    CHECK(statuspack::fileName("CMG") == "CMG.status");
}

TEST_CASE("status pack: refused when forged, changed, for another kiosk or unsigned")
{
    SigningOffice office;
    const std::string file = statuspack::write(samplePack(), office.sec);

    SUBCASE("signed by a key this kiosk does not trust")
    {
        SigningOffice forger;
        const auto r = statuspack::read(statuspack::write(samplePack(), forger.sec), office.trusted, "CMG");
        CHECK(r.refusal == statuspack::Refusal::UntrustedKey);
        CHECK(r.fault.keyId.size() == 16);
        // Trusting both keys accepts either.
        auto both = office.trusted;
        both.push_back(forger.trusted[0]);
        CHECK(statuspack::read(statuspack::write(samplePack(), forger.sec), both, "CMG").ok());
    }
    SUBCASE("one byte of the body changed")
    {
        for (const std::string& from : {std::string("dihubungi"), std::string("2026-11-03")}) {
            std::string changed = file;
            const auto at = changed.find(from);
            REQUIRE(at != std::string::npos);
            changed[at + 2] = changed[at + 2] == '1' ? '2' : 'X';
            CHECK(statuspack::read(changed, office.trusted, "CMG").refusal ==
                  statuspack::Refusal::BadSignature);
        }
        // A byte added at the end.
        CHECK(statuspack::read(file + " ", office.trusted, "CMG").refusal ==
              statuspack::Refusal::BadSignature);
    }
    SUBCASE("another kiosk's pack")
    {
        const auto r = statuspack::read(file, office.trusted, "KRJ");
        CHECK(r.refusal == statuspack::Refusal::OtherKiosk);
    }
    SUBCASE("no signature, or none trusted")
    {
        std::string unsignedFile =
            std::string(statuspack::kHeader) + "\n" + "no signature here\n" + statuspack::body(samplePack());
        CHECK(statuspack::read(unsignedFile, office.trusted, "CMG").refusal == statuspack::Refusal::Unsigned);
        CHECK(statuspack::read(file, {}, "CMG").refusal == statuspack::Refusal::NoTrustedKey);
    }
    SUBCASE("the sealing key in place of the signing key is named as such")
    {
        exporter::writeKeyFiles(office.dir.path() / "kantor", exporter::makeKeyPair());
        try {
            (void)statuspack::write(samplePack(), office.dir.path() / "kantor.secret");
            FAIL("a sealing key signed a status pack");
        } catch (const std::runtime_error& e) {
            CHECK(std::string(e.what()).find("is the office's sealing key") != std::string::npos);
        }
    }
}

TEST_CASE("status pack: cut short, garbage or huge files are refused without a crash")
{
    SigningOffice office;
    const std::string file = statuspack::write(samplePack(), office.sec);
    // Every length it could be cut to.
    for (std::size_t n = 0; n < file.size(); ++n) {
        const auto r = statuspack::read(std::string_view(file).substr(0, n), office.trusted, "CMG");
        CHECK_FALSE(r.ok());
        CHECK((r.refusal == statuspack::Refusal::Damaged || r.refusal == statuspack::Refusal::Unsigned ||
               r.refusal == statuspack::Refusal::BadSignature));
    }
    CHECK(statuspack::read("", office.trusted, "CMG").refusal == statuspack::Refusal::Damaged);
    std::string garbage(4096, '\0');
    for (std::size_t i = 0; i < garbage.size(); ++i)
        garbage[i] = static_cast<char>((i * 7919u) & 0xff);
    CHECK(statuspack::read(garbage, office.trusted, "CMG").refusal == statuspack::Refusal::Damaged);
    CHECK(
        statuspack::read(std::string(statuspack::kHeader) + "\n" + garbage, office.trusted, "CMG").refusal ==
        statuspack::Refusal::Unsigned);
    const std::string huge(statuspack::kMaxBytes + 1, 'x');
    CHECK(statuspack::read(huge, office.trusted, "CMG").refusal == statuspack::Refusal::TooLarge);
}

TEST_CASE("status pack: a signed body with anything but reference, status and date is refused")
{
    SigningOffice office;
    const std::string good = statuspack::body(samplePack());
    const auto withEntry = [&](const std::string& entry) {
        std::string text = good;
        text.insert(text.rfind("\n]}"), ",\n" + entry);
        return signedBody(text, office.sec);
    };
    const auto refusal = [&](const std::string& file) {
        return statuspack::read(file, office.trusted, "CMG").refusal;
    };
    CHECK(refusal(withEntry(R"({"reference":"CMG-0009","status":"selesai","date":"2026-12-01"})")) ==
          statuspack::Refusal::None);
    CHECK(refusal(withEntry(
              R"({"reference":"CMG-0009","status":"selesai","date":"2026-12-01","name":"Siti"})")) ==
          statuspack::Refusal::Invalid);
    CHECK(refusal(withEntry(R"({"reference":"CMG-0009","status":"dirujuk","date":"2026-12-01"})")) ==
          statuspack::Refusal::Invalid);
    CHECK(refusal(withEntry(R"({"reference":"CMG-0009","status":"selesai","date":"2026-02-30"})")) ==
          statuspack::Refusal::Invalid);
    CHECK(refusal(withEntry(R"({"reference":"KRJ-0009","status":"selesai","date":"2026-12-01"})")) ==
          statuspack::Refusal::Invalid);
    CHECK(refusal(withEntry(R"({"reference":"CMG-0001","status":"selesai","date":"2026-12-01"})")) ==
          statuspack::Refusal::Invalid); // listed twice
    std::string newer = good;
    newer.replace(newer.find("\"version\":1"), 11, "\"version\":2");
    CHECK(refusal(signedBody(newer, office.sec)) == statuspack::Refusal::Invalid);
    CHECK(refusal(signedBody("[]", office.sec)) == statuspack::Refusal::Invalid);
    // The writer refuses what a kiosk would.
    auto bad = samplePack();
    bad.book.entries.push_back({"CMG-0001", RequestStatus::Done, "2026-12-01"});
    CHECK_THROWS_AS((void)statuspack::body(bad), std::invalid_argument);
    bad = samplePack();
    bad.book.entries[0].reference = "CMG-12a";
    CHECK_THROWS_AS((void)statuspack::body(bad), std::invalid_argument);
    bad = samplePack("cmg");
    CHECK_THROWS_AS((void)statuspack::body(bad), std::invalid_argument);
}
