import Foundation

/// Where a PostgreSQL store lives, read from `postgres://user@host:port/db?sslmode=…&host=/dir`
/// the way libpq reads it: a `host` query parameter that begins with `/` is the directory of
/// the server's unix socket (`.s.PGSQL.<port>` in it); the password comes from the URL, else
/// PGPASSWORD, else ~/.pgpass (or PGPASSFILE).
public struct PostgresURL: Sendable, Hashable {
    public enum SSLMode: String, Sendable, Hashable {
        case disable, allow, prefer, require, verifyCA = "verify-ca", verifyFull = "verify-full"
    }

    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    /// The socket directory, when connecting through a unix socket.
    public var socketDirectory: String?
    public var sslMode: SSLMode

    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Parses `text`; the user defaults to the OS user, the port to 5432, the database to the user.
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                home: String = NSHomeDirectory()) throws {
        guard PostgresURL.isPostgres(text), let components = URLComponents(string: text) else {
            throw StoreError.cannotOpen(path: text, reason: "not a postgres:// URL")
        }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        user = components.user.flatMap { $0.removingPercentEncoding }.flatMap { $0.isEmpty ? nil : $0 }
            ?? query["user"] ?? environment["PGUSER"] ?? OSUser.current
        port = components.port ?? query["port"].flatMap(Int.init) ?? environment["PGPORT"].flatMap(Int.init) ?? 5432
        let hostParameter = query["host"] ?? ""
        if hostParameter.hasPrefix("/") {
            socketDirectory = hostParameter
            host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        } else {
            socketDirectory = nil
            host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? (hostParameter.isEmpty ? "localhost" : hostParameter)
        }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.removingPercentEncoding.flatMap { $0.isEmpty ? nil : $0 } ?? query["dbname"] ?? user
        let mode = query["sslmode"] ?? environment["PGSSLMODE"] ?? "prefer"
        guard let sslMode = SSLMode(rawValue: mode) else {
            throw StoreError.cannotOpen(path: text, reason: "sslmode must be disable, allow, prefer, require, verify-ca or verify-full, not '\(mode)'")
        }
        self.sslMode = sslMode
        password = components.password?.removingPercentEncoding ?? environment["PGPASSWORD"]
            ?? PostgresURL.passFile(environment: environment, home: home).flatMap {
                PostgresURL.password(inPassFile: $0, host: socketDirectory == nil ? host : "localhost", port: port,
                                     database: database, user: user)
            }
    }

    /// The socket file when connecting through a directory.
    public var socketPath: String? { socketDirectory.map { "\($0)/.s.PGSQL.\(port)" } }

    /// The URL without its password, for the status bar and messages.
    public var display: String {
        "postgres://\(user)@\(host):\(port)/\(database)" + (socketDirectory.map { "?host=\($0)" } ?? "")
    }

    static func passFile(environment: [String: String], home: String) -> String? {
        let path = environment["PGPASSFILE"] ?? "\(home)/.pgpass"
        return try? String(contentsOfFile: path, encoding: .utf8)
    }

    /// The first line of a .pgpass file (`host:port:database:user:password`, `*` for any,
    /// `\:` and `\\` escaped) that matches.
    static func password(inPassFile text: String, host: String, port: Int, database: String, user: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            var fields: [String] = [""]
            var escaped = false
            for character in line {
                if escaped { fields[fields.count - 1].append(character); escaped = false } else if character == "\\" { escaped = true } else if character == ":" && fields.count < 5 {
                    fields.append("")
                } else { fields[fields.count - 1].append(character) }
            }
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields, wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }
}
