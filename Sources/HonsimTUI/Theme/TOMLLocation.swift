import Foundation
import TOMLKit

/// Where a key sits in a TOML text. TOMLKit reports lines for syntax errors only; for a value
/// that parses but makes no sense ("reddish" as a color) we find the key's line by reading the
/// text ourselves, so every message can say `file:line: key: what is wrong`.
enum TOMLLocation {
    /// The 1-based line that defines `path` (["styles", "urgent", "fg"]): the key itself, the
    /// inline table that holds it, or else the nearest enclosing key or table header.
    static func line(of path: [String], in text: String) -> Int? {
        var table: [String] = []
        var best: (line: Int, depth: Int)?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = stripComment(String(rawLine)).trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            let number = index + 1
            if line.hasPrefix("[") {
                let inner = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
                table = splitKey(inner)
                if table == path { return number }
                if isPrefix(table, of: path), table.count > (best?.depth ?? 0) { best = (number, table.count) }
                continue
            }
            guard let equals = firstUnquoted("=", in: line) else { continue }
            let key = table + splitKey(String(line[..<equals]))
            if key == path { return number }
            guard isPrefix(key, of: path) else { continue }
            let value = String(line[line.index(after: equals)...])
            // An inline table on this line that names the next key: `urgent = { fg = "red" }`.
            if path.count == key.count + 1, value.contains("{"), containsKey(path[key.count], in: value) { return number }
            if key.count > (best?.depth ?? 0) { best = (number, key.count) }
        }
        return best?.line
    }

    /// The keys of a (possibly dotted, possibly quoted) TOML key: `a."b.c"` → ["a", "b.c"].
    static func splitKey(_ key: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for character in key {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "." {
                parts.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current.trimmingCharacters(in: .whitespaces))
        return parts
    }

    /// The line without its comment; a `#` inside a string ("#d70000") is not a comment.
    static func stripComment(_ line: String) -> String {
        guard let hash = firstUnquoted("#", in: line) else { return line }
        return String(line[..<hash])
    }

    private static func firstUnquoted(_ target: Character, in line: String) -> String.Index? {
        var quote: Character?
        var escaped = false
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if escaped { escaped = false } else if character == "\\" && open == "\"" { escaped = true } else if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == target {
                return index
            }
        }
        return nil
    }

    private static func containsKey(_ key: String, in inlineTable: String) -> Bool {
        var rest = inlineTable
        while let equals = firstUnquoted("=", in: rest) {
            let name = rest[..<equals].split(whereSeparator: { $0 == "{" || $0 == "," }).last.map(String.init) ?? ""
            if splitKey(name) == [key] { return true }
            rest = String(rest[rest.index(after: equals)...])
        }
        return false
    }

    private static func isPrefix(_ prefix: [String], of path: [String]) -> Bool {
        prefix.count <= path.count && Array(path.prefix(prefix.count)) == prefix
    }
}

/// A value from a parsed TOML table, described for an error message.
extension TOMLValueConvertible {
    var kindDescription: String {
        switch type {
        case .string: return "a string"
        case .int: return "an integer"
        case .double: return "a number with a fraction"
        case .bool: return "true or false"
        case .table: return "a table"
        case .array: return "a list"
        default: return "a date or time"
        }
    }
}
