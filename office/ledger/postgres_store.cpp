// The office store on PostgreSQL through libpqxx 6.4: prepared statements, one pqxx::work per
// transaction, autocommit outside.
#include "ledger/store.hpp"

#include <pqxx/pqxx>

#include <map>

namespace kiosk::office {

namespace {

// What a person reads: whether the server went away, the disk is full, or what it said.
[[noreturn]] void rethrowPqxx()
{
    try {
        throw;
    } catch (const pqxx::broken_connection& e) {
        throw StoreError(StoreError::Kind::Unavailable,
                         std::string("the PostgreSQL server cannot be reached or went away: ") + e.what());
    } catch (const pqxx::in_doubt_error& e) {
        throw StoreError(StoreError::Kind::Unavailable,
                         std::string("the PostgreSQL server went away while committing (run the "
                                     "import again: it is safe): ") +
                             e.what());
    } catch (const pqxx::disk_full& e) {
        throw StoreError(StoreError::Kind::Full,
                         std::string("the PostgreSQL server's disk is full: ") + e.what());
    } catch (const pqxx::integrity_constraint_violation& e) {
        throw StoreError(StoreError::Kind::Constraint,
                         std::string("PostgreSQL refused a statement: ") + e.what());
    } catch (const pqxx::sql_error& e) {
        // 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 08xxx connection.
        const std::string state = e.sqlstate();
        const bool gone = state.rfind("57P", 0) == 0 || state.rfind("08", 0) == 0;
        throw StoreError(
            gone ? StoreError::Kind::Unavailable : StoreError::Kind::Other,
            std::string(gone ? "the PostgreSQL server went away: " : "PostgreSQL refused a statement: ") +
                e.what());
    } catch (const pqxx::failure& e) {
        throw StoreError(StoreError::Kind::Unavailable, std::string("PostgreSQL failed: ") + e.what());
    }
}

class PostgresStore final : public Store {
public:
    explicit PostgresStore(const std::string& connection)
    {
        try {
            m_connection = std::make_unique<pqxx::connection>(connection);
            m_describe = "PostgreSQL " + std::string(m_connection->dbname());
            // Notices ("relation already exists, skipping") are not for the office.
            pqxx::nontransaction quiet(*m_connection);
            quiet.exec("SET client_min_messages = warning");
            // Every statement here is prepared; after five runs PostgreSQL may keep one generic plan
            // that knows no parameter's value. For the desk's queue page (LIMIT $n) that plan sorted
            // every open request instead of reading 50 in index order. Planning each run with its
            // values costs well under a millisecond.
            quiet.exec("SET plan_cache_mode = force_custom_plan");
        } catch (...) {
            rethrowPqxx();
        }
    }

    [[nodiscard]] Dialect dialect() const override { return Dialect::Postgres; }
    [[nodiscard]] std::string describe() const override { return m_describe; }

    std::vector<Row> query(std::string_view sql, std::span<const Value> params) override
    {
        try {
            const std::string& name = prepared(sql);
            std::vector<std::string> texts(params.size());
            std::vector<const char*> pointers(params.size(), nullptr);
            for (std::size_t i = 0; i < params.size(); ++i) {
                if (const auto* n = std::get_if<std::int64_t>(&params[i]))
                    texts[i] = std::to_string(*n);
                else if (const auto* s = std::get_if<std::string>(&params[i]))
                    texts[i] = *s;
                else
                    continue;
                pointers[i] = texts[i].c_str();
            }
            const auto run = [&](pqxx::transaction_base& tx) {
                return tx.exec_prepared(name, pqxx::prepare::make_dynamic_params(pointers));
            };
            pqxx::result result;
            if (m_work) {
                result = run(*m_work);
            } else {
                pqxx::nontransaction tx(*m_connection);
                result = run(tx);
            }
            std::vector<Row> rows;
            rows.reserve(result.size());
            for (const pqxx::row& r : result) {
                Row row;
                for (const pqxx::field& f : r)
                    row.columns.push_back(f.is_null() ? std::nullopt : std::optional<std::string>(f.c_str()));
                rows.push_back(std::move(row));
            }
            return rows;
        } catch (const StoreError&) {
            throw;
        } catch (...) {
            rethrowPqxx();
        }
    }

    void transaction(const std::function<void()>& body) override
    {
        try {
            m_work = std::make_unique<pqxx::work>(*m_connection);
        } catch (...) {
            rethrowPqxx();
        }
        try {
            body();
            m_work->commit();
            m_work.reset();
        } catch (...) {
            // The transaction's destructor rolls back (and never throws).
            m_work.reset();
            try {
                throw;
            } catch (const StoreError&) {
                throw;
            } catch (const pqxx::failure&) {
                rethrowPqxx();
            }
        }
    }

private:
    // "$N" parameters are PostgreSQL's own: the text goes as it is.
    const std::string& prepared(std::string_view sql)
    {
        const std::string key(sql);
        if (const auto it = m_statements.find(key); it != m_statements.end())
            return it->second;
        const std::string name = "s" + std::to_string(m_statements.size() + 1);
        m_connection->prepare(name, key);
        return m_statements.emplace(key, name).first->second;
    }

    std::unique_ptr<pqxx::connection> m_connection;
    std::unique_ptr<pqxx::work> m_work;
    std::map<std::string, std::string> m_statements;
    std::string m_describe;
};

} // namespace

std::unique_ptr<Store> openPostgres(const std::string& connection)
{
    return std::make_unique<PostgresStore>(connection);
}

} // namespace kiosk::office
