// Crash safety: a child process saves requests in a loop and reports each one the store
// acknowledged; it is killed with SIGKILL at a random moment, 200 times. Every acknowledged
// request must be there, intact, and integrity_check must say ok.
#include "store/requests.hpp"
#include "store/schema.hpp"

#include "store_support.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <random>
#include <sstream>

namespace fs = std::filesystem;
using namespace kiosk;
using namespace kiosk::store;

namespace {

// The child: saves numberedRequest(first), (first + 1)… and writes "<n> <reference>\n" to `out`
// for each, only after submit returned Saved. Never returns.
[[noreturn]] void saveUntilKilled(const fs::path& file, long first, int out)
{
    SystemClock clock;
    std::ostringstream log;
    auto opened = RequestStore::open(file, "CRS", clock, log);
    for (long n = first;; ++n) {
        const SubmitResult result = opened.store->submit(test::numberedRequest(n));
        std::string line =
            result.status == SubmitResult::Status::Saved
                ? std::to_string(n) + " " + result.reference + "\n"
                : "failed " + std::to_string(static_cast<int>(result.failure)) + " " + log.str();
        // One short write to a pipe is atomic: the parent sees whole lines only.
        if (::write(out, line.data(), line.size()) != static_cast<ssize_t>(line.size()) ||
            result.status != SubmitResult::Status::Saved)
            ::_exit(3);
    }
}

struct Acknowledged {
    long n;
    std::string reference;
};

// Runs one child for `lifetimeMs`, then kills it; returns the lines it wrote.
std::string runAndKill(const fs::path& file, long first, int lifetimeMs)
{
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(fds[0]);
        saveUntilKilled(file, first, fds[1]);
    }
    ::close(fds[1]);
    std::string lines;
    char buffer[4096];
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(lifetimeMs);
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            break;
        pollfd p{fds[0], POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left.count())) <= 0)
            continue;
        const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n <= 0)
            break; // the child ended by itself (a failure, reported in its lines)
        lines.append(buffer, static_cast<std::size_t>(n));
    }
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    // What it wrote before it died was acknowledged too.
    for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;)
        lines.append(buffer, static_cast<std::size_t>(n));
    ::close(fds[0]);
    return lines;
}

bool storedAsSent(Stmt& byReference, const Acknowledged& ack)
{
    byReference.reset();
    byReference.bind(1, ack.reference);
    if (!byReference.step())
        return false;
    const CallbackRequest sent = test::numberedRequest(ack.n);
    return byReference.columnText(0) == sent.name && byReference.columnText(1) == sent.phone &&
           byReference.columnText(2) == sent.dusun && byReference.columnText(3) == sent.rt &&
           byReference.columnText(4) == sent.rw && byReference.columnText(5) == requestTopicId(sent.topic) &&
           byReference.columnText(6) == contactTimeId(sent.time) && byReference.columnText(7) == sent.note &&
           byReference.columnText(8) == langCode(sent.lang);
}

} // namespace

TEST_CASE("killed at a random moment 200 times, every acknowledged request is on disk and intact")
{
    // One database through all rounds: each child opens what the last one left when it was killed
    // (a hot WAL, maybe half a checkpoint), so recovery is tested 200 times over, on a growing file,
    // and the requests of every earlier round must survive every later crash too.
    test::TempDir dir;
    const fs::path file = dir.path() / "crash.db";
    const unsigned seed = std::random_device{}();
    INFO("random seed " << seed);
    std::mt19937 random(seed);
    int rounds = 200;
    if (const char* env = std::getenv("KIOSK_CRASH_ROUNDS"))
        rounds = std::atoi(env);

    std::vector<Acknowledged> all;
    int killedWithAcks = 0;
    for (int round = 0; round < rounds; ++round) {
        CAPTURE(round);
        const int lifetime = std::uniform_int_distribution<int>(5, 150)(random);
        const std::string lines = runAndKill(file, round * 1'000'000L, lifetime);
        REQUIRE_MESSAGE(lines.find("failed") == std::string::npos, lines);
        std::vector<Acknowledged> acks;
        std::istringstream in(lines);
        for (Acknowledged a; in >> a.n >> a.reference;)
            acks.push_back(a);
        killedWithAcks += acks.empty() ? 0 : 1;

        Db db(file, OpenMode::ReadWriteCreate);
        // Leave the WAL as the killed child left it, for the next child to recover.
        sqlite3_db_config(db.handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        REQUIRE(integrityCheck(db) == std::vector<std::string>{"ok"});
        if (acks.empty())
            continue;
        Stmt byReference(db,
                         "SELECT name, phone, dusun, rt, rw, topic, contact_time, note, lang FROM requests "
                         "WHERE reference = ?1");
        for (const Acknowledged& a : acks) {
            CAPTURE(a.reference);
            REQUIRE(storedAsSent(byReference, a));
        }
        all.insert(all.end(), acks.begin(), acks.end());
    }

    // At the end: all of them still there, and at most one unacknowledged commit per round.
    Db db(file, OpenMode::ReadWriteCreate);
    REQUIRE(schemaVersion(db) == kSchemaVersion);
    CHECK(integrityCheck(db) == std::vector<std::string>{"ok"});
    Stmt byReference(db, "SELECT name, phone, dusun, rt, rw, topic, contact_time, note, lang FROM requests "
                         "WHERE reference = ?1");
    for (const Acknowledged& a : all)
        REQUIRE(storedAsSent(byReference, a));
    const std::int64_t stored = countRequests(db);
    CHECK(stored >= static_cast<std::int64_t>(all.size()));
    CHECK(stored <= static_cast<std::int64_t>(all.size()) + rounds);
    MESSAGE(rounds << " rounds, " << killedWithAcks << " killed after acknowledging, " << all.size()
                   << " acknowledged, " << stored << " stored");
    CHECK(killedWithAcks > rounds / 4); // most kills come in the middle of saving
}
