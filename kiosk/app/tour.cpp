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

// The form as a resident might fill it (synthetic data), through the same calls the keyboard makes.
FormState filledForm()
{
    FormState form;
    form.insert(Field::Name, "Siti Aminah");
    form.insert(Field::Phone, "0812 3456 7890");
    form.insert(Field::Dusun, "Krajan");
    form.insert(Field::Rt, "3");
    form.insert(Field::Rw, "5");
    form.topic = RequestTopic::WorkAbroad;
    form.time = ContactTime::Afternoon;
    form.insert(Field::Note, "Anak saya ditawari kerja di Malaysia lewat Facebook. Apakah resmi?");
    form.consent = true;
    return form;
}

void formStills(std::vector<Still>& stills)
{
    const Route form = Route::callback();
    auto still = [&](std::string name, Route route, FormState state, bool atEnd = false) {
        Still s{std::move(name), std::move(route)};
        s.form = std::move(state);
        s.atEnd = atEnd;
        stills.push_back(std::move(s));
    };
    still("callback", form, {});
    // Typing a name: capitals, the keyboard below, the field just above it.
    FormState typing;
    typing.focus(Field::Name);
    for (const char* k : {"s", "e-acute", "n", "o", "space"})
        typing.key(k);
    still("callback-keyboard-letters", form, typing);
    // The phone on the number pad, with the message of a landline left behind.
    FormState phone;
    phone.insert(Field::Name, "S\u00e9no Bagus");
    phone.focus(Field::Phone);
    for (const char* k : {"0", "2", "7", "1"})
        phone.key(k);
    phone.focus(Field::Rt);
    phone.focus(Field::Phone);
    still("callback-keyboard-numbers", form, phone);
    FormState note = filledForm();
    note.focus(Field::Note);
    still("callback-keyboard-note", form, note);
    // Asked to go on with nothing filled: every message, the first at the top.
    FormState empty;
    (void)empty.check(kDefaultLang);
    still("callback-errors", form, empty);
    still("callback-filled-end", form, filledForm(), true);
    still("callback-review", Route::callbackReview(), filledForm());
    FormState failed = filledForm();
    failed.sendFailure = SaveFailure::Full;
    still("callback-review-failed", Route::callbackReview(), failed);
    Still done{"callback-done", Route::callbackDone()};
    done.reference = "CMG-0427";
    stills.push_back(std::move(done));
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
    formStills(stills);
    stills.push_back({"idle-prompt", Route::home(), IdleTimer::Phase::Prompt, {}});
    stills.push_back({"attract", Route::home(), IdleTimer::Phase::Attract, {}});
    return stills;
}

} // namespace kiosk
