// Dates in the resident's language: every month in each language, and what is not a date.
#include "core/dates.hpp"

#include <doctest/doctest.h>

#include <array>
#include <string>

using namespace kiosk;

TEST_CASE("a date reads as day, month by name and year, in each language, for every month")
{
    const std::array<const char*, 12> id{"Januari",   "Februari", "Maret",    "April",
                                         "Mei",       "Juni",     "Juli",     "Agustus",
                                         "September", "Oktober",  "November", "Desember"};
    // As Central Java's government texts in Javanese write them.
    const std::array<const char*, 12> jv{"Januari",   "Pebruari", "Maret",    "April",
                                         "Mei",       "Juni",     "Juli",     "Agustus",
                                         "September", "Oktober",  "Nopember", "Desember"};
    const std::array<const char*, 12> en{"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    for (int month = 1; month <= 12; ++month) {
        const std::string mm = (month < 10 ? "0" : "") + std::to_string(month);
        const auto i = static_cast<std::size_t>(month - 1);
        INFO("month ", mm);
        CHECK(formatDate("2026-" + mm + "-15", Lang::Id) == std::string("15 ") + id[i] + " 2026");
        CHECK(formatDate("2026-" + mm + "-15", Lang::Jv) == std::string("15 ") + jv[i] + " 2026");
        CHECK(formatDate("2026-" + mm + "-15", Lang::En) == std::string("15 ") + en[i] + " 2026");
    }
}

TEST_CASE("the shipped date, as the three languages show it")
{
    CHECK(formatDate("2026-11-29", Lang::Id) == "29 November 2026");
    CHECK(formatDate("2026-11-29", Lang::Jv) == "29 Nopember 2026");
    CHECK(formatDate("2026-11-29", Lang::En) == "29 November 2026");
}

TEST_CASE("the day has no leading zero; the last day of a month and a leap day are dates")
{
    CHECK(formatDate("2025-02-01", Lang::Id) == "1 Februari 2025");
    CHECK(formatDate("2025-02-01", Lang::Jv) == "1 Pebruari 2025");
    CHECK(formatDate("2024-02-29", Lang::En) == "29 February 2024");
    CHECK(formatDate("2026-12-31", Lang::Id) == "31 Desember 2026");
    CHECK(formatDate("2000-02-29", Lang::Id) == "29 Februari 2000");
}

TEST_CASE("what is not a date comes back as it was")
{
    for (const char* text :
         {"", "2026-11", "2026-13-01", "2026-00-10", "2026-11-00", "2026-11-31", "2025-02-29", "1900-02-29",
          "2026/11/29", "29-11-2026", "2026-1-129", "2026-11-29T10:00", "abcd-ef-gh", "-026-11-29"}) {
        INFO(text);
        CHECK(formatDate(text, Lang::Id) == text);
        CHECK(formatDate(text, Lang::En) == text);
    }
}

TEST_CASE("the days between two dates count across months, leap days and years")
{
    CHECK(daysBetween("2026-03-12", "2026-03-12") == 0L);
    CHECK(daysBetween("2026-03-12", "2026-03-13") == 1L);
    CHECK(daysBetween("2026-02-28", "2026-03-01") == 1L);
    CHECK(daysBetween("2024-02-28", "2024-03-01") == 2L); // 29 February
    CHECK(daysBetween("2025-12-31", "2026-01-01") == 1L);
    CHECK(daysBetween("2026-01-01", "2027-01-01") == 365L);
    CHECK(daysBetween("2024-01-01", "2025-01-01") == 366L);
    CHECK(daysBetween("2026-03-12", "2026-06-10") == 90L);
    CHECK(daysBetween("2026-03-12", "2026-02-10") == -30L); // a list dated after the kiosk's clock
}

TEST_CASE("there are no days between what is not a date")
{
    for (const char* text :
         {"", "2026-03", "2026-02-30", "2026-13-01", "12-03-2026", "2026-03-12 10:00", "?"}) {
        INFO(text);
        CHECK_FALSE(daysBetween(text, "2026-03-12").has_value());
        CHECK_FALSE(daysBetween("2026-03-12", text).has_value());
    }
}
