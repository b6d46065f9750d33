// The company search's typing and the words of its results and notes.
#include "core/company_search.hpp"
#include "core/dates.hpp"
#include "registry_support.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <cctype>
#include <set>
#include <utility>

using namespace kiosk;

namespace {

void type(CompanySearch& s, const std::string& letters)
{
    for (const char c : letters)
        REQUIRE(s.key(c == ' ' ? Key::Space : letterKey(c)) == KeyResult::Typed);
}

// The words of `text`, lower case: runs of letters.
std::set<std::string> wordsOf(const std::string& text)
{
    std::set<std::string> words;
    std::string word;
    for (const char c : text + " ") {
        if (std::isalpha(static_cast<unsigned char>(c)))
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else if (!word.empty())
            words.insert(std::exchange(word, {}));
    }
    return words;
}

Registry registryOf(std::vector<Company> companies)
{
    Registry r;
    r.present = true;
    r.info.source = "SISKOP2MI";
    r.info.taken = "2026-03-12";
    r.companies = std::move(companies);
    return r;
}

} // namespace

TEST_CASE("the search field: letters, a capital after Shift, backspace, Done closes the keyboard")
{
    CompanySearch s;
    CHECK(s.typing);
    REQUIRE(s.key(Key::Shift) == KeyResult::Typed);
    type(s, "karya ");
    CHECK(s.query.text == "Karya ");
    CHECK(s.key(Key::Backspace) == KeyResult::Typed);
    CHECK(s.query.text == "Karya");
    CHECK(s.key(Key::Newline) == KeyResult::Ignored);
    CHECK(s.query.text == "Karya");
    s.chosen = "PT Karya Mandiri Sejahtera Abadi";
    type(s, "m");
    CHECK(s.chosen.empty()); // typing on: the choice was for another name
    CHECK(s.key(Key::Done) == KeyResult::Typed);
    CHECK_FALSE(s.typing);
    s.open();
    CHECK(s.typing);
}

TEST_CASE("the search field stops at its length with a notice, and nothing typed is lost")
{
    CompanySearch s;
    for (std::size_t i = 0; i < kCompanyQueryMax; ++i)
        REQUIRE(s.key(Key::A) == KeyResult::Typed);
    CHECK(s.key(Key::B) == KeyResult::TooLong);
    CHECK(s.notice == "form.notice.max_length");
    CHECK(s.query.text == std::string(kCompanyQueryMax, 'a'));
    CHECK(s.key(Key::Backspace) == KeyResult::Typed);
    CHECK(s.notice.empty());
    CompanySearch empty;
    CHECK(empty.key(Key::Backspace) == KeyResult::Ignored);
}

TEST_CASE("a result says the list's words and date and the status with its date, in each language")
{
    const Content& content = test::shippedContent();
    const Registry r = registryOf(test::hardCompanies());
    const Company& sanctioned = r.companies[2]; // CV Qinara Talenta, since 2025-06-30
    for (const Lang lang : kAllLangs) {
        const CompanyWords words = companyWords(sanctioned, r, content.strings, lang);
        CAPTURE(langCode(lang));
        CHECK(words.listed.find(formatDate("2026-03-12", lang)) != std::string::npos);
        CHECK(words.status.find(formatDate("2025-06-30", lang)) != std::string::npos);
        CHECK(words.listed.find('{') == std::string::npos);
        CHECK(notFoundWords(r, content.strings, lang).find(formatDate("2026-03-12", lang)) !=
              std::string::npos);
    }
    const CompanyWords id = companyWords(sanctioned, r, content.strings, Lang::Id);
    CHECK(id.listed == "Tercatat di daftar resmi KP2MI (data per 12 Maret 2026)");
    CHECK(id.status == "Status di daftar: kena sanksi sejak 30 Juni 2025");
    // Never a verdict the list cannot give.
    for (const auto& [key, text] : content.strings.table(Lang::Id))
        if (key.rfind("registry.", 0) == 0) {
            CAPTURE(key);
            const auto words = wordsOf(text);
            for (const char* verdict : {"aman", "penipu", "penipuan", "safe", "fraud"})
                CHECK_FALSE(words.count(verdict));
        }
}

TEST_CASE("the note for the office names the company chosen, else what was typed and whether the list had it")
{
    const Content& content = test::shippedContent();
    const Registry r = registryOf(test::hardCompanies());
    const RegistryIndex index(r.companies);
    CompanySearch s;
    CHECK(companyNote(s, r, index, content.strings, Lang::Id).empty());
    s.query.text = "  zamrud   khatulistiwa ";
    CHECK(companyNote(s, r, index, content.strings, Lang::Id) ==
          "Cek perusahaan: zamrud khatulistiwa (ada nama mirip di daftar kios, data per 12 Maret 2026).");
    s.chosen = "PT Zamrud Khatulistiwa Manpower";
    CHECK(
        companyNote(s, r, index, content.strings, Lang::Id) ==
        "Cek perusahaan: PT Zamrud Khatulistiwa Manpower. Tercatat di daftar resmi KP2MI (data per 12 Maret "
        "2026). Status di daftar: izin dicabut sejak 30 Juni 2025.");
    s.chosen.clear();
    s.query.text = "Wqx Zyvo Qurtaz";
    CHECK(companyNote(s, r, index, content.strings, Lang::En) ==
          "Company check: Wqx Zyvo Qurtaz (not found in the kiosk's list, data as of 12 March 2026).");
    const Registry none = registryOf({});
    CHECK(companyNote(s, none, RegistryIndex(none.companies), content.strings, Lang::Id) ==
          "Cek perusahaan: Wqx Zyvo Qurtaz (kios belum memuat daftar perusahaan).");
    // The note fits the form's note field with room to spare.
    s.chosen = "PT Zamrud Khatulistiwa Manpower";
    for (const Lang lang : kAllLangs)
        CHECK(checkNote(companyNote(s, r, index, content.strings, lang)).empty());
}
