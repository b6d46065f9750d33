// The list of stills the tour renders and the tour check expects.
#include "shell/tour.hpp"

#include "core/takehome.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <system_error>
#include <utility>

namespace kiosk {

void Stage::show(const Still& still, Lang lang)
{
    m_phase = still.phase;
    m_attractStep = still.attractStep;
    m_partners = still.partners;
    m_logo = still.logo;
    m_checkWait = still.checkWaitSeconds;
    m_atEnd = still.atEnd;
    m_scrollTo = still.scrollTo;
    m_scrolled = false;
    Session s;
    s.homeLang = m_shell.session().homeLang;
    // A review or confirmation sits on top of the form, as it would after the resident's taps.
    if (still.route.kind == ScreenKind::CallbackReview)
        s.nav.open(Route::callback());
    // A QR code to take home sits on its page or checklist.
    if (still.route.kind == ScreenKind::TakeHome)
        s.nav.open(still.route.takenFrom());
    s.nav.open(still.route);
    s.lang = lang;
    s.checklist = still.progress;
    s.form = still.form;
    s.search = still.search;
    s.status = still.status;
    s.reference = still.reference;
    s.officer = still.officerSession;
    s.desk = still.officer;
    s.voice = still.voice.value_or(VoiceView{});
    s.largeText = still.largeText;
    if (still.voice && still.readingSentence >= 0) {
        // Read aloud up to this sentence: the Stop button, and the highlight where it can follow.
        if (const auto script = screenScript(m_shell.content(), m_shell.config().contacts,
                                             m_shell.config().callbackPromise(), s, still.statuses.get())) {
            s.voice.reading = script->key;
            const auto i = static_cast<std::size_t>(still.readingSentence);
            if (script->highlights() && i < script->sentences.size())
                s.voice.spot = script->sentences[i].spot;
        }
    }
    m_shell.useTheme(still.theme);
    m_shell.setStatusBook(still.statuses);
    m_shell.show(std::move(s));
}

void Stage::direct(FrameView& view, const UiMap& last, float windowHeight)
{
    view.phase = m_phase;
    view.promptSecondsLeft = 12;
    view.checkWaitSeconds = m_checkWait;
    view.attractStep = m_attractStep;
    if (m_partners)
        view.partners = *m_partners;
    if (m_logo)
        view.logo = *m_logo;
    // An "end" screen asks for more scroll than any page has; the content area stops at its end.
    if (m_atEnd)
        view.scroll = 1e6f;
    // A widget to show: scrolled until it is two thirds down the window (what leads to it above it),
    // by how far it is from there as the last frame drew it; while it is out of sight (not in the
    // map), on down by most of a window, so that it cannot be passed. An area of words instead (a
    // dashboard card's section) is read whole: in the middle of the window. Every other frame: a
    // scroll shows in the frame after the one that asks for it.
    if (!m_scrollTo.empty() && !std::exchange(m_scrolled, false)) {
        const WidgetBox* w = last.find(m_scrollTo);
        float at = windowHeight * 2 / 3;
        if (!w && (w = last.area(m_scrollTo)))
            at = windowHeight / 2;
        view.scroll = w ? w->centerY() - at : windowHeight * 0.8f;
        m_scrolled = true;
    }
}

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

// Whether `a` and `b` differ in their first `n` answers.
bool differInFirst(const ChecklistProgress& a, const ChecklistProgress& b, std::size_t n)
{
    const auto first = [n](const ChecklistProgress& p) {
        return std::vector(p.answers.begin(),
                           p.answers.begin() + static_cast<std::ptrdiff_t>(std::min(n, p.answers.size())));
    };
    return first(a) != first(b);
}

// A sign checklist's results: too many ways through to picture each, so those that show its kinds
// of result — no sign, one grave sign alone, the most signs none of them grave, and the most signs
// of all — each also at its end (the numbers to call, the next steps, help).
void signResultStills(const ChecklistRules& rules, const Route& route, std::vector<Still>& stills)
{
    std::vector<ChecklistProgress> results;
    combinations(rules, {rules.id, {}, {}}, results);
    const ChecklistProgress* none = nullptr;
    const ChecklistProgress* grave = nullptr;
    const ChecklistProgress* several = nullptr;
    const ChecklistProgress* all = nullptr;
    std::size_t severalCount = 0, allCount = 0;
    for (const ChecklistProgress& result : results) {
        const auto signs = rules.signsFor(result.asMap());
        const bool anyGrave =
            std::any_of(signs.begin(), signs.end(), [](const auto* sign) { return sign->grave; });
        if (signs.empty() && !none)
            none = &result;
        if (signs.size() == 1 && anyGrave && !grave)
            grave = &result;
        if (!anyGrave && signs.size() > severalCount) {
            several = &result;
            severalCount = signs.size();
        }
        if (signs.size() > allCount) {
            all = &result;
            allCount = signs.size();
        }
    }
    const std::pair<const char*, const ChecklistProgress*> chosen[] = {
        {"none", none}, {"grave", grave}, {"several", severalCount > 1 ? several : nullptr}, {"all", all}};
    for (const auto& [name, result] : chosen)
        if (result) {
            const std::string still = route.screenId() + "-result-" + name;
            stills.push_back({still, route, IdleTimer::Phase::Active, *result});
            stills.push_back({still + "-end", route, IdleTimer::Phase::Active, *result, true});
        }
    // The numbers to call now, under a grave sign, and the next steps after them.
    if (grave) {
        Still numbers{route.screenId() + "-result-grave-numbers", route, IdleTimer::Phase::Active, *grave};
        numbers.scrollTo = "help.number.sapa";
        stills.push_back(std::move(numbers));
    }
}

// Every checklist: each question in turn (answered with its first answer), then every complete
// set of answers of a document checklist, some with documents ticked, or a sign checklist's kinds
// of result. Returns the names of the question stills.
std::vector<std::string> checklistStills(const Content& content, std::vector<Still>& stills)
{
    std::vector<std::string> questions;
    for (const auto& [id, rules] : content.checklists) {
        const Route route = routeTo(rules);
        ChecklistProgress progress{id, {}, {}};
        for (int n = 1; const ChecklistRules::Question* q = rules.next(progress.asMap()); ++n) {
            questions.push_back(route.screenId() + "-q" + std::to_string(n));
            stills.push_back({questions.back(), route, IdleTimer::Phase::Active, progress});
            progress.answers.emplace_back(q->id, q->answers.front());
        }
        if (rules.kind == ChecklistKind::Signs) {
            signResultStills(rules, route, stills);
            continue;
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
            // The end of the list (fees, source and date, help) once per answer to each of the
            // first two questions.
            if (i == 0 || differInFirst(result, results[i - 1], 2))
                stills.push_back({name + "-end", route, IdleTimer::Phase::Active, result, true});
        }
    }
    return questions;
}

// Take it home: the QR code of every page that has something to take home, and of each checklist's
// longest result (its first document ticked), the most a code has to hold.
void takeHomeStills(const Content& content, std::vector<Still>& stills)
{
    for (const auto& [id, langs] : content.pages)
        if (const Page* page = content.page(id, kDefaultLang);
            page && offeredToTakeHome(pageTakeHome(*page, content, kDefaultLang, {})))
            stills.push_back({"takehome-" + id, Route::takeHome(Route::page(id))});
    for (const auto& [id, rules] : content.checklists) {
        const ChecklistText* words = content.checklistText(id, kDefaultLang);
        if (!words || rules.kind != ChecklistKind::Documents)
            continue;
        std::size_t longest = 0;
        ChecklistProgress chosen{id, {}, {}};
        for (const Answers& answers : everyAnswerSet(rules)) {
            ChecklistProgress p{id, {}, {}};
            for (const auto* q : rules.asked(answers))
                p.answers.emplace_back(q->id, answers.at(q->id));
            if (const auto docs = rules.documentsFor(answers); !docs.empty())
                p.have.insert(docs.front()->id);
            const std::size_t bytes =
                checklistTakeHome(rules, *words, answers, p.have, content, kDefaultLang).size();
            if (bytes > longest) {
                longest = bytes;
                chosen = std::move(p);
            }
        }
        const Route route = Route::checklist(id);
        stills.push_back({"takehome-" + route.screenId(), Route::takeHome(route), IdleTimer::Phase::Active,
                          std::move(chosen)});
    }
}

// The company search with the list this content holds. The shipped list is empty: the screen says
// so. A list with companies: the keyboard ready, a name typed without "PT" and with a letter wrong,
// a company chosen, a sanctioned one, and a name the list does not have.
void recruiterStills(const Content& content, std::vector<Still>& stills)
{
    const Route route = Route::recruiter();
    const auto& companies = content.registry.companies;
    auto still = [&](std::string name, const std::string& typed, bool typing, const std::string& chosen = {},
                     bool atEnd = false) {
        Still s{std::move(name), route};
        s.search.query.text = typed;
        s.search.query.caret = s.search.query.text.size();
        s.search.typing = typing;
        s.search.chosen = chosen;
        s.atEnd = atEnd;
        stills.push_back(std::move(s));
    };
    if (companies.empty()) {
        still("recruiter", "", false);
        still("recruiter-end", "", false, {}, true);
        return;
    }
    still("recruiter", "", true);
    const auto active = std::find_if(companies.begin(), companies.end(), [](const Company& c) {
        return c.status == CompanyStatus::Active && nameWords(c.name).size() >= 2;
    });
    if (active != companies.end()) {
        // Its words without "PT", the second letter of the first word doubled, the last word cut short.
        std::string typed = normalisedName(active->name);
        typed.insert(1, 1, typed[1]);
        typed.resize(typed.size() - 2);
        still("recruiter-found", typed, true);
        still("recruiter-chosen", typed, false, active->name);
        still("recruiter-chosen-end", typed, false, active->name, true);
    }
    const auto sanctioned = std::find_if(companies.begin(), companies.end(), [](const Company& c) {
        return c.status == CompanyStatus::Sanctioned;
    });
    if (sanctioned != companies.end())
        still("recruiter-sanctioned", sanctioned->name, false);
    still("recruiter-not-found", "Wqx Zyvo Qurtaz", false);
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
    for (const Key k : {Key::S, Key::EAcute, Key::N, Key::O, Key::Space})
        typing.key(k);
    still("callback-keyboard-letters", form, typing);
    // The phone on the number pad, with the message of a landline left behind.
    FormState phone;
    phone.insert(Field::Name, "S\u00e9no Bagus");
    phone.focus(Field::Phone);
    for (const Key k : {Key::Digit0, Key::Digit2, Key::Digit7, Key::Digit1})
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
    // Trafficking chosen: the numbers to call if someone is in danger, before the request.
    FormState danger;
    danger.topic = RequestTopic::Trafficking;
    danger.dangerCard = danger.dangerSeen = true;
    still("callback-danger", Route::callback("trafficking"), danger);
    still("callback-filled-end", form, filledForm(), true);
    still("callback-review", Route::callbackReview(), filledForm());
    FormState failed = filledForm();
    failed.sendFailure = SaveFailure::Full;
    still("callback-review-failed", Route::callbackReview(), failed);
    Still done{"callback-done", Route::callbackDone()};
    done.reference = "CMG-0427";
    stills.push_back(std::move(done));
}

// A dashboard as an officer might find it after a few weeks (synthetic figures).
std::shared_ptr<OfficerSnapshot> sampleDesk()
{
    auto desk = std::make_shared<OfficerSnapshot>();
    desk->hasPin = true;
    OfficerDashboard& d = desk->dashboard;
    const Millis now = 1'795'946'400'000; // 2026-11-29
    const Millis day = 86'400'000;
    d.loaded = true;
    d.readAtMs = now;
    d.fresh = {4, 7, 2, 1};
    d.collected = {10, 13, 3, 2};
    d.oldestFreshMs = now - 3 * day - 7'200'000;
    d.batches = {{"9f3c2a71d0", now - 6 * day, 18, "KANTOR IMIGRASI", true},
                 {"41be07c9aa", now - 13 * day, 10, "DISNAKER", true}};
    d.audit = {{now - 60'000, "officer-login-ok", ""},
               {now - 2 * day, "settings", "volume: 80 -> 90"},
               {now - 6 * day, "export", "batch=9f3c2a71d0 count=18 marked=18 sealed=yes"},
               {now - 6 * day - 60'000, "officer-login-ok", ""},
               {now - 6 * day - 120'000, "officer-login-failed", "failures=1"},
               {now - 9 * day, "content-loaded", "version=3b9d0c41f2a7"},
               {now - 13 * day, "export", "batch=41be07c9aa count=10 marked=10 sealed=yes"}};
    for (int i = 0; i < 4; ++i) {
        const std::string date = "2026-11-" + std::to_string(29 - i);
        d.usage.push_back({date, "trafficking", "id", 6 - i});
        d.usage.push_back({date, "passport", "id", 9 - i});
        d.usage.push_back({date, "passport", "jv", 3});
        d.usage.push_back({date, "checklist-passport", "id", 4});
        d.usage.push_back({date, "callback", "id", 2});
        d.usage.push_back({date, "work-abroad", "en", 1});
        d.usage.push_back({date, std::string(kListenPrefix) + "passport", "jv", 2});
    }
    d.databaseBytes = 1'310'720;
    d.diskFreeBytes = 96'400'000'000ULL;
    d.contentVersion = "3b9d0c41f2a7";
    d.contentOldestVerified = "2025-11-20";
    d.encrypted = true;
    desk->settings = KioskSettings{};
    desk->settings->volume = 90;
    desk->target.sticks = {Stick{"/media/kiosk/KANTOR IMIGRASI", "KANTOR IMIGRASI", "/dev/sdb1", false,
                                 7'200'000'000ULL, 7'800'000'000ULL}};
    return desk;
}

void officerStills(std::vector<Still>& stills)
{
    const auto desk = sampleDesk();
    auto still = [&](std::string name, Route route, OfficerSession officer,
                     std::shared_ptr<const OfficerSnapshot> snapshot, bool atEnd = false) {
        Still s{std::move(name), std::move(route)};
        s.officerSession = std::move(officer);
        s.officer = std::move(snapshot);
        s.atEnd = atEnd;
        stills.push_back(std::move(s));
    };
    OfficerSession typing;
    typing.digits = "1234";
    still("officer-pin", Route::officerPin(), typing, desk);
    OfficerSession wrong;
    wrong.message = "officer.pin.wrong";
    wrong.messageNumber = 2;
    still("officer-pin-wrong", Route::officerPin(), wrong, desk);
    OfficerSession fresh;
    fresh.step = OfficerSession::Step::NewPin;
    fresh.message = "officer.pin.none";
    still("officer-pin-new", Route::officerPin(), fresh, desk);

    OfficerSession in;
    in.loggedIn = true;
    still("officer-dashboard", Route::officerDashboard(), in, desk);
    still("officer-dashboard-end", Route::officerDashboard(), in, desk, true);
    auto running = std::make_shared<OfficerSnapshot>(*desk);
    running->exporting.phase = ExportState::Phase::Running;
    running->exporting.progress = 0.45;
    still("officer-dashboard-copying", Route::officerDashboard(), in, running);
    // A stick pulled halfway, on a kiosk with no office key yet.
    auto failed = std::make_shared<OfficerSnapshot>(*desk);
    failed->exporting.phase = ExportState::Phase::Failed;
    failed->exporting.message = "officer.export.pulled";
    failed->exporting.detail = systemFault({EIO, std::generic_category()});
    failed->dashboard.encrypted = false;
    still("officer-dashboard-failed", Route::officerDashboard(), in, failed);
    auto done = std::make_shared<OfficerSnapshot>(*desk);
    done->exporting.phase = ExportState::Phase::Done;
    done->exporting.count = 14;
    done->exporting.stick = "KANTOR IMIGRASI";
    done->target.sticks.clear(); // and the stick already taken out
    still("officer-dashboard-done", Route::officerDashboard(), in, done);
    // No office key: a copy asked for waits for the officer's yes; where plain copies are not
    // allowed, the buttons give way to why.
    auto plain = std::make_shared<OfficerSnapshot>(*desk);
    plain->dashboard.encrypted = false;
    OfficerSession asking = in;
    asking.plainExport = ExportAsk{ExportScope::New, std::nullopt, false};
    still("officer-dashboard-confirm", Route::officerDashboard(), asking, plain);
    auto plainOff = std::make_shared<OfficerSnapshot>(*plain);
    plainOff->dashboard.plainAllowed = false;
    still("officer-dashboard-plain-off", Route::officerDashboard(), in, plainOff);
    // The content card: a pack shown, one before it, one on the stick refused as forged.
    auto content = std::make_shared<OfficerSnapshot>(*desk);
    ContentUpdate& c = content->content;
    c.trusted = true;
    c.currentId = "3f9a1c07b2e4";
    c.currentCreated = "2026-11-20 03:00";
    c.previousId = "a71d0c41f2a7";
    c.previousCreated = "2026-10-02 02:15";
    c.stickId = "0be2d9f6c318";
    c.stickCreated = "2026-11-28 08:40";
    c.phase = ContentUpdate::Phase::Refused;
    c.refusal = "untrusted-key";
    c.detail.keyId = "9c1e77d04a2b5f36";
    still("officer-dashboard-content", Route::officerDashboard(), in, content);
    stills.back().scrollTo = "officer.content.update";
    // The same card further down: the list of placement companies (the shipped content has none).
    still("officer-dashboard-registry", Route::officerDashboard(), in, content);
    stills.back().scrollTo = "officer.content.registry";
    // The status card: the office's statuses just taken from the stick, then an older pack refused.
    auto status = std::make_shared<OfficerSnapshot>(*desk);
    StatusUpdate& st = status->status;
    st.trusted = true;
    st.onStick = true;
    auto book = std::make_shared<StatusBook>();
    book->kioskId = "CMG";
    book->created = "2026-12-02 14:05";
    for (int i = 1; i <= 20; ++i) {
        char reference[16];
        std::snprintf(reference, sizeof reference, "CMG-%04d", i);
        book->entries.push_back(
            {reference, i % 5 == 0 ? RequestStatus::Done : RequestStatus::Received, "2026-12-01"});
    }
    st.book = book;
    st.createdMs = 1'796'195'100'000;
    st.phase = StatusUpdate::Phase::Done;
    still("officer-dashboard-status", Route::officerDashboard(), in, status);
    stills.back().scrollTo = "officer.status.take";
    auto older = std::make_shared<OfficerSnapshot>(*status);
    older->status.phase = StatusUpdate::Phase::Refused;
    older->status.refusal = "older";
    still("officer-dashboard-status-refused", Route::officerDashboard(), in, older);
    stills.back().scrollTo = "officer.status.take";
}

// Reading aloud on a few screens; larger text on every still (pictured for one of each kind of
// screen and the checklist's `questions`); the high-contrast theme on a few.
void variantStills(std::vector<Still>& stills, const std::vector<std::string>& questions)
{
    // Reading aloud: a page at its first paragraph, a checklist's result and the form at their
    // second sentence.
    auto copyOf = [&](const std::string& name) {
        for (const Still& s : stills)
            if (s.name == name)
                return s;
        return Still{name, Route::home()};
    };
    std::vector<Still> extra;
    // The first result of a document checklist, and a sign checklist's result with a grave sign.
    const auto firstOf = [&](const std::string& prefix, const std::string& infix) {
        for (const Still& s : stills)
            if (s.name.rfind(prefix, 0) == 0 && s.name.find(infix) != std::string::npos &&
                s.name.find("-end") == std::string::npos)
                return s.name;
        return std::string("home");
    };
    const std::string firstResult = firstOf("checklist-", "-result-");
    const std::string graveResult = firstOf(Route::offerCheck().screenId(), "-result-grave");
    // Home at its second tile, help at the police's number, the review at the phone number, the
    // job-offer check at its grave sign's name, a request's check at its status.
    const std::vector<std::pair<std::string, int>> readings{
        {"passport", 3}, {firstResult, 1},       {"callback", 1},  {"home", 6},
        {"help", 2},     {"callback-review", 4}, {graveResult, 3}, {"my-request-found", 2}};
    for (const auto& [name, sentence] : readings) {
        Still s = copyOf(name);
        s.name = name + "-reading";
        s.readingSentence = sentence;
        extra.push_back(std::move(s));
    }
    // Larger text (Aa) on every still; pictured for one of each kind of screen and every checklist
    // question (the layout test checks them all at every size). The high-contrast theme on a few.
    std::vector<std::string> pictured{"home",
                                      "help",
                                      "callback-danger",
                                      "passport",
                                      "abroad",
                                      "scam-jobs",
                                      "placement-costs",
                                      "takehome-passport",
                                      "takehome-abroad",
                                      "takehome-checklist-passport",
                                      firstResult + "-reading",
                                      graveResult,
                                      graveResult + "-end",
                                      Route::offerCheck().screenId() + "-result-all",
                                      "callback-keyboard-letters",
                                      "recruiter",
                                      "recruiter-found",
                                      "recruiter-chosen",
                                      "my-request-no-news",
                                      "my-request",
                                      "my-request-found",
                                      "my-request-unknown",
                                      "my-request-waiting",
                                      "officer-dashboard-end",
                                      "idle-prompt"};
    pictured.insert(pictured.end(), questions.begin(), questions.end());
    std::vector<Still> large;
    for (const std::vector<Still>* list : {&stills, &extra})
        for (const Still& base : *list) {
            Still s = base;
            s.name = base.name + "-large";
            s.largeText = true;
            s.pictured = std::find(pictured.begin(), pictured.end(), base.name) != pictured.end();
            large.push_back(std::move(s));
        }
    for (const std::string& name :
         {std::string("home"), std::string("passport-reading"), std::string("callback-errors")}) {
        Still s = name == "passport-reading" ? extra[0] : copyOf(name);
        s.name = name + "-contrast";
        s.theme = Theme::HighContrast;
        extra.push_back(std::move(s));
    }
    for (Still& s : large)
        extra.push_back(std::move(s));
    for (Still& s : extra)
        stills.push_back(std::move(s));
}

// "Cek permintaan saya": before the office sent any news; with news, the keyboard ready, a reference
// found (typed in small letters without its dash: found all the same), one the news does not have,
// and the wait after wrong ones with its countdown.
void statusStills(std::vector<Still>& stills)
{
    const auto book = sampleStatusBook("CMG");
    const auto still = [&](std::string name, const std::string& typed, bool typing,
                           StatusLookup::Outcome outcome = StatusLookup::Outcome::None) {
        Still s{std::move(name), Route::statusCheck()};
        s.statuses = book;
        s.status.reference.text = typed;
        s.status.reference.caret = typed.size();
        s.status.typing = typing;
        s.status.outcome = outcome;
        s.status.asked = typed;
        if (outcome == StatusLookup::Outcome::Found)
            if (const StatusEntry* e = findStatus(*book, typed))
                s.status.found = *e;
        stills.push_back(std::move(s));
        return &stills.back();
    };
    still("my-request-no-news", "", true)->statuses = nullptr;
    still("my-request", "", true);
    still("my-request-typing", "CMG-000", true);
    still("my-request-found", "CMG0002", false, StatusLookup::Outcome::Found);
    still("my-request-done", "CMG-0003", false, StatusLookup::Outcome::Found);
    still("my-request-unknown", "CMG-0427", false, StatusLookup::Outcome::Unknown);
    still("my-request-waiting", "CMG-0428", false, StatusLookup::Outcome::Unknown)->checkWaitSeconds = 20;
}

// The attract screen as shipped (its first card), with a logo (a test picture) on another card, and
// with no partners configured, where it names the programme.
void attractStills(std::vector<Still>& stills)
{
    stills.push_back({"attract", Route::home(), IdleTimer::Phase::Attract, {}});
    Still logo{"attract-logo", Route::home(), IdleTimer::Phase::Attract, {}};
    logo.logo = kTourLogo;
    logo.attractStep = 4; // the second topic, in the second language of the turn
    stills.push_back(std::move(logo));
    Still unnamed{"attract-unnamed", Route::home(), IdleTimer::Phase::Attract, {}};
    unnamed.partners = std::vector<std::string>{};
    unnamed.logo = "";
    unnamed.attractStep = 8; // the third topic, in the third language
    stills.push_back(std::move(unnamed));
}

} // namespace

std::vector<Still> tourStills(const Content& content)
{
    std::vector<Still> stills{{"home", Route::home(), IdleTimer::Phase::Active, {}},
                              {"help", Route::help(), IdleTimer::Phase::Active, {}}};
    for (const auto& [id, langs] : content.pages) {
        stills.push_back({id, Route::page(id), IdleTimer::Phase::Active, {}});
        stills.push_back({id + "-end", Route::page(id), IdleTimer::Phase::Active, {}, true});
    }
    const std::vector<std::string> questions = checklistStills(content, stills);
    recruiterStills(content, stills);
    statusStills(stills);
    takeHomeStills(content, stills);
    formStills(stills);
    officerStills(stills);
    stills.push_back({"idle-prompt", Route::home(), IdleTimer::Phase::Prompt, {}});
    attractStills(stills);
    variantStills(stills, questions);
    return stills;
}

std::shared_ptr<const StatusBook> sampleStatusBook(const std::string& kioskId)
{
    auto book = std::make_shared<StatusBook>();
    book->kioskId = kioskId;
    book->created = "2026-12-02 14:05";
    book->entries = {{kioskId + "-0001", RequestStatus::Received, "2026-11-30"},
                     {kioskId + "-0002", RequestStatus::Contacted, "2026-12-01"},
                     {kioskId + "-0003", RequestStatus::Done, "2026-12-02"}};
    return book;
}

TestPicture testLogo()
{
    TestPicture p{256, 256, {}};
    p.rgba.resize(std::size_t{p.width} * p.height * 4);
    for (unsigned y = 0; y < p.height; ++y)
        for (unsigned x = 0; x < p.width; ++x) {
            const float dx = static_cast<float>(x) - 127.5f, dy = static_cast<float>(y) - 127.5f;
            const bool inside = dx * dx + dy * dy <= 127.f * 127.f;
            const bool dark = ((x / 32) + (y / 32)) % 2 == 0;
            unsigned char* px = &p.rgba[(std::size_t{y} * p.width + x) * 4];
            px[0] = px[1] = px[2] = dark ? 110 : 200;
            px[3] = inside ? 255 : 0;
        }
    return p;
}

} // namespace kiosk
