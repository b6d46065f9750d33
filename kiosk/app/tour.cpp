// The list of stills the tour renders and the tour check expects.
#include "app/tour.hpp"

namespace kiosk {

std::vector<Still> tourStills(const Content& content)
{
    std::vector<Still> stills{{"home", Route::home(), IdleTimer::Phase::Active, {}}};
    for (const auto& [id, langs] : content.pages)
        stills.push_back({id, Route::page(id), IdleTimer::Phase::Active, {}});
    for (const auto& [id, rules] : content.checklists) {
        const Route route = Route::checklist(id);
        // Each question in turn, answering each with its first answer.
        ChecklistProgress progress{id, {}, {}};
        for (int n = 1; const ChecklistRules::Question* q = rules.next(progress.asMap()); ++n) {
            stills.push_back(
                {route.screenId() + "-q" + std::to_string(n), route, IdleTimer::Phase::Active, progress});
            progress.answers.emplace_back(q->id, q->answers.front());
        }
        // A result for every answer to the first question; in the first, one document ticked.
        if (rules.questions.empty())
            continue;
        for (const auto& first : rules.questions.front().answers) {
            ChecklistProgress result{id, {{rules.questions.front().id, first}}, {}};
            while (const ChecklistRules::Question* q = rules.next(result.asMap()))
                result.answers.emplace_back(q->id,
                                            q->answers.size() > 1 ? q->answers[1] : q->answers.front());
            if (&first == &rules.questions.front().answers.front())
                if (const auto docs = rules.documentsFor(result.asMap()); !docs.empty())
                    result.have.insert(docs.front()->id);
            stills.push_back(
                {route.screenId() + "-result-" + first, route, IdleTimer::Phase::Active, result});
        }
    }
    stills.push_back({"callback", Route::callback(), IdleTimer::Phase::Active, {}});
    stills.push_back({"idle-prompt", Route::home(), IdleTimer::Phase::Prompt, {}});
    stills.push_back({"attract", Route::home(), IdleTimer::Phase::Attract, {}});
    return stills;
}

} // namespace kiosk
