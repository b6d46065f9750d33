// The office ledger's one store interface: SQL with numbered parameters, rows of text, transactions,
// over SQLite (the embedded default) or PostgreSQL (a shared server).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kiosk::office {

// A failed store call: what() is a sentence for office staff (the engine's message after it).
class StoreError : public std::runtime_error {
public:
    enum class Kind {
        Unavailable, // the server cannot be reached, or went away in the middle
        Full,        // the disk is full
        Constraint,  // a unique or foreign key was violated
        Other,
    };
    StoreError(Kind kind, const std::string& what) : std::runtime_error(what), m_kind(kind) {}
    [[nodiscard]] Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

enum class Dialect { Sqlite, Postgres };

// A parameter: NULL, an integer or text.
using Value = std::variant<std::monostate, std::int64_t, std::string>;

// One result row; columns 0-based, as text as the engine gives it (NULL as nullopt).
struct Row {
    std::vector<std::optional<std::string>> columns;

    [[nodiscard]] bool isNull(std::size_t i) const { return !columns.at(i).has_value(); }
    [[nodiscard]] std::string text(std::size_t i) const { return columns.at(i).value_or(""); }
    // The integer in column i; 0 for NULL. Throws StoreError for text that is not one.
    [[nodiscard]] std::int64_t integer(std::size_t i) const;
    [[nodiscard]] std::optional<std::int64_t> optionalInteger(std::size_t i) const;
};

class Store {
public:
    virtual ~Store() = default;
    Store() = default;
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    [[nodiscard]] virtual Dialect dialect() const = 0;
    // "SQLite /home/…/office.db", "PostgreSQL dbname=office host=/tmp/…" (never a password).
    [[nodiscard]] virtual std::string describe() const = 0;

    // Runs one statement. Parameters are $1, $2, … numbered in the order they first appear in the
    // text (SQLite numbers "$N" by first appearance; keeping that order makes both engines agree).
    virtual std::vector<Row> query(std::string_view sql, std::span<const Value> params) = 0;
    std::vector<Row> query(std::string_view sql) { return query(sql, {}); }
    std::vector<Row> query(std::string_view sql, std::initializer_list<Value> params)
    {
        return query(sql, std::span<const Value>(params.begin(), params.size()));
    }
    void exec(std::string_view sql, std::initializer_list<Value> params = {}) { (void)query(sql, params); }

    // Runs `body` in one transaction: committed when it returns, rolled back when it throws (the
    // exception goes on). Not nested.
    virtual void transaction(const std::function<void()>& body) = 0;
};

// Opens a store: "sqlite:PATH", "postgresql://…" or "postgres://…" (libpq's URI), or "" for the
// embedded default (~/.local/share/desa-office/office.db). SQLite: WAL, synchronous=FULL, a busy
// timeout, the folder made when missing. Migrates to the latest schema. Throws StoreError.
[[nodiscard]] std::unique_ptr<Store> openStore(const std::string& database);
// The default SQLite file: $XDG_DATA_HOME or ~/.local/share, then desa-office/office.db.
[[nodiscard]] std::string defaultDatabase();

// The engines, for the tests and openStore. Neither migrates.
[[nodiscard]] std::unique_ptr<Store> openSqlite(const std::string& file);
[[nodiscard]] std::unique_ptr<Store> openPostgres(const std::string& connection);

} // namespace kiosk::office
