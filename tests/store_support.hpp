// Helpers shared by the store tests: a migrated database in memory, requests made from a number, a fixed time
// zone, and running code in a child process (as an unprivileged user when the tests run as root).
#pragma once

#include "core/request.hpp"
#include "store/db.hpp"
#include "store/schema.hpp"

#include <doctest/doctest.h>

#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <functional>
#include <string>

namespace kiosk::test {

// An empty database in memory at the latest schema.
inline store::Db migratedMemory()
{
    store::Db db(":memory:", store::OpenMode::ReadWriteCreate);
    store::migrate(db);
    return db;
}

// Local time for the tests of local days and times: Western Indonesian Time, UTC+7, no tzdata
// needed.
inline void useKioskTimeZone()
{
    ::setenv("TZ", "WIB-7", 1);
    ::tzset();
}

// A different, valid request for every `n`, the same one every time for the same `n`.
inline CallbackRequest numberedRequest(long n)
{
    static const char* const names[] = {"Séno Widodo", "Dèwi Lestari", "Ma'ruf", "Sri Rahayu", "Bambang"};
    CallbackRequest r;
    r.name = std::string(names[n % 5]) + " " + std::to_string(n);
    r.phone = "+62812" + std::to_string(10'000'000 + n % 90'000'000);
    r.dusun = n % 3 == 0 ? "" : "Krajan";
    r.rt = n % 4 == 0 ? "" : std::to_string(1 + n % 15);
    r.rw = n % 4 == 0 ? "" : std::to_string(1 + n % 7);
    r.topic = kAllRequestTopics[static_cast<std::size_t>(n % 4)];
    r.time = kAllContactTimes[static_cast<std::size_t>((n / 4) % 4)];
    r.note = "Nomor " + std::to_string(n) + ", \"kutip\"\nbaris dua";
    r.lang = kAllLangs[static_cast<std::size_t>(n % 3)];
    return r;
}

// Runs `body` in a forked child and returns what it returned. When the tests run as root (as in
// CI) the child first becomes nobody (uid/gid 65534), so file permissions apply to it.
inline std::string inUnprivilegedChild(const std::function<std::string()>& body)
{
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(fds[0]);
        std::string out;
        if (::geteuid() == 0 &&
            (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0))
            out = "could not drop privileges";
        else {
            try {
                out = body();
            } catch (const std::exception& e) {
                out = std::string("threw: ") + e.what();
            }
        }
        for (std::size_t done = 0; done < out.size();) {
            const ssize_t n = ::write(fds[1], out.data() + done, out.size() - done);
            if (n <= 0)
                break;
            done += static_cast<std::size_t>(n);
        }
        ::_exit(0); // no atexit, no doctest, no leak check in the child
    }
    ::close(fds[1]);
    std::string result;
    char buffer[4096];
    for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;)
        result.append(buffer, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status));
    return result;
}

} // namespace kiosk::test
