// The passport checklist's rules, for every combination of answers, against what
// CONTENT_FACTS.md says (Permenkumham 18/2022, PP 45/2024, SE Dirjenim 2017).
#include "core/config.hpp"
#include "core/content.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <map>
#include <set>

using namespace kiosk;

namespace {

std::set<std::string> ids(const std::vector<const ChecklistRules::Item*>& items)
{
    std::set<std::string> out;
    for (const auto* i : items)
        out.insert(i->id);
    return out;
}

// The documents the facts call for.
std::set<std::string> expectedDocuments(const std::string& purpose, const std::string& age,
                                        const std::string& first)
{
    std::set<std::string> d{"kk", "name-change"};
    if (age == "child") {
        d.insert({"child-birth-certificate", "parents-ktp", "parents-marriage", "parents-passports",
                  "parents-present"});
    } else {
        d.insert({"ktp", "identity-proof"});
        if (purpose != "work")
            d.insert("employer-recommendation");
    }
    if (first == "renewal")
        d.insert("old-passport");
    if (purpose == "replace")
        d.insert("damaged-passport");
    if (purpose == "umrah")
        d.insert("umrah-recommendation");
    // Only adults may work abroad (UU 18/2017 Pasal 5): no recommendation for a child.
    if (purpose == "work" && age != "child")
        d.insert("disnaker-recommendation");
    return d;
}

// The fees: 5-year books for children, 10-year for adults or the married; replacement fees; the
// possible free passport for first-time migrant workers; same-day service for anyone.
std::set<std::string> expectedFees(const std::string& purpose, const std::string& age,
                                   const std::string& first)
{
    std::set<std::string> f{"same-day"};
    if (age == "child")
        f.insert({"ordinary-5", "electronic-5"});
    else
        f.insert({"ordinary-10", "electronic-10"});
    if (purpose == "replace")
        f.insert({"replace-lost", "replace-damaged"});
    if (purpose == "work" && first == "new" && age != "child")
        f.insert("migrant-first");
    if (purpose == "replace")
        f.insert("replace-note");
    return f;
}

// A child asked about work abroad is warned of trafficking; a 17-year-old of the minimum age.
std::set<std::string> expectedWarnings(const std::string& purpose, const std::string& age)
{
    if (purpose != "work")
        return {};
    if (age == "child")
        return {"work-underage"};
    if (age == "adult")
        return {"work-age"};
    return {};
}

} // namespace

TEST_CASE("every combination of answers gives the documents and fees the facts call for")
{
    const ChecklistRules* rules = test::shippedContent().checklist("passport");
    REQUIRE(rules);
    int combinations = 0;
    // The answers the rules offer must be exactly those the facts were checked for.
    CHECK(rules->questions.at(0).answers ==
          std::vector<std::string>{"visit", "umrah", "work", "study", "replace"});
    CHECK(rules->questions.at(1).answers == std::vector<std::string>{"child", "adult", "married"});
    CHECK(rules->questions.at(2).answers == std::vector<std::string>{"new", "renewal"});
    for (const std::string purpose : {"visit", "umrah", "work", "study", "replace"})
        for (const std::string age : {"child", "adult", "married"})
            for (const std::string first : {"new", "renewal", ""}) {
                Answers a{{"purpose", purpose}, {"age", age}};
                // "First passport or renewal?" is not asked when replacing a lost or damaged one.
                if (purpose == "replace" ? !first.empty() : first.empty())
                    continue;
                if (!first.empty())
                    a["first"] = first;
                INFO(purpose, " / ", age, " / ", first);
                CHECK(rules->next(a) == nullptr);
                CHECK(rules->asked(a).size() == (purpose == "replace" ? 2u : 3u));
                CHECK(ids(rules->documentsFor(a)) == expectedDocuments(purpose, age, first));
                CHECK(ids(rules->feesFor(a)) == expectedFees(purpose, age, first));
                CHECK(ids(rules->warningsFor(a)) == expectedWarnings(purpose, age));
                ++combinations;
            }
    CHECK(combinations == 5 * 3 * 2 - 3 * 2 + 3);
}

TEST_CASE("questions come in order, at most three, and skipping follows the answers")
{
    const ChecklistRules* rules = test::shippedContent().checklist("passport");
    REQUIRE(rules);
    CHECK(rules->questions.size() <= 3);
    Answers a;
    REQUIRE(rules->next(a));
    CHECK(rules->next(a)->id == "purpose");
    a["purpose"] = "replace";
    CHECK(rules->next(a)->id == "age");
    a["age"] = "married";
    CHECK(rules->next(a) == nullptr);
    a["purpose"] = "study";
    REQUIRE(rules->next(a));
    CHECK(rules->next(a)->id == "first");
}

TEST_CASE("every question, answer, document and fee has its words in all three languages")
{
    const ChecklistRules* rules = test::shippedContent().checklist("passport");
    REQUIRE(rules);
    for (Lang lang : kAllLangs) {
        const ChecklistText* words = test::shippedContent().checklistText("passport", lang);
        REQUIRE(words);
        INFO(langCode(lang));
        for (const auto& q : rules->questions) {
            REQUIRE(words->questions.count(q.id));
            for (const auto& answer : q.answers)
                CHECK(words->questions.at(q.id).answers.count(answer));
        }
        for (const auto& d : rules->documents) {
            REQUIRE(words->documents.count(d.id));
            CHECK_FALSE(words->documents.at(d.id).where.empty());
        }
        for (const auto& f : rules->fees)
            CHECK(words->fees.count(f.id));
        for (const auto& w : rules->warnings)
            CHECK(words->warnings.count(w.id));
    }
}

TEST_CASE("the fees shown are those of PP 45/2024, in every language")
{
    const std::map<std::string, std::string> amounts{
        {"ordinary-5", "350.000"},    {"electronic-5", "650.000"},   {"ordinary-10", "650.000"},
        {"electronic-10", "950.000"}, {"replace-lost", "1.000.000"}, {"replace-damaged", "500.000"},
        {"same-day", "1.000.000"},    {"migrant-first", "Rp0"}};
    for (Lang lang : kAllLangs) {
        const ChecklistText* words = test::shippedContent().checklistText("passport", lang);
        REQUIRE(words);
        for (const auto& [fee, amount] : amounts)
            CHECK_MESSAGE(words->fees.at(fee).find(amount) != std::string::npos,
                          langCode(lang) << " " << fee << ": " << words->fees.at(fee));
        const std::string& migrant = words->fees.at("migrant-first");
        const bool nonElectronic =
            migrant.find("lektron") != std::string::npos || migrant.find("lectron") != std::string::npos;
        CHECK_MESSAGE(nonElectronic, migrant);
    }
}

TEST_CASE("conditions: every named question must match; an empty condition always does")
{
    CHECK(matches({}, {}));
    CHECK(matches({{"age", {"adult", "married"}}}, {{"age", "married"}}));
    CHECK_FALSE(matches({{"age", {"adult"}}}, {{"age", "child"}}));
    CHECK_FALSE(matches({{"age", {"adult"}}}, {}));
    CHECK_FALSE(
        matches({{"age", {"adult"}}, {"purpose", {"work"}}}, {{"age", "adult"}, {"purpose", "visit"}}));
}
