// Saving callback requests off the drawing thread: each request is committed on a thread of its own,
// in the order sent, and its answer waits as an intent (RequestSaved or RequestNotSaved) until the
// shell takes it. The confirmation a resident reads is shown only for a commit that returned.
#pragma once

#include "core/intent.hpp"
#include "core/request.hpp"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <ostream>
#include <thread>
#include <utility>
#include <vector>

namespace kiosk {

class RequestSaver {
public:
    // `sink` (where requests are committed) and `log` must outlive the saver.
    RequestSaver(RequestSink& sink, std::ostream& log);
    // Commits every request already sent before it returns: nothing a resident sent is dropped.
    ~RequestSaver();
    RequestSaver(const RequestSaver&) = delete;
    RequestSaver& operator=(const RequestSaver&) = delete;

    // Returns at once; the answer carries `ticket`.
    void save(std::uint64_t ticket, CallbackRequest request);
    // The answers that came since the last call, in the order the requests were sent.
    [[nodiscard]] std::vector<Intent> takeAnswers();
    // A request is being committed or waits to be.
    [[nodiscard]] bool busy() const;
    // Waits until every request sent so far is answered (tests, benchmarks).
    void drain();

private:
    void run();

    RequestSink& m_sink;
    std::ostream& m_log;
    mutable std::mutex m_mutex; // guards everything below
    std::condition_variable m_wake;
    std::condition_variable m_done;
    std::deque<std::pair<std::uint64_t, CallbackRequest>> m_queue;
    std::vector<Intent> m_answers;
    bool m_saving = false;
    bool m_stop = false;
    std::thread m_worker; // last: started once everything above exists
};

} // namespace kiosk
