//! How moodwire draws what it shows: the configuration's colours and date format, as one value
//! that the command line and the reader hand to whatever draws.

use super::Palette;
use crate::config::Config;
use crate::date_format::DateFormat;

/// The colours and the date format to draw with.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Look {
    /// The theme's colours.
    pub palette: Palette,
    /// How dates are shown.
    pub dates: DateFormat,
}

impl Look {
    /// The look `config` asks for.
    pub fn of(config: &Config) -> Look {
        Look {
            palette: Palette::of(&config.theme),
            dates: config.date_format.clone(),
        }
    }
}
