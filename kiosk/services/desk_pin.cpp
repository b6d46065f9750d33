// Checking and storing officer PINs for the desk, in the store's terms.
#include "services/desk_pin.hpp"

#include "store/officer.hpp"

#include <exception>

namespace kiosk::desk {
namespace {

PinAnswer::Status statusOf(store::PinCheck::Status status)
{
    switch (status) {
    case store::PinCheck::Status::Ok: return PinAnswer::Status::Ok;
    case store::PinCheck::Status::Wrong: return PinAnswer::Status::Wrong;
    case store::PinCheck::Status::Locked: return PinAnswer::Status::Locked;
    case store::PinCheck::Status::NoPin: return PinAnswer::Status::NoPin;
    }
    return PinAnswer::Status::Failed;
}

} // namespace

PinReply answerPin(store::Db* db, const Clock& clock, std::ostream& log, const std::string& pin, bool isNew,
                   std::uint64_t attempt)
{
    PinReply reply;
    PinAnswer& answer = reply.answer;
    answer.attempt = attempt;
    if (!db)
        return reply; // Failed
    try {
        store::OfficerAccess access(*db, clock);
        if (isNew) {
            // A new PIN only where none exists (one may have been set from a terminal since).
            if (access.hasPin()) {
                answer.status = PinAnswer::Status::PinExists;
            } else {
                access.setPin(pin);
                answer.status = PinAnswer::Status::PinSet;
            }
        } else {
            const store::PinCheck check = access.check(pin);
            answer.status = statusOf(check.status);
            answer.failures = check.failures;
            answer.secondsLeft = check.secondsLeft;
        }
        reply.hasPin = access.hasPin();
    } catch (const std::exception& e) {
        log << "kiosk: officer desk: the PIN could not be checked: " << e.what() << "\n";
        answer.status = PinAnswer::Status::Failed;
    }
    return reply;
}

} // namespace kiosk::desk
