// Take it home: the plain text of the QR code a resident's phone reads off the screen ("Bawa
// pulang"), built from a page or a checklist's result in the screen's language. No link: any
// phone's camera shows the text without the internet and can pass it on.
#pragma once

#include "core/config.hpp"
#include "core/content.hpp"
#include "core/language.hpp"
#include "core/navigation.hpp"
#include "core/qr.hpp"
#include "core/session.hpp"
#include "core/strings.hpp"

#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace kiosk {

// At most this many bytes of UTF-8 in a take-home QR code. A code on a screen is never scratched
// or soiled, so it is made with error correction L, and the room goes into fewer, larger modules:
// 850 bytes make version 20 at most (97 modules a side), drawn at 4 pixels a module or more at
// 1280x800 (larger text too) and 6 at 1920x1080, which a phone reads off the screen
// (tests/takehome_check.cpp decodes the kiosk's own pictures of it with zbarimg).
inline constexpr std::size_t kTakeHomeMaxBytes = 850;
inline constexpr QrCorrection kTakeHomeCorrection = QrCorrection::Low;

// A page to take home: its title, its key points (the page's `takehome`), the numbers of its
// contact blocks (a local one once kiosk.toml has its number), where the facts come from (the short
// names of its sources in `content`) and when they were checked. Empty when the page has neither key
// points nor a number to call.
[[nodiscard]] std::string pageTakeHome(const Page& page, const Content& content, Lang lang,
                                       const LocalContacts& contacts);

// A checklist's result to take home: its title, the warnings, the documents still to prepare (those
// not optional and not in `have`) or that all are there, the fees, the sources and the date.
[[nodiscard]] std::string checklistTakeHome(const ChecklistRules& rules, const ChecklistText& words,
                                            const Answers& answers, const std::set<std::string>& have,
                                            const Content& content, Lang lang);

// The text to take home from the page or checklist `from` (a checklist as `progress` has it), in
// `lang`: what the TakeHome screen shows and its QR code holds. Empty when there is nothing to take.
[[nodiscard]] std::string takeHomeText(const Content& content, const LocalContacts& contacts,
                                       const Route& from, const ChecklistProgress& progress, Lang lang);

// Whether `text` is something to offer: not empty and within kTakeHomeMaxBytes.
[[nodiscard]] bool offeredToTakeHome(const std::string& text);

// Every complete set of answers to a checklist (skipped questions left out), for the checks.
[[nodiscard]] std::vector<Answers> everyAnswerSet(const ChecklistRules& rules);

} // namespace kiosk
