// The request saver's thread: one request at a time, each answer kept for the shell.
#include "services/request_saver.hpp"

#include <exception>

namespace kiosk {

RequestSaver::RequestSaver(RequestSink& sink, std::ostream& log)
    : m_sink(sink), m_log(log), m_worker([this] { run(); })
{
}

RequestSaver::~RequestSaver()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_worker.join();
}

void RequestSaver::save(std::uint64_t ticket, CallbackRequest request)
{
    {
        const std::lock_guard lock(m_mutex);
        m_queue.emplace_back(ticket, std::move(request));
    }
    m_wake.notify_all();
}

std::vector<Intent> RequestSaver::takeAnswers()
{
    const std::lock_guard lock(m_mutex);
    return std::exchange(m_answers, {});
}

bool RequestSaver::busy() const
{
    const std::lock_guard lock(m_mutex);
    return m_saving || !m_queue.empty();
}

void RequestSaver::drain()
{
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [this] { return !m_saving && m_queue.empty(); });
}

void RequestSaver::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || !m_queue.empty(); });
        if (m_queue.empty())
            return; // stopping, and every request sent is committed
        auto [ticket, request] = std::move(m_queue.front());
        m_queue.pop_front();
        m_saving = true;
        lock.unlock();
        SubmitResult result{SubmitResult::Status::Failed, {}, SaveFailure::Other};
        try {
            result = m_sink.submit(request);
        } catch (const std::exception& e) { // a sink reports failures in its result; this is a last resort
            m_log << "kiosk: error: a callback request could not be saved: " << e.what() << "\n";
        }
        lock.lock();
        m_saving = false;
        if (result.ok())
            m_answers.emplace_back(intent::RequestSaved{ticket, result.reference});
        else
            m_answers.emplace_back(intent::RequestNotSaved{ticket, result.failure});
        m_done.notify_all();
    }
}

} // namespace kiosk
