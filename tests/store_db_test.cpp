// Tests of the SQLite wrappers: statements, transactions, errors with their codes.
#include "store/db.hpp"

#include "test_support.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>
#include <utility>

using namespace kiosk;
using namespace kiosk::store;

TEST_CASE("a statement binds and reads back every kind of value")
{
    Db db(":memory:", OpenMode::ReadWriteCreate);
    db.exec("CREATE TABLE t (i INTEGER, s TEXT, b BLOB, n TEXT)");
    const std::string withNul("a\0b'\"; --é", 11);
    const unsigned char bytes[] = {0, 1, 254, 255};
    Stmt insert(db, "INSERT INTO t VALUES (?1, ?2, ?3, ?4)");
    insert.bind(1, std::int64_t{-9'007'199'254'740'993})
        .bind(2, withNul)
        .bindBlob(3, bytes)
        .bindNull(4)
        .run();

    Stmt select(db, "SELECT i, s, b, n FROM t");
    REQUIRE(select.step());
    CHECK(select.columnInt64(0) == -9'007'199'254'740'993);
    CHECK(select.columnText(1) == withNul);
    CHECK(select.columnBlob(2) == std::vector<unsigned char>(std::begin(bytes), std::end(bytes)));
    CHECK(select.columnIsNull(3));
    CHECK_FALSE(select.step());
}

TEST_CASE("a statement can be reset, rebound and moved")
{
    Db db(":memory:", OpenMode::ReadWriteCreate);
    db.exec("CREATE TABLE t (i INTEGER)");
    Stmt insert(db, "INSERT INTO t VALUES (?1)");
    for (std::int64_t i = 0; i < 5; ++i) {
        insert.reset();
        insert.bind(1, i).run();
    }
    Stmt moved = std::move(insert);
    moved.reset();
    moved.bind(1, 5).run();
    CHECK(db.queryInt("SELECT count(*) FROM t") == 6);
    CHECK(db.queryInt("SELECT sum(i) FROM t") == 15);
}

TEST_CASE("errors carry SQLite's primary and extended codes")
{
    Db db(":memory:", OpenMode::ReadWriteCreate);
    db.exec("CREATE TABLE t (u TEXT UNIQUE)");
    try {
        Stmt bad(db, "SELEKT 1");
        FAIL("prepared bad SQL");
    } catch (const SqliteError& e) {
        CHECK(e.code() == SQLITE_ERROR);
    }
    Stmt insert(db, "INSERT INTO t VALUES (?1)");
    insert.bind(1, "x").run();
    insert.reset();
    insert.bind(1, "x");
    try {
        insert.run();
        FAIL("inserted a duplicate");
    } catch (const SqliteError& e) {
        CHECK(e.code() == SQLITE_CONSTRAINT);
        CHECK(e.extendedCode() == SQLITE_CONSTRAINT_UNIQUE);
        CHECK(sqliteCodeName(e.extendedCode()) == "SQLITE_CONSTRAINT");
    }
}

TEST_CASE("a transaction rolls back unless committed")
{
    test::TempDir dir;
    Db db(dir.path() / "t.db", OpenMode::ReadWriteCreate);
    db.exec("CREATE TABLE t (i INTEGER)");
    {
        Transaction tx(db);
        CHECK(db.inTransaction());
        db.exec("INSERT INTO t VALUES (1)");
    }
    CHECK_FALSE(db.inTransaction());
    CHECK(db.queryInt("SELECT count(*) FROM t") == 0);
    {
        Transaction tx(db);
        db.exec("INSERT INTO t VALUES (2)");
        tx.commit();
    }
    CHECK(db.queryInt("SELECT count(*) FROM t") == 1);

    SUBCASE("BEGIN IMMEDIATE fails at once on a database another connection is writing")
    {
        Db other(dir.path() / "t.db", OpenMode::ReadWriteCreate);
        Transaction holding(other);
        db.setBusyTimeout(10);
        try {
            Transaction tx(db);
            FAIL("took the write lock twice");
        } catch (const SqliteError& e) {
            CHECK(e.code() == SQLITE_BUSY);
            CHECK(saveFailureOf(e.code()) == SaveFailure::Busy);
        }
    }
}

TEST_CASE("read-only opening never creates a file and never writes")
{
    test::TempDir dir;
    const auto missing = dir.path() / "missing.db";
    CHECK_THROWS_AS(Db(missing, OpenMode::ReadOnly), SqliteError);
    CHECK_FALSE(std::filesystem::exists(missing));

    const auto file = dir.path() / "t.db";
    Db(file, OpenMode::ReadWriteCreate).exec("CREATE TABLE t (i INTEGER)");
    Db reader(file, OpenMode::ReadOnly);
    CHECK(reader.readOnly());
    try {
        reader.exec("INSERT INTO t VALUES (1)");
        FAIL("wrote through a read-only connection");
    } catch (const SqliteError& e) {
        CHECK(e.code() == SQLITE_READONLY);
    }
}

TEST_CASE("SQLite codes map to the reasons a save fails")
{
    CHECK(saveFailureOf(SQLITE_OK) == SaveFailure::None);
    CHECK(saveFailureOf(SQLITE_FULL) == SaveFailure::Full);
    CHECK(saveFailureOf(SQLITE_READONLY) == SaveFailure::ReadOnly);
    CHECK(saveFailureOf(SQLITE_READONLY_DBMOVED) == SaveFailure::ReadOnly);
    CHECK(saveFailureOf(SQLITE_BUSY) == SaveFailure::Busy);
    CHECK(saveFailureOf(SQLITE_BUSY_SNAPSHOT) == SaveFailure::Busy);
    CHECK(saveFailureOf(SQLITE_LOCKED) == SaveFailure::Busy);
    CHECK(saveFailureOf(SQLITE_IOERR) == SaveFailure::Io);
    CHECK(saveFailureOf(SQLITE_IOERR_FSYNC) == SaveFailure::Io);
    CHECK(saveFailureOf(SQLITE_CORRUPT) == SaveFailure::Corrupt);
    CHECK(saveFailureOf(SQLITE_NOTADB) == SaveFailure::Corrupt);
    CHECK(saveFailureOf(SQLITE_CANTOPEN) == SaveFailure::Unavailable);
    CHECK(saveFailureOf(SQLITE_CONSTRAINT_UNIQUE) == SaveFailure::Other);
    CHECK(sqliteCodeName(SQLITE_IOERR_WRITE) == "SQLITE_IOERR");
    CHECK(sqliteCodeName(SQLITE_FULL) == "SQLITE_FULL");
}

TEST_CASE("integrity_check of a sound database says ok")
{
    Db db(":memory:", OpenMode::ReadWriteCreate);
    db.exec("CREATE TABLE t (i INTEGER PRIMARY KEY, s TEXT UNIQUE)");
    CHECK(integrityCheck(db) == std::vector<std::string>{"ok"});
    CHECK(integrityCheck(db, true) == std::vector<std::string>{"ok"});
}
