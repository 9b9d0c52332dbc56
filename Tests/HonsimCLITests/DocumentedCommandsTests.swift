import Foundation
import Testing

/// Every `honsim …` command written in the README's and docs' code blocks still means what it
/// says: run with `--help` appended, its subcommands are the ones the help is about and each
/// option it uses is one that help lists; a renamed command or option fails here. `--version`
/// and a completion script are harmless and run as written. One command at a time: each waits
/// for its process on a thread of the shared pool, and forty at once would starve the other
/// suites' store calls of threads.
@Suite("Commands in the documentation", .serialized)
struct DocumentedCommandsTests {
    struct Documented: CustomStringConvertible, Sendable {
        let file: String
        let line: Int
        let words: [String]
        var description: String { "\(file):\(line): honsim \(words.joined(separator: " "))" }
    }

    static var documents: [String] {
        let docs = CLI.packageRoot.appendingPathComponent("docs").path
        let pages = ((try? FileManager.default.contentsOfDirectory(atPath: docs)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
        return ["README.md"] + pages.map { "docs/" + $0 }
    }

    /// The `honsim` commands of a Markdown text's fenced code blocks (every line of a `sh` block,
    /// the `$ ` lines of any other), continued lines joined.
    static func commands(in text: String, file: String) -> [Documented] {
        var found: [Documented] = []
        var inBlock = false, shellBlock = false
        var pending = "", pendingLine = 0
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("```") {
                inBlock.toggle()
                shellBlock = ["sh", "bash", "shell", "console"].contains(line.dropFirst(3).trimmingCharacters(in: .whitespaces))
                continue
            }
            // A shell block is all commands; elsewhere (a screen, a diagram) only a line after a `$` prompt is.
            guard inBlock, shellBlock || line.hasPrefix("$ ") || !pending.isEmpty else { continue }
            if pending.isEmpty { pendingLine = index + 1 }
            if line.hasSuffix("\\") { pending += line.dropLast() + " "; continue }
            let whole = pending + line
            pending = ""
            // Each part of a pipeline or list that runs honsim, after a prompt, sudo or env.
            for part in whole.components(separatedBy: CharacterSet(charactersIn: "|;&")) {
                var words = shellWords(part.replacingOccurrences(of: "#.*$", with: "", options: .regularExpression))
                if words.first == "$" { words.removeFirst() }
                var skipped = 0
                while skipped < words.count {
                    let word = words[skipped]
                    if ["sudo", "env", "exec", "time"].contains(word) { skipped += 1; continue }
                    if word == "-u" || word == "-g" { skipped += 2; continue }  // sudo -u USER
                    if word.contains("=") && !word.hasPrefix("-") { skipped += 1; continue }  // VARIABLE=value
                    break
                }
                words.removeFirst(min(skipped, words.count))
                guard let program = words.first, program == "honsim" || program.hasSuffix("/honsim") else { continue }
                found.append(Documented(file: file, line: pendingLine, words: Array(words.dropFirst())))
            }
        }
        return found
    }

    /// Words as a shell splits them, quotes removed.
    static func shellWords(_ text: String) -> [String] {
        var words: [String] = [], word = "", quote: Character?, started = false
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                started = true
            } else if character == " " || character == "\t" {
                if started || !word.isEmpty { words.append(word) }
                word = ""
                started = false
            } else {
                word.append(character)
            }
        }
        if started || !word.isEmpty { words.append(word) }
        return words
    }

    static var documented: [Documented] {
        documents.flatMap { file in
            (try? String(contentsOfFile: CLI.packageRoot.appendingPathComponent(file).path, encoding: .utf8))
                .map { commands(in: $0, file: file) } ?? []
        }
    }

    @Test func theDocumentationShowsCommands() {
        #expect(Self.documented.count >= 20, "found \(Self.documented.count) commands in \(Self.documents)")
    }

    @Test(arguments: documented)
    func theCommandStillMeansWhatItSays(_ command: Documented) throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("honsim-docs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let environment = ["HOME": home, "XDG_DATA_HOME": home + "/data", "XDG_CONFIG_HOME": home + "/config"]
        if command.words.contains("--version") || command.words.contains("--generate-completion-script") {
            let result = try CLI.run(command.words, environment: environment)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            return
        }
        let help = try CLI.run(command.words.filter { $0 != "--help" && $0 != "-h" } + ["--help"], environment: environment)
        #expect(help.status == 0, "\(command): \(help.stderr)")
        // "USAGE: honsim backup [--store <path|url>] …": the commands the help is about.
        let usage = help.stdout.components(separatedBy: "\n").first { $0.hasPrefix("USAGE:") } ?? ""
        let path = usage.dropFirst("USAGE:".count).split(separator: " ").map(String.init)
            .prefix { !$0.hasPrefix("[") && !$0.hasPrefix("<") && !$0.hasPrefix("-") }.dropFirst()
        let written = command.words.prefix { !$0.hasPrefix("-") }
        let named = Array(written.prefix(path.count))
        let sameCommand = named == Array(path) || (path == ["dashboard"] && (written.isEmpty || written.first?.contains("/") == true))
        #expect(sameCommand, "\(command): the help is about 'honsim \(path.joined(separator: " "))'")
        for option in command.words where option.hasPrefix("--") && option != "--help" {
            let name = option.split(separator: "=").first.map(String.init) ?? option
            #expect(help.stdout.contains(name + " ") || help.stdout.contains(name + "\n") || help.stdout.contains(name + ","),
                    "\(command): \(name) is not an option of 'honsim \(path.joined(separator: " "))'")
        }
    }
}
