// The reducer: one intent applied to the session, and the effects it asks for. Pure: it opens no
// file, waits for nothing and holds no service; the shell runs the effects after the frame.
#pragma once

#include "core/config.hpp"
#include "core/content.hpp"
#include "core/effect.hpp"
#include "core/intent.hpp"
#include "core/session.hpp"

namespace kiosk {

// What the reducer reads besides the session: the content shown and the local contacts, for the
// script a Listen tap reads.
struct World {
    const Content& content;
    const LocalContacts& contacts;
    CallbackPromise callback{}; // what the form promises ([officer] in kiosk.toml)
};

// Applies `intent` to `session`; returns what must happen outside it, in order. Without a world
// (tests of navigation alone) Listen reads nothing.
//   - Back on a checklist first takes back the last answer; on the form it first closes the
//     keyboard; Back or Home from an officer screen closes officer mode.
//   - Send checks the form and asks for the request to be saved; only RequestSaved for that ticket
//     shows the reference, RequestNotSaved keeps everything typed and says why.
//   - A reading whose screen is gone (another screen, language or visit) is stopped.
//   - A guidance page, checklist or form opened anew is counted (anonymously) with its language.
Effects apply(Session& session, const Intent& intent, const World* world = nullptr);

} // namespace kiosk
