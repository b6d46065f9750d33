// `kiosk requests list|count|seed`: the technicians' view of the stored callback requests.
#pragma once

#include "core/request.hpp"

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace kiosk {

class RequestsCommand {
public:
    // Adds `requests` with `list`, `count` and `seed` to `cli`. Each of them also takes --db, written
    // to `dbFile` (the variable of the top-level --db), so `kiosk --db F requests list` and
    // `kiosk requests list --db F` both work. `dbFile` must outlive this.
    RequestsCommand(CLI::App& cli, std::filesystem::path& dbFile);
    RequestsCommand(const RequestsCommand&) = delete;
    RequestsCommand& operator=(const RequestsCommand&) = delete;

    // True when the command line named `requests`.
    [[nodiscard]] bool parsed() const;
    // Runs it; returns the exit code. `kioskId` prefixes the uids and references of seeded requests.
    int run(const std::string& kioskId, std::ostream& out, std::ostream& err) const;

private:
    std::filesystem::path& m_dbFile;
    CLI::App* m_requests = nullptr;
    CLI::App* m_list = nullptr;
    CLI::App* m_count = nullptr;
    CLI::App* m_seed = nullptr;
    bool m_json = false;
    std::size_t m_seedCount = 0;
    bool m_append = false;
};

// For `list`: the header and one line per request. Newlines show as ⏎, other control characters
// and broken UTF-8 as �, so one request is one line and a note cannot drive the terminal.
[[nodiscard]] std::string requestTableHeader();
[[nodiscard]] std::string requestTableLine(const StoredRequest& request);

} // namespace kiosk
