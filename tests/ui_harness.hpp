// The kiosk's shell with no window and no GL, driven by synthetic touches on its UI map: the
// harness of the headless UI tests.
#pragma once

#include "core/config.hpp"
#include "core/content.hpp"
#include "platform/font_files.hpp"
#include "services/request_saver.hpp"
#include "shell/shell.hpp"
#include "shell/tour.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <iostream>
#include <memory>
#include <string>

namespace kiosk::test {

inline const FontFiles& fontFiles()
{
    static const FontFiles files = [] {
        std::string why;
        auto found = platform::findFontFiles(why);
        if (!found)
            FAIL("fonts missing: " << why);
        return *found;
    }();
    return files;
}

class Harness {
public:
    // `configure` may change the shipped kiosk.toml's settings before the kiosk starts; `data` is the
    // content folder (its pictures beside it, in media/), the shipped one unless a test breaks a copy.
    explicit Harness(float w = 1920, float h = 1080, const std::function<void(Config&)>& configure = {},
                     const std::filesystem::path& data = test::dataDir())
    {
        Problems problems;
        m_config = Config::load(data / "kiosk.toml", problems);
        REQUIRE(problems.empty());
        if (configure)
            configure(m_config);
        ContentLoad load = loadContent(data, data.parent_path() / "media", m_config.contacts);
        for (const auto& e : load.errors)
            FAIL_CHECK(e);
        REQUIRE(load.ok());
        m_content = std::move(load.content);
        m_shell = std::make_unique<Shell>(m_config, m_content, fontFiles(), m_clock, w, h);
        frames(2); // a new ImGui window is hidden on its first frame
    }

    void frame()
    {
        m_shell->update();
        (void)m_shell->frame();
        m_clock.advance(16);
    }
    void frames(int n)
    {
        for (int i = 0; i < n; ++i)
            frame();
    }
    void wait(Millis ms)
    {
        m_clock.advance(ms);
        frame();
    }

    // Down on one frame, up on the next, like a finger; then, like a person who looks at the
    // screen a moment later, the answer of a request being saved.
    void tapAt(float x, float y)
    {
        m_shell->push({PointerEvent::Type::Down, x, y, m_clock.now(), 0});
        frame();
        m_shell->push({PointerEvent::Type::Up, x, y, m_clock.now(), 0});
        frames(2);
        // Drained whether or not it still looks busy: a save that ended between the frames above and
        // this check has an answer waiting that only the next frames take in.
        if (m_saver) {
            m_saver->drain();
            frames(2);
        }
    }
    void tap(const std::string& id)
    {
        const WidgetBox* w = map().find(id);
        REQUIRE_MESSAGE(w, "no widget '" << id << "' on screen '" << map().screen << "'");
        tapAt(w->centerX(), w->centerY());
    }
    void wake() { tap("attract.start"); }

    // Scrolls the content (with the wheel, like a drag but exact) until `id` is in view: down
    // first, then up.
    const WidgetBox* reveal(const std::string& id)
    {
        for (const float wheel : {-1.f, 1.f})
            for (int i = 0; i < 60 && !map().find(id); ++i) {
                m_shell->push({PointerEvent::Type::Wheel, 10, 500, m_clock.now(), wheel});
                frames(2);
            }
        return map().find(id);
    }
    void revealAndTap(const std::string& id)
    {
        REQUIRE_MESSAGE(reveal(id), "no widget '" << id << "' on screen '" << map().screen << "'");
        tap(id);
    }

    // Sent requests are committed to `sink` on a saver's thread, as in the kiosk.
    void saveTo(RequestSink& sink)
    {
        m_shell->setServices({});
        m_saver = std::make_unique<RequestSaver>(sink, std::cerr);
        m_shell->setServices({.saver = m_saver.get()});
    }
    // Shows stills as the tour does.
    [[nodiscard]] Stage& stage()
    {
        if (!m_stage)
            m_stage = std::make_unique<Stage>(*m_shell);
        return *m_stage;
    }

    [[nodiscard]] const UiMap& map() const { return m_shell->uiMap(); }
    [[nodiscard]] const Session& session() const { return m_shell->session(); }
    [[nodiscard]] Shell& shell() { return *m_shell; }
    [[nodiscard]] FakeClock& clock() { return m_clock; }
    [[nodiscard]] const Strings& strings() const { return m_content.strings; }
    [[nodiscard]] const Content& content() const { return m_content; }

private:
    FakeClock m_clock;
    Config m_config;
    Content m_content;
    std::unique_ptr<Shell> m_shell;
    std::unique_ptr<RequestSaver> m_saver;
    std::unique_ptr<Stage> m_stage; // last: it holds on to the shell
};

} // namespace kiosk::test
