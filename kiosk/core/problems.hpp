// Problems found in files the office edits, collected as "file:line: message", never stopping at the first.
#pragma once

#include <string>
#include <vector>

namespace kiosk {

using Problems = std::vector<std::string>;

} // namespace kiosk
