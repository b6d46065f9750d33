// A row of the requests table read as a StoredRequest: the one mapping every query of requests uses.
#pragma once

#include "core/request.hpp"
#include "store/db.hpp"

#include <string_view>

namespace kiosk::store {

// The columns readRequestRow reads, in its order: "SELECT <these>[, more] FROM requests ...".
inline constexpr std::string_view kRequestColumns =
    "id, uid, reference, created_ms, lang, name, phone, dusun, rt, rw, topic, contact_time, note";
// How many they are: a query's own columns after them start at this index.
inline constexpr int kRequestColumnCount = 13;

// The request in the current row of `row`, selected with kRequestColumns first.
[[nodiscard]] StoredRequest readRequestRow(const Stmt& row);

} // namespace kiosk::store
