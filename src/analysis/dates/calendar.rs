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

/// The date of a holiday rule in a Gregorian year. A rule is a base date
/// and then modifiers applied in order:
///
/// - bases: "fixed MM-DD"; "nth N WEEKDAY MM" (N = 1..5, -1 = last);
///   "easter" (Western); "orthodox" (Eastern Easter); "tishri" (1 Tishri,
///   Rosh Hashanah); "nisan" (15 Nisan, Passover); "kislev" (25 Kislev);
///   "islamic MM-DD" (tabular Islamic calendar); "islamic-last MM WEEKDAY"
///   (the month's last such weekday);
/// - modifiers: "+N"/"-N" days; "WEEKDAY+N"/"WEEKDAY-N" (moves the date
///   when it falls on that weekday).
pub(crate) fn holiday(rule: &str, year: i32) -> Option<Date> {
    let mut parts = rule.split_whitespace();
    let mut d = match parts.next()? {
        "fixed" => {
            let (m, d) = parts.next()?.split_once('-')?;
            date(year, m.parse().ok()?, d.parse().ok()?)?
        }
        "nth" => {
            let n: i8 = parts.next()?.parse().ok()?;
            let wd = weekday_name(parts.next()?)?;
            let m: u8 = parts.next()?.parse().ok()?;
            date(year, m, 1)?.nth_weekday_of_month(n, wd).ok()?
        }
        "easter" => easter(year)?,
        "orthodox" => orthodox_easter(year)?,
        "tishri" => hebrew_new_year(i64::from(year) + 3761)?,
        "nisan" => add_days(hebrew_new_year(i64::from(year) + 3761)?, -163)?,
        // 15 Shevat: 29 days before Purim, 59 in a leap year (Adar I between)
        "shevat" => {
            let hy = i64::from(year) + 3760;
            let leap = (7 * hy + 1).rem_euclid(19) < 7;
            add_days(hebrew_new_year(hy + 1)?, -163 - 30 - if leap { 59 } else { 29 })?
        }
        "kislev" => {
            let hy = i64::from(year) + 3761;
            let start = hebrew_rd(hy)?;
            let length = hebrew_rd(hy + 1)? - start;
            let heshvan = if length % 10 == 5 { 30 } else { 29 };
            let kislev_25 = add_days(rd_date(start)?, 30 + heshvan + 24)?;
            // Hanukkah of Hebrew year hy falls in Gregorian year+0 (December)
            if i32::from(kislev_25.year()) != year {
                return None;
            }
            kislev_25
        }
        "islamic" => {
            let (m, d) = parts.next()?.split_once('-')?;
            let (m, d): (i64, i64) = (m.parse().ok()?, d.parse().ok()?);
            islamic_in_year(year, |iy| islamic_rd(iy, m, d))?
        }
        "islamic-last" => {
            let m: i64 = parts.next()?.parse().ok()?;
            let wd = weekday_name(parts.next()?)?;
            islamic_in_year(year, |iy| {
                let next = if m == 12 { islamic_rd(iy + 1, 1, 1)? } else { islamic_rd(iy, m + 1, 1)? };
                let last = rd_date(next - 1)?;
                let back = (last.weekday().to_monday_zero_offset() - wd.to_monday_zero_offset()).rem_euclid(7);
                Some(next - 1 - i64::from(back))
            })?
        }
        _ => return None,
    };
    for modifier in parts {
        if let Some(name) = modifier.strip_prefix("onafter-") {
            // forward to the first such weekday on or after the date
            let wd = weekday_name(name)?;
            let ahead = (wd.to_monday_zero_offset() - d.weekday().to_monday_zero_offset()).rem_euclid(7);
            d = add_days(d, i64::from(ahead))?;
        } else if let Some(shift) = modifier.strip_prefix(['+', '-'].as_slice()).map(|_| modifier) {
            d = add_days(d, shift.parse().ok()?)?;
        } else {
            let split = modifier.find(['+', '-'])?;
            let (name, shift) = modifier.split_at(split);
            if d.weekday() == weekday_name(name)? {
                d = add_days(d, shift.parse().ok()?)?;
            }
        }
    }
    Some(d)
}

fn weekday_name(name: &str) -> Option<Weekday> {
    Some(match name {
        "mon" => Weekday::Monday,
        "tue" => Weekday::Tuesday,
        "wed" => Weekday::Wednesday,
        "thu" => Weekday::Thursday,
        "fri" => Weekday::Friday,
        "sat" => Weekday::Saturday,
        "sun" => Weekday::Sunday,
        _ => return None,
    })
}

/// The date of a fixed day number (R.D.: 0001-01-01 is day 1).
fn rd_date(rd: i64) -> Option<Date> {
    if !(1..=3_652_059).contains(&rd) {
        return None;
    }
    add_days(Date::new(1, 1, 1).ok()?, rd - 1)
}

/// Eastern (Julian computus) Easter, as a Gregorian date.
pub(crate) fn orthodox_easter(year: i32) -> Option<Date> {
    if !(1583..=9999).contains(&year) {
        return None;
    }
    let (a, b, c) = (year % 4, year % 7, year % 19);
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    let julian_offset = year / 100 - year / 400 - 2;
    add_days(date(year, u8::try_from(month).ok()?, 1)?, i64::from(day - 1 + julian_offset))
}

/// Days from the Hebrew epoch to 1 Tishri of Hebrew year `y` (before the
/// year-length correction).
fn hebrew_elapsed(y: i64) -> Option<i64> {
    let months = y.checked_mul(235)?.checked_sub(234)?.div_euclid(19);
    let parts = months.checked_mul(13753)?.checked_add(12084)?;
    let day = months.checked_mul(29)?.checked_add(parts.div_euclid(25920))?;
    Some(if (3 * (day + 1)).rem_euclid(7) < 3 { day + 1 } else { day })
}

/// The R.D. day number of 1 Tishri of Hebrew year `y`.
fn hebrew_rd(y: i64) -> Option<i64> {
    if !(3000..=12000).contains(&y) {
        return None;
    }
    let (ny0, ny1, ny2) = (hebrew_elapsed(y - 1)?, hebrew_elapsed(y)?, hebrew_elapsed(y + 1)?);
    let correction = if ny2 - ny1 == 356 {
        2
    } else if ny1 - ny0 == 382 {
        1
    } else {
        0
    };
    Some(-1_373_427 + ny1 + correction)
}

/// Rosh Hashanah (1 Tishri) of Hebrew year `y`.
fn hebrew_new_year(y: i64) -> Option<Date> {
    rd_date(hebrew_rd(y)?)
}

/// The R.D. day number of a date of the tabular (civil) Islamic calendar.
fn islamic_rd(y: i64, m: i64, d: i64) -> Option<i64> {
    const EPOCH: i64 = 227_015;
    if !(1..=12).contains(&m) || !(1..=30).contains(&d) || !(1..=10_000).contains(&y) {
        return None;
    }
    Some(d + (59 * (m - 1) + 1) / 2 + (y - 1) * 354 + (3 + 11 * y).div_euclid(30) + EPOCH - 1)
}

/// The first date in Gregorian `year` that `at` (an Islamic year to an R.D.
/// day) gives.
fn islamic_in_year(year: i32, at: impl Fn(i64) -> Option<i64>) -> Option<Date> {
    let approx = (i64::from(year) - 622) * 33 / 32;
    (approx - 1..=approx + 2).filter_map(&at).filter_map(rd_date).find(|d| i32::from(d.year()) == year)
}

/// The month and day of a holiday rule when it has a fixed date.
pub(crate) fn holiday_fixed(rule: &str) -> Option<(u8, u8)> {
    let (m, d) = rule.strip_prefix("fixed ")?.split_whitespace().next()?.split_once('-')?;
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
        assert_eq!(holiday("tishri +20", 2018), date(2018, 9, 30));
        assert_eq!(holiday("nisan +20 fri-1 sat-2 mon+1 -1", 2018), date(2018, 4, 18));
        assert_eq!(holiday("nisan +32", 2017), date(2017, 5, 13));
        assert_eq!(holiday("islamic 10-01", 2018), date(2018, 6, 15));
        assert_eq!(holiday("islamic-last 09 fri", 2017), date(2017, 6, 23));
        assert_eq!(holiday("orthodox", 2024), date(2024, 5, 5));
        assert_eq!(holiday("kislev -1", 2023), date(2023, 12, 7));
        assert_eq!(holiday("fixed 04-27 sun-1", 2014), date(2014, 4, 26));
        assert_eq!(holiday("shevat -1", 2024), date(2024, 1, 24));
        assert_eq!(holiday("shevat -1", 2023), date(2023, 2, 5));
        assert_eq!(holiday("fixed 11-27 onafter-sun", 2023), date(2023, 12, 3));
        assert_eq!(add_days(date(2013, 1, 1).unwrap(), i64::MAX), None);
    }
}
