//! The reference date a document speaks from: parsed from a request, or found
//! in a dateline by [`super::dates::find_dateline`].

use jiff::civil::{Date, DateTime, Time};
use serde::Serialize;

/// Where a reference date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum ReferenceSource {
    /// The caller gave it.
    Request,
    /// A dateline in the text.
    Dateline,
}

/// The date (and maybe time of day) relative expressions are resolved against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReferenceDate {
    /// The calendar date.
    pub date: Date,
    /// The time of day, when one was given.
    pub time: Option<Time>,
    /// The UTC offset as written ("Z", "+02:00"), when one was given.
    pub offset: Option<String>,
    /// Where it came from.
    pub source: ReferenceSource,
}

/// Why a reference date could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{input:?} is not an ISO 8601 date or date-time (expected e.g. 2023-11-21, \
     2013-02-12T04:30:00 or 2023-11-21T08:00:00Z; years 1 to 9999)"
)]
pub struct ReferenceDateError {
    /// The rejected input (cut to 64 characters).
    pub input: String,
}

impl ReferenceDate {
    /// A reference date from a calendar date alone.
    pub fn from_date(date: Date, source: ReferenceSource) -> Self {
        Self { date, time: None, offset: None, source }
    }

    /// Parses an ISO 8601 date ("2023-11-21") or date-time with or without an
    /// offset ("2013-02-12T04:30:00", "2023-11-21T08:00:00Z",
    /// "2023-11-21T08:00+02:00"). The civil time is kept as written.
    pub fn parse(input: &str) -> Result<Self, ReferenceDateError> {
        let error = || ReferenceDateError { input: input.chars().take(64).collect() };
        let s = input.trim();
        let (date_part, rest) = match s.find(['T', 't', ' ']) {
            Some(i) => (&s[..i], Some(&s[i + 1..])),
            None => (s, None),
        };
        if date_part.len() != 10 {
            return Err(error());
        }
        let date: Date = date_part.parse().map_err(|_| error())?;
        if date.year() < 1 {
            return Err(error());
        }
        let Some(rest) = rest else {
            return Ok(Self::from_date(date, ReferenceSource::Request));
        };
        let (time_part, offset) = split_offset(rest).ok_or_else(error)?;
        let time: Time = time_part.parse().map_err(|_| error())?;
        Ok(Self { date, time: Some(time), offset, source: ReferenceSource::Request })
    }

    /// The date and time of day (midnight when no time was given).
    pub fn datetime(&self) -> DateTime {
        self.date.to_datetime(self.time.unwrap_or(Time::midnight()))
    }

    /// The ISO 8601 form: "2023-11-21", or "2013-02-12T04:30:00" plus the
    /// offset when one was given.
    pub fn value(&self) -> String {
        match self.time {
            None => self.date.to_string(),
            Some(t) => {
                let mut v = format!("{}T{}", self.date, t.strftime("%H:%M:%S"));
                if let Some(offset) = &self.offset {
                    v.push_str(offset);
                }
                v
            }
        }
    }
}

/// Splits "04:30:00+02:00" into ("04:30:00", Some("+02:00")); `None` when the
/// offset is malformed.
fn split_offset(s: &str) -> Option<(&str, Option<String>)> {
    if let Some(time) = s.strip_suffix(['Z', 'z']) {
        return Some((time, Some("Z".to_owned())));
    }
    match s.rfind(['+', '-']) {
        None => Some((s, None)),
        Some(i) => {
            let offset = &s[i + 1..];
            let digits: String = offset.chars().filter(|c| *c != ':').collect();
            let valid = matches!(digits.len(), 2 | 4)
                && digits.bytes().all(|b| b.is_ascii_digit())
                && digits[..2].parse::<u8>().is_ok_and(|h| h <= 23)
                && digits.get(2..).is_none_or(|m| m.is_empty() || m.parse::<u8>().is_ok_and(|m| m <= 59));
            if !valid {
                return None;
            }
            let (hours, minutes) = digits.split_at(2);
            let minutes = if minutes.is_empty() { "00" } else { minutes };
            Some((&s[..i], Some(format!("{}{hours}:{minutes}", &s[i..=i]))))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_date() {
        let r = ReferenceDate::parse("2023-11-21").unwrap();
        assert_eq!(r.value(), "2023-11-21");
        assert_eq!(r.time, None);
    }

    #[test]
    fn parses_date_times_with_and_without_offsets() {
        assert_eq!(ReferenceDate::parse("2013-02-12T04:30:00").unwrap().value(), "2013-02-12T04:30:00");
        assert_eq!(ReferenceDate::parse("2023-11-21T08:00:00Z").unwrap().value(), "2023-11-21T08:00:00Z");
        assert_eq!(ReferenceDate::parse("2023-11-21T08:00+0200").unwrap().value(), "2023-11-21T08:00:00+02:00");
        assert_eq!(ReferenceDate::parse("2023-11-21 08:00:00-05:00").unwrap().value(), "2023-11-21T08:00:00-05:00");
    }

    #[test]
    fn rejects_what_is_not_iso_8601() {
        for bad in [
            "",
            "yesterday",
            "2023-13-01",
            "2023-02-30",
            "0000-01-01",
            "99999-01-01",
            "2023-11-21T25:00",
            "2023-11-21T08:00+99:00",
            "21/11/2023",
            "2023-11-21T",
        ] {
            assert!(ReferenceDate::parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
