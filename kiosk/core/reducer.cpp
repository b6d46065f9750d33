// Applying intents to the session: every tap, every service's answer, one function per intent.
#include "core/reducer.hpp"

#include "core/speech.hpp"

#include <algorithm>
#include <utility>

namespace kiosk {
namespace {

// What a reading belongs to: the visit, the screen and its language (a checklist's step is in the
// script's key).
std::string readingPlace(const Session& s)
{
    return std::to_string(s.visit) + "/" + s.nav.current().screenId() + "/" + std::string(langCode(s.lang));
}

class Reducer {
public:
    Reducer(Session& session, const World* world, Effects& effects)
        : m_s(session), m_world(world), m_fx(effects)
    {
    }

    // --- Going about the kiosk ---
    void operator()(const intent::Open& i)
    {
        const Route& here = m_s.nav.current();
        const std::string before = here.screenId();
        // A checklist (of either kind) opened afresh starts from its first question.
        if (i.route.isChecklist() && !(here == i.route))
            m_s.checklist = {i.route.id, {}, {}};
        // The company search opened afresh starts empty, with the keyboard ready.
        if (i.route.kind == ScreenKind::Recruiter && !(here == i.route))
            m_s.search = {};
        // So does the check of a request: nothing of an earlier look-up shows.
        if (i.route.kind == ScreenKind::StatusCheck && !(here == i.route))
            m_s.status = {};
        // A form opened from a topic starts with that topic chosen, unless one already was.
        if (i.route.kind == ScreenKind::Callback && !m_s.form.topic) {
            m_s.form.topic = requestTopicFromId(i.route.id);
            warnOfDanger();
        }
        m_s.nav.open(i.route);
        // Anonymous usage: a guidance screen, checklist or form opened (not returned to).
        const Route& now = m_s.nav.current();
        const bool counted = now.kind == ScreenKind::Page || now.isChecklist() ||
                             now.kind == ScreenKind::Recruiter || now.kind == ScreenKind::Callback ||
                             now.kind == ScreenKind::StatusCheck;
        if (counted && now.screenId() != before)
            m_fx.push_back(effect::CountView{now.screenId(), m_s.lang});
    }
    void operator()(const intent::Back&)
    {
        const Route& here = m_s.nav.current();
        if (here.officer())
            leaveOfficer();
        else if (here.isChecklist() && !m_s.checklist.answers.empty()) {
            m_s.checklist.answers.pop_back();
            m_s.checklist.have.clear();
        } else if (here.kind == ScreenKind::Callback && m_s.form.editing) {
            m_s.form.closeKeyboard();
        } else if (here.kind == ScreenKind::Recruiter && m_s.search.typing &&
                   !m_s.search.query.text.empty()) {
            m_s.search.typing = false;
        } else if (here.kind == ScreenKind::StatusCheck && m_s.status.typing &&
                   !m_s.status.reference.text.empty()) {
            m_s.status.typing = false;
        } else {
            m_s.nav.back();
        }
    }
    void operator()(const intent::Home&)
    {
        m_s.form.closeKeyboard(); // leaving the form checks the field being edited
        if (m_s.nav.current().officer())
            leaveOfficer();
        m_s.nav.home();
    }
    void operator()(const intent::SetLang& i) { m_s.lang = i.lang; }
    void operator()(const intent::ToggleLargeText&) { m_s.largeText = !m_s.largeText; }
    void operator()(const intent::Listen&)
    {
        if (!m_world)
            return;
        // A second tap stops; a tap elsewhere starts reading this screen.
        const auto script =
            screenScript(m_world->content, m_world->contacts, m_world->callback, m_s, m_world->statuses);
        if (!script)
            return;
        if (!m_s.voice.reading.empty() && m_s.voice.reading == script->key) {
            m_fx.push_back(effect::StopReading{});
            return;
        }
        m_fx.push_back(effect::ReadAloud{*script});
        m_fx.push_back(
            effect::CountView{std::string(kListenPrefix) + m_s.nav.current().screenId(), m_s.lang});
    }

    // --- The checklists: the passport's documents, the job offer's warning signs ---
    void operator()(const intent::Answer& i)
    {
        // Answering again replaces that answer and everything after it.
        auto& a = m_s.checklist.answers;
        const auto it =
            std::find_if(a.begin(), a.end(), [&](const auto& qa) { return qa.first == i.question; });
        a.erase(it, a.end());
        a.emplace_back(i.question, i.answer);
        m_s.checklist.have.clear();
    }
    void operator()(const intent::ToggleHave& i)
    {
        if (!m_s.checklist.have.erase(i.document))
            m_s.checklist.have.insert(i.document);
    }
    void operator()(const intent::RestartChecklist&) { m_s.checklist = {m_s.checklist.id, {}, {}}; }

    // --- The company search ---
    void operator()(const intent::FocusSearch&) { m_s.search.open(); }
    void operator()(const intent::ChooseCompany& i)
    {
        m_s.search.chosen = i.name;
        m_s.search.typing = false;
    }
    void operator()(const intent::AskAbout& i)
    {
        (*this)(intent::Open{Route::callback(std::string(requestTopicId(i.topic)))});
        FieldText& note = m_s.form.at(Field::Note);
        if (i.note.empty() || note.text.find(i.note) != std::string::npos)
            return;
        note.caret = note.text.size();
        (void)m_s.form.insert(Field::Note, note.text.empty() ? i.note : "\n" + i.note);
    }

    // --- "Cek permintaan saya" ---
    void operator()(const intent::FocusReference&) { m_s.status.open(); }
    void operator()(const intent::CheckReference&)
    {
        StatusLookup& lookup = m_s.status;
        lookup.notice.clear();
        const StatusBook* book = m_world ? m_world->statuses : nullptr;
        if (!hasNews(book))
            return; // the screen says the office has sent no news yet
        if (normaliseReference(lookup.reference.text).empty()) {
            lookup.notice = "status.notice.empty";
            lookup.typing = true;
            return;
        }
        if (!m_s.requestCheck.mayTry(m_world->now))
            return; // the screen counts the wait down
        lookup.typing = false;
        lookup.asked = lookup.reference.text;
        if (const StatusEntry* entry = findStatus(*book, lookup.reference.text)) {
            lookup.outcome = StatusLookup::Outcome::Found;
            lookup.found = *entry;
            m_s.requestCheck.right(m_world->now);
        } else {
            lookup.outcome = StatusLookup::Outcome::Unknown;
            lookup.found.reset();
            m_s.requestCheck.wrong(m_world->now);
        }
    }

    // --- The callback form ---
    void operator()(const intent::FocusField& i) { m_s.form.focus(i.field); }
    // The keys go to the company search or the reference on their screens, else to the form.
    void operator()(const intent::PressKey& i)
    {
        const ScreenKind kind = m_s.nav.current().kind;
        if (kind == ScreenKind::Recruiter)
            (void)m_s.search.key(i.key);
        else if (kind == ScreenKind::StatusCheck) {
            // Done checks what was typed (or says nothing was).
            if (m_s.status.key(i.key) == KeyResult::Typed && (i.key == Key::Done || i.key == Key::Next))
                (*this)(intent::CheckReference{});
        } else
            (void)m_s.form.key(i.key);
    }
    void operator()(const intent::MoveCaret& i)
    {
        if (m_s.form.editing != i.field)
            m_s.form.focus(i.field);
        m_s.form.setCaret(i.field, i.offset);
    }
    void operator()(const intent::ChooseTopic& i)
    {
        m_s.form.closeKeyboard();
        m_s.form.topic = i.topic;
        m_s.form.topicError.clear();
        warnOfDanger();
    }
    void operator()(const intent::ContinueRequest&)
    {
        m_s.form.dangerCard = false;
        m_s.form.scrollTo = "topic";
        ++m_s.form.scrollRequest;
    }
    void operator()(const intent::ChooseTime& i)
    {
        m_s.form.closeKeyboard();
        m_s.form.time = i.time;
    }
    void operator()(const intent::ToggleConsent&)
    {
        m_s.form.closeKeyboard();
        m_s.form.consent = !m_s.form.consent;
        m_s.form.consentError.clear();
    }
    void operator()(const intent::Review&)
    {
        m_s.form.closeKeyboard();
        if (m_s.form.check(m_s.lang)) {
            m_s.form.sendFailure = SaveFailure::None;
            m_s.nav.open(Route::callbackReview());
        }
    }
    void operator()(const intent::Send&)
    {
        FormState& form = m_s.form;
        if (form.saving)
            return; // one save at a time; its answer decides what comes next
        auto request = form.check(m_s.lang);
        if (!request) { // cannot happen from the review screen; show the form with its messages
            m_s.nav.back();
            return;
        }
        form.saving = ++m_s.tickets;
        m_fx.push_back(effect::SaveRequest{*form.saving, std::move(*request)});
    }
    void operator()(const intent::RequestSaved& i)
    {
        if (m_s.form.saving != i.ticket)
            return; // for a visit that is over: the request is on disk all the same
        // Saved: nothing of it stays on screen but the reference.
        m_s.reference = i.reference;
        m_s.form = FormState{};
        m_s.nav.home();
        m_s.nav.open(Route::callbackDone());
    }
    void operator()(const intent::RequestNotSaved& i)
    {
        if (m_s.form.saving != i.ticket)
            return;
        m_s.form.saving.reset();
        m_s.form.sendFailure = i.failure; // the form stays filled: retry, or ask the officer
    }

    // --- Officer mode ---
    void operator()(const intent::OpenOfficer&)
    {
        if (m_s.nav.current().officer())
            return;
        m_s.form.closeKeyboard();
        m_s.officer = OfficerSession{};
        // Until the desk knows, ask for the PIN; "no PIN yet" then turns it into making one.
        if (m_s.desk && m_s.desk->hasPin == false)
            m_s.officer.step = OfficerSession::Step::NewPin;
        m_s.nav.home();
        m_s.nav.open(Route::officerPin());
    }
    void operator()(const intent::PressPinDigit& i)
    {
        OfficerSession& officer = m_s.officer;
        if (!onPinPad() || officer.waiting || i.digit < 0 || i.digit > 9 ||
            officer.digits.size() >= kPinMaxDigits)
            return;
        if (officer.digits.empty())
            officer.message.clear(); // a new attempt: the last answer has been read
        officer.digits += static_cast<char>('0' + i.digit);
    }
    void operator()(const intent::ErasePinDigit&)
    {
        OfficerSession& officer = m_s.officer;
        if (onPinPad() && !officer.waiting && !officer.digits.empty())
            officer.digits.pop_back();
    }
    void operator()(const intent::SubmitPin&);
    void operator()(const intent::PinChecked& i);
    void operator()(const intent::ExportBatches& i)
    {
        if (!onDashboard())
            return;
        m_s.officer.plainExport.reset();
        if (plainNeedsYes())
            m_s.officer.plainExport = ExportAsk{i.scope, i.again, false}; // the export card asks
        else
            m_fx.push_back(effect::StartExport{i.scope, i.again, false});
    }
    void operator()(const intent::ConfirmPlainExport&)
    {
        if (!onDashboard() || !m_s.officer.plainExport)
            return;
        const ExportAsk ask = *std::exchange(m_s.officer.plainExport, std::nullopt);
        m_fx.push_back(effect::StartExport{ask.scope, ask.again, true});
    }
    void operator()(const intent::CancelPlainExport&) { m_s.officer.plainExport.reset(); }
    void operator()(const intent::ChangeSetting& i)
    {
        if (onDashboard())
            m_fx.push_back(effect::ChangeSetting{i.change});
    }
    void operator()(const intent::ChangeContent& i)
    {
        if (onDashboard())
            m_fx.push_back(effect::ChangeContent{i.change});
    }
    void operator()(const intent::TakeStatusPack&)
    {
        if (onDashboard())
            m_fx.push_back(effect::TakeStatusPack{});
    }
    void operator()(const intent::Logout&)
    {
        if (m_s.officer.loggedIn)
            m_fx.push_back(effect::CloseDesk{});
        m_s.reset();
        m_fx.push_back(effect::Sleep{});
    }
    void operator()(const intent::DeskChanged& i) { m_s.desk = i.snapshot; }

    // --- The kiosk itself ---
    void operator()(const intent::IdleTimeout&)
    {
        if (m_s.nav.current().officer() && m_s.officer.loggedIn)
            m_fx.push_back(effect::CloseDesk{});
        m_fx.push_back(effect::StopReading{});
        m_s.reset();
    }
    void operator()(const intent::FrameFailed&)
    {
        if (m_s.nav.current().officer()) { // officer mode closes with its screens
            if (m_s.officer.loggedIn)
                m_fx.push_back(effect::CloseDesk{});
            m_s.officer = OfficerSession{};
        }
        m_fx.push_back(effect::StopReading{}); // the screen being read is gone
        m_s.nav.home();
    }
    void operator()(const intent::VoiceChanged& i) { m_s.voice = i.view; }

private:
    [[nodiscard]] bool onPinPad() const { return m_s.nav.current().kind == ScreenKind::OfficerPin; }
    [[nodiscard]] bool onDashboard() const
    {
        return m_s.nav.current().kind == ScreenKind::OfficerDashboard && m_s.officer.loggedIn;
    }
    // A trafficking report is about to be written: first the numbers to call if someone is in danger
    // now, once a visit.
    void warnOfDanger()
    {
        FormState& form = m_s.form;
        if (form.topic == RequestTopic::Trafficking && !form.dangerSeen) {
            form.closeKeyboard();
            form.dangerCard = true;
            form.dangerSeen = true;
        }
    }
    // A copy would leave residents' data unencrypted: no office key, none that failed to be read, and
    // this kiosk allows such copies. The officer must say yes first. (Where they are not allowed, the
    // desk refuses the copy and says why.)
    [[nodiscard]] bool plainNeedsYes() const
    {
        if (!m_s.desk)
            return false; // the desk cannot copy before it answered; it refuses an unconfirmed plain copy
        const OfficerDashboard& d = m_s.desk->dashboard;
        return !d.encrypted && d.keyProblem.empty() && d.plainAllowed;
    }
    // Leaving officer mode by Back or Home: the desk stops watching, nothing of the PIN stays.
    void leaveOfficer()
    {
        if (m_s.officer.loggedIn)
            m_fx.push_back(effect::CloseDesk{});
        m_s.officer = OfficerSession{};
        m_s.nav.home();
    }
    void sendPin(bool isNew)
    {
        OfficerSession& officer = m_s.officer;
        officer.attempt = ++m_s.tickets;
        officer.waiting = true;
        m_fx.push_back(effect::CheckPin{officer.attempt, officer.digits, isNew});
    }

    Session& m_s;
    const World* m_world;
    Effects& m_fx;
};

void Reducer::operator()(const intent::SubmitPin&)
{
    OfficerSession& officer = m_s.officer;
    if (!onPinPad() || officer.waiting)
        return;
    if (officer.digits.size() < kPinMinDigits) {
        officer.message = "officer.pin.short";
        return;
    }
    switch (officer.step) {
    case OfficerSession::Step::EnterPin: sendPin(false); break;
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
        sendPin(true);
        break;
    }
}

// The desk's answer to the PIN that was sent. Ignored unless the PIN pad still waits for it (the
// officer may have gone Home meanwhile).
void Reducer::operator()(const intent::PinChecked& i)
{
    const PinAnswer& answer = i.answer;
    OfficerSession& officer = m_s.officer;
    if (!officer.waiting || answer.attempt != officer.attempt || !onPinPad())
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
        m_s.form.closeKeyboard();
        m_s.nav.home();
        m_s.nav.open(Route::officerDashboard());
        m_fx.push_back(effect::OpenDesk{});
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

} // namespace

Effects apply(Session& session, const Intent& intent, const World* world)
{
    Effects effects;
    const std::string place = readingPlace(session);
    const bool reading = !session.voice.reading.empty();
    std::visit(Reducer(session, world, effects), intent);
    // A reading whose screen is gone (another screen, language, visit) ends with it.
    const bool stopping = std::any_of(effects.begin(), effects.end(), [](const Effect& e) {
        return std::holds_alternative<effect::StopReading>(e);
    });
    if (reading && !stopping && readingPlace(session) != place)
        effects.push_back(effect::StopReading{});
    return effects;
}

} // namespace kiosk
