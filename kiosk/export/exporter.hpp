// The export engine: a batch folder of requests written durably (optionally sealed), then marked.
#pragma once

#include "core/clock.hpp"
#include "export/file_writer.hpp"
#include "export/seal.hpp"
#include "store/batches.hpp"
#include "store/db.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::exporter {

struct ExportOptions {
    std::filesystem::path destination; // the stick's root (or a plain folder)
    std::string kioskId;
    ExportScope scope = ExportScope::New;
    std::optional<PublicKey> officeKey; // seal the files with personal data when set
    Millis nowMs = 0;
    // Non-empty: a new batch of exactly the requests this batch collected that are still on the
    // kiosk (the officer lost the stick; for a batch that was itself written again, those of the
    // batch it copied); `scope` is ignored, nothing is newly marked, the audit row says "re-export".
    std::string againBatch;
    std::string stickLabel; // stored in the batch row
    // The fraction (0 to 1) of the batch's bytes durably written so far, on the exporting thread:
    // 0 before the first file, after each file, and 1 only once the batch is complete and marked.
    // May be empty. An exception from it fails the export like a write failure (from the final 1
    // it is ignored: the batch is complete by then).
    std::function<void(double)> progress;
};

struct ExportResult {
    std::filesystem::path folder; // the batch folder; empty when there was nothing to export
    std::string batchId;
    std::size_t count = 0;   // requests in the batch
    std::int64_t marked = 0; // of them newly marked collected
    bool sealed = false;
    std::vector<std::string> files; // names in the folder, manifest.json last
};

// Writes `<destination>/desa-kiosk/<kiosk id>/<YYYYMMDDTHHMMSS>-<batch>/` with requests.csv,
// requests.json (each `.sealed` when a key is set), audit.csv (never sealed: the audit holds no
// personal data; the entries after those the earlier batches took) and manifest.json. Each file:
// written under a temporary name, fsync, fsync of the folder, read back and hash-checked, renamed
// into place, fsync of the folder. The folder is made as `<name>.incomplete` and renamed when
// complete; only then the requests are marked collected, in one transaction with the batch row
// and its audit row. On any failure nothing is marked or audited, the partial folder is removed
// (or left `*.incomplete` when it cannot be), and the exception is rethrown: std::system_error
// with the errno for the files, store::SqliteError for the database, std::invalid_argument for an
// unknown `againBatch`. Nothing to export: returns with an empty folder.
ExportResult exportBatch(store::Db& db, FileWriter& files, const ExportOptions& options);

// Why a batch folder could not be opened; each a sentence for the office in BatchError::what().
enum class BatchFault {
    NotABatch,      // no manifest, or one that is not a kiosk batch's
    UnknownVersion, // a format version this program does not know (a newer kiosk)
    MissingFile,    // a file the manifest lists is not there
    ChangedFile,    // a file whose SHA-256 differs from the manifest's
    WrongKey,       // a sealed file the key given cannot open
};

// A batch that cannot be opened. A SealError (and so a std::runtime_error), as decryptBatch always
// threw, with the fault and the file it concerns (empty when none).
class BatchError : public SealError {
public:
    BatchError(BatchFault fault, std::string file, const std::string& what)
        : SealError(what), m_fault(fault), m_file(std::move(file))
    {
    }
    [[nodiscard]] BatchFault fault() const { return m_fault; }
    [[nodiscard]] const std::string& file() const { return m_file; }

private:
    BatchFault m_fault;
    std::string m_file;
};

// One file of an opened batch: its name in the folder, the plain file it holds, its plain bytes.
struct OpenedFile {
    std::string name;    // "requests.json.sealed"
    std::string content; // "requests.json"
    std::string bytes;   // unsealed
};

// A batch checked against its manifest and opened in memory.
struct OpenedBatch {
    std::string manifest; // the manifest's text as it lies in the folder
    std::string kioskId;
    std::string batchId;
    std::string created; // the kiosk's local time, ISO 8601 with its offset
    std::string scope;   // "new", "all" or "again"
    std::string againOf; // for "again": the batch whose requests it holds again
    std::int64_t count = 0;
    bool sealed = false;
    std::vector<OpenedFile> files; // in the manifest's order, the manifest itself not among them

    // The plain bytes of `content` ("requests.json"), or null when the batch has no such file.
    [[nodiscard]] const std::string* plain(std::string_view content) const;
};

// Checks every file of `batchDir` against the SHA-256 in its manifest and opens the sealed ones
// with `key`, all in memory. Throws BatchError (nothing else for a folder that is not a sound batch).
[[nodiscard]] OpenedBatch openBatch(const std::filesystem::path& batchDir, const SecretKey& key);

struct DecryptResult {
    std::vector<std::filesystem::path> written;
    std::int64_t count = 0;
};

// Opens `batchDir` (openBatch), then writes the plain files (and a copy of the manifest) to
// `outDir`, never overwriting. Throws BatchError, a SealError (wrong key, changed, truncated or
// missing file, a manifest that is not ours; nothing is written then), std::system_error when
// writing fails.
DecryptResult decryptBatch(const std::filesystem::path& batchDir, const SecretKey& key,
                           const std::filesystem::path& outDir);

// The kiosk id as a folder name valid on FAT32/exFAT: [A-Za-z0-9._-], anything else becomes '_'.
[[nodiscard]] std::string safeFolderName(std::string_view name);

} // namespace kiosk::exporter
