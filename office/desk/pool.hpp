// A small pool of store connections: each request being served borrows one of its own (a single
// connection behind a lock would make 20 officers wait on each other).
#pragma once

#include "ledger/store.hpp"

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace kiosk::office::desk {

class StorePool {
public:
    using Opener = std::function<std::unique_ptr<Store>()>;
    StorePool(Opener open, std::size_t most) : m_open(std::move(open)), m_most(most == 0 ? 1 : most) {}

    class Lease {
    public:
        Lease(StorePool& pool, std::unique_ptr<Store> store) : m_pool(&pool), m_store(std::move(store)) {}
        Lease(Lease&& other) noexcept = default;
        Lease& operator=(Lease&&) = delete;
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        ~Lease();
        Store& operator*() const { return *m_store; }
        Store* operator->() const { return m_store.get(); }
        // The connection is not given back (the server went away): the next borrower opens a new one.
        void discard() { m_discard = true; }

    private:
        StorePool* m_pool;
        std::unique_ptr<Store> m_store;
        bool m_discard = false;
    };

    // A free connection, a new one while fewer than `most` are open, else waits for one.
    // Throws StoreError when a new connection cannot be opened.
    [[nodiscard]] Lease borrow();
    // Keeps `store` as a free connection (the first, opened by the caller to migrate).
    void adopt(std::unique_ptr<Store> store);

private:
    void giveBack(std::unique_ptr<Store> store, bool discard);
    Opener m_open;
    std::size_t m_most;
    std::size_t m_open_count = 0;
    std::vector<std::unique_ptr<Store>> m_free;
    std::mutex m_mutex;
    std::condition_variable m_freed;
};

} // namespace kiosk::office::desk
