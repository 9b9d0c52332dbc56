import Foundation
import HonsimCore
import HonsimStore

/// The one place where the dashboard's effects are carried out: every store call, file read
/// and file write the dashboard makes is here. One switch over every effect, with no case
/// left to a `default:`, and each ends in the event that brings its result back to `update`,
/// or its failure in words (a store error as the store words it, shown in the status bar, the
/// dialog that asked, or the problem box): nothing is dropped.
struct EffectInterpreter: Sendable {
    let store: any CaseStore
    let language: Language
    /// The dashboard's clock when the effect was asked for.
    let now: Date
    /// How far ahead a series made or changed here has its dates made; the store is extended to
    /// the configured horizon whenever a command or the dashboard opens it.
    var seriesHorizonDays = StandingSeries.defaultHorizonDays

    func describe(_ error: any Error) -> String {
        DashboardLoader.describe(error, language: language, calendar: store.calendar)
    }

    /// The event an effect ends in; nil only for what needs no answer (quitting, which
    /// `update` has already recorded, and an access-log entry that was written).
    func run(_ effect: Effect) async -> AppEvent? {
        switch effect {
        case .quit:
            return nil
        case .load:
            // Both parts in one answer, for a caller that wants the whole screen at once; the
            // dashboard's runtime asks for the two parts apart (`DashboardProgram.perform`).
            do { return .loaded(try await DashboardLoader.load(store, now: now)) } catch { return .failed(describe(error)) }
        case .loadRequests:
            // A failure before the pane has anything says so in the pane; after, in the status bar.
            do { return .requestsLoaded(try await DashboardLoader.requests(store, now: now)) } catch {
                return .partFailed(.requests, describe(error))
            }
        case .loadVolunteers:
            do { return .volunteersLoaded(try await DashboardLoader.roster(store, now: now)) } catch {
                return .partFailed(.volunteers, describe(error))
            }
        case .loadStatistics(let period):
            do {
                // The figures and the weekly trend are two reads that need not wait for each other.
                async let report = store.statistics(for: period, now: now)
                async let weekly = store.weeklyRequestCounts(weeks: 12, now: now)
                let data = StatisticsData(report: try await report, weekly: try await weekly)
                // A period's rows may have been read to make these few figures.
                ProcessMemory.releaseFreed()
                return .statisticsLoaded(data)
            } catch { return .partFailed(.statistics, describe(error)) }
        case .loadCategoryStatistics(let period, let dongCodes):
            do {
                let breakdown = try await store.categoryStatistics(for: period, dongCodes: dongCodes)
                return .categoryStatisticsLoaded(CategoryStatistics(period: period, dongCodes: dongCodes, breakdown: breakdown))
            } catch { return .failed(describe(error)) }
        case .loadFreeVolunteers(let requestID, let span):
            do {
                let free = try await store.freeVolunteers(in: span)
                return .freeVolunteersLoaded(requestID: requestID, volunteerIDs: Set(free.map(\.id)))
            } catch { return .failed(describe(error)) }
        case .loadCandidates(let requestID):
            do {
                let request = try await store.request(id: requestID)
                return .candidatesLoaded(request, try await store.candidates(for: requestID))
            } catch { return .failed(describe(error)) }
        case .searchCandidates(let requestID, let ids, let query):
            do { return .candidateSearchLoaded(query: query, try await store.candidates(for: requestID, among: ids)) } catch {
                return .failed(describe(error))
            }
        case .write(let write):
            do { return .written(write, try await execute(write)) } catch {
                return .writeFailed(write, WriteFailure(error, language: language, calendar: store.calendar))
            }
        case .loadHouseholds:
            do { return .householdsLoaded(try await store.households()) } catch { return .failed(describe(error)) }
        case .loadActivity(let query, let limit):
            do { return .activityLoaded(query, try await store.auditLog(matching: query, limit: limit)) } catch {
                return .failed(describe(error))
            }
        case .loadPlan(let query):
            do { return .planLoaded(query, try await store.plan(dongCodes: query.dongCodes, from: query.from, until: query.until)) } catch {
                return .failed(describe(error))
            }
        case .loadCalls(let day):
            do { return .callsLoaded(try await store.escorts(on: day, detailing: CallSheet.firstScreen)) } catch { return .failed(describe(error)) }
        case .loadWholeCalls(let day):
            do { return .callsLoaded(try await store.escorts(on: day)) } catch { return .failed(describe(error)) }
        case .loadSeries(let id):
            do { return .seriesLoaded(try await store.seriesPage(id: id)) } catch { return .failed(describe(error)) }
        case .loadDetails(let householdID, let requestID):
            do {
                return .detailsLoaded(requestID: requestID,
                                      try await store.householdRecord(id: householdID, reveal: .full(requestID: requestID)))
            } catch { return .failed(describe(error)) }
        case .files(.preview(let path, let kind)):
            do { return .files(.previewed(try await Importer.preview(path: path, kind: kind, store: store, now: now))) } catch {
                return .files(.importFailed(describe(error)))
            }
        case .files(.export(let export)):
            do {
                // Logged before it is written: what cannot be logged does not leave.
                if !export.revealedHouseholds.isEmpty {
                    try await store.recordExport(kind: "requests", rows: export.revealedHouseholds.count,
                                                 householdIDs: export.revealedHouseholds, from: .export)
                }
                return .files(.exported(path: try PaneExportWriter.write(export), rows: export.rows))
            } catch let error as StoreError {
                return .files(.exportFailed(describe(error)))
            } catch {
                let reason = (error as NSError).localizedDescription
                return .files(.exportFailed(language == .ko ? "CSV를 저장하지 못했습니다: \(reason)" : "could not save the CSV: \(reason)"))
            }
        case .files(.sheet(let request)):
            return .files(await RunSheetWriter.write(request, store: store))
        case .records(let read):
            do { return .records(try await record(read)) } catch { return .records(.failed(read, describe(error))) }
        case .messages(let work):
            return .messages(await messages(work))
        }
    }

    private func record(_ read: RecordEffect) async throws -> RecordEvent {
        switch read {
        case .loadHousehold(let id, let reveal):
            // In full only where the role allows, and then logged by the very read that returns it.
            return .householdLoaded(try await store.householdRecord(id: id, reveal: reveal))
        case .loadVolunteer(let id):
            return .volunteerLoaded(try await store.volunteerRecord(id: id))
        case .loadRules:
            return .rulesLoaded(try await store.councilRules())
        }
    }

    /// Every kind of write, each one store call (a plan's proposals one by one).
    func execute(_ write: WriteRequest) async throws -> WriteResult {
        switch write {
        case .assign(let requestID, let volunteerID, let version, let override):
            return WriteResult(changed: [try await store.assign(requestID: requestID, volunteerID: volunteerID,
                                                                expectedVersion: version, override: override)])
        case .lifecycle(let action, let requestID, let details, let version):
            return WriteResult(changed: [try await store.perform(action, requestID: requestID, details: details, expectedVersion: version)])
        case .create(let drafts, let override):
            return WriteResult(changed: try await store.createRequests(drafts, override: override))
        case .undo(let targets):
            return WriteResult(changed: try await store.undo(targets))
        case .assignAll(let plan):
            // Each proposal on its own: one taken meanwhile by another coordinator must not
            // keep the others from being assigned.
            var result = WriteResult(changed: [])
            for item in plan {
                do {
                    result.changed.append(try await store.assign(requestID: item.requestID, volunteerID: item.volunteerID,
                                                                 expectedVersion: item.expectedVersion, override: false))
                } catch {
                    result.failures.append("#\(item.requestID): " + describe(error))
                }
            }
            return result
        case .save(.household(let household), let version, let allowDuplicate, let eligibility):
            let saved = try await store.saveHousehold(household, eligibility: eligibility, expectedVersion: version, allowDuplicate: allowDuplicate)
            return WriteResult(changed: [], saved: .household(saved))
        case .save(.volunteer(let volunteer), let version, let allowDuplicate, _):
            let saved = try await store.saveVolunteer(volunteer, expectedVersion: version, allowDuplicate: allowDuplicate)
            return WriteResult(changed: [], saved: .volunteer(saved.volunteer), dropOuts: saved.dropOuts)
        case .release(let volunteerID, let ids, let reason):
            return WriteResult(changed: try await store.releaseDropOuts(volunteerID: volunteerID, requestIDs: ids, reason: reason))
        case .attempt(let requestID, let party, let result, let note):
            try await store.recordAttempt(requestID: requestID, party: party, result: result, note: note)
            return WriteResult(changed: [])
        case .booking(let requestID, let status, let reference, let vehicle):
            try await store.setBooking(requestID: requestID, status: status, reference: reference, vehicle: vehicle)
            return WriteResult(changed: [])
        case .transport(let requestID, let transport, let expectedVersion):
            return WriteResult(changed: [try await store.changeTransport(requestID: requestID, to: transport, expectedVersion: expectedVersion)])
        case .series(let write):
            var result = WriteResult(changed: [])
            result.series = try await write.run(on: store, horizonDays: seriesHorizonDays)
            return result
        case .returnLeg(let draft):
            var result = WriteResult(changed: [])
            result.returnLeg = try await store.addReturnLeg(draft)
            return result
        case .changeReturnLeg(let legID, let pickup, let whenCalled, let minutes, let version):
            var result = WriteResult(changed: [])
            result.returnLeg = try await store.changeReturnLeg(legID: legID, pickup: pickup, whenCalled: whenCalled, expectedMinutes: minutes,
                                                              expectedVersion: version)
            return result
        case .importFile(let path, let kind, let fingerprint):
            // The file's own clock: an import stamps rows with the moment it ran.
            let outcome = try await Importer.run(path: path, kind: kind, into: store, dryRun: false, now: Date(),
                                                 expectedFingerprint: fingerprint)
            return WriteResult(changed: [], imported: outcome)
        }
    }
}
