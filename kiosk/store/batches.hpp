// Export batches in the store: which requests to export, and marking them collected with the batch.
#pragma once

#include "core/clock.hpp"
#include "core/request.hpp"
#include "store/db.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
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
};

enum class ExportScope {
    New, // not yet collected
    All, // every request still on the kiosk, collected or not
};

// The requests of `scope`, oldest first. Throws SqliteError.
[[nodiscard]] std::vector<ExportRequest> requestsToExport(Db& db, ExportScope scope);

// In ONE transaction: inserts `batch` and marks every request of `ids` that is not collected yet
// with the batch id and `nowMs` (a request collected earlier keeps its first batch). Returns how
// many were marked. Throws SqliteError; nothing is marked or inserted then.
std::int64_t markCollected(Db& db, const BatchRecord& batch, std::span<const std::int64_t> ids, Millis nowMs);

// Every batch, oldest first.
[[nodiscard]] std::vector<BatchRecord> listBatches(Db& db);

} // namespace kiosk::store
