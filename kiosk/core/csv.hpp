// Rows of a CSV text, read with libcsv (quoted fields, doubled quotes, separators and line breaks
// inside quotes), each with the line it starts on, for messages office staff can follow.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct CsvRow {
    std::size_t line = 0; // 1-based, where the row starts
    std::vector<std::string> fields;
};

struct CsvText {
    std::vector<CsvRow> rows; // blank lines left out
    std::string error;        // "" when the whole text was read; else why it stopped (an open quote)
};

// The rows of `text`, fields separated by `delimiter` (',' or ';').
[[nodiscard]] CsvText readCsv(std::string_view text, char delimiter);

// One field written for a CSV: quoted when it holds the separator, a quote or a line break.
[[nodiscard]] std::string csvField(std::string_view field, char delimiter = ',');

} // namespace kiosk
