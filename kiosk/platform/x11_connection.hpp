// The X connection of the current GL context, kept apart because Xlib's macros clash with SFML.
#pragma once

namespace kiosk::platform {

// File descriptor of the X display connection of the current GLX context, or -1.
[[nodiscard]] int currentXConnectionFd();

// Screen blanking of the X display of the current GL context: with `afterSeconds` 0 the screen
// never blanks (X's screen saver and DPMS power saving both off); otherwise it goes dark after that
// many seconds without input (screen saver, and DPMS standby, suspend and off) and the next touch
// lights it again. Returns false when there is no display, or it has no DPMS (then only the
// screen saver is set).
bool setScreenBlanking(int afterSeconds);

} // namespace kiosk::platform
