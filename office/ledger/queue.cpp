// The follow-up queue's page: one WHERE built of parameters only, a COUNT and a LIMIT/OFFSET read
// in the order of the requests_queue index.
#include "ledger/queue.hpp"

#include <algorithm>
#include <set>

namespace kiosk::office {

namespace {

// `text` for a LIKE … ESCAPE '\' pattern: \, % and _ stand for themselves.
std::string likeEscaped(std::string_view text)
{
    std::string out;
    for (const char c : text) {
        if (c == '\\' || c == '%' || c == '_')
            out.push_back('\\');
        out.push_back(c);
    }
    return out;
}

std::string_view trimmed(std::string_view text)
{
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && space(text.back()))
        text.remove_suffix(1);
    return text;
}

// The WHERE clause and its parameters, numbered as they first appear.
struct Where {
    std::string sql = " WHERE 1 = 1";
    std::vector<Value> params;

    std::string add(Value v)
    {
        params.push_back(std::move(v));
        return "$" + std::to_string(params.size());
    }
};

Where whereOf(const QueueQuery& q, const Villages& villages)
{
    Where w;
    if (q.status.empty())
        w.sql += " AND r.status <> 'selesai'";
    else if (q.status != kAllStatuses)
        w.sql += " AND r.status = " + w.add(q.status);
    if (!q.topic.empty())
        w.sql += " AND r.topic = " + w.add(q.topic);
    if (!q.village.empty()) {
        std::set<std::string> kiosks{q.village};
        for (const auto& [kiosk, village] : villages)
            if (village == q.village)
                kiosks.insert(kiosk);
        w.sql += " AND r.kiosk_id IN (";
        bool first = true;
        for (const std::string& k : kiosks) {
            w.sql += (first ? "" : ", ") + w.add(k);
            first = false;
        }
        w.sql += ")";
    }
    if (q.minAgeDays > 0)
        w.sql += " AND r.created_ms <= " + w.add(q.nowMs - static_cast<std::int64_t>(q.minAgeDays) * kDayMs);
    const std::string_view search = trimmed(q.search);
    if (!search.empty()) {
        const std::string pattern = w.add("%" + likeEscaped(search) + "%");
        w.sql += " AND (LOWER(r.name) LIKE LOWER(" + pattern +
                 ") ESCAPE '\\' OR LOWER(r.reference) LIKE LOWER(" + pattern + ") ESCAPE '\\'";
        if (const std::string digits = phoneSearchDigits(search); !digits.empty())
            w.sql += " OR r.phone LIKE " + w.add("%" + digits + "%");
        w.sql += ")";
    }
    return w;
}

std::int64_t waitingDays(std::int64_t createdMs, std::int64_t endMs)
{
    return std::max<std::int64_t>(0, (endMs - createdMs) / kDayMs);
}

} // namespace

std::string phoneSearchDigits(std::string_view text)
{
    std::string digits;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ' || c == '-' || c == '.' || (c == '+' && digits.empty() && i == 0))
            continue;
        if (c == '(' || c == ')')
            continue;
        if (c < '0' || c > '9')
            return "";
        digits.push_back(c);
    }
    if (digits.size() < 4)
        return "";
    if (digits.rfind("620", 0) == 0) // "+62 0812…", the 0 of the national form kept by habit
        return "62" + digits.substr(3);
    if (digits.rfind("62", 0) == 0)
        return digits;
    if (digits.front() == '0')
        return "62" + digits.substr(1);
    return digits; // a part from the middle
}

QueuePage queryQueue(Store& store, const QueueQuery& query, const Villages& villages)
{
    const Where where = whereOf(query, villages);
    const std::size_t size = query.pageSize == 0 ? 50 : std::min(query.pageSize, kMaxPageSize);
    const bool searching = !trimmed(query.search).empty();
    // One page in order; a search also counts its matches in the same scan (COUNT(*) OVER ()): it
    // reads every row anyway, and twice would cost twice.
    const auto readPage = [&](std::size_t page) {
        std::vector<Value> params = where.params;
        params.emplace_back(static_cast<std::int64_t>(size));
        const std::string limit = "$" + std::to_string(params.size());
        params.emplace_back(static_cast<std::int64_t>((page - 1) * size));
        const std::string offset = "$" + std::to_string(params.size());
        const std::string columns = requestColumns() + ", r.done_ms";
        const std::string order = " ORDER BY r.priority, r.created_ms, r.uid";
        if (searching)
            return store.query(columns + ", COUNT(*) OVER () FROM requests r" + where.sql + order +
                                   " LIMIT " + limit + " OFFSET " + offset,
                               params);
        // The page's ids first, from the index alone where it can (requests_queue holds the order and
        // the id): a deep page then skips index entries, not whole rows; then those 50 rows.
        return store.query(columns + " FROM requests r WHERE r.uid IN (SELECT r.uid FROM requests r" +
                               where.sql + order + " LIMIT " + limit + " OFFSET " + offset + ")" + order,
                           params);
    };
    const auto count = [&] {
        return static_cast<std::size_t>(
            store.query("SELECT COUNT(*) FROM requests r" + where.sql, where.params).at(0).integer(0));
    };

    QueuePage out;
    std::vector<Row> rows;
    if (searching) {
        rows = readPage(std::max<std::size_t>(query.page, 1));
        out.total = rows.empty() ? count() : static_cast<std::size_t>(rows[0].integer(22));
    } else {
        out.total = count();
    }
    out.pages = std::max<std::size_t>(1, (out.total + size - 1) / size);
    out.page = std::clamp<std::size_t>(query.page, 1, out.pages);
    if (out.total == 0)
        return out;
    if (!searching || rows.empty()) // a search's page beyond the last: the last
        rows = readPage(out.page);

    for (const Row& r : rows) {
        QueueRow row;
        row.request = requestFromRow(r, villages);
        const LedgerRequest& q = row.request;
        const std::optional<std::int64_t> done = r.optionalInteger(21);
        row.waitingDays = waitingDays(q.createdMs, q.status == "selesai" && done ? *done : query.nowMs);
        out.rows.push_back(std::move(row));
    }
    return out;
}

} // namespace kiosk::office
