// Atomic file replacement.
#include "export/atomic_file.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <system_error>

using namespace kiosk;

TEST_CASE("a file is replaced whole and no temporary file is left")
{
    test::TempDir dir;
    const auto file = dir.path() / "map.json";
    writeFileAtomically(file, "first");
    writeFileAtomically(file, "second, longer", true);
    CHECK(test::readFile(file) == "second, longer");
    int entries = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path()))
        ++entries;
    CHECK(entries == 1); // no temporary file left behind
}

TEST_CASE("a write into a missing folder throws with the OS error")
{
    test::TempDir dir;
    CHECK_THROWS_AS(writeFileAtomically(dir.path() / "no" / "such" / "file", "x"), std::system_error);
}
