// Officer mode's words built from parts: audit entries as sentences of ui.toml, and the technical
// detail of a fault (errno names, the place of a problem) with no English text in it.
#include "core/audit_words.hpp"
#include "core/fault.hpp"

#include <doctest/doctest.h>

#include <cerrno>
#include <ios>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

using namespace kiosk;

namespace {

AuditWord text(std::string placeholder, std::string value)
{
    return {std::move(placeholder), std::move(value), {}, std::nullopt};
}

AuditWord words(std::string placeholder, std::string key, std::optional<Lang> in = std::nullopt)
{
    return {std::move(placeholder), {}, std::move(key), in};
}

AuditSentence one(const std::string& kind, const std::string& detail)
{
    const auto sentences = auditSentences(kind, detail);
    REQUIRE(sentences.size() == 1);
    return sentences.front();
}

} // namespace

TEST_CASE("each audit kind, in the form the store writes it, is a sentence with its values")
{
    CHECK(one("officer-login-ok", "") == AuditSentence{"officer.audit.login_ok", {}});
    CHECK(one("officer-login-failed", "failures=3") ==
          AuditSentence{"officer.audit.login_failed", {text("{n}", "3")}});
    CHECK(one("officer-login-locked", "seconds-left=61") ==
          AuditSentence{"officer.audit.login_locked", {text("{n}", "2")}}); // minutes, rounded up
    CHECK(one("officer-login-no-pin", "") == AuditSentence{"officer.audit.login_no_pin", {}});
    CHECK(one("officer-lockout", "lockout=2 seconds=600") ==
          AuditSentence{"officer.audit.lockout", {text("{minutes}", "10"), text("{n}", "2")}});
    CHECK(one("pin-changed", "first").key == "officer.audit.pin_first");
    CHECK(one("pin-changed", "replaced").key == "officer.audit.pin_replaced");
    CHECK(one("export", "batch=9f3c2a71d0 count=18 marked=18 sealed=yes") ==
          AuditSentence{"officer.audit.export_sealed", {text("{n}", "18"), text("{batch}", "9f3c2a71d0")}});
    CHECK(one("export", "batch=aaaa count=2 marked=0 sealed=no").key == "officer.audit.export_plain");
    CHECK(one("re-export", "batch=bbbb count=5 marked=0 sealed=yes").key == "officer.audit.reexport_sealed");
    CHECK(one("re-export", "batch=bbbb count=5 marked=0 sealed=no").key == "officer.audit.reexport_plain");
    CHECK(one("purge", "count=2 days=14") ==
          AuditSentence{"officer.audit.purge", {text("{n}", "2"), text("{days}", "14")}});
    CHECK(one("content-loaded", "version=3b9d0c41f2a7") ==
          AuditSentence{"officer.audit.content_loaded", {text("{version}", "3b9d0c41f2a7")}});
    CHECK(one("content-update", "shown ok 3f9a1c07b2e4") ==
          AuditSentence{"officer.audit.content_update_done", {text("{pack}", "3f9a1c07b2e4")}});
    CHECK(one("content-update", "refused untrusted-key 0be2d9f6c318") ==
          AuditSentence{"officer.audit.content_update_refused",
                        {words("{reason}", "officer.content.reason.untrusted-key")}});
    CHECK(one("content-update", "refused not-found ") ==
          AuditSentence{"officer.audit.content_update_refused",
                        {words("{reason}", "officer.content.reason.not-found")}});
    CHECK(one("content-rollback", "shown ok a71d0c41f2a7").key == "officer.audit.content_rollback_done");
    CHECK(one("content-rollback", "refused no-previous ").key == "officer.audit.content_rollback_refused");
    CHECK(one("status-pack", "taken count=20 day=2026-12-02") ==
          AuditSentence{"officer.audit.status_taken", {text("{n}", "20"), text("{date}", "2026-12-02")}});
    CHECK(one("status-pack", "refused reason=older") ==
          AuditSentence{"officer.audit.status_refused", {words("{reason}", "officer.status.reason.older")}});
    // Not as the kiosk writes it: the kind's name alone.
    CHECK(one("status-pack", "refused reason=because").key == "officer.audit.kind.status-pack");
    CHECK(one("status-pack", "taken count=many day=2026-12-02").key == "officer.audit.kind.status-pack");
}

TEST_CASE("a settings entry is one sentence per change, names and values in the officer's words")
{
    const auto changes =
        auditSentences("settings", "volume: 80 -> 70; speech_rate: 155 -> 140; default_language: id -> jv; "
                                   "theme: standard -> high-contrast");
    REQUIRE(changes.size() == 4);
    CHECK(changes[0] ==
          AuditSentence{"officer.audit.setting_volume", {text("{from}", "80"), text("{to}", "70")}});
    CHECK(changes[1] ==
          AuditSentence{"officer.audit.setting_rate", {text("{from}", "155"), text("{to}", "140")}});
    // A language by its own name.
    CHECK(changes[2] ==
          AuditSentence{"officer.audit.setting_lang",
                        {words("{from}", "lang.self", Lang::Id), words("{to}", "lang.self", Lang::Jv)}});
    CHECK(changes[3] == AuditSentence{"officer.audit.setting_theme",
                                      {words("{from}", "officer.settings.theme_standard"),
                                       words("{to}", "officer.settings.theme_high_contrast")}});
}

TEST_CASE("an audit detail not as the kiosk writes it gives its kind's name; an unknown kind, 'other'")
{
    // Never the detail itself: it is machine text.
    for (const auto& [kind, detail] :
         std::vector<std::pair<std::string, std::string>>{{"export", "batch=9f3c count=lots sealed=yes"},
                                                          {"export", "count=18 sealed=yes"},
                                                          {"officer-login-failed", "failures="},
                                                          {"settings", "volume: 80 to 70"},
                                                          {"settings", "colour: red -> blue"},
                                                          {"settings", ""},
                                                          {"content-update", "refused because-why 0be2"},
                                                          {"content-loaded", "version=../../etc"},
                                                          {"pin-changed", "sideways"}})
        CHECK(auditSentences(kind, detail) == std::vector<AuditSentence>{{"officer.audit.kind." + kind, {}}});
    CHECK(auditSentences("cosmic-ray", "bits=3") ==
          std::vector<AuditSentence>{{"officer.audit.other", {text("{kind}", "cosmic-ray")}}});
    for (std::string_view kind : auditKinds())
        CHECK_MESSAGE(auditSentences(kind, "").front().key != "officer.audit.other", kind);
}

TEST_CASE("a fault in parts: an errno by its name and number, never strerror's English")
{
    CHECK(errnoName(EIO) == "EIO");
    CHECK(errnoName(ENOSPC) == "ENOSPC");
    CHECK(errnoName(EROFS) == "EROFS");
    const FaultDetail io = systemFault({EIO, std::generic_category()});
    CHECK(io.source == FaultDetail::Source::System);
    CHECK(io.code == 5);
    CHECK(io.codeName == "EIO");
    CHECK(io.file.empty());
    CHECK(systemFault({ENOSPC, std::system_category()}).codeName == "ENOSPC");
    CHECK(systemFault(std::make_error_code(std::io_errc::stream)).empty());

    CHECK(faultOf(std::system_error(EACCES, std::generic_category(), "cannot open /x")).codeName == "EACCES");
    CHECK(faultOf(std::runtime_error("an English sentence")).empty());
}

TEST_CASE("the place of a problem: its file and line, and nothing of its English words")
{
    const FaultDetail p =
        problemPlace("/etc/desa-kiosk/kiosk.toml:12: unknown key 'retention_day' in [officer]");
    CHECK(p.file == "/etc/desa-kiosk/kiosk.toml");
    CHECK(p.line == 12);
    CHECK(p.source == FaultDetail::Source::None);
    CHECK(problemPlace("data/content/id/ui.toml:0: the word for 'x' is missing").line == 0);
    CHECK(problemPlace("data/content/id/ui.toml:0: the word for 'x' is missing").file ==
          "data/content/id/ui.toml");
    CHECK(problemPlace("content.trusted_keys: cannot read /etc/k.public").empty());
    CHECK(problemPlace("no place at all").empty());
    CHECK(problemPlace("a:b: words").empty());
}
