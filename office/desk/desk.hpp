// The office desk in the browser: `desa-office serve`, an HTTP server (cpp-httplib) of server-rendered
// pages (ctemplate, HTML auto-escaping) over the ledger, with sign-in, sessions, CSRF and the audit log.
#pragma once

#include "ledger/config.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <string>

namespace kiosk::office::desk {

struct DeskOptions {
    OfficeConfig config;
    std::string database;        // for openStore: "sqlite:…", "postgresql://…", "" the default file
    std::size_t connections = 8; // store connections at most, one per request being served
    // Threads answering requests: each holds a browser's kept-alive connection for up to 5 s, so
    // there are more of them than office PCs at once (20 officers need 20), while the store
    // connections stay few.
    std::size_t threads = 32;
    // The time in ms since 1970; the system clock when empty (tests pass their own).
    std::function<std::int64_t()> clock;
    std::ostream* log = nullptr; // one line per request (no personal data); std::cerr when null
};

class Desk {
public:
    // Opens (and migrates) the first store connection: a StoreError here is a sentence for the caller.
    explicit Desk(DeskOptions options);
    ~Desk();
    Desk(const Desk&) = delete;
    Desk& operator=(const Desk&) = delete;

    // Binds HOST and PORT (0: any free port) and returns the port; throws std::runtime_error.
    int bind(const std::string& host, int port);
    // Serves until stop(); returns false when the server could not run.
    bool run();
    // From any thread, a signal handler's watcher included: run() returns after the requests in hand.
    void stop();

    struct Impl;

private:
    std::unique_ptr<Impl> m;
};

// "127.0.0.1:8080" -> host and port; "[::1]:8080" -> "::1" and 8080. Throws std::invalid_argument.
[[nodiscard]] std::pair<std::string, int> splitListen(const std::string& listen);

} // namespace kiosk::office::desk
