// Tests of the batch formats: CSV fields (RFC 4180, formula injection), ISO times, a request's JSON,
// SHA-256.
#include "export/format.hpp"

#include "export_support.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace kiosk;
using namespace kiosk::exporter;

TEST_CASE("CSV fields are quoted per RFC 4180 and formula starts are neutralised")
{
    CHECK(csvField("") == "");
    CHECK(csvField("plain é") == "plain é");
    CHECK(csvField("a,b") == "\"a,b\"");
    CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csvField("a\nb") == "\"a\nb\"");
    CHECK(csvField("a\r\nb") == "\"a\r\nb\"");
    CHECK(csvField("=1+1") == "'=1+1");
    CHECK(csvField("+628123") == "'+628123");
    CHECK(csvField("-2") == "'-2");
    CHECK(csvField("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csvField("\tx") == "'\tx");
    CHECK(csvField("\rx") == "\"'\rx\"");
    CHECK(csvField("=\"x\",y") == "\"'=\"\"x\"\",y\"");
    CHECK(csvField("a=b") == "a=b"); // only the first character matters
}

TEST_CASE("times are ISO 8601 with the kiosk's offset; folder stamps have no colon")
{
    test::useKioskTimeZone();
    CHECK(isoLocal(1'764'378'062'000) == "2025-11-29T08:01:02+07:00");
    CHECK(isoLocal(1'764'378'062'999) == "2025-11-29T08:01:02+07:00");
    CHECK(folderStamp(1'764'378'062'000) == "20251129T080102");
    ::setenv("TZ", "NST+3:30", 1); // a negative offset with minutes
    ::tzset();
    CHECK(isoLocal(0) == "1969-12-31T20:30:00-03:30");
    test::useKioskTimeZone();
}

TEST_CASE("times are ISO-8601 UTC with milliseconds")
{
    CHECK(isoUtc(0) == "1970-01-01T00:00:00.000Z");
    CHECK(isoUtc(1'714'552'212'345) == "2024-05-01T08:30:12.345Z");
    CHECK(isoUtc(-1) == "1969-12-31T23:59:59.999Z");
}

TEST_CASE("a request's JSON: one line, its time in UTC to the millisecond or local with the Unix time beside")
{
    test::useKioskTimeZone();
    StoredRequest r;
    r.id = 7;
    r.uid = "CMG-3f2b";
    r.reference = "CMG-0007";
    r.createdMs = 1'764'378'062'345;
    r.request.name = "Séno";
    r.request.note = "satu\ndua";
    const std::string utcText = requestJson(r, JsonTime::Utc);
    CHECK(utcText.find('\n') == std::string::npos);
    auto utc = nlohmann::json::parse(utcText);
    CHECK(utc["id"] == 7);
    CHECK(utc["reference"] == "CMG-0007");
    CHECK(utc["created"] == "2025-11-29T01:01:02.345Z");
    CHECK_FALSE(utc.contains("created_ms"));
    CHECK(utc["name"] == "Séno");
    CHECK(utc["note"] == "satu\ndua");
    auto local = nlohmann::json::parse(requestJson(r, JsonTime::Local));
    CHECK(local["created"] == "2025-11-29T08:01:02+07:00");
    CHECK(local["created_ms"] == 1'764'378'062'345);
    local.erase("created");
    local.erase("created_ms");
    utc.erase("created");
    CHECK(local == utc); // the time is the only difference
}

TEST_CASE("SHA-256 in hex")
{
    CHECK(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("audit.csv: BOM, header, one CRLF record per entry, local times, formula starts neutralised")
{
    test::useKioskTimeZone();
    const store::AuditEntry entries[] = {
        {7, 1'764'378'062'000, "export", "batch=ab12 count=2 marked=2 sealed=no"},
        {8, 1'764'378'063'000, "@kind", "=1+1, \"x\""}};
    CHECK(auditCsv(entries) == "\xEF\xBB\xBFid,time,kind,detail\r\n"
                               "7,2025-11-29T08:01:02+07:00,export,batch=ab12 count=2 marked=2 sealed=no\r\n"
                               "8,2025-11-29T08:01:03+07:00,'@kind,\"'=1+1, \"\"x\"\"\"\r\n");
    CHECK(auditCsv({}) == "\xEF\xBB\xBFid,time,kind,detail\r\n");
}
