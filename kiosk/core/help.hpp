// Help now: the numbers a resident in trouble can call at once, whatever screen they are on.
#pragma once

#include "core/config.hpp"
#include "core/language.hpp"
#include "core/strings.hpp"

#include <string>
#include <vector>

namespace kiosk {

struct HelpNumber {
    std::string id;        // "police", "sapa", "kp2mi", "narahubung": help.number.<id> in the UI map
    std::string name;      // "Polisi"
    std::string shortName; // in a line of several numbers: "SAPA"
    std::string number;    // as dialled: "110"
    std::string purpose;   // what it is for, in one line
};

// The national numbers (their words and digits from ui.toml, help.<id>.*), then the village's
// contact person from kiosk.toml ([contacts.narahubung]) once the office has filled in a number.
[[nodiscard]] std::vector<HelpNumber> helpNumbers(const Strings& strings, Lang lang,
                                                  const LocalContacts& contacts);

// The numbers to call when someone is in danger now: the police and SAPA 129.
[[nodiscard]] std::vector<HelpNumber> dangerNumbers(const Strings& strings, Lang lang);

// "Polisi 110 · SAPA 129 · KP2MI 0800-1000": the national numbers on one line.
[[nodiscard]] std::string helpLine(const Strings& strings, Lang lang);

} // namespace kiosk
