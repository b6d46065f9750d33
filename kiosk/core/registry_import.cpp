// Reading a spreadsheet's CSV: its encoding, its separator, its headings, then row by row.
#include "core/registry_import.hpp"

#include "core/content_toml.hpp"
#include "core/csv.hpp"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <map>
#include <optional>

namespace kiosk {
namespace {

using parsing::at;

// Whether `s` is well-formed UTF-8 (no overlong forms, no surrogates).
bool validUtf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80             ? 0
                        : (c & 0xE0) == 0xC0 ? 1
                        : (c & 0xF0) == 0xE0 ? 2
                        : (c & 0xF8) == 0xF0 ? 3
                                             : 9;
        if (n == 9 || (n == 1 && c < 0xC2) || (n == 3 && c > 0xF4) || (n > 0 && i + n >= s.size()))
            return false;
        char32_t cp = n == 0 ? c : c & (0x3F >> n);
        for (std::size_t k = 1; k <= n; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if ((b & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (b & 0x3F);
        }
        if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return false;
        i += n + 1;
    }
    return true;
}

// Bytes no text file has: NUL and other control characters but tab and line breaks.
std::optional<std::size_t> controlByte(std::string_view s)
{
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
            return i;
    }
    return std::nullopt;
}

std::size_t lineOf(std::string_view s, std::size_t offset)
{
    return 1 + static_cast<std::size_t>(
                   std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// Windows-1252 to UTF-8 with iconv; nullopt when a byte is not a Windows-1252 character (0x81,
// 0x8D, 0x8F, 0x90, 0x9D), with `bad` its offset.
std::optional<std::string> fromWindows1252(std::string_view in, std::size_t& bad)
{
    iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
    if (cd == reinterpret_cast<iconv_t>(-1))
        return std::nullopt;
    std::string out(in.size() * 3 + 4, '\0');
    char* src = const_cast<char*>(in.data());
    std::size_t srcLeft = in.size();
    char* dst = out.data();
    std::size_t dstLeft = out.size();
    const std::size_t done = iconv(cd, &src, &srcLeft, &dst, &dstLeft);
    iconv_close(cd);
    if (done == static_cast<std::size_t>(-1)) {
        bad = in.size() - srcLeft;
        return std::nullopt;
    }
    out.resize(out.size() - dstLeft);
    return out;
}

// Lower case, ".", "_", "-", ":" as spaces, one space between words.
std::string heading(std::string_view s)
{
    std::string out;
    for (const char ch : s) {
        char c = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
        if (c == '.' || c == '_' || c == '-' || c == ':' || c == '\t')
            c = ' ';
        if (c == ' ' && (out.empty() || out.back() == ' '))
            continue;
        out += c;
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

std::optional<CompanyStatus> statusOf(std::string_view written)
{
    const std::string s = heading(written);
    if (s == "active" || s == "aktif" || s == "berlaku")
        return CompanyStatus::Active;
    if (s == "sanctioned" || s == "sanksi" || s == "disanksi" || s == "dikenai sanksi" || s == "kena sanksi")
        return CompanyStatus::Sanctioned;
    if (s == "revoked" || s == "dicabut" || s == "izin dicabut" || s == "cabut")
        return CompanyStatus::Revoked;
    return std::nullopt;
}

} // namespace

std::string registryColumnOf(std::string_view written)
{
    static const std::map<std::string, std::string> kHeadings = {
        {"name", "name"},
        {"nama", "name"},
        {"nama perusahaan", "name"},
        {"nama p3mi", "name"},
        {"nama resmi", "name"},
        {"perusahaan", "name"},
        {"company", "name"},
        {"company name", "name"},
        {"registered name", "name"},
        {"aliases", "aliases"},
        {"alias", "aliases"},
        {"nama lain", "aliases"},
        {"other names", "aliases"},
        {"also known as", "aliases"},
        {"licence", "licence"},
        {"license", "licence"},
        {"licence number", "licence"},
        {"license number", "licence"},
        {"sip3mi", "licence"},
        {"no sip3mi", "licence"},
        {"nomor sip3mi", "licence"},
        {"nomor izin", "licence"},
        {"no izin", "licence"},
        {"city", "city"},
        {"kota", "city"},
        {"kabupaten/kota", "city"},
        {"kota/kabupaten", "city"},
        {"kab/kota", "city"},
        {"head office city", "city"},
        {"kota kantor pusat", "city"},
        {"province", "province"},
        {"provinsi", "province"},
        {"propinsi", "province"},
        {"branches", "branches"},
        {"cabang", "branches"},
        {"kantor cabang", "branches"},
        {"status", "status"},
        {"status date", "status_date"},
        {"tanggal status", "status_date"},
        {"tanggal", "status_date"},
        {"date", "status_date"},
    };
    const auto it = kHeadings.find(heading(written));
    return it == kHeadings.end() ? std::string() : it->second;
}

std::string isoDateOf(std::string_view written)
{
    const std::string s = trimmed(written);
    if (isIsoDate(s))
        return s;
    // d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy
    std::array<std::string, 3> parts;
    std::size_t p = 0;
    char sep = 0;
    for (const char c : s) {
        if (c >= '0' && c <= '9') {
            parts[p] += c;
        } else if ((c == '/' || c == '-' || c == '.') && (sep == 0 || sep == c) && p < 2) {
            sep = c;
            ++p;
        } else {
            return {};
        }
    }
    if (p != 2 || parts[0].empty() || parts[0].size() > 2 || parts[1].empty() || parts[1].size() > 2 ||
        parts[2].size() != 4)
        return {};
    const std::string iso = parts[2] + "-" + (parts[1].size() == 1 ? "0" : "") + parts[1] + "-" +
                            (parts[0].size() == 1 ? "0" : "") + parts[0];
    return isIsoDate(iso) ? iso : std::string();
}

RegistryImport importRegistryCsv(std::string_view bytes, const std::string& file)
{
    RegistryImport out;
    std::string text(bytes);
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) {
        text.erase(0, 3);
        out.notes.push_back("a UTF-8 byte order mark (BOM) at the start was left out");
    }
    if (const auto at0 = controlByte(text)) {
        out.fatal = at(file, lineOf(text, *at0)) + "is not a CSV text: it has a control byte (" +
                    std::to_string(static_cast<unsigned char>(text[*at0])) +
                    "); save the spreadsheet as \"CSV UTF-8 (Comma delimited)\" and try again";
        if (text.size() > 1 && (text[0] == '\0' || text[1] == '\0'))
            out.fatal += " (this file looks like UTF-16)";
        return out;
    }
    if (!validUtf8(text)) {
        std::size_t bad = 0;
        auto converted = fromWindows1252(text, bad);
        if (!converted) {
            out.fatal =
                at(file, lineOf(text, bad)) + "is neither UTF-8 nor Windows-1252 text (byte " +
                std::to_string(static_cast<unsigned char>(text[bad])) +
                " cannot be read); save the spreadsheet as \"CSV UTF-8 (Comma delimited)\" and try again";
            return out;
        }
        text = std::move(*converted);
        out.notes.push_back(
            "not UTF-8: read as Windows-1252 (a spreadsheet's \"CSV\") and converted to UTF-8; "
            "check the names with letters like é in the result");
    }
    // The separator: the one the header line uses most.
    const std::string firstLine = text.substr(0, text.find('\n'));
    const char delimiter = std::count(firstLine.begin(), firstLine.end(), ';') >
                                   std::count(firstLine.begin(), firstLine.end(), ',')
                               ? ';'
                               : ',';
    if (delimiter == ';')
        out.notes.push_back("columns separated by \";\"");
    const CsvText csv = readCsv(text, delimiter);
    if (csv.rows.empty()) {
        out.fatal = at(file, 1) + (csv.error.empty() ? "has no rows" : csv.error);
        return out;
    }
    const CsvRow& header = csv.rows.front();
    std::map<std::string, std::size_t> column; // kRegistryColumns name -> field index
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const std::string name = registryColumnOf(header.fields[i]);
        if (name.empty()) {
            out.notes.push_back("column \"" + trimmed(header.fields[i]) +
                                "\" is not one the kiosk uses: left out");
        } else if (!column.emplace(name, i).second) {
            out.fatal = at(file, header.line) + "two columns are the " + name + " (\"" +
                        trimmed(header.fields[column[name]]) + "\" and \"" + trimmed(header.fields[i]) +
                        "\")";
            return out;
        }
    }
    std::string missing;
    for (const char* required : {"name", "licence", "city", "province", "status", "status_date"})
        if (!column.count(required))
            missing += (missing.empty() ? "" : ", ") + std::string(required);
    if (!missing.empty()) {
        out.fatal = at(file, header.line) + "the first line must name the columns; missing: " + missing +
                    " (headings such as Nama Perusahaan, Nama Lain, No. SIP3MI, Kota, Provinsi, Cabang, "
                    "Status, Tanggal Status)";
        return out;
    }
    const auto field = [&column](const CsvRow& row, const char* name) {
        const auto it = column.find(name);
        return it == column.end() || it->second >= row.fields.size() ? std::string()
                                                                     : trimmed(row.fields[it->second]);
    };
    std::vector<Company> read;
    for (std::size_t r = 1; r < csv.rows.size(); ++r) {
        const CsvRow& row = csv.rows[r];
        ++out.rows;
        Company c;
        c.line = row.line;
        c.name = field(row, "name");
        c.aliases = splitList(field(row, "aliases"));
        c.licence = field(row, "licence");
        c.city = field(row, "city");
        c.province = field(row, "province");
        c.branches = splitList(field(row, "branches"));
        const std::string date = field(row, "status_date");
        c.statusDate = isoDateOf(date).empty() ? date : isoDateOf(date);
        const std::size_t before = out.rejected.size();
        if (row.fields.size() > header.fields.size())
            out.rejected.push_back(at(file, row.line) + std::to_string(row.fields.size()) +
                                   " fields, more than the header's " + std::to_string(header.fields.size()));
        checkCompany(c, file, out.rejected);
        const std::string status = field(row, "status");
        if (const auto s = statusOf(status))
            c.status = *s;
        else
            out.rejected.push_back(at(file, row.line) + "status '" + status +
                                   "' is none of active/aktif, sanctioned/sanksi, revoked/dicabut");
        if (out.rejected.size() == before)
            read.push_back(std::move(c));
    }
    if (!csv.error.empty())
        out.rejected.push_back(at(file, 0) + "reading stopped at " + csv.error);
    for (const std::size_t i : checkDuplicates(read, file, out.rejected))
        out.companies.push_back(std::move(read[i]));
    std::stable_sort(
        out.rejected.begin(), out.rejected.end(), [&file](const std::string& a, const std::string& b) {
            const auto lineOfMessage = [&file](const std::string& m) {
                return std::stoul(m.substr(file.size() + 1, m.find(':', file.size() + 1) - file.size() - 1));
            };
            return lineOfMessage(a) < lineOfMessage(b);
        });
    return out;
}

} // namespace kiosk
