// `kiosk registry import`'s reading of a spreadsheet's CSV: separators, encodings, headings in
// Indonesian or English, and every row it cannot use with its line.
#include "core/registry_import.hpp"
#include "registry_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace kiosk;
using test::all;
using test::has;

TEST_CASE("a good CSV with English headings in the kiosk's order")
{
    const auto read =
        importRegistryCsv("name,aliases,licence,city,province,branches,status,status_date\n"
                          "PT Maju Jaya,MJ,UJI-1,Semarang,Jawa Tengah,\"Sragen; Solo\",active,2025-01-31\n"
                          "CV Bumi Raya,,UJI-2,Bandung,Jawa Barat,,revoked,2024-12-01\r\n",
                          "daftar.csv");
    CHECK(read.fatal.empty());
    CHECK_MESSAGE(read.rejected.empty(), all(read.rejected));
    CHECK(read.rows == 2);
    REQUIRE(read.companies.size() == 2);
    CHECK(read.companies[0].branches == std::vector<std::string>{"Sragen", "Solo"});
    CHECK(read.companies[1].status == CompanyStatus::Revoked);
    CHECK(read.companies[1].province == "Jawa Barat");
}

TEST_CASE("Indonesian headings in another order, semicolons, day-first dates, a BOM")
{
    const auto read =
        importRegistryCsv("\xEF\xBB\xBFNo. SIP3MI;Nama Perusahaan;Kota;Provinsi;Status;Tanggal Status;"
                          "Keterangan\n"
                          "UJI-1;PT Maju Jaya;Semarang;Jawa Tengah;Aktif;31/01/2025;ok\n"
                          "UJI-2;PT Sinar, Abadi;Cilacap;Jawa Tengah;Dicabut;1-2-2025;\n",
                          "daftar.csv");
    CHECK(read.fatal.empty());
    CHECK_MESSAGE(read.rejected.empty(), all(read.rejected));
    CHECK(has(read.notes, "byte order mark"));
    CHECK(has(read.notes, "separated by \";\""));
    CHECK(has(read.notes, "column \"Keterangan\" is not one the kiosk uses"));
    REQUIRE(read.companies.size() == 2);
    CHECK(read.companies[0].name == "PT Maju Jaya");
    CHECK(read.companies[0].licence == "UJI-1");
    CHECK(read.companies[0].statusDate == "2025-01-31");
    CHECK(read.companies[1].name == "PT Sinar, Abadi");
    CHECK(read.companies[1].statusDate == "2025-02-01");
    CHECK(read.companies[1].status == CompanyStatus::Revoked);
}

TEST_CASE("rows it cannot use are reported with their lines; duplicate licence numbers too")
{
    const auto read = importRegistryCsv("Nama,SIP3MI,Kota,Provinsi,Status,Tanggal\n"
                                        "PT Maju Jaya,UJI-1,Semarang,Jawa Tengah,aktif,2025-01-31\n"
                                        ",UJI-2,Semarang,Jawa Tengah,aktif,2025-01-31\n"             // 3
                                        "PT Bumi,UJI-3,Semarang,Jawa Tengah,tutup,2025-01-31\n"      // 4
                                        "PT Langit,UJI-4,Semarang,Jawa Tengah,aktif,31/02/2025\n"    // 5
                                        "PT Laut,UJI-1,Bandung,Jawa Barat,aktif,2025-01-31\n"        // 6
                                        "PT Angin,UJI-5,Bandung,Jawa Barat,aktif,2025-01-31,x,y\n"   // 7
                                        "PT. MAJU JAYA,UJI-6,Bandung,Jawa Barat,aktif,2025-01-31\n", // 8
                                        "daftar.csv");
    INFO(all(read.rejected));
    CHECK(read.fatal.empty());
    CHECK(read.rows == 7);
    CHECK(has(read.rejected, "daftar.csv:3: no name"));
    CHECK(has(read.rejected, "daftar.csv:4: status 'tutup' is none of"));
    CHECK(has(read.rejected, "daftar.csv:5: status date '31/02/2025' is not a date"));
    CHECK(has(read.rejected, "daftar.csv:6: licence number 'UJI-1' is already on line 2"));
    CHECK(has(read.rejected, "daftar.csv:7: 8 fields, more than the header's 6"));
    CHECK(has(read.rejected, "daftar.csv:8: the name 'PT. MAJU JAYA' is already on line 2"));
    CHECK(read.rejected.size() == 6);
    CHECK(read.rejected.front().rfind("daftar.csv:3:", 0) == 0); // in line order
    REQUIRE(read.companies.size() == 1);
}

TEST_CASE("Windows-1252 is converted and said; bytes that are neither are refused")
{
    // "Séjahtera" and "Bumi Aça" as Excel saves them on Windows: é is 0xE9, ç 0xE7.
    const auto read = importRegistryCsv("Nama;SIP3MI;Kota;Provinsi;Status;Tanggal\n"
                                        "PT S\xE9jahtera;UJI-1;Semarang;Jawa Tengah;aktif;2025-01-31\n"
                                        "PT Bumi A\xE7\x61;UJI-2;Semarang;Jawa Tengah;aktif;2025-01-31\n",
                                        "daftar.csv");
    CHECK(read.fatal.empty());
    CHECK(has(read.notes, "Windows-1252"));
    REQUIRE(read.companies.size() == 2);
    CHECK(read.companies[0].name == "PT S\xC3\xA9jahtera");
    CHECK(read.companies[1].name == "PT Bumi A\xC3\xA7"
                                    "a");

    // 0x81 is no Windows-1252 character, and the text is no UTF-8 either.
    const auto neither = importRegistryCsv("Nama;SIP3MI\nPT \x81\x8D;UJI-1\n", "daftar.csv");
    CHECK(neither.fatal.find("daftar.csv:2: is neither UTF-8 nor Windows-1252") == 0);
    CHECK(neither.companies.empty());
    // UTF-16, as "Unicode Text" saves it: NUL bytes.
    const auto utf16 = importRegistryCsv(std::string("N\0a\0m\0a\0", 8), "daftar.csv");
    CHECK(utf16.fatal.find("is not a CSV text") != std::string::npos);
    CHECK(utf16.fatal.find("UTF-16") != std::string::npos);
}

TEST_CASE("a CSV without the columns the kiosk needs is refused whole")
{
    const auto read = importRegistryCsv("Nama,Alamat\nPT Maju,Jl. Raya\n", "daftar.csv");
    CHECK(read.fatal.find("daftar.csv:1: the first line must name the columns; missing: licence, city, "
                          "province, status, status_date") == 0);
    const auto twice = importRegistryCsv("Nama,Nama Perusahaan\n", "daftar.csv");
    CHECK(twice.fatal.find("two columns are the name") != std::string::npos);
    CHECK(!importRegistryCsv("", "daftar.csv").fatal.empty());
}

TEST_CASE("dates and headings as spreadsheets write them")
{
    CHECK(isoDateOf("2026-03-12") == "2026-03-12");
    CHECK(isoDateOf("12/03/2026") == "2026-03-12");
    CHECK(isoDateOf("1.3.2026") == "2026-03-01");
    CHECK(isoDateOf("2026/03/12").empty());
    CHECK(isoDateOf("30/02/2026").empty());
    CHECK(isoDateOf("12 Maret 2026").empty());
    CHECK(registryColumnOf(" No. SIP3MI ") == "licence");
    CHECK(registryColumnOf("Kabupaten/Kota") == "city");
    CHECK(registryColumnOf("STATUS_DATE") == "status_date");
    CHECK(registryColumnOf("Alamat").empty());
}
