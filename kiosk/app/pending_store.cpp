// Opening the request store in the background and handing it over on first use.
#include "app/pending_store.hpp"

#include <utility>

namespace kiosk {

PendingStore::PendingStore(std::filesystem::path file, std::string kioskId, const Clock& wallClock,
                           std::ostream& log)
    : m_opening(std::async(std::launch::async,
                           [file = std::move(file), id = std::move(kioskId), &wallClock, &log] {
                               return store::RequestStore::open(file, id, wallClock, log);
                           }))
{
}

PendingStore::~PendingStore()
{
    if (m_opening.valid())
        m_opening.wait(); // the thread uses the clock and the log: let it finish first
}

store::RequestStore& PendingStore::get()
{
    if (!m_store) {
        store::RequestStore::Opened opened = m_opening.get();
        m_store = std::move(opened.store);
    }
    return *m_store;
}

SubmitResult PendingStore::submit(const CallbackRequest& request)
{
    return get().submit(request);
}

} // namespace kiosk
