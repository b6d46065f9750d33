// The registry's search on a generated registry of 5,000 companies: what residents really type finds
// the right company among the first three; unrelated names find nothing; the order is stable.
#include "core/registry_search.hpp"
#include "registry_support.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace kiosk;

namespace {

const std::vector<Company>& registry5000()
{
    static const std::vector<Company> companies = test::generatedCompanies(5000);
    return companies;
}

const RegistryIndex& index5000()
{
    static const RegistryIndex index(registry5000());
    return index;
}

// The place of the company licensed `licence` among the results for `typed` (0 first), or -1.
int placeOf(const std::string& typed, const std::string& licence)
{
    const auto found = index5000().search(typed, 8);
    for (std::size_t i = 0; i < found.size(); ++i)
        if (registry5000()[found[i].company].licence == licence)
            return static_cast<int>(i);
    return -1;
}

std::string names(const std::string& typed)
{
    std::string out;
    for (const auto& m : index5000().search(typed, 5))
        out += registry5000()[m.company].name + " (" + std::to_string(m.score).substr(0, 4) + "); ";
    return out;
}

} // namespace

TEST_CASE("names are compared without legal forms, punctuation, case or diacritics")
{
    CHECK(normalisedName("PT. Karya  Mandiri, Tbk.") == "karya mandiri");
    CHECK(normalisedName("P.T. Karya Mandiri") == "karya mandiri");
    CHECK(normalisedName("C.V. Séjahtera Bina") == "sejahtera bina");
    CHECK(normalisedName("pt karya-mandiri") == "karya mandiri");
    CHECK(normalisedName("PT Ma'ruf Jaya") == "maruf jaya");
    CHECK(normalisedName("PT") == "pt");
    CHECK(normalisedName("...,,!") == "");
    CHECK(nameWords(std::string(500, 'a') + " b").front().size() == 32);
}

TEST_CASE("the generated registry has 5,000 companies, each name once")
{
    REQUIRE(registry5000().size() == 5000);
    Problems problems;
    CHECK(checkDuplicates(registry5000(), "p3mi.csv", problems).size() == 5000);
    CHECK(problems.empty());
}

TEST_CASE("what residents type finds the right company among the first three")
{
    struct Case {
        const char* typed;
        const char* licence;
    };
    const Case cases[] = {
        {"PT Karya Mandiri Sejahtera Abadi", "UJI-H-0001"}, // as registered
        {"karya mandiri sejahtera abadi", "UJI-H-0001"},    // no PT, lower case
        {"P.T. KARYA MANDIRI SEJAHTERA ABADI", "UJI-H-0001"},
        {"pt.karya,mandiri.sejahtera abadi", "UJI-H-0001"}, // dots and commas for spaces
        {"karya  mandiri   sejahtera abadi ", "UJI-H-0001"},
        {"karya mandri sejahtera abadi", "UJI-H-0001"},  // a letter missing
        {"karya mandiri sejahtra abadl", "UJI-H-0001"},  // one missing, one wrong
        {"krya mandiri sjahtera abadi", "UJI-H-0001"},   // two words short of a letter
        {"abadi sejahtera mandiri karya", "UJI-H-0001"}, // another order
        {"karya mandiri sejahtera ab", "UJI-H-0001"},    // still typing
        {"sejahtera bina insani", "UJI-H-0002"},         // registered with é, typed without
        {"SÉJAHTERA BINA INSANÍ", "UJI-H-0002"},
        {"pt sejahtera bina insan", "UJI-H-0002"},
        {"bina insani sejahtera", "UJI-H-0002"},
        {"qinara talenta", "UJI-H-0003"},
        {"qinara", "UJI-H-0003"},
        {"qi", "UJI-H-0003"},          // very short: the only name starting so
        {"qinara grup", "UJI-H-0003"}, // the alias, misspelt
        {"qinra talenta", "UJI-H-0003"},
        {"zamrud katulistiwa", "UJI-H-0004"},
        {"zkm", "UJI-H-0004"}, // the alias
        {"manpower zamrud khatulistiwa", "UJI-H-0004"},
        {"gemah ripah loh jinawi", "UJI-H-0005"},
        {"gemah ripah", "UJI-H-0005"},
        {"PT Gemah Ripah Loh Jinawi, Jl. Raya Sukowati No. 12, Sragen, Jawa Tengah (kantor cabang, "
         "lowongan pabrik di Taiwan, gaji besar, berangkat cepat, hubungi sponsor kami)",
         "UJI-H-0005"}, // very long: the name among other words
    };
    for (const auto& c : cases) {
        const int place = placeOf(c.typed, c.licence);
        CHECK_MESSAGE((place >= 0 && place < 3), "'" << c.typed << "' -> " << names(c.typed));
    }
    // Generated names, each typed without PT, lower case, words reversed and a letter dropped.
    for (std::size_t i = 10; i < 5000; i += 97) {
        const Company& company = registry5000()[i];
        auto words = nameWords(company.name);
        std::string typed;
        for (auto it = words.rbegin(); it != words.rend(); ++it)
            typed += *it + " ";
        const int place = placeOf(typed, company.licence);
        CHECK_MESSAGE((place >= 0 && place < 3), "'" << typed << "' -> " << names(typed));
        std::string dropped;
        for (const auto& w : words)
            dropped += (w.size() > 4 ? w.substr(0, 2) + w.substr(3) : w) + " ";
        const int misspelt = placeOf(dropped, company.licence);
        CHECK_MESSAGE((misspelt >= 0 && misspelt < 3), "'" << dropped << "' -> " << names(dropped));
    }
}

TEST_CASE("unrelated names and input without letters find nothing")
{
    for (const char* typed : {"Toko Roti Enak", "bengkel motor sragen", "warung kopi", "Sepatu Olahraga",
                              "PT Lowongan Kerja Luar Negeri", "xyz", "qwertyuiop", "...", "!!! ,,, ---", "",
                              "   ", "PT", "P.T.", "CV."})
        CHECK_MESSAGE(index5000().search(typed).empty(), "'" << typed << "' -> " << names(typed));
}

TEST_CASE("results are stable, bounded, and best first")
{
    for (const char* typed : {"k", "ka", "jaya", "mandiri sejahtera", "putra abadi"}) {
        const auto first = index5000().search(typed, 8);
        const auto again = index5000().search(typed, 8);
        REQUIRE(first.size() == again.size());
        CHECK(first.size() <= 8);
        for (std::size_t i = 0; i < first.size(); ++i) {
            CHECK(first[i].company == again[i].company);
            if (i > 0)
                CHECK(first[i - 1].score >= first[i].score);
        }
    }
    CHECK(index5000().search("ka", 8).size() == 8); // a short word start lists as many as fit
    // The exact name before a longer name that holds it.
    const auto found = index5000().search("karya mandiri sejahtera abadi", 3);
    REQUIRE(!found.empty());
    CHECK(registry5000()[found[0].company].licence == "UJI-H-0001");
    // An alias that matched is named.
    const auto alias = index5000().search("zkm", 1);
    REQUIRE(alias.size() == 1);
    CHECK(alias[0].name == 1);
    CHECK(RegistryIndex().search("karya").empty());
}
