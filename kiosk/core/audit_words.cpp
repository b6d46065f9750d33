// Audit entries as sentences: the machine form of each kind's detail read back into values.
#include "core/audit_words.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <functional>
#include <map>

namespace kiosk {
namespace {

using Fields = std::map<std::string, std::string, std::less<>>;
using Sentences = std::vector<AuditSentence>;

// "batch=9f3c count=18" as fields; words without "=" are left out.
Fields fieldsOf(std::string_view detail)
{
    Fields fields;
    std::size_t at = 0;
    while (at < detail.size()) {
        std::size_t end = detail.find(' ', at);
        if (end == std::string_view::npos)
            end = detail.size();
        const std::string_view word = detail.substr(at, end - at);
        if (const std::size_t eq = word.find('='); eq != std::string_view::npos && eq > 0)
            fields.emplace(word.substr(0, eq), word.substr(eq + 1));
        at = end + 1;
    }
    return fields;
}

bool digits(std::string_view s)
{
    return !s.empty() && s.size() <= 15 && std::all_of(s.begin(), s.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
    });
}

// The whole number at `name`, if it is one.
std::optional<std::int64_t> number(const Fields& f, std::string_view name)
{
    const auto it = f.find(name);
    if (it == f.end() || !digits(it->second))
        return std::nullopt;
    return std::stoll(it->second);
}

// Letters, digits and '-' only: an id as the kiosk makes them (a batch, a pack, a content version).
bool plainId(std::string_view s)
{
    return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
    });
}

std::string minutesOf(std::int64_t seconds)
{
    return std::to_string((seconds + 59) / 60);
}

AuditWord text(std::string placeholder, std::string value)
{
    return {std::move(placeholder), std::move(value), {}, std::nullopt};
}

AuditWord words(std::string placeholder, std::string key, std::optional<Lang> in = std::nullopt)
{
    return {std::move(placeholder), {}, std::move(key), in};
}

// export and re-export: "batch=ID count=N marked=M sealed=yes|no".
Sentences copied(bool again, const Fields& f)
{
    const auto n = number(f, "count");
    const auto batch = f.find("batch");
    const auto sealed = f.find("sealed");
    if (!n || batch == f.end() || !plainId(batch->second) || sealed == f.end() ||
        (sealed->second != "yes" && sealed->second != "no"))
        return {};
    const std::string key = std::string("officer.audit.") + (again ? "reexport_" : "export_") +
                            (sealed->second == "yes" ? "sealed" : "plain");
    return {{key, {text("{n}", std::to_string(*n)), text("{batch}", batch->second)}}};
}

// One change of "volume: 80 -> 70; theme: standard -> high-contrast".
std::optional<AuditSentence> settingChange(std::string_view change)
{
    const std::size_t colon = change.find(": ");
    const std::size_t arrow = change.find(" -> ");
    if (colon == std::string_view::npos || arrow == std::string_view::npos || arrow < colon)
        return std::nullopt;
    const std::string_view name = change.substr(0, colon);
    const std::string from(change.substr(colon + 2, arrow - colon - 2));
    const std::string to(change.substr(arrow + 4));
    if ((name == "volume" || name == "speech_rate") && digits(from) && digits(to))
        return AuditSentence{name == "volume" ? "officer.audit.setting_volume" : "officer.audit.setting_rate",
                             {text("{from}", from), text("{to}", to)}};
    if (name == "default_language") {
        const auto a = langFromCode(from), b = langFromCode(to);
        if (a && b)
            return AuditSentence{"officer.audit.setting_lang",
                                 {words("{from}", "lang.self", *a), words("{to}", "lang.self", *b)}};
    }
    const auto theme = [](const std::string& t) -> std::optional<std::string> {
        if (t == "standard")
            return "officer.settings.theme_standard";
        if (t == "high-contrast")
            return "officer.settings.theme_high_contrast";
        return std::nullopt;
    };
    if (name == "theme" && theme(from) && theme(to))
        return AuditSentence{"officer.audit.setting_theme",
                             {words("{from}", *theme(from)), words("{to}", *theme(to))}};
    return std::nullopt;
}

Sentences settings(std::string_view detail)
{
    Sentences out;
    std::size_t at = 0;
    while (at <= detail.size()) {
        std::size_t end = detail.find("; ", at);
        if (end == std::string_view::npos)
            end = detail.size();
        const auto s = settingChange(detail.substr(at, end - at));
        if (!s)
            return {};
        out.push_back(*s);
        at = end + 2;
    }
    return out;
}

// content-update and content-rollback: "shown ok ID" or "refused REASON [ID]".
Sentences contentChange(bool rollback, std::string_view detail)
{
    std::vector<std::string> parts;
    for (std::size_t at = 0; at < detail.size();) {
        std::size_t end = detail.find(' ', at);
        if (end == std::string_view::npos)
            end = detail.size();
        if (end > at)
            parts.emplace_back(detail.substr(at, end - at));
        at = end + 1;
    }
    const std::string what = rollback ? "officer.audit.content_rollback_" : "officer.audit.content_update_";
    if (parts.size() == 3 && parts[0] == "shown" && parts[1] == "ok" && plainId(parts[2]))
        return {{what + "done", {text("{pack}", parts[2])}}};
    const auto& reasons = contentRefusalNames();
    if (parts.size() >= 2 && parts.size() <= 3 && parts[0] == "refused" &&
        std::find(reasons.begin(), reasons.end(), parts[1]) != reasons.end())
        return {{what + "refused", {words("{reason}", "officer.content.reason." + parts[1])}}};
    return {};
}

// status-pack: "taken count=N day=YYYY-MM-DD" or "refused reason=NAME".
Sentences statusPack(std::string_view detail, const Fields& f)
{
    const auto day = f.find("day");
    if (detail.rfind("taken ", 0) == 0 && number(f, "count") && day != f.end() && day->second.size() == 10 &&
        plainId(day->second))
        return {{"officer.audit.status_taken",
                 {text("{n}", std::to_string(*number(f, "count"))), text("{date}", day->second)}}};
    const auto& reasons = statusRefusalNames();
    const auto reason = f.find("reason");
    if (detail.rfind("refused ", 0) == 0 && reason != f.end() &&
        std::find(reasons.begin(), reasons.end(), reason->second) != reasons.end())
        return {
            {"officer.audit.status_refused", {words("{reason}", "officer.status.reason." + reason->second)}}};
    return {};
}

// The sentences of a kind the kiosk writes; none when its detail is not as written.
Sentences known(std::string_view kind, std::string_view detail)
{
    const Fields f = fieldsOf(detail);
    const auto one = [](std::string key, std::vector<AuditWord> w = {}) {
        return Sentences{{std::move(key), std::move(w)}};
    };
    if (kind == "officer-login-ok")
        return one("officer.audit.login_ok");
    if (kind == "officer-login-no-pin")
        return one("officer.audit.login_no_pin");
    if (kind == "officer-login-failed" && number(f, "failures"))
        return one("officer.audit.login_failed", {text("{n}", std::to_string(*number(f, "failures")))});
    if (kind == "officer-login-locked" && number(f, "seconds-left"))
        return one("officer.audit.login_locked", {text("{n}", minutesOf(*number(f, "seconds-left")))});
    if (kind == "officer-lockout" && number(f, "lockout") && number(f, "seconds"))
        return one("officer.audit.lockout", {text("{minutes}", minutesOf(*number(f, "seconds"))),
                                             text("{n}", std::to_string(*number(f, "lockout")))});
    if (kind == "pin-changed" && (detail == "first" || detail == "replaced"))
        return one(detail == "first" ? "officer.audit.pin_first" : "officer.audit.pin_replaced");
    if (kind == "export" || kind == "re-export")
        return copied(kind == "re-export", f);
    if (kind == "purge" && number(f, "count") && number(f, "days"))
        return one("officer.audit.purge", {text("{n}", std::to_string(*number(f, "count"))),
                                           text("{days}", std::to_string(*number(f, "days")))});
    if (kind == "content-loaded" && f.count("version") && plainId(f.at("version")))
        return one("officer.audit.content_loaded", {text("{version}", f.at("version"))});
    if (kind == "settings")
        return settings(detail);
    if (kind == "content-update" || kind == "content-rollback")
        return contentChange(kind == "content-rollback", detail);
    if (kind == "status-pack")
        return statusPack(detail, f);
    return {};
}

} // namespace

const std::vector<std::string_view>& auditKinds()
{
    static const std::vector<std::string_view> kinds = {"officer-login-ok",
                                                        "officer-login-failed",
                                                        "officer-login-locked",
                                                        "officer-login-no-pin",
                                                        "officer-lockout",
                                                        "pin-changed",
                                                        "export",
                                                        "re-export",
                                                        "purge",
                                                        "content-loaded",
                                                        "settings",
                                                        "content-update",
                                                        "content-rollback",
                                                        "status-pack"};
    return kinds;
}

const std::vector<std::string_view>& statusRefusalNames()
{
    static const std::vector<std::string_view> names = {
        "not-found",     "too-large", "damaged",     "unsigned", "no-trusted-key", "untrusted-key",
        "bad-signature", "invalid",   "other-kiosk", "older",    "already-have",   "failed"};
    return names;
}

const std::vector<std::string_view>& contentRefusalNames()
{
    static const std::vector<std::string_view> names = {
        "not-found", "unsigned", "no-trusted-key", "untrusted-key", "bad-signature",
        "tampered",  "invalid",  "already-shown",  "no-previous",   "failed"};
    return names;
}

std::vector<AuditSentence> auditSentences(std::string_view kind, std::string_view detail)
{
    Sentences sentences = known(kind, detail);
    if (!sentences.empty())
        return sentences;
    const auto& kinds = auditKinds();
    if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end())
        return {{"officer.audit.kind." + std::string(kind), {}}};
    return {{"officer.audit.other", {text("{kind}", std::string(kind))}}};
}

} // namespace kiosk
