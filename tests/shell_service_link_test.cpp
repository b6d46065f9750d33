// The kiosk as a service: the screen's blanking follows the opening hours, set once per change.
#include "shell/service_link.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <vector>

using namespace kiosk;

TEST_CASE("blanking follows the opening hours, and is set on the display only when it changes")
{
    Config config;
    config.openFromMinute = 7 * 60;
    config.openUntilMinute = 21 * 60;
    config.blankAfterMs = 10 * 60'000;
    std::ostringstream log;
    std::vector<int> applied;
    ServiceLink service(
        config,
        [&](int seconds) {
            applied.push_back(seconds);
            return true;
        },
        log);
    CHECK(service.blankingAt(7 * 60) == 0);
    CHECK(service.blankingAt(20 * 60 + 59) == 0);
    CHECK(service.blankingAt(21 * 60) == 600);
    CHECK(service.blankingAt(3 * 60) == 600);

    service.tick(); // not ready yet: the first picture comes first
    CHECK(applied.empty());
    service.ready();
    service.tick();
    service.tick(); // the same minute: nothing set again
    REQUIRE(applied.size() == 1);
    CHECK((applied[0] == 0 || applied[0] == 600));
    CHECK(log.str().find(applied[0] == 0 ? "the screen stays on" : "goes dark after 10 minutes") !=
          std::string::npos);

    // A kiosk in a window leaves the display's blanking alone, and says nothing of it.
    std::ostringstream quiet;
    ServiceLink windowed(config, nullptr, quiet);
    windowed.ready();
    windowed.tick();
    CHECK(quiet.str().find("screen") == std::string::npos);
}
