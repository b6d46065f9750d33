// Status packs from the ledger: the resident's status of each request, signed per kiosk, written
// atomically.
#include "ledger/status_pack.hpp"

#include "core/clock.hpp"
#include "export/atomic_file.hpp"
#include "export/file_writer.hpp"
#include "export/signing.hpp"
#include "ledger/importer.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace kiosk::office {
namespace fs = std::filesystem;

namespace {

std::string localDay(std::int64_t ms)
{
    return formatLocal(ms, "%Y-%m-%d");
}

// "CMG-0009" before "CMG-0010" before "CMG-10000": by length, then as text.
bool referenceOrder(const StatusEntry& a, const StatusEntry& b)
{
    return a.reference.size() != b.reference.size() ? a.reference.size() < b.reference.size()
                                                    : a.reference < b.reference;
}

void checkSigningKey(const fs::path& secretKey)
{
    requirePrivateKeyFile(secretKey, "the office's signing key");
    // A key of the wrong kind (the sealing key) is told apart here, before anything is read or written.
    (void)signing::sign("", secretKey);
}

} // namespace

std::optional<RequestStatus> residentStatus(std::string_view ledgerStatus)
{
    if (ledgerStatus == "baru" || ledgerStatus == "dicoba")
        return RequestStatus::Received;
    if (ledgerStatus == "dihubungi" || ledgerStatus == "dirujuk")
        return RequestStatus::Contacted;
    if (ledgerStatus == "selesai")
        return RequestStatus::Done;
    return std::nullopt;
}

std::size_t StatusPackSummary::requests() const
{
    std::size_t n = 0;
    for (const StatusPackFile& f : files)
        n += f.requests;
    return n;
}

std::vector<std::string> statusPackKiosks(Store& store)
{
    std::vector<std::string> out;
    for (const Row& r : store.query("SELECT DISTINCT kiosk_id FROM batches ORDER BY kiosk_id"))
        out.push_back(r.text(0));
    return out;
}

statuspack::StatusPack statusPackOf(Store& store, const std::string& kioskId, std::int64_t nowMs)
{
    if (!statuspack::isKioskId(kioskId))
        throw std::invalid_argument("'" + kioskId + "' is not a kiosk id (2 to 8 capital letters)");
    statuspack::StatusPack pack;
    pack.book.kioskId = kioskId;
    pack.createdMs = nowMs;
    pack.book.created = formatLocal(nowMs, "%Y-%m-%d %H:%M");
    // Made last wins for a reference given twice: rows come oldest first and overwrite.
    std::map<std::string, StatusEntry> byReference;
    for (const Row& r : store.query("SELECT reference, status, imported_ms, reached_ms, referred_ms, done_ms "
                                    "FROM requests WHERE kiosk_id = $1 ORDER BY created_ms, uid",
                                    {kioskId})) {
        StatusEntry e;
        e.reference = r.text(0);
        if (!statuspack::isReference(kioskId, e.reference))
            continue; // not a reference this kiosk makes: a resident could not type it either
        const std::optional<RequestStatus> status = residentStatus(r.text(1));
        if (!status)
            continue;
        e.status = *status;
        std::optional<std::int64_t> at;
        switch (*status) {
        case RequestStatus::Received: at = r.integer(2); break;
        case RequestStatus::Contacted: {
            const auto reached = r.optionalInteger(3);
            const auto referred = r.optionalInteger(4);
            at = reached && referred ? std::min(*reached, *referred) : reached ? reached : referred;
            break;
        }
        case RequestStatus::Done: at = r.optionalInteger(5); break;
        }
        e.date = localDay(at.value_or(r.integer(2)));
        byReference[e.reference] = std::move(e);
    }
    pack.book.entries.reserve(byReference.size());
    for (auto& [reference, entry] : byReference)
        pack.book.entries.push_back(std::move(entry));
    std::sort(pack.book.entries.begin(), pack.book.entries.end(), referenceOrder);
    return pack;
}

std::string statusPackBytes(Store& store, const std::string& kioskId, const fs::path& secretKey,
                            std::int64_t nowMs)
{
    checkSigningKey(secretKey);
    return statuspack::write(statusPackOf(store, kioskId, nowMs), secretKey);
}

StatusPackSummary writeStatusPacks(Store& store, const fs::path& secretKey, const fs::path& outDir,
                                   std::int64_t nowMs)
{
    checkSigningKey(secretKey);
    StatusPackSummary summary;
    const std::vector<std::string> kiosks = statusPackKiosks(store);
    if (kiosks.empty())
        return summary; // nothing to write, and no empty folder on the stick
    const fs::path folder = outDir / statuspack::kStickFolder;
    fs::create_directories(folder);
    exporter::PosixFileWriter files;
    for (const std::string& kiosk : kiosks) {
        if (!statuspack::isKioskId(kiosk)) {
            summary.skipped.push_back(kiosk);
            continue;
        }
        const statuspack::StatusPack pack = statusPackOf(store, kiosk, nowMs);
        StatusPackFile f;
        f.kioskId = kiosk;
        f.file = folder / statuspack::fileName(kiosk);
        f.requests = pack.book.entries.size();
        for (const StatusEntry& e : pack.book.entries)
            ++(e.status == RequestStatus::Received    ? f.received
               : e.status == RequestStatus::Contacted ? f.contacted
                                                      : f.done);
        writeFileAtomically(f.file, statuspack::write(pack, secretKey), true);
        // On a FAT stick a renamed file's size lives in its own entry: flush it too (FileWriter::syncPath).
        files.syncPath(f.file);
        summary.files.push_back(std::move(f));
    }
    files.syncPath(folder);
    return summary;
}

} // namespace kiosk::office
