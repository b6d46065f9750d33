// The request store, opened (and checked) on a thread of its own once the first picture is up, so
// that a large or damaged database never delays it; a send before it is ready waits for it.
#pragma once

#include "core/clock.hpp"
#include "core/request.hpp"
#include "store/requests.hpp"

#include <filesystem>
#include <future>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>

namespace kiosk {

class PendingStore final : public RequestSink {
public:
    // `wallClock` and `log` must outlive this. Nothing is opened before start() or the first use.
    PendingStore(std::filesystem::path file, std::string kioskId, const Clock& wallClock, std::ostream& log);
    // Starts opening in the background (once).
    void start();
    ~PendingStore() override;
    PendingStore(const PendingStore&) = delete;
    PendingStore& operator=(const PendingStore&) = delete;

    SubmitResult submit(const CallbackRequest& request) override;
    // The opened store (waits for it). Safe from any thread; the store itself is not.
    store::RequestStore& get();

private:
    void startLocked();

    std::filesystem::path m_file;
    std::string m_kioskId;
    const Clock& m_clock;
    std::ostream& m_log;
    std::future<store::RequestStore::Opened> m_opening;
    std::unique_ptr<store::RequestStore> m_store;
    std::mutex m_getting; // the officer desk's thread waits for the store too
};

} // namespace kiosk
