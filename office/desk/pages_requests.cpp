// One request (Permintaan): every field, the links to call, the history of events, the forms that record
// what came of a call, and a conflict side by side.
#include "desk/desk_internal.hpp"
#include "ledger/accounts.hpp"
#include "ledger/ledger.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace kiosk::office::desk {

namespace {

// The phone as the resident typed it, for a tel: link: digits and a leading +.
std::string telNumber(const std::string& phone)
{
    std::string out;
    for (const char c : phone)
        if ((c >= '0' && c <= '9') || (c == '+' && out.empty()))
            out.push_back(c);
    return out;
}

// The number for wa.me: international without + (08… -> 628…); "" when it does not look Indonesian.
std::string whatsAppNumber(const std::string& phone)
{
    std::string digits;
    for (const char c : phone)
        if (c >= '0' && c <= '9')
            digits.push_back(c);
    if (digits.starts_with("62"))
        return digits.size() >= 10 ? digits : "";
    if (digits.starts_with("0"))
        return digits.size() >= 9 ? "62" + digits.substr(1) : "";
    if (digits.starts_with("8"))
        return digits.size() >= 8 ? "62" + digits : "";
    return "";
}

// The kiosk's words for the contact times (data/content/id/ui.toml, [form.time]).
std::string contactTimeName(const std::string& id)
{
    if (id == "morning")
        return "Pagi";
    if (id == "midday")
        return "Siang";
    if (id == "afternoon")
        return "Sore";
    if (id == "any")
        return "Kapan saja";
    return id;
}

const char* eventName(const Event& e)
{
    if (e.kind == "baru")
        return "Diterima kantor (impor)";
    if (e.kind == "attempt")
        return "Panggilan";
    if (e.kind == "referred")
        return "Dirujuk";
    if (e.kind == "selesai")
        return "Selesai";
    if (e.kind == "reopened")
        return "Dibuka lagi";
    if (e.kind == "note")
        return "Catatan";
    if (e.kind == "purged")
        return "Data pribadi dihapus (retensi)";
    if (e.kind == "version")
        return "Konflik: versi dipilih";
    return "Peristiwa";
}

// The fields of a version's JSON, in the ledger's names.
std::map<std::string, std::string> versionFields(const std::string& content)
{
    std::map<std::string, std::string> out;
    const nlohmann::json j = nlohmann::json::parse(content, nullptr, false);
    if (!j.is_object())
        return out;
    for (const auto& [k, v] : j.items())
        out[k] = v.is_string() ? v.get<std::string>() : v.dump();
    return out;
}

void fillRequest(Desk::Impl& desk, Call& call, Store& store, const LedgerRequest& r,
                 ctemplate::TemplateDictionary& d)
{
    d.SetValue("UID", r.uid);
    d.SetValue("REF", r.reference);
    d.SetValue("DESA", r.village);
    d.SetValue("KIOS", r.kioskId);
    d.SetValue("DIBUAT", localMinute(r.createdMs));
    d.SetValue("TOPIK", topicName(r.topic));
    d.SetValue("STATUS", statusName(r.status));
    d.SetValue("BAHASA", r.lang == "jv" ? "Basa Jawa" : r.lang == "en" ? "English" : "Bahasa Indonesia");
    d.SetValue("WAKTU", contactTimeName(r.contactTime));
    d.SetValue("BATCH", r.batchId);
    d.SetValue("BERKAS", r.file);
    d.SetValue("DIIMPOR", localMinute(r.importedMs) + " oleh " + r.importedBy);
    d.SetIntValue("HARI", static_cast<long>((desk.now() - r.createdMs) / kDayMs));
    if (r.priority == 0)
        d.ShowSection("TPPO");
    if (r.purged) {
        d.ShowSection("DIHAPUS");
    } else {
        d.ShowSection("PRIBADI");
        d.SetValue("NAMA", r.name);
        d.SetValue("TELEPON", r.phone);
        // Only the digits after "tel:": ctemplate lets a whole URL in an href be http(s) or relative only.
        d.SetValue("TEL", telNumber(r.phone));
        if (const std::string wa = whatsAppNumber(r.phone); !wa.empty())
            d.SetValueAndShowSection("WA", "https://wa.me/" + wa, "ADA_WA");
        d.SetValue("DUSUN", r.dusun);
        d.SetValue("RTRW", r.rt.empty() && r.rw.empty() ? "" : r.rt + " / " + r.rw);
        d.SetValue("CATATAN", r.note);
        d.ShowSection(r.status == "selesai" ? "BUKA_LAGI" : "TINDAK");
        for (const std::string& partner : desk.options.config.partners)
            d.AddSectionDictionary("MITRA")->SetValue("NAMA", partner);
        if (desk.options.config.partners.empty())
            d.ShowSection("TANPA_MITRA");
    }
    for (const Event& e : eventsOf(store, r.uid)) {
        ctemplate::TemplateDictionary* t = d.AddSectionDictionary("PERISTIWA");
        t->SetValue("WAKTU", localMinute(e.atMs));
        t->SetValue("SIAPA", e.who);
        std::string what = eventName(e);
        if (!e.outcome.empty())
            what += ": " + outcomeName(e.outcome);
        if (!e.partner.empty())
            what += " ke " + e.partner;
        t->SetValue("APA", what);
        t->SetValue("CATATAN", e.note);
    }
    if (r.conflict) {
        d.ShowSection("KONFLIK");
        for (const RequestVersion& v : versionsOf(store, r.uid)) {
            ctemplate::TemplateDictionary* vd = d.AddSectionDictionary("VERSI");
            vd->SetValue("BATCH", v.batchId);
            vd->SetIntValue("ID", static_cast<long>(v.id));
            vd->SetValue("DIIMPOR", localMinute(v.importedMs) + " oleh " + v.importedBy);
            const std::map<std::string, std::string> other = versionFields(v.content);
            const std::pair<const char*, std::string> held[] = {{"name", r.name},
                                                                {"phone", r.phone},
                                                                {"dusun", r.dusun},
                                                                {"rt", r.rt},
                                                                {"rw", r.rw},
                                                                {"topic", r.topic},
                                                                {"contact_time", r.contactTime},
                                                                {"note", r.note},
                                                                {"lang", r.lang}};
            for (const auto& [key, value] : held) {
                ctemplate::TemplateDictionary* f = vd->AddSectionDictionary("BIDANG");
                f->SetValue("NAMA", key);
                f->SetValue("DIPEGANG", value);
                const auto it = other.find(key);
                f->SetValue("LAIN", it == other.end() ? "" : it->second);
                if (it != other.end() && it->second != value)
                    f->ShowSection("BEDA");
            }
        }
    }
    (void)call;
}

} // namespace

void Desk::Impl::requestRoutes()
{
    server.Get(R"(/permintaan/([A-Za-z0-9._-]{1,100}))", page([this](Call& call) {
                   const std::string uid = call.req.matches[1];
                   StorePool::Lease store = pool.borrow();
                   const std::optional<LedgerRequest> r = findRequest(*store, uid, options.config.villages);
                   if (!r)
                       return errorPage(call, 404, "Permintaan tidak ditemukan",
                                        "Tidak ada permintaan dengan nomor ini. No request has this id.");
                   auditEntry(*store, call, "lihat", uid);
                   Page p(call, *this, "Permintaan " + r->reference, "permintaan.tpl", "ANTREAN");
                   fillRequest(*this, call, *store, *r, p.body());
                   p.send(call.res);
               }));

    server.Post(
        R"(/permintaan/([A-Za-z0-9._-]{1,100})/tindak)", form([this](Call& call) {
            const std::string uid = call.req.matches[1];
            const std::string back = "/permintaan/" + uid;
            const std::string hasil = field(call.req, "hasil");
            const std::optional<Outcome> outcome = outcomeFromId(hasil);
            if (!outcome)
                return redirect(call, back, "Pilih hasilnya dulu. Choose an outcome first.", true);
            FollowUp f;
            f.request = uid;
            f.outcome = *outcome;
            f.partner = field(call.req, "mitra");
            f.note = field(call.req, "catatan");
            f.who = call.session.user;
            f.atMs = now();
            if (f.note.size() > 4000)
                return redirect(call, back,
                                "Catatan terlalu panjang (lebih dari 4000 huruf); tidak ada yang disimpan.",
                                true);
            const auto& partners = options.config.partners;
            if (f.outcome == Outcome::Referred &&
                std::find(partners.begin(), partners.end(), f.partner) == partners.end())
                return redirect(call, back,
                                "Pilih mitra rujukan dari daftar; tidak ada yang disimpan. Choose a "
                                "partner from the list.",
                                true);
            StorePool::Lease store = pool.borrow();
            if (!findRequest(*store, uid, options.config.villages))
                return errorPage(call, 404, "Permintaan tidak ditemukan",
                                 "Tidak ada permintaan dengan nomor ini. No request has this id.");
            try {
                const FollowUpResult r = addFollowUp(*store, f, partners);
                auditEntry(*store, call, "tindak:" + hasil, uid);
                redirect(call, back, "Tersimpan. Status sekarang: " + statusName(r.status) + ".");
            } catch (const std::invalid_argument&) {
                redirect(call, back,
                         "Tindak lanjut tidak dapat dicatat: data pribadi permintaan ini sudah dihapus "
                         "(retensi).",
                         true);
            }
        }));

    server.Post(R"(/permintaan/([A-Za-z0-9._-]{1,100})/konflik)", form([this](Call& call) {
                    const std::string uid = call.req.matches[1];
                    const std::string back = "/permintaan/" + uid;
                    const std::string versi = field(call.req, "versi");
                    if (versi.empty() || versi.size() > 18 ||
                        versi.find_first_not_of("0123456789") != std::string::npos)
                        return redirect(call, back, "Pilih versi yang dipakai dulu. Choose a version first.",
                                        true);
                    StorePool::Lease store = pool.borrow();
                    try {
                        chooseVersion(*store, uid, std::stoll(versi), call.session.user, now());
                    } catch (const std::invalid_argument& e) {
                        return redirect(call, back, e.what(), true);
                    }
                    auditEntry(*store, call, "konflik:" + versi, uid);
                    redirect(call, back, "Pilihan versi disimpan; versi yang lain tetap tersimpan.");
                }));
}

} // namespace kiosk::office::desk
