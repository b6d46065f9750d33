// The officer desk's one thread: its jobs one at a time and in order, its chores between them, and
// the snapshot it publishes for the screens. One mutex guards all of it.
#pragma once

#include "services/desk_board.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <ostream>
#include <thread>
#include <utility>

namespace kiosk::desk {

class Worker final : public Board {
public:
    using Job = std::function<void()>;
    // What the thread does of its own accord. Both run on it.
    struct Chores {
        // Under the lock: how long to sleep when no job is posted and nothing nudges it.
        std::function<std::chrono::milliseconds()> sleepFor;
        // Without the lock: after each round of jobs, and when the sleep is over.
        std::function<void()> between;
    };

    // `log` must outlive the worker. `first` is the snapshot until something is published.
    Worker(std::ostream& log, std::shared_ptr<const OfficerSnapshot> first);
    ~Worker(); // stop()
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    // Starts the thread, once everything the jobs and chores use exists.
    void start(Chores chores);
    // Runs the jobs posted so far, then ends the thread.
    void stop();

    void post(Job job);
    // Waits until every job posted so far is done.
    void drain();

    // Runs `f` under the lock: for state the desk's callers share with its thread.
    template <class F> decltype(auto) locked(F&& f) const
    {
        const std::lock_guard lock(m_mutex);
        return std::forward<F>(f)();
    }
    // Runs `f` under the lock; when it returns true, the thread asks sleepFor() again at once (a
    // chore fell due sooner than it planned).
    template <class F> void nudgeIf(F&& f)
    {
        bool nudge = false;
        {
            const std::lock_guard lock(m_mutex);
            nudge = std::forward<F>(f)();
            m_nudged = m_nudged || nudge;
        }
        if (nudge)
            m_wake.notify_all();
    }

    [[nodiscard]] std::shared_ptr<const OfficerSnapshot> snapshot() const override;
    void publish(const SnapshotChange& change) override;
    // Counts up with every publish() and noteChange(): the screens should be drawn again.
    [[nodiscard]] std::uint64_t changes() const { return m_changes.load(); }
    // Something the screens read besides the snapshot changed.
    void noteChange() { ++m_changes; }

private:
    void run();

    std::ostream& m_log;
    Chores m_chores; // set before the thread starts, then only read by it

    mutable std::mutex m_mutex; // guards everything below (and what the desk keeps under locked())
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<Job> m_jobs;
    bool m_busy = false;
    bool m_stop = false;
    bool m_nudged = false; // the thread should think again about how long to sleep
    std::shared_ptr<const OfficerSnapshot> m_snapshot;
    std::atomic<std::uint64_t> m_changes{0};

    std::thread m_thread; // last: started once everything above exists
};

} // namespace kiosk::desk
