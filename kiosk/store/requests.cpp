// Saving callback requests durably (one IMMEDIATE transaction each, confirmed only after COMMIT),
// opening and repairing the database file, and reading requests back.
#include "store/requests.hpp"

#include "store/request_row.hpp"
#include "store/schema.hpp"
#include "store/sodium.hpp"

#include <sodium.h>
#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <stdexcept>
#include <system_error>

namespace fs = std::filesystem;

namespace kiosk::store {

namespace {

// PRAGMA integrity_check found a problem (SQLite itself did not fail).
class Damaged : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Resets a cached statement before and after use, so a failed step leaves nothing behind and a
// finished read holds no lock.
class Reusing {
public:
    explicit Reusing(Stmt& stmt) : m_stmt(stmt) { m_stmt.reset(); }
    ~Reusing() { m_stmt.reset(); }
    Reusing(const Reusing&) = delete;
    Reusing& operator=(const Reusing&) = delete;
    Stmt* operator->() { return &m_stmt; }

private:
    Stmt& m_stmt;
};

// Makes a rename or a new file in `dir` durable.
void syncDirectory(const fs::path& dir)
{
    const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)::fsync(fd);
        ::close(fd);
    }
}

fs::path sibling(const fs::path& file, std::string_view suffix)
{
    fs::path p = file;
    p += std::string(suffix);
    return p;
}

// Renames `file` and its -wal, -shm and -journal to "<file>.corrupt-<UTC time>[-N]". Never
// deletes and never overwrites. Returns the new name, or an empty path (and `why`) on failure.
fs::path moveAside(const fs::path& file, Millis now, std::string& why)
{
    const std::string base = file.string() + ".corrupt-" + formatUtc(now, "%Y%m%dT%H%M%SZ");
    fs::path target = base;
    std::error_code ec;
    for (int n = 2; fs::exists(target, ec) || fs::exists(sibling(target, "-wal"), ec); ++n)
        target = base + "-" + std::to_string(n);
    fs::rename(file, target, ec);
    if (ec) {
        why = ec.message();
        return {};
    }
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
        const fs::path from = sibling(file, suffix);
        if (fs::exists(from, ec)) {
            fs::rename(from, sibling(target, suffix), ec);
            if (ec)
                why = ec.message(); // the main file has moved; a stray side file is not fatal
        }
    }
    syncDirectory(file.parent_path());
    return target;
}

// The highest request id the damaged file still shows, so the new file does not hand out the
// same references again. Best effort: 0 when nothing can be read.
std::int64_t lastIdIn(const fs::path& damaged)
{
    try {
        Db db(damaged, OpenMode::ReadOnly);
        sqlite3_db_config(db.handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        std::int64_t last = 0;
        try {
            last = db.queryInt("SELECT seq FROM sqlite_sequence WHERE name = 'requests'");
        } catch (const std::exception&) {
        }
        try {
            last = std::max(last, db.queryInt("SELECT max(id) FROM requests"));
        } catch (const std::exception&) {
        }
        // A damaged page may say anything: a kiosk never gets near a billion requests.
        return last > 0 && last < 1'000'000'000 ? last : 0;
    } catch (const std::exception&) {
        return 0;
    }
}

void appendField(std::vector<unsigned char>& out, std::string_view field)
{
    std::uint64_t size = field.size();
    for (int i = 0; i < 8; ++i, size >>= 8)
        out.push_back(static_cast<unsigned char>(size & 0xff));
    out.insert(out.end(), field.begin(), field.end());
}

bool isDamage(int code)
{
    return (code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB;
}

} // namespace

struct RequestStore::Statements {
    explicit Statements(Db& db)
        : findRepeat(db, "SELECT reference FROM requests WHERE fingerprint = ?1 AND created_ms > ?2 - ?3 "
                         "AND created_ms < ?2 + ?3 ORDER BY created_ms DESC, id DESC LIMIT 1"),
          // AUTOINCREMENT's own rule: above every id ever used, even by deleted rows.
          nextId(db, "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'requests'), 0), "
                     "coalesce((SELECT max(id) FROM requests), 0)) + 1"),
          insert(db,
                 "INSERT INTO requests (id, uid, reference, created_ms, lang, name, phone, dusun, rt, rw, "
                 "topic, contact_time, note, fingerprint) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"),
          insertEvent(db, "INSERT INTO events (at_ms, kind, detail) VALUES (?1, ?2, ?3)")
    {
    }
    Stmt findRepeat;
    Stmt nextId;
    Stmt insert;
    Stmt insertEvent;
};

RequestStore::RequestStore(fs::path file, std::string kioskId, const Clock& wallClock, std::ostream& log,
                           StoreOptions options)
    : m_file(std::move(file)), m_kioskId(std::move(kioskId)), m_clock(wallClock), m_log(log),
      m_options(options)
{
}

RequestStore::~RequestStore() = default;

RequestStore::Opened RequestStore::open(fs::path file, std::string kioskId, const Clock& wallClock,
                                        std::ostream& log, StoreOptions options)
{
    Opened opened;
    opened.store.reset(new RequestStore(std::move(file), std::move(kioskId), wallClock, log, options));
    opened.store->connect(&opened.movedAsideTo);
    return opened;
}

void RequestStore::openDb()
{
    initSodium();
    std::error_code ec;
    const bool existed = fs::exists(m_file, ec);
    auto db = std::make_unique<Db>(m_file, OpenMode::ReadWriteCreate);
    // Until the file has passed its checks, closing must not checkpoint: that would copy the WAL
    // into a damaged file and delete the WAL before it is moved aside.
    sqlite3_db_config(db->handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    db->setBusyTimeout(m_options.busyTimeoutMs);
    // Read before anything could write: a newer database is refused as it is. A file that is not
    // a database fails here (SQLITE_NOTADB).
    if (const int version = schemaVersion(*db); version > kSchemaVersion)
        throw SchemaTooNew(version, kSchemaVersion);
    // Checked before anything is written: a damaged file is moved aside exactly as it was.
    const bool quick = m_options.check == StartupCheck::Quick;
    if (const auto problems = integrityCheck(*db, quick); problems.size() != 1 || problems.front() != "ok")
        throw Damaged(std::string(quick ? "quick_check" : "integrity_check") + ": " +
                      (problems.empty() ? "no answer" : problems.front()));
    if (const std::string mode = db->queryText("PRAGMA journal_mode = WAL"); mode != "wal")
        m_log << "kiosk: the database " << m_file.string() << " stays in journal mode '" << mode
              << "' (WAL was refused); saving still waits for the disk\n";
    db->exec("PRAGMA synchronous = FULL");
    db->exec("PRAGMA foreign_keys = ON");
    migrate(*db);
    if (!existed)
        syncDirectory(m_file.parent_path());
    sqlite3_db_config(db->handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, nullptr);
    m_stmts = std::make_unique<Statements>(*db);
    m_db = std::move(db);
}

void RequestStore::disconnect()
{
    m_stmts.reset();
    m_db.reset();
}

bool RequestStore::connect(fs::path* movedAsideTo)
{
    disconnect();
    std::string damage;
    try {
        openDb();
        m_unavailableWhy.clear();
        return true;
    } catch (const Damaged& e) {
        damage = e.what();
    } catch (const SqliteError& e) {
        if (!isDamage(e.code())) {
            disconnect();
            const bool repeated = m_unavailableWhy == sqliteCodeName(e.code());
            m_unavailableWhy = sqliteCodeName(e.code());
            if (!repeated)
                m_log << "kiosk: cannot open the database " << m_file.string() << ": " << e.what() << " ("
                      << m_unavailableWhy << "); requests cannot be saved until it opens\n";
            return false;
        }
        damage = std::string(sqliteCodeName(e.code())) + ": " + e.what();
    } catch (const SchemaTooNew& e) {
        disconnect();
        const bool repeated = m_unavailableWhy == "newer schema";
        m_unavailableWhy = "newer schema";
        if (!repeated)
            m_log << "kiosk: cannot use the database " << m_file.string() << ": " << e.what()
                  << "; requests cannot be saved\n";
        return false;
    } catch (const std::exception& e) {
        disconnect();
        m_unavailableWhy = "error";
        m_log << "kiosk: cannot open the database " << m_file.string() << ": " << e.what() << "\n";
        return false;
    }

    // Damaged: keep it (officers or a technician may recover requests from it) and start anew.
    disconnect();
    std::string why;
    const fs::path aside = moveAside(m_file, m_clock.now(), why);
    if (aside.empty()) {
        m_unavailableWhy = "damaged";
        m_log << "kiosk: the database " << m_file.string() << " is damaged (" << damage
              << ") and cannot be moved aside (" << why << "); requests cannot be saved\n";
        return false;
    }
    m_log << "kiosk: the database " << m_file.string() << " was damaged (" << damage << "); it was moved to "
          << aside.string() << " and a new one started\n";
    const std::int64_t lastId = lastIdIn(aside);
    try {
        openDb();
        Transaction transaction(*m_db);
        if (lastId > 0) {
            Stmt seq(*m_db, "INSERT INTO sqlite_sequence (name, seq) VALUES ('requests', ?1)");
            seq.bind(1, lastId).run();
        }
        {
            Reusing event(m_stmts->insertEvent);
            event->bind(1, m_clock.now()).bind(2, kEventMovedAside).bind(3, aside.string()).run();
        }
        transaction.commit();
    } catch (const std::exception& e) {
        if (!m_db) {
            m_unavailableWhy = "damaged";
            m_log << "kiosk: cannot start a new database " << m_file.string() << ": " << e.what()
                  << "; requests cannot be saved\n";
            return false;
        }
        m_log << "kiosk: cannot record in the new database that the old one was moved aside: " << e.what()
              << "\n";
    }
    m_unavailableWhy.clear();
    if (movedAsideTo)
        *movedAsideTo = aside;
    return true;
}

Db& RequestStore::db()
{
    if (!m_db && !connect(nullptr))
        throw SqliteError("the database " + m_file.string() + " is not available (" + m_unavailableWhy + ")",
                          SQLITE_CANTOPEN);
    return *m_db;
}

RequestStore::Inserted RequestStore::insertRow(const CallbackRequest& request, Millis createdMs,
                                               const Fingerprint& fingerprint)
{
    std::int64_t id = 0;
    {
        Reusing next(m_stmts->nextId);
        if (!next->step())
            throw SqliteError("no next id", SQLITE_INTERNAL);
        id = next->columnInt64(0);
    }
    Inserted row{id, formatReference(m_kioskId, id)};
    const std::string uid = m_kioskId + "-" + randomUuid();
    Reusing insert(m_stmts->insert);
    insert->bind(1, id)
        .bind(2, uid)
        .bind(3, row.reference)
        .bind(4, createdMs)
        .bind(5, langCode(request.lang))
        .bind(6, request.name)
        .bind(7, request.phone)
        .bind(8, request.dusun)
        .bind(9, request.rt)
        .bind(10, request.rw)
        .bind(11, requestTopicId(request.topic))
        .bind(12, contactTimeId(request.time))
        .bind(13, request.note)
        .bindBlob(14, fingerprint)
        .run();
    return row;
}

SubmitResult RequestStore::submit(const CallbackRequest& request)
{
    SubmitResult result;
    result.status = SubmitResult::Status::Failed;
    std::string code;
    try {
        if (!m_db && !connect(nullptr)) {
            result.failure = SaveFailure::Unavailable;
            code = m_unavailableWhy;
        } else {
            const Millis now = m_clock.now();
            const Fingerprint fingerprint = requestFingerprint(request);
            Transaction transaction(*m_db);
            {
                Reusing repeat(m_stmts->findRepeat);
                repeat->bindBlob(1, fingerprint).bind(2, now).bind(3, kRepeatWindowMs);
                if (repeat->step()) {
                    result.reference = repeat->columnText(0);
                    result.status = SubmitResult::Status::Repeated;
                    return result; // the transaction wrote nothing; it is rolled back
                }
            }
            Inserted row = insertRow(request, now, fingerprint);
            transaction.commit();
            // Only now is it on disk (synchronous=FULL: COMMIT waited for fsync).
            result.status = SubmitResult::Status::Saved;
            result.reference = std::move(row.reference);
            return result;
        }
    } catch (const SqliteError& e) {
        result.failure = saveFailureOf(e.code());
        code = sqliteCodeName(e.code());
        // A full disk or a lock passes and the connection stays good; after anything else the next
        // submit opens the file again (and checks it).
        if (result.failure != SaveFailure::Full && result.failure != SaveFailure::Busy)
            disconnect();
    } catch (const std::exception&) {
        result.failure = SaveFailure::Other;
        code = "error";
        disconnect();
    } catch (...) {
        result.failure = SaveFailure::Other;
        code = "error";
        disconnect();
    }
    result.status = SubmitResult::Status::Failed;
    result.reference.clear();
    try {
        // Never a field of the request here: the log is not the place for personal data.
        m_log << "kiosk: could not save a callback request: " << saveFailureText(result.failure) << " ("
              << code << ")\n";
    } catch (...) {
    }
    return result;
}

void RequestStore::insertBatch(std::span<const NewRequest> batch)
{
    Db& database = db();
    Transaction transaction(database);
    for (const NewRequest& r : batch)
        insertRow(r.request, r.createdMs, requestFingerprint(r.request));
    transaction.commit();
}

void RequestStore::recordEvent(std::string_view kind, std::string_view detail)
{
    db(); // opens it if it is not open yet
    Reusing event(m_stmts->insertEvent);
    event->bind(1, m_clock.now()).bind(2, kind).bind(3, detail).run();
}

std::int64_t RequestStore::count()
{
    return countRequests(db());
}

void RequestStore::forEach(const std::function<void(const StoredRequest&)>& visit)
{
    forEachRequest(db(), visit);
}

std::vector<StoredRequest> RequestStore::list()
{
    std::vector<StoredRequest> all;
    forEach([&](const StoredRequest& r) { all.push_back(r); });
    return all;
}

std::vector<StoreEvent> RequestStore::events()
{
    return readEvents(db());
}

Fingerprint requestFingerprint(const CallbackRequest& request)
{
    initSodium();
    std::vector<unsigned char> encoded;
    encoded.reserve(512);
    appendField(encoded, "kiosk-callback-request-v1");
    appendField(encoded, request.name);
    appendField(encoded, request.phone);
    appendField(encoded, request.dusun);
    appendField(encoded, request.rt);
    appendField(encoded, request.rw);
    appendField(encoded, requestTopicId(request.topic));
    appendField(encoded, contactTimeId(request.time));
    appendField(encoded, request.note);
    Fingerprint out{};
    crypto_generichash(out.data(), out.size(), encoded.data(), encoded.size(), nullptr, 0);
    return out;
}

std::string formatReference(std::string_view kioskId, std::int64_t id)
{
    char digits[32];
    std::snprintf(digits, sizeof digits, "%04lld", static_cast<long long>(id));
    return std::string(kioskId) + "-" + digits;
}

std::string randomUuid()
{
    initSodium();
    unsigned char b[16];
    randombytes_buf(b, sizeof b);
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40); // version 4
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80); // variant RFC 4122
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out.push_back('-');
        out.push_back(hex[b[i] >> 4]);
        out.push_back(hex[b[i] & 0x0f]);
    }
    return out;
}

Db openForReading(const fs::path& file)
{
    std::error_code ec;
    if (!fs::is_regular_file(file, ec))
        throw std::runtime_error("no database here (the file does not exist)");
    Db db(file, OpenMode::ReadOnly);
    db.setBusyTimeout(2000);
    const int version = schemaVersion(db); // fails for a file that is not a database
    if (version > kSchemaVersion)
        throw SchemaTooNew(version, kSchemaVersion);
    if (version == 0)
        throw std::runtime_error("not a kiosk database (it has none of our tables)");
    if (version < kSchemaVersion)
        throw std::runtime_error("schema version " + std::to_string(version) +
                                 "; start the kiosk on it once to bring it to version " +
                                 std::to_string(kSchemaVersion));
    return db;
}

std::int64_t countRequests(Db& db)
{
    return db.queryInt("SELECT count(*) FROM requests");
}

void forEachRequest(Db& db, const std::function<void(const StoredRequest&)>& visit)
{
    Stmt rows(db, "SELECT " + std::string(kRequestColumns) + " FROM requests ORDER BY id");
    while (rows.step())
        visit(readRequestRow(rows));
}

std::vector<StoreEvent> readEvents(Db& db)
{
    Stmt rows(db, "SELECT id, at_ms, kind, detail FROM events ORDER BY id");
    std::vector<StoreEvent> events;
    while (rows.step())
        events.push_back({rows.columnInt64(0), rows.columnInt64(1), rows.columnText(2), rows.columnText(3)});
    return events;
}

} // namespace kiosk::store
