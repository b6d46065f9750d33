// Opening the request store in the background and handing it over on first use.
#include "services/pending_store.hpp"

#include <exception>
#include <utility>

namespace kiosk {

PendingStore::PendingStore(std::filesystem::path file, std::string kioskId, const Clock& wallClock,
                           std::ostream& log)
    : m_file(std::move(file)), m_kioskId(std::move(kioskId)), m_clock(wallClock), m_log(log)
{
}

void PendingStore::start()
{
    const std::lock_guard lock(m_getting);
    startLocked();
}

void PendingStore::startLocked()
{
    if (m_opening.valid() || m_store)
        return;
    try {
        m_opening = std::async(std::launch::async, [this] {
            return store::RequestStore::open(m_file, m_kioskId, m_clock, m_log);
        });
    } catch (const std::exception& e) {
        // No thread to be had: the first use opens it on this one instead.
        m_log << "kiosk: cannot open the database in the background: " << e.what() << "\n";
    }
}

PendingStore::~PendingStore()
{
    if (m_opening.valid())
        m_opening.wait(); // the thread uses the clock and the log: let it finish first
}

store::RequestStore& PendingStore::get()
{
    const std::lock_guard lock(m_getting);
    if (!m_store) {
        startLocked();
        store::RequestStore::Opened opened =
            m_opening.valid() ? m_opening.get()
                              : store::RequestStore::open(m_file, m_kioskId, m_clock, m_log);
        m_store = std::move(opened.store);
    }
    return *m_store;
}

SubmitResult PendingStore::submit(const CallbackRequest& request)
{
    try {
        return get().submit(request);
    } catch (const std::exception& e) { // RequestStore::open never throws; its thread might
        m_log << "kiosk: could not save a callback request: the database could not be opened (" << e.what()
              << ")\n";
        return {SubmitResult::Status::Failed, {}, SaveFailure::Unavailable};
    }
}

} // namespace kiosk
