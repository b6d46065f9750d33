// The export engine: the durable write sequence, the batch folder and manifest, marking, decrypting.
#include "export/exporter.hpp"

#include "export/format.hpp"
#include "store/schema.hpp"
#include "store/sodium.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <fstream>
#include <functional>
#include <iterator>
#include <stdexcept>
#include <system_error>

#ifndef KIOSK_APP_VERSION
#define KIOSK_APP_VERSION "unknown"
#endif

namespace fs = std::filesystem;

namespace kiosk::exporter {

namespace {

constexpr std::string_view kManifest = "manifest.json";
constexpr std::string_view kFormat = "desa-kiosk-batch";
constexpr int kFormatVersion = 1;
constexpr std::string_view kSealedSuffix = ".sealed";

std::string randomBatchId()
{
    store::initSodium();
    unsigned char b[5];
    randombytes_buf(b, sizeof b);
    char hex[sizeof b * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, b, sizeof b);
    return hex;
}

// Closes a handle on every path; a failed close after a failure is not the error to report.
void closeQuietly(FileWriter& files, int handle)
{
    try {
        files.closeFile(handle);
    } catch (...) {
    }
}

// Temporary name, write, fsync, fsync the folder, read back and check, rename, fsync the file under
// its new name (its entry on FAT), fsync the folder.
void writeDurably(FileWriter& files, const fs::path& dir, const std::string& name, const std::string& bytes)
{
    const fs::path temp = dir / (name + ".tmp");
    const int handle = files.createFile(temp);
    try {
        files.write(handle, bytes);
        files.syncFile(handle);
    } catch (...) {
        closeQuietly(files, handle);
        throw;
    }
    files.closeFile(handle);
    files.syncDir(dir);
    if (sha256Hex(files.readFile(temp)) != sha256Hex(bytes))
        throw std::system_error(EIO, std::generic_category(),
                                name + " reads back differently from what was written");
    files.rename(temp, dir / name);
    files.syncPath(dir / name);
    files.syncDir(dir);
}

nlohmann::ordered_json isoOrNull(const std::optional<Millis>& ms)
{
    return ms ? nlohmann::ordered_json(isoLocal(*ms)) : nlohmann::ordered_json(nullptr);
}

std::string readWhole(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw SealError(file.filename().string() + " is missing from the batch folder");
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

std::string safeFolderName(std::string_view name)
{
    std::string out;
    for (const char c : name) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                        c == '.' || c == '_' || c == '-';
        out.push_back(ok ? c : '_');
    }
    if (out.empty() || out.front() == '.')
        out.insert(out.begin(), '_');
    return out;
}

namespace {

// One file of a batch, built in memory before the first write: a failure to build writes nothing.
struct Output {
    std::string name;
    std::string content; // the name of the plain file it holds
    std::string bytes;
    bool personal; // sealed when there is a key
};

store::BatchRecord newBatch(const std::vector<store::ExportRequest>& requests,
                            const std::vector<store::AuditEntry>& audit, const ExportOptions& options,
                            const std::string& againOf)
{
    store::BatchRecord batch;
    batch.id = randomBatchId();
    batch.createdMs = options.nowMs;
    batch.count = static_cast<std::int64_t>(requests.size());
    batch.firstCreatedMs = requests.front().stored.createdMs;
    batch.lastCreatedMs = requests.front().stored.createdMs;
    for (const store::ExportRequest& r : requests) {
        batch.firstCreatedMs = std::min(*batch.firstCreatedMs, r.stored.createdMs);
        batch.lastCreatedMs = std::max(*batch.lastCreatedMs, r.stored.createdMs);
    }
    batch.folder = folderStamp(options.nowMs) + "-" + batch.id;
    batch.sealed = options.officeKey.has_value();
    batch.stick = options.stickLabel;
    batch.auditThrough = audit.empty() ? 0 : audit.back().id;
    batch.againOf = againOf;
    return batch;
}

std::string manifestOf(const store::BatchRecord& batch, const ExportOptions& options,
                       const std::vector<Output>& outputs)
{
    const bool again = !batch.againOf.empty();
    nlohmann::ordered_json manifest;
    manifest["format"] = kFormat;
    manifest["format_version"] = kFormatVersion;
    manifest["kiosk_id"] = options.kioskId;
    manifest["batch_id"] = batch.id;
    manifest["created"] = isoLocal(options.nowMs);
    manifest["scope"] = again ? "again" : options.scope == ExportScope::All ? "all" : "new";
    if (again)
        manifest["again_of"] = batch.againOf;
    manifest["count"] = batch.count;
    manifest["first_created"] = isoOrNull(batch.firstCreatedMs);
    manifest["last_created"] = isoOrNull(batch.lastCreatedMs);
    manifest["audit_through"] = batch.auditThrough;
    manifest["schema_version"] = store::kSchemaVersion;
    manifest["app_version"] = KIOSK_APP_VERSION;
    manifest["sealed"] = batch.sealed;
    auto list = nlohmann::ordered_json::array();
    for (const Output& o : outputs) {
        nlohmann::ordered_json f;
        f["name"] = o.name;
        f["content"] = o.content;
        f["bytes"] = o.bytes.size();
        f["sha256"] = sha256Hex(o.bytes);
        list.push_back(std::move(f));
    }
    manifest["files"] = std::move(list);
    return manifest.dump(2) + "\n";
}

// The batch's files, sealed where personal and a key is set, and the manifest last.
std::vector<Output> batchFiles(const std::vector<store::ExportRequest>& requests,
                               const std::vector<store::AuditEntry>& audit, const store::BatchRecord& batch,
                               const ExportOptions& options)
{
    std::vector<Output> outputs;
    outputs.push_back({"requests.csv", "requests.csv", requestsCsv(requests), true});
    outputs.push_back({"requests.json", "requests.json", requestsJson(requests), true});
    outputs.push_back({"audit.csv", "audit.csv", auditCsv(audit), false});
    if (options.officeKey)
        for (Output& o : outputs)
            if (o.personal) {
                o.bytes = seal(o.bytes, *options.officeKey);
                o.name += kSealedSuffix;
            }
    outputs.push_back(
        {std::string(kManifest), std::string(kManifest), manifestOf(batch, options, outputs), false});
    return outputs;
}

// The batch's folder on the stick: written as *.incomplete, then renamed to its final name.
class BatchFolder {
public:
    BatchFolder(FileWriter& files, const fs::path& destination, const std::string& kioskId,
                const std::string& folder)
        : m_files(files), m_top(destination / "desa-kiosk"), m_root(m_top / safeFolderName(kioskId)),
          m_incomplete(m_root / (folder + ".incomplete")), m_final(m_root / folder)
    {
    }

    // Writes every file durably, reporting the share of bytes written; on failure removes what
    // it wrote and throws.
    void write(const std::vector<Output>& outputs, const std::function<void(double)>& report,
               std::vector<std::string>& written)
    {
        std::size_t totalBytes = 0;
        for (const Output& o : outputs)
            totalBytes += o.bytes.size();
        m_files.makeDir(m_top, true);
        m_files.makeDir(m_root, true);
        m_files.makeDir(m_incomplete, false);
        try {
            report(0.0);
            std::size_t bytes = 0;
            for (const Output& o : outputs) {
                writeDurably(m_files, m_incomplete, o.name, o.bytes);
                written.push_back(o.name);
                bytes += o.bytes.size();
                // The last file's share is reported with the end: 1 means the batch is complete.
                if (bytes < totalBytes)
                    report(static_cast<double>(bytes) / static_cast<double>(totalBytes));
            }
            m_files.rename(m_incomplete, m_final);
            m_renamed = true;
            m_files.syncPath(m_final);
            m_files.syncDir(m_root);
        } catch (...) {
            removePartial();
            throw;
        }
    }

    // Best effort: what cannot be removed stays as *.incomplete, never under the final name.
    void removePartial()
    {
        try {
            if (m_renamed) {
                m_files.rename(m_final, m_incomplete);
                m_renamed = false;
            }
            m_files.remove(m_incomplete);
            m_files.syncDir(m_root);
        } catch (...) {
        }
    }

    [[nodiscard]] const fs::path& final() const { return m_final; }

private:
    FileWriter& m_files;
    fs::path m_top, m_root, m_incomplete, m_final;
    bool m_renamed = false;
};

} // namespace

ExportResult exportBatch(store::Db& db, FileWriter& files, const ExportOptions& options)
{
    // Writing a batch again: the requests of the batch that collected them, also when the one
    // named was itself a copy (its stick got lost too).
    std::string againOf;
    if (!options.againBatch.empty()) {
        const std::optional<store::BatchRecord> named = store::findBatch(db, options.againBatch);
        if (!named)
            throw std::invalid_argument("there is no batch " + options.againBatch + " on this kiosk");
        againOf = named->again() ? named->againOf : named->id;
    }
    const std::vector<store::ExportRequest> requests =
        againOf.empty() ? store::requestsToExport(db, options.scope) : store::requestsOfBatch(db, againOf);
    ExportResult result;
    if (requests.empty())
        return result;
    // The audit entries no batch has taken yet. An entry written from here on (an officer in
    // another session) goes with the next batch: audit_through says where this one stopped.
    const std::vector<store::AuditEntry> audit = store::auditSince(db, store::auditExportedThrough(db));
    const store::BatchRecord batch = newBatch(requests, audit, options, againOf);
    const std::vector<Output> outputs = batchFiles(requests, audit, batch, options);
    const auto report = [&options](double fraction) {
        if (options.progress)
            options.progress(fraction);
    };

    BatchFolder folder(files, options.destination, options.kioskId, batch.folder);
    folder.write(outputs, report, result.files);
    std::vector<std::int64_t> ids;
    ids.reserve(requests.size());
    for (const store::ExportRequest& r : requests)
        ids.push_back(r.stored.id);
    try {
        result.marked = store::markCollected(db, batch, ids, options.nowMs);
    } catch (...) {
        // Not recorded as collected: the folder must not look like a finished batch.
        folder.removePartial();
        throw;
    }
    result.folder = folder.final();
    result.batchId = batch.id;
    result.count = requests.size();
    result.sealed = batch.sealed;
    // Marked and committed: a failing progress callback can no longer undo any of it.
    try {
        report(1.0);
    } catch (...) {
    }
    return result;
}

const std::string* OpenedBatch::plain(std::string_view content) const
{
    for (const OpenedFile& f : files)
        if (f.content == content)
            return &f.bytes;
    return nullptr;
}

OpenedBatch openBatch(const fs::path& batchDir, const SecretKey& key)
{
    const fs::path manifestFile = batchDir / kManifest;
    const auto notABatch = [&](const std::string& why) {
        return BatchError(BatchFault::NotABatch, std::string(kManifest),
                          batchDir.string() + " is not a kiosk batch: " + why);
    };
    std::error_code ec;
    if (!fs::is_regular_file(manifestFile, ec))
        throw notABatch("it has no manifest.json");
    OpenedBatch batch;
    batch.manifest = readWhole(manifestFile);
    nlohmann::json manifest;
    try {
        manifest = nlohmann::json::parse(batch.manifest);
    } catch (const nlohmann::json::exception&) {
        throw notABatch("its manifest.json is not valid JSON");
    }
    if (!manifest.is_object() || manifest.value("format", "") != kFormat || !manifest.contains("files") ||
        !manifest["files"].is_array())
        throw notABatch("its manifest.json is not the manifest of a kiosk batch");
    if (manifest.value("format_version", 0) != kFormatVersion)
        throw BatchError(BatchFault::UnknownVersion, std::string(kManifest),
                         "a batch of an unknown format version (made by a newer kiosk?)");
    try {
        batch.kioskId = manifest.value("kiosk_id", "");
        batch.batchId = manifest.value("batch_id", "");
        batch.created = manifest.value("created", "");
        batch.scope = manifest.value("scope", "");
        batch.againOf = manifest.value("again_of", "");
        batch.count = manifest.value("count", std::int64_t{0});
        batch.sealed = manifest.value("sealed", false);
    } catch (const nlohmann::json::exception&) {
        throw notABatch("its manifest.json has a field of the wrong kind");
    }
    if (batch.kioskId.empty() || batch.batchId.empty())
        throw notABatch("its manifest.json names no kiosk or no batch");

    const PublicKey pub = publicKeyOf(key);
    for (const auto& f : manifest["files"]) {
        if (!f.is_object())
            throw notABatch("its manifest.json lists a file that is not an object");
        const std::string name = f.value("name", "");
        const std::string content = f.value("content", "");
        if (name.empty() || content.empty() || name.find('/') != std::string::npos ||
            content.find('/') != std::string::npos || name.front() == '.' || content.front() == '.')
            throw BatchError(BatchFault::NotABatch, name,
                             "the manifest names a file it should not: '" + name + "'");
        if (!fs::is_regular_file(batchDir / name, ec))
            throw BatchError(BatchFault::MissingFile, name, name + " is missing from the batch folder");
        const std::string bytes = readWhole(batchDir / name);
        if (sha256Hex(bytes) != f.value("sha256", ""))
            throw BatchError(
                BatchFault::ChangedFile, name,
                name +
                    ": its SHA-256 differs from the manifest (the file was changed, damaged or truncated)");
        const bool sealed =
            name.size() > kSealedSuffix.size() &&
            name.compare(name.size() - kSealedSuffix.size(), kSealedSuffix.size(), kSealedSuffix) == 0;
        try {
            batch.files.push_back({name, content, sealed ? unseal(bytes, pub, key) : bytes});
        } catch (const WrongKeyError& e) {
            throw BatchError(BatchFault::WrongKey, name, name + ": " + e.what());
        } catch (const SealError& e) {
            // The manifest's hash was made to match a changed file: the AEAD refuses it.
            throw BatchError(BatchFault::ChangedFile, name, name + ": " + e.what());
        }
    }
    return batch;
}

DecryptResult decryptBatch(const fs::path& batchDir, const SecretKey& key, const fs::path& outDir)
{
    // Everything is checked before anything is written.
    const OpenedBatch batch = openBatch(batchDir, key);
    struct Plain {
        std::string name;
        std::string bytes;
    };
    std::vector<Plain> plains;
    for (const OpenedFile& f : batch.files)
        plains.push_back({f.content, f.bytes});
    plains.push_back({std::string(kManifest), batch.manifest});

    std::error_code ec;
    fs::create_directories(outDir, ec);
    if (ec)
        throw std::system_error(ec, "cannot create " + outDir.string());
    for (const Plain& p : plains)
        if (fs::exists(fs::symlink_status(outDir / p.name, ec)))
            throw std::system_error(EEXIST, std::generic_category(),
                                    (outDir / p.name).string() + " exists; it is never overwritten");
    PosixFileWriter files;
    DecryptResult result;
    for (const Plain& p : plains) {
        writeDurably(files, outDir, p.name, p.bytes);
        result.written.push_back(outDir / p.name);
    }
    result.count = batch.count;
    return result;
}

} // namespace kiosk::exporter
