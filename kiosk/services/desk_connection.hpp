// The officer desk's own connection to the kiosk's database, for its thread alone: opened once the
// kiosk's store has opened (checked, migrated) the file, and tried again a while after it could not be.
#pragma once

#include "services/pending_store.hpp"

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>

namespace kiosk {

namespace store {
class Db;
}

namespace desk {

class Connection {
public:
    // Runs once the connection is open; a throw closes it again (it is tried again later).
    using OnOpen = std::function<void(store::Db&)>;

    // `store` and `log` must outlive the connection. Nothing is opened before the first get().
    Connection(PendingStore& store, std::ostream& log, OnOpen onOpen);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // The connection, opened first if need be (which waits for the kiosk's store, and is tried at
    // most every 30 s). Null when the database cannot be used.
    store::Db* get();
    // The connection if it is open; never tries to open it.
    [[nodiscard]] store::Db* opened() const { return m_db.get(); }
    // The database's file, once it was opened.
    [[nodiscard]] const std::filesystem::path& file() const { return m_file; }

private:
    PendingStore& m_store;
    std::ostream& m_log;
    OnOpen m_onOpen;
    std::unique_ptr<store::Db> m_db;
    std::filesystem::path m_file;
    std::chrono::steady_clock::time_point m_retryAt{};
};

} // namespace desk
} // namespace kiosk
