// SFML 2.5 window, its GL context, and SFML events translated into the kiosk's pointer events.
#include "platform/window.hpp"

#include "platform/x11_connection.hpp"

#include <SFML/Graphics/Image.hpp>
#include <SFML/OpenGL.hpp>
#include <SFML/Window.hpp>
#include <poll.h>
#include <thread>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <future>
#include <vector>

namespace kiosk::platform {

std::pair<unsigned, unsigned> screenSize()
{
    const sf::VideoMode mode = sf::VideoMode::getDesktopMode();
    return {mode.width, mode.height};
}

struct Window::Impl {
    sf::Window window;
    int xFd = -1;             // the X connection SFML reads events from, or -1 if unknown
    bool copyChecked = false; // whether canCopy was looked up
    bool canCopy = false;     // parts of a frame can be shown (GLX_MESA_copy_sub_buffer)
    std::future<bool> saving; // the screenshot being encoded, declared last: waited for first
};

Window::Window(const WindowOptions& options) : m_impl(std::make_unique<Impl>())
{
    sf::ContextSettings gl;
    gl.depthBits = 0;
    gl.stencilBits = 0;
    gl.antialiasingLevel = 0;
    if (options.fullscreen) {
        m_impl->window.create(sf::VideoMode::getDesktopMode(), "Kiosk", sf::Style::Fullscreen, gl);
        m_impl->window.setMouseCursorVisible(false); // a touchscreen has no pointer to show
    } else {
        m_impl->window.create(sf::VideoMode(options.width, options.height), "Kiosk", sf::Style::None, gl);
        // Without a window manager a window may appear anywhere: put it where the map says.
        m_impl->window.setPosition(sf::Vector2i(0, 0));
    }
    if (options.vsync)
        m_impl->window.setVerticalSyncEnabled(true);
    m_impl->window.setKeyRepeatEnabled(false);
    if (!m_impl->window.setActive(true))
        throw std::runtime_error("cannot activate the OpenGL context");
    // SFML 2.5 shares one X display connection between its windows and GLX contexts, so the
    // current GLX display is the one whose socket carries our input events.
    m_impl->xFd = currentXConnectionFd();
}

Window::~Window()
{
    m_impl->window.close();
}

bool Window::isOpen() const
{
    return m_impl->window.isOpen();
}

unsigned Window::width() const
{
    return m_impl->window.getSize().x;
}

unsigned Window::height() const
{
    return m_impl->window.getSize().y;
}

std::optional<WindowEvent> Window::poll(Millis now)
{
    sf::Event ev;
    while (m_impl->window.pollEvent(ev)) {
        WindowEvent out;
        out.pointer.t = now;
        auto pointer = [&](PointerEvent::Type type, int x, int y) {
            out.type = WindowEvent::Type::Pointer;
            out.pointer.type = type;
            out.pointer.x = static_cast<float>(x);
            out.pointer.y = static_cast<float>(y);
            return out;
        };
        switch (ev.type) {
        case sf::Event::Closed: out.type = WindowEvent::Type::Closed; return out;
        case sf::Event::Resized:
            out.type = WindowEvent::Type::Resized;
            out.width = ev.size.width;
            out.height = ev.size.height;
            return out;
        case sf::Event::MouseButtonPressed:
            if (ev.mouseButton.button == sf::Mouse::Left)
                return pointer(PointerEvent::Type::Down, ev.mouseButton.x, ev.mouseButton.y);
            break;
        case sf::Event::MouseButtonReleased:
            if (ev.mouseButton.button == sf::Mouse::Left)
                return pointer(PointerEvent::Type::Up, ev.mouseButton.x, ev.mouseButton.y);
            break;
        // The touch ends unseen: a release outside the window, or the window losing focus.
        case sf::Event::LostFocus:
        case sf::Event::MouseLeft:
            if (sf::Mouse::isButtonPressed(sf::Mouse::Left) && ev.type == sf::Event::MouseLeft)
                break; // still dragging outside the window: SFML reports the release later
            return pointer(PointerEvent::Type::Cancel, 0, 0);
        case sf::Event::MouseMoved: return pointer(PointerEvent::Type::Move, ev.mouseMove.x, ev.mouseMove.y);
        case sf::Event::MouseWheelScrolled:
            out = pointer(PointerEvent::Type::Wheel, ev.mouseWheelScroll.x, ev.mouseWheelScroll.y);
            out.pointer.wheel = ev.mouseWheelScroll.delta;
            return out;
        // SFML 2.5 on Linux reports touch as mouse events; these serve where it does not.
        case sf::Event::TouchBegan:
            if (ev.touch.finger == 0)
                return pointer(PointerEvent::Type::Down, ev.touch.x, ev.touch.y);
            break;
        case sf::Event::TouchMoved:
            if (ev.touch.finger == 0)
                return pointer(PointerEvent::Type::Move, ev.touch.x, ev.touch.y);
            break;
        case sf::Event::TouchEnded:
            if (ev.touch.finger == 0)
                return pointer(PointerEvent::Type::Up, ev.touch.x, ev.touch.y);
            break;
        default: break;
        }
    }
    return std::nullopt;
}

void Window::waitForInput(Millis timeoutMs)
{
    if (timeoutMs <= 0)
        return;
    if (m_impl->xFd < 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min<Millis>(timeoutMs, 10)));
        return;
    }
    pollfd fd{m_impl->xFd, POLLIN, 0};
    (void)::poll(&fd, 1, static_cast<int>(std::min<Millis>(timeoutMs, 60'000)));
}

void Window::clear(float r, float g, float b)
{
    glViewport(0, 0, static_cast<GLsizei>(width()), static_cast<GLsizei>(height()));
    glClearColor(r, g, b, 1.f);
    glClear(GL_COLOR_BUFFER_BIT);
}

void Window::clear(float r, float g, float b, Region region)
{
    glViewport(0, 0, static_cast<GLsizei>(width()), static_cast<GLsizei>(height()));
    glEnable(GL_SCISSOR_TEST);
    glScissor(region.x, static_cast<GLint>(height()) - region.y - region.height, region.width, region.height);
    glClearColor(r, g, b, 1.f);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
}

void Window::present()
{
    m_impl->window.display();
}

bool Window::canPresentRegion() const
{
    if (!m_impl->copyChecked) {
        m_impl->copyChecked = true;
        m_impl->canCopy = canCopySubBuffer();
    }
    return m_impl->canCopy;
}

void Window::present(Region region)
{
    if (!copySubBuffer(region.x, static_cast<int>(height()) - region.y - region.height, region.width,
                       region.height))
        m_impl->window.display();
}

void Window::finish()
{
    glFinish();
}

bool Window::saveScreenshot(const std::filesystem::path& file)
{
    const unsigned w = width(), h = height();
    std::vector<sf::Uint8> pixels(static_cast<std::size_t>(w) * h * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, static_cast<GLsizei>(w), static_cast<GLsizei>(h), GL_RGBA, GL_UNSIGNED_BYTE,
                 pixels.data());
    // GL rows run bottom-up; the renderer leaves alpha below 255: force it opaque.
    std::vector<sf::Uint8> flipped(pixels.size());
    const std::size_t row = static_cast<std::size_t>(w) * 4;
    for (unsigned y = 0; y < h; ++y) {
        const sf::Uint8* src = pixels.data() + static_cast<std::size_t>(h - 1 - y) * row;
        sf::Uint8* dst = flipped.data() + static_cast<std::size_t>(y) * row;
        for (std::size_t i = 0; i < row; i += 4) {
            dst[i] = src[i];
            dst[i + 1] = src[i + 1];
            dst[i + 2] = src[i + 2];
            dst[i + 3] = 255;
        }
    }
    // PNG encoding takes longer than drawing the next picture: it runs beside it, one at a time.
    const bool before = finishScreenshots();
    m_impl->saving = std::async(std::launch::async, [w, h, file, pixels = std::move(flipped)] {
        sf::Image image;
        image.create(w, h, pixels.data());
        return image.saveToFile(file.string());
    });
    return before;
}

bool Window::finishScreenshots()
{
    return !m_impl->saving.valid() || m_impl->saving.get();
}

} // namespace kiosk::platform
