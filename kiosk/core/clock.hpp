// Time as the kiosk sees it: milliseconds on a monotonic or a wall clock, injectable so tests can fake it.
#pragma once

#include <chrono>
#include <cstdint>
#include <ctime>
#include <string>

namespace kiosk {

using Millis = std::int64_t;

class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual Millis now() const = 0;
};

class SteadyClock final : public Clock {
public:
    [[nodiscard]] Millis now() const override
    {
        using namespace std::chrono;
        return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
    }
};

// Wall-clock time: milliseconds since the Unix epoch (UTC), for stamping saved requests.
class SystemClock final : public Clock {
public:
    [[nodiscard]] Millis now() const override
    {
        using namespace std::chrono;
        return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    }
};

class FakeClock final : public Clock {
public:
    [[nodiscard]] Millis now() const override { return m_now; }
    void advance(Millis ms) { m_now += ms; }
    void set(Millis ms) { m_now = ms; }

private:
    Millis m_now = 1'000'000;
};

// `unixMs` in the machine's local time zone (a time before 1970 belongs to the second before it).
// Throws std::runtime_error when the C library cannot convert it.
[[nodiscard]] std::tm localTime(Millis unixMs);
// `unixMs` in local time through strftime's `format` ("%Y-%m-%d").
[[nodiscard]] std::string formatLocal(Millis unixMs, const char* format);
// `unixMs` in UTC through strftime's `format`, for stamps that mean the same on every machine.
[[nodiscard]] std::string formatUtc(Millis unixMs, const char* format);

} // namespace kiosk
