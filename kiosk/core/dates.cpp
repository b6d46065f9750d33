// Dates in the resident's language.
#include "core/dates.hpp"

#include <array>
#include <chrono>

namespace kiosk {
namespace {

using Months = std::array<const char*, 12>;

constexpr Months kIndonesian{"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                             "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
// As Central Java's government texts in Javanese write them.
constexpr Months kJavanese{"Januari", "Pebruari", "Maret",     "April",   "Mei",      "Juni",
                           "Juli",    "Agustus",  "September", "Oktober", "Nopember", "Desember"};
constexpr Months kEnglish{"January", "February", "March",     "April",   "May",      "June",
                          "July",    "August",   "September", "October", "November", "December"};

const Months& monthsOf(Lang lang)
{
    switch (lang) {
    case Lang::Id: return kIndonesian;
    case Lang::Jv: return kJavanese;
    case Lang::En: return kEnglish;
    }
    return kIndonesian;
}

// The number written by `digits` (all of them 0-9), or -1.
int number(std::string_view digits)
{
    int n = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9')
            return -1;
        n = n * 10 + (c - '0');
    }
    return n;
}

int daysIn(int month, int year)
{
    constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[static_cast<std::size_t>(month - 1)];
}

// The date `iso` written YYYY-MM-DD, if it is a real one.
std::optional<std::chrono::year_month_day> parsed(std::string_view iso)
{
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-')
        return std::nullopt;
    const int year = number(iso.substr(0, 4));
    const int month = number(iso.substr(5, 2));
    const int day = number(iso.substr(8, 2));
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(month, year))
        return std::nullopt;
    return std::chrono::year_month_day{std::chrono::year{year},
                                       std::chrono::month{static_cast<unsigned>(month)},
                                       std::chrono::day{static_cast<unsigned>(day)}};
}

} // namespace

std::string formatDate(std::string_view iso, Lang lang)
{
    const auto date = parsed(iso);
    if (!date)
        return std::string(iso);
    const auto month = static_cast<unsigned>(date->month());
    return std::to_string(static_cast<unsigned>(date->day())) + " " + monthsOf(lang)[month - 1] + " " +
           std::string(iso.substr(0, 4));
}

std::optional<long> daysBetween(std::string_view from, std::string_view to)
{
    const auto a = parsed(from);
    const auto b = parsed(to);
    if (!a || !b)
        return std::nullopt;
    return static_cast<long>((std::chrono::sys_days{*b} - std::chrono::sys_days{*a}).count());
}

} // namespace kiosk
