import Foundation
import HonsimCore
import TOMLKit

extension DashboardConfig {
    /// `[series] horizon_days`: how many days ahead a standing series' dates are made.
    static func seriesHorizon(_ value: TOMLValueConvertible, text: String,
                              failure: ([String], String) -> ConfigError) throws(ConfigError) -> Int {
        guard let series = value.table else { throw failure(["series"], "expected a [series] table, found \(value.kindDescription)") }
        var days = StandingSeries.defaultHorizonDays
        for name in ThemeLoader.inSourceOrder(series.keys, under: ["series"], in: text) {
            guard let setting = series[name] else { continue }
            guard name == "horizon_days" else { throw failure(["series", name], "unknown key (use horizon_days)") }
            guard let count = setting.int, (1...366).contains(count) else {
                throw failure(["series", name], "expected whole days ahead, 1 to 366, found \(setting.int.map(String.init) ?? setting.kindDescription)")
            }
            days = count
        }
        return days
    }
}
