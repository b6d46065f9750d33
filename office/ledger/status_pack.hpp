// The answer back in the village: from the ledger, each kiosk's status pack (export/status_pack) —
// for every request of that kiosk its reference, the status a resident is told of and its date,
// nothing else — signed with the office's signing key, one file per kiosk.
#pragma once

#include "export/status_pack.hpp"
#include "ledger/store.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::office {

// The resident's status of a ledger status (kStatuses): baru and dicoba -> diterima, dihubungi and
// dirujuk -> dihubungi, selesai -> selesai. Nothing for a word that is none of them.
[[nodiscard]] std::optional<RequestStatus> residentStatus(std::string_view ledgerStatus);

// The kiosks a status pack goes to: every kiosk the ledger has a batch of, in id order.
[[nodiscard]] std::vector<std::string> statusPackKiosks(Store& store);

// One kiosk's pack as data, made at `nowMs`: every request of that kiosk, purged ones too (a
// reference alone is not personal data; a purged request stays selesai with its day). The date is
// the office's local day the request reached its status: imported (diterima), first reached or
// referred (dihubungi), done (selesai). Two requests of one kiosk with one reference (a kiosk whose
// database was started again): the one made last. Throws std::invalid_argument for a kiosk id that
// is not one (2 to 8 capital letters), StoreError.
[[nodiscard]] statuspack::StatusPack statusPackOf(Store& store, const std::string& kioskId,
                                                  std::int64_t nowMs);

// One kiosk's file, signed with `secretKey` (a NAME.sign.secret, private to its owner): what the
// desk offers as a download. Throws std::runtime_error with a sentence (the key), as statusPackOf.
[[nodiscard]] std::string statusPackBytes(Store& store, const std::string& kioskId,
                                          const std::filesystem::path& secretKey, std::int64_t nowMs);

struct StatusPackFile {
    std::string kioskId;
    std::filesystem::path file;
    std::size_t requests = 0;
    std::size_t received = 0, contacted = 0, done = 0;
};
struct StatusPackSummary {
    std::vector<StatusPackFile> files;
    std::vector<std::string> skipped; // kiosk ids of the ledger that are not ids a kiosk can have
    [[nodiscard]] std::size_t requests() const;
};

// Every kiosk's file into OUTDIR/desa-kiosk-status/<KIOSK-ID>.status (statuspack::kStickFolder: OUTDIR
// may be the stick itself), each written beside its place, flushed and renamed over it, so a file
// is whole or as it was. Throws std::runtime_error (the key, before anything is written),
// std::system_error (writing), StoreError.
StatusPackSummary writeStatusPacks(Store& store, const std::filesystem::path& secretKey,
                                   const std::filesystem::path& outDir, std::int64_t nowMs);

} // namespace kiosk::office
