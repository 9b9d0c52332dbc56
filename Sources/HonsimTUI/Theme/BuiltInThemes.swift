/// The themes of Themes/ compiled in, so an installed binary (no Themes/ folder beside it)
/// still has every theme. Comments are left out. A test parses each one and checks it equals
/// its file in Themes/, so the two never drift: after editing a theme file, copy it here.
enum BuiltInThemes {
    static let sources: [String: String] = [
        "dark": #"""
            name = "dark"
            description = "Light colors for dark backgrounds"
            [styles]
            normal = { fg = "default", bg = "default" }
            title = { fg = 81, bold = true }
            border = { fg = 240 }
            border_focused = { fg = 81, bold = true }
            header = { fg = 252, bold = true, underline = true }
            selection = { fg = 16, bg = 81 }
            selection_unfocused = { fg = 252, bg = 238 }
            muted = { fg = 245 }
            accent = { fg = 177 }
            urgent = { fg = 203, bold = true }
            warning = { fg = 214, bold = true }
            ok = { fg = 114 }
            error = { fg = 231, bg = 160, bold = true }
            changed = { fg = 177, bold = true, underline = true }
            status_bar = { fg = 252, bg = 236 }
            status_key = { fg = 16, bg = 81, bold = true }
            badge = { fg = 16, bg = 177 }
            chart_bar = { fg = 81 }
            chart_bar_alt = { fg = 177 }
            sparkline = { fg = 114 }
            dialog = { fg = 252, bg = 235 }
            input = { fg = 255, bg = 237, underline = true }
            disabled = { fg = 241 }
            """#,
        "default": #"""
            name = "default"
            description = "Terminal colors with mid-tone accents; light and dark backgrounds"
            [styles]
            normal = { fg = "default", bg = "default" }
            title = { fg = 31, bold = true }
            border = { fg = 244 }
            border_focused = { fg = 31, bold = true }
            header = { bold = true, underline = true }
            selection = { reverse = true }
            selection_unfocused = { fg = 244, reverse = true }
            muted = { fg = 244 }
            accent = { fg = 133 }
            urgent = { fg = 160, bold = true }
            warning = { fg = 130, bold = true }
            ok = { fg = 28 }
            error = { fg = 160, bold = true, reverse = true }
            changed = { fg = 133, bold = true, underline = true }
            status_bar = { reverse = true }
            status_key = { fg = 31, bold = true, reverse = true }
            badge = { fg = 133, reverse = true }
            chart_bar = { fg = 31 }
            chart_bar_alt = { fg = 133 }
            sparkline = { fg = 30 }
            dialog = { fg = "default", bg = "default" }
            input = { underline = true }
            disabled = { fg = 244, dim = true }
            """#,
        "deuteranopia": #"""
            name = "deuteranopia"
            description = "Blue and orange instead of green and red"
            [styles]
            normal = { fg = "default", bg = "default" }
            title = { fg = 25, bold = true }
            border = { fg = 244 }
            border_focused = { fg = 25, bold = true }
            header = { bold = true, underline = true }
            selection = { reverse = true }
            selection_unfocused = { fg = 244, reverse = true }
            muted = { fg = 244 }
            accent = { fg = 32 }
            urgent = { fg = 166, bold = true, underline = true }
            warning = { fg = 136, bold = true }
            ok = { fg = 32 }
            error = { fg = 166, bold = true, reverse = true }
            changed = { fg = 32, bold = true, underline = true }
            status_bar = { reverse = true }
            status_key = { fg = 25, bold = true, reverse = true }
            badge = { fg = 166, reverse = true }
            chart_bar = { fg = 32 }
            chart_bar_alt = { fg = 166 }
            sparkline = { fg = 32 }
            dialog = { fg = "default", bg = "default" }
            input = { underline = true }
            disabled = { fg = 244, dim = true }
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
            disabled = { fg = 242, bg = 234 }
            """#,
        "light": #"""
            name = "light"
            description = "Deep colors for light backgrounds"
            [styles]
            normal = { fg = "default", bg = "default" }
            title = { fg = 25, bold = true }
            border = { fg = 246 }
            border_focused = { fg = 25, bold = true }
            header = { fg = 236, bold = true, underline = true }
            selection = { fg = 231, bg = 25 }
            selection_unfocused = { fg = 16, bg = 252 }
            muted = { fg = 243 }
            accent = { fg = 90 }
            urgent = { fg = 124, bold = true }
            warning = { fg = 130, bold = true }
            ok = { fg = 22 }
            error = { fg = 231, bg = 124, bold = true }
            changed = { fg = 90, bold = true, underline = true }
            status_bar = { fg = 16, bg = 252 }
            status_key = { fg = 231, bg = 25, bold = true }
            badge = { fg = 231, bg = 90 }
            chart_bar = { fg = 25 }
            chart_bar_alt = { fg = 90 }
            sparkline = { fg = 30 }
            dialog = { fg = 16, bg = 255 }
            input = { fg = 16, bg = 254, underline = true }
            disabled = { fg = 248 }
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
            selection = { reverse = true }
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
