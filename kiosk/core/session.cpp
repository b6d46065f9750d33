// A visit's state: what is still needed on a checklist, and a fresh start for the next resident.
#include "core/session.hpp"

#include <utility>

namespace kiosk {

std::vector<const ChecklistRules::Item*> missingDocuments(const ChecklistRules& rules,
                                                          const ChecklistProgress& progress)
{
    std::vector<const ChecklistRules::Item*> missing;
    for (const auto* d : rules.documentsFor(progress.asMap()))
        if (!d->optional && !progress.have.count(d->id))
            missing.push_back(d);
    return missing;
}

void Session::reset()
{
    Session next;
    next.visit = visit + 1;
    next.homeLang = homeLang;
    next.lang = homeLang;
    next.desk = std::move(desk);
    next.voice = std::move(voice);
    next.tickets = tickets;
    next.requestCheck = requestCheck;
    *this = std::move(next);
}

} // namespace kiosk
