// Frames drawn while a callback request is being committed, as a JSON line for scripts/bench.sh: the
// kiosk in a real window on the review screen, Send tapped, and every frame drawn until the
// confirmation shows timed; the database holds 100,000 requests and a slow disk is stood in for by a
// delay before each commit. Beside it, the floor: an empty frame of the same window (clear, present,
// finish), measured in the same run.
//   save_frame_bench --data DIR --db FILE [--delay-ms N] [--saves N]
#include "core/config.hpp"
#include "core/content.hpp"
#include "platform/font_files.hpp"
#include "platform/renderer.hpp"
#include "platform/window.hpp"
#include "services/pending_store.hpp"
#include "services/request_saver.hpp"
#include "shell/shell.hpp"
#include "shell/tour.hpp"
#include "ui/theme.hpp"

#include "bench_support.hpp"

#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace kiosk;
using namespace kiosk::bench;

namespace {

// The store behind a slow disk: every commit waits `delay` first.
class SlowSink final : public RequestSink {
public:
    SlowSink(RequestSink& inner, std::chrono::milliseconds delay) : m_inner(inner), m_delay(delay) {}
    SubmitResult submit(const CallbackRequest& request) override
    {
        std::this_thread::sleep_for(m_delay);
        return m_inner.submit(request);
    }

private:
    RequestSink& m_inner;
    std::chrono::milliseconds m_delay;
};

// A form as a resident leaves it, different each time so that no send is taken for a repeat.
FormState filledForm(int n)
{
    FormState form;
    form.insert(Field::Name, "Siti Aminah " + std::string(1, static_cast<char>('a' + n % 26)));
    form.insert(Field::Phone, "0812 3456 " + std::to_string(7000 + n));
    form.topic = RequestTopic::WorkAbroad;
    form.consent = true;
    return form;
}

} // namespace

int main(int argc, char** argv)
{
    fs::path data, db;
    int delayMs = 200, saves = 20;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string_view a = argv[i];
        if (a == "--data")
            data = argv[i + 1];
        else if (a == "--db")
            db = argv[i + 1];
        else if (a == "--delay-ms")
            delayMs = std::atoi(argv[i + 1]);
        else if (a == "--saves")
            saves = std::atoi(argv[i + 1]);
    }
    if (data.empty() || db.empty()) {
        std::fprintf(stderr, "usage: save_frame_bench --data DIR --db FILE [--delay-ms N] [--saves N]\n");
        return 2;
    }
    Problems problems;
    const Config config = Config::load(data / "kiosk.toml", problems);
    const ContentLoad load = loadContent(data, data.parent_path() / "media", config.contacts);
    std::string why;
    const auto fonts = platform::findFontFiles(why);
    if (!load.ok() || !fonts) {
        std::fprintf(stderr, "save_frame_bench: cannot load content or fonts: %s\n", why.c_str());
        return 1;
    }
    SteadyClock clock;
    SystemClock wall;
    PendingStore store(db, config.kioskId, wall, std::cerr);
    store.start();
    SlowSink slow(store, std::chrono::milliseconds(delayMs));
    RequestSaver saver(slow, std::cerr);

    platform::WindowOptions options;
    options.width = 1920;
    options.height = 1080;
    options.fullscreen = false;
    options.vsync = false;
    platform::Window window(options);
    Shell shell(config, load.content, *fonts, clock, static_cast<float>(window.width()),
                static_cast<float>(window.height()));
    platform::ImGuiRenderer renderer;
    shell.setServices({.saver = &saver});
    auto draw = [&] {
        const auto t0 = std::chrono::steady_clock::now();
        if (shell.takeFontsRebuilt())
            renderer.uploadFonts();
        shell.update();
        ImDrawData* frame = shell.frame();
        const ImVec4 page = ImGui::ColorConvertU32ToFloat4(ui::colours().page);
        window.clear(page.x, page.y, page.z);
        renderer.render(frame);
        window.present();
        window.finish();
        return msSince(t0);
    };
    (void)store.get(); // the 100,000 requests are open before the first send, as on a kiosk at rest

    std::vector<double> floor;
    for (int i = 0; i < 300; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        window.clear(1, 1, 1);
        window.present();
        window.finish();
        floor.push_back(msSince(t0));
    }

    Stage stage(shell);
    std::vector<double> during;
    double longestSave = 0;
    int confirmed = 0;
    for (int n = 0; n < saves; ++n) {
        Still review{"review", Route::callbackReview()};
        review.form = filledForm(n);
        stage.show(review, Lang::Id);
        for (int i = 0; i < 4; ++i)
            (void)draw();
        const WidgetBox* send = shell.uiMap().find("form.send");
        if (!send)
            break;
        shell.push({PointerEvent::Type::Down, send->centerX(), send->centerY(), clock.now(), 0});
        (void)draw();
        shell.push({PointerEvent::Type::Up, send->centerX(), send->centerY(), clock.now(), 0});
        const auto t0 = std::chrono::steady_clock::now();
        (void)draw(); // the release frame: Send is applied, the save starts after it
        // Every frame until the confirmation shows, 60 a second as while a finger moves.
        while (shell.session().nav.current().kind != ScreenKind::CallbackDone && msSince(t0) < 10'000) {
            const auto next = std::chrono::steady_clock::now() + std::chrono::milliseconds(16);
            during.push_back(draw());
            std::this_thread::sleep_until(next);
        }
        longestSave = std::max(longestSave, msSince(t0));
        confirmed += shell.session().nav.current().kind == ScreenKind::CallbackDone ? 1 : 0;
    }
    const double p99 = quantile(during, 0.99), floorP99 = quantile(floor, 0.99);
    std::printf(
        "{\"figure\": \"frame_during_request_save_ms\", \"size\": \"1920x1080\", \"saves\": %d, "
        "\"confirmed\": %d, \"delay_ms\": %d, \"frames\": %zu, \"p50_ms\": %.2f, \"p99_ms\": %.2f, "
        "\"max_ms\": %.2f, \"empty_frame_p99_ms\": %.2f, \"ratio_p99\": %.2f, \"longest_save_ms\": %.0f, "
        "\"target_p99_ms\": 16}\n",
        saves, confirmed, delayMs, during.size(), quantile(during, 0.5), p99, quantile(during, 1.0), floorP99,
        floorP99 > 0 ? p99 / floorP99 : 0.0, longestSave);
    return confirmed == saves ? 0 : 1;
}
