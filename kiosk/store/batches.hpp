// Export batches in the store: which requests to export, and marking them collected with the batch.
#pragma once

#include "core/clock.hpp"
#include "core/request.hpp"
#include "store/db.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::store {

// A request as the exporter sees it: the stored request and whether a batch collected it already.
struct ExportRequest {
    StoredRequest stored;
    std::string collectedBatch; // empty while new
    std::optional<Millis> collectedMs;

    [[nodiscard]] bool collected() const { return !collectedBatch.empty(); }
};

// A row of the batches table.
struct BatchRecord {
    std::string id;
    Millis createdMs = 0;
    std::int64_t count = 0;
    std::optional<Millis> firstCreatedMs;
    std::optional<Millis> lastCreatedMs;
    std::string folder; // the batch folder's name (no path)
    bool sealed = false;
    std::string stick;             // the label of the stick it was written to ("" when unknown)
    std::int64_t auditThrough = 0; // the highest audit id its audit.csv holds (0: none)
    std::string againOf;           // the batch whose requests it wrote again (a lost stick); "" for an export

    [[nodiscard]] bool again() const { return !againOf.empty(); }
};

// The requests of `scope`, oldest first. Throws SqliteError.
[[nodiscard]] std::vector<ExportRequest> requestsToExport(Db& db, ExportScope scope);
// The requests batch `batchId` collected that are still on the kiosk, oldest first (empty when
// every one of them was purged, and for a batch that wrote another one's again: see againOf).
// Throws std::invalid_argument when there is no such batch, SqliteError.
[[nodiscard]] std::vector<ExportRequest> requestsOfBatch(Db& db, std::string_view batchId);
// The batch `batchId`, if there is one.
[[nodiscard]] std::optional<BatchRecord> findBatch(Db& db, std::string_view batchId);

// In ONE transaction: inserts `batch`, marks every request of `ids` that is not collected yet
// with the batch id and `nowMs` (a request collected earlier keeps its first batch), and appends
// its audit row at `nowMs`: "export", or "re-export" when batch.again(), with the detail
// "batch=ID count=N marked=M sealed=yes|no". Returns how many were marked. Throws SqliteError;
// nothing is marked, inserted or audited then.
std::int64_t markCollected(Db& db, const BatchRecord& batch, std::span<const std::int64_t> ids, Millis nowMs);

// Every batch, oldest first.
[[nodiscard]] std::vector<BatchRecord> listBatches(Db& db);
// The newest `n` batches, the last written first (for "copy again").
[[nodiscard]] std::vector<BatchRecord> recentBatches(Db& db, std::size_t n);
// The highest audit id any batch's audit.csv holds: the next batch's audit starts after it.
[[nodiscard]] std::int64_t auditExportedThrough(Db& db);

} // namespace kiosk::store
