// The desk's browser test fixture: an office key pair and a USB stick holding one sealed batch from
// the kiosk CMG, written by the kiosk's own store and exporter, with a resident whose name is a
// <script> element and a note full of HTML among ordinary requests; and a second stick with the
// same batch written again after one request's note changed on the kiosk (a conflict). Prints one
// JSON line a request (uid, reference, name, created_ms) for the test to find them by.
//   desk_stick DIR -> DIR/kantor.public, DIR/kantor.secret (mode 0600), DIR/stick/desa-kiosk/CMG/…,
//                     DIR/stick2/desa-kiosk/CMG/…, and the office's signing keys for status packs,
//                     DIR/kantor.sign.public and DIR/kantor.sign.secret
//   desk_stick --check-status FILE PUBLIC KIOSK
//                  -> reads FILE as the kiosk KIOSK does, trusting only PUBLIC (a NAME.sign.public);
//                     prints one JSON line an entry (reference, status, date), or the refusal and
//                     exits 1

#include "core/clock.hpp"
#include "export/exporter.hpp"
#include "export/file_writer.hpp"
#include "export/seal.hpp"
#include "export/signing.hpp"
#include "export/status_pack.hpp"
#include "store/requests.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace fs = std::filesystem;
using namespace kiosk;

namespace {

// The kiosk's own reading of a status pack, against one trusted key.
int checkStatus(const fs::path& file, const fs::path& publicKey, const std::string& kioskId)
{
    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::vector<signing::PublicKey> trusted{signing::readPublicKey(publicKey)};
    const statuspack::Read r = statuspack::read(bytes, trusted, kioskId);
    if (!r.ok()) {
        std::cout
            << nlohmann::json{{"refused", statuspack::refusalName(r.refusal)}, {"detail", r.detail}}.dump()
            << "\n";
        return 1;
    }
    for (const StatusEntry& e : r.pack.book.entries)
        std::cout << nlohmann::json{{"reference", e.reference},
                                    {"status", std::string(statuspack::statusWord(e.status))},
                                    {"date", e.date}}
                         .dump()
                  << "\n";
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc == 5 && std::string(argv[1]) == "--check-status") {
        try {
            return checkStatus(argv[2], argv[3], argv[4]);
        } catch (const std::exception& e) {
            std::cerr << "desk_stick: " << e.what() << "\n";
            return 1;
        }
    }
    if (argc != 2) {
        std::cerr << "usage: desk_stick DIR\n";
        return 2;
    }
    try {
        const fs::path dir = argv[1];
        fs::create_directories(dir / "stick");
        const exporter::KeyPair keys = exporter::makeKeyPair();
        exporter::writeKeyFiles(dir / "kantor", keys);
        (void)signing::makeSigningKeys(dir / "kantor");

        const SystemClock clock;
        std::ostringstream log;
        auto opened = store::RequestStore::open(dir / "kiosk-CMG.db", "CMG", clock, log);
        if (!opened.store->available()) {
            std::cerr << "desk_stick: the kiosk store did not open: " << log.str() << "\n";
            return 1;
        }
        const std::int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count();
        constexpr std::int64_t day = 86'400'000;
        auto make = [](std::string name, std::string phone, RequestTopic topic, std::string note) {
            CallbackRequest r;
            r.name = std::move(name);
            r.phone = std::move(phone);
            r.dusun = "Krajan";
            r.rt = "3";
            r.rw = "2";
            r.topic = topic;
            r.time = ContactTime::Any;
            r.note = std::move(note);
            r.lang = Lang::Id;
            return r;
        };
        const std::vector<store::NewRequest> rows{
            {make("Sri Rahayu Uji", "+6281234500001", RequestTopic::WorkAbroad,
                  "Ingin kerja ke Taiwan, ditawari agen"),
             now - 6 * day},
            {make("<script>window.__xss=1</script>", "+6281234500002", RequestTopic::Trafficking,
                  "<b>tebal</b> <img src=x onerror=\"window.__xss=2\"> & \"kutip\""),
             now - 2 * day},
            {make("Bambang Wibowo", "+6281234500003", RequestTopic::Passport, "Paspor anak"), now - 1 * day},
            {make("Dèwi Lestari", "+6281234500004", RequestTopic::Other, ""), now - 12 * 3'600'000},
        };
        opened.store->insertBatch(rows);

        exporter::PosixFileWriter files;
        exporter::ExportOptions o;
        o.destination = dir / "stick";
        o.kioskId = "CMG";
        o.officeKey = keys.publicKey;
        o.nowMs = now;
        const exporter::ExportResult batch = exporter::exportBatch(*opened.store->database(), files, o);
        if (batch.count != rows.size() || !batch.sealed) {
            std::cerr << "desk_stick: the batch holds " << batch.count << " requests, sealed " << batch.sealed
                      << "\n";
            return 1;
        }
        // A second stick: on the kiosk Bambang's note changed (a restored backup, say) and his batch
        // was written again ("Salin lagi"): the same global id with other content, a conflict.
        opened.store->database()->exec("UPDATE requests SET note = 'Paspor anak, nomor baru' WHERE id = 3");
        o.destination = dir / "stick2";
        o.againBatch = batch.batchId;
        o.nowMs = now + 60'000;
        fs::create_directories(o.destination);
        const exporter::ExportResult again = exporter::exportBatch(*opened.store->database(), files, o);
        if (again.count != rows.size()) {
            std::cerr << "desk_stick: the batch written again holds " << again.count << " requests\n";
            return 1;
        }
        for (const StoredRequest& r : opened.store->list())
            std::cout << nlohmann::json{{"uid", r.uid},
                                        {"reference", r.reference},
                                        {"name", r.request.name},
                                        {"created_ms", r.createdMs},
                                        {"batch", batch.folder.string()}}
                             .dump()
                      << "\n";
    } catch (const std::exception& e) {
        std::cerr << "desk_stick: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
