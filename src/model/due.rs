//! Due dates and timescales: a day, a month, "ongoing", or free text kept verbatim.

use chrono::{Datelike, NaiveDate};
use std::fmt;

/// When an action (or milestone) is due, or when a measure was last taken.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Due {
    /// A day: `YYYY-MM-DD`.
    Date(NaiveDate),
    /// A month, due by its last day: `YYYY-MM`.
    Month {
        /// Four-digit year.
        year: i32,
        /// 1 to 12.
        month: u32,
    },
    /// No end date: `ongoing`.
    Ongoing,
    /// Any other timescale ("Annually", "Q3 2013/14"), kept verbatim; `check` warns it is not a date.
    Text(String),
}

/// Why a timescale could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DueError {
    /// Shaped like a date, but no such day or month exists (`2013-09-31`).
    #[error("'{0}' is not a real date")]
    Impossible(String),
}

impl Due {
    /// Reads a timescale as written in a plan file: `YYYY-MM-DD`, `YYYY-MM`, `ongoing` (any case),
    /// otherwise free text. A value shaped like a date that is not one is an error.
    pub fn parse(text: &str) -> Result<Due, DueError> {
        let trimmed = text.trim();
        if trimmed.eq_ignore_ascii_case("ongoing") {
            return Ok(Due::Ongoing);
        }
        if is_board_year(trimmed) {
            return Ok(Due::Text(text.to_string()));
        }
        match iso_parts(trimmed) {
            Some(parts) => from_parts(parts).ok_or_else(|| DueError::Impossible(text.to_string())),
            None => Ok(Due::Text(text.to_string())),
        }
    }

    /// True for a board year (`2013-14`, `2015-17`, `2013-2014`): a timescale many plans use,
    /// kept as written and not reported as "not a date".
    pub fn is_board_year(&self) -> bool {
        matches!(self, Due::Text(text) if is_board_year(text.trim()))
    }

    /// Reads a timescale typed by a person: everything [`Due::parse`] reads, plus
    /// "31 July 2013", "31st July 2013", "July 31, 2013", "31/07/2013" (day first), "July 2013",
    /// "Sept 2013", "07/2013" and "on-going". Years must have four digits. Anything else is
    /// kept as free text; an impossible day ("31 September 2013") is an error.
    pub fn parse_natural(text: &str) -> Result<Due, DueError> {
        let trimmed = text.trim();
        let folded = trimmed.to_ascii_lowercase();
        if matches!(folded.as_str(), "on-going" | "on going" | "ongoing") {
            return Ok(Due::Ongoing);
        }
        let parts = iso_parts(trimmed)
            .or_else(|| numeric_parts(trimmed))
            .or_else(|| worded_parts(&folded));
        match parts {
            Some(parts) => from_parts(parts).ok_or_else(|| DueError::Impossible(text.to_string())),
            None => Ok(Due::Text(trimmed.to_string())),
        }
    }

    /// The last day the item may be finished on, if the timescale is a date or a month.
    pub fn deadline(&self) -> Option<NaiveDate> {
        match self {
            Due::Date(date) => Some(*date),
            Due::Month { year, month } => last_day_of_month(*year, *month),
            Due::Ongoing | Due::Text(_) => None,
        }
    }

    /// True when the deadline is before `today`.
    pub fn is_past(&self, today: NaiveDate) -> bool {
        self.deadline().is_some_and(|deadline| deadline < today)
    }

    /// True for free text that is neither a date, a month nor "ongoing".
    pub fn is_free_text(&self) -> bool {
        matches!(self, Due::Text(_))
    }
}

impl fmt::Display for Due {
    /// The canonical spelling written to files.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Due::Date(date) => write!(f, "{}", date.format("%Y-%m-%d")),
            Due::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Due::Ongoing => f.write_str("ongoing"),
            Due::Text(text) => f.write_str(text),
        }
    }
}

/// `YYYY-YY` or `YYYY-YYYY` where the second year follows the first by one to four years, and
/// is not a month (`2011-12` stays December 2011).
fn is_board_year(text: &str) -> bool {
    let Some((first, second)) = text.split_once('-') else {
        return false;
    };
    let (Some(start), Some(end)) = (year(first), digits(second, 2, 4)) else {
        return false;
    };
    let end = match second.len() {
        2 => {
            let end = i64::from(start) / 100 * 100 + i64::from(end);
            if end < i64::from(start) {
                end + 100
            } else {
                end
            }
        }
        4 => i64::from(end),
        _ => return false,
    };
    let span = end - i64::from(start);
    (1..=4).contains(&span) && !(second.len() == 2 && (1..=12).contains(&(end % 100)))
}

/// Year, month and optional day, not yet checked to exist.
type Parts = (i32, u32, Option<u32>);

fn from_parts((year, month, day): Parts) -> Option<Due> {
    match day {
        Some(day) => NaiveDate::from_ymd_opt(year, month, day).map(Due::Date),
        None => last_day_of_month(year, month).map(|_| Due::Month { year, month }),
    }
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = first.checked_add_months(chrono::Months::new(1))?;
    next.pred_opt().filter(|last| last.month() == month)
}

fn digits(text: &str, min: usize, max: usize) -> Option<u32> {
    let ok = (min..=max).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit());
    if ok { text.parse().ok() } else { None }
}

fn year(text: &str) -> Option<i32> {
    digits(text, 4, 4).and_then(|y| i32::try_from(y).ok())
}

/// `YYYY-MM-DD` or `YYYY-MM` (one- or two-digit month and day).
fn iso_parts(text: &str) -> Option<Parts> {
    let mut fields = text.split('-');
    let year = year(fields.next()?)?;
    let month = digits(fields.next()?, 1, 2)?;
    let day = match fields.next() {
        Some(day) => Some(digits(day, 1, 2)?),
        None => None,
    };
    if fields.next().is_some() {
        return None;
    }
    Some((year, month, day))
}

/// `DD/MM/YYYY`, `DD.MM.YYYY` or `MM/YYYY` (British order).
fn numeric_parts(text: &str) -> Option<Parts> {
    let separator = ['/', '.'].into_iter().find(|s| text.contains(*s))?;
    let fields: Vec<&str> = text.split(separator).collect();
    match fields.as_slice() {
        [day, month, y] => Some((year(y)?, digits(month, 1, 2)?, Some(digits(day, 1, 2)?))),
        [month, y] => Some((year(y)?, digits(month, 1, 2)?, None)),
        _ => None,
    }
}

/// "31st July 2013", "July 31 2013", "July 2013", "end of March 2014", "Sept 2013".
fn worded_parts(folded: &str) -> Option<Parts> {
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && !matches!(*w, "of" | "the" | "end" | "by"))
        .collect();
    let (month_at, month) = words
        .iter()
        .enumerate()
        .find_map(|(i, w)| month_number(w).map(|m| (i, m)))?;
    let year_word = words.last()?;
    let year = year(year_word)?;
    let day_words: Vec<&&str> = words
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != month_at && *i != words.len() - 1)
        .map(|(_, w)| w)
        .collect();
    match day_words.as_slice() {
        [] => Some((year, month, None)),
        [day] => Some((year, month, Some(ordinal(day)?))),
        _ => None,
    }
}

fn ordinal(word: &str) -> Option<u32> {
    let number = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .unwrap_or(word);
    digits(number, 1, 2)
}

fn month_number(word: &str) -> Option<u32> {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let word = word.trim_end_matches('.');
    if word == "sept" {
        return Some(9);
    }
    NAMES
        .iter()
        .position(|name| word.len() >= 3 && name.starts_with(word))
        .and_then(|i| u32::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Due {
        Due::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn file_grammar() {
        assert_eq!(Due::parse("2013-07-31"), Ok(date(2013, 7, 31)));
        assert_eq!(
            Due::parse("2010-02"),
            Ok(Due::Month {
                year: 2010,
                month: 2
            })
        );
        assert_eq!(Due::parse("Ongoing"), Ok(Due::Ongoing));
        assert_eq!(Due::parse("Annually"), Ok(Due::Text("Annually".into())));
        assert!(Due::parse("2013-09-31").is_err());
        assert!(Due::parse("2013-13").is_err());
        for year in ["2013-14", "2015-17", "2013-2014", "2099-00"] {
            let due = Due::parse(year).expect("a board year");
            assert_eq!((due.to_string(), due.is_board_year()), (year.into(), true));
            assert_eq!(due.deadline(), None);
        }
        assert!(!Due::parse("2011-12").expect("a month").is_board_year());
        assert!(
            Due::parse("2013-19").is_err(),
            "more than four years is no board year"
        );
        assert_eq!(
            Due::parse("31 July 2013"),
            Ok(Due::Text("31 July 2013".into()))
        );
    }

    #[test]
    fn natural_input() {
        for text in [
            "31 July 2013",
            "31st July 2013",
            "July 31, 2013",
            "31/07/2013",
            "31.07.2013",
        ] {
            assert_eq!(Due::parse_natural(text), Ok(date(2013, 7, 31)), "{text}");
        }
        assert_eq!(
            Due::parse_natural("March 2014"),
            Ok(Due::Month {
                year: 2014,
                month: 3
            })
        );
        assert_eq!(
            Due::parse_natural("Sept 2013"),
            Ok(Due::Month {
                year: 2013,
                month: 9
            })
        );
        assert_eq!(
            Due::parse_natural("end of March 2014"),
            Ok(Due::Month {
                year: 2014,
                month: 3
            })
        );
        assert_eq!(
            Due::parse_natural("07/2013"),
            Ok(Due::Month {
                year: 2013,
                month: 7
            })
        );
        assert_eq!(Due::parse_natural("on-going"), Ok(Due::Ongoing));
        assert_eq!(
            Due::parse_natural("31/07/13"),
            Ok(Due::Text("31/07/13".into()))
        );
        assert_eq!(
            Due::parse_natural("Q3 2013/14"),
            Ok(Due::Text("Q3 2013/14".into()))
        );
        assert!(Due::parse_natural("31 September 2013").is_err());
    }

    #[test]
    fn deadlines_and_display() {
        let month = Due::Month {
            year: 2014,
            month: 2,
        };
        assert_eq!(month.deadline(), NaiveDate::from_ymd_opt(2014, 2, 28));
        assert_eq!(month.to_string(), "2014-02");
        assert_eq!(date(2013, 7, 1).to_string(), "2013-07-01");
        let today = NaiveDate::from_ymd_opt(2014, 3, 1).unwrap();
        assert!(month.is_past(today));
        assert!(!Due::Ongoing.is_past(today));
        assert!(
            !Due::Month {
                year: 2014,
                month: 3
            }
            .is_past(today)
        );
    }
}
