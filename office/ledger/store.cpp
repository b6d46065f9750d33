// Opening a store by its name, and reading integers out of rows.
#include "ledger/store.hpp"

#include "ledger/schema.hpp"

#include <charconv>
#include <cstdlib>

namespace kiosk::office {

std::int64_t Row::integer(std::size_t i) const
{
    return optionalInteger(i).value_or(0);
}

std::optional<std::int64_t> Row::optionalInteger(std::size_t i) const
{
    const std::optional<std::string>& v = columns.at(i);
    if (!v)
        return std::nullopt;
    std::int64_t n = 0;
    const char* end = v->data() + v->size();
    const auto [ptr, ec] = std::from_chars(v->data(), end, n);
    if (ec != std::errc() || ptr != end)
        throw StoreError(StoreError::Kind::Other,
                         "the office database holds '" + *v + "' where a number belongs");
    return n;
}

std::string defaultDatabase()
{
    std::string base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = std::string(home) + "/.local/share";
    else
        base = ".";
    return "sqlite:" + base + "/desa-office/office.db";
}

std::unique_ptr<Store> openStore(const std::string& database)
{
    const std::string name = database.empty() ? defaultDatabase() : database;
    std::unique_ptr<Store> store;
    if (name.rfind("postgresql://", 0) == 0 || name.rfind("postgres://", 0) == 0)
        store = openPostgres(name);
    else if (name.rfind("sqlite:", 0) == 0)
        store = openSqlite(name.substr(7));
    else if (name.find("://") == std::string::npos)
        store = openSqlite(name);
    else
        throw StoreError(StoreError::Kind::Other,
                         "--database " + name + ": give sqlite:PATH or postgresql://… (a libpq URI)");
    migrate(*store);
    return store;
}

} // namespace kiosk::office
