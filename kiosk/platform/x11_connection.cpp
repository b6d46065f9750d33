// Finds the X connection's socket through GLX (SFML 2.5 shares one Display between its windows
// and contexts).
#include "platform/x11_connection.hpp"

#include <GL/glx.h>

namespace kiosk::platform {

int currentXConnectionFd()
{
    Display* display = glXGetCurrentDisplay();
    return display ? ConnectionNumber(display) : -1;
}

} // namespace kiosk::platform
