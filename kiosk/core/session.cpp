// Applying a resident's actions to the session.
#include "core/session.hpp"

#include <algorithm>

namespace kiosk {

void Session::reset()
{
    const unsigned next = visit + 1;
    *this = Session{};
    visit = next;
}

void apply(Session& session, const Action& action)
{
    ChecklistProgress& progress = session.checklist;
    const Route& here = session.nav.current();
    switch (action.kind) {
    case Action::Kind::None: break;
    case Action::Kind::Open:
        // A checklist opened afresh starts from its first question.
        if (action.route.kind == ScreenKind::Checklist && !(here == action.route))
            progress = {action.route.id, {}, {}};
        session.nav.open(action.route);
        break;
    case Action::Kind::Back:
        if (here.kind == ScreenKind::Checklist && !progress.answers.empty()) {
            progress.answers.pop_back();
            progress.have.clear();
        } else {
            session.nav.back();
        }
        break;
    case Action::Kind::Home: session.nav.home(); break;
    case Action::Kind::SetLang: session.lang = action.lang; break;
    case Action::Kind::Answer: {
        // Answering again replaces that answer and everything after it.
        auto& a = progress.answers;
        const auto it =
            std::find_if(a.begin(), a.end(), [&](const auto& qa) { return qa.first == action.key; });
        a.erase(it, a.end());
        a.emplace_back(action.key, action.value);
        progress.have.clear();
        break;
    }
    case Action::Kind::ToggleHave:
        if (!progress.have.erase(action.key))
            progress.have.insert(action.key);
        break;
    case Action::Kind::RestartChecklist: progress = {progress.id, {}, {}}; break;
    }
}

} // namespace kiosk
