// A generated registry of placement companies for the tests and the bench: realistic Indonesian
// company names made from the words such names are made of, the same list on every run (a fixed
// seed and no distributions whose results differ between standard libraries), none of them real.
// The licence numbers are marked as made up ("UJI-..."), in no real format.
#pragma once

#include "core/registry.hpp"
#include "core/registry_search.hpp"

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace kiosk::test {

// Whether any of the problems says `text`; all of them, a line each, for a failure's message.
inline bool has(const Problems& problems, const std::string& text)
{
    return std::any_of(problems.begin(), problems.end(),
                       [&](const std::string& p) { return p.find(text) != std::string::npos; });
}
inline std::string all(const Problems& problems)
{
    std::string out;
    for (const auto& p : problems)
        out += p + "\n";
    return out;
}

// The words of the generated names.
inline const std::vector<std::string>& companyWords()
{
    static const std::vector<std::string> words = {
        "Bina",     "Karya",     "Mandiri",  "Sejahtera", "Abadi",     "Jaya",    "Sentosa", "Makmur",
        "Putra",    "Putri",     "Utama",    "Nusantara", "Indonesia", "Mitra",   "Sukses",  "Prima",
        "Global",   "Insan",     "Tenaga",   "Kerja",     "Duta",      "Bangsa",  "Cahaya",  "Mulia",
        "Berkah",   "Amanah",    "Arta",     "Graha",     "Surya",     "Bintang", "Lestari", "Perkasa",
        "Gemilang", "Sarana",    "Anugerah", "Persada",   "Citra",     "Buana",   "Harapan", "Bumi",
        "Asia",     "Pasifik",   "Samudera", "Langgeng",  "Rizki",     "Barokah", "Talenta", "Sinergi",
        "Maju",     "Bersama",   "Mekar",    "Sakti",     "Wijaya",    "Kencana", "Pratama", "Mustika",
        "Andalan",  "Terang",    "Sumber",   "Rejeki",    "Tunas",     "Harmoni", "Dharma",  "Bhakti",
        "Swadaya",  "Cemerlang", "Intan",    "Permata",   "Agung",     "Megah",   "Kurnia",  "Setia",
        "Bahari",   "Pelita",    "Fajar",    "Timur",     "Barat",     "Raya",    "Sinar",   "Mentari"};
    return words;
}

inline const std::vector<std::string>& companyPlaces()
{
    static const std::vector<std::pair<std::string, std::string>> places = {
        {"Jakarta Timur", "DKI Jakarta"}, {"Jakarta Selatan", "DKI Jakarta"}, {"Bekasi", "Jawa Barat"},
        {"Bandung", "Jawa Barat"},        {"Cirebon", "Jawa Barat"},          {"Semarang", "Jawa Tengah"},
        {"Surakarta", "Jawa Tengah"},     {"Cilacap", "Jawa Tengah"},         {"Surabaya", "Jawa Timur"},
        {"Malang", "Jawa Timur"},         {"Mataram", "Nusa Tenggara Barat"}, {"Medan", "Sumatera Utara"}};
    static std::vector<std::string> out;
    if (out.empty())
        for (const auto& [city, province] : places)
            out.push_back(city + "|" + province);
    return out;
}

// The hard cases, put among the generated names: a diacritic, a dotted legal form, an alias.
inline std::vector<Company> hardCompanies()
{
    auto make = [](std::string name, std::vector<std::string> aliases, std::string licence,
                   CompanyStatus status) {
        Company c;
        c.name = std::move(name);
        c.aliases = std::move(aliases);
        c.licence = std::move(licence);
        c.city = "Semarang";
        c.province = "Jawa Tengah";
        c.branches = {"Sragen, Jawa Tengah"};
        c.status = status;
        c.statusDate = "2025-06-30";
        return c;
    };
    return {make("PT Karya Mandiri Sejahtera Abadi", {}, "UJI-H-0001", CompanyStatus::Active),
            make("PT. Séjahtera Bina Insani", {}, "UJI-H-0002", CompanyStatus::Active),
            make("CV Qinara Talenta", {"Qinara Group"}, "UJI-H-0003", CompanyStatus::Sanctioned),
            make("PT Zamrud Khatulistiwa Manpower", {"ZKM"}, "UJI-H-0004", CompanyStatus::Revoked),
            make("PT Gemah Ripah Loh Jinawi", {}, "UJI-H-0005", CompanyStatus::Active)};
}

// `count` companies: the hard cases first, then generated names of two to four words, each name
// (as the search compares names) once.
inline std::vector<Company> generatedCompanies(std::size_t count)
{
    std::vector<Company> out = hardCompanies();
    std::set<std::string> seen;
    for (const auto& c : out)
        seen.insert(normalisedName(c.name));
    std::uint64_t state = 0x9E3779B97F4A7C15ULL;
    auto next = [&state](std::uint64_t n) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return (state >> 33) % n;
    };
    const auto& words = companyWords();
    const auto& places = companyPlaces();
    while (out.size() < count) {
        const std::size_t n = 2 + next(3);
        std::string name;
        std::set<std::size_t> used; // no word twice in one name
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t w = next(words.size());
            if (used.insert(w).second)
                name += " " + words[w];
        }
        name = (next(5) == 0 ? "CV" : "PT") + name;
        if (!seen.insert(normalisedName(name)).second)
            continue;
        Company c;
        c.name = name;
        c.licence = "UJI-" + std::to_string(100000 + out.size());
        const std::string& place = places[next(places.size())];
        c.city = place.substr(0, place.find('|'));
        c.province = place.substr(place.find('|') + 1);
        if (next(3) == 0)
            c.branches = {"Sragen, Jawa Tengah"};
        const auto s = next(20);
        c.status = s == 0   ? CompanyStatus::Revoked
                   : s == 1 ? CompanyStatus::Sanctioned
                            : CompanyStatus::Active;
        c.statusDate = "2025-0" + std::to_string(1 + next(9)) + "-1" + std::to_string(next(9));
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace kiosk::test
