// The reducer: one intent applied to the session, and the effects it asks for. Pure: it opens no
// file, waits for nothing and holds no service; the shell runs the effects after the frame.
#pragma once

#include "core/config.hpp"
#include "core/content.hpp"
#include "core/effect.hpp"
#include "core/intent.hpp"
#include "core/request_status.hpp"
#include "core/session.hpp"

namespace kiosk {

// What the reducer reads besides the session: the content shown and the local contacts, for the
// script a Listen tap reads; the office's news of requests and the time, for "Cek permintaan saya".
struct World {
    const Content& content;
    const LocalContacts& contacts;
    CallbackPromise callback{};           // what the form promises ([officer] in kiosk.toml)
    const StatusBook* statuses = nullptr; // from the last status pack; none: no news yet
    Millis now = 0;                       // on the shell's clock, for the guard against guessing
};

// Applies `intent` to `session`; returns what must happen outside it, in order. Without a world
// (tests of navigation alone) Listen reads nothing.
//   - Back on a checklist first takes back the last answer; on the form it first closes the
//     keyboard; Back or Home from an officer screen closes officer mode.
//   - Send checks the form and asks for the request to be saved; only RequestSaved for that ticket
//     shows the reference, RequestNotSaved keeps everything typed and says why.
//   - A reading whose screen is gone (another screen, language or visit) is stopped.
//   - A guidance page, checklist or form opened anew is counted (anonymously) with its language.
//   - CheckReference (or Done on its keyboard) looks the reference typed up in the world's status
//     book, unless nothing is typed, there is no book, or a wait after wrong references runs.
Effects apply(Session& session, const Intent& intent, const World* world = nullptr);

} // namespace kiosk
