// The officer desk's thread: one job at a time, the chores between them, the snapshot swapped whole.
#include "services/desk_worker.hpp"

#include <exception>

namespace kiosk::desk {

Worker::Worker(std::ostream& log, std::shared_ptr<const OfficerSnapshot> first)
    : m_log(log), m_snapshot(std::move(first))
{
}

Worker::~Worker()
{
    stop();
}

void Worker::start(Chores chores)
{
    if (m_thread.joinable())
        return;
    m_chores = std::move(chores);
    m_thread = std::thread([this] { run(); });
}

void Worker::stop()
{
    if (!m_thread.joinable())
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void Worker::post(Job job)
{
    {
        const std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_all();
}

void Worker::drain()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_jobs.empty() && !m_busy; });
}

void Worker::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait_for(lock, m_chores.sleepFor(), [this] { return m_stop || !m_jobs.empty() || m_nudged; });
        m_nudged = false;
        while (!m_jobs.empty()) {
            Job job = std::move(m_jobs.front());
            m_jobs.pop_front();
            m_busy = true;
            lock.unlock();
            try {
                job();
            } catch (const std::exception& e) { // each job handles its own; this is the last net
                m_log << "kiosk: officer desk: " << e.what() << "\n";
            }
            lock.lock();
            m_busy = false;
        }
        m_idle.notify_all();
        if (m_stop)
            return;
        lock.unlock();
        m_chores.between();
        lock.lock();
    }
}

void Worker::publish(const SnapshotChange& change)
{
    const std::lock_guard lock(m_mutex);
    auto next = std::make_shared<OfficerSnapshot>(*m_snapshot);
    change(*next);
    m_snapshot = std::move(next);
    ++m_changes;
}

std::shared_ptr<const OfficerSnapshot> Worker::snapshot() const
{
    const std::lock_guard lock(m_mutex);
    return m_snapshot;
}

} // namespace kiosk::desk
