// Usage counts: local days with localtime_r, one UPSERT transaction per flush, read back by day.
#include "store/usage.hpp"

#include <ctime>
#include <stdexcept>

namespace kiosk::store {

std::string localDay(Millis ms)
{
    return formatLocal(ms, "%Y-%m-%d");
}

void addUsage(Db& db, std::span<const UsageCount> counts)
{
    if (counts.empty())
        return;
    // One transaction for the whole flush: one fsync, not one per screen.
    Transaction transaction(db);
    Stmt upsert(db, "INSERT INTO usage (day, screen, lang, views) VALUES (?1, ?2, ?3, ?4) "
                    "ON CONFLICT (day, screen, lang) DO UPDATE SET views = views + excluded.views");
    for (const UsageCount& c : counts) {
        upsert.reset();
        upsert.bind(1, c.day).bind(2, c.screen).bind(3, c.lang).bind(4, c.views).run();
    }
    transaction.commit();
}

std::vector<UsageCount> usageSince(Db& db, std::string_view firstDay)
{
    Stmt rows(db, "SELECT day, screen, lang, views FROM usage WHERE day >= ?1 "
                  "ORDER BY day DESC, screen, lang");
    // An empty view may have no data pointer, which SQLite would bind as NULL (and match nothing).
    rows.bind(1, firstDay.empty() ? std::string_view("") : firstDay);
    std::vector<UsageCount> out;
    while (rows.step())
        out.push_back({rows.columnText(0), rows.columnText(1), rows.columnText(2), rows.columnInt64(3)});
    return out;
}

} // namespace kiosk::store
