// The officer dashboard's figures: counts from one covering index, the newest rows of the small
// tables, all inside one read transaction.
#include "store/dashboard.hpp"

#include <algorithm>
#include <iterator>
#include <numeric>

namespace kiosk::store {

namespace {

static_assert(std::size(kAllRequestTopics) == std::tuple_size_v<decltype(TopicCounts::byTopic)>,
              "one count per topic");

constexpr Millis kDayMs = 24 * 60 * 60 * 1000;

// BEGIN (deferred): the first SELECT takes a read snapshot that every later one shares, while
// the kiosk may go on saving requests through its own connection (WAL). Joins the caller's
// transaction instead when one is open.
class ReadTransaction {
public:
    explicit ReadTransaction(Db& db) : m_db(db), m_owned(!db.inTransaction())
    {
        if (m_owned)
            m_db.exec("BEGIN");
    }
    ~ReadTransaction()
    {
        // Nothing was written: ending it either way only lets go of the snapshot.
        if (m_owned && m_db.inTransaction()) {
            try {
                m_db.exec("ROLLBACK");
            } catch (...) {
            }
        }
    }
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

private:
    Db& m_db;
    bool m_owned;
};

std::size_t topicIndex(const std::string& id)
{
    const RequestTopic topic = requestTopicFromId(id).value_or(RequestTopic::Other);
    return static_cast<std::size_t>(
        std::find(std::begin(kAllRequestTopics), std::end(kAllRequestTopics), topic) -
        std::begin(kAllRequestTopics));
}

} // namespace

std::int64_t TopicCounts::total() const
{
    return std::accumulate(byTopic.begin(), byTopic.end(), std::int64_t{0});
}

DashboardStats loadDashboard(Db& db, Millis nowMs)
{
    DashboardStats stats;
    const ReadTransaction snapshot(db);

    // Both read only requests_for_dashboard (collected_batch, topic, created_ms), never a row.
    {
        Stmt fresh(db, "SELECT topic, count(*), min(created_ms) FROM requests WHERE collected_batch IS NULL "
                       "GROUP BY topic");
        while (fresh.step()) {
            stats.fresh.byTopic.at(topicIndex(fresh.columnText(0))) += fresh.columnInt64(1);
            const Millis oldest = fresh.columnInt64(2);
            stats.oldestFreshMs = stats.oldestFreshMs ? std::min(*stats.oldestFreshMs, oldest) : oldest;
        }
    }
    {
        Stmt collected(db, "SELECT topic, count(*) FROM requests WHERE collected_batch IS NOT NULL "
                           "GROUP BY topic");
        while (collected.step())
            stats.collected.byTopic.at(topicIndex(collected.columnText(0))) += collected.columnInt64(1);
    }

    stats.batches = recentBatches(db, kDashboardBatches);
    if (!stats.batches.empty())
        stats.lastBatch = stats.batches.front();

    // A handful of rows at most (one each time a damaged file was moved aside).
    std::vector<StoreEvent> events = readEvents(db);
    std::reverse(events.begin(), events.end());
    if (events.size() > kDashboardEvents)
        events.resize(kDashboardEvents);
    stats.events = std::move(events);

    stats.audit = recentAudit(db, kDashboardAudit);
    stats.usage = usageSince(db, localDay(nowMs - (kDashboardUsageDays - 1) * kDayMs));
    stats.fileBytes = db.queryInt("PRAGMA page_count") * db.queryInt("PRAGMA page_size");
    return stats;
}

} // namespace kiosk::store
