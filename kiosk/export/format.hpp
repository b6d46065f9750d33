// What goes into a batch: requests.csv and audit.csv (RFC 4180, BOM, formula-safe), requests.json,
// times, hashes.
#pragma once

#include "core/clock.hpp"
#include "store/batches.hpp"
#include "store/officer.hpp"

#include <span>
#include <string>
#include <string_view>

namespace kiosk::exporter {

// The CSV columns, in order.
inline constexpr std::string_view kCsvColumns[] = {"reference", "uid",          "created", "name",
                                                   "phone",     "dusun",        "rt",      "rw",
                                                   "topic",     "contact_time", "note",    "lang"};
// The columns of audit.csv.
inline constexpr std::string_view kAuditCsvColumns[] = {"id", "time", "kind", "detail"};

// "2026-11-29T08:01:02+07:00": the kiosk's local time and its offset (localtime_r, tm_gmtoff).
[[nodiscard]] std::string isoLocal(Millis unixMs);
// "20261129T080102": the local time for folder names (valid on FAT32 and exFAT).
[[nodiscard]] std::string folderStamp(Millis unixMs);
// "2024-05-01T08:30:12.345Z": UTC to the millisecond.
[[nodiscard]] std::string isoUtc(Millis unixMs);

// One CSV field: a leading = + - @ TAB or CR gets a ' (formula injection), then quoted when it
// holds " , CR or LF, with quotes doubled.
[[nodiscard]] std::string csvField(std::string_view value);
// The whole file: UTF-8 BOM, the header, one CRLF-ended record per request.
[[nodiscard]] std::string requestsCsv(std::span<const store::ExportRequest> requests);
// The audit log's entries in the same form (they hold no personal data, so it is never sealed).
[[nodiscard]] std::string auditCsv(std::span<const store::AuditEntry> entries);
// How a request's JSON gives the time it was created.
enum class JsonTime {
    // "created" in UTC to the millisecond (isoUtc): exact on its own. For `kiosk requests list --json`.
    Utc,
    // "created" in the kiosk's local time with its offset, to the second (isoLocal), and beside it
    // "created_ms", the exact Unix time in milliseconds. For a batch's requests.json.
    Local,
};
// One request as a JSON object on one line: every field, in a fixed order, "created" as `time`
// says. Text that is not UTF-8 has U+FFFD in its place.
[[nodiscard]] std::string requestJson(const StoredRequest& request, JsonTime time);
// requests.json: a JSON array of the requests as requestJson writes them with JsonTime::Local, each
// followed by the batch that collected it before ("collected_batch") and when ("collected"), or nulls.
[[nodiscard]] std::string requestsJson(std::span<const store::ExportRequest> requests);

// SHA-256 of `bytes` (libsodium), lower-case hex.
[[nodiscard]] std::string sha256Hex(std::string_view bytes);
// `size` bytes as lower-case hex (keys, signatures, digests).
[[nodiscard]] std::string hexOf(const unsigned char* data, std::size_t size);

} // namespace kiosk::exporter
