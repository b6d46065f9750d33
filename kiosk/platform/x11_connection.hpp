// The X connection of the current GL context, kept apart because Xlib's macros clash with SFML.
#pragma once

namespace kiosk::platform {

// File descriptor of the X display connection of the current GLX context, or -1.
[[nodiscard]] int currentXConnectionFd();

} // namespace kiosk::platform
