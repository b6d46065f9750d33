// Everything one resident's visit leaves behind, wiped in one place when the kiosk goes idle.
#pragma once

#include "core/language.hpp"
#include "core/navigation.hpp"

namespace kiosk {

struct Session {
    Navigator nav;
    Lang lang = kDefaultLang;

    // Back to a fresh visit: home screen, default language, nothing typed or chosen.
    void reset();
};

// What a resident asked for on a frame. Screens return it; the shell applies it.
struct Action {
    enum class Kind { None, Open, Back, Home, SetLang };
    Kind kind = Kind::None;
    Route route{};
    Lang lang = kDefaultLang;

    [[nodiscard]] static Action open(Route r) { return {Kind::Open, r, kDefaultLang}; }
    [[nodiscard]] static Action back() { return {Kind::Back, {}, kDefaultLang}; }
    [[nodiscard]] static Action home() { return {Kind::Home, {}, kDefaultLang}; }
    [[nodiscard]] static Action setLang(Lang l) { return {Kind::SetLang, {}, l}; }
    [[nodiscard]] bool any() const { return kind != Kind::None; }
};

void apply(Session& session, const Action& action);

} // namespace kiosk
