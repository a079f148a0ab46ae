//! Where the tooltip goes: plain arithmetic on viewport coordinates, kept
//! apart from the DOM so the rules read in one place.

/// A rectangle in viewport coordinates (CSS pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Right edge.
    pub right: f64,
    /// Bottom edge.
    pub bottom: f64,
}

/// The computed position of the tooltip.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    /// Left edge of the tooltip.
    pub left: f64,
    /// Top edge of the tooltip.
    pub top: f64,
    /// Whether the tooltip sits below the selection.
    pub below: bool,
    /// The height available on the chosen side; the tooltip scrolls beyond it.
    pub max_height: f64,
}

/// Distance kept from the viewport edges.
const MARGIN: f64 = 8.0;
/// Distance from the selected text with a mouse or keyboard.
const GAP: f64 = 8.0;
/// Distance from the selected text on touch screens, where the selection
/// handles hang below the last line.
const TOUCH_GAP: f64 = 28.0;
/// Below this much room the tooltip is not squeezed onto a side.
const MIN_HEIGHT: f64 = 96.0;

/// Places a `width` x `height` tooltip for a selection whose last line box is
/// `last` and whose first line starts at `top`, in a `viewport_w` x
/// `viewport_h` viewport.
///
/// The tooltip goes below the last line when it fits there, else above the
/// first line when it fits there, else on the roomier side (scrolling
/// within it). Touch screens prefer below even more: the phone's own copy
/// bar sits above the selection. Either way the selected text stays
/// uncovered, and the tooltip is shifted sideways to stay in the viewport.
pub fn place(
    last: Rect,
    top: f64,
    width: f64,
    height: f64,
    viewport_w: f64,
    viewport_h: f64,
    touch: bool,
) -> Placement {
    let gap = if touch { TOUCH_GAP } else { GAP };
    let below_start = last.bottom + gap;
    let room_below = viewport_h - MARGIN - below_start;
    let room_above = top - GAP - MARGIN;
    let below = if room_below >= height {
        true
    } else if room_above >= height {
        false
    } else if touch {
        room_below >= MIN_HEIGHT || room_below >= room_above
    } else {
        room_below >= room_above
    };
    let max_height = if below { room_below } else { room_above }.max(MIN_HEIGHT);
    let shown = height.min(max_height);
    let top = if below {
        below_start
    } else {
        top - GAP - shown
    };
    let max_left = (viewport_w - MARGIN - width).max(MARGIN);
    // Not `clamp`, which panics on NaN: a detached range can report NaN.
    let left = last.left.max(MARGIN).min(max_left);
    Placement {
        left,
        top,
        below,
        max_height,
    }
}
