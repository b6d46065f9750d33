// Navigation stack of the kiosk's screens.
#include "core/navigation.hpp"

namespace kiosk {

std::string_view topicId(Topic topic)
{
    switch (topic) {
    case Topic::Trafficking: return "trafficking";
    case Topic::ScamJobs: return "scam-jobs";
    case Topic::WorkAbroad: return "work-abroad";
    case Topic::Passport: return "passport";
    case Topic::Callback: return "callback";
    case Topic::Abroad: return "abroad";
    case Topic::Hotlines: return "hotlines";
    case Topic::Recruiter: return "recruiter";
    case Topic::MyRequest: return "my-request";
    }
    return "trafficking";
}

Route Route::forTopic(Topic topic)
{
    if (topic == Topic::Callback)
        return callback();
    if (topic == Topic::Recruiter)
        return recruiter();
    if (topic == Topic::MyRequest)
        return statusCheck();
    return page(std::string(topicId(topic)));
}

std::string Route::screenId() const
{
    switch (kind) {
    case ScreenKind::Home: return "home";
    case ScreenKind::Help: return "help";
    case ScreenKind::Page: return id;
    case ScreenKind::TakeHome: return "takehome-" + takenFrom().screenId();
    case ScreenKind::Checklist: return "checklist-" + id;
    case ScreenKind::Recruiter: return "recruiter";
    case ScreenKind::OfferCheck: return id + "-check";
    case ScreenKind::Callback: return "callback";
    case ScreenKind::CallbackReview: return "callback-review";
    case ScreenKind::CallbackDone: return "callback-done";
    case ScreenKind::StatusCheck: return "my-request";
    case ScreenKind::OfficerPin: return "officer-pin";
    case ScreenKind::OfficerDashboard: return "officer-dashboard";
    }
    return "home";
}

Route Route::takenFrom() const
{
    constexpr std::string_view kChecklist = "checklist:", kPage = "page:";
    if (id.rfind(kChecklist, 0) == 0)
        return checklist(id.substr(kChecklist.size()));
    return page(id.rfind(kPage, 0) == 0 ? id.substr(kPage.size()) : id);
}

void Navigator::open(const Route& route)
{
    if (route.kind == ScreenKind::Home) {
        home();
        return;
    }
    if (current() == route)
        return;
    m_stack.push_back(route);
}

void Navigator::back()
{
    if (m_stack.size() > 1)
        m_stack.pop_back();
}

void Navigator::home()
{
    m_stack.resize(1);
}

} // namespace kiosk
