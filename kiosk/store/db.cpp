// SQLite connection, statement and transaction wrappers, and what SQLite's result codes mean.
#include "store/db.hpp"

#include <sqlite3.h>

#include <climits>

namespace kiosk::store {

SqliteError::SqliteError(const std::string& what, int extendedCode)
    : std::runtime_error(what), m_extendedCode(extendedCode)
{
}

std::string_view sqliteCodeName(int code)
{
    switch (code & 0xff) {
    case SQLITE_OK: return "SQLITE_OK";
    case SQLITE_ERROR: return "SQLITE_ERROR";
    case SQLITE_INTERNAL: return "SQLITE_INTERNAL";
    case SQLITE_PERM: return "SQLITE_PERM";
    case SQLITE_ABORT: return "SQLITE_ABORT";
    case SQLITE_BUSY: return "SQLITE_BUSY";
    case SQLITE_LOCKED: return "SQLITE_LOCKED";
    case SQLITE_NOMEM: return "SQLITE_NOMEM";
    case SQLITE_READONLY: return "SQLITE_READONLY";
    case SQLITE_INTERRUPT: return "SQLITE_INTERRUPT";
    case SQLITE_IOERR: return "SQLITE_IOERR";
    case SQLITE_CORRUPT: return "SQLITE_CORRUPT";
    case SQLITE_NOTFOUND: return "SQLITE_NOTFOUND";
    case SQLITE_FULL: return "SQLITE_FULL";
    case SQLITE_CANTOPEN: return "SQLITE_CANTOPEN";
    case SQLITE_PROTOCOL: return "SQLITE_PROTOCOL";
    case SQLITE_SCHEMA: return "SQLITE_SCHEMA";
    case SQLITE_TOOBIG: return "SQLITE_TOOBIG";
    case SQLITE_CONSTRAINT: return "SQLITE_CONSTRAINT";
    case SQLITE_MISMATCH: return "SQLITE_MISMATCH";
    case SQLITE_MISUSE: return "SQLITE_MISUSE";
    case SQLITE_NOLFS: return "SQLITE_NOLFS";
    case SQLITE_AUTH: return "SQLITE_AUTH";
    case SQLITE_RANGE: return "SQLITE_RANGE";
    case SQLITE_NOTADB: return "SQLITE_NOTADB";
    default: return "SQLITE_UNKNOWN";
    }
}

FaultDetail databaseFault(const std::exception& e)
{
    const auto* sqlite = dynamic_cast<const SqliteError*>(&e);
    if (!sqlite)
        return faultOf(e);
    FaultDetail d;
    d.source = FaultDetail::Source::Database;
    d.code = sqlite->code();
    d.codeName = std::string(sqliteCodeName(sqlite->code()));
    return d;
}

SaveFailure saveFailureOf(int code)
{
    switch (code & 0xff) {
    case SQLITE_OK: return SaveFailure::None;
    case SQLITE_FULL: return SaveFailure::Full;
    case SQLITE_READONLY:
    case SQLITE_PERM: return SaveFailure::ReadOnly;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return SaveFailure::Busy;
    case SQLITE_IOERR: return SaveFailure::Io;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return SaveFailure::Corrupt;
    case SQLITE_CANTOPEN: return SaveFailure::Unavailable;
    default: return SaveFailure::Other;
    }
}

void Db::Closer::operator()(sqlite3* db) const
{
    // v2: if a statement outlives the connection, SQLite closes it when the last one is finalized.
    sqlite3_close_v2(db);
}

Db::Db(const std::filesystem::path& file, OpenMode mode)
{
    const int flags =
        mode == OpenMode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    m_db.reset(raw); // closed even when opening failed
    if (rc != SQLITE_OK) {
        const int code = raw ? sqlite3_extended_errcode(raw) : rc;
        throw SqliteError(std::string("open: ") + sqlite3_errstr(code), code);
    }
    sqlite3_extended_result_codes(raw, 1);
}

void Db::fail(std::string_view what, int rc) const
{
    const int code = m_db ? sqlite3_extended_errcode(m_db.get()) : rc;
    // The primary code of the call is the truth; the connection's extended code refines it when
    // it agrees.
    const int shown = (code & 0xff) == (rc & 0xff) ? code : rc;
    throw SqliteError(std::string(what) + ": " + (m_db ? sqlite3_errmsg(m_db.get()) : sqlite3_errstr(rc)),
                      shown);
}

void Db::exec(std::string_view sql)
{
    const std::string text(sql);
    const int rc = sqlite3_exec(m_db.get(), text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        fail("exec", rc);
}

std::string Db::queryText(std::string_view sql)
{
    Stmt stmt(*this, sql);
    return stmt.step() ? stmt.columnText(0) : std::string();
}

std::int64_t Db::queryInt(std::string_view sql)
{
    Stmt stmt(*this, sql);
    return stmt.step() ? stmt.columnInt64(0) : 0;
}

void Db::setBusyTimeout(int ms)
{
    sqlite3_busy_timeout(m_db.get(), ms);
}

bool Db::readOnly() const
{
    return sqlite3_db_readonly(m_db.get(), "main") == 1;
}

bool Db::inTransaction() const
{
    return sqlite3_get_autocommit(m_db.get()) == 0;
}

void Stmt::Finalizer::operator()(sqlite3_stmt* stmt) const
{
    sqlite3_finalize(stmt);
}

Stmt::Stmt(Db& db, std::string_view sql) : m_db(&db)
{
    if (sql.size() > static_cast<std::size_t>(INT_MAX))
        throw SqliteError("prepare: statement too long", SQLITE_TOOBIG);
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
    m_stmt.reset(raw);
    if (rc != SQLITE_OK)
        db.fail("prepare", rc);
}

void Stmt::check(int rc, const char* what) const
{
    if (rc != SQLITE_OK)
        m_db->fail(what, rc);
}

Stmt& Stmt::bind(int index, std::int64_t value)
{
    check(sqlite3_bind_int64(m_stmt.get(), index, value), "bind");
    return *this;
}

Stmt& Stmt::bind(int index, std::string_view text)
{
    // SQLITE_TRANSIENT: SQLite copies the text, so the caller's string may go away.
    check(sqlite3_bind_text64(m_stmt.get(), index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
          "bind");
    return *this;
}

Stmt& Stmt::bindBlob(int index, std::span<const unsigned char> bytes)
{
    check(sqlite3_bind_blob64(m_stmt.get(), index, bytes.data(), bytes.size(), SQLITE_TRANSIENT), "bind");
    return *this;
}

Stmt& Stmt::bindNull(int index)
{
    check(sqlite3_bind_null(m_stmt.get(), index), "bind");
    return *this;
}

bool Stmt::step()
{
    const int rc = sqlite3_step(m_stmt.get());
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    m_db->fail("step", rc);
}

void Stmt::run()
{
    while (step()) {
    }
}

void Stmt::reset()
{
    // sqlite3_reset repeats the error of the last step, which step() has already thrown.
    sqlite3_reset(m_stmt.get());
    sqlite3_clear_bindings(m_stmt.get());
}

std::int64_t Stmt::columnInt64(int column) const
{
    return sqlite3_column_int64(m_stmt.get(), column);
}

std::string Stmt::columnText(int column) const
{
    const auto* text = sqlite3_column_text(m_stmt.get(), column);
    const int size = sqlite3_column_bytes(m_stmt.get(), column);
    return text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size))
                : std::string();
}

std::vector<unsigned char> Stmt::columnBlob(int column) const
{
    const auto* blob = static_cast<const unsigned char*>(sqlite3_column_blob(m_stmt.get(), column));
    const int size = sqlite3_column_bytes(m_stmt.get(), column);
    return blob ? std::vector<unsigned char>(blob, blob + size) : std::vector<unsigned char>();
}

bool Stmt::columnIsNull(int column) const
{
    return sqlite3_column_type(m_stmt.get(), column) == SQLITE_NULL;
}

Transaction::Transaction(Db& db) : m_db(db)
{
    m_db.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (m_done)
        return;
    // A failed COMMIT or statement may already have ended the transaction (SQLite rolls back by
    // itself after some errors); roll back only what is still open, and swallow any error.
    if (m_db.inTransaction())
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit()
{
    const int rc = sqlite3_exec(m_db.handle(), "COMMIT", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        m_db.fail("commit", rc);
    m_done = true;
}

std::vector<std::string> integrityCheck(Db& db, bool quick)
{
    Stmt stmt(db, quick ? "PRAGMA quick_check" : "PRAGMA integrity_check");
    std::vector<std::string> problems;
    while (stmt.step())
        problems.push_back(stmt.columnText(0));
    return problems;
}

} // namespace kiosk::store
