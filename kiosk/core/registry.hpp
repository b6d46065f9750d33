// The registry of licensed placement companies (P3MI): data/registry/p3mi.csv, one company a row,
// and data/registry/p3mi.toml, where the list as a whole came from and when it was taken. Office
// staff make the CSV from a spreadsheet (`kiosk registry import`); the resident's search looks in it
// (core/registry_search.hpp). The kiosk only repeats what the list says: a company on it may still
// be impersonated, a name not on it may be new or misspelt.
#pragma once

#include "core/problems.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

enum class CompanyStatus { Active, Sanctioned, Revoked };

// "active", "sanctioned", "revoked" (the CSV's words); nullopt for anything else.
[[nodiscard]] std::optional<CompanyStatus> companyStatusFromWord(std::string_view word);
[[nodiscard]] const char* companyStatusWord(CompanyStatus status);

struct Company {
    std::string name;                  // as registered: "PT Maju Jaya Abadi"
    std::vector<std::string> aliases;  // other names it is known by
    std::string licence;               // the SIP3MI number, as written in the list
    std::string city, province;        // of the head office
    std::vector<std::string> branches; // "Kota Semarang, Jawa Tengah", one a branch
    CompanyStatus status = CompanyStatus::Active;
    std::string statusDate; // "2025-06-30": since when the status holds
    std::size_t line = 0;   // in p3mi.csv
};

// The list as a whole (p3mi.toml).
struct RegistryInfo {
    std::string source; // where it came from: "SISKOP2MI (KP2MI), salinan dari ..."
    std::string taken;  // the date it was taken, "2026-03-12"; "" only for a list without companies
    std::string note;   // optional
};

// How many days after it was taken officer mode calls a list old, unless kiosk.toml says otherwise
// ([officer] registry_max_age_days).
inline constexpr int kRegistryMaxAgeDays = 90;

struct Registry {
    bool present = false; // the content has a registry/ folder
    RegistryInfo info;
    std::vector<Company> companies; // in the file's order
};

// The CSV's columns, in this order, as its first line names them.
inline constexpr const char* kRegistryColumns[] = {"name",     "aliases",  "licence", "city",
                                                   "province", "branches", "status",  "status_date"};
// The separator of several names or branches inside one field.
inline constexpr char kListSeparator = ';';

// `s` without the spaces, tabs and line ends around it.
[[nodiscard]] std::string trimmed(std::string_view s);
// A field's names or branches: parted by kListSeparator, each trimmed, empty ones left out.
[[nodiscard]] std::vector<std::string> splitList(std::string_view s);

// Whether `s` is a real date written YYYY-MM-DD.
[[nodiscard]] bool isIsoDate(std::string_view s);

// The companies of p3mi.csv's text (UTF-8, comma-separated, its header as kRegistryColumns), every
// problem as "FILE:LINE: message": a wrong header, a missing field, an unknown status, a bad date,
// the same licence number or the same name (as the search compares names) twice. Rows with an
// error are left out.
[[nodiscard]] std::vector<Company> parseRegistryCsv(std::string_view text, const std::string& file,
                                                    Problems& errors);

// p3mi.toml's text: `source` required, `taken` a real date when given (the loader requires it of a
// list with companies), `note` optional.
[[nodiscard]] std::optional<RegistryInfo> parseRegistryInfo(std::string_view text, const std::string& file,
                                                            Problems& errors);

// The companies as p3mi.csv's text (what parseRegistryCsv reads back), header first.
[[nodiscard]] std::string registryCsv(const std::vector<Company>& companies);
// The list's description as p3mi.toml's text, with `companies` counted in a comment.
[[nodiscard]] std::string registryInfoToml(const RegistryInfo& info, std::size_t companies);

// The problems of one company read from a row (missing name, licence, city, province, status date,
// a date that is not one), each "FILE:LINE: message". Used by the loader and by the import.
void checkCompany(const Company& company, const std::string& file, Problems& errors);

// Same licence number or same name (normalised as the search compares names) as an earlier company:
// each later one reported with both lines. Returns the companies' indexes to keep (the first of each).
[[nodiscard]] std::vector<std::size_t> checkDuplicates(const std::vector<Company>& companies,
                                                       const std::string& file, Problems& errors);

} // namespace kiosk
