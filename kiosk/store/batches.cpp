// Export batches in the store: the requests to export and the one transaction that marks them.
#include "store/batches.hpp"

#include <sqlite3.h>

namespace kiosk::store {

namespace {

std::optional<std::int64_t> optionalInt(const Stmt& row, int column)
{
    if (row.columnIsNull(column))
        return std::nullopt;
    return row.columnInt64(column);
}

} // namespace

std::vector<ExportRequest> requestsToExport(Db& db, ExportScope scope)
{
    Stmt rows(db, "SELECT id, uid, reference, created_ms, lang, name, phone, dusun, rt, rw, topic, "
                  "contact_time, note, collected_batch, collected_ms FROM requests "
                  "WHERE ?1 OR collected_batch IS NULL ORDER BY id");
    rows.bind(1, std::int64_t{scope == ExportScope::All ? 1 : 0});
    std::vector<ExportRequest> out;
    while (rows.step()) {
        ExportRequest e;
        StoredRequest& r = e.stored;
        r.id = rows.columnInt64(0);
        r.uid = rows.columnText(1);
        r.reference = rows.columnText(2);
        r.createdMs = rows.columnInt64(3);
        r.request.lang = langFromCode(rows.columnText(4)).value_or(kDefaultLang);
        r.request.name = rows.columnText(5);
        r.request.phone = rows.columnText(6);
        r.request.dusun = rows.columnText(7);
        r.request.rt = rows.columnText(8);
        r.request.rw = rows.columnText(9);
        // The schema's CHECKs admit only known ids.
        r.request.topic = requestTopicFromId(rows.columnText(10)).value_or(RequestTopic::Other);
        r.request.time = contactTimeFromId(rows.columnText(11)).value_or(ContactTime::Any);
        r.request.note = rows.columnText(12);
        if (!rows.columnIsNull(13))
            e.collectedBatch = rows.columnText(13);
        e.collectedMs = optionalInt(rows, 14);
        out.push_back(std::move(e));
    }
    return out;
}

std::int64_t markCollected(Db& db, const BatchRecord& batch, std::span<const std::int64_t> ids, Millis nowMs)
{
    Transaction transaction(db);
    Stmt insert(db, "INSERT INTO batches (id, created_ms, count, first_created_ms, last_created_ms, folder, "
                    "sealed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    insert.bind(1, batch.id).bind(2, batch.createdMs).bind(3, batch.count);
    if (batch.firstCreatedMs)
        insert.bind(4, *batch.firstCreatedMs);
    else
        insert.bindNull(4);
    if (batch.lastCreatedMs)
        insert.bind(5, *batch.lastCreatedMs);
    else
        insert.bindNull(5);
    insert.bind(6, batch.folder).bind(7, std::int64_t{batch.sealed ? 1 : 0}).run();

    Stmt mark(db, "UPDATE requests SET collected_batch = ?1, collected_ms = ?2 "
                  "WHERE id = ?3 AND collected_batch IS NULL");
    std::int64_t marked = 0;
    for (const std::int64_t id : ids) {
        mark.reset();
        mark.bind(1, batch.id).bind(2, nowMs).bind(3, id).run();
        marked += static_cast<std::int64_t>(sqlite3_changes(db.handle()));
    }
    transaction.commit();
    return marked;
}

std::vector<BatchRecord> listBatches(Db& db)
{
    Stmt rows(db, "SELECT id, created_ms, count, first_created_ms, last_created_ms, folder, sealed "
                  "FROM batches ORDER BY created_ms, id");
    std::vector<BatchRecord> out;
    while (rows.step()) {
        BatchRecord b;
        b.id = rows.columnText(0);
        b.createdMs = rows.columnInt64(1);
        b.count = rows.columnInt64(2);
        b.firstCreatedMs = optionalInt(rows, 3);
        b.lastCreatedMs = optionalInt(rows, 4);
        b.folder = rows.columnText(5);
        b.sealed = rows.columnInt64(6) != 0;
        out.push_back(std::move(b));
    }
    return out;
}

} // namespace kiosk::store
