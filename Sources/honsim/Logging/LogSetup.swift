import Foundation
import HonsimTUI
import Logging

/// Starts the log before any command runs, at the level asked for by `--log-level`, else by
/// the settings file's `[log] level`, else info; and records which honsim started.
enum LogSetup {
    static let logger = Logger(label: "honsim")

    static func start(arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) {
        let level = requestedLevel(arguments)
            ?? DashboardConfig.load(environment: environment).config.logLevel.flatMap(Logger.Level.init(rawValue:))
            ?? .info
        let file = LogFile(path: LogFile.defaultPath(environment: environment))
        LoggingSystem.bootstrap { label in LogFileHandler(label: label, file: file, logLevel: level) }
        // The command's name only: its arguments may hold a person's name or phone.
        let command = arguments.first { !$0.hasPrefix("-") } ?? "dashboard"
        logger.info("started", metadata: ["version": "\(BuildInfo.version)", "build": "\(BuildInfo.build)", "command": "\(command)"])
    }

    /// `--log-level LEVEL` or `--log-level=LEVEL`, when LEVEL is one swift-log knows; the
    /// parser reports an unknown one.
    static func requestedLevel(_ arguments: [String]) -> Logger.Level? {
        for (index, argument) in arguments.enumerated() {
            if argument == "--log-level", index + 1 < arguments.count { return Logger.Level(rawValue: arguments[index + 1].lowercased()) }
            if argument.hasPrefix("--log-level=") { return Logger.Level(rawValue: String(argument.dropFirst("--log-level=".count)).lowercased()) }
        }
        return nil
    }
}
