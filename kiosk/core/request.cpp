// Stable ids of request topics and contact times, and the words for a save failure in the log.
#include "core/request.hpp"

namespace kiosk {

std::string_view requestTopicId(RequestTopic topic)
{
    switch (topic) {
    case RequestTopic::Passport: return "passport";
    case RequestTopic::WorkAbroad: return "work-abroad";
    case RequestTopic::Trafficking: return "trafficking";
    case RequestTopic::Other: return "other";
    }
    return "other";
}

std::optional<RequestTopic> requestTopicFromId(std::string_view id)
{
    for (RequestTopic t : kAllRequestTopics)
        if (requestTopicId(t) == id)
            return t;
    return std::nullopt;
}

std::string_view contactTimeId(ContactTime time)
{
    switch (time) {
    case ContactTime::Morning: return "morning";
    case ContactTime::Midday: return "midday";
    case ContactTime::Afternoon: return "afternoon";
    case ContactTime::Any: return "any";
    }
    return "any";
}

std::optional<ContactTime> contactTimeFromId(std::string_view id)
{
    for (ContactTime t : kAllContactTimes)
        if (contactTimeId(t) == id)
            return t;
    return std::nullopt;
}

std::string_view saveFailureText(SaveFailure failure)
{
    switch (failure) {
    case SaveFailure::None: return "no failure";
    case SaveFailure::Full: return "the disk or database is full";
    case SaveFailure::ReadOnly: return "the database cannot be written (read-only)";
    case SaveFailure::Busy: return "the database stayed locked past the timeout";
    case SaveFailure::Io: return "input/output error";
    case SaveFailure::Corrupt: return "the database is damaged";
    case SaveFailure::Unavailable: return "the database could not be opened";
    case SaveFailure::Other: return "unexpected database error";
    }
    return "unexpected database error";
}

} // namespace kiosk
