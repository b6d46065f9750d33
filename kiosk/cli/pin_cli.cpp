// `kiosk set-pin`: two lines from standard input (echo off on a terminal) to the officer PIN hash.
#include "cli/pin_cli.hpp"

#include "core/clock.hpp"
#include "store/officer.hpp"
#include "store/requests.hpp"

#include <CLI/CLI.hpp>

#include <termios.h>
#include <unistd.h>

#include <cstddef>
#include <exception>
#include <iostream>
#include <optional>
#include <string>

namespace kiosk {

namespace {

// Turns terminal echo off on standard input (a terminal) while it lives; the newline still shows.
class EchoOff {
public:
    EchoOff()
    {
        if (::tcgetattr(STDIN_FILENO, &m_saved) != 0)
            return;
        termios quiet = m_saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        quiet.c_lflag |= ECHONL;
        m_active = ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet) == 0;
    }
    ~EchoOff()
    {
        if (m_active)
            ::tcsetattr(STDIN_FILENO, TCSANOW, &m_saved);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    termios m_saved{};
    bool m_active = false;
};

// A line that is wiped when it goes out of scope.
struct SecretLine {
    std::string text;
    ~SecretLine()
    {
        volatile char* p = text.data();
        for (std::size_t i = 0; i < text.size(); ++i)
            p[i] = 0;
    }
};

// Prompts (on a terminal only) and reads one line without its end.
bool readLine(std::istream& in, std::ostream* prompts, const char* prompt, SecretLine& line)
{
    if (prompts)
        *prompts << prompt << std::flush;
    if (!std::getline(in, line.text))
        return false;
    if (!line.text.empty() && line.text.back() == '\r')
        line.text.pop_back();
    return true;
}

} // namespace

SetPinCommand::SetPinCommand(CLI::App& cli, std::filesystem::path& dbFile) : m_dbFile(dbFile)
{
    m_setPin =
        cli.add_subcommand("set-pin", "Set the officer PIN (6-8 digits), read twice from standard input");
    m_setPin->add_option("--db", m_dbFile, "Database file (default: the kiosk's)");
}

bool SetPinCommand::parsed() const
{
    return m_setPin->parsed();
}

int SetPinCommand::run(const std::string& kioskId, std::istream& in, std::ostream& out,
                       std::ostream& err) const
{
    SecretLine first, second;
    {
        const bool terminal = &in == &std::cin && ::isatty(STDIN_FILENO) != 0;
        std::optional<EchoOff> echoOff;
        if (terminal)
            echoOff.emplace();
        std::ostream* prompts = terminal ? &out : nullptr;
        if (!readLine(in, prompts, "New officer PIN (6-8 digits): ", first) ||
            !readLine(in, prompts, "The same PIN again: ", second)) {
            err << "kiosk: set-pin: the PIN must be given twice on standard input; nothing changed\n";
            return 1;
        }
    }
    if (first.text != second.text) {
        err << "kiosk: set-pin: the two PINs differ; nothing changed\n";
        return 1;
    }
    if (!store::validPin(first.text)) {
        err << "kiosk: set-pin: the PIN must be 6 to 8 digits; nothing changed\n";
        return 1;
    }
    try {
        const SystemClock clock;
        auto opened = store::RequestStore::open(m_dbFile, kioskId, clock, err);
        if (!opened.store->available())
            return 1;
        store::OfficerAccess officer(*opened.store->database(), clock);
        officer.setPin(first.text);
        out << "kiosk: the officer PIN is set in " << m_dbFile.string() << "\n";
        return 0;
    } catch (const std::exception& e) {
        err << "kiosk: set-pin: " << m_dbFile.string() << ": " << e.what() << "\n";
        return 1;
    }
}

} // namespace kiosk
