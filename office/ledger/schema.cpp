// The ledger's migrations, in order. Each is SQL that SQLite 3.40 and PostgreSQL 15 both accept;
// the one difference, a key the engine numbers itself, is written {{ID}} and spelled per engine here.
#include "ledger/schema.hpp"

#include <string>

namespace kiosk::office {

namespace {

struct Migration {
    int version;
    const char* statements[16]; // run in order; the list ends at the first null
};

// Personal data (name, phone, dusun, rt, rw, note, a conflicting version's content) is NULL once
// purged; every other column stays for the counts. `status`, `first_attempt_ms`, `reached_ms`,
// `referred_ms` and `done_ms` are derived from the events and kept in step with them in the same
// transaction (the list by status and the monthly report over 100,000 rows must not replay every
// event).
constexpr Migration kMigrations[] = {
    {1,
     {R"(CREATE TABLE batches (
            batch_id TEXT NOT NULL,
            kiosk_id TEXT NOT NULL,
            folder TEXT NOT NULL,
            created TEXT NOT NULL,
            created_ms BIGINT NOT NULL,
            scope TEXT NOT NULL,
            again_of TEXT,
            manifest_sha256 TEXT NOT NULL,
            request_count BIGINT NOT NULL,
            new_count BIGINT NOT NULL,
            held_count BIGINT NOT NULL,
            conflict_count BIGINT NOT NULL,
            audit_count BIGINT NOT NULL,
            imported_ms BIGINT NOT NULL,
            imported_by TEXT NOT NULL,
            PRIMARY KEY (kiosk_id, batch_id)))",
      R"(CREATE TABLE requests (
            uid TEXT PRIMARY KEY,
            kiosk_id TEXT NOT NULL,
            reference TEXT NOT NULL,
            created_ms BIGINT NOT NULL,
            created_month TEXT NOT NULL,
            topic TEXT NOT NULL,
            priority INTEGER NOT NULL,
            lang TEXT NOT NULL,
            contact_time TEXT NOT NULL,
            name TEXT,
            phone TEXT,
            dusun TEXT,
            rt TEXT,
            rw TEXT,
            note TEXT,
            content_sha256 TEXT NOT NULL,
            batch_id TEXT NOT NULL,
            file TEXT NOT NULL,
            imported_ms BIGINT NOT NULL,
            imported_by TEXT NOT NULL,
            status TEXT NOT NULL,
            first_attempt_ms BIGINT,
            reached_ms BIGINT,
            referred_ms BIGINT,
            done_ms BIGINT,
            purged_ms BIGINT,
            FOREIGN KEY (kiosk_id, batch_id) REFERENCES batches (kiosk_id, batch_id)))",
      "CREATE INDEX requests_status ON requests (status, priority, created_ms, uid)",
      "CREATE INDEX requests_reference ON requests (reference)",
      "CREATE INDEX requests_month ON requests (created_month, kiosk_id, topic)",
      "CREATE INDEX requests_batch ON requests (kiosk_id, batch_id)",
      R"(CREATE TABLE request_versions (
            id {{ID}},
            uid TEXT NOT NULL REFERENCES requests (uid),
            content_sha256 TEXT NOT NULL,
            content TEXT,
            kiosk_id TEXT NOT NULL,
            batch_id TEXT NOT NULL,
            file TEXT NOT NULL,
            imported_ms BIGINT NOT NULL,
            imported_by TEXT NOT NULL,
            UNIQUE (uid, content_sha256)))",
      R"(CREATE TABLE events (
            id {{ID}},
            uid TEXT NOT NULL REFERENCES requests (uid),
            at_ms BIGINT NOT NULL,
            who TEXT NOT NULL,
            kind TEXT NOT NULL,
            outcome TEXT,
            partner TEXT,
            note TEXT))",
      "CREATE INDEX events_uid ON events (uid, id)",
      R"(CREATE TABLE kiosk_audit (
            kiosk_id TEXT NOT NULL,
            audit_id BIGINT NOT NULL,
            time TEXT NOT NULL,
            kind TEXT NOT NULL,
            detail TEXT NOT NULL,
            batch_id TEXT NOT NULL,
            PRIMARY KEY (kiosk_id, audit_id)))",
      nullptr}},
    // The office desk: its people (a password only as its Argon2id hash; `locks` counts the locks
    // since the last good login, so that each lasts twice as long as the one before) and its audit
    // log; and the queue's order (trafficking first, then oldest) as indexes: one of the requests
    // not selesai (the follow-up queue; without it a page walks past every old request done) and one
    // of all.
    {2,
     {R"(CREATE TABLE desk_users (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            created_ms BIGINT NOT NULL,
            failed_logins INTEGER NOT NULL,
            locks INTEGER NOT NULL,
            locked_until_ms BIGINT NOT NULL))",
      R"(CREATE TABLE desk_audit (
            id {{ID}},
            at_ms BIGINT NOT NULL,
            who TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT NOT NULL,
            address TEXT NOT NULL))",
      "CREATE INDEX desk_audit_subject ON desk_audit (subject, id)",
      "CREATE INDEX requests_queue ON requests (priority, created_ms, uid) WHERE status <> 'selesai'",
      "CREATE INDEX requests_order ON requests (priority, created_ms, uid)", nullptr}},
};

std::string spelled(const char* sql, Dialect dialect)
{
    std::string text(sql);
    const std::string token = "{{ID}}";
    const std::string id = dialect == Dialect::Sqlite ? "INTEGER PRIMARY KEY"
                                                      : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
    for (std::size_t at; (at = text.find(token)) != std::string::npos;)
        text.replace(at, token.size(), id);
    return text;
}

} // namespace

int latestSchemaVersion()
{
    return kMigrations[std::size(kMigrations) - 1].version;
}

int schemaVersion(Store& store)
{
    store.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    const std::vector<Row> rows = store.query("SELECT MAX(version) FROM schema_version");
    return rows.empty() ? 0 : static_cast<int>(rows[0].integer(0));
}

void migrate(Store& store)
{
    store.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    for (const Migration& m : kMigrations) {
        store.transaction([&] {
            if (store.dialect() == Dialect::Postgres)
                store.exec("SELECT pg_advisory_xact_lock(1700017)");
            const int current = schemaVersion(store);
            if (current > latestSchemaVersion())
                throw StoreError(StoreError::Kind::Other,
                                 "the office database is of schema version " + std::to_string(current) +
                                     ", made by a newer desa-office; this one knows up to " +
                                     std::to_string(latestSchemaVersion()));
            if (current >= m.version)
                return;
            for (const char* const* s = m.statements; *s; ++s)
                store.exec(spelled(*s, store.dialect()));
            store.exec("INSERT INTO schema_version (version) VALUES ($1)", {std::int64_t{m.version}});
        });
    }
}

} // namespace kiosk::office
