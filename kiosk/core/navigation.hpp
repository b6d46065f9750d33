// Where the resident is: a stack of routes, so tests can ask "after tapping X, are we on Y?".
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// The topics of the home screen, in the order their tiles appear: the two warnings first (both
// red), then leaving the right way (checking the company that offers the job among them), then help
// once abroad and the numbers to call, then the form, and last what the office did with a request
// left here ("Cek permintaan saya"). The home grid and the attract cards take every topic listed here.
enum class Topic {
    Trafficking,
    ScamJobs,
    WorkAbroad,
    Recruiter,
    Passport,
    Abroad,
    Hotlines,
    Callback,
    MyRequest
};

inline constexpr std::array<Topic, 9> kAllTopics{Topic::Trafficking, Topic::ScamJobs, Topic::WorkAbroad,
                                                 Topic::Recruiter,   Topic::Passport, Topic::Abroad,
                                                 Topic::Hotlines,    Topic::Callback, Topic::MyRequest};

// Stable English id of a topic ("work-abroad"), used in screen ids, UI map ids and string keys.
[[nodiscard]] std::string_view topicId(Topic topic);

// A checklist of documents to prepare (the passport's) or of warning signs in a job offer.
enum class ChecklistKind { Documents, Signs };

// Callback is the form; CallbackReview shows it before sending; CallbackDone the reference.
// Help is the numbers to call now. Checklist is a document checklist, OfferCheck a sign
// checklist: the job-offer check. Recruiter is the search for a company in the registry of licensed
// placement companies. StatusCheck is "Cek permintaan saya": a request's status from the office. TakeHome is
// the QR code of a page or a checklist's result to take home. OfficerPin and OfficerDashboard are officer
// mode, behind the PIN.
enum class ScreenKind {
    Home,
    Help,
    Page,
    TakeHome,
    Checklist,
    Recruiter,
    OfferCheck,
    Callback,
    CallbackReview,
    CallbackDone,
    StatusCheck,
    OfficerPin,
    OfficerDashboard
};

struct Route {
    ScreenKind kind = ScreenKind::Home;
    // Page or checklist id ("passport"); for Callback, the topic to fill in (may be empty); for
    // TakeHome, where it was opened: "page:passport" or "checklist:passport".
    std::string id;

    [[nodiscard]] static Route home() { return {}; }
    [[nodiscard]] static Route help() { return {ScreenKind::Help, {}}; }
    [[nodiscard]] static Route page(std::string id) { return {ScreenKind::Page, std::move(id)}; }
    [[nodiscard]] static Route checklist(std::string id) { return {ScreenKind::Checklist, std::move(id)}; }
    [[nodiscard]] static Route recruiter() { return {ScreenKind::Recruiter, {}}; }
    // The job-offer check: the sign checklist "offer".
    [[nodiscard]] static Route offerCheck() { return {ScreenKind::OfferCheck, "offer"}; }
    // The screen of checklist `id` of this kind.
    [[nodiscard]] static Route forChecklist(std::string id, ChecklistKind kind)
    {
        return {kind == ChecklistKind::Signs ? ScreenKind::OfferCheck : ScreenKind::Checklist, std::move(id)};
    }
    // A checklist's screen, of either kind: its progress is Session::checklist.
    [[nodiscard]] bool isChecklist() const
    {
        return kind == ScreenKind::Checklist || kind == ScreenKind::OfferCheck;
    }
    // The take-home QR code of a page or a checklist (the route it is opened from).
    [[nodiscard]] static Route takeHome(const Route& from)
    {
        return {ScreenKind::TakeHome,
                (from.kind == ScreenKind::Checklist ? "checklist:" : "page:") + from.id};
    }
    // For TakeHome: the page or checklist it was opened from.
    [[nodiscard]] Route takenFrom() const;
    [[nodiscard]] static Route callback(std::string topic = {})
    {
        return {ScreenKind::Callback, std::move(topic)};
    }
    [[nodiscard]] static Route callbackReview() { return {ScreenKind::CallbackReview, {}}; }
    [[nodiscard]] static Route callbackDone() { return {ScreenKind::CallbackDone, {}}; }
    [[nodiscard]] static Route statusCheck() { return {ScreenKind::StatusCheck, {}}; }
    [[nodiscard]] static Route officerPin() { return {ScreenKind::OfficerPin, {}}; }
    [[nodiscard]] static Route officerDashboard() { return {ScreenKind::OfficerDashboard, {}}; }
    [[nodiscard]] bool officer() const
    {
        return kind == ScreenKind::OfficerPin || kind == ScreenKind::OfficerDashboard;
    }
    // Where a home-screen tile leads.
    [[nodiscard]] static Route forTopic(Topic topic);
    // Stable screen id for the UI map and the tour: "home", "help", the page id ("trafficking"),
    // "checklist-passport", "offer-check" (a sign checklist: its id and "-check"), "recruiter",
    // "takehome-passport", "takehome-checklist-passport", "callback", "callback-review",
    // "callback-done", "my-request", "officer-pin", "officer-dashboard".
    [[nodiscard]] std::string screenId() const;
    bool operator==(const Route&) const = default;
};

class Navigator {
public:
    Navigator() { m_stack.push_back(Route::home()); }

    [[nodiscard]] const Route& current() const { return m_stack.back(); }
    [[nodiscard]] std::size_t depth() const { return m_stack.size(); }
    [[nodiscard]] bool atHome() const { return m_stack.size() == 1; }

    // Opening the screen already shown does not grow the stack.
    void open(const Route& route);
    // Back from home stays home.
    void back();
    void home();

private:
    std::vector<Route> m_stack;
};

} // namespace kiosk
