//! Resolution: a [`Sem`] plus the reference date and the direction the
//! context implies become a TIMEX3 type and value.

use jiff::civil::{Date, DateTime, Time};

use super::calendar::{
    add_days, add_months, add_seconds, date, fmt_date, fmt_datetime, fmt_month, fmt_week, holiday, holiday_fixed,
    quarter, weekday, weeks,
};
use super::grammar::{Sem, Shift, YearRef, relative};
use super::lexicon::Unit;
use crate::analysis::TemporalType;

/// Which way an underspecified expression points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    /// The most recent occurrence (reporting of events).
    Past,
    /// The next occurrence (plans, schedules, bare expressions).
    Future,
}

/// How many days either side of the reference a month-day without a year
/// stays in the reference year whatever the tense.
const DAY_WINDOW: i64 = 90;

/// What resolution needs to know.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ctx {
    /// The reference date and time (midnight when no time was given).
    pub(crate) now: Option<DateTime>,
    /// Whether the reference has a time of day.
    pub(crate) has_time: bool,
    /// The direction the context implies.
    pub(crate) dir: Dir,
    /// The text is a bare expression.
    pub(crate) standalone: bool,
}

/// The TIMEX3 type and value of an expression; `None` when it cannot be
/// resolved (an impossible date).
pub(crate) fn resolve(sem: &Sem, ctx: &Ctx) -> Option<(TemporalType, String)> {
    use TemporalType::{Date as D, Duration, Set, Time as T};
    let today = ctx.now.map(|n| n.date());
    let unknown_rel = |n: i64| {
        let v = match n.signum() {
            -1 => "PAST_REF",
            1 => "FUTURE_REF",
            _ => "PRESENT_REF",
        };
        Some((D, v.to_owned()))
    };
    match sem {
        Sem::Duration(v) => Some((Duration, v.clone())),
        Sem::Set(v) => Some((Set, v.clone())),
        Sem::Ref(v) => Some((D, (*v).to_owned())),
        Sem::NowTime => Some((T, "PRESENT_REF".to_owned())),
        Sem::Year(y) => Some((D, format!("{y:04}"))),
        Sem::Decade(d) => Some((D, format!("{d:03}"))),
        Sem::Century(c) => Some((D, format!("{c:02}"))),
        Sem::Month { y, m } => {
            let Some(today) = today else {
                return Some((
                    D,
                    match y {
                        YearRef::Abs(y) => format!("{y:04}-{m:02}"),
                        _ => format!("XXXX-{m:02}"),
                    },
                ));
            };
            let ry = i32::from(today.year());
            let cur = today.month() as u8;
            let year = match *y {
                YearRef::Abs(y) => y,
                YearRef::Unknown => match ctx.dir {
                    Dir::Past if *m > cur => ry - 1,
                    Dir::Future if *m < cur => ry + 1,
                    _ => ry,
                },
                YearRef::Rel(0) => ry,
                YearRef::Rel(n) if n < 0 => {
                    if *m < cur {
                        ry
                    } else {
                        ry - 1
                    }
                }
                YearRef::Rel(_) => {
                    if *m > cur {
                        ry
                    } else {
                        ry + 1
                    }
                }
            };
            Some((D, format!("{year:04}-{m:02}")))
        }
        Sem::Quarter { y, q } => {
            let Some(today) = today else {
                return Some((
                    D,
                    match y {
                        YearRef::Abs(y) => format!("{y:04}-Q{q}"),
                        _ => format!("XXXX-Q{q}"),
                    },
                ));
            };
            let ry = i32::from(today.year());
            let cur = quarter(today);
            let year = match *y {
                YearRef::Abs(y) => y,
                YearRef::Rel(n) => ry.checked_add(i32::try_from(n).ok()?)?,
                YearRef::Unknown => match ctx.dir {
                    Dir::Past if *q > cur => ry - 1,
                    _ => ry,
                },
            };
            Some((D, format!("{year:04}-Q{q}")))
        }
        Sem::Half { y, h } => {
            let year = match (*y, today) {
                (YearRef::Abs(y), _) => format!("{y:04}"),
                (YearRef::Rel(n), Some(t)) => format!("{:04}", i64::from(t.year()).checked_add(n)?),
                (_, Some(t)) => format!("{:04}", t.year()),
                (_, None) => "XXXX".to_owned(),
            };
            Some((D, format!("{year}-H{h}")))
        }
        Sem::Season { y, s } => {
            let start = match *s {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                _ => 12,
            };
            let year = match (*y, today) {
                (YearRef::Abs(y), _) => format!("{y:04}"),
                (_, None) => "XXXX".to_owned(),
                (y, Some(t)) => {
                    let ry = i32::from(t.year());
                    let cur = t.month();
                    let y = match y {
                        YearRef::Rel(0) => ry,
                        YearRef::Rel(n) if n < 0 => {
                            if start < cur {
                                ry
                            } else {
                                ry - 1
                            }
                        }
                        YearRef::Rel(_) => {
                            if start > cur {
                                ry
                            } else {
                                ry + 1
                            }
                        }
                        _ => match ctx.dir {
                            Dir::Past if start > cur && start != 12 => ry - 1,
                            Dir::Future if start + 2 < cur => ry + 1,
                            _ => ry,
                        },
                    };
                    format!("{y:04}")
                }
            };
            Some((D, format!("{year}-{s}")))
        }
        Sem::NthWeekOf { n, m, y } => {
            let Some(today) = today else {
                return Some((D, "XXXX-WXX".to_owned()));
            };
            let year = match *y {
                YearRef::Abs(y) => y,
                _ => i32::from(today.year()),
            };
            let first = date(year, *m, 1)?;
            let day = if *n < 0 {
                // the last week that ends in the month
                first.nth_weekday_of_month(-1, jiff::civil::Weekday::Sunday).ok()?
            } else {
                // the first week is the one holding the 1st
                add_days(first, 7 * (i64::from(*n) - 1))?
            };
            Some((D, fmt_week(day)))
        }
        Sem::WeekOf(day) => match day_of(day, ctx) {
            Some(d) => Some((D, fmt_week(d))),
            None => Some((D, "XXXX-WXX".to_owned())),
        },
        Sem::Rel { unit, n } => {
            let Some(today) = today else { return unknown_rel(*n) };
            let n = *n;
            let v = match unit {
                Unit::Day => fmt_date(add_days(today, n)?),
                Unit::Week | Unit::Fortnight => fmt_week(today.checked_add(weeks(n)?).ok()?),
                Unit::Weekend => format!("{}-WE", fmt_week(today.checked_add(weeks(n)?).ok()?)),
                Unit::Month => fmt_month(add_months(today, n)?),
                Unit::Year => {
                    format!("{:04}", i64::from(today.year()).checked_add(n).filter(|y| (0..=9999).contains(y))?)
                }
                Unit::Quarter => {
                    let idx = i64::from(today.year()).checked_mul(4)?.checked_add(i64::from(quarter(today)) - 1)?;
                    let idx = idx.checked_add(n).filter(|i| *i >= 0 && *i < 40_000)?;
                    format!("{:04}-Q{}", idx / 4, idx % 4 + 1)
                }
                Unit::Decade => format!("{:03}", (i64::from(today.year()) / 10).checked_add(n).filter(|d| *d >= 0)?),
                Unit::Century => format!("{:02}", (i64::from(today.year()) / 100).checked_add(n).filter(|d| *d >= 0)?),
                Unit::Hour | Unit::Minute | Unit::Second => return None,
            };
            Some((D, v))
        }
        Sem::Shift { unit, n } => {
            if !ctx.standalone {
                return resolve(&relative(*unit, *n)?, ctx);
            }
            let Some(now) = ctx.now else { return unknown_rel(*n) };
            let months = |k: i64| add_months(now.date(), n.checked_mul(k)?);
            let v = match unit {
                Unit::Year => fmt_month(months(12)?),
                Unit::Decade => fmt_month(months(120)?),
                Unit::Century => fmt_month(months(1200)?),
                Unit::Quarter => fmt_month(months(3)?),
                Unit::Month => fmt_date(months(1)?),
                Unit::Week | Unit::Weekend => fmt_date(add_days(now.date(), n.checked_mul(7)?)?),
                Unit::Day | Unit::Fortnight if ctx.has_time => {
                    let days = if *unit == Unit::Fortnight { n.checked_mul(14)? } else { *n };
                    let day = add_days(now.date(), days)?;
                    format!("{}T{:02}:00", fmt_date(day), now.hour())
                }
                Unit::Fortnight => fmt_date(add_days(now.date(), n.checked_mul(14)?)?),
                Unit::Day => fmt_date(add_days(now.date(), *n)?),
                Unit::Hour | Unit::Minute | Unit::Second => return resolve(&relative(*unit, *n)?, ctx),
            };
            Some((if matches!(unit, Unit::Day | Unit::Fortnight) && ctx.has_time { T } else { D }, v))
        }
        Sem::LatestYearAgo => {
            let n = if ctx.dir == Dir::Past { -5 } else { -4 };
            resolve(&Sem::Rel { unit: Unit::Quarter, n }, ctx)
        }
        Sem::Latest(unit) => {
            let n = if ctx.dir == Dir::Past { -1 } else { 0 };
            resolve(&Sem::Rel { unit: *unit, n }, ctx)
        }
        Sem::RelTime { secs } => {
            let Some(now) = ctx.now else { return unknown_rel(*secs) };
            Some((T, fmt_datetime(add_seconds(now, *secs)?)))
        }
        Sem::In { unit, n, secs, duration } => {
            if ctx.dir == Dir::Future {
                if let Some(secs) = secs {
                    return resolve(&Sem::RelTime { secs: *secs }, ctx);
                }
                if unit.is_clock() {
                    let per = match unit {
                        Unit::Hour => 3600,
                        Unit::Minute => 60,
                        _ => 1,
                    };
                    return resolve(&Sem::RelTime { secs: n.checked_mul(per)? }, ctx);
                }
                return resolve(&Sem::Shift { unit: *unit, n: *n }, ctx);
            }
            Some((Duration, duration.clone()))
        }
        Sem::Clock { date: d, h, m, s, ampm } => {
            let day = match d {
                Some(d) => day_of(d, ctx),
                None => today,
            };
            let Some(mut day) = day else {
                return Some((T, format!("XXXX-XX-XXT{h:02}:{m:02}")));
            };
            let mut h = *h;
            let time = |h: u8| {
                if h == 24 {
                    Time::new(0, *m as i8, 0, 0).ok()
                } else {
                    Time::new(h as i8, *m as i8, s.unwrap_or(0) as i8, 0).ok()
                }
            };
            if let Some(now) = ctx.now
                && ctx.has_time
                && d.is_none()
                && ctx.dir == Dir::Future
            {
                if !*ampm && h < 12 && time(h)? < now.time() && time(h + 12)? >= now.time() {
                    h += 12;
                }
                if time(h)? < now.time() {
                    day = add_days(day, 1)?;
                }
            }
            if h == 24 {
                day = add_days(day, 1)?;
            }
            let dt = day.to_datetime(time(h)?);
            Some((T, fmt_datetime(dt)))
        }
        Sem::Part { date: d, part } => {
            let day = match d {
                Some(d) => day_of(d, ctx),
                None => today,
            };
            match day {
                Some(day) => Some((T, format!("{}T{part}", fmt_date(day)))),
                None => {
                    let day = unknown_day(d.as_deref());
                    let day = if day.ends_with("_REF") { "XXXX-XX-XX".to_owned() } else { day };
                    Some((T, format!("{day}T{part}")))
                }
            }
        }
        sem if sem.is_day() => match day_of(sem, ctx) {
            Some(d) => Some((D, fmt_date(d))),
            None if today.is_none() => Some((D, unknown_day(Some(sem)))),
            None => None,
        },
        _ => None,
    }
}

/// The day a day-grain expression names.
fn day_of(sem: &Sem, ctx: &Ctx) -> Option<Date> {
    let today = ctx.now.map(|n| n.date());
    match sem {
        Sem::Day { y: YearRef::Abs(y), m, d } => date(*y, *m, *d),
        Sem::Day { m, d, .. } => {
            let today = today?;
            let ry = i32::from(today.year());
            let this = date(ry, *m, *d).or_else(|| date(ry + 1, *m, *d))?;
            // news mentions dates close to the reference either side; the
            // tense decides only beyond a window (or for a bare expression)
            let window = if ctx.standalone { 0 } else { DAY_WINDOW };
            let ahead = days_between(today, this)?;
            match ctx.dir {
                Dir::Past if i64::from(ahead) > window => date(ry - 1, *m, *d),
                Dir::Future if i64::from(ahead) < -window => date(ry + 1, *m, *d),
                _ => Some(this),
            }
        }
        Sem::RelDay(n) => add_days(today?, *n),
        Sem::Weekday { wd, shift } => {
            let today = today?;
            let cur = today.weekday().to_monday_one_offset() as i64;
            let wd = i64::from(*wd);
            let forward = (wd - cur).rem_euclid(7);
            let backward = (cur - wd).rem_euclid(7);
            let offset = match (shift, ctx.dir) {
                (Shift::Next, _) => {
                    if forward == 0 {
                        7
                    } else {
                        forward
                    }
                }
                (Shift::Last, _) => {
                    if backward == 0 {
                        -7
                    } else {
                        -backward
                    }
                }
                (Shift::Bare, Dir::Future) if forward == 0 => 7,
                (_, Dir::Future) => forward,
                (_, Dir::Past) => -backward,
            };
            add_days(today, offset)
        }
        Sem::Offset { days, base } => add_days(day_of(base, ctx)?, *days),
        Sem::HolidayAt { rule, unit, n } => {
            let today = today?;
            let anchor = match unit {
                Unit::Year => add_months(today, n.checked_mul(12)?)?,
                Unit::Month => add_months(today, *n)?,
                Unit::Week => add_days(today, n.checked_mul(7)?)?,
                Unit::Day => add_days(today, *n)?,
                _ => return None,
            };
            holiday(rule, i32::from(anchor.year()))
        }
        Sem::WeekdayOfWeek { wd, n } => {
            let today = today?;
            let cur = i64::from(today.weekday().to_monday_one_offset());
            add_days(today, n.checked_mul(7)?.checked_add(i64::from(*wd) - cur)?)
        }
        Sem::Closest(inner) => {
            let today = today?;
            let back = day_of(inner, &Ctx { dir: Dir::Past, ..*ctx })?;
            let ahead = day_of(inner, &Ctx { dir: Dir::Future, ..*ctx })?;
            if days_between(back, today)? <= days_between(today, ahead)? { Some(back) } else { Some(ahead) }
        }
        Sem::NthDayOf { n, m, y } => {
            let year = match y {
                YearRef::Abs(y) => *y,
                _ => i32::from(today?.year()),
            };
            let first = date(year, *m, 1)?;
            if *n < 0 { add_days(add_months(first, 1)?, -1) } else { add_days(first, i64::from(*n) - 1) }
        }
        Sem::DayOfMonth(d) => {
            let today = today?;
            let this = date(i32::from(today.year()), today.month() as u8, *d);
            let forward = ctx.dir == Dir::Future;
            match this {
                Some(t) if (forward && t >= today) || (!forward && t <= today) => Some(t),
                _ => {
                    // the nearest month (either way) that has the day
                    (1..=12).find_map(|k| {
                        let month = add_months(today, if forward { k } else { -k })?;
                        date(i32::from(month.year()), month.month() as u8, *d)
                    })
                }
            }
        }
        Sem::NthWeekdayFromNow { n, wd } => {
            let today = today?;
            let cur = today.weekday().to_monday_one_offset() as i64;
            let mut first = (i64::from(*wd) - cur).rem_euclid(7);
            if first == 0 {
                first = 7;
            }
            add_days(today, first.checked_add(n.checked_sub(1)?.checked_mul(7)?)?)
        }
        Sem::NthWeekdayOf { n, wd, m, y } => {
            let wd = weekday(*wd)?;
            let at = |year: i32| date(year, *m, 1)?.nth_weekday_of_month(*n, wd).ok();
            match y {
                YearRef::Abs(y) => at(*y),
                _ => {
                    let today = today?;
                    let ry = i32::from(today.year());
                    let this = at(ry)?;
                    match ctx.dir {
                        Dir::Future if this < today => at(ry + 1),
                        Dir::Past if this > today => at(ry - 1),
                        _ => Some(this),
                    }
                }
            }
        }
        Sem::Holiday { rule, y } => match y {
            YearRef::Abs(y) => holiday(rule, *y),
            y => {
                let today = today?;
                let ry = i32::from(today.year());
                let this = holiday(rule, ry)?;
                let (forward, strict) = match (y, ctx.dir) {
                    (YearRef::Rel(0), _) => return Some(this),
                    (YearRef::Rel(n), _) => (*n > 0, true),
                    // "announced an Easter truce" the day before Easter:
                    // this year's, whatever the tense, when it is days away.
                    _ if days_between(today, this).is_some_and(|d| d.abs() <= HOLIDAY_NEAR_DAYS) => {
                        return Some(this);
                    }
                    (_, d) => (d == Dir::Future, false),
                };
                if forward {
                    if this < today || (strict && this == today) { holiday(rule, ry + 1) } else { Some(this) }
                } else if this > today || (strict && this == today) {
                    holiday(rule, ry - 1)
                } else {
                    Some(this)
                }
            }
        },
        _ => None,
    }
}

/// How many days from the reference date a holiday without a year is
/// read as this year's, whatever the tense.
const HOLIDAY_NEAR_DAYS: i32 = 7;

/// Days from `a` to `b` (negative when `b` is earlier).
fn days_between(a: Date, b: Date) -> Option<i32> {
    b.since(a).ok().map(|span| span.get_days())
}

/// An underspecified day when there is no reference: "XXXX-11-12".
fn unknown_day(sem: Option<&Sem>) -> String {
    match sem {
        Some(Sem::Day { y: YearRef::Abs(y), m, d }) => format!("{y:04}-{m:02}-{d:02}"),
        Some(Sem::Day { m, d, .. }) => format!("XXXX-{m:02}-{d:02}"),
        Some(Sem::Weekday { wd, .. }) => format!("XXXX-WXX-{wd}"),
        Some(Sem::DayOfMonth(d)) => format!("XXXX-XX-{d:02}"),
        Some(Sem::Holiday { rule, y }) => {
            let year = match y {
                YearRef::Abs(y) => format!("{y:04}"),
                _ => "XXXX".to_owned(),
            };
            match holiday_fixed(rule) {
                Some((m, d)) => format!("{year}-{m:02}-{d:02}"),
                None => year,
            }
        }
        Some(Sem::RelDay(n)) if *n < 0 => "PAST_REF".to_owned(),
        Some(Sem::RelDay(n)) if *n > 0 => "FUTURE_REF".to_owned(),
        Some(Sem::RelDay(_)) => "PRESENT_REF".to_owned(),
        _ => "XXXX-XX-XX".to_owned(),
    }
}
