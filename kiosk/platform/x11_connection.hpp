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

// Shows part of the current GLX drawable's back buffer (GLX_MESA_copy_sub_buffer): `x`, `y` from its
// bottom-left corner, as in GL. The back buffer keeps its pixels. Returns false where the extension
// is missing (nothing is shown then).
bool copySubBuffer(int x, int y, int width, int height);
// Whether copySubBuffer() works with the current GLX context.
[[nodiscard]] bool canCopySubBuffer();

} // namespace kiosk::platform
