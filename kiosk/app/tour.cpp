// The list of stills the tour renders and the tour check expects.
#include "app/tour.hpp"

namespace kiosk {

namespace {

// Every complete set of answers, in question order (skipped questions left out).
void combinations(const ChecklistRules& rules, ChecklistProgress progress,
                  std::vector<ChecklistProgress>& out)
{
    const ChecklistRules::Question* q = rules.next(progress.asMap());
    if (!q) {
        out.push_back(std::move(progress));
        return;
    }
    for (const auto& a : q->answers) {
        ChecklistProgress next = progress;
        next.answers.emplace_back(q->id, a);
        combinations(rules, std::move(next), out);
    }
}

} // namespace

std::vector<Still> tourStills(const Content& content)
{
    std::vector<Still> stills{{"home", Route::home(), IdleTimer::Phase::Active, {}}};
    for (const auto& [id, langs] : content.pages) {
        stills.push_back({id, Route::page(id), IdleTimer::Phase::Active, {}});
        stills.push_back({id + "-end", Route::page(id), IdleTimer::Phase::Active, {}, true});
    }
    for (const auto& [id, rules] : content.checklists) {
        const Route route = Route::checklist(id);
        // Each question in turn, answering each with its first answer.
        ChecklistProgress progress{id, {}, {}};
        for (int n = 1; const ChecklistRules::Question* q = rules.next(progress.asMap()); ++n) {
            stills.push_back(
                {route.screenId() + "-q" + std::to_string(n), route, IdleTimer::Phase::Active, progress});
            progress.answers.emplace_back(q->id, q->answers.front());
        }
        std::vector<ChecklistProgress> results;
        combinations(rules, {id, {}, {}}, results);
        for (std::size_t i = 0; i < results.size(); ++i) {
            ChecklistProgress& result = results[i];
            std::string name = route.screenId() + "-result";
            for (const auto& [question, answer] : result.answers)
                name += "-" + answer;
            const auto docs = rules.documentsFor(result.asMap());
            if (i == 0) // all ticked: the "ready" state
                for (const auto* d : docs)
                    result.have.insert(d->id);
            else if (i % 2 == 1 && !docs.empty())
                result.have.insert(docs.front()->id);
            stills.push_back({name, route, IdleTimer::Phase::Active, result});
            // The end of the list (fees, help) once per answer to the first question.
            if (i == 0 || result.answers.front().second != results[i - 1].answers.front().second)
                stills.push_back({name + "-end", route, IdleTimer::Phase::Active, result, true});
        }
    }
    stills.push_back({"callback", Route::callback(), IdleTimer::Phase::Active, {}});
    stills.push_back({"idle-prompt", Route::home(), IdleTimer::Phase::Prompt, {}});
    stills.push_back({"attract", Route::home(), IdleTimer::Phase::Attract, {}});
    return stills;
}

} // namespace kiosk
