// Sources as data: the numbers a text states (as check-content compares them with the figures of
// the sources a page cites), sources.toml's own checks, and a source's date as residents read it.
#include "core/sources.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace kiosk;

namespace {

// The values of the numbers `text` states, in order.
std::vector<std::string> values(const std::string& text)
{
    std::vector<std::string> out;
    for (const StatedNumber& n : statedNumbers(text))
        out.push_back(n.value);
    return out;
}

using V = std::vector<std::string>;

bool has(const Problems& problems, const std::string& text)
{
    for (const auto& p : problems)
        if (p.find(text) != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST_CASE("numbers: the Indonesian and the English spelling of a figure are one value")
{
    CHECK(values("Kemlu menangani 3.703 WNI") == V{"3703"});
    CHECK(values("Kemlu handled 3,703 Indonesians") == V{"3703"});
    CHECK(values("Rp1.000.000 per buku") == V{"1000000"});
    CHECK(values("Rp350.000, Rp650.000.") == V{"350000", "650000"});
    CHECK(values("1,5 juta dan 1.5 million") == V{"1.5", "1.5"});
    CHECK(values("2,50") == V{"2.5"});
    CHECK(values("sekitar 40 persen, about 40 %") == V{"40", "40"});
    // The text as written stays with it, for the message.
    const auto fee = statedNumbers("biaya Rp350.000.");
    REQUIRE(fee.size() == 1);
    CHECK(fee[0].text == "Rp350.000");
    CHECK(fee[0].value == "350000");
}

TEST_CASE("numbers: digits that touch a letter belong to a name, except after Rp and US$")
{
    CHECK(values("SISKOP2MI, BP3MI, KP2MI, P3MI dan P4MI").empty());
    CHECK(values("Kartu AK-1 dan e-KTP").empty());
    CHECK(values("siskop2mi.bp2mi.go.id/lowongan/list").empty());
    CHECK(values("SE Menaker B-3/01/PK.002.01/11/2023").empty());
    CHECK(values("Rp0") == V{"0"});
    CHECK(values("Rp15 miliar") == V{"15"});
    CHECK(values("gaji US$1.000–1.200") == V{"1000", "1200"});
    CHECK(values("pay of US$1,000–1,200") == V{"1000", "1200"});
    CHECK(values("Pasal 72a") == V{});
}

TEST_CASE("numbers: a phone number is one number, however it is grouped")
{
    CHECK(values("+62 21 29244800") == V{"622129244800"});
    CHECK(values("telepon 0800-1000 (gratis)") == V{"08001000"});
    CHECK(values("WhatsApp 0811-8080-141, 24 jam") == V{"08118080141", "24"});
    CHECK(values("(021) 129") == V{"021129"});
    CHECK(values("+886 901 132 000 dan +886 987 587 000") == V{"886901132000", "886987587000"});
    CHECK(values("+60 17-668 8032") == V{"60176688032"});
    CHECK(values("SAPA 129 (021-129)") == V{"129", "021129"});
    const auto phone = statedNumbers("dari luar negeri: +62 21 29244800.");
    REQUIRE(phone.size() == 1);
    CHECK(phone[0].text == "+62 21 29244800");
}

TEST_CASE("numbers: a slash or a dash parts numbers; so does an en dash in a range")
{
    CHECK(values("UU 18/2017 Pasal 5 dan 13") == V{"18", "2017", "5", "13"});
    CHECK(values("PP 45/2024") == V{"45", "2024"});
    CHECK(values("usia 22–30 tahun") == V{"22", "30"});
    CHECK(values("usia 22-30 tahun") == V{"22", "30"});
    CHECK(values("Pasal 5(1)") == V{"5", "1"});
    CHECK(values("3×24 jam") == V{"3", "24"});
    CHECK(values("18 Oktober 2024") == V{"18", "2024"});
    CHECK(values("tanpa angka").empty());
}

TEST_CASE("a source's figures are read the same way as a page's text")
{
    const auto figures = figuresOf({"45/2024", "Rp350.000", "+62 21 29244800", "3.703"});
    CHECK(figures == std::set<std::string>{"45", "2024", "350000", "622129244800", "3703"});
    // What a page writes in English is found among figures written in Indonesian.
    for (const auto& n : statedNumbers("3,703 Indonesians; Rp350.000; call +62 21 29244800"))
        CHECK(figures.count(n.value));
}

TEST_CASE("sources.toml: each source with its fields; every mistake at its line")
{
    Problems errors;
    const Sources sources = parseSources(R"([pp-45-2024]
publisher = "Pemerintah Republik Indonesia"
title = "Peraturan Pemerintah Nomor 45 Tahun 2024"
short = "PP 45/2024"
date = 2024-10-18
confidence = "H"
supports = ["45/2024", "Rp350.000"]

[kdei-taipei-2024]
publisher = "RMOL"
title = "KDEI Taipei"
date = "2024-04"
confidence = "H"

[undated]
publisher = "Polri"
title = "Layanan darurat 110"
confidence = "M"

[bad]
publisher = "X"
date = "April 2024"
confidence = "A"
colour = "red"
)",
                                         "data/sources.toml", errors);
    REQUIRE(sources.count("pp-45-2024"));
    const Source& pp = sources.at("pp-45-2024");
    CHECK(pp.date == "2024-10-18");
    CHECK(pp.shortName == "PP 45/2024");
    CHECK(pp.supports == std::vector<std::string>{"45/2024", "Rp350.000"});
    CHECK(pp.line == 1);
    CHECK(sources.at("kdei-taipei-2024").date == "2024-04");
    CHECK(sources.at("undated").date.empty());
    CHECK(has(errors, "data/sources.toml:20: the source 'bad' needs 'title'"));
    CHECK(has(errors, "data/sources.toml:22: 'date' should be a date like 2024-10-18"));
    CHECK(has(errors, "data/sources.toml:23: 'confidence' is H, M or L"));
    CHECK(has(errors, "data/sources.toml:24: unknown key 'colour'"));
    CHECK(errors.size() == 4);
}

TEST_CASE("a source as residents read it: its date in their language, month or year only, or undated")
{
    Source pp{"pp-45-2024",
              "Pemerintah Republik Indonesia",
              "Peraturan Pemerintah Nomor 45 Tahun 2024 (tarif PNBP)",
              "PP 45/2024",
              "2024-10-18",
              "",
              "H",
              {},
              0};
    CHECK(readableSource(pp, Lang::Id, "tanpa tanggal") ==
          "Pemerintah Republik Indonesia: Peraturan Pemerintah Nomor 45 Tahun 2024 (tarif PNBP), 18 Oktober "
          "2024");
    CHECK(formatSourceDate("2024-11-05", Lang::Jv) == "5 Nopember 2024");
    CHECK(formatSourceDate("2024-04", Lang::En) == "April 2024");
    CHECK(formatSourceDate("2024-04-04", Lang::Id, true) == "April 2024");
    CHECK(formatSourceDate("2017", Lang::Id) == "2017");
    pp.date.clear();
    CHECK(readableSource(pp, Lang::En, "undated").find(", undated") != std::string::npos);
}

TEST_CASE("a source more than two years older than today")
{
    CHECK(olderThanYears("2020-02-08", "2026-12-02", 2));
    CHECK(olderThanYears("2024-12-01", "2026-12-02", 2));
    CHECK_FALSE(olderThanYears("2024-12-02", "2026-12-02", 2));
    CHECK_FALSE(olderThanYears("2024-12", "2026-12-02", 2)); // December 2024 may be the 31st
    CHECK(olderThanYears("2024-11", "2026-12-02", 2));
    CHECK(olderThanYears("2020", "2026-12-02", 2));
    CHECK_FALSE(olderThanYears("", "2026-12-02", 2));
    CHECK_FALSE(olderThanYears("2020", "?", 2));
}
