// Importing kiosk batches into the ledger: verify, open, merge by global id, one batch one transaction.
#pragma once

#include "export/seal.hpp"
#include "ledger/store.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace kiosk::office {

struct ImportOptions {
    exporter::SecretKey key{};
    std::string who;        // who imports, recorded with every request and batch
    std::int64_t nowMs = 0; // the import time recorded
    // Called before each request of a batch is merged (tests stop a server or kill here).
    std::function<void(std::size_t index)> beforeRequest;
};

// What became of one batch folder.
struct BatchSummary {
    std::filesystem::path folder;
    std::string kioskId; // empty when refused before the manifest was read
    std::string batchId;
    std::int64_t added = 0;     // new ids, stored
    std::int64_t held = 0;      // ids already held with the same content
    std::int64_t conflicts = 0; // ids already held with other content: both kept
    std::int64_t audit = 0;     // audit entries new to the ledger
    std::string refused;        // non-empty: why nothing of this batch was stored, a sentence
};

struct ImportSummary {
    std::vector<BatchSummary> batches;
    [[nodiscard]] std::int64_t added() const;
    [[nodiscard]] std::int64_t held() const;
    [[nodiscard]] std::int64_t conflicts() const;
    [[nodiscard]] std::int64_t refused() const;
};

// The batch folders under `path`: itself when it holds a manifest.json, else every folder below
// that does (a whole stick: desa-kiosk/<kiosk>/<batch>/), in name order. `*.incomplete` folders
// (an export that never finished) are listed too, to be refused.
[[nodiscard]] std::vector<std::filesystem::path> findBatches(const std::filesystem::path& path);

// Imports one batch folder in one transaction. A refusal (the folder is not a sound batch) comes
// back in the summary with nothing stored; a failure of the store (server gone, disk full) throws
// StoreError, with the transaction rolled back.
BatchSummary importBatch(Store& store, const std::filesystem::path& folder, const ImportOptions& options);

// Every path: its batches imported one by one; a path with none is one refused entry ("not a
// batch"). Throws StoreError as importBatch does, after the batches before it were committed.
ImportSummary importPaths(Store& store, std::span<const std::filesystem::path> paths,
                          const ImportOptions& options);

// Refuses (std::runtime_error, a sentence naming it as `what`) a secret key file that is missing or
// that other users may read.
void requirePrivateKeyFile(const std::filesystem::path& file, const std::string& what);
// Refuses (std::runtime_error, a sentence) a secret key file others may read, then reads it.
[[nodiscard]] exporter::SecretKey readOfficeSecretKey(const std::filesystem::path& file);

} // namespace kiosk::office
