// Upload from a USB stick (Unggah dari USB): the browser sends the batch folder's files with their
// relative paths; deskdata's receiveUpload checks and writes them, the ledger's importer takes each batch.
#include "desk/desk_internal.hpp"
#include "desk/upload.hpp"
#include "ledger/importer.hpp"
#include "ledger/ledger.hpp"

#include <filesystem>

namespace fs = std::filesystem;

namespace kiosk::office::desk {

namespace {

// Where uploads are written: [desk] upload_dir, else "unggahan" beside the SQLite file, else in the
// user's data folder.
fs::path uploadRoot(const Desk::Impl& desk)
{
    if (!desk.settings().uploadDir.empty())
        return desk.settings().uploadDir;
    const std::string& db = desk.options.database;
    if (db.starts_with("sqlite:"))
        return fs::path(db.substr(7)).parent_path() / "unggahan";
    if (db.empty())
        return fs::path(defaultDatabase()).parent_path() / "unggahan";
    return fs::path(defaultDatabase()).parent_path() / "unggahan";
}

} // namespace

void Desk::Impl::uploadRoutes()
{
    server.Get("/unggah", page([this](Call& call) {
                   Page p(call, *this, "Unggah dari USB", "unggah.tpl", "UNGGAH");
                   p.body().SetIntValue("MAKS_MB", settings().uploadMaxMb);
                   p.body().SetIntValue("MAKS_BERKAS", settings().uploadMaxFiles);
                   p.send(call.res);
               }));
    server.Post(
        "/unggah", form([this](Call& call) {
            Page p(call, *this, "Unggah dari USB", "unggah.tpl", "UNGGAH");
            ctemplate::TemplateDictionary& d = p.body();
            d.SetIntValue("MAKS_MB", settings().uploadMaxMb);
            d.SetIntValue("MAKS_BERKAS", settings().uploadMaxFiles);
            const auto refuse = [&](const std::string& why, int status) {
                d.SetValueAndShowSection("GALAT", why, "ADA_GALAT");
                p.send(call.res, status);
            };
            std::vector<UploadedFile> files;
            for (const auto& [name, f] : call.req.files)
                if (name == "berkas" && !(f.filename.empty() && f.content.empty()))
                    files.push_back({f.filename, f.content});
            if (files.empty())
                return refuse("Pilih dulu folder batch dari USB (atau berkas-berkasnya). Choose the "
                              "batch folder from the stick first.",
                              400);
            if (options.config.secretKey.empty())
                return refuse("Kunci rahasia kantor belum diatur ([office] secret_key di office.toml); "
                              "tidak ada yang diunggah. The office's secret key is not configured.",
                              500);
            exporter::SecretKey key{};
            try {
                key = readOfficeSecretKey(options.config.secretKey);
            } catch (const std::exception& e) {
                return refuse(std::string("Kunci rahasia kantor tidak dapat dibaca; tidak ada yang "
                                          "diunggah. ") +
                                  e.what(),
                              500);
            }
            UploadLimits limits;
            limits.maxFiles = static_cast<std::size_t>(settings().uploadMaxFiles);
            limits.maxBytes = static_cast<std::uint64_t>(settings().uploadMaxMb) << 20;
            fs::path folder;
            try {
                folder = receiveUpload(uploadRoot(*this), files, limits);
            } catch (const UploadRefused& e) {
                return refuse(e.what(), 400);
            }
            ImportOptions io;
            io.key = key;
            io.who = call.session.user;
            io.nowMs = now();
            StorePool::Lease store = pool.borrow();
            // The upload is removed whatever happens: the stick still has the batches.
            std::error_code ec;
            std::vector<fs::path> found;
            ImportSummary total;
            try {
                found = findBatches(folder);
                for (const fs::path& batch : found)
                    total.batches.push_back(importBatch(*store, batch, io));
            } catch (...) {
                fs::remove_all(folder, ec);
                throw;
            }
            fs::remove_all(folder, ec);
            if (found.empty())
                return refuse("Tidak ada folder batch dalam unggahan ini (tidak ada manifest.json). "
                              "Pilih folder desa-kiosk di USB, atau satu folder batch di dalamnya. No "
                              "batch folder in this upload.",
                              400);
            for (const BatchSummary& b : total.batches) {
                ctemplate::TemplateDictionary* t = d.AddSectionDictionary("BATCH");
                t->SetValue("FOLDER", fs::relative(b.folder, folder, ec).string());
                t->SetValue("KIOS", b.kioskId);
                t->SetValue("ID", b.batchId);
                if (b.refused.empty()) {
                    t->ShowSection("DITERIMA");
                    t->SetIntValue("BARU", static_cast<long>(b.added));
                    t->SetIntValue("SUDAH", static_cast<long>(b.held));
                    t->SetIntValue("KONFLIK", static_cast<long>(b.conflicts));
                } else {
                    t->SetValueAndShowSection("ALASAN", b.refused, "DITOLAK");
                }
            }
            d.ShowSection("HASIL");
            d.SetIntValue("T_BATCH", static_cast<long>(total.batches.size()));
            d.SetIntValue("T_BARU", static_cast<long>(total.added()));
            d.SetIntValue("T_SUDAH", static_cast<long>(total.held()));
            d.SetIntValue("T_KONFLIK", static_cast<long>(total.conflicts()));
            d.SetIntValue("T_DITOLAK", static_cast<long>(total.refused()));
            if (total.refused() > 0)
                d.ShowSection("ADA_DITOLAK");
            auditEntry(*store, call, "unggah",
                       std::to_string(total.batches.size()) + " batch, " + std::to_string(total.added()) +
                           " baru, " + std::to_string(total.refused()) + " ditolak");
            p.send(call.res, total.refused() > 0 ? 422 : 200);
        }));
}

} // namespace kiosk::office::desk
