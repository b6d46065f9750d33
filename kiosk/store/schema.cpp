// The migrations, in order: each one is frozen once shipped (never edit one, add the next).
#include "store/schema.hpp"

#include <iterator>
#include <string>

namespace kiosk::store {

namespace {

struct Migration {
    int version; // user_version after this step
    const char* sql;
};

// Version 1: callback requests and the events officers must be told about.
// - AUTOINCREMENT: ids (and the references made from them) are never reused, even after deletes.
// - STRICT: SQLite refuses a value of the wrong type instead of storing it anyway.
// - The CHECK lists are the stable ids of core/request.hpp at the time of this version.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uid TEXT NOT NULL UNIQUE,
    reference TEXT NOT NULL UNIQUE,
    created_ms INTEGER NOT NULL,
    lang TEXT NOT NULL,
    name TEXT NOT NULL,
    phone TEXT NOT NULL,
    dusun TEXT NOT NULL DEFAULT '',
    rt TEXT NOT NULL DEFAULT '',
    rw TEXT NOT NULL DEFAULT '',
    topic TEXT NOT NULL CHECK (topic IN ('passport', 'work-abroad', 'trafficking', 'other')),
    contact_time TEXT NOT NULL CHECK (contact_time IN ('morning', 'midday', 'afternoon', 'any')),
    note TEXT NOT NULL DEFAULT '',
    fingerprint BLOB NOT NULL
) STRICT;
CREATE INDEX requests_by_fingerprint ON requests (fingerprint, created_ms);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    at_ms INTEGER NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
) STRICT;
)sql";

// Version 2: batches of requests collected onto a stick (officer export), and on each request
// the batch that first collected it. NULL collected_batch = new, not yet collected.
// - batches.id is the batch id written into the folder name and the manifest.
// - sealed: 1 when the files with personal data were sealed to the office key.
constexpr const char* kVersion2 = R"sql(
CREATE TABLE batches (
    id TEXT PRIMARY KEY,
    created_ms INTEGER NOT NULL,
    count INTEGER NOT NULL CHECK (count >= 0),
    first_created_ms INTEGER,
    last_created_ms INTEGER,
    folder TEXT NOT NULL,
    sealed INTEGER NOT NULL CHECK (sealed IN (0, 1))
) STRICT;
ALTER TABLE requests ADD COLUMN collected_batch TEXT REFERENCES batches (id);
ALTER TABLE requests ADD COLUMN collected_ms INTEGER;
CREATE INDEX requests_by_collected_batch ON requests (collected_batch);
)sql";

// Version 3: officer mode. The audit log (who did what is never recorded: no PIN, hash, name or
// phone ever goes into `detail`), and the officer PIN with its lockout state in a single row.
// - officer.pin_hash: a crypto_pwhash_str string (Argon2id); NULL while no PIN is set.
// - failures: wrong PINs since the last correct one or lockout; lockouts: how many so far (each
//   doubles the next); locked_until_ms: wall-clock end of the current lockout, 0 when none.
constexpr const char* kVersion3 = R"sql(
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at_ms INTEGER NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE officer (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    pin_hash TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    lockouts INTEGER NOT NULL DEFAULT 0,
    locked_until_ms INTEGER NOT NULL DEFAULT 0
) STRICT;
)sql";

// Version 4: the officer dashboard.
// - usage: anonymous page views per local day, screen and language; counts only, nothing that
//   could tell one visitor from another. The day is text so that it sorts and compares as a date.
// - batches.stick: the label of the stick a batch was written to, so an officer who lost one
//   knows which batch to copy again. audit_through: the highest audit id the batch's audit.csv
//   holds (0: none), so the next batch carries the audit on from there. again_of: for a batch
//   that wrote another one's requests again, that batch (NULL for an export of its own), so a
//   copy of a copy still finds the requests.
// - requests_for_dashboard: the dashboard counts requests by collected or not and by topic, and
//   wants the oldest new one; this index answers all of it without reading a single row. It
//   starts with collected_batch, so it also serves every lookup requests_by_collected_batch
//   served (a re-export's requests), and that one goes: each index costs every saved request.
constexpr const char* kVersion4 = R"sql(
CREATE TABLE usage (
    day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    screen TEXT NOT NULL,
    lang TEXT NOT NULL,
    views INTEGER NOT NULL CHECK (views >= 0),
    PRIMARY KEY (day, screen, lang)
) STRICT, WITHOUT ROWID;
ALTER TABLE batches ADD COLUMN stick TEXT NOT NULL DEFAULT '';
ALTER TABLE batches ADD COLUMN audit_through INTEGER NOT NULL DEFAULT 0 CHECK (audit_through >= 0);
ALTER TABLE batches ADD COLUMN again_of TEXT REFERENCES batches (id);
CREATE INDEX requests_for_dashboard ON requests (collected_batch, topic, created_ms);
DROP INDEX requests_by_collected_batch;
)sql";

// Version 5: officer settings (volume and speed of the voice, the default language, the theme),
// one row per setting changed on the kiosk; a setting with no row has its default. Values are
// checked when read (core/settings), so a hand-edited row cannot stop the kiosk.
constexpr const char* kVersion5 = R"sql(
CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    changed_ms INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
)sql";

constexpr Migration kMigrations[] = {
    {1, kVersion1}, {2, kVersion2}, {3, kVersion3}, {4, kVersion4}, {5, kVersion5},
};
static_assert(std::size(kMigrations) == kSchemaVersion, "one migration per version");

} // namespace

SchemaTooNew::SchemaTooNew(int found, int known)
    : std::runtime_error("the database has schema version " + std::to_string(found) +
                         ", newer than this kiosk knows (" + std::to_string(known) +
                         "); it was made by a newer kiosk and is left untouched"),
      m_found(found)
{
}

int schemaVersion(Db& db)
{
    return static_cast<int>(db.queryInt("PRAGMA user_version"));
}

void migrate(Db& db, int target)
{
    if (target < 0 || target > kSchemaVersion)
        throw std::invalid_argument("no schema version " + std::to_string(target));
    int current = schemaVersion(db);
    if (current > kSchemaVersion)
        throw SchemaTooNew(current, kSchemaVersion);
    for (const Migration& step : kMigrations) {
        if (step.version > target)
            break;
        if (current >= step.version)
            continue;
        // The version is read again under the write lock: another process may have migrated.
        Transaction transaction(db);
        current = schemaVersion(db);
        if (current > kSchemaVersion)
            throw SchemaTooNew(current, kSchemaVersion);
        if (current >= step.version)
            continue; // rolls back the empty transaction
        db.exec(step.sql);
        // PRAGMA takes no bound parameters; the value is a constant of this file.
        db.exec("PRAGMA user_version = " + std::to_string(step.version));
        transaction.commit();
        current = step.version;
    }
}

} // namespace kiosk::store
