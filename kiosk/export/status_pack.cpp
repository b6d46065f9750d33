// Writing and checking status packs (see status_pack.hpp for the format).
#include "export/status_pack.hpp"

#include "core/dates.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <stdexcept>

namespace kiosk::statuspack {
namespace {

using Json = nlohmann::ordered_json;

bool isDate(std::string_view text)
{
    return daysBetween(text, text).has_value();
}

Read refused(Refusal refusal, std::string detail, FaultDetail fault = {})
{
    Read r;
    r.refusal = refusal;
    r.detail = std::move(detail);
    r.fault = std::move(fault);
    return r;
}

// The body's JSON as a StatusPack, or why it is not one (std::runtime_error).
StatusPack parseBody(std::string_view text)
{
    const Json j = Json::parse(text.begin(), text.end()); // throws on anything that is not JSON
    if (!j.is_object() || j.value("format", "") != kFormat)
        throw std::runtime_error("the body is not a desa-kiosk-status document");
    if (!j.contains("version") || !j["version"].is_number_integer() || j["version"].get<int>() != kVersion)
        throw std::runtime_error("the body is of a format version this kiosk does not know");
    StatusPack pack;
    if (!j.contains("kiosk") || !j["kiosk"].is_string() || !isKioskId(j["kiosk"].get<std::string>()))
        throw std::runtime_error("the body names no kiosk");
    pack.book.kioskId = j["kiosk"].get<std::string>();
    if (!j.contains("created_ms") || !j["created_ms"].is_number_integer() ||
        j["created_ms"].get<Millis>() <= 0)
        throw std::runtime_error("the body has no created_ms");
    pack.createdMs = j["created_ms"].get<Millis>();
    if (!j.contains("created") || !j["created"].is_string() || j["created"].get<std::string>().size() > 40)
        throw std::runtime_error("the body has no readable created date");
    pack.book.created = j["created"].get<std::string>();
    if (!j.contains("requests") || !j["requests"].is_array())
        throw std::runtime_error("the body has no list of requests");
    const Json& list = j["requests"];
    if (list.size() > kMaxEntries)
        throw std::runtime_error("the body lists more than " + std::to_string(kMaxEntries) + " requests");
    std::set<std::string> seen;
    pack.book.entries.reserve(list.size());
    for (const Json& e : list) {
        // Exactly these three fields: anything else (a name, a phone) has no place in a status pack.
        if (!e.is_object() || e.size() != 3 || !e.contains("reference") || !e.contains("status") ||
            !e.contains("date") || !e["reference"].is_string() || !e["status"].is_string() ||
            !e["date"].is_string())
            throw std::runtime_error("an entry is not {reference, status, date}");
        StatusEntry entry;
        entry.reference = e["reference"].get<std::string>();
        if (!isReference(pack.book.kioskId, entry.reference))
            throw std::runtime_error("an entry's reference is not one of kiosk " + pack.book.kioskId);
        const auto status = statusFromWord(e["status"].get<std::string>());
        if (!status)
            throw std::runtime_error(entry.reference + " has an unknown status");
        entry.status = *status;
        entry.date = e["date"].get<std::string>();
        if (!isDate(entry.date))
            throw std::runtime_error(entry.reference + " has a date that is not one");
        if (!seen.insert(entry.reference).second)
            throw std::runtime_error(entry.reference + " is listed twice");
        pack.book.entries.push_back(std::move(entry));
    }
    return pack;
}

} // namespace

bool isKioskId(std::string_view id)
{
    if (id.size() < 2 || id.size() > 8)
        return false;
    for (const char c : id)
        if (c < 'A' || c > 'Z')
            return false;
    return true;
}

bool isReference(std::string_view kioskId, std::string_view reference)
{
    if (reference.size() <= kioskId.size() + 1 || reference.substr(0, kioskId.size()) != kioskId ||
        reference[kioskId.size()] != '-')
        return false;
    const std::string_view digits = reference.substr(kioskId.size() + 1);
    if (digits.size() > 12)
        return false;
    for (const char c : digits)
        if (c < '0' || c > '9')
            return false;
    return true;
}

std::string_view statusWord(RequestStatus status)
{
    switch (status) {
    case RequestStatus::Received: return "diterima";
    case RequestStatus::Contacted: return "dihubungi";
    case RequestStatus::Done: return "selesai";
    }
    return "diterima";
}

std::optional<RequestStatus> statusFromWord(std::string_view word)
{
    for (const RequestStatus s : {RequestStatus::Received, RequestStatus::Contacted, RequestStatus::Done})
        if (statusWord(s) == word)
            return s;
    return std::nullopt;
}

std::string fileName(std::string_view kioskId)
{
    return std::string(kioskId) + kExtension;
}

std::string body(const StatusPack& pack)
{
    if (!isKioskId(pack.book.kioskId))
        throw std::invalid_argument("'" + pack.book.kioskId + "' is not a kiosk id (2 to 8 capital letters)");
    if (pack.book.entries.size() > kMaxEntries)
        throw std::invalid_argument("more than " + std::to_string(kMaxEntries) + " requests for one kiosk");
    Json head;
    head["format"] = kFormat;
    head["version"] = kVersion;
    head["kiosk"] = pack.book.kioskId;
    head["created_ms"] = pack.createdMs;
    head["created"] = pack.book.created;
    std::string text = head.dump();
    text.pop_back(); // the closing brace: the list follows, one request a line
    text += ",\"requests\":[";
    std::set<std::string_view> seen;
    bool first = true;
    for (const StatusEntry& e : pack.book.entries) {
        if (!isReference(pack.book.kioskId, e.reference))
            throw std::invalid_argument("'" + e.reference + "' is not a reference of kiosk " +
                                        pack.book.kioskId);
        if (!isDate(e.date))
            throw std::invalid_argument(e.reference + ": '" + e.date + "' is not a date (YYYY-MM-DD)");
        if (!seen.insert(e.reference).second)
            throw std::invalid_argument(e.reference + " is listed twice");
        Json entry;
        entry["reference"] = e.reference;
        entry["status"] = statusWord(e.status);
        entry["date"] = e.date;
        text += (first ? "\n" : ",\n") + entry.dump();
        first = false;
    }
    text += "\n]}\n";
    return text;
}

std::string write(const StatusPack& pack, const std::filesystem::path& secretKeyFile)
{
    const std::string text = body(pack);
    return std::string(kHeader) + "\n" + signing::sign(text, secretKeyFile) + text;
}

const char* refusalName(Refusal refusal)
{
    switch (refusal) {
    case Refusal::None: return "ok";
    case Refusal::NotFound: return "not-found";
    case Refusal::TooLarge: return "too-large";
    case Refusal::Damaged: return "damaged";
    case Refusal::Unsigned: return "unsigned";
    case Refusal::NoTrustedKey: return "no-trusted-key";
    case Refusal::UntrustedKey: return "untrusted-key";
    case Refusal::BadSignature: return "bad-signature";
    case Refusal::Invalid: return "invalid";
    case Refusal::OtherKiosk: return "other-kiosk";
    case Refusal::Older: return "older";
    case Refusal::AlreadyHave: return "already-have";
    case Refusal::Failed: return "failed";
    }
    return "failed";
}

Read read(std::string_view bytes, const std::vector<signing::PublicKey>& trusted, std::string_view kioskId)
{
    if (bytes.size() > kMaxBytes)
        return refused(Refusal::TooLarge, "the file is larger than a status pack may be (" +
                                              std::to_string(kMaxBytes >> 20) + " MiB)");
    const std::size_t headerEnd = bytes.find('\n');
    if (headerEnd == std::string_view::npos || bytes.substr(0, headerEnd) != kHeader)
        return refused(Refusal::Damaged, "the file does not start with \"" + std::string(kHeader) + "\"");
    const std::size_t signatureEnd = bytes.find('\n', headerEnd + 1);
    if (signatureEnd == std::string_view::npos)
        return refused(Refusal::Damaged, "the file ends before its signature line");
    const std::string_view signature = bytes.substr(headerEnd + 1, signatureEnd - headerEnd - 1);
    const std::string_view text = bytes.substr(signatureEnd + 1);
    const signing::Verification v = signing::verify(text, signature, trusted);
    switch (v.verdict) {
    case signing::Verdict::Ok: break;
    case signing::Verdict::Malformed:
        return refused(Refusal::Unsigned, "the second line is not a signature by `desa-office status-pack`");
    case signing::Verdict::NoTrustedKey:
        return refused(Refusal::NoTrustedKey, "no key in [content] trusted_keys of kiosk.toml");
    case signing::Verdict::UntrustedKey:
        return refused(Refusal::UntrustedKey,
                       "signed with key " + v.keyId + "…, which this kiosk does not trust",
                       {.keyId = v.keyId});
    case signing::Verdict::BadSignature:
        return refused(Refusal::BadSignature,
                       "the signature does not match: the file was changed after signing",
                       {.keyId = v.keyId});
    }
    Read r;
    try {
        r.pack = parseBody(text);
    } catch (const std::exception& e) {
        return refused(Refusal::Invalid, std::string("signed, but not readable here: ") + e.what());
    }
    if (r.pack.book.kioskId != kioskId)
        return refused(Refusal::OtherKiosk,
                       "made for kiosk " + r.pack.book.kioskId + ", not for " + std::string(kioskId));
    return r;
}

} // namespace kiosk::statuspack
