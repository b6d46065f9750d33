// The technicians' request commands: a table or JSON of every request, the count, and seeding.
#include "cli/requests_cli.hpp"

#include "core/clock.hpp"
#include "export/format.hpp"
#include "store/requests.hpp"
#include "store/seed.hpp"

#include <CLI/CLI.hpp>

#include <exception>
#include <iterator>
#include <ostream>
#include <string_view>

namespace kiosk {

namespace {

// Appends `text` for a terminal; returns how many code points were appended.
std::size_t appendVisible(std::string& out, std::string_view text)
{
    std::size_t shown = 0;
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n; ++shown) {
        const unsigned char c = s[i];
        if (c == '\n') {
            out += "⏎";
            ++i;
            continue;
        }
        if (c < 0x20 || c == 0x7f) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
            ++i;
            continue;
        }
        // A well-formed UTF-8 sequence (no overlong forms, no surrogates, at most U+10FFFF).
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF)
            len = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            lo = c == 0xE0 ? 0xA0 : 0x80;
            hi = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            lo = c == 0xF0 ? 0x90 : 0x80;
            hi = c == 0xF4 ? 0x8F : 0xBF;
        }
        bool ok = len > 0 && i + len <= n && s[i + 1] >= lo && s[i + 1] <= hi;
        for (std::size_t k = 2; ok && k < len; ++k)
            ok = s[i + k] >= 0x80 && s[i + k] <= 0xBF;
        // C1 controls (U+0080..U+009F) can drive some terminals too.
        if (ok && len == 2 && c == 0xC2 && s[i + 1] < 0xA0)
            ok = false;
        if (!ok) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        out.append(text.substr(i, len));
        i += len;
    }
    return shown;
}

void appendColumn(std::string& line, std::string_view value, std::size_t width)
{
    const std::size_t shown = appendVisible(line, value.empty() ? "-" : value);
    line.append(shown < width ? width - shown : 0, ' ');
    line += "  ";
}

constexpr std::size_t kWidths[] = {12, 16, 24, 15, 11, 9, 12, 7};

int list(const std::filesystem::path& file, bool json, std::ostream& out)
{
    store::Db db = store::openForReading(file);
    if (json) {
        out << "[";
        bool first = true;
        store::forEachRequest(db, [&](const StoredRequest& r) {
            out << (first ? "\n  " : ",\n  ") << exporter::requestJson(r, exporter::JsonTime::Utc);
            first = false;
        });
        out << (first ? "]\n" : "\n]\n");
    } else {
        out << requestTableHeader() << "\n";
        store::forEachRequest(db, [&](const StoredRequest& r) { out << requestTableLine(r) << "\n"; });
    }
    out.flush();
    return out ? 0 : 1;
}

} // namespace

std::string requestTableHeader()
{
    std::string line;
    const std::string_view titles[] = {"REFERENCE", "CREATED (UTC)", "NAME",  "PHONE",
                                       "TOPIC",     "TIME",          "DUSUN", "RT/RW"};
    for (std::size_t i = 0; i < std::size(titles); ++i)
        appendColumn(line, titles[i], kWidths[i]);
    line += "NOTE";
    return line;
}

std::string requestTableLine(const StoredRequest& r)
{
    const CallbackRequest& q = r.request;
    std::string rtRw;
    if (!q.rt.empty() || !q.rw.empty())
        rtRw = (q.rt.empty() ? "-" : q.rt) + "/" + (q.rw.empty() ? "-" : q.rw);
    std::string line;
    appendColumn(line, r.reference, kWidths[0]);
    appendColumn(line, formatUtc(r.createdMs, "%Y-%m-%d %H:%M"), kWidths[1]);
    appendColumn(line, q.name, kWidths[2]);
    appendColumn(line, q.phone, kWidths[3]);
    appendColumn(line, requestTopicId(q.topic), kWidths[4]);
    appendColumn(line, contactTimeId(q.time), kWidths[5]);
    appendColumn(line, q.dusun, kWidths[6]);
    appendColumn(line, rtRw, kWidths[7]);
    appendVisible(line, q.note);
    while (!line.empty() && line.back() == ' ') // no note: no trailing blanks
        line.pop_back();
    return line;
}

RequestsCommand::RequestsCommand(CLI::App& cli, std::filesystem::path& dbFile) : m_dbFile(dbFile)
{
    m_requests = cli.add_subcommand("requests", "List, count or seed the stored callback requests");
    m_requests->require_subcommand(1);
    const auto dbOption = [&](CLI::App* sub) {
        sub->add_option("--db", m_dbFile, "Database file (default: the kiosk's)");
    };
    m_list = m_requests->add_subcommand("list", "Every request, oldest first, one per line");
    m_list->add_flag("--json", m_json, "A JSON array of objects with every field");
    dbOption(m_list);
    m_count = m_requests->add_subcommand("count", "How many requests are stored");
    dbOption(m_count);
    m_seed = m_requests->add_subcommand(
        "seed", "Add realistic synthetic requests (for training officers and for benchmarks)");
    m_seed->add_option("--count", m_seedCount, "How many")->required()->check(CLI::Range(1, 10'000'000));
    m_seed->add_flag("--append", m_append, "Add them even though the database already holds requests");
    dbOption(m_seed);
}

bool RequestsCommand::parsed() const
{
    return m_requests->parsed();
}

int RequestsCommand::run(const std::string& kioskId, std::ostream& out, std::ostream& err) const
{
    try {
        if (m_list->parsed())
            return list(m_dbFile, m_json, out);
        if (m_count->parsed()) {
            store::Db db = store::openForReading(m_dbFile);
            out << store::countRequests(db) << "\n";
            return 0;
        }
        if (m_seed->parsed()) {
            const SystemClock clock;
            auto opened = store::RequestStore::open(m_dbFile, kioskId, clock, err);
            store::RequestStore& requests = *opened.store;
            if (!requests.available())
                return 1;
            // Synthetic requests must never mix unnoticed with real ones.
            if (const std::int64_t before = requests.count(); before > 0 && !m_append) {
                err << "kiosk: " << m_dbFile.string() << " already holds " << before
                    << " requests; seed a new file with --db, or add --append to mix them in\n";
                return 1;
            }
            const std::size_t added = store::seedRequests(requests, m_seedCount, clock.now());
            requests.recordEvent("synthetic-requests-added", std::to_string(added));
            out << "added " << added << " synthetic requests to " << m_dbFile.string() << " ("
                << requests.count() << " in all)\n";
            return 0;
        }
    } catch (const std::exception& e) {
        err << "kiosk: " << m_dbFile.string() << ": " << e.what() << "\n";
        return 1;
    }
    return 2;
}

} // namespace kiosk
