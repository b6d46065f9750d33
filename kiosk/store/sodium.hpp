// libsodium made ready before use: the one place every layer that uses it (store, export, packs) calls.
#pragma once

namespace kiosk::store {

// Initialises libsodium; calls after the first return at once. Throws std::runtime_error when it
// cannot be initialised (no source of randomness): nothing that needs it may go on then.
void initSodium();

} // namespace kiosk::store
