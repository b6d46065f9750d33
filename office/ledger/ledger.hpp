// The ledger's follow-up and queries: events and the status derived from them, the lists, the
// kiosks, the monthly report, and retention.
#pragma once

#include "ledger/store.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::office {

inline constexpr std::int64_t kDayMs = 86'400'000;

// 0 for a report of suspected trafficking (its own priority class, listed first), 1 otherwise.
[[nodiscard]] std::int64_t priorityOf(std::string_view topic);

// The statuses a request can have, derived from its events:
//   baru (imported, or reopened), dicoba (a call attempt without reaching the resident),
//   dihubungi (reached), dirujuk (referred to a partner), selesai (done).
inline constexpr std::string_view kStatuses[] = {"baru", "dicoba", "dihubungi", "dirujuk", "selesai"};

// What a follow-up records. Call attempts: reached, no-answer, not-active, wrong-person.
enum class Outcome { Reached, NoAnswer, NotActive, WrongPerson, Referred, Done, Reopened, Note };
// "reached", "no-answer", "not-active", "wrong-person", "referred", "done", "reopened", "note"
[[nodiscard]] std::string_view outcomeId(Outcome outcome);
[[nodiscard]] std::optional<Outcome> outcomeFromId(std::string_view id);

struct FollowUp {
    std::string request; // a global id, or a reference ("CMG-0427") when only one request has it
    Outcome outcome = Outcome::Note;
    std::string partner; // for Referred: one of the office's partners
    std::string note;
    std::string who;
    std::int64_t atMs = 0;
};

// Appends the event (nothing is edited: a correction is another event) and brings the derived
// status along in the same transaction. Returns the request's global id and its new status.
// Throws std::invalid_argument with a sentence (unknown or ambiguous request, a referral without
// a partner of the list, a purged request), StoreError.
struct FollowUpResult {
    std::string uid;
    std::string status;
};
FollowUpResult addFollowUp(Store& store, const FollowUp& followUp, const std::vector<std::string>& partners);

struct Event {
    std::int64_t atMs = 0;
    std::string who, kind, outcome, partner, note;
};
[[nodiscard]] std::vector<Event> eventsOf(Store& store, const std::string& uid);

// kiosk id -> village, from office.toml; a kiosk not named is its own village.
using Villages = std::map<std::string, std::string>;
[[nodiscard]] std::string villageOf(const Villages& villages, const std::string& kioskId);

struct RequestFilter {
    std::string status;  // one of kStatuses, or "" for all
    std::string village; // a village's name or a kiosk id, or ""
    std::string topic;   // "passport", "work-abroad", "trafficking", "other", or ""
};

struct LedgerRequest {
    std::string uid, reference, kioskId, village, topic, status, lang, contactTime;
    std::int64_t priority = 1;
    std::int64_t createdMs = 0;
    std::string name, phone, dusun, rt, rw, note; // empty once purged
    bool purged = false;
    std::string batchId, file, importedBy;
    std::int64_t importedMs = 0;
    bool conflict = false; // another version of it is kept
};

// Trafficking reports first, then oldest first.
[[nodiscard]] std::vector<LedgerRequest> listRequests(Store& store, const RequestFilter& filter,
                                                      const Villages& villages);

// One request by its global id (with `conflict` set as in the list); nullopt when none has it.
[[nodiscard]] std::optional<LedgerRequest> findRequest(Store& store, const std::string& uid,
                                                       const Villages& villages);

// The other versions kept beside a request (a conflict): each its fields as JSON, where it came from.
struct RequestVersion {
    std::int64_t id = 0;
    std::string content; // empty once purged
    std::string kioskId, batchId, file, importedBy;
    std::int64_t importedMs = 0;
};
[[nodiscard]] std::vector<RequestVersion> versionsOf(Store& store, const std::string& uid);

// Settles a conflict, as an event (kind "version"): `versionId` 0 keeps the version held; the id of
// one of versionsOf makes that version the one held, and the one held before is kept in its place as
// the other version (nothing is lost). A conflict counts as settled until a version imported after
// the choice arrives. Throws std::invalid_argument with an Indonesian sentence (no such request or
// version, no conflict, personal data purged), StoreError.
void chooseVersion(Store& store, const std::string& uid, std::int64_t versionId, const std::string& who,
                   std::int64_t atMs);

// SQL true when request `r` (the alias) has another version imported after its last choice.
inline constexpr const char* kOpenConflictSql =
    "EXISTS (SELECT 1 FROM request_versions v WHERE v.uid = r.uid AND v.imported_ms > COALESCE((SELECT "
    "MAX(e.at_ms) FROM events e WHERE e.uid = r.uid AND e.kind = 'version'), -1))";

// "SELECT r.uid, r.reference, …": a request's columns in the order requestFromRow reads them, for a
// query over `requests r` (columns of the caller's own may follow).
[[nodiscard]] std::string requestColumns();
// A row that starts with requestColumns() as a request (its village from `villages`).
[[nodiscard]] LedgerRequest requestFromRow(const Row& row, const Villages& villages);

struct Conflict {
    std::string uid, reference, kioskId;
    std::string heldBatch, heldContent; // the version held first (its fields as JSON)
    std::string otherBatch, otherContent;
    std::int64_t importedMs = 0;
    std::string importedBy;
};
[[nodiscard]] std::vector<Conflict> listConflicts(Store& store);

struct KioskSummary {
    std::string kioskId, village;
    std::int64_t firstBatchMs = 0, lastBatchMs = 0, batches = 0, requests = 0;
    std::map<std::string, std::int64_t> perMonth; // "2026-11" -> requests made that month
    bool silent = false;                          // no batch for `silentAfterDays`
    std::int64_t daysSinceLastBatch = 0;
};
[[nodiscard]] std::vector<KioskSummary> listKiosks(Store& store, const Villages& villages, std::int64_t nowMs,
                                                   int silentAfterDays);

// One line of the monthly report: the requests made in the month (the kiosk's local time) in
// one village on one topic, as they stand at `nowMs`.
struct ReportLine {
    std::string village, topic;
    std::int64_t received = 0;
    std::int64_t reached = 0;  // with a call attempt that reached the resident
    std::int64_t referred = 0; // referred to a partner
    std::int64_t done = 0;     // status selesai
    std::optional<double> medianDaysToFirstAttempt;
    std::int64_t openOver7Days = 0; // not selesai, made more than 7 days before `nowMs`
};
// `month` is "YYYY-MM". Lines in village then topic order.
[[nodiscard]] std::vector<ReportLine> monthlyReport(Store& store, const std::string& month,
                                                    const Villages& villages, std::int64_t nowMs);

// The report as CSV (UTF-8 with BOM, CRLF, fields quoted and formula-safe as the kiosk's batches),
// one record per line: what `desa-office report --csv` prints and the desk downloads.
[[nodiscard]] std::string reportCsv(const std::string& month, const std::vector<ReportLine>& lines);

// Deletes the personal data of every request selesai for at least `days` days (name, phone,
// dusun, RT/RW, note, the notes of its events, the content of its other versions), keeping what
// the counts need; each deletion is an event. Returns how many requests were purged.
std::int64_t purge(Store& store, int days, const std::string& who, std::int64_t nowMs);

} // namespace kiosk::office
