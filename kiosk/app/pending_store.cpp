// Opening the request store in the background and handing it over on first use.
#include "app/pending_store.hpp"

#include <utility>

namespace kiosk {

PendingStore::PendingStore(std::filesystem::path file, std::string kioskId, const Clock& wallClock,
                           std::ostream& log)
    : m_file(std::move(file)), m_kioskId(std::move(kioskId)), m_clock(wallClock), m_log(log)
{
}

void PendingStore::start()
{
    if (m_opening.valid() || m_store)
        return;
    m_opening = std::async(std::launch::async,
                           [this] { return store::RequestStore::open(m_file, m_kioskId, m_clock, m_log); });
}

PendingStore::~PendingStore()
{
    if (m_opening.valid())
        m_opening.wait(); // the thread uses the clock and the log: let it finish first
}

store::RequestStore& PendingStore::get()
{
    if (!m_store) {
        start();
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
