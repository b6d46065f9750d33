// Applying a resident's actions to the session.
#include "core/session.hpp"

#include <algorithm>
#include <charconv>

namespace kiosk {

void Session::reset()
{
    const unsigned next = visit + 1;
    *this = Session{};
    visit = next;
}

void apply(Session& session, const Action& action, RequestSink* sink)
{
    FormState& form = session.form;
    ChecklistProgress& progress = session.checklist;
    const Route& here = session.nav.current();
    switch (action.kind) {
    case Action::Kind::None: break;
    case Action::Kind::Open:
        // A checklist opened afresh starts from its first question.
        if (action.route.kind == ScreenKind::Checklist && !(here == action.route))
            progress = {action.route.id, {}, {}};
        // A form opened from a topic starts with that topic chosen, unless one already was.
        if (action.route.kind == ScreenKind::Callback && !form.topic)
            form.topic = requestTopicFromId(action.route.id);
        session.nav.open(action.route);
        break;
    case Action::Kind::Back:
        if (here.kind == ScreenKind::Checklist && !progress.answers.empty()) {
            progress.answers.pop_back();
            progress.have.clear();
        } else if (here.kind == ScreenKind::Callback && form.editing) {
            form.closeKeyboard();
        } else {
            session.nav.back();
        }
        break;
    case Action::Kind::Home:
        form.closeKeyboard(); // leaving the form checks the field being edited
        session.nav.home();
        break;
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
    case Action::Kind::FormFocus:
        if (const auto field = fieldFromId(action.key))
            form.focus(*field);
        break;
    case Action::Kind::FormKey: (void)form.key(action.key); break;
    case Action::Kind::FormCaret:
        if (const auto field = fieldFromId(action.key)) {
            if (form.editing != field)
                form.focus(*field);
            std::size_t offset = 0;
            std::from_chars(action.value.data(), action.value.data() + action.value.size(), offset);
            form.setCaret(*field, offset);
        }
        break;
    case Action::Kind::FormChoose:
        form.closeKeyboard();
        if (action.key == "topic") {
            form.topic = requestTopicFromId(action.value);
            form.topicError.clear();
        } else if (action.key == "time") {
            form.time = contactTimeFromId(action.value).value_or(ContactTime::Any);
        }
        break;
    case Action::Kind::FormConsent:
        form.closeKeyboard();
        form.consent = !form.consent;
        form.consentError.clear();
        break;
    case Action::Kind::FormReview:
        form.closeKeyboard();
        if (form.check(session.lang)) {
            form.sendFailure = SaveFailure::None;
            session.nav.open(Route::callbackReview());
        }
        break;
    case Action::Kind::FormSend: {
        const auto request = form.check(session.lang);
        if (!request) { // cannot happen from the review screen; show the form with its messages
            session.nav.back();
            break;
        }
        const SubmitResult result =
            sink ? sink->submit(*request) : SubmitResult{SubmitResult::Status::Failed, {}, SaveFailure::Unavailable};
        if (!result.ok()) {
            form.sendFailure = result.failure; // the form stays filled: retry, or ask the officer
            break;
        }
        // Saved: nothing of it stays on screen but the reference.
        session.reference = result.reference;
        form = FormState{};
        session.nav.home();
        session.nav.open(Route::callbackDone());
        break;
    }
    }
}

} // namespace kiosk
