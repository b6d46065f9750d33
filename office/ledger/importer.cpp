// Import: each batch folder opened in memory (the kiosk's openBatch: manifest, hashes, seals), then
// merged request by request in one transaction.
#include "ledger/importer.hpp"

#include "core/csv.hpp"
#include "export/exporter.hpp"
#include "export/format.hpp"
#include "ledger/ledger.hpp"

#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace fs = std::filesystem;

namespace kiosk::office {

namespace {

// "2026-11-29T08:01:02+07:00" as Unix milliseconds; nullopt when it is not that shape.
std::optional<std::int64_t> parseIsoOffset(const std::string& text)
{
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, oh = 0, om = 0;
    char sign = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c%2d:%2d", &y, &mo, &d, &h, &mi, &s, &sign, &oh,
                    &om) != 9 ||
        (sign != '+' && sign != '-'))
        return std::nullopt;
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    const std::int64_t offset = (sign == '+' ? 1 : -1) * (oh * 3600 + om * 60);
    return (static_cast<std::int64_t>(timegm(&tm)) - offset) * 1000;
}

// A refusal: a sentence, and nothing stored.
struct Refused {
    std::string why;
};

// One request of requests.json, checked.
struct Incoming {
    std::string uid, reference, created, month, lang, name, phone, dusun, rt, rw, topic, contactTime, note;
    std::int64_t createdMs = 0;
    std::string content; // the fields above as one JSON object, in a fixed order
    std::string sha256;  // of `content`
};

std::string field(const nlohmann::json& j, const char* name)
{
    const auto it = j.find(name);
    if (it == j.end() || !it->is_string())
        throw Refused{std::string("requests.json has a request without its \"") + name +
                      "\" (not what a kiosk writes)"};
    return it->get<std::string>();
}

std::vector<Incoming> readRequests(const exporter::OpenedBatch& batch)
{
    const std::string* json = batch.plain("requests.json");
    if (!json)
        throw Refused{"the batch has no requests.json"};
    nlohmann::json all;
    try {
        all = nlohmann::json::parse(*json);
    } catch (const nlohmann::json::exception&) {
        throw Refused{"its requests.json is not valid JSON"};
    }
    if (!all.is_array())
        throw Refused{"its requests.json is not a list of requests"};
    if (static_cast<std::int64_t>(all.size()) != batch.count)
        throw Refused{"its manifest says " + std::to_string(batch.count) +
                      " requests but requests.json holds " + std::to_string(all.size())};
    std::vector<Incoming> out;
    out.reserve(all.size());
    for (const nlohmann::json& j : all) {
        if (!j.is_object())
            throw Refused{"its requests.json holds something that is not a request"};
        Incoming r;
        r.uid = field(j, "uid");
        if (r.uid.rfind(batch.kioskId + "-", 0) != 0)
            throw Refused{"request " + r.uid + " does not carry the id of kiosk " + batch.kioskId};
        r.reference = field(j, "reference");
        r.created = field(j, "created");
        const auto ms = j.find("created_ms");
        if (ms == j.end() || !ms->is_number_integer())
            throw Refused{"request " + r.uid + " has no time it was made (created_ms)"};
        r.createdMs = ms->get<std::int64_t>();
        if (r.created.size() < 7 || !parseIsoOffset(r.created))
            throw Refused{"request " + r.uid + " has a time that is not a date: " + r.created};
        r.month = r.created.substr(0, 7);
        r.lang = field(j, "lang");
        r.name = field(j, "name");
        r.phone = field(j, "phone");
        r.dusun = field(j, "dusun");
        r.rt = field(j, "rt");
        r.rw = field(j, "rw");
        r.topic = field(j, "topic");
        r.contactTime = field(j, "contact_time");
        r.note = field(j, "note");
        nlohmann::ordered_json c;
        c["uid"] = r.uid;
        c["reference"] = r.reference;
        c["created_ms"] = r.createdMs;
        c["lang"] = r.lang;
        c["name"] = r.name;
        c["phone"] = r.phone;
        c["dusun"] = r.dusun;
        c["rt"] = r.rt;
        c["rw"] = r.rw;
        c["topic"] = r.topic;
        c["contact_time"] = r.contactTime;
        c["note"] = r.note;
        r.content = c.dump();
        r.sha256 = exporter::sha256Hex(r.content);
        out.push_back(std::move(r));
    }
    return out;
}

struct AuditRow {
    std::int64_t id = 0;
    std::string time, kind, detail;
};

std::vector<AuditRow> readAudit(const exporter::OpenedBatch& batch)
{
    const std::string* csv = batch.plain("audit.csv");
    if (!csv)
        return {};
    std::string_view text(*csv);
    if (text.rfind("\xEF\xBB\xBF", 0) == 0)
        text.remove_prefix(3);
    const CsvText rows = readCsv(text, ',');
    if (!rows.error.empty())
        throw Refused{"its audit.csv cannot be read: " + rows.error};
    std::vector<AuditRow> out;
    for (std::size_t i = 1; i < rows.rows.size(); ++i) { // the header first
        const std::vector<std::string>& f = rows.rows[i].fields;
        if (f.size() != 4)
            throw Refused{"its audit.csv has a line of " + std::to_string(f.size()) + " fields (line " +
                          std::to_string(rows.rows[i].line) + ")"};
        AuditRow a;
        try {
            a.id = std::stoll(f[0]);
        } catch (const std::exception&) {
            throw Refused{"its audit.csv has an entry without a number (line " +
                          std::to_string(rows.rows[i].line) + ")"};
        }
        a.time = f[1];
        a.kind = f[2];
        a.detail = f[3];
        out.push_back(std::move(a));
    }
    return out;
}

std::string refusalOf(const exporter::BatchError& e)
{
    using exporter::BatchFault;
    switch (e.fault()) {
    case BatchFault::NotABatch: return "not a kiosk batch (" + std::string(e.what()) + ")";
    case BatchFault::UnknownVersion:
        return "made in a format version this program does not know: update desa-office";
    case BatchFault::MissingFile:
        return "the file " + e.file() + " is missing: copy the batch again from the kiosk (Salin lagi)";
    case BatchFault::ChangedFile:
        return "the file " + e.file() +
               " was changed or damaged after the kiosk wrote it: copy the batch again from the kiosk (Salin "
               "lagi)";
    case BatchFault::WrongKey:
        return "the file " + e.file() +
               " cannot be opened with this office key: it was sealed to another key";
    }
    return e.what();
}

} // namespace

std::int64_t ImportSummary::added() const
{
    std::int64_t n = 0;
    for (const BatchSummary& b : batches)
        n += b.added;
    return n;
}
std::int64_t ImportSummary::held() const
{
    std::int64_t n = 0;
    for (const BatchSummary& b : batches)
        n += b.held;
    return n;
}
std::int64_t ImportSummary::conflicts() const
{
    std::int64_t n = 0;
    for (const BatchSummary& b : batches)
        n += b.conflicts;
    return n;
}
std::int64_t ImportSummary::refused() const
{
    return std::count_if(batches.begin(), batches.end(),
                         [](const BatchSummary& b) { return !b.refused.empty(); });
}

std::vector<fs::path> findBatches(const fs::path& path)
{
    std::error_code ec;
    if (fs::is_regular_file(path / "manifest.json", ec))
        return {path};
    std::vector<fs::path> out;
    if (!fs::is_directory(path, ec))
        return out;
    for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_directory(ec))
            continue;
        const bool incomplete = it->path().extension() == ".incomplete";
        if (incomplete || fs::is_regular_file(it->path() / "manifest.json", ec)) {
            out.push_back(it->path());
            it.disable_recursion_pending();
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

BatchSummary importBatch(Store& store, const fs::path& folder, const ImportOptions& options)
{
    BatchSummary summary;
    summary.folder = folder;
    if (folder.extension() == ".incomplete") {
        summary.refused =
            "an export that never finished (the stick was pulled or full): copy it again from the kiosk";
        return summary;
    }
    exporter::OpenedBatch batch;
    std::vector<Incoming> requests;
    std::vector<AuditRow> audit;
    std::optional<std::int64_t> createdMs;
    try {
        batch = exporter::openBatch(folder, options.key);
        summary.kioskId = batch.kioskId;
        summary.batchId = batch.batchId;
        createdMs = parseIsoOffset(batch.created);
        if (!createdMs)
            throw Refused{"its manifest has no time it was made"};
        requests = readRequests(batch);
        audit = readAudit(batch);
    } catch (const exporter::BatchError& e) {
        summary.refused = refusalOf(e);
        return summary;
    } catch (const Refused& r) {
        summary.refused = "not a sound kiosk batch: " + r.why;
        return summary;
    }
    const std::string manifestSha = exporter::sha256Hex(batch.manifest);
    const std::string file = fs::path(folder).filename().string() + "/requests.json";

    store.transaction([&] {
        summary.added = summary.held = summary.conflicts = summary.audit = 0;
        // The same batch (same manifest, so the same files) imported before: nothing to merge.
        const std::vector<Row> known =
            store.query("SELECT manifest_sha256 FROM batches WHERE kiosk_id = $1 AND batch_id = $2",
                        {batch.kioskId, batch.batchId});
        if (!known.empty() && known[0].text(0) == manifestSha) {
            summary.held = static_cast<std::int64_t>(requests.size());
            return;
        }
        if (known.empty())
            store.exec(
                "INSERT INTO batches (batch_id, kiosk_id, folder, created, created_ms, scope, again_of, "
                "manifest_sha256, request_count, new_count, held_count, conflict_count, audit_count, "
                "imported_ms, imported_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, 0, 0, 0, $10, $11)",
                {batch.batchId, batch.kioskId, fs::path(folder).filename().string(), batch.created,
                 *createdMs, batch.scope, batch.againOf.empty() ? Value{} : Value{batch.againOf}, manifestSha,
                 batch.count, options.nowMs, options.who});
        for (std::size_t i = 0; i < requests.size(); ++i) {
            if (options.beforeRequest)
                options.beforeRequest(i);
            const Incoming& r = requests[i];
            const std::vector<Row> added =
                store.query("INSERT INTO requests (uid, kiosk_id, reference, created_ms, created_month, "
                            "topic, priority, lang, "
                            "contact_time, name, phone, dusun, rt, rw, note, content_sha256, batch_id, file, "
                            "imported_ms, "
                            "imported_by, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
                            "$13, $14, $15, $16, "
                            "$17, $18, $19, $20, 'baru') ON CONFLICT (uid) DO NOTHING RETURNING uid",
                            {r.uid,
                             batch.kioskId,
                             r.reference,
                             r.createdMs,
                             r.month,
                             r.topic,
                             priorityOf(r.topic),
                             r.lang,
                             r.contactTime,
                             r.name,
                             r.phone,
                             r.dusun,
                             r.rt,
                             r.rw,
                             r.note,
                             r.sha256,
                             batch.batchId,
                             file,
                             options.nowMs,
                             options.who});
            if (!added.empty()) {
                ++summary.added;
                continue;
            }
            const std::vector<Row> held =
                store.query("SELECT content_sha256, purged_ms FROM requests WHERE uid = $1", {r.uid});
            // Purged: its personal data is gone, so there is nothing to compare; it is held.
            if (held.empty() || held[0].text(0) == r.sha256 || !held[0].isNull(1)) {
                ++summary.held;
                continue;
            }
            const std::vector<Row> version = store.query(
                "INSERT INTO request_versions (uid, content_sha256, content, kiosk_id, batch_id, file, "
                "imported_ms, "
                "imported_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (uid, content_sha256) DO "
                "NOTHING "
                "RETURNING uid",
                {r.uid, r.sha256, r.content, batch.kioskId, batch.batchId, file, options.nowMs, options.who});
            if (version.empty())
                ++summary.held; // this other version was already kept
            else
                ++summary.conflicts;
        }
        // The first event of every new request: baru, by whoever imported it, when.
        store.exec(
            "INSERT INTO events (uid, at_ms, who, kind) SELECT uid, imported_ms, imported_by, 'baru' FROM "
            "requests r WHERE r.kiosk_id = $1 AND r.batch_id = $2 AND NOT EXISTS (SELECT 1 FROM events e "
            "WHERE e.uid = r.uid)",
            {batch.kioskId, batch.batchId});
        for (const AuditRow& a : audit) {
            const std::vector<Row> in =
                store.query("INSERT INTO kiosk_audit (kiosk_id, audit_id, time, kind, detail, batch_id) "
                            "VALUES ($1, $2, $3, $4, "
                            "$5, $6) ON CONFLICT (kiosk_id, audit_id) DO NOTHING RETURNING audit_id",
                            {batch.kioskId, a.id, a.time, a.kind, a.detail, batch.batchId});
            summary.audit += static_cast<std::int64_t>(in.size());
        }
        store.exec(
            "UPDATE batches SET new_count = new_count + $1, held_count = held_count + $2, conflict_count = "
            "conflict_count + $3, audit_count = audit_count + $4 WHERE kiosk_id = $5 AND batch_id = $6",
            {summary.added, summary.held, summary.conflicts, summary.audit, batch.kioskId, batch.batchId});
    });
    return summary;
}

ImportSummary importPaths(Store& store, std::span<const fs::path> paths, const ImportOptions& options)
{
    ImportSummary summary;
    for (const fs::path& path : paths) {
        const std::vector<fs::path> found = findBatches(path);
        if (found.empty()) {
            BatchSummary none;
            none.folder = path;
            std::error_code ec;
            none.refused = fs::exists(path, ec) ? "not a kiosk batch, and no batch folder is inside it"
                                                : "there is no such file or folder";
            summary.batches.push_back(std::move(none));
            continue;
        }
        for (const fs::path& folder : found)
            summary.batches.push_back(importBatch(store, folder, options));
    }
    return summary;
}

void requirePrivateKeyFile(const fs::path& file, const std::string& what)
{
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0)
        throw std::runtime_error(what + " " + file.string() + " cannot be read (is the path right?)");
    if ((st.st_mode & 077) != 0) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
        throw std::runtime_error(what + " " + file.string() + " can be read by other users (mode " + mode +
                                 "); make it private first: chmod 600 " + file.string());
    }
}

exporter::SecretKey readOfficeSecretKey(const fs::path& file)
{
    requirePrivateKeyFile(file, "the office key");
    return exporter::readSecretKey(file);
}

} // namespace kiosk::office
