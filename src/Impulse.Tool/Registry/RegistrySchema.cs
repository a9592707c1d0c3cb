namespace Impulse.Tool.Registry;

/// <summary>
/// The registry's tables. Immutability and the never-reused numbering are enforced by the database itself
/// (triggers), so no code path, present or future, can rewrite a published version or turn a counter back.
/// </summary>
internal static class RegistrySchema
{
    /// <summary>Bumped when the tables change; a registry written by a newer tool is refused.</summary>
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS registry_info (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL) STRICT;

        CREATE TABLE IF NOT EXISTS functions (
            name TEXT PRIMARY KEY,
            next_version INTEGER NOT NULL DEFAULT 1 CHECK (next_version >= 1),
            created TEXT NOT NULL) STRICT;

        CREATE TRIGGER IF NOT EXISTS functions_counter_never_goes_back
        BEFORE UPDATE OF next_version ON functions WHEN NEW.next_version < OLD.next_version
        BEGIN SELECT RAISE(ABORT, 'a function''s version counter never goes back'); END;

        CREATE TRIGGER IF NOT EXISTS functions_are_kept
        BEFORE DELETE ON functions
        BEGIN SELECT RAISE(ABORT, 'a function''s counter is kept so its numbers are never reused'); END;

        CREATE TABLE IF NOT EXISTS packages (
            code_sha256 TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            created TEXT NOT NULL) STRICT;

        CREATE TABLE IF NOT EXISTS latest (
            function TEXT PRIMARY KEY REFERENCES functions (name),
            code_sha256 TEXT NOT NULL REFERENCES packages (code_sha256),
            config_sha256 TEXT NOT NULL,
            descriptor TEXT NOT NULL,
            updated TEXT NOT NULL) STRICT;

        CREATE TABLE IF NOT EXISTS versions (
            function TEXT NOT NULL REFERENCES functions (name),
            number INTEGER NOT NULL CHECK (number >= 1),
            code_sha256 TEXT NOT NULL REFERENCES packages (code_sha256),
            config_sha256 TEXT NOT NULL,
            description TEXT NOT NULL,
            descriptor TEXT NOT NULL,
            created TEXT NOT NULL,
            PRIMARY KEY (function, number)) STRICT;

        CREATE TRIGGER IF NOT EXISTS versions_are_immutable
        BEFORE UPDATE ON versions
        BEGIN SELECT RAISE(ABORT, 'a published version is immutable'); END;

        CREATE TABLE IF NOT EXISTS aliases (
            function TEXT NOT NULL REFERENCES functions (name),
            name TEXT NOT NULL,
            version TEXT NOT NULL,
            additional_version INTEGER,
            weight REAL,
            description TEXT NOT NULL,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            PRIMARY KEY (function, name),
            CHECK ((additional_version IS NULL) = (weight IS NULL)),
            CHECK (weight IS NULL OR (weight > 0 AND weight < 1))) STRICT;
        """;
}
