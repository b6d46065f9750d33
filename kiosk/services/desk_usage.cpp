// Counting anonymous usage in memory and writing it to the store in one go.
#include "services/desk_usage.hpp"

#include "store/usage.hpp"

#include <exception>
#include <vector>

namespace kiosk::desk {

bool UsageTally::add(const std::string& day, std::string_view screen, std::string_view lang, Millis now)
{
    const bool first = m_counts.empty();
    if (first)
        m_since = now;
    ++m_counts[{day, std::string(screen), std::string(lang)}];
    return first;
}

UsageTally::Counts UsageTally::take(Millis now)
{
    Counts counts;
    counts.swap(m_counts);
    m_since = now;
    return counts;
}

void UsageTally::putBack(const Counts& counts)
{
    for (const auto& [key, views] : counts)
        m_counts[key] += views;
}

bool saveUsage(store::Db& db, const UsageTally::Counts& counts, std::ostream& log)
{
    std::vector<store::UsageCount> rows;
    for (const auto& [key, views] : counts)
        rows.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), views});
    try {
        store::addUsage(db, rows);
        return true;
    } catch (const std::exception& e) {
        log << "kiosk: usage counts could not be saved: " << e.what() << "\n";
        return false;
    }
}

} // namespace kiosk::desk
