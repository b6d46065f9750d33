// A callback request as a resident leaves it, and the one door it is saved through.
#pragma once

#include "core/language.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// What the resident wants to talk about. Ids are stable: they are stored and exported.
enum class RequestTopic { Passport, WorkAbroad, Trafficking, Other };
// When they would like the call.
enum class ContactTime { Morning, Midday, Afternoon, Any };

inline constexpr RequestTopic kAllRequestTopics[] = {RequestTopic::Passport, RequestTopic::WorkAbroad,
                                                     RequestTopic::Trafficking, RequestTopic::Other};
inline constexpr ContactTime kAllContactTimes[] = {ContactTime::Morning, ContactTime::Midday,
                                                   ContactTime::Afternoon, ContactTime::Any};

// "passport", "work-abroad", "trafficking", "other"
[[nodiscard]] std::string_view requestTopicId(RequestTopic topic);
[[nodiscard]] std::optional<RequestTopic> requestTopicFromId(std::string_view id);
// "morning", "midday", "afternoon", "any"
[[nodiscard]] std::string_view contactTimeId(ContactTime time);
[[nodiscard]] std::optional<ContactTime> contactTimeFromId(std::string_view id);

// A request that passed every check (core/form), with its values normalised.
struct CallbackRequest {
    std::string name;  // trimmed, 2–60 characters
    std::string phone; // "+628…"
    std::string dusun; // may be empty
    std::string rt;    // digits without leading zeros, may be empty
    std::string rw;    // likewise
    RequestTopic topic = RequestTopic::Other;
    ContactTime time = ContactTime::Any;
    std::string note; // at most 280 characters, may hold newlines
    Lang lang = kDefaultLang;

    bool operator==(const CallbackRequest&) const = default;
};

// A request as it lies in the store.
struct StoredRequest {
    std::int64_t id = 0;        // local, increasing, never reused on this kiosk
    std::string uid;            // unique across every kiosk: "<kiosk id>-<random UUID>"
    std::string reference;      // short, read out on the phone: "CMG-0427"
    std::int64_t createdMs = 0; // Unix time in milliseconds (UTC)
    CallbackRequest request;
};

// Why a request could not be saved. The resident sees one calm apology for all of them; the log
// (never with the personal data) and the officer see which.
enum class SaveFailure { None, Full, ReadOnly, Busy, Io, Corrupt, Unavailable, Other };
[[nodiscard]] std::string_view saveFailureText(SaveFailure failure);

struct SubmitResult {
    enum class Status { Saved, Repeated, Failed };
    Status status = Status::Failed;
    std::string reference;                   // Saved or Repeated: the reference to show
    SaveFailure failure = SaveFailure::None; // Failed: why

    [[nodiscard]] bool ok() const { return status != Status::Failed; }
};

// Where the kiosk saves requests. `submit` returns only after the request is durably on disk
// (Saved), or was already there from the same data sent within the last 10 minutes (Repeated),
// or it failed and nothing was saved. It never throws.
// What an export copies.
enum class ExportScope {
    New, // not yet collected
    All, // every request still on the kiosk, collected or not
};

// An export batch, by the id in its folder's name.
struct BatchId {
    std::string value;
    friend bool operator==(const BatchId&, const BatchId&) = default;
};

class RequestSink {
public:
    virtual ~RequestSink() = default;
    virtual SubmitResult submit(const CallbackRequest& request) = 0;
};

} // namespace kiosk
