import Foundation
import HonsimCore
import TOMLKit

/// The centers that book vehicles, from `[vehicles]` in config.toml: Anyang's 착한수레 and
/// 바우처택시 are built in; a table `[vehicles."NAME"]` changes the built-in center of that name
/// or adds one. Each center serves the transports it lists; the last center to list a
/// transport takes it.
///
///     [vehicles]
///     warning_hours = 24
///     [vehicles."바우처택시"]
///     phone = "031-400-7990"
///     transports = ["taxi"]
///     days_ahead = 1
///     cutoff = "18:00"
///     hours = "07:00-18:00"
///     days = ["mon", "tue", "wed", "thu", "fri", "sat"]
extension DashboardConfig {
    static let vehicleKeys = ["phone", "transports", "days_ahead", "cutoff", "hours", "days"]

    /// `[vehicles]` read onto the built-in rules; any mistake is thrown as file:line:key.
    static func parseVehicles(_ table: TOMLTable, text: String, failure: ([String], String) -> ConfigError) throws(ConfigError) -> VehicleRules {
        let builtIn = VehicleRules.anyang
        // The built-in centers by name, each with the transports it serves, in a fixed order.
        typealias Center = (rule: VehicleRule, transports: [Transport])
        var centers: [Center] = Transport.allCases.compactMap { (transport: Transport) -> Center? in
            builtIn.rules[transport].map { (rule: $0, transports: [transport]) }
        }
        var warning = builtIn.warning
        for name in ThemeLoader.inSourceOrder(table.keys, under: ["vehicles"], in: text) {
            guard let value = table[name] else { continue }
            let path = ["vehicles", name]
            if name == "warning_hours" {
                guard let hours = value.int, hours >= 0 else { throw failure(path, "expected hours as a whole number, 0 or more, \(found(value))") }
                warning = TimeInterval(hours * 3600)
                continue
            }
            guard let center = value.table else {
                throw failure(path, "expected a center's table like [vehicles.\"착한수레\"] or warning_hours, \(found(value))")
            }
            let known = centers.firstIndex { $0.rule.name == name }
            var entry: Center = known.map { centers[$0] } ?? (rule: VehicleRule(name: name, cutoff: ClockTime(minutes: 17 * 60)), transports: [])
            for key in ThemeLoader.inSourceOrder(center.keys, under: path, in: text) {
                guard let setting = center[key] else { continue }
                let at = path + [key]
                switch key {
                case "phone":
                    guard let phone = setting.string else { throw failure(at, "expected the number to call in quotes, \(found(setting))") }
                    entry.rule.phone = phone.trimmingSpaces()
                case "transports":
                    entry.transports = try words(setting, at: at, failure: failure).map { (word: String) throws(ConfigError) -> Transport in
                        guard let transport = Transport(rawValue: word), transport.needsBooking else {
                            throw failure(at, "'\(word)' is not a transport that is booked (use center_vehicle or taxi)")
                        }
                        return transport
                    }
                case "days_ahead":
                    guard let days = setting.int, days >= 0 else {
                        throw failure(at, "expected how many days before the escort as a whole number, 0 or more, \(found(setting))")
                    }
                    entry.rule.daysAhead = days
                case "cutoff":
                    guard let word = setting.string, let time = ClockTime(word), time.minutes < 24 * 60 else {
                        throw failure(at, "expected a time of day like \"17:00\", \(setting.string.map { "found '\($0)'" } ?? found(setting))")
                    }
                    entry.rule.cutoff = time
                case "hours":
                    let parts = setting.string?.split(separator: "-").map(String.init) ?? []
                    guard parts.count == 2, let opens = ClockTime(parts[0]), let closes = ClockTime(parts[1]), opens < closes else {
                        throw failure(at, "expected the hours it runs like \"07:00-18:00\" (24:00 for midnight), "
                                      + (setting.string.map { "found '\($0)'" } ?? found(setting)))
                    }
                    entry.rule.opens = opens
                    entry.rule.closes = closes
                case "days":
                    let days = try words(setting, at: at, failure: failure).map { (word: String) throws(ConfigError) -> Weekday in
                        guard let day = Weekday(word: word) else { throw failure(at, "'\(word)' is not a day (mon … sun, 월 … 일)") }
                        return day
                    }
                    guard !days.isEmpty else { throw failure(at, "a center that runs on no day (list at least one)") }
                    entry.rule.days = Set(days)
                default:
                    throw failure(at, "unknown key (use \(vehicleKeys.joined(separator: ", ")))")
                }
            }
            if let known { centers[known] = entry } else { centers.append(entry) }
        }
        var rules: [Transport: VehicleRule] = [:]
        for center in centers { for transport in center.transports { rules[transport] = center.rule } }
        return VehicleRules(rules: rules, warning: warning)
    }

    private static func found(_ value: TOMLValueConvertible) -> String { "found \(value.kindDescription)" }

    /// A list of words in quotes, lowercased.
    private static func words(_ value: TOMLValueConvertible, at path: [String], failure: ([String], String) -> ConfigError) throws(ConfigError) -> [String] {
        guard let list = value.array else { throw failure(path, "expected a list of words in quotes, \(found(value))") }
        var words: [String] = []
        for item in list {
            guard let word = item.string else { throw failure(path, "expected words in quotes, \(found(item))") }
            words.append(word.trimmingSpaces().lowercased())
        }
        return words
    }
}
