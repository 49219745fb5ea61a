//! Due dates as people type them in the UI, on top of [`Due::parse_natural`]: words relative
//! to today ("today", "tomorrow", "next week", "in 3 weeks", "next month", "end of next
//! month"), quarters ("Q3 2014": due by the end of September 2014, or of December 2014 where
//! the board counts financial quarters; "Q3 2014-15" is always financial), and day-month-year
//! with `-`, `/` or `.` and two-digit years (31-07-2013, 31/07/13). Pure: today is given.

use super::due::{Due, DueError};
use chrono::{Datelike, Days, Months, NaiveDate};
use std::fmt;

/// Which year a bare quarter ("Q3 2014") is counted in. A quarter written with a board year
/// ("Q3 2014-15", "Q1 2013/14") is financial whatever this says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QuarterYear {
    /// January to December: Q3 2014 ends in September 2014.
    #[default]
    Calendar,
    /// April to March, the board year: Q3 2014 is Q3 of 2014-15 and ends in December 2014.
    Financial,
}

/// A quarter as read from the input, kept so the UI can say how it was understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quarter {
    /// 1 to 4.
    pub number: u32,
    /// The calendar year, or the first year of the financial year (2014 for 2014-15).
    pub year: i32,
    /// Whether the quarter counts from April.
    pub financial: bool,
}

impl Quarter {
    /// The month the quarter ends in: what the action is due by.
    pub fn due(self) -> Due {
        let month = self.number * 3;
        match self.financial {
            false => Due::Month {
                year: self.year,
                month,
            },
            true if month == 12 => Due::Month {
                year: self.year + 1,
                month: 3,
            },
            true => Due::Month {
                year: self.year,
                month: month + 3,
            },
        }
    }
}

impl fmt::Display for Quarter {
    /// "financial Q3 of 2014-15" or "Q3 of 2014".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.financial {
            let next = (self.year + 1).rem_euclid(100);
            write!(f, "financial Q{} of {}-{next:02}", self.number, self.year)
        } else {
            write!(f, "Q{} of {}", self.number, self.year)
        }
    }
}

/// Reads a timescale typed in the UI; relative words resolve against `today`, a bare quarter
/// counts as `quarters` says. Anything not understood is kept as text (an impossible date is
/// an error, as in [`Due::parse_natural`]).
pub fn parse_due_input(
    text: &str,
    today: NaiveDate,
    quarters: QuarterYear,
) -> Result<Due, DueError> {
    let folded = text.trim().to_lowercase();
    let words: Vec<&str> = folded.split_whitespace().collect();
    if let Some(due) = relative(&words, today) {
        return Ok(due);
    }
    if let Some(quarter) = quarter(&words, quarters) {
        return Ok(quarter.due());
    }
    if let Some(result) = day_month_year(text.trim()) {
        return result;
    }
    Due::parse_natural(text)
}

fn month_of(date: NaiveDate) -> Due {
    Due::Month {
        year: date.year(),
        month: date.month(),
    }
}

/// "today", "tomorrow", "next week", "in N days|weeks|months", "next month", "end of (this|next)
/// month", "end of (this|next) year".
fn relative(words: &[&str], today: NaiveDate) -> Option<Due> {
    let words: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "the" | "of" | "end" | "by"))
        .collect();
    let month_ahead = |n: u32| today.checked_add_months(Months::new(n));
    let date = match words.as_slice() {
        ["today"] => today,
        ["tomorrow"] => today.checked_add_days(Days::new(1))?,
        ["next", "week"] => today.checked_add_days(Days::new(7))?,
        ["this", "month"] => return Some(month_of(today)),
        ["next", "month"] => return Some(month_of(month_ahead(1)?)),
        ["this", "year"] => NaiveDate::from_ymd_opt(today.year(), 12, 31)?,
        ["next", "year"] => NaiveDate::from_ymd_opt(today.year() + 1, 12, 31)?,
        ["in", n, unit] => {
            let n: u32 = n.parse().ok().filter(|n| *n <= 1000)?;
            match unit.trim_end_matches('s') {
                "day" => today.checked_add_days(Days::new(n.into()))?,
                "week" => today.checked_add_days(Days::new(u64::from(n) * 7))?,
                "month" => return Some(month_of(month_ahead(n)?)),
                _ => return None,
            }
        }
        _ => return None,
    };
    Some(Due::Date(date))
}

/// The quarter a typed timescale names ("Q3 2014", "q3-2014", "Q1 2013/14"), if it is one.
pub fn read_quarter(text: &str, quarters: QuarterYear) -> Option<Quarter> {
    let folded = text.trim().to_lowercase();
    let words: Vec<&str> = folded.split_whitespace().collect();
    quarter(&words, quarters)
}

/// "Q3 2014" (counted as `quarters` says) or "Q3 2014-15" (financial, the board year).
fn quarter(words: &[&str], quarters: QuarterYear) -> Option<Quarter> {
    let (q, year) = match words {
        [q, year] => (*q, *year),
        [q] => q.split_once(['-', '/'])?,
        _ => return None,
    };
    let number: u32 = q
        .strip_prefix('q')?
        .parse()
        .ok()
        .filter(|q| (1..=4).contains(q))?;
    if let Some(year) = four_digit_year(year) {
        let financial = quarters == QuarterYear::Financial;
        return Some(Quarter {
            number,
            year,
            financial,
        });
    }
    Some(Quarter {
        number,
        year: board_year(year)?,
        financial: true,
    })
}

/// The first year of a board year written `2014-15`, `2014/15`, `2014-2015` or `2014/2015`;
/// the second year must follow the first.
fn board_year(text: &str) -> Option<i32> {
    let (first, second) = text.split_once(['-', '/'])?;
    let first = four_digit_year(first)?;
    let follows = match second.len() {
        2 => second.parse::<i32>().ok()? == (first + 1).rem_euclid(100),
        4 => four_digit_year(second)? == first + 1,
        _ => false,
    };
    follows.then_some(first)
}

fn four_digit_year(text: &str) -> Option<i32> {
    (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// `DD-MM-YYYY`, `DD/MM/YY`, `DD.MM.YY` (British order; a two-digit year is in 2000-2099).
fn day_month_year(text: &str) -> Option<Result<Due, DueError>> {
    let separator = ['-', '/', '.'].into_iter().find(|s| text.contains(*s))?;
    let fields: Vec<&str> = text.split(separator).collect();
    let [day, month, year] = fields.as_slice() else {
        return None;
    };
    let number = |t: &str, max: usize| {
        (!t.is_empty() && t.len() <= max && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse::<u32>().ok())
            .flatten()
    };
    let (day, month) = (number(day, 2)?, number(month, 2)?);
    let year = match year.len() {
        2 => 2000 + i32::try_from(number(year, 2)?).ok()?,
        4 if day <= 31 => four_digit_year(year)?,
        _ => return None,
    };
    Some(
        NaiveDate::from_ymd_opt(year, month, day)
            .map(Due::Date)
            .ok_or_else(|| DueError::Impossible(text.to_string())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    fn parsed(text: &str) -> Result<Due, DueError> {
        parse_due_input(text, day(2013, 10, 1), QuarterYear::Calendar)
    }

    fn month(year: i32, month: u32) -> Result<Due, DueError> {
        Ok(Due::Month { year, month })
    }

    #[test]
    fn relative_words_resolve_against_today() {
        assert_eq!(parsed("tomorrow"), Ok(Due::Date(day(2013, 10, 2))));
        assert_eq!(parsed("Today"), Ok(Due::Date(day(2013, 10, 1))));
        assert_eq!(parsed("next week"), Ok(Due::Date(day(2013, 10, 8))));
        assert_eq!(parsed("in 3 weeks"), Ok(Due::Date(day(2013, 10, 22))));
        assert_eq!(
            parsed("end of next month"),
            Ok(Due::Month {
                year: 2013,
                month: 11
            })
        );
        assert_eq!(
            parsed("end of the year"),
            Ok(Due::Text("end of the year".into()))
        );
        assert_eq!(parsed("end of this year"), Ok(Due::Date(day(2013, 12, 31))));
    }

    #[test]
    fn numeric_dates_quarters_and_month_ends() {
        for text in [
            "31-07-2013",
            "31/07/13",
            "31.07.2013",
            "31/07/2013",
            "31 July 2013",
        ] {
            assert_eq!(parsed(text), Ok(Due::Date(day(2013, 7, 31))), "{text}");
        }
        assert_eq!(
            parsed("Q3 2014"),
            Ok(Due::Month {
                year: 2014,
                month: 9
            })
        );
        assert_eq!(
            parsed("end of June 2014"),
            Ok(Due::Month {
                year: 2014,
                month: 6
            })
        );
        assert_eq!(parsed("2013-07-31"), Ok(Due::Date(day(2013, 7, 31))));
        assert!(parsed("31-09-2013").is_err());
        assert_eq!(parsed("Termly"), Ok(Due::Text("Termly".into())));
        assert_eq!(parsed("Q5 2014"), Ok(Due::Text("Q5 2014".into())));
    }

    #[test]
    fn a_board_year_makes_a_quarter_financial() {
        for (text, year, m) in [
            ("Q1 2014-15", 2014, 6),
            ("Q2 2014/15", 2014, 9),
            ("q3 2014-2015", 2014, 12),
            ("Q4 2014/2015", 2015, 3),
            ("Q1 2013/14", 2013, 6),
            ("Q4-1999-00", 2000, 3),
        ] {
            assert_eq!(parsed(text), month(year, m), "{text}");
        }
        for text in ["Q3 2014-16", "Q3 2014-1", "Q3 14-15", "Q5 2014-15"] {
            assert_eq!(parsed(text), Ok(Due::Text(text.into())), "{text}");
        }
    }

    #[test]
    fn the_setting_decides_a_bare_quarter() {
        let today = day(2013, 10, 1);
        let financial = |text| parse_due_input(text, today, QuarterYear::Financial);
        assert_eq!(financial("Q3 2014"), month(2014, 12));
        assert_eq!(financial("Q4 2014"), month(2015, 3));
        assert_eq!(financial("Q1 2014"), month(2014, 6));
        assert_eq!(parsed("Q4 2014"), month(2014, 12));
        assert_eq!(
            financial("Q2 2013-14"),
            month(2013, 9),
            "a board year is read the same either way"
        );
    }

    #[test]
    fn a_quarter_says_how_it_was_read() {
        let read = |text, quarters| read_quarter(text, quarters).map(|q| q.to_string());
        assert_eq!(
            read("Q3 2014", QuarterYear::Financial).as_deref(),
            Some("financial Q3 of 2014-15")
        );
        assert_eq!(
            read("Q3 2014", QuarterYear::Calendar).as_deref(),
            Some("Q3 of 2014")
        );
        assert_eq!(
            read("Q4 1999/00", QuarterYear::Calendar).as_deref(),
            Some("financial Q4 of 1999-00")
        );
        assert_eq!(read("31/07/13", QuarterYear::Financial), None);
    }
}
