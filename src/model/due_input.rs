//! Due dates as people type them in the UI, on top of [`Due::parse_natural`]: words relative
//! to today ("today", "tomorrow", "next week", "in 3 weeks", "next month", "end of next
//! month"), quarters ("Q3 2014": due by the end of September 2014), and day-month-year with
//! `-`, `/` or `.` and two-digit years (31-07-2013, 31/07/13). Pure: today is given.

use super::due::{Due, DueError};
use chrono::{Datelike, Days, Months, NaiveDate};

/// Reads a timescale typed in the UI; relative words resolve against `today`. Anything not
/// understood is kept as text (an impossible date is an error, as in [`Due::parse_natural`]).
pub fn parse_due_input(text: &str, today: NaiveDate) -> Result<Due, DueError> {
    let folded = text.trim().to_lowercase();
    let words: Vec<&str> = folded.split_whitespace().collect();
    if let Some(due) = relative(&words, today) {
        return Ok(due);
    }
    if let Some(due) = quarter(&words) {
        return Ok(due);
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

/// "Q3 2014" (calendar quarters): due by the end of the quarter's last month.
fn quarter(words: &[&str]) -> Option<Due> {
    let (q, year) = match words {
        [q, year] => (*q, *year),
        [q] => q.split_once(['-', '/', ' '])?,
        _ => return None,
    };
    let q: u32 = q
        .strip_prefix('q')?
        .parse()
        .ok()
        .filter(|q| (1..=4).contains(q))?;
    let year = four_digit_year(year)?;
    Some(Due::Month { year, month: q * 3 })
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
        parse_due_input(text, day(2013, 10, 1))
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
}
