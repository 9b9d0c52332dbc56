import HonsimCore

/// A key of a dialog or form: each component has its own table of them, `[keys.<table>]` in
/// config.toml, rebound there as the main keymap's actions are in `[keys]`.
public protocol DialogAction: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
    /// The table's name in config.toml (`[keys.assign]`).
    static var table: String { get }
    /// The help's heading over the table's keys.
    static var heading: Phrase { get }
    var defaultKeys: [Key] { get }
    var phrase: Phrase { get }
}

/// One component's keys: the defaults with the config's overrides applied.
public struct Bindings<A: DialogAction>: Sendable {
    public private(set) var keys: [A: [Key]]
    private var lookup: [Key: A]

    init(overrides: [String: [Key]]) {
        var keys: [A: [Key]] = [:]
        for action in A.allCases { keys[action] = overrides[action.rawValue] ?? action.defaultKeys }
        self.keys = keys
        var lookup: [Key: A] = [:]
        // In declaration order, so that a key bound twice resolves the same way every run.
        for action in A.allCases {
            for key in keys[action] ?? [] where lookup[key] == nil { lookup[key] = action }
        }
        self.lookup = lookup
    }

    public func action(for key: Key) -> A? { lookup[key] }

    /// While text is typed, a printable character is text whatever it is bound to: `q` in a
    /// search field is a letter of a name, not "close".
    func action(for key: Key, typing: Bool) -> A? {
        if typing, case .character = key { return nil }
        return lookup[key]
    }

    func matches(_ key: Key, _ action: A, typing: Bool = false) -> Bool { self.action(for: key, typing: typing) == action }

    public func label(_ action: A) -> String { (keys[action] ?? []).map(KeySpec.describe).joined(separator: " ") }

    func helpSection(_ language: Language) -> HelpSection {
        HelpSection(heading: A.heading.text(language),
                    entries: A.allCases.map { HelpEntry(keys: label($0), description: $0.phrase.text(language)) })
    }

    static func unknown(in overrides: [String: [Key]]) -> [String] {
        overrides.keys.filter { A(rawValue: $0) == nil }.map { "\(A.table).\($0)" }
    }
}

/// Every dialog's and form's keys. The config names them `table.action`
/// (`[keys.assign] search = "s"` arrives as `assign.search`).
public struct DialogKeymaps: Sendable {
    public var list: Bindings<ListKey>
    public var form: Bindings<FormKey>
    public var filter: Bindings<FilterKey>
    public var help: Bindings<HelpScreenKey>
    public var details: Bindings<DetailsKey>
    public var scope: Bindings<ScopeKey>
    public var assign: Bindings<AssignKey>
    public var requestForm: Bindings<RequestFormKey>
    public var record: Bindings<RecordKey>
    public var grid: Bindings<GridKey>
    public var plan: Bindings<PlanKey>
    public var activity: Bindings<ActivityKey>
    public var importing: Bindings<ImportKey>
    public var problem: Bindings<ProblemKey>
    public var calls: Bindings<CallsKey>
    public var transport: Bindings<TransportKey>
    public var series: Bindings<SeriesKey>

    /// `overrides` by table, then action name.
    init(_ overrides: [String: [String: [Key]]]) {
        func table<A: DialogAction>(_: A.Type) -> Bindings<A> { Bindings(overrides: overrides[A.table] ?? [:]) }
        list = table(ListKey.self)
        form = table(FormKey.self)
        filter = table(FilterKey.self)
        help = table(HelpScreenKey.self)
        details = table(DetailsKey.self)
        scope = table(ScopeKey.self)
        assign = table(AssignKey.self)
        requestForm = table(RequestFormKey.self)
        record = table(RecordKey.self)
        grid = table(GridKey.self)
        plan = table(PlanKey.self)
        activity = table(ActivityKey.self)
        importing = table(ImportKey.self)
        problem = table(ProblemKey.self)
        calls = table(CallsKey.self)
        transport = table(TransportKey.self)
        series = table(SeriesKey.self)
    }

    /// The tables in the order the help lists them.
    func helpSections(_ language: Language) -> [HelpSection] {
        [list.helpSection(language), form.helpSection(language), filter.helpSection(language), help.helpSection(language),
         details.helpSection(language), scope.helpSection(language), assign.helpSection(language),
         requestForm.helpSection(language), record.helpSection(language), grid.helpSection(language),
         plan.helpSection(language), activity.helpSection(language), importing.helpSection(language),
         problem.helpSection(language), calls.helpSection(language), transport.helpSection(language), series.helpSection(language)]
    }

    static let tables: [String: @Sendable ([String: [Key]]) -> [String]] = [
        ListKey.table: Bindings<ListKey>.unknown, FormKey.table: Bindings<FormKey>.unknown,
        FilterKey.table: Bindings<FilterKey>.unknown, HelpScreenKey.table: Bindings<HelpScreenKey>.unknown,
        DetailsKey.table: Bindings<DetailsKey>.unknown, ScopeKey.table: Bindings<ScopeKey>.unknown,
        AssignKey.table: Bindings<AssignKey>.unknown, RequestFormKey.table: Bindings<RequestFormKey>.unknown,
        RecordKey.table: Bindings<RecordKey>.unknown, GridKey.table: Bindings<GridKey>.unknown,
        PlanKey.table: Bindings<PlanKey>.unknown, ActivityKey.table: Bindings<ActivityKey>.unknown,
        ImportKey.table: Bindings<ImportKey>.unknown, ProblemKey.table: Bindings<ProblemKey>.unknown,
        CallsKey.table: Bindings<CallsKey>.unknown, TransportKey.table: Bindings<TransportKey>.unknown, SeriesKey.table: Bindings<SeriesKey>.unknown,
    ]

    /// Dotted names (`assign.serch`) that name no table or no action of their table.
    static func unknown(in overrides: [String: [String: [Key]]]) -> [String] {
        overrides.flatMap { table, actions in
            tables[table].map { $0(actions) } ?? actions.keys.map { "\(table).\($0)" }
        }.sorted()
    }
}
