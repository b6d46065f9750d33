// The office store on SQLite: cached prepared statements, "$N" parameters, BEGIN IMMEDIATE.
#include "ledger/store.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <map>

namespace kiosk::office {

namespace {

StoreError sqliteError(sqlite3* db, std::string_view what, int rc)
{
    const int primary = rc & 0xff;
    const StoreError::Kind kind = primary == SQLITE_FULL         ? StoreError::Kind::Full
                                  : primary == SQLITE_CONSTRAINT ? StoreError::Kind::Constraint
                                  : primary == SQLITE_CANTOPEN   ? StoreError::Kind::Unavailable
                                                                 : StoreError::Kind::Other;
    std::string message(what);
    message += ": ";
    message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    if (primary == SQLITE_FULL)
        message = "the disk of the office database is full (" + message + ")";
    return {kind, message};
}

class SqliteStore final : public Store {
public:
    explicit SqliteStore(const std::string& file) : m_file(file)
    {
        std::error_code ec;
        const std::filesystem::path parent = std::filesystem::path(file).parent_path();
        if (!parent.empty())
            std::filesystem::create_directories(parent, ec);
        sqlite3* db = nullptr;
        const int rc =
            sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
        m_db.reset(db);
        if (rc != SQLITE_OK)
            throw sqliteError(db, "cannot open the office database " + file, rc);
        sqlite3_extended_result_codes(db, 1);
        sqlite3_busy_timeout(db, 10'000);
        script("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    }

    [[nodiscard]] Dialect dialect() const override { return Dialect::Sqlite; }
    [[nodiscard]] std::string describe() const override { return "SQLite " + m_file; }

    std::vector<Row> query(std::string_view sql, std::span<const Value> params) override
    {
        sqlite3_stmt* stmt = prepared(sql);
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        for (std::size_t i = 0; i < params.size(); ++i) {
            const std::string name = "$" + std::to_string(i + 1);
            const int index = sqlite3_bind_parameter_index(stmt, name.c_str());
            if (index == 0)
                continue;
            int rc = SQLITE_OK;
            if (const auto* n = std::get_if<std::int64_t>(&params[i]))
                rc = sqlite3_bind_int64(stmt, index, *n);
            else if (const auto* s = std::get_if<std::string>(&params[i]))
                rc = sqlite3_bind_text(stmt, index, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
            else
                rc = sqlite3_bind_null(stmt, index);
            if (rc != SQLITE_OK)
                throw sqliteError(m_db.get(), "cannot bind a value", rc);
        }
        std::vector<Row> rows;
        for (;;) {
            const int rc = sqlite3_step(stmt);
            if (rc == SQLITE_DONE)
                break;
            if (rc != SQLITE_ROW) {
                const StoreError e = sqliteError(m_db.get(), "the office database refused a statement", rc);
                sqlite3_reset(stmt);
                throw e;
            }
            Row row;
            const int n = sqlite3_column_count(stmt);
            for (int c = 0; c < n; ++c) {
                if (sqlite3_column_type(stmt, c) == SQLITE_NULL) {
                    row.columns.emplace_back();
                } else {
                    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
                    row.columns.emplace_back(
                        std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, c))));
                }
            }
            rows.push_back(std::move(row));
        }
        sqlite3_reset(stmt);
        return rows;
    }

    void transaction(const std::function<void()>& body) override
    {
        script("BEGIN IMMEDIATE");
        try {
            body();
            script("COMMIT");
        } catch (...) {
            if (!sqlite3_get_autocommit(m_db.get()))
                sqlite3_exec(m_db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    }

private:
    void script(const char* sql)
    {
        char* message = nullptr;
        const int rc = sqlite3_exec(m_db.get(), sql, nullptr, nullptr, &message);
        sqlite3_free(message);
        if (rc != SQLITE_OK)
            throw sqliteError(m_db.get(), std::string("the office database refused ") + sql, rc);
    }

    sqlite3_stmt* prepared(std::string_view sql)
    {
        const std::string key(sql);
        if (const auto it = m_statements.find(key); it != m_statements.end())
            return it->second.get();
        sqlite3_stmt* stmt = nullptr;
        const int rc =
            sqlite3_prepare_v2(m_db.get(), key.c_str(), static_cast<int>(key.size()), &stmt, nullptr);
        if (rc != SQLITE_OK)
            throw sqliteError(m_db.get(), "the office database cannot prepare a statement", rc);
        return m_statements.emplace(key, StmtPtr(stmt)).first->second.get();
    }

    struct CloseDb {
        void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
    };
    struct Finalize {
        void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
    };
    using StmtPtr = std::unique_ptr<sqlite3_stmt, Finalize>;
    std::string m_file;
    // Declared first, destroyed last: the statements are finalized before the connection closes.
    std::unique_ptr<sqlite3, CloseDb> m_db;
    std::map<std::string, StmtPtr> m_statements;
};

} // namespace

std::unique_ptr<Store> openSqlite(const std::string& file)
{
    return std::make_unique<SqliteStore>(file);
}

} // namespace kiosk::office
