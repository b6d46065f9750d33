// Every key of ui.toml that the screens use: the words on their buttons and lines.
#include "core/ui_keys.hpp"

#include "core/audit_words.hpp"
#include "core/form.hpp"
#include "core/navigation.hpp"
#include "core/request.hpp"

#include <string_view>

namespace kiosk {

namespace {

// The frame, home, idle prompt, attract screen, pages and checklists.
constexpr std::string_view kScreenKeys[] = {
    "lang.self",          "header.programme",    "nav.back",
    "nav.home",           "footer.help",         "home.welcome",
    "home.intro",         "idle.title",          "idle.countdown",
    "idle.seconds",       "idle.erase",          "idle.continue",
    "attract.touch",      "error.frame",         "page.source",
    "page.verified",      "contact.not_set",     "contact.scan",
    "checklist.progress", "checklist.all_ready", "checklist.still_needed",
    "checklist.tap_hint", "checklist.if_any",    "checklist.where",
    "checklist.fees",     "checklist.help",      "checklist.restart",
    "checklist.warning"};

// The callback form, its on-screen keyboard, its review and its confirmation.
constexpr std::string_view kFormKeys[] = {"form.intro",
                                          "form.optional",
                                          "form.tap_to_fill",
                                          "form.address",
                                          "form.topic.label",
                                          "form.time.label",
                                          "form.consent.label",
                                          "form.consent.text",
                                          "form.review",
                                          "form.notice.max_length",
                                          "form.field.name.hint",
                                          "form.field.phone.hint",
                                          "form.field.note.hint",
                                          "form.error.required",
                                          "form.error.name_short",
                                          "form.error.name_long",
                                          "form.error.name_chars",
                                          "form.error.phone_prefix",
                                          "form.error.phone_landline",
                                          "form.error.phone_short",
                                          "form.error.phone_long",
                                          "form.error.phone_chars",
                                          "form.error.area_number",
                                          "form.error.dusun_long",
                                          "form.error.dusun_chars",
                                          "form.error.note_long",
                                          "form.error.unsupported_char",
                                          "form.error.topic",
                                          "form.error.consent",
                                          "osk.backspace",
                                          "osk.next",
                                          "osk.done",
                                          "osk.space",
                                          "osk.newline",
                                          "review.title",
                                          "review.intro",
                                          "review.edit",
                                          "review.send",
                                          "review.retry",
                                          "review.failed",
                                          "review.consent_given",
                                          "done.title",
                                          "done.reference",
                                          "done.note",
                                          "done.next",
                                          "done.finish"};

// Officer mode, and the text size and voice buttons.
constexpr std::string_view kOfficerKeys[] = {"officer.title",
                                             "officer.logout",
                                             "officer.loading",
                                             "officer.pin.enter",
                                             "officer.pin.exists",
                                             "officer.export.failed",
                                             "officer.export.again_gone",
                                             "officer.pin.new",
                                             "officer.pin.repeat",
                                             "officer.pin.ok",
                                             "officer.pin.save",
                                             "officer.pin.delete",
                                             "officer.pin.checking",
                                             "officer.pin.short",
                                             "officer.pin.wrong",
                                             "officer.pin.locked",
                                             "officer.pin.none",
                                             "officer.pin.mismatch",
                                             "officer.pin.failed",
                                             "officer.export.title",
                                             "officer.export.new",
                                             "officer.export.new_count",
                                             "officer.export.all",
                                             "officer.export.running",
                                             "officer.export.done",
                                             "officer.export.done_again",
                                             "officer.export.nothing",
                                             "officer.export.pulled",
                                             "officer.export.full",
                                             "officer.export.readonly",
                                             "officer.export.store",
                                             "officer.export.earlier",
                                             "officer.export.batch",
                                             "officer.export.again",
                                             "officer.usb.stick",
                                             "officer.usb.none",
                                             "officer.usb.folder",
                                             "officer.usb.readonly",
                                             "officer.key.ok",
                                             "officer.key.missing",
                                             "officer.key.bad",
                                             "officer.requests.title",
                                             "officer.requests.topic",
                                             "officer.requests.new",
                                             "officer.requests.collected",
                                             "officer.requests.total",
                                             "officer.requests.oldest",
                                             "officer.requests.last",
                                             "officer.requests.never",
                                             "officer.age.days",
                                             "officer.age.hours",
                                             "officer.kiosk.title",
                                             "officer.kiosk.database",
                                             "officer.kiosk.database_moved",
                                             "officer.kiosk.database_error",
                                             "officer.kiosk.disk",
                                             "officer.kiosk.content",
                                             "officer.kiosk.content_errors",
                                             "officer.kiosk.content_errors_last_good",
                                             "officer.kiosk.config_errors",
                                             "officer.usage.title",
                                             "officer.usage.none",
                                             "officer.usage.day",
                                             "officer.usage.screen",
                                             "officer.usage.checklist",
                                             "officer.audit.title",
                                             "officer.audit.kind.officer-login-ok",
                                             "officer.audit.kind.officer-login-failed",
                                             "officer.audit.kind.officer-login-locked",
                                             "officer.audit.kind.officer-login-no-pin",
                                             "officer.audit.kind.officer-lockout",
                                             "officer.audit.kind.pin-changed",
                                             "officer.audit.kind.export",
                                             "officer.audit.kind.re-export",
                                             "officer.audit.kind.purge",
                                             "officer.audit.kind.content-loaded",
                                             "officer.audit.kind.settings",
                                             "header.text_size",
                                             "voice.listen",
                                             "voice.stop",
                                             "voice.in_indonesian",
                                             "officer.settings.title",
                                             "officer.settings.volume",
                                             "officer.settings.rate",
                                             "officer.settings.rate_unit",
                                             "officer.settings.lang",
                                             "officer.settings.theme",
                                             "officer.settings.theme_standard",
                                             "officer.settings.theme_high_contrast",
                                             "officer.settings.unknown",
                                             "officer.content.title",
                                             "officer.content.shipped",
                                             "officer.content.current",
                                             "officer.content.previous",
                                             "officer.content.stick",
                                             "officer.content.stick_none",
                                             "officer.content.no_key",
                                             "officer.content.update",
                                             "officer.content.rollback",
                                             "officer.content.running",
                                             "officer.content.done",
                                             "officer.content.rolled_back",
                                             "officer.content.refused.not-found",
                                             "officer.content.refused.unsigned",
                                             "officer.content.refused.no-trusted-key",
                                             "officer.content.refused.untrusted-key",
                                             "officer.content.refused.bad-signature",
                                             "officer.content.refused.tampered",
                                             "officer.content.refused.invalid",
                                             "officer.content.refused.already-shown",
                                             "officer.content.refused.no-previous",
                                             "officer.content.refused.failed",
                                             "officer.audit.kind.content-update",
                                             "officer.audit.kind.content-rollback"};

// Officer mode's sentences built from parts: the technical detail under a message, the audit log
// (core/audit_words), a copy without encryption.
constexpr std::string_view kOfficerSentenceKeys[] = {"officer.kiosk.problems_where",
                                                     "officer.detail.file",
                                                     "officer.detail.place",
                                                     "officer.detail.key",
                                                     "officer.detail.system",
                                                     "officer.detail.database",
                                                     "officer.detail.count",
                                                     "officer.audit.login_ok",
                                                     "officer.audit.login_failed",
                                                     "officer.audit.login_locked",
                                                     "officer.audit.login_no_pin",
                                                     "officer.audit.lockout",
                                                     "officer.audit.pin_first",
                                                     "officer.audit.pin_replaced",
                                                     "officer.audit.export_sealed",
                                                     "officer.audit.export_plain",
                                                     "officer.audit.reexport_sealed",
                                                     "officer.audit.reexport_plain",
                                                     "officer.audit.purge",
                                                     "officer.audit.content_loaded",
                                                     "officer.audit.setting_volume",
                                                     "officer.audit.setting_rate",
                                                     "officer.audit.setting_lang",
                                                     "officer.audit.setting_theme",
                                                     "officer.audit.content_update_done",
                                                     "officer.audit.content_update_refused",
                                                     "officer.audit.content_rollback_done",
                                                     "officer.audit.content_rollback_refused",
                                                     "officer.audit.other",
                                                     "officer.export.plain_confirm",
                                                     "officer.export.plain_yes",
                                                     "officer.export.plain_cancel",
                                                     "officer.export.plain_off",
                                                     "officer.export.plain_unconfirmed",
                                                     "officer.key.missing_off"};

} // namespace

std::set<std::string> uiKeys()
{
    std::set<std::string> keys;
    const auto add = [&keys](const auto& table) {
        for (const std::string_view k : table)
            keys.emplace(k);
    };
    add(kScreenKeys);
    add(kFormKeys);
    add(kOfficerKeys);
    add(kOfficerSentenceKeys);
    for (const std::string_view refusal : contentRefusalNames())
        keys.insert("officer.content.reason." + std::string(refusal));
    for (Topic t : kAllTopics) {
        keys.insert("home.tile." + std::string(topicId(t)) + ".label");
        keys.insert("home.tile." + std::string(topicId(t)) + ".hint");
    }
    for (Field field : kAllFields)
        keys.insert("form.field." + std::string(fieldId(field)) + ".label");
    for (RequestTopic t : kAllRequestTopics)
        keys.insert("form.topic." + std::string(requestTopicId(t)));
    for (ContactTime t : kAllContactTimes)
        keys.insert("form.time." + std::string(contactTimeId(t)));
    return keys;
}

} // namespace kiosk
