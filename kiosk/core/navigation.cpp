// Navigation stack of the kiosk's screens.
#include "core/navigation.hpp"

namespace kiosk {

std::string_view topicId(Topic topic)
{
    switch (topic) {
    case Topic::Trafficking: return "trafficking";
    case Topic::WorkAbroad: return "work-abroad";
    case Topic::Passport: return "passport";
    case Topic::Callback: return "callback";
    case Topic::Hotlines: return "hotlines";
    }
    return "trafficking";
}

std::string Route::id() const
{
    if (kind == ScreenKind::Home)
        return "home";
    return std::string(topicId(topic));
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
