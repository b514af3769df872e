using System.Text;
using Npgsql;

namespace Casualties.Postgres.Roles;

/// <summary>
/// Logins for the read-only role casualties_reader (created by migration 0004): a LOGIN role that is a member of it
/// and may therefore SELECT the reporting views and nothing else.
/// </summary>
public sealed class ReaderLogins(NpgsqlDataSource dataSource)
{
    /// <summary>The read-only role (migration 0004) every reader login is made a member of.</summary>
    public const string ReaderRole = "casualties_reader";

    const string ExistingRoleSql = """
        SELECT (SELECT rolsuper OR rolcreaterole OR rolbypassrls FROM pg_roles WHERE rolname = @Name),
               @Name = current_user,
               EXISTS (SELECT FROM pg_roles WHERE rolname = @Reader)
        """;

    /// <summary>Creates the login, or updates an existing one (LOGIN, the password when given, the membership).
    /// Returns true when it was created. Names and passwords are quoted by the server (format %I / %L).</summary>
    public async Task<bool> Grant(string name, string? password, CancellationToken ct = default)
    {
        Validate(name);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        bool? privileged;
        bool isCurrentUser, readerExists;
        await using (var check = new NpgsqlCommand(ExistingRoleSql, conn))
        {
            check.Parameters.AddWithValue("Name", name);
            check.Parameters.AddWithValue("Reader", ReaderRole);
            await using var r = await check.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            privileged = r.IsDBNull(0) ? null : r.GetBoolean(0);
            isCurrentUser = r.GetBoolean(1);
            readerExists = r.GetBoolean(2);
        }
        if (!readerExists)
            throw new InvalidOperationException($"The role {ReaderRole} does not exist yet: run 'casualties migrate' first.");
        if (isCurrentUser || privileged == true)
            throw new ArgumentException($"Role '{name}' already exists with more rights than a reader (it is the current user, a superuser or may create roles): pick another name.", nameof(name));

        var created = privileged is null;
        var statement = created
            ? "SELECT format('CREATE ROLE %1$I LOGIN INHERIT' || CASE WHEN @Password::text IS NULL THEN '' ELSE ' PASSWORD %2$L' END || ' IN ROLE %3$I', @Name::text, @Password::text, @Reader::text)"
            : "SELECT format('ALTER ROLE %1$I LOGIN INHERIT' || CASE WHEN @Password::text IS NULL THEN '' ELSE ' PASSWORD %2$L' END, @Name::text, @Password::text)";
        await using var tx = await conn.BeginTransactionAsync(ct);
        foreach (var sql in created ? [statement] : new[] { statement, "SELECT format('GRANT %I TO %I', @Reader::text, @Name::text)" })
        {
            await using var build = new NpgsqlCommand(sql, conn, tx);
            build.Parameters.AddWithValue("Name", name);
            build.Parameters.Add(new NpgsqlParameter("Password", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)password ?? DBNull.Value });
            build.Parameters.AddWithValue("Reader", ReaderRole);
            var ddl = (string)(await build.ExecuteScalarAsync(ct))!;
            await using var run = new NpgsqlCommand(ddl, conn, tx);
            await run.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return created;
    }

    private static void Validate(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name != name.Trim())
            throw new ArgumentException("A role name must not be empty or start or end with spaces.", nameof(name));
        if (Encoding.UTF8.GetByteCount(name) > 63)
            throw new ArgumentException($"Role name '{name}' is longer than PostgreSQL's 63 bytes.", nameof(name));
        if (name.StartsWith("pg_", StringComparison.OrdinalIgnoreCase) || name == ReaderRole)
            throw new ArgumentException($"Role name '{name}' is reserved: pick another.", nameof(name));
    }
}
