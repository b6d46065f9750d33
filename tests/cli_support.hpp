// Running a kiosk subcommand as kiosk/main.cpp wires it (a top-level --db with a default), into
// string streams, for the command-line tests.
#pragma once

#include <CLI/CLI.hpp>
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace kiosk::test {

struct CliRun {
    int code = -1;
    std::string out, err;
};

inline void parseArgs(CLI::App& cli, const std::string& args)
{
    cli.parse(args, false);
}

inline void parseArgs(CLI::App& cli, const std::vector<std::string>& args)
{
    std::vector<std::string> reversed(args.rbegin(), args.rend()); // CLI11 takes them last first
    cli.parse(reversed);
}

template <typename Command, typename Args>
CliRun runKioskCommand(const Args& args, const std::filesystem::path& defaultDb)
{
    CLI::App cli{"kiosk"};
    std::filesystem::path dbFile = defaultDb;
    cli.add_option("--db", dbFile, "Database file");
    Command command(cli, dbFile);
    CliRun run;
    try {
        parseArgs(cli, args);
    } catch (const CLI::ParseError& e) {
        std::ostringstream out, err;
        run.code = cli.exit(e, out, err);
        run.err = err.str() + out.str();
        return run;
    }
    REQUIRE(command.parsed());
    std::ostringstream out, err;
    run.code = command.run("CMG", out, err);
    run.out = out.str();
    run.err = err.str();
    return run;
}

inline std::size_t lineCount(const std::string& text)
{
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

} // namespace kiosk::test
