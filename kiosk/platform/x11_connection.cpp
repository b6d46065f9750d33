// Finds the X connection's socket through GLX (SFML 2.5 shares one Display between its windows
// and contexts).
#include "platform/x11_connection.hpp"

#include <GL/glx.h>
#include <X11/extensions/dpms.h>

#include <cstring>

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

namespace {

using CopySubBuffer = void (*)(Display*, GLXDrawable, int, int, int, int);

// The extension's entry point, when the display offers it (looked up once per display).
CopySubBuffer copySubBufferFor(Display* display)
{
    static Display* seen = nullptr;
    static CopySubBuffer function = nullptr;
    if (display != seen) {
        seen = display;
        function = nullptr;
        const char* extensions = glXQueryExtensionsString(display, DefaultScreen(display));
        if (extensions && std::strstr(extensions, "GLX_MESA_copy_sub_buffer"))
            function = reinterpret_cast<CopySubBuffer>(
                glXGetProcAddressARB(reinterpret_cast<const GLubyte*>("glXCopySubBufferMESA")));
    }
    return function;
}

} // namespace

bool canCopySubBuffer()
{
    Display* display = glXGetCurrentDisplay();
    return display && glXGetCurrentDrawable() && copySubBufferFor(display);
}

bool copySubBuffer(int x, int y, int width, int height)
{
    Display* display = glXGetCurrentDisplay();
    const GLXDrawable drawable = glXGetCurrentDrawable();
    const CopySubBuffer copy = display && drawable ? copySubBufferFor(display) : nullptr;
    if (!copy)
        return false;
    copy(display, drawable, x, y, width, height); // flushes GL first
    return true;
}

} // namespace kiosk::platform
