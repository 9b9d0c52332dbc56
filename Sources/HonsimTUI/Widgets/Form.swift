import HonsimCore

/// One field of a form: a line of text, a choice among a few words, or a yes/no box.
public struct FormField: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case text
        /// ← and → (or Space) step through the options.
        case choice([String])
        /// Space flips it.
        case toggle
        /// Any of a few words, each ticked or not: ← and → move among them, Space ticks or
        /// unticks the one under the cursor (`choice`); `picked` holds those ticked.
        case choices([String])
    }

    /// What the form's owner calls the field; never shown.
    public var key: String
    public var label: String
    public var kind: Kind
    public var input: TextInputState
    public var choice: Int
    public var isOn: Bool
    /// The options of a `.choices` field that are ticked, by index.
    public var picked: Set<Int> = []
    /// Shown in muted text while the field is empty.
    public var placeholder: String
    /// What is wrong with the value, shown beside it; nil when it is fine.
    public var error: String?

    public init(key: String, label: String, kind: Kind = .text, text: String = "", choice: Int = 0, isOn: Bool = false,
                placeholder: String = "") {
        self.key = key
        self.label = label
        self.kind = kind
        self.input = TextInputState(text: text)
        self.choice = choice
        self.isOn = isOn
        self.placeholder = placeholder
    }

    public var text: String { input.text.trimmingCharacters(in: .whitespaces) }
}

/// A column of fields with a focus. Tab, ↓ and Enter go to the next field, Shift-Tab and ↑
/// to the one before; the owner decides what Enter on the last field and Esc mean.
public struct FormState: Hashable, Sendable {
    public var fields: [FormField]
    public var focus: Int = 0
    /// Something was typed: leaving now would lose it, so the owner asks first.
    public private(set) var isDirty = false

    public init(fields: [FormField]) {
        self.fields = fields
    }

    public enum KeyResult: Hashable, Sendable {
        /// A value changed.
        case edited
        /// The focus moved.
        case moved
        /// Enter on the last field.
        case submit
        /// A key the form does not use (Esc, function keys): the owner's.
        case unhandled
    }

    public mutating func handle(_ key: Key) -> KeyResult {
        guard fields.indices.contains(focus) else { return .unhandled }
        switch key {
        case .tab, .down:
            focus = (focus + 1) % fields.count
            return .moved
        case .backTab, .up:
            focus = (focus + fields.count - 1) % fields.count
            return .moved
        case .enter:
            if focus == fields.count - 1 { return .submit }
            focus += 1
            return .moved
        default:
            break
        }
        var field = fields[focus]
        defer { fields[focus] = field }
        switch field.kind {
        case .text:
            guard field.input.handle(key) else { return .unhandled }
        case .choice(let options):
            guard !options.isEmpty else { return .unhandled }
            switch key {
            case .right, .character(" "): field.choice = (field.choice + 1) % options.count
            case .left: field.choice = (field.choice + options.count - 1) % options.count
            default: return .unhandled
            }
        case .toggle:
            guard key == .character(" ") || key == .left || key == .right else { return .unhandled }
            field.isOn.toggle()
        case .choices(let options):
            guard !options.isEmpty else { return .unhandled }
            switch key {
            case .right: field.choice = (field.choice + 1) % options.count; return .moved
            case .left: field.choice = (field.choice + options.count - 1) % options.count; return .moved
            case .character(" "):
                if field.picked.contains(field.choice) { field.picked.remove(field.choice) } else { field.picked.insert(field.choice) }
            default: return .unhandled
            }
        }
        isDirty = true
        return .edited
    }

    public func index(of key: String) -> Int? { fields.firstIndex { $0.key == key } }

    public func field(_ key: String) -> FormField? { index(of: key).map { fields[$0] } }

    public func text(_ key: String) -> String { field(key)?.text ?? "" }

    public mutating func setText(_ key: String, _ text: String) {
        guard let index = index(of: key) else { return }
        fields[index].input = TextInputState(text: text)
    }

    public mutating func setError(_ key: String, _ error: String?) {
        guard let index = index(of: key) else { return }
        fields[index].error = error
    }

    public var hasErrors: Bool { fields.contains { $0.error != nil } }

    /// Puts the focus on the first field with an error, so Enter on a bad form shows where.
    public mutating func focusFirstError() {
        if let first = fields.firstIndex(where: { $0.error != nil }) { focus = first }
    }
}

/// Draws a form: one row per field, the labels in a column, the value, and the error after
/// it (or, when the row is too narrow, over the value's tail) in the error style.
public struct FormView: Sendable {
    public var form: FormState
    public var focused: Bool

    public init(form: FormState, focused: Bool = true) {
        self.form = form
        self.focused = focused
    }

    public static func labelWidth(_ form: FormState) -> Int {
        form.fields.map { DisplayWidth.of($0.label) }.max() ?? 0
    }

    public func draw(into canvas: inout Canvas, rect: Rect, theme: Theme) {
        let labelWidth = min(FormView.labelWidth(form), max(0, rect.width / 3))
        let dialog = theme.style(.dialog)
        for (row, field) in form.fields.enumerated() where row < rect.height {
            let y = rect.y + row
            let isFocused = focused && row == form.focus
            let labelStyle = isFocused ? WidgetSupport.layer(theme.style(.accent), over: dialog) : dialog
            WidgetSupport.writeAligned(field.label, x: rect.x, y: y, width: labelWidth, rightAligned: false,
                                       style: labelStyle, clip: rect, into: &canvas)
            let valueX = rect.x + labelWidth + 2
            let errorText = field.error.map { " ⚠ " + $0 } ?? ""
            let errorWidth = min(WidgetSupport.width(errorText), max(0, (rect.maxX - valueX) / 2))
            let valueWidth = max(1, rect.maxX - valueX - errorWidth)
            let valueRect = Rect(x: valueX, y: y, width: valueWidth, height: 1).intersection(rect)
            switch field.kind {
            case .text:
                TextInput.draw(into: &canvas, rect: valueRect, state: field.input, placeholder: field.placeholder,
                               focused: isFocused, theme: theme)
            case .choice(let options):
                let current = options.indices.contains(field.choice) ? options[field.choice] : ""
                let style = isFocused ? theme.style(.selection) : theme.style(.input)
                canvas.fill(valueRect, style: theme.style(.input))
                canvas.write(WidgetSupport.fit("‹ \(current) ›", valueRect.width), x: valueRect.x, y: y, style: style, clip: valueRect)
            case .toggle:
                let style = isFocused ? theme.style(.selection) : dialog
                canvas.write(field.isOn ? "[x]" : "[ ]", x: valueRect.x, y: y, style: style, clip: valueRect)
            case .choices(let options):
                FormView.drawChoices(field, options: options, focused: isFocused, rect: valueRect, into: &canvas, theme: theme)
            }
            if errorWidth > 0 {
                canvas.write(WidgetSupport.fit(errorText, errorWidth), x: valueRect.maxX, y: y,
                             style: WidgetSupport.layer(theme.style(.error), over: dialog), clip: rect)
            }
        }
    }
}

extension FormView {
    /// The options in a row, "[x]차상위 [ ]기타", the one under the cursor marked while the field
    /// has the focus. When the row is too narrow for all, it shows whole options only, scrolled
    /// so that the cursor's shows, with ‹ and › where more are hidden.
    static func drawChoices(_ field: FormField, options: [String], focused: Bool, rect: Rect, into canvas: inout Canvas, theme: Theme) {
        let items = options.enumerated().map { (field.picked.contains($0.offset) ? "[x]" : "[ ]") + $0.element }
        let widths = items.map(DisplayWidth.of)
        let cursor = min(max(0, field.choice), max(0, items.count - 1))
        /// Options first...last side by side, with room for the markers.
        func fits(_ first: Int, _ last: Int) -> Bool {
            widths[first...last].reduce(0, +) + (last - first) + (first > 0 ? 2 : 0) + (last < items.count - 1 ? 2 : 0) <= rect.width
        }
        var first = 0
        while first < cursor, !fits(first, cursor) { first += 1 }
        var last = first
        while last + 1 < items.count, fits(first, last + 1) { last += 1 }
        var x = rect.x
        if first > 0 {
            canvas.write("‹ ", x: x, y: rect.y, style: theme.style(.muted), clip: rect)
            x += 2
        }
        for index in first...max(first, last) where index < items.count {
            let style = focused && index == cursor ? theme.style(.selection) : theme.style(.dialog)
            canvas.write(items[index], x: x, y: rect.y, style: style, clip: rect)
            x += widths[index] + 1
        }
        if last < items.count - 1 { canvas.write("›", x: x, y: rect.y, style: theme.style(.muted), clip: rect) }
    }
}
