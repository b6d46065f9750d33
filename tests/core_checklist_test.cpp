// The passport checklist's rules, for every combination of answers, against what
// CONTENT_FACTS.md says (Permenkumham 18/2022, PP 45/2024, UU 18/2017 Pasal 5, SE Dirjenim 2017).
#include "core/config.hpp"
#include "core/content.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <utility>

using namespace kiosk;

namespace {

std::set<std::string> ids(const std::vector<const ChecklistRules::Item*>& items)
{
    std::set<std::string> out;
    for (const auto* i : items)
        out.insert(i->id);
    return out;
}

// One complete way through the questions, as the facts see it ("" where a question is not asked).
struct Way {
    std::string who, purpose, age, married, first;

    [[nodiscard]] bool under17() const { return who == "child" || age == "under-17"; }
    [[nodiscard]] bool under18() const { return under17() || age == "17"; }
    // Under 17 and not married: the rules for children (Permenkumham 18/2022).
    [[nodiscard]] bool childRules() const { return under17() && married == "no"; }
    [[nodiscard]] Answers answers() const
    {
        Answers a;
        const std::pair<const char*, const std::string*> all[] = {
            {"who", &who}, {"purpose", &purpose}, {"age", &age}, {"married", &married}, {"first", &first}};
        for (const auto& [q, v] : all)
            if (!v->empty())
                a[q] = *v;
        return a;
    }
};

// Every way a resident can answer: age only for oneself; marriage only under 17; first passport
// or renewal except when replacing one.
std::vector<Way> everyWay()
{
    using List = std::vector<std::string>;
    std::vector<Way> out;
    for (const std::string who : {"self", "child"})
        for (const std::string purpose : {"visit", "umrah", "work", "study", "replace"})
            for (const std::string& age : who == "self" ? List{"under-17", "17", "18-or-older"} : List{""})
                for (const std::string& married :
                     who == "child" || age == "under-17" ? List{"no", "yes"} : List{""})
                    for (const std::string& first : purpose == "replace" ? List{""} : List{"new", "renewal"})
                        out.push_back({who, purpose, age, married, first});
    return out;
}

// The documents the facts call for.
std::set<std::string> expectedDocuments(const Way& w)
{
    std::set<std::string> d{"kk", "name-change"};
    if (w.childRules()) {
        d.insert({"child-birth-certificate", "parents-ktp", "parents-marriage", "parents-passports",
                  "parents-present"});
    } else {
        d.insert({"ktp", "identity-proof"});
        if (w.purpose != "work")
            d.insert("employer-recommendation");
    }
    if (w.first == "renewal")
        d.insert("old-passport");
    if (w.purpose == "umrah")
        d.insert("umrah-recommendation");
    // Only at 18 may one work abroad (UU 18/2017 Pasal 5): no recommendation before.
    if (w.purpose == "work" && !w.under18())
        d.insert("disnaker-recommendation");
    return d;
}

// The fees: 5-year books for children, 10-year for those 17 or older or married; replacement fees;
// the possible free passport for first-time migrant workers; same-day service for anyone.
std::set<std::string> expectedFees(const Way& w)
{
    std::set<std::string> f{"same-day"};
    if (w.childRules())
        f.insert({"ordinary-5", "electronic-5"});
    else
        f.insert({"ordinary-10", "electronic-10"});
    if (w.purpose == "replace")
        f.insert({"replace-lost", "replace-damaged", "replace-note"});
    if (w.purpose == "work" && w.first == "new" && !w.under18())
        f.insert("migrant-first");
    return f;
}

// Everyone under 18 who chooses work is warned, married or not, for oneself or for a child.
std::set<std::string> expectedWarnings(const Way& w)
{
    if (w.purpose == "work" && w.under18())
        return {"work-under-18"};
    return {};
}

std::vector<std::string> askedIds(const ChecklistRules& rules, const Answers& a)
{
    std::vector<std::string> out;
    for (const auto* q : rules.asked(a))
        out.push_back(q->id);
    return out;
}

} // namespace

TEST_CASE("every combination of answers gives the documents, fees and warnings the facts call for")
{
    const ChecklistRules* rules = test::shippedContent().checklist("passport");
    REQUIRE(rules);
    // The answers the rules offer must be exactly those the facts were checked for.
    REQUIRE(rules->questions.size() == 5);
    CHECK(rules->questions.at(0).answers == std::vector<std::string>{"self", "child"});
    CHECK(rules->questions.at(1).answers ==
          std::vector<std::string>{"visit", "umrah", "work", "study", "replace"});
    CHECK(rules->questions.at(2).answers == std::vector<std::string>{"under-17", "17", "18-or-older"});
    CHECK(rules->questions.at(3).answers == std::vector<std::string>{"no", "yes"});
    CHECK(rules->questions.at(4).answers == std::vector<std::string>{"new", "renewal"});
    const std::vector<Way> ways = everyWay();
    for (const Way& w : ways) {
        const Answers a = w.answers();
        INFO(w.who, " / ", w.purpose, " / ", w.age, " / ", w.married, " / ", w.first);
        CHECK(rules->next(a) == nullptr);
        CHECK(askedIds(*rules, a).size() == a.size()); // every question asked was answered, no more
        CHECK(ids(rules->documentsFor(a)) == expectedDocuments(w));
        CHECK(ids(rules->feesFor(a)) == expectedFees(w));
        CHECK(ids(rules->warningsFor(a)) == expectedWarnings(w));
    }
    // Each way: (4 purposes x first or renewal, or replace) = 9; for oneself x (17, 18 or older, under
    // 17 married or not) = 4; for a child x married or not = 2.
    CHECK(ways.size() == 9 * 4 + 9 * 2);
}

TEST_CASE("who the passport is for comes first, then the purpose; age only for oneself, marriage only "
          "under 17, first passport unless replacing one")
{
    const ChecklistRules* rules = test::shippedContent().checklist("passport");
    REQUIRE(rules);
    Answers a;
    const auto next = [&] { return rules->next(a) ? rules->next(a)->id : std::string("result"); };
    CHECK(next() == "who");
    a["who"] = "self";
    CHECK(next() == "purpose");
    a["purpose"] = "work";
    CHECK(next() == "age");
    a["age"] = "under-17";
    CHECK(next() == "married");
    a["married"] = "yes";
    CHECK(next() == "first");
    a["first"] = "new";
    CHECK(next() == "result");
    CHECK(askedIds(*rules, a) == std::vector<std::string>{"who", "purpose", "age", "married", "first"});

    // 17 or older: marriage changes nothing, so it is not asked.
    a = {{"who", "self"}, {"purpose", "visit"}, {"age", "17"}};
    CHECK(next() == "first");
    a["age"] = "18-or-older";
    CHECK(askedIds(*rules, a) == std::vector<std::string>{"who", "purpose", "age", "first"});

    // For a child: no "how old are you?" (the parent said under 17), but married or not.
    a = {{"who", "child"}};
    CHECK(next() == "purpose");
    a["purpose"] = "replace";
    CHECK(next() == "married");
    a["married"] = "no";
    CHECK(next() == "result");
    CHECK(askedIds(*rules, a) == std::vector<std::string>{"who", "purpose", "married"});
}

TEST_CASE("a married 16-year-old who chooses work is warned: migrant workers are at least 18")
{
    const ChecklistRules* rules = test::shippedContent().checklist("passport");
    REQUIRE(rules);
    const Answers a{
        {"who", "self"}, {"purpose", "work"}, {"age", "under-17"}, {"married", "yes"}, {"first", "new"}};
    CHECK(ids(rules->warningsFor(a)) == std::set<std::string>{"work-under-18"});
    // Married: one's own papers and a 10-year passport, but no Disnaker letter and no free
    // migrant-worker passport.
    CHECK(ids(rules->documentsFor(a)).count("ktp") == 1);
    CHECK(ids(rules->documentsFor(a)).count("parents-present") == 0);
    CHECK(ids(rules->documentsFor(a)).count("disnaker-recommendation") == 0);
    CHECK(ids(rules->feesFor(a)).count("ordinary-10") == 1);
    CHECK(ids(rules->feesFor(a)).count("migrant-first") == 0);
    // A 17-year-old too.
    CHECK(ids(rules->warningsFor({{"who", "self"}, {"purpose", "work"}, {"age", "17"}, {"first", "new"}})) ==
          std::set<std::string>{"work-under-18"});
    CHECK(rules->warningsFor({{"who", "self"}, {"purpose", "work"}, {"age", "18-or-older"}, {"first", "new"}})
              .empty());
    // Every language words the warning with the law it rests on.
    for (Lang lang : kAllLangs) {
        const ChecklistText* words = test::shippedContent().checklistText("passport", lang);
        REQUIRE(words);
        CHECK(words->warnings.at("work-under-18").find("UU 18/2017 Pasal 5") != std::string::npos);
    }
}

TEST_CASE("a parent asking for a child gets the child's documents and the 5-year passport")
{
    const ChecklistRules* rules = test::shippedContent().checklist("passport");
    REQUIRE(rules);
    for (const std::string purpose : {"visit", "study", "work"}) {
        const Answers a{{"who", "child"}, {"purpose", purpose}, {"married", "no"}, {"first", "new"}};
        INFO(purpose);
        CHECK(ids(rules->documentsFor(a)) ==
              std::set<std::string>{"kk", "name-change", "child-birth-certificate", "parents-ktp",
                                    "parents-marriage", "parents-passports", "parents-present"});
        CHECK(ids(rules->feesFor(a)) == std::set<std::string>{"ordinary-5", "electronic-5", "same-day"});
        CHECK(ids(rules->warningsFor(a)).count("work-under-18") == (purpose == "work" ? 1u : 0u));
    }
}

TEST_CASE("after a parent chose a child, the questions name the passport, not \"you\"")
{
    // "How old are you?" is asked only of those applying for themselves.
    const std::map<Lang, std::string> you{{Lang::Id, "Anda"}, {Lang::Jv, "panjenengan"}, {Lang::En, "you"}};
    for (const auto& [lang, word] : you) {
        const ChecklistText* words = test::shippedContent().checklistText("passport", lang);
        REQUIRE(words);
        for (const char* q : {"purpose", "married", "first"})
            CHECK_MESSAGE(words->questions.at(q).text.find(word) == std::string::npos, langCode(lang)
                                                                                           << " " << q);
        CHECK(words->questions.at("age").text.find(word) != std::string::npos);
    }
}

TEST_CASE("every answer has an icon")
{
    const ChecklistRules* rules = test::shippedContent().checklist("passport");
    REQUIRE(rules);
    for (const auto& q : rules->questions)
        for (const auto& a : q.answers) {
            INFO(q.id, " ", a);
            REQUIRE(q.icons.count(a) == 1);
            CHECK(checklistIcons().count(q.icons.at(a)) == 1);
        }
}

TEST_CASE("the checklist's words say where their facts come from and when they were checked")
{
    for (Lang lang : kAllLangs) {
        const ChecklistText* words = test::shippedContent().checklistText("passport", lang);
        REQUIRE(words);
        const auto cited = test::shippedContent().citedBy(*words);
        const auto cites = [&](const std::string& shortName) {
            return std::any_of(cited.begin(), cited.end(),
                               [&](const Source* s) { return s->shortName == shortName; });
        };
        CHECK(cites("Permenkumham 18/2022"));
        CHECK(cites("PP 45/2024"));
        CHECK(words->verified.size() == 10); // YYYY-MM-DD, checked by the loader
    }
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

TEST_CASE("the checklist says only what its sources support, and says plainly what they confirm")
{
    const ChecklistRules* rules = test::shippedContent().checklist("passport");
    REQUIRE(rules);
    // No source names a document for a damaged passport (only its fee) nor the hajj.
    for (const auto& d : rules->documents)
        CHECK(d.id != "damaged-passport");
    for (Lang lang : kAllLangs) {
        const ChecklistText* words = test::shippedContent().checklistText("passport", lang);
        REQUIRE(words);
        INFO(langCode(lang));
        for (const auto& [answer, text] : words->questions.at("purpose").answers) {
            std::string lower = text;
            for (char& c : lower)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            CHECK_MESSAGE(lower.find("haj") == std::string::npos, text);
        }
        for (const auto& [id, document] : words->documents)
            CHECK_MESSAGE(document.explain.find("haj") == std::string::npos, document.explain);
        // The Rp0 first passport of a procedural migrant worker: H since 2026-12-01, no "may be".
        const std::string& migrant = words->fees.at("migrant-first");
        for (const char* hedge : {"mungkin", "may be", "mbokmenawi"})
            CHECK_MESSAGE(migrant.find(hedge) == std::string::npos, migrant);
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

TEST_CASE("a list of conditions: any one is enough; an empty list matches nothing")
{
    const AnyCondition tenYears{{{"age", {"17", "18-or-older"}}}, {{"married", {"yes"}}}};
    CHECK(matchesAny(tenYears, {{"age", "17"}}));
    CHECK(matchesAny(tenYears, {{"age", "under-17"}, {"married", "yes"}}));
    CHECK_FALSE(matchesAny(tenYears, {{"age", "under-17"}, {"married", "no"}}));
    CHECK_FALSE(matchesAny(tenYears, {}));
    CHECK_FALSE(matchesAny({}, {{"age", "17"}}));
    // An item without `when` always applies; a question without `skip_when` is always asked.
    ChecklistRules::Item always;
    always.id = "kk";
    CHECK(always.appliesTo({}));
    ChecklistRules::Item ktp;
    ktp.id = "ktp";
    ktp.when = tenYears;
    CHECK_FALSE(ktp.appliesTo({{"married", "no"}}));
}
