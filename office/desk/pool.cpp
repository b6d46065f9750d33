// The pool of store connections.
#include "desk/pool.hpp"

namespace kiosk::office::desk {

StorePool::Lease::~Lease()
{
    if (m_pool && m_store)
        m_pool->giveBack(std::move(m_store), m_discard);
}

StorePool::Lease StorePool::borrow()
{
    std::unique_lock lock(m_mutex);
    m_freed.wait(lock, [&] { return !m_free.empty() || m_open_count < m_most; });
    if (!m_free.empty()) {
        std::unique_ptr<Store> store = std::move(m_free.back());
        m_free.pop_back();
        return Lease(*this, std::move(store));
    }
    ++m_open_count;
    lock.unlock();
    try {
        return Lease(*this, m_open());
    } catch (...) {
        lock.lock();
        --m_open_count;
        m_freed.notify_one();
        throw;
    }
}

void StorePool::adopt(std::unique_ptr<Store> store)
{
    std::lock_guard lock(m_mutex);
    ++m_open_count;
    m_free.push_back(std::move(store));
    m_freed.notify_one();
}

void StorePool::giveBack(std::unique_ptr<Store> store, bool discard)
{
    {
        std::lock_guard lock(m_mutex);
        if (discard)
            --m_open_count;
        else
            m_free.push_back(std::move(store));
    }
    m_freed.notify_one();
    // A discarded connection is closed here, outside the lock.
}

} // namespace kiosk::office::desk
