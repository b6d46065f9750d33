// Follow-up events and the status derived from them, the lists, kiosks, the monthly report, purge.
#include "ledger/ledger.hpp"

#include "export/format.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <set>
#include <stdexcept>

namespace kiosk::office {

namespace {

struct Derived {
    std::string status = "baru";
    std::optional<std::int64_t> firstAttemptMs;
    std::optional<std::int64_t> reachedMs;  // the first call that reached the resident
    std::optional<std::int64_t> referredMs; // the first referral
    std::optional<std::int64_t> doneMs;
};

// The status is whatever the latest event that changes it says; notes and purges change nothing.
Derived derive(const std::vector<Event>& events)
{
    Derived d;
    for (const Event& e : events) {
        if (e.kind == "baru" || e.kind == "reopened") {
            d.status = "baru";
            d.doneMs.reset();
        } else if (e.kind == "attempt") {
            d.status = e.outcome == "reached" ? "dihubungi" : "dicoba";
            if (!d.firstAttemptMs)
                d.firstAttemptMs = e.atMs;
            if (e.outcome == "reached" && !d.reachedMs)
                d.reachedMs = e.atMs;
        } else if (e.kind == "referred") {
            d.status = "dirujuk";
            if (!d.referredMs)
                d.referredMs = e.atMs;
        } else if (e.kind == "selesai") {
            d.status = "selesai";
            d.doneMs = e.atMs;
        }
    }
    return d;
}

Value optionalValue(const std::optional<std::int64_t>& v)
{
    return v ? Value{*v} : Value{};
}

} // namespace

std::string requestColumns()
{
    return std::string("SELECT r.uid, r.reference, r.kiosk_id, r.topic, r.status, r.lang, r.contact_time, "
                       "r.priority, r.created_ms, r.name, r.phone, r.dusun, r.rt, r.rw, r.note, r.purged_ms, "
                       "r.batch_id, r.file, r.imported_by, r.imported_ms, ") +
           kOpenConflictSql;
}

LedgerRequest requestFromRow(const Row& r, const Villages& villages)
{
    LedgerRequest q;
    q.uid = r.text(0);
    q.reference = r.text(1);
    q.kioskId = r.text(2);
    q.village = villageOf(villages, q.kioskId);
    q.topic = r.text(3);
    q.status = r.text(4);
    q.lang = r.text(5);
    q.contactTime = r.text(6);
    q.priority = r.integer(7);
    q.createdMs = r.integer(8);
    q.name = r.text(9);
    q.phone = r.text(10);
    q.dusun = r.text(11);
    q.rt = r.text(12);
    q.rw = r.text(13);
    q.note = r.text(14);
    q.purged = !r.isNull(15);
    q.batchId = r.text(16);
    q.file = r.text(17);
    q.importedBy = r.text(18);
    q.importedMs = r.integer(19);
    // SQLite gives 1/0, PostgreSQL t/f.
    q.conflict = r.text(20) == "1" || r.text(20) == "t";
    return q;
}

std::int64_t priorityOf(std::string_view topic)
{
    return topic == "trafficking" ? 0 : 1;
}

std::string_view outcomeId(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Reached: return "reached";
    case Outcome::NoAnswer: return "no-answer";
    case Outcome::NotActive: return "not-active";
    case Outcome::WrongPerson: return "wrong-person";
    case Outcome::Referred: return "referred";
    case Outcome::Done: return "done";
    case Outcome::Reopened: return "reopened";
    case Outcome::Note: return "note";
    }
    return "note";
}

std::optional<Outcome> outcomeFromId(std::string_view id)
{
    for (const Outcome o : {Outcome::Reached, Outcome::NoAnswer, Outcome::NotActive, Outcome::WrongPerson,
                            Outcome::Referred, Outcome::Done, Outcome::Reopened, Outcome::Note})
        if (outcomeId(o) == id)
            return o;
    return std::nullopt;
}

std::vector<Event> eventsOf(Store& store, const std::string& uid)
{
    std::vector<Event> out;
    for (const Row& r : store.query(
             "SELECT at_ms, who, kind, outcome, partner, note FROM events WHERE uid = $1 ORDER BY id", {uid}))
        out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5)});
    return out;
}

FollowUpResult addFollowUp(Store& store, const FollowUp& f, const std::vector<std::string>& partners)
{
    if (f.outcome == Outcome::Referred &&
        std::find(partners.begin(), partners.end(), f.partner) == partners.end()) {
        std::string list;
        for (const std::string& p : partners)
            list += (list.empty() ? "" : ", ") + p;
        throw std::invalid_argument(f.partner.empty()
                                        ? "a referral needs --partner, one of: " + list
                                        : "'" + f.partner + "' is not one of the office's partners (" +
                                              (list.empty() ? "office.toml names none" : list) + ")");
    }
    FollowUpResult result;
    store.transaction([&] {
        std::vector<Row> found = store.query(
            "SELECT uid, purged_ms FROM requests WHERE uid = $1 OR reference = $2", {f.request, f.request});
        if (found.empty())
            throw std::invalid_argument("no request has the id or reference " + f.request);
        if (found.size() > 1) {
            std::string ids;
            for (const Row& r : found)
                ids += "\n  " + r.text(0);
            throw std::invalid_argument("several requests have the reference " + f.request +
                                        "; give the global id of one:" + ids);
        }
        result.uid = found[0].text(0);
        if (!found[0].isNull(1))
            throw std::invalid_argument("the personal data of " + result.uid +
                                        " was deleted (retention): it takes no more follow-up");
        std::string kind, outcome;
        switch (f.outcome) {
        case Outcome::Reached:
        case Outcome::NoAnswer:
        case Outcome::NotActive:
        case Outcome::WrongPerson:
            kind = "attempt";
            outcome = std::string(outcomeId(f.outcome));
            break;
        case Outcome::Referred: kind = "referred"; break;
        case Outcome::Done: kind = "selesai"; break;
        case Outcome::Reopened: kind = "reopened"; break;
        case Outcome::Note: kind = "note"; break;
        }
        store.exec(
            "INSERT INTO events (uid, at_ms, who, kind, outcome, partner, note) VALUES ($1, $2, $3, $4, $5, "
            "$6, $7)",
            {result.uid, f.atMs, f.who, kind, outcome.empty() ? Value{} : Value{outcome},
             f.partner.empty() ? Value{} : Value{f.partner}, f.note.empty() ? Value{} : Value{f.note}});
        const Derived d = derive(eventsOf(store, result.uid));
        store.exec(
            "UPDATE requests SET status = $1, first_attempt_ms = $2, reached_ms = $3, referred_ms = $4, "
            "done_ms = $5 WHERE uid = $6",
            {d.status, optionalValue(d.firstAttemptMs), optionalValue(d.reachedMs),
             optionalValue(d.referredMs), optionalValue(d.doneMs), result.uid});
        result.status = d.status;
    });
    return result;
}

std::string villageOf(const Villages& villages, const std::string& kioskId)
{
    const auto it = villages.find(kioskId);
    return it == villages.end() ? kioskId : it->second;
}

std::vector<LedgerRequest> listRequests(Store& store, const RequestFilter& filter, const Villages& villages)
{
    std::string sql = requestColumns() + " FROM requests r WHERE 1 = 1";
    std::vector<Value> params;
    if (!filter.status.empty()) {
        params.emplace_back(filter.status);
        sql += " AND status = $" + std::to_string(params.size());
    }
    if (!filter.topic.empty()) {
        params.emplace_back(filter.topic);
        sql += " AND topic = $" + std::to_string(params.size());
    }
    if (!filter.village.empty()) {
        // The kiosks of that village (and a kiosk id given as it is).
        std::set<std::string> kiosks{filter.village};
        for (const auto& [kiosk, village] : villages)
            if (village == filter.village)
                kiosks.insert(kiosk);
        sql += " AND kiosk_id IN (";
        bool first = true;
        for (const std::string& k : kiosks) {
            params.emplace_back(k);
            sql += (first ? "$" : ", $") + std::to_string(params.size());
            first = false;
        }
        sql += ")";
    }
    sql += " ORDER BY priority, created_ms, uid";
    std::vector<LedgerRequest> out;
    for (const Row& r : store.query(sql, params))
        out.push_back(requestFromRow(r, villages));
    return out;
}

std::optional<LedgerRequest> findRequest(Store& store, const std::string& uid, const Villages& villages)
{
    const std::vector<Row> rows = store.query(requestColumns() + " FROM requests r WHERE r.uid = $1", {uid});
    if (rows.empty())
        return std::nullopt;
    return requestFromRow(rows[0], villages);
}

std::vector<RequestVersion> versionsOf(Store& store, const std::string& uid)
{
    std::vector<RequestVersion> out;
    for (const Row& r :
         store.query("SELECT id, content, kiosk_id, batch_id, file, imported_by, imported_ms FROM "
                     "request_versions WHERE uid = $1 ORDER BY id",
                     {uid}))
        out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.integer(6)});
    return out;
}

void chooseVersion(Store& store, const std::string& uid, std::int64_t versionId, const std::string& who,
                   std::int64_t atMs)
{
    store.transaction([&] {
        const std::vector<Row> held = store.query(
            "SELECT reference, created_ms, lang, name, phone, dusun, rt, rw, topic, contact_time, note, "
            "content_sha256, purged_ms FROM requests WHERE uid = $1",
            {uid});
        if (held.empty())
            throw std::invalid_argument("Tidak ada permintaan dengan nomor " + uid + ".");
        if (!held[0].isNull(12))
            throw std::invalid_argument(
                "Data pribadi permintaan ini sudah dihapus (retensi): tidak ada versi "
                "untuk dipilih.");
        const std::vector<Row> versions = store.query(
            "SELECT id, content, batch_id, content_sha256 FROM request_versions WHERE uid = $1 ORDER BY id",
            {uid});
        if (versions.empty())
            throw std::invalid_argument("Permintaan ini tidak punya versi lain.");
        std::string note;
        if (versionId == 0) {
            note = "versi yang dipegang tetap dipakai";
        } else {
            const Row* chosen = nullptr;
            for (const Row& v : versions)
                if (v.integer(0) == versionId)
                    chosen = &v;
            if (!chosen)
                throw std::invalid_argument("Versi itu bukan versi lain permintaan ini.");
            const nlohmann::json other = nlohmann::json::parse(chosen->text(1), nullptr, false);
            if (!other.is_object())
                throw std::invalid_argument("Isi versi itu tidak dapat dibaca.");
            const auto text = [&](const char* key) {
                return other.contains(key) && other[key].is_string() ? other[key].get<std::string>() : "";
            };
            // The version held so far, in the importer's form (its hash is the one held).
            const Row& h = held[0];
            nlohmann::ordered_json c;
            c["uid"] = uid;
            c["reference"] = h.text(0);
            c["created_ms"] = h.integer(1);
            c["lang"] = h.text(2);
            c["name"] = h.text(3);
            c["phone"] = h.text(4);
            c["dusun"] = h.text(5);
            c["rt"] = h.text(6);
            c["rw"] = h.text(7);
            c["topic"] = h.text(8);
            c["contact_time"] = h.text(9);
            c["note"] = h.text(10);
            const std::string otherSha = chosen->text(3);
            store.exec("UPDATE requests SET lang = $1, name = $2, phone = $3, dusun = $4, rt = $5, rw = $6, "
                       "topic = $7, contact_time = $8, note = $9, priority = $10, content_sha256 = $11 WHERE "
                       "uid = $12",
                       {text("lang"), text("name"), text("phone"), text("dusun"), text("rt"), text("rw"),
                        text("topic"), text("contact_time"), text("note"), priorityOf(text("topic")),
                        otherSha, uid});
            store.exec("UPDATE request_versions SET content = $1, content_sha256 = $2 WHERE id = $3",
                       {c.dump(), h.text(11), versionId});
            note = "versi dari batch " + chosen->text(2) +
                   " dipakai; versi sebelumnya disimpan sebagai versi lain";
        }
        store.exec("INSERT INTO events (uid, at_ms, who, kind, note) VALUES ($1, $2, $3, 'version', $4)",
                   {uid, atMs, who, note});
    });
}

std::vector<Conflict> listConflicts(Store& store)
{
    std::vector<Conflict> out;
    for (const Row& r : store.query(
             std::string(
                 "SELECT r.uid, r.reference, r.kiosk_id, r.batch_id, v.batch_id, v.content, v.imported_ms, "
                 "v.imported_by, "
                 "r.name, r.phone, r.dusun, r.rt, r.rw, r.topic, r.contact_time, r.note, r.lang, "
                 "r.created_ms FROM request_versions v JOIN requests r ON r.uid = v.uid WHERE ") +
             kOpenConflictSql + " ORDER BY v.id")) {
        Conflict c;
        c.uid = r.text(0);
        c.reference = r.text(1);
        c.kioskId = r.text(2);
        c.heldBatch = r.text(3);
        c.otherBatch = r.text(4);
        c.otherContent = r.text(5);
        c.importedMs = r.integer(6);
        c.importedBy = r.text(7);
        c.heldContent = "name=" + r.text(8) + "; phone=" + r.text(9) + "; dusun=" + r.text(10) +
                        "; rt=" + r.text(11) + "; rw=" + r.text(12) + "; topic=" + r.text(13) +
                        "; contact_time=" + r.text(14) + "; note=" + r.text(15) + "; lang=" + r.text(16) +
                        "; created_ms=" + r.text(17);
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<KioskSummary> listKiosks(Store& store, const Villages& villages, std::int64_t nowMs,
                                     int silentAfterDays)
{
    std::vector<KioskSummary> out;
    for (const Row& r :
         store.query("SELECT kiosk_id, MIN(created_ms), MAX(created_ms), COUNT(*) FROM batches "
                     "GROUP BY kiosk_id ORDER BY kiosk_id")) {
        KioskSummary k;
        k.kioskId = r.text(0);
        k.village = villageOf(villages, k.kioskId);
        k.firstBatchMs = r.integer(1);
        k.lastBatchMs = r.integer(2);
        k.batches = r.integer(3);
        k.daysSinceLastBatch = (nowMs - k.lastBatchMs) / kDayMs;
        k.silent = nowMs - k.lastBatchMs > static_cast<std::int64_t>(silentAfterDays) * kDayMs;
        out.push_back(std::move(k));
    }
    for (const Row& r :
         store.query("SELECT kiosk_id, created_month, COUNT(*) FROM requests GROUP BY kiosk_id, "
                     "created_month ORDER BY kiosk_id, created_month"))
        for (KioskSummary& k : out)
            if (k.kioskId == r.text(0)) {
                k.perMonth[r.text(1)] = r.integer(2);
                k.requests += r.integer(2);
            }
    return out;
}

std::vector<ReportLine> monthlyReport(Store& store, const std::string& month, const Villages& villages,
                                      std::int64_t nowMs)
{
    struct Acc {
        ReportLine line;
        std::vector<double> days;
    };
    std::map<std::pair<std::string, std::string>, Acc> lines;
    for (const Row& r :
         store.query("SELECT kiosk_id, topic, status, created_ms, first_attempt_ms, reached_ms, "
                     "referred_ms FROM requests WHERE created_month = $1",
                     {month})) {
        const std::string village = villageOf(villages, r.text(0));
        Acc& a = lines[{village, r.text(1)}];
        a.line.village = village;
        a.line.topic = r.text(1);
        ++a.line.received;
        const bool done = r.text(2) == "selesai";
        if (!r.isNull(5))
            ++a.line.reached;
        if (!r.isNull(6))
            ++a.line.referred;
        if (done)
            ++a.line.done;
        const std::int64_t created = r.integer(3);
        if (const auto first = r.optionalInteger(4))
            a.days.push_back(static_cast<double>(*first - created) / static_cast<double>(kDayMs));
        if (!done && nowMs - created > 7 * kDayMs)
            ++a.line.openOver7Days;
    }
    std::vector<ReportLine> out;
    for (auto& [key, a] : lines) {
        if (!a.days.empty()) {
            std::sort(a.days.begin(), a.days.end());
            const std::size_t n = a.days.size();
            a.line.medianDaysToFirstAttempt = n % 2 ? a.days[n / 2] : (a.days[n / 2 - 1] + a.days[n / 2]) / 2;
        }
        out.push_back(a.line);
    }
    return out;
}

std::string reportCsv(const std::string& month, const std::vector<ReportLine>& lines)
{
    std::string out =
        "\xEF\xBB\xBFmonth,village,topic,received,reached,referred,done,median_days_to_first_call,"
        "open_over_7_days\r\n";
    for (const ReportLine& l : lines) {
        std::string median;
        if (l.medianDaysToFirstAttempt) {
            char text[32];
            std::snprintf(text, sizeof text, "%.1f", *l.medianDaysToFirstAttempt);
            median = text;
        }
        out += exporter::csvField(month) + "," + exporter::csvField(l.village) + "," +
               exporter::csvField(l.topic) + "," + std::to_string(l.received) + "," +
               std::to_string(l.reached) + "," + std::to_string(l.referred) + "," + std::to_string(l.done) +
               "," + median + "," + std::to_string(l.openOver7Days) + "\r\n";
    }
    return out;
}

std::int64_t purge(Store& store, int days, const std::string& who, std::int64_t nowMs)
{
    std::int64_t purged = 0;
    store.transaction([&] {
        const std::vector<Row> due = store.query(
            "SELECT uid FROM requests WHERE status = 'selesai' AND purged_ms IS NULL AND done_ms <= $1",
            {nowMs - static_cast<std::int64_t>(days) * kDayMs});
        for (const Row& r : due) {
            const std::string uid = r.text(0);
            store.exec(
                "UPDATE requests SET name = NULL, phone = NULL, dusun = NULL, rt = NULL, rw = NULL, note = "
                "NULL, purged_ms = $1 WHERE uid = $2",
                {nowMs, uid});
            store.exec("UPDATE request_versions SET content = NULL WHERE uid = $1", {uid});
            store.exec("UPDATE events SET note = NULL WHERE uid = $1", {uid});
            store.exec("INSERT INTO events (uid, at_ms, who, kind, note) VALUES ($1, $2, $3, 'purged', $4)",
                       {uid, nowMs, who,
                        "personal data deleted " + std::to_string(days) + " days after selesai (retention)"});
            ++purged;
        }
    });
    return purged;
}

} // namespace kiosk::office
