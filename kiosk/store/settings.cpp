// Officer settings: one row per changed setting, audited in the same transaction.
#include "store/settings.hpp"

#include "store/officer.hpp"

namespace kiosk::store {

KioskSettings loadSettings(Db& db, std::ostream& log)
{
    KioskSettings s;
    Stmt rows(db, "SELECT name, value FROM settings ORDER BY name");
    while (rows.step()) {
        const std::string name = rows.columnText(0);
        const std::string value = rows.columnText(1);
        if (!applySettingValue(s, name, value))
            log << "kiosk: setting '" << name << "' = '" << value << "' in the database is not valid; "
                << "using its default\n";
    }
    return s;
}

void saveSettings(Db& db, Millis nowMs, const KioskSettings& before, const KioskSettings& after)
{
    const auto changes = describeChanges(before, after);
    if (changes.empty())
        return;
    const auto old = settingValues(before);
    const auto now = settingValues(after);
    Transaction transaction(db);
    Stmt upsert(db,
                "INSERT INTO settings (name, value, changed_ms) VALUES (?1, ?2, ?3) "
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value, changed_ms = excluded.changed_ms");
    for (std::size_t i = 0; i < now.size(); ++i) {
        if (old[i].value == now[i].value)
            continue;
        upsert.reset();
        upsert.bind(1, now[i].name).bind(2, now[i].value).bind(3, nowMs).run();
    }
    std::string detail;
    for (const std::string& c : changes)
        detail += (detail.empty() ? "" : "; ") + c;
    appendAudit(db, nowMs, kAuditSettings, detail);
    transaction.commit();
}

} // namespace kiosk::store
