// The effect runner and the request saver: each effect reaches its service, each answer comes back
// as an intent, and a service the kiosk runs without answers as a missing one would.
#include "services/request_saver.hpp"
#include "shell/effect_runner.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <variant>

using namespace kiosk;

namespace {

// A store that commits when the test lets it, and can fail or throw.
class GatedSink final : public RequestSink {
public:
    SubmitResult submit(const CallbackRequest& request) override
    {
        std::unique_lock lock(m_mutex);
        m_open.wait(lock, [this] { return m_opened; });
        got.push_back(request.name);
        if (request.name == "throw")
            throw std::runtime_error("disk gone");
        if (request.name == "full")
            return {SubmitResult::Status::Failed, {}, SaveFailure::Full};
        return {SubmitResult::Status::Saved, "CMG-" + std::to_string(got.size()), SaveFailure::None};
    }
    void open()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_opened = true;
        }
        m_open.notify_all();
    }
    std::vector<std::string> got;

private:
    std::mutex m_mutex;
    std::condition_variable m_open;
    bool m_opened = false;
};

CallbackRequest named(std::string name)
{
    CallbackRequest r;
    r.name = std::move(name);
    return r;
}

} // namespace

TEST_CASE("without services: a save and a PIN check fail calmly, the rest does nothing")
{
    EffectRunner runner;
    runner.run(effect::SaveRequest{7, named("Siti")});
    runner.run(effect::CheckPin{8, "246810", false});
    runner.run(effect::StartExport{ExportScope::All, std::nullopt});
    runner.run(effect::ReadAloud{Script{}});
    runner.run(effect::CountView{"passport", Lang::Id});
    CHECK(runner.waiting());
    const auto answers = runner.answers();
    REQUIRE(answers.size() == 2);
    const auto* lost = std::get_if<intent::RequestNotSaved>(&answers[0]);
    REQUIRE(lost);
    CHECK(lost->ticket == 7);
    CHECK(lost->failure == SaveFailure::Unavailable);
    const auto* pin = std::get_if<intent::PinChecked>(&answers[1]);
    REQUIRE(pin);
    CHECK(pin->answer.attempt == 8);
    CHECK(pin->answer.status == PinAnswer::Status::Failed);
    CHECK_FALSE(runner.waiting());
    CHECK(runner.answers().empty());
}

TEST_CASE("the saver commits off the calling thread, in order, and answers each ticket")
{
    GatedSink sink;
    std::ostringstream log;
    RequestSaver saver(sink, log);
    EffectRunner runner(Services{.saver = &saver});
    const auto t0 = std::chrono::steady_clock::now();
    runner.run(effect::SaveRequest{1, named("Siti")});
    runner.run(effect::SaveRequest{2, named("full")});
    runner.run(effect::SaveRequest{3, named("throw")});
    // The store is stuck (a slow disk): nothing waited for it, and nothing is answered yet.
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::milliseconds(100));
    CHECK(runner.waiting());
    CHECK(runner.answers().empty());
    sink.open();
    saver.drain();
    CHECK_FALSE(runner.waiting());
    const auto answers = runner.answers();
    REQUIRE(answers.size() == 3);
    const auto* saved = std::get_if<intent::RequestSaved>(&answers[0]);
    REQUIRE(saved);
    CHECK(saved->ticket == 1);
    CHECK(saved->reference == "CMG-1");
    const auto* full = std::get_if<intent::RequestNotSaved>(&answers[1]);
    REQUIRE(full);
    CHECK(full->ticket == 2);
    CHECK(full->failure == SaveFailure::Full);
    const auto* thrown = std::get_if<intent::RequestNotSaved>(&answers[2]);
    REQUIRE(thrown);
    CHECK(thrown->failure == SaveFailure::Other);
    CHECK(log.str().find("disk gone") != std::string::npos);
    CHECK(log.str().find("throw") == std::string::npos); // never the resident's words
    CHECK(sink.got == std::vector<std::string>{"Siti", "full", "throw"});
}

TEST_CASE("a saver closing down commits every request already sent")
{
    GatedSink sink;
    std::ostringstream log;
    std::thread opener;
    {
        RequestSaver saver(sink, log);
        saver.save(1, named("Siti"));
        saver.save(2, named("Tri"));
        opener = std::thread([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            sink.open();
        });
    } // the kiosk stopping (SIGTERM) while a save waits for the disk
    opener.join();
    CHECK(sink.got == std::vector<std::string>{"Siti", "Tri"});
}
