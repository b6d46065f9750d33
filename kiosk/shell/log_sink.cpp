// A stream buffer on standard error that writes whole lines, with their level.
#include "shell/log_sink.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <streambuf>
#include <string>

namespace kiosk {
namespace {

// systemd sets JOURNAL_STREAM to "DEVICE:INODE" of the stream it connected standard error to
// (systemd.exec(5), "Environment variables in spawned processes"); it only counts while standard
// error is still that stream.
bool stderrIsJournal()
{
    const char* stream = std::getenv("JOURNAL_STREAM");
    struct stat st {};
    if (!stream || ::fstat(STDERR_FILENO, &st) != 0)
        return false;
    unsigned long long dev = 0, ino = 0;
    if (std::sscanf(stream, "%llu:%llu", &dev, &ino) != 2)
        return false;
    return dev == static_cast<unsigned long long>(st.st_dev) &&
           ino == static_cast<unsigned long long>(st.st_ino);
}

class LineSink : public std::streambuf {
public:
    explicit LineSink(LogLevel threshold) : m_threshold(threshold), m_journal(stderrIsJournal()) {}
    void setThreshold(LogLevel t) { m_threshold = t; }

protected:
    int_type overflow(int_type ch) override
    {
        if (ch == traits_type::eof())
            return traits_type::not_eof(ch);
        const char c = traits_type::to_char_type(ch);
        xsputn(&c, 1);
        return ch;
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override
    {
        // Each thread builds its own line: a line is written when its newline comes.
        thread_local std::string line;
        for (std::streamsize i = 0; i < n; ++i) {
            line.push_back(s[i]);
            if (s[i] == '\n') {
                emit(line);
                line.clear();
            }
        }
        return n;
    }

private:
    void emit(const std::string& line)
    {
        const LogLevel level = levelOfLine(line);
        if (static_cast<int>(level) > static_cast<int>(m_threshold.load()))
            return;
        const std::string out = m_journal ? "<" + std::to_string(syslogPriority(level)) + ">" + line : line;
        const std::lock_guard lock(m_mutex);
        for (std::size_t done = 0; done < out.size();) {
            const ssize_t w = ::write(STDERR_FILENO, out.data() + done, out.size() - done);
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0)
                return; // nowhere to log to: nothing else can be done
            done += static_cast<std::size_t>(w);
        }
    }

    std::atomic<LogLevel> m_threshold;
    const bool m_journal;
    std::mutex m_mutex;
};

LineSink* g_sink = nullptr;

} // namespace

void installLogSink(LogLevel threshold)
{
    if (g_sink)
        return setLogThreshold(threshold);
    // Never destroyed: std::cerr is flushed after every static object is gone, and must still
    // find its buffer then.
    g_sink = new LineSink(threshold);
    std::cerr.rdbuf(g_sink);
}

void setLogThreshold(LogLevel threshold)
{
    if (g_sink)
        g_sink->setThreshold(threshold);
}

} // namespace kiosk
