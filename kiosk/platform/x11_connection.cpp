// Finds the X connection's socket through GLX (SFML 2.5 shares one Display between its windows
// and contexts).
#include "platform/x11_connection.hpp"

#include <GL/glx.h>
#include <X11/extensions/dpms.h>

namespace kiosk::platform {

int currentXConnectionFd()
{
    Display* display = glXGetCurrentDisplay();
    return display ? ConnectionNumber(display) : -1;
}

bool setScreenBlanking(int afterSeconds)
{
    Display* display = glXGetCurrentDisplay();
    if (!display)
        return false;
    XSetScreenSaver(display, afterSeconds, 0, afterSeconds > 0 ? PreferBlanking : DontPreferBlanking,
                    AllowExposures);
    int event = 0, error = 0;
    const bool dpms = DPMSQueryExtension(display, &event, &error) && DPMSCapable(display);
    if (dpms) {
        if (afterSeconds > 0) {
            const auto t = static_cast<CARD16>(afterSeconds > 65535 ? 65535 : afterSeconds);
            DPMSSetTimeouts(display, t, t, t);
            DPMSEnable(display);
        } else {
            DPMSDisable(display);
        }
    }
    XFlush(display);
    return dpms;
}

} // namespace kiosk::platform
