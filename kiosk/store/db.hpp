// SQLite in RAII (after SQLiteCpp): a connection, a prepared statement, a transaction, and an
// exception that carries the SQLite result code.
#pragma once

#include "core/fault.hpp"
#include "core/request.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace kiosk::store {

// A failed SQLite call. what() holds the operation and SQLite's message (never bound values).
class SqliteError : public std::runtime_error {
public:
    SqliteError(const std::string& what, int extendedCode);
    [[nodiscard]] int code() const { return m_extendedCode & 0xff; }  // SQLITE_FULL, SQLITE_IOERR…
    [[nodiscard]] int extendedCode() const { return m_extendedCode; } // SQLITE_IOERR_FSYNC…

private:
    int m_extendedCode;
};

// "SQLITE_FULL", "SQLITE_IOERR"…: the name of the primary result code of `code`.
[[nodiscard]] std::string_view sqliteCodeName(int code);
// A failure for officer mode to word: a SqliteError by its result code, a system error by its errno,
// anything else with no detail.
[[nodiscard]] FaultDetail databaseFault(const std::exception& e);
// What a SQLite result code means for a request that was being saved.
[[nodiscard]] SaveFailure saveFailureOf(int code);

enum class OpenMode {
    ReadWriteCreate, // the kiosk: creates the file when missing
    ReadOnly,        // technicians' commands: never creates, never writes
};

class Db {
public:
    // Opens `file` (":memory:" for a private in-memory database). Extended result codes are on.
    // Throws SqliteError.
    Db(const std::filesystem::path& file, OpenMode mode);
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;
    Db(Db&&) noexcept = default;
    Db& operator=(Db&&) noexcept = default;
    ~Db() = default;

    // Runs constant SQL, possibly several statements. Never for values: use Stmt and bind them.
    void exec(std::string_view sql);
    // The first column of the first row of constant SQL (a PRAGMA), as text ("" when no row).
    [[nodiscard]] std::string queryText(std::string_view sql);
    [[nodiscard]] std::int64_t queryInt(std::string_view sql);

    void setBusyTimeout(int ms);
    [[nodiscard]] bool readOnly() const;
    [[nodiscard]] bool inTransaction() const;
    [[nodiscard]] sqlite3* handle() const { return m_db.get(); }

    // Throws SqliteError for `rc` with SQLite's current message, prefixed by `what`.
    [[noreturn]] void fail(std::string_view what, int rc) const;

private:
    struct Closer {
        void operator()(sqlite3* db) const;
    };
    std::unique_ptr<sqlite3, Closer> m_db;
};

// A prepared statement; finalizes itself. Parameters are 1-based, columns 0-based.
class Stmt {
public:
    Stmt(Db& db, std::string_view sql);
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    Stmt(Stmt&&) noexcept = default;
    Stmt& operator=(Stmt&&) noexcept = default;
    ~Stmt() = default;

    Stmt& bind(int index, std::int64_t value);
    Stmt& bind(int index, std::string_view text);
    Stmt& bindBlob(int index, std::span<const unsigned char> bytes);
    Stmt& bindNull(int index);

    // Runs one step: true when a row is ready, false when done. Throws SqliteError.
    bool step();
    // Runs to the end, for statements that return no rows.
    void run();
    // Ready to run again, with no values bound.
    void reset();

    [[nodiscard]] std::int64_t columnInt64(int column) const;
    [[nodiscard]] std::string columnText(int column) const;
    [[nodiscard]] std::vector<unsigned char> columnBlob(int column) const;
    [[nodiscard]] bool columnIsNull(int column) const;

private:
    void check(int rc, const char* what) const;
    struct Finalizer {
        void operator()(sqlite3_stmt* stmt) const;
    };
    Db* m_db;
    std::unique_ptr<sqlite3_stmt, Finalizer> m_stmt;
};

// BEGIN IMMEDIATE (the write lock is taken at once, so a busy database fails here and not halfway
// through). Rolls back when destroyed without commit(); the destructor never throws.
class Transaction {
public:
    explicit Transaction(Db& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    // Returns only when COMMIT returned SQLITE_OK; throws SqliteError otherwise.
    void commit();

private:
    Db& m_db;
    bool m_done = false;
};

// Every problem PRAGMA integrity_check (or quick_check) reports; {"ok"} for a sound database.
[[nodiscard]] std::vector<std::string> integrityCheck(Db& db, bool quick = false);

} // namespace kiosk::store
