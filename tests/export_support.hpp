// Helpers shared by the export tests: a store with awkward requests, a CSV reader, file writers.
#pragma once

#include "export/file_writer.hpp"
#include "store/batches.hpp"
#include "store/requests.hpp"

#include "store_support.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::test {

// Requests whose fields need every CSV rule: quotes, commas, CR/LF, formula starts, non-ASCII.
inline std::vector<CallbackRequest> awkwardRequests()
{
    std::vector<CallbackRequest> out;
    const char* const names[] = {"=HYPERLINK(\"http://x\")", "+62 Budi", "-1+2", "@SUM(A1)",
                                 "Élodie, \"Ayu\""};
    const char* const notes[] = {"\tdengan tab", "\rCR di depan", "baris satu\r\nbaris dua\nbaris tiga",
                                 "kutip \"dua\", koma", "é ü ß 日本"};
    for (int i = 0; i < 5; ++i) {
        CallbackRequest r = numberedRequest(i + 1);
        r.name = names[i];
        r.note = notes[i];
        r.dusun = i == 1 ? "=cmd|' /C calc'!A0" : r.dusun;
        out.push_back(r);
    }
    return out;
}

// A kiosk database with requests, created at known times.
struct ExportFixture {
    TempDir dir;
    FakeClock clock;
    std::ostringstream log;
    store::RequestStore::Opened opened;
    store::RequestStore& store;
    store::Db& db;
    std::filesystem::path dest;

    ExportFixture()
        : opened(store::RequestStore::open(dir.path() / "kiosk.db", "CMG", clock, log)), store(*opened.store),
          db(*store.database()), dest(dir.path() / "stick")
    {
        useKioskTimeZone();
        std::filesystem::create_directories(dest);
        add(awkwardRequests());
    }

    void add(const std::vector<CallbackRequest>& requests)
    {
        std::vector<store::NewRequest> batch;
        for (const CallbackRequest& r : requests) {
            batch.push_back({r, 1'764'378'062'000 + static_cast<std::int64_t>(store.count()) * 61'000});
        }
        store.insertBatch(batch);
    }
    [[nodiscard]] std::size_t newCount() { return store::requestsToExport(db, ExportScope::New).size(); }
};

// RFC 4180 reader, strict: CRLF record ends, quotes only around whole fields, "" inside them.
inline std::vector<std::vector<std::string>> parseCsv(std::string_view text)
{
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::size_t i = 0;
    while (i < text.size()) {
        std::string field;
        if (text[i] == '"') {
            ++i;
            for (;;) {
                REQUIRE_MESSAGE(i < text.size(), "unterminated quoted field");
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field.push_back('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field.push_back(text[i++]);
            }
        } else {
            while (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
                REQUIRE_MESSAGE(text[i] != '"', "a quote inside an unquoted field");
                field.push_back(text[i++]);
            }
        }
        record.push_back(field);
        if (i < text.size() && text[i] == ',') {
            ++i;
            continue;
        }
        REQUIRE_MESSAGE(text.substr(i, 2) == "\r\n", "a record must end with CRLF");
        i += 2;
        records.push_back(std::move(record));
        record.clear();
    }
    return records;
}

// What a cell should read after formula neutralising.
inline std::string neutralised(const std::string& value)
{
    if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos)
        return "'" + value;
    return value;
}

// The real file operations without the fsyncs (the fault loop runs hundreds of exports; the
// fsync calls are still counted and faulted by FaultyFileWriter around this). Remembers the name
// of every file it created, in order, and the renames and flushes in `journal` ("rename PATH",
// "syncPath PATH", "syncDir PATH", PATH the destination or the thing flushed).
class NoSyncFileWriter final : public exporter::FileWriter {
public:
    std::vector<std::string> created;
    std::vector<std::string> journal;

    void makeDir(const std::filesystem::path& d, bool mayExist) override { m_real.makeDir(d, mayExist); }
    int createFile(const std::filesystem::path& f) override
    {
        const int handle = m_real.createFile(f);
        created.push_back(f.filename().string());
        return handle;
    }
    void write(int h, std::string_view b) override { m_real.write(h, b); }
    void syncFile(int) override {}
    void closeFile(int h) override { m_real.closeFile(h); }
    void syncDir(const std::filesystem::path& d) override { journal.push_back("syncDir " + d.string()); }
    void syncPath(const std::filesystem::path& p) override { journal.push_back("syncPath " + p.string()); }
    [[nodiscard]] std::string readFile(const std::filesystem::path& f) override { return m_real.readFile(f); }
    void rename(const std::filesystem::path& a, const std::filesystem::path& b) override
    {
        m_real.rename(a, b);
        journal.push_back("rename " + b.string());
    }
    void remove(const std::filesystem::path& p) override { m_real.remove(p); }

private:
    exporter::PosixFileWriter m_real;
};

} // namespace kiosk::test
