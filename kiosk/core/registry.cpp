// Reading and writing the registry of placement companies, and its checks.
#include "core/registry.hpp"

#include "core/content_toml.hpp"
#include "core/csv.hpp"
#include "core/registry_search.hpp"

#include <sstream>
#include <unordered_map>

namespace kiosk {

using parsing::at;

std::optional<CompanyStatus> companyStatusFromWord(std::string_view word)
{
    if (word == "active")
        return CompanyStatus::Active;
    if (word == "sanctioned")
        return CompanyStatus::Sanctioned;
    if (word == "revoked")
        return CompanyStatus::Revoked;
    return std::nullopt;
}

const char* companyStatusWord(CompanyStatus status)
{
    switch (status) {
    case CompanyStatus::Active: return "active";
    case CompanyStatus::Sanctioned: return "sanctioned";
    case CompanyStatus::Revoked: return "revoked";
    }
    return "active";
}

bool isIsoDate(std::string_view s)
{
    if (s.size() != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9')
            return false;
    const int year = std::stoi(std::string(s.substr(0, 4)));
    const int month = std::stoi(std::string(s.substr(5, 2)));
    const int day = std::stoi(std::string(s.substr(8, 2)));
    if (year < 1900 || month < 1 || month > 12 || day < 1)
        return false;
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= (month == 2 && !leap ? 28 : kDays[month - 1]);
}

std::string trimmed(std::string_view s)
{
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(first, last - first + 1));
}

std::vector<std::string> splitList(std::string_view s)
{
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from <= s.size()) {
        const auto end = std::min(s.find(kListSeparator, from), s.size());
        std::string item = trimmed(s.substr(from, end - from));
        if (!item.empty())
            out.push_back(std::move(item));
        from = end + 1;
    }
    return out;
}

namespace {

std::string joinList(const std::vector<std::string>& items)
{
    std::string out;
    for (const auto& item : items)
        out += (out.empty() ? "" : std::string(1, kListSeparator) + " ") + item;
    return out;
}

} // namespace

void checkCompany(const Company& c, const std::string& file, Problems& errors)
{
    const std::string where = at(file, c.line);
    if (c.name.empty())
        errors.push_back(where + "no name");
    if (c.licence.empty())
        errors.push_back(where + "no licence number (SIP3MI)");
    if (c.city.empty())
        errors.push_back(where + "no city of the head office");
    if (c.province.empty())
        errors.push_back(where + "no province of the head office");
    if (c.statusDate.empty())
        errors.push_back(where + "no status date");
    else if (!isIsoDate(c.statusDate))
        errors.push_back(where + "status date '" + c.statusDate + "' is not a date written YYYY-MM-DD");
}

std::vector<std::size_t> checkDuplicates(const std::vector<Company>& companies, const std::string& file,
                                         Problems& errors)
{
    std::unordered_map<std::string, std::size_t> byLicence, byName;
    byLicence.reserve(companies.size());
    byName.reserve(companies.size());
    std::vector<std::size_t> keep;
    for (std::size_t i = 0; i < companies.size(); ++i) {
        const Company& c = companies[i];
        bool duplicate = false;
        const auto [licence, newLicence] = byLicence.emplace(c.licence, i);
        if (!newLicence) {
            errors.push_back(at(file, c.line) + "licence number '" + c.licence + "' is already on line " +
                             std::to_string(companies[licence->second].line));
            duplicate = true;
        }
        const std::string name = normalisedName(c.name);
        const auto [same, newName] = byName.emplace(name, i);
        if (!newName && !name.empty()) {
            errors.push_back(at(file, c.line) + "the name '" + c.name + "' is already on line " +
                             std::to_string(companies[same->second].line) + " ('" +
                             companies[same->second].name + "')");
            duplicate = true;
        }
        if (!duplicate)
            keep.push_back(i);
    }
    return keep;
}

std::vector<Company> parseRegistryCsv(std::string_view text, const std::string& file, Problems& errors)
{
    std::vector<Company> out;
    const CsvText csv = readCsv(text, ',');
    if (!csv.error.empty()) {
        const auto colon = csv.error.find(':');
        const std::size_t line = std::stoul(csv.error.substr(5, colon - 5));
        errors.push_back(at(file, line) + csv.error.substr(colon + 2));
    }
    if (csv.rows.empty()) {
        if (csv.error.empty())
            errors.push_back(at(file, 1) + "no header: the first line names the columns");
        return out;
    }
    const auto& header = csv.rows.front();
    constexpr std::size_t kColumns = std::size(kRegistryColumns);
    bool headerOk = header.fields.size() == kColumns;
    for (std::size_t i = 0; headerOk && i < kColumns; ++i)
        headerOk = trimmed(header.fields[i]) == kRegistryColumns[i];
    if (!headerOk) {
        std::string want;
        for (const char* column : kRegistryColumns)
            want += (want.empty() ? "" : ",") + std::string(column);
        errors.push_back(at(file, header.line) + "the header must be exactly: " + want);
        return out;
    }
    std::vector<Company> read;
    for (std::size_t r = 1; r < csv.rows.size(); ++r) {
        const CsvRow& row = csv.rows[r];
        if (row.fields.size() != kColumns) {
            errors.push_back(at(file, row.line) + std::to_string(row.fields.size()) + " fields; a row has " +
                             std::to_string(kColumns));
            continue;
        }
        Company c;
        c.line = row.line;
        c.name = trimmed(row.fields[0]);
        c.aliases = splitList(row.fields[1]);
        c.licence = trimmed(row.fields[2]);
        c.city = trimmed(row.fields[3]);
        c.province = trimmed(row.fields[4]);
        c.branches = splitList(row.fields[5]);
        c.statusDate = trimmed(row.fields[7]);
        const std::size_t before = errors.size();
        checkCompany(c, file, errors);
        const std::string status = trimmed(row.fields[6]);
        if (const auto s = companyStatusFromWord(status))
            c.status = *s;
        else
            errors.push_back(at(file, row.line) + "status '" + status +
                             "' is not one of active, sanctioned, revoked");
        if (errors.size() == before)
            read.push_back(std::move(c));
    }
    for (const std::size_t i : checkDuplicates(read, file, errors))
        out.push_back(std::move(read[i]));
    return out;
}

std::optional<RegistryInfo> parseRegistryInfo(std::string_view text, const std::string& file,
                                              Problems& errors)
{
    const auto root = parsing::parseToml(text, file, errors);
    if (!root)
        return std::nullopt;
    RegistryInfo info;
    const std::size_t before = errors.size();
    for (const auto& [key, node] : *root) {
        const std::string k(key.str());
        const auto* value = node.as_string();
        if (k != "source" && k != "taken" && k != "note") {
            errors.push_back(at(file, node) + "unknown key '" + k + "' (source, taken, note)");
            continue;
        }
        if (!value) {
            errors.push_back(at(file, node) + "'" + k + "' must be a text");
            continue;
        }
        (k == "source" ? info.source : k == "taken" ? info.taken : info.note) = trimmed(value->get());
    }
    if (info.source.empty())
        errors.push_back(at(file, 1) + "needs 'source': where the list came from");
    if (!info.taken.empty() && !isIsoDate(info.taken))
        errors.push_back(at(file, (*root)["taken"].node()->source().begin.line) + "taken '" + info.taken +
                         "' is not a date written YYYY-MM-DD");
    if (errors.size() != before)
        return std::nullopt;
    return info;
}

std::string registryCsv(const std::vector<Company>& companies)
{
    std::string out;
    for (const char* column : kRegistryColumns)
        out += (out.empty() ? "" : ",") + std::string(column);
    out += "\n";
    for (const Company& c : companies) {
        out += csvField(c.name) + "," + csvField(joinList(c.aliases)) + "," + csvField(c.licence) + "," +
               csvField(c.city) + "," + csvField(c.province) + "," + csvField(joinList(c.branches)) + "," +
               companyStatusWord(c.status) + "," + csvField(c.statusDate) + "\n";
    }
    return out;
}

namespace {
std::string tomlString(const std::string& s)
{
    std::ostringstream out;
    out << toml::value<std::string>(s);
    return out.str();
}
} // namespace

std::string registryInfoToml(const RegistryInfo& info, std::size_t companies)
{
    std::string out =
        "# The list of licensed placement companies (P3MI) in p3mi.csv: " + std::to_string(companies) +
        (companies == 1 ? " company.\n" : " companies.\n");
    out += "source = " + tomlString(info.source) + "\n";
    out += "taken = " + tomlString(info.taken) + "\n";
    if (!info.note.empty())
        out += "note = " + tomlString(info.note) + "\n";
    return out;
}

} // namespace kiosk
