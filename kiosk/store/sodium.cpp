// Initialising libsodium.
#include "store/sodium.hpp"

#include <sodium.h>

#include <stdexcept>

namespace kiosk::store {

void initSodium()
{
    // sodium_init() is thread-safe and returns 1 at once when it has run before.
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not be initialised");
}

} // namespace kiosk::store
