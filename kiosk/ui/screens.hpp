// The kiosk's screens. Each draws itself into the content area and returns what was asked for;
// none opens a file or a database.
#pragma once

#include "core/navigation.hpp"
#include "core/session.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {

// Icon and its colour for a home-screen topic.
[[nodiscard]] const char* topicIcon(Topic topic);
[[nodiscard]] ImU32 topicColour(Topic topic);

class HomeScreen {
public:
    Action draw(Frame& f);
};

// Shown for a topic until its own screen exists.
class TopicScreen {
public:
    Action draw(Frame& f, Topic topic);
};

// Full screen, over everything: "still there?" with the seconds left.
class IdlePromptScreen {
public:
    void draw(Frame& f, int secondsLeft);
};

// Full screen between visitors: "touch to start", cycling through the topics.
class AttractScreen {
public:
    void draw(Frame& f, long step);
};

} // namespace kiosk::ui
