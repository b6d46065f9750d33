// A bounded load on the office desk, as JSON lines for scripts/bench.sh: N users at once, each
// logged in with a session of its own, moving through the queue (random filters, searches and
// pages), the requests found there (their uids read from the queue's `data-uid` rows) and the
// monthly report with its chart, for a fixed time; per kind of page: count, p50, p95, max, errors.
// With --floor, the same users ask only GET /sehat (no session, no database): what the HTTP
// server, the loopback and this machine cost by themselves.
//   desk_load --port PORT --user NAME --password PASS [--users 20] [--seconds 30]
//             [--think-ms 500] [--floor] [--host 127.0.0.1]
// Exits 1 on any error: a page that is not 200, a login that does not end in 303, a lost
// connection. Each user waits a random 0..--think-ms between pages (an officer reading).
#include "../desk_html.hpp"
#include "bench_support.hpp"

#include <httplib.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace kiosk::bench;

namespace {

struct Options {
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string user;
    std::string password;
    int users = 20;
    int seconds = 30;
    int thinkMs = 500;
    bool floor = false;
};

// What one kind of page took, over all users.
struct Tally {
    std::mutex mutex;
    std::map<std::string, std::vector<double>> times;
    std::map<std::string, int> errors;
    std::vector<std::string> firstErrors; // a few, for the log

    void add(const std::string& kind, double ms)
    {
        const std::lock_guard lock(mutex);
        times[kind].push_back(ms);
    }
    void error(const std::string& kind, const std::string& what)
    {
        const std::lock_guard lock(mutex);
        ++errors[kind];
        times[kind]; // the kind is listed even when nothing of it succeeded
        if (firstErrors.size() < 10)
            firstErrors.push_back(kind + ": " + what);
    }
};

// One user: its own connection (kept alive) and its own cookies.
class User {
public:
    User(const Options& o, Tally& tally, unsigned seed)
        : m_options(o), m_tally(tally), m_client(o.host, o.port), m_random(seed)
    {
        m_client.set_keep_alive(true);
        m_client.set_connection_timeout(5, 0);
        m_client.set_read_timeout(30, 0);
    }

    bool login()
    {
        httplib::Result page = get("/masuk");
        if (!page || page->status != 200) {
            m_tally.error("masuk", describe(page, "GET /masuk"));
            return false;
        }
        const std::string csrf = first(page->body, kCsrf);
        httplib::Params form{{"nama", m_options.user}, {"sandi", m_options.password}, {"csrf", csrf}};
        httplib::Result done = m_client.Post("/masuk", headers(), form);
        remember(done);
        if (!done || done->status != 303 || done->get_header_value("Location") == "/masuk") {
            m_tally.error("masuk", describe(done, "POST /masuk (user " + m_options.user + ")"));
            return false;
        }
        return true;
    }

    void run(std::chrono::steady_clock::time_point until)
    {
        while (std::chrono::steady_clock::now() < until) {
            if (m_options.floor)
                timed("sehat", "/sehat");
            else
                step();
            if (m_options.thinkMs > 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(
                    std::uniform_int_distribution<int>(0, m_options.thinkMs)(m_random)));
        }
    }

private:
    static constexpr std::string_view kCsrf = "name=\"csrf\" value=\"";
    static constexpr std::string_view kUid = "data-uid=\"";

    const Options& m_options;
    Tally& m_tally;
    httplib::Client m_client;
    std::mt19937 m_random;
    std::map<std::string, std::string> m_cookies;
    std::vector<std::string> m_uids;

    static std::string first(const std::string& body, std::string_view marker)
    {
        return kiosk::test::firstHtmlValue(body, marker);
    }

    static std::string describe(const httplib::Result& r, const std::string& what)
    {
        if (!r)
            return what + ": " + httplib::to_string(r.error());
        return what + ": HTTP " + std::to_string(r->status) + " " + r->get_header_value("Location");
    }

    httplib::Headers headers() const
    {
        std::string cookie;
        for (const auto& [name, value] : m_cookies)
            cookie += (cookie.empty() ? "" : "; ") + name + "=" + value;
        httplib::Headers h;
        if (!cookie.empty())
            h.emplace("Cookie", cookie);
        return h;
    }

    // Set-Cookie NAME=VALUE; attributes… : the name and value are kept, the attributes are the
    // browser's business (the HTTPS and browser tests check them).
    void remember(const httplib::Result& r)
    {
        if (!r)
            return;
        const std::size_t n = r->get_header_value_count("Set-Cookie");
        for (std::size_t i = 0; i < n; ++i) {
            const std::string line = r->get_header_value("Set-Cookie", i);
            const std::string pair = line.substr(0, line.find(';'));
            const std::size_t eq = pair.find('=');
            if (eq != std::string::npos)
                m_cookies[pair.substr(0, eq)] = pair.substr(eq + 1);
        }
    }

    httplib::Result get(const std::string& path)
    {
        httplib::Result r = m_client.Get(path, headers());
        remember(r);
        return r;
    }

    // GET path, timed as `kind`; the body when it was a 200.
    std::string timed(const std::string& kind, const std::string& path)
    {
        const auto t0 = std::chrono::steady_clock::now();
        httplib::Result r = get(path);
        const double ms = msSince(t0);
        if (!r || r->status != 200) {
            m_tally.error(kind, describe(r, "GET " + path));
            return {};
        }
        m_tally.add(kind, ms);
        return r->body;
    }

    template <class T> const T& pick(const std::vector<T>& v)
    {
        return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(m_random)];
    }

    void step()
    {
        const int roll = std::uniform_int_distribution<int>(0, 99)(m_random);
        if (roll < 45 || m_uids.empty())
            queue();
        else if (roll < 85)
            request();
        else
            report();
    }

    void queue()
    {
        static const std::vector<std::string> villages{"", "", "", "DSA", "DSB", "DSC", "DSD", "DSE"};
        static const std::vector<std::string> topics{"",     "", "passport", "work-abroad", "trafficking",
                                                     "other"};
        static const std::vector<std::string> statuses{"",          "",        "baru",   "dicoba",
                                                       "dihubungi", "dirujuk", "selesai"};
        static const std::vector<std::string> ages{"", "", "", "3", "7", "30"};
        static const std::vector<std::string> searches{
            "", "", "", "", "Sri", "Widodo 12", "+62812100", "DSA-", "Rahayu", "Lestari 9"};
        std::string path = "/antrean?desa=" + pick(villages) + "&topik=" + pick(topics) +
                           "&status=" + pick(statuses) + "&umur=" + pick(ages) +
                           "&cari=" + httplib::detail::encode_query_param(pick(searches)) +
                           "&hal=" + std::to_string(std::uniform_int_distribution<int>(1, 4)(m_random));
        const std::string body = timed("antrean", path);
        for (std::string& uid : kiosk::test::htmlValues(body, kUid)) {
            if (m_uids.size() < 200)
                m_uids.push_back(std::move(uid));
            else
                m_uids[std::uniform_int_distribution<std::size_t>(0, m_uids.size() - 1)(m_random)] =
                    std::move(uid);
        }
    }

    void request() { (void)timed("permintaan", "/permintaan/" + pick(m_uids)); }

    void report()
    {
        // The year the bench's requests were made in: December 2025 to November 2026.
        const int m = std::uniform_int_distribution<int>(0, 11)(m_random);
        char month[16];
        std::snprintf(month, sizeof month, "%04d-%02d", m == 0 ? 2025 : 2026, m == 0 ? 12 : m);
        (void)timed("laporan", std::string("/laporan?bulan=") + month);
        (void)timed("laporan_grafik", std::string("/laporan/grafik.svg?bulan=") + month);
    }
};

int parse(int argc, char** argv, Options& o)
{
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--floor") {
            o.floor = true;
            continue;
        }
        if (i + 1 >= argc) {
            std::cerr << "desk_load: " << a << " needs a value\n";
            return 2;
        }
        const std::string v = argv[++i];
        if (a == "--host")
            o.host = v;
        else if (a == "--port")
            o.port = std::atoi(v.c_str());
        else if (a == "--user")
            o.user = v;
        else if (a == "--password")
            o.password = v;
        else if (a == "--users")
            o.users = std::max(1, std::atoi(v.c_str()));
        else if (a == "--seconds")
            o.seconds = std::max(1, std::atoi(v.c_str()));
        else if (a == "--think-ms")
            o.thinkMs = std::max(0, std::atoi(v.c_str()));
        else {
            std::cerr << "desk_load: unknown option " << a << "\n";
            return 2;
        }
    }
    if (o.port <= 0 || (!o.floor && (o.user.empty() || o.password.empty()))) {
        std::cerr << "usage: desk_load --port PORT --user NAME --password PASS [--users N] [--seconds S] "
                     "[--think-ms MS] [--floor]\n";
        return 2;
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    Options o;
    if (const int rc = parse(argc, argv, o); rc != 0)
        return rc;
    Tally tally;
    std::vector<std::unique_ptr<User>> users;
    for (int i = 0; i < o.users; ++i)
        users.push_back(std::make_unique<User>(o, tally, 1000u + static_cast<unsigned>(i)));
    // Everyone logs in first (Argon2id takes its time by design): the load is the pages after.
    std::atomic<int> loggedIn{0};
    {
        std::vector<std::thread> threads;
        for (auto& u : users)
            threads.emplace_back([&] {
                if (o.floor || u->login())
                    ++loggedIn;
            });
        for (auto& t : threads)
            t.join();
    }
    if (loggedIn != o.users) {
        for (const auto& e : tally.firstErrors)
            std::cerr << "desk_load: " << e << "\n";
        std::cerr << "desk_load: " << (o.users - loggedIn) << " of " << o.users
                  << " users could not log in\n";
        return 1;
    }
    const auto t0 = std::chrono::steady_clock::now();
    const auto until = t0 + std::chrono::seconds(o.seconds);
    {
        std::vector<std::thread> threads;
        for (auto& u : users)
            threads.emplace_back([&] { u->run(until); });
        for (auto& t : threads)
            t.join();
    }
    const double seconds = msSince(t0) / 1000.0;
    int errors = 0;
    for (auto& [kind, times] : tally.times) {
        const int e = tally.errors[kind];
        errors += e;
        std::printf("{\"figure\": \"desk_page_ms\", \"page\": \"%s\", \"users\": %d, \"seconds\": %.0f, "
                    "\"think_ms\": %d, \"count\": %zu, \"per_second\": %.1f, \"p50\": %.1f, \"p95\": %.1f, "
                    "\"max\": %.1f, \"errors\": %d}\n",
                    kind.c_str(), o.users, seconds, o.thinkMs, times.size(),
                    static_cast<double>(times.size()) / seconds, times.empty() ? 0.0 : quantile(times, 0.5),
                    times.empty() ? 0.0 : quantile(times, 0.95),
                    times.empty() ? 0.0 : *std::max_element(times.begin(), times.end()), e);
    }
    std::fflush(stdout);
    for (const auto& e : tally.firstErrors)
        std::cerr << "desk_load: " << e << "\n";
    return errors == 0 ? 0 : 1;
}
