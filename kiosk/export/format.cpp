// The batch's CSV and JSON (and a request's JSON for the technicians' list), ISO 8601 times, and
// SHA-256 in hex.
#include "export/format.hpp"

#include "store/sodium.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <cstdio>
#include <ctime>
#include <initializer_list>

namespace kiosk::exporter {

namespace {

// Appends one CRLF-ended record, every field through csvField.
void csvRecord(std::string& out, std::initializer_list<std::string_view> fields)
{
    bool first = true;
    for (const std::string_view f : fields) {
        if (!first)
            out.push_back(',');
        out += csvField(f);
        first = false;
    }
    out += "\r\n";
}

// One request with every field; requestJson and requestsJson write it.
nlohmann::ordered_json requestObject(const StoredRequest& r, JsonTime time)
{
    const CallbackRequest& q = r.request;
    nlohmann::ordered_json j;
    j["id"] = r.id;
    j["uid"] = r.uid;
    j["reference"] = r.reference;
    if (time == JsonTime::Utc) {
        j["created"] = isoUtc(r.createdMs);
    } else {
        j["created"] = isoLocal(r.createdMs);
        j["created_ms"] = r.createdMs;
    }
    j["lang"] = std::string(langCode(q.lang));
    j["name"] = q.name;
    j["phone"] = q.phone;
    j["dusun"] = q.dusun;
    j["rt"] = q.rt;
    j["rw"] = q.rw;
    j["topic"] = std::string(requestTopicId(q.topic));
    j["contact_time"] = std::string(contactTimeId(q.time));
    j["note"] = q.note;
    return j;
}

// The UTF-8 BOM (so spreadsheet programs read the file as UTF-8) and the header record.
std::string csvStart(std::span<const std::string_view> columns)
{
    std::string out = "\xEF\xBB\xBF";
    bool first = true;
    for (const std::string_view column : columns) {
        if (!first)
            out.push_back(',');
        out.append(column);
        first = false;
    }
    out += "\r\n";
    return out;
}

} // namespace

std::string isoLocal(Millis unixMs)
{
    const std::tm tm = localTime(unixMs);
    char text[64];
    std::size_t used = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &tm);
    const long offset = tm.tm_gmtoff;
    const long minutes = (offset < 0 ? -offset : offset) / 60;
    std::snprintf(text + used, sizeof text - used, "%c%02ld:%02ld", offset < 0 ? '-' : '+', minutes / 60,
                  minutes % 60);
    return text;
}

std::string folderStamp(Millis unixMs)
{
    const std::tm tm = localTime(unixMs);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%dT%H%M%S", &tm);
    return text;
}

std::string isoUtc(Millis unixMs)
{
    const std::int64_t seconds = unixMs >= 0 ? unixMs / 1000 : (unixMs - 999) / 1000;
    const auto millis = static_cast<int>(unixMs - seconds * 1000);
    const auto t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[48];
    const std::size_t used = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &tm);
    std::snprintf(text + used, sizeof text - used, ".%03dZ", millis);
    return text;
}

std::string csvField(std::string_view value)
{
    std::string cell;
    if (!value.empty()) {
        const char c = value.front();
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r')
            cell.push_back('\'');
    }
    cell.append(value);
    if (cell.find_first_of("\",\r\n") == std::string::npos)
        return cell;
    std::string quoted = "\"";
    for (const char c : cell) {
        if (c == '"')
            quoted.push_back('"');
        quoted.push_back(c);
    }
    quoted.push_back('"');
    return quoted;
}

std::string requestsCsv(std::span<const store::ExportRequest> requests)
{
    std::string out = csvStart(kCsvColumns);
    for (const store::ExportRequest& e : requests) {
        const StoredRequest& r = e.stored;
        const CallbackRequest& q = r.request;
        csvRecord(out, {r.reference, r.uid, isoLocal(r.createdMs), q.name, q.phone, q.dusun, q.rt, q.rw,
                        requestTopicId(q.topic), contactTimeId(q.time), q.note, langCode(q.lang)});
    }
    return out;
}

std::string auditCsv(std::span<const store::AuditEntry> entries)
{
    std::string out = csvStart(kAuditCsvColumns);
    for (const store::AuditEntry& e : entries)
        csvRecord(out, {std::to_string(e.id), isoLocal(e.atMs), e.kind, e.detail});
    return out;
}

std::string requestJson(const StoredRequest& request, JsonTime time)
{
    return requestObject(request, time)
        .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string requestsJson(std::span<const store::ExportRequest> requests)
{
    auto all = nlohmann::ordered_json::array();
    for (const store::ExportRequest& e : requests) {
        nlohmann::ordered_json j = requestObject(e.stored, JsonTime::Local);
        // The batch that collected it before (exports with --all), or null.
        j["collected_batch"] = e.collected() ? nlohmann::ordered_json(e.collectedBatch) : nullptr;
        j["collected"] = e.collectedMs ? nlohmann::ordered_json(isoLocal(*e.collectedMs)) : nullptr;
        all.push_back(std::move(j));
    }
    return all.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string sha256Hex(std::string_view bytes)
{
    store::initSodium();
    unsigned char hash[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return hexOf(hash, sizeof hash);
}

std::string hexOf(const unsigned char* data, std::size_t size)
{
    std::string out(size * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, size);
    out.pop_back();
    return out;
}

} // namespace kiosk::exporter
