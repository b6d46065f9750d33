// The request store, opened on a thread of its own while the window opens, so that a large or
// damaged database never delays the first picture; the first send waits for it if it must.
#pragma once

#include "core/clock.hpp"
#include "core/request.hpp"
#include "store/requests.hpp"

#include <filesystem>
#include <future>
#include <memory>
#include <ostream>
#include <string>

namespace kiosk {

class PendingStore final : public RequestSink {
public:
    // Starts opening at once. `wallClock` and `log` must outlive this.
    PendingStore(std::filesystem::path file, std::string kioskId, const Clock& wallClock, std::ostream& log);
    ~PendingStore() override;
    PendingStore(const PendingStore&) = delete;
    PendingStore& operator=(const PendingStore&) = delete;

    SubmitResult submit(const CallbackRequest& request) override;
    // The opened store (waits for it).
    store::RequestStore& get();

private:
    std::future<store::RequestStore::Opened> m_opening;
    std::unique_ptr<store::RequestStore> m_store;
};

} // namespace kiosk
