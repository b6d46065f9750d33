// Opening the officer desk's connection after the kiosk's store, with a pause between failed tries.
#include "services/desk_connection.hpp"

#include "store/db.hpp"

#include <exception>
#include <utility>

namespace kiosk::desk {
namespace {

constexpr auto kRetryAfter = std::chrono::seconds(30); // a database that could not be used

} // namespace

Connection::Connection(PendingStore& store, std::ostream& log, OnOpen onOpen)
    : m_store(store), m_log(log), m_onOpen(std::move(onOpen))
{
}

Connection::~Connection() = default;

store::Db* Connection::get()
{
    const auto now = std::chrono::steady_clock::now();
    if (m_db || now < m_retryAt)
        return m_db.get();
    m_retryAt = now + kRetryAfter; // until then, answer at once that it is unavailable
    try {
        // The kiosk's store opens the file first: it checks it, moves a damaged one aside, migrates.
        store::RequestStore& requests = m_store.get();
        if (!requests.available())
            return nullptr;
        m_file = requests.file();
        auto db = std::make_unique<store::Db>(m_file, store::OpenMode::ReadWriteCreate);
        db->setBusyTimeout(2000);
        db->exec("PRAGMA synchronous = FULL");
        db->exec("PRAGMA foreign_keys = ON");
        m_db = std::move(db);
        if (m_onOpen)
            m_onOpen(*m_db);
    } catch (const std::exception& e) {
        m_log << "kiosk: officer desk: the database cannot be used: " << e.what() << "\n";
        m_db.reset();
    }
    return m_db.get();
}

} // namespace kiosk::desk
