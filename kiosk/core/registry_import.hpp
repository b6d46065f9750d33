// Turning a CSV that office staff saved from a spreadsheet into the registry's companies: comma or
// semicolon separated (Indonesian Excel saves with ";"), UTF-8 with or without a BOM, or
// Windows-1252 (Excel's "CSV" on a Windows set to Indonesian or English), converted. The columns
// are found by their headings in Indonesian or English, in any order; every row that cannot be
// used is reported with its line and why.
#pragma once

#include "core/registry.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct RegistryImport {
    std::vector<Company> companies; // the usable rows, in the file's order
    std::size_t rows = 0;           // data rows read (the header not counted)
    Problems rejected;              // "FILE:LINE: why", one a row not used (or a duplicate)
    std::vector<std::string> notes; // what was done to read it: "converted from Windows-1252", ...
    std::string fatal;              // "" when the file could be read at all; else why not
};

// The file's bytes, read. `file` names it in messages.
[[nodiscard]] RegistryImport importRegistryCsv(std::string_view bytes, const std::string& file);

// The column a heading names ("Nama Perusahaan", "No. SIP3MI", "Kota", "status date"...), as one of
// kRegistryColumns; "" when it names none.
[[nodiscard]] std::string registryColumnOf(std::string_view heading);

// A date as spreadsheets write it, as YYYY-MM-DD: "2026-03-12", "12/03/2026", "12-03-2026",
// "12.03.2026" (day first, as in Indonesia); "" when it is none of these or no real date.
[[nodiscard]] std::string isoDateOf(std::string_view written);

} // namespace kiosk
