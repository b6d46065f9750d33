// Reading CSV with libcsv, fed one line at a time so that every row knows the line it starts on.
#include "core/csv.hpp"

#include <csv.h>

namespace kiosk {
namespace {

struct Reader {
    CsvText out;
    CsvRow row;
    std::size_t line = 0;    // the line being fed
    std::size_t rowLine = 0; // the line the row being read started on
    bool rowStarted = false; // a field of the row was seen
};

void onField(void* data, std::size_t size, void* context)
{
    auto& r = *static_cast<Reader*>(context);
    if (!r.rowStarted) {
        r.row.line = r.rowLine;
        r.rowStarted = true;
    }
    if (data)
        r.row.fields.emplace_back(static_cast<const char*>(data), size);
    else
        r.row.fields.emplace_back();
}

void onRow(int, void* context)
{
    auto& r = *static_cast<Reader*>(context);
    if (!r.rowStarted)
        r.row.line = r.rowLine;
    if (!(r.row.fields.size() == 1 && r.row.fields[0].empty()) && !r.row.fields.empty())
        r.out.rows.push_back(std::move(r.row));
    r.row = {};
    r.rowStarted = false;
}

} // namespace

CsvText readCsv(std::string_view text, char delimiter)
{
    Reader r;
    csv_parser parser{};
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        r.out.error = "cannot start the CSV reader";
        return std::move(r.out);
    }
    csv_set_delim(&parser, static_cast<unsigned char>(delimiter));
    std::size_t from = 0;
    while (from < text.size() && r.out.error.empty()) {
        ++r.line;
        std::size_t end = text.find('\n', from);
        end = end == std::string_view::npos ? text.size() : end + 1;
        const std::string_view chunk = text.substr(from, end - from);
        // libcsv's state 0 (ROW_NOT_BEGUN): no row is open, so the next one starts on this line.
        // (A field that is still open, quoted over several lines, keeps its row's first line.)
        if (parser.pstate == 0)
            r.rowLine = r.line;
        if (csv_parse(&parser, chunk.data(), chunk.size(), onField, onRow, &r) != chunk.size())
            r.out.error = "line " + std::to_string(r.line) + ": " + csv_strerror(csv_error(&parser));
        from = end;
    }
    if (r.out.error.empty() && csv_fini(&parser, onField, onRow, &r) != 0)
        r.out.error = "line " + std::to_string(r.rowLine) + ": a quote (\") opened here is never closed";
    csv_free(&parser);
    return std::move(r.out);
}

std::string csvField(std::string_view field, char delimiter)
{
    if (field.find_first_of(std::string{delimiter, '"', '\n', '\r'}) == std::string_view::npos)
        return std::string(field);
    std::string out = "\"";
    for (const char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

} // namespace kiosk
