//! Calendar arithmetic on jiff dates, all fallible (no overflow, no panic),
//! and TIMEX3 value formatting.

use jiff::Span;
use jiff::civil::{Date, DateTime, Weekday};

/// The ISO weekday (Monday = 1) as a jiff weekday.
pub(crate) fn weekday(n: u8) -> Option<Weekday> {
    Weekday::from_monday_one_offset(i8::try_from(n).ok()?).ok()
}

/// `date` plus `n` days.
pub(crate) fn add_days(date: Date, n: i64) -> Option<Date> {
    date.checked_add(Span::new().try_days(n).ok()?).ok()
}

/// `date` plus `n` months (day clamped to the month's end).
pub(crate) fn add_months(date: Date, n: i64) -> Option<Date> {
    date.checked_add(Span::new().try_months(n).ok()?).ok()
}

/// `dt` plus `n` seconds.
pub(crate) fn add_seconds(dt: DateTime, n: i64) -> Option<DateTime> {
    dt.checked_add(Span::new().try_seconds(n).ok()?).ok()
}

/// A date from parts, if it exists.
pub(crate) fn date(y: i32, m: u8, d: u8) -> Option<Date> {
    let y = i16::try_from(y).ok()?;
    Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

/// "2013-02-12".
pub(crate) fn fmt_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// "2013-W07".
pub(crate) fn fmt_week(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// "2013-02".
pub(crate) fn fmt_month(d: Date) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

/// "2013-02-12T15:00" (seconds when non-zero).
pub(crate) fn fmt_datetime(dt: DateTime) -> String {
    if dt.second() != 0 {
        format!("{}T{:02}:{:02}:{:02}", fmt_date(dt.date()), dt.hour(), dt.minute(), dt.second())
    } else {
        format!("{}T{:02}:{:02}", fmt_date(dt.date()), dt.hour(), dt.minute())
    }
}

/// The quarter (1 to 4) of a date.
pub(crate) fn quarter(d: Date) -> u8 {
    u8::try_from((d.month() - 1) / 3 + 1).unwrap_or(1)
}

/// Western Easter Sunday (anonymous Gregorian algorithm).
pub(crate) fn easter(year: i32) -> Option<Date> {
    if !(1583..=9999).contains(&year) {
        return None;
    }
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

/// The date of a holiday rule ("fixed 12-25", "nth 4 thu 11 +1",
/// "easter -2") in a year.
pub(crate) fn holiday(rule: &str, year: i32) -> Option<Date> {
    let mut parts = rule.split_whitespace();
    match parts.next()? {
        "fixed" => {
            let (m, d) = parts.next()?.split_once('-')?;
            date(year, m.parse().ok()?, d.parse().ok()?)
        }
        "nth" => {
            let n: i8 = parts.next()?.parse().ok()?;
            let wd = match parts.next()? {
                "mon" => Weekday::Monday,
                "tue" => Weekday::Tuesday,
                "wed" => Weekday::Wednesday,
                "thu" => Weekday::Thursday,
                "fri" => Weekday::Friday,
                "sat" => Weekday::Saturday,
                "sun" => Weekday::Sunday,
                _ => return None,
            };
            let m: u8 = parts.next()?.parse().ok()?;
            let base = date(year, m, 1)?.nth_weekday_of_month(n, wd).ok()?;
            match parts.next() {
                Some(shift) => add_days(base, shift.parse().ok()?),
                None => Some(base),
            }
        }
        "easter" => {
            let shift: i64 = parts.next().unwrap_or("+0").parse().ok()?;
            add_days(easter(year)?, shift)
        }
        _ => None,
    }
}

/// The month and day of a holiday rule when it has a fixed date.
pub(crate) fn holiday_fixed(rule: &str) -> Option<(u8, u8)> {
    let (m, d) = rule.strip_prefix("fixed ")?.split_once('-')?;
    Some((m.parse().ok()?, d.parse().ok()?))
}

/// Days in a span of whole weeks (for ISO week arithmetic).
pub(crate) fn weeks(n: i64) -> Option<Span> {
    n.checked_mul(7).and_then(|d| Span::new().try_days(d).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computes_easter_and_holiday_rules() {
        assert_eq!(easter(2013), date(2013, 3, 31));
        assert_eq!(easter(2024), date(2024, 3, 31));
        assert_eq!(holiday("easter +50", 2013), date(2013, 5, 20));
        assert_eq!(holiday("nth 4 thu 11", 2013), date(2013, 11, 28));
        assert_eq!(holiday("nth 4 thu 11 +1", 2013), date(2013, 11, 29));
        assert_eq!(holiday("nth -1 mon 5", 2013), date(2013, 5, 27));
        assert_eq!(holiday("fixed 12-25", 2013), date(2013, 12, 25));
        assert_eq!(holiday("bogus", 2013), None);
        assert_eq!(add_days(date(2013, 1, 1).unwrap(), i64::MAX), None);
    }
}
