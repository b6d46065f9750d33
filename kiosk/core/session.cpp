// Applying a resident's actions to the session.
#include "core/session.hpp"

namespace kiosk {

void Session::reset()
{
    *this = Session{};
}

void apply(Session& session, const Action& action)
{
    switch (action.kind) {
    case Action::Kind::None: break;
    case Action::Kind::Open: session.nav.open(action.route); break;
    case Action::Kind::Back: session.nav.back(); break;
    case Action::Kind::Home: session.nav.home(); break;
    case Action::Kind::SetLang: session.lang = action.lang; break;
    }
}

} // namespace kiosk
