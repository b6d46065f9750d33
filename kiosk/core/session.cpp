// Applying a resident's actions to the session.
#include "core/session.hpp"

#include <algorithm>
#include <charconv>
#include <utility>

namespace kiosk {

std::vector<std::string> missingDocuments(const ChecklistRules& rules, const ChecklistText& words,
                                          const ChecklistProgress& progress)
{
    std::vector<std::string> missing;
    for (const auto* d : rules.documentsFor(progress.asMap()))
        if (!d->optional && !progress.have.count(d->id)) {
            const auto it = words.documents.find(d->id);
            missing.push_back(it != words.documents.end() ? it->second.name : d->id);
        }
    return missing;
}

void Session::reset()
{
    const unsigned next = visit + 1;
    const Lang home = homeLang;
    *this = Session{};
    visit = next;
    homeLang = home;
    lang = home;
}

namespace {

// Leaving officer mode by Back or Home: the desk stops watching, nothing of the PIN stays.
void leaveOfficer(Session& session, OfficerDesk* desk)
{
    if (session.officer.loggedIn && desk)
        desk->close();
    session.officer = OfficerSession{};
    session.nav.home();
}

void pinKey(OfficerSession& officer, const std::string& key)
{
    if (officer.waiting)
        return;
    if (key == "backspace") {
        if (!officer.digits.empty())
            officer.digits.pop_back();
        return;
    }
    if (key.size() != 1 || key[0] < '0' || key[0] > '9' || officer.digits.size() >= kPinMaxDigits)
        return;
    if (officer.digits.empty())
        officer.message.clear(); // a new attempt: the last answer has been read
    officer.digits += key;
}

void pinOk(OfficerSession& officer, OfficerDesk* desk)
{
    if (officer.waiting)
        return;
    if (officer.digits.size() < kPinMinDigits) {
        officer.message = "officer.pin.short";
        return;
    }
    if (!desk) {
        officer.digits.clear();
        officer.message = "officer.pin.failed";
        return;
    }
    switch (officer.step) {
    case OfficerSession::Step::EnterPin:
        officer.attempt = desk->sendPin(officer.digits, false);
        officer.waiting = true;
        break;
    case OfficerSession::Step::NewPin:
        officer.firstPin = std::exchange(officer.digits, {});
        officer.step = OfficerSession::Step::ConfirmPin;
        officer.message.clear();
        break;
    case OfficerSession::Step::ConfirmPin:
        if (officer.digits != officer.firstPin) {
            officer.digits.clear();
            officer.firstPin.clear();
            officer.step = OfficerSession::Step::NewPin;
            officer.message = "officer.pin.mismatch";
            break;
        }
        officer.attempt = desk->sendPin(officer.digits, true);
        officer.waiting = true;
        break;
    }
}

} // namespace

void applyPinAnswer(Session& session, const PinAnswer& answer, OfficerDesk* desk)
{
    OfficerSession& officer = session.officer;
    if (!officer.waiting || answer.attempt != officer.attempt ||
        session.nav.current().kind != ScreenKind::OfficerPin)
        return;
    officer.waiting = false;
    officer.digits.clear();
    officer.firstPin.clear();
    officer.messageNumber = 0;
    switch (answer.status) {
    case PinAnswer::Status::Ok:
    case PinAnswer::Status::PinSet:
        officer = OfficerSession{};
        officer.loggedIn = true;
        session.form.closeKeyboard();
        session.nav.home();
        session.nav.open(Route::officerDashboard());
        if (desk)
            desk->openDashboard();
        break;
    case PinAnswer::Status::Wrong:
        officer.message = "officer.pin.wrong";
        officer.messageNumber = std::max(1, kPinTriesBeforeLock - answer.failures);
        break;
    case PinAnswer::Status::Locked:
        officer.message = "officer.pin.locked";
        officer.messageNumber = (answer.secondsLeft + 59) / 60; // whole minutes, rounded up
        break;
    case PinAnswer::Status::NoPin:
        officer.step = OfficerSession::Step::NewPin;
        officer.message = "officer.pin.none";
        break;
    case PinAnswer::Status::PinExists:
        officer.step = OfficerSession::Step::EnterPin;
        officer.message = "officer.pin.exists";
        break;
    case PinAnswer::Status::Failed:
        officer.step = OfficerSession::Step::EnterPin;
        officer.message = "officer.pin.failed";
        break;
    }
}

void apply(Session& session, const Action& action, RequestSink* sink, OfficerDesk* desk)
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
        if (here.officer())
            leaveOfficer(session, desk);
        else if (here.kind == ScreenKind::Checklist && !progress.answers.empty()) {
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
        if (here.officer())
            leaveOfficer(session, desk);
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
    case Action::Kind::OfficerOpen: {
        if (here.officer())
            break;
        form.closeKeyboard();
        session.officer = OfficerSession{};
        // Until the desk knows, ask for the PIN; "no PIN yet" then turns it into making one.
        if (desk && desk->snapshot()->hasPin == false)
            session.officer.step = OfficerSession::Step::NewPin;
        session.nav.home();
        session.nav.open(Route::officerPin());
        break;
    }
    case Action::Kind::OfficerPinKey:
        if (here.kind == ScreenKind::OfficerPin)
            pinKey(session.officer, action.key);
        break;
    case Action::Kind::OfficerPinOk:
        if (here.kind == ScreenKind::OfficerPin)
            pinOk(session.officer, desk);
        break;
    case Action::Kind::OfficerExport:
        if (here.kind == ScreenKind::OfficerDashboard && session.officer.loggedIn && desk) {
            const ExportWhat what = action.key == "all"     ? ExportWhat::All
                                    : action.key == "again" ? ExportWhat::Again
                                                            : ExportWhat::New;
            desk->startExport(what, action.value);
        }
        break;
    case Action::Kind::OfficerLogout:
        if (session.officer.loggedIn && desk)
            desk->close();
        session.reset();
        break;
    case Action::Kind::OfficerSetting:
        if (here.kind == ScreenKind::OfficerDashboard && session.officer.loggedIn && desk)
            desk->changeSetting(action.key, action.value);
        break;
    case Action::Kind::OfficerContent:
        if (here.kind == ScreenKind::OfficerDashboard && session.officer.loggedIn && desk)
            desk->changeContent(action.key == "rollback");
        break;
    case Action::Kind::Listen: break; // the shell's voice reads; the session does not change
    case Action::Kind::TextSize: session.largeText = !session.largeText; break;
    }
}

} // namespace kiosk
