/// The themes of Themes/ compiled in, so an installed binary (no Themes/ folder beside it)
/// still has every theme. Comments are left out. A test parses each one and checks it equals
/// its file in Themes/, so the two never drift: after editing a theme file, copy it here.
enum BuiltInThemes {
    static let sources: [String: String] = [
        "dark": #"""
            name = "dark"
            description = "Light colors on black"
            [styles]
            normal = { fg = 252, bg = 16 }
            title = { fg = 81, bg = 16, bold = true }
            border = { fg = 240, bg = 16 }
            border_focused = { fg = 81, bg = 16, bold = true }
            header = { fg = 252, bg = 16, bold = true, underline = true }
            selection = { fg = 16, bg = 81 }
            selection_unfocused = { fg = 252, bg = 238 }
            muted = { fg = 245, bg = 16 }
            accent = { fg = 177, bg = 16 }
            urgent = { fg = 203, bg = 16, bold = true }
            warning = { fg = 214, bg = 16, bold = true }
            ok = { fg = 114, bg = 16 }
            error = { fg = 231, bg = 160, bold = true }
            changed = { fg = 177, bg = 16, bold = true, underline = true }
            status_bar = { fg = 252, bg = 236 }
            status_key = { fg = 16, bg = 81, bold = true }
            badge = { fg = 16, bg = 177 }
            chart_bar = { fg = 81, bg = 16 }
            chart_bar_alt = { fg = 177, bg = 16 }
            sparkline = { fg = 114, bg = 16 }
            dialog = { fg = 252, bg = 235 }
            input = { fg = 255, bg = 237, underline = true }
            disabled = { fg = 241, bg = 16, dim = true }
            """#,
        "default": #"""
            name = "default"
            description = "Terminal colors, painted marks; light and dark backgrounds"
            [styles]
            normal = { fg = "default", bg = "default" }
            title = { bold = true }
            border = {}
            border_focused = { bold = true }
            header = { bold = true, underline = true }
            selection = { reverse = true }
            selection_unfocused = { underline = true }
            muted = {}
            accent = { bold = true }
            urgent = { fg = 231, bg = 160, bold = true }
            warning = { fg = 16, bg = 214, bold = true }
            ok = {}
            error = { fg = 231, bg = 160, bold = true }
            changed = { bold = true, underline = true }
            status_bar = { reverse = true }
            status_key = { fg = 231, bg = 24, bold = true }
            badge = { fg = 231, bg = 24 }
            chart_bar = {}
            chart_bar_alt = { dim = true }
            sparkline = {}
            dialog = { fg = "default", bg = "default" }
            input = { underline = true }
            disabled = { dim = true }
            """#,
        "deuteranopia": #"""
            name = "deuteranopia"
            description = "Blue and orange instead of green and red"
            [styles]
            normal = { fg = "default", bg = "default" }
            title = { bold = true }
            border = {}
            border_focused = { bold = true }
            header = { bold = true, underline = true }
            selection = { reverse = true }
            selection_unfocused = { underline = true }
            muted = {}
            accent = { bold = true }
            urgent = { fg = 16, bg = 208, bold = true, underline = true }
            warning = { fg = 16, bg = 220, bold = true }
            ok = {}
            error = { fg = 16, bg = 208, bold = true }
            changed = { bold = true, underline = true }
            status_bar = { reverse = true }
            status_key = { fg = 231, bg = 25, bold = true }
            badge = { fg = 231, bg = 25 }
            chart_bar = {}
            chart_bar_alt = { dim = true }
            sparkline = {}
            dialog = { fg = "default", bg = "default" }
            input = { underline = true }
            disabled = { dim = true }
            """#,
        "high-contrast": #"""
            name = "high-contrast"
            description = "Bright white on black with pure colors"
            [styles]
            normal = { fg = "bright_white", bg = "black" }
            title = { fg = "bright_yellow", bg = "black", bold = true }
            border = { fg = "bright_white", bg = "black" }
            border_focused = { fg = "bright_yellow", bg = "black", bold = true }
            header = { fg = "bright_white", bg = "black", bold = true, underline = true }
            selection = { fg = "black", bg = "bright_yellow", bold = true }
            selection_unfocused = { fg = "black", bg = "bright_white" }
            muted = { fg = "white", bg = "black" }
            accent = { fg = "bright_cyan", bg = "black", bold = true }
            urgent = { fg = "black", bg = "bright_red", bold = true }
            warning = { fg = "bright_yellow", bg = "black", bold = true }
            ok = { fg = "bright_green", bg = "black", bold = true }
            error = { fg = "bright_white", bg = "red", bold = true }
            changed = { fg = "bright_cyan", bg = "black", bold = true, underline = true }
            status_bar = { fg = "black", bg = "bright_white" }
            status_key = { fg = "black", bg = "bright_yellow", bold = true }
            badge = { fg = "black", bg = "bright_cyan", bold = true }
            chart_bar = { fg = "bright_cyan", bg = "black" }
            chart_bar_alt = { fg = "bright_yellow", bg = "black" }
            sparkline = { fg = "bright_green", bg = "black" }
            dialog = { fg = "bright_white", bg = "black", bold = true }
            input = { fg = "bright_white", bg = "black", underline = true }
            disabled = { fg = "white", bg = "black", dim = true }
            """#,
        "kiosk": #"""
            name = "kiosk"
            description = "Read-only wall display: high contrast on its own dark background"
            [styles]
            normal = { fg = 255, bg = 234 }
            title = { fg = 229, bg = 234, bold = true }
            border = { fg = 244, bg = 234 }
            border_focused = { fg = 229, bg = 234, bold = true }
            header = { fg = 255, bg = 236, bold = true }
            selection = { fg = 234, bg = 117 }
            selection_unfocused = { fg = 255, bg = 238 }
            muted = { fg = 248, bg = 234 }
            accent = { fg = 117, bg = 234, bold = true }
            urgent = { fg = 234, bg = 209, bold = true }
            warning = { fg = 221, bg = 234, bold = true }
            ok = { fg = 120, bg = 234, bold = true }
            error = { fg = 255, bg = 160, bold = true }
            changed = { fg = 117, bg = 234, bold = true, underline = true }
            status_bar = { fg = 250, bg = 236 }
            status_key = { fg = 234, bg = 229, bold = true }
            badge = { fg = 234, bg = 117, bold = true }
            chart_bar = { fg = 117, bg = 234 }
            chart_bar_alt = { fg = 221, bg = 234 }
            sparkline = { fg = 120, bg = 234 }
            dialog = { fg = 255, bg = 237 }
            input = { fg = 255, bg = 238, underline = true }
            disabled = { fg = 245, bg = 234 }
            """#,
        "light": #"""
            name = "light"
            description = "Deep colors on white"
            [styles]
            normal = { fg = 16, bg = 231 }
            title = { fg = 25, bg = 231, bold = true }
            border = { fg = 246, bg = 231 }
            border_focused = { fg = 25, bg = 231, bold = true }
            header = { fg = 236, bg = 231, bold = true, underline = true }
            selection = { fg = 231, bg = 25 }
            selection_unfocused = { fg = 16, bg = 252 }
            muted = { fg = 241, bg = 231 }
            accent = { fg = 90, bg = 231 }
            urgent = { fg = 124, bg = 231, bold = true }
            warning = { fg = 130, bg = 231, bold = true }
            ok = { fg = 22, bg = 231 }
            error = { fg = 231, bg = 124, bold = true }
            changed = { fg = 90, bg = 231, bold = true, underline = true }
            status_bar = { fg = 16, bg = 252 }
            status_key = { fg = 231, bg = 25, bold = true }
            badge = { fg = 231, bg = 90 }
            chart_bar = { fg = 25, bg = 231 }
            chart_bar_alt = { fg = 90, bg = 231 }
            sparkline = { fg = 30, bg = 231 }
            dialog = { fg = 16, bg = 255 }
            input = { fg = 16, bg = 254, underline = true }
            disabled = { fg = 248, bg = 231, dim = true }
            """#,
        "mono": #"""
            name = "mono"
            description = "No colors, attributes only"
            [styles]
            normal = {}
            title = { bold = true }
            border = {}
            border_focused = { bold = true }
            header = { bold = true, underline = true }
            selection = { reverse = true, underline = true }
            selection_unfocused = { underline = true }
            muted = { dim = true }
            accent = { bold = true }
            urgent = { bold = true, reverse = true }
            warning = { bold = true }
            ok = {}
            error = { bold = true, reverse = true }
            changed = { bold = true }
            status_bar = { reverse = true }
            status_key = { reverse = true, bold = true }
            badge = { reverse = true }
            chart_bar = { reverse = true }
            chart_bar_alt = { dim = true }
            sparkline = {}
            dialog = {}
            input = { underline = true }
            disabled = { dim = true }
            """#,
    ]
}
