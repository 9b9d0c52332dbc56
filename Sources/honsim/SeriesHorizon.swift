import Foundation
import HonsimStore
import HonsimTUI

/// Keeps every standing series' dates made ahead: whenever a command or the dashboard opens
/// the store. Making them is idempotent, so processes opening at once make each date once.
enum SeriesHorizon {
    /// A store this person may not write (a viewer), or one that cannot be reached now, is
    /// left as it is: the command goes on with what the store holds, and the log says why.
    static func extend(_ store: any StandingSeriesStore) async {
        do {
            let made = try await store.extendSeries(horizonDays: DashboardConfig.load().config.seriesHorizonDays)
            if made > 0 { LogSetup.logger.info("standing series dates made", metadata: ["count": "\(made)"]) }
        } catch {
            LogSetup.logger.notice("standing series not extended", metadata: ["error": "\(type(of: error))"])
        }
    }
}
