// Export batches in the store: the requests to export and the one transaction that marks them.
#include "store/batches.hpp"

#include "store/officer.hpp"
#include "store/request_row.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <stdexcept>

namespace kiosk::store {

namespace {

// The columns after the request's own: whether and when a batch collected it.
constexpr int kCollectedBatch = kRequestColumnCount;
constexpr int kCollectedMs = kRequestColumnCount + 1;
constexpr const char* kSelectBatch =
    "SELECT id, created_ms, count, first_created_ms, last_created_ms, folder, "
    "sealed, stick, audit_through, again_of FROM batches ";

// The requests to export, chosen and ordered by `rest` ("WHERE … ORDER BY …").
std::string selectExport(std::string_view rest)
{
    return "SELECT " + std::string(kRequestColumns) + ", collected_batch, collected_ms FROM requests " +
           std::string(rest);
}

std::optional<std::int64_t> optionalInt(const Stmt& row, int column)
{
    if (row.columnIsNull(column))
        return std::nullopt;
    return row.columnInt64(column);
}

std::vector<ExportRequest> readExportRows(Stmt& rows)
{
    std::vector<ExportRequest> out;
    while (rows.step()) {
        ExportRequest e;
        e.stored = readRequestRow(rows);
        if (!rows.columnIsNull(kCollectedBatch))
            e.collectedBatch = rows.columnText(kCollectedBatch);
        e.collectedMs = optionalInt(rows, kCollectedMs);
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<BatchRecord> readBatchRows(Stmt& rows)
{
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
        b.stick = rows.columnText(7);
        b.auditThrough = rows.columnInt64(8);
        if (!rows.columnIsNull(9))
            b.againOf = rows.columnText(9);
        out.push_back(std::move(b));
    }
    return out;
}

} // namespace

std::vector<ExportRequest> requestsToExport(Db& db, ExportScope scope)
{
    Stmt rows(db, selectExport("WHERE ?1 OR collected_batch IS NULL ORDER BY id"));
    rows.bind(1, std::int64_t{scope == ExportScope::All ? 1 : 0});
    return readExportRows(rows);
}

std::vector<ExportRequest> requestsOfBatch(Db& db, std::string_view batchId)
{
    Stmt known(db, "SELECT 1 FROM batches WHERE id = ?1");
    known.bind(1, batchId);
    if (!known.step())
        throw std::invalid_argument("there is no batch " + std::string(batchId) + " on this kiosk");
    Stmt rows(db, selectExport("WHERE collected_batch = ?1 ORDER BY id"));
    rows.bind(1, batchId);
    return readExportRows(rows);
}

std::optional<BatchRecord> findBatch(Db& db, std::string_view batchId)
{
    Stmt rows(db, std::string(kSelectBatch) + "WHERE id = ?1");
    rows.bind(1, batchId);
    std::vector<BatchRecord> found = readBatchRows(rows);
    if (found.empty())
        return std::nullopt;
    return std::move(found.front());
}

std::int64_t markCollected(Db& db, const BatchRecord& batch, std::span<const std::int64_t> ids, Millis nowMs)
{
    Transaction transaction(db);
    Stmt insert(db,
                "INSERT INTO batches (id, created_ms, count, first_created_ms, last_created_ms, folder, "
                "sealed, stick, audit_through, again_of) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    insert.bind(1, batch.id).bind(2, batch.createdMs).bind(3, batch.count);
    if (batch.firstCreatedMs)
        insert.bind(4, *batch.firstCreatedMs);
    else
        insert.bindNull(4);
    if (batch.lastCreatedMs)
        insert.bind(5, *batch.lastCreatedMs);
    else
        insert.bindNull(5);
    insert.bind(6, batch.folder)
        .bind(7, std::int64_t{batch.sealed ? 1 : 0})
        .bind(8, batch.stick)
        .bind(9, batch.auditThrough);
    if (batch.again())
        insert.bind(10, batch.againOf);
    else
        insert.bindNull(10);
    insert.run();

    Stmt mark(db, "UPDATE requests SET collected_batch = ?1, collected_ms = ?2 "
                  "WHERE id = ?3 AND collected_batch IS NULL");
    std::int64_t marked = 0;
    for (const std::int64_t id : ids) {
        mark.reset();
        mark.bind(1, batch.id).bind(2, nowMs).bind(3, id).run();
        marked += static_cast<std::int64_t>(sqlite3_changes(db.handle()));
    }
    // Counts and the random batch id only: the audit never holds a name or a phone number.
    appendAudit(db, nowMs, batch.again() ? kAuditReexport : kAuditExport,
                "batch=" + batch.id + " count=" + std::to_string(batch.count) +
                    " marked=" + std::to_string(marked) + " sealed=" + (batch.sealed ? "yes" : "no"));
    transaction.commit();
    return marked;
}

std::vector<BatchRecord> listBatches(Db& db)
{
    Stmt rows(db, std::string(kSelectBatch) + "ORDER BY created_ms, id");
    return readBatchRows(rows);
}

std::vector<BatchRecord> recentBatches(Db& db, std::size_t n)
{
    // By rowid, the order they were written in: the wall clock of a kiosk without a clock battery
    // may have gone back between two batches, so created_ms could put an older one first.
    Stmt rows(db, std::string(kSelectBatch) + "ORDER BY rowid DESC LIMIT ?1");
    rows.bind(1, static_cast<std::int64_t>(std::min<std::size_t>(n, 1'000'000)));
    return readBatchRows(rows);
}

std::int64_t auditExportedThrough(Db& db)
{
    return db.queryInt("SELECT coalesce(max(audit_through), 0) FROM batches");
}

} // namespace kiosk::store
