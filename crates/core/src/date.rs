//! Calendar dates without a clock: the core never asks what time it is, callers pass it in.

use std::fmt;
use std::ops::Range;

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

use crate::labels::{parse_chinese_numeral, CHINESE_DIGITS};
use crate::scan::{char_at, digits_at, skip_spaces};

/// A date as written on a 公文 (成文日期, 印发日期). Stored in JSON as `YYYY-MM-DD`,
/// the form `<input type="date">` uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl CalendarDate {
    /// A real date between year 1900 and 2999, or `None`.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let valid = (1900..3000).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(CalendarDate { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Self> {
        let mut parts = s.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Self::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Days from `self` to `later`; negative when `later` is earlier.
    pub fn days_until(&self, later: CalendarDate) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// Howard Hinnant's days-from-civil algorithm, the inverse of [`civil_from_days`].
    fn days_since_epoch(&self) -> i64 {
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let yoe = year.rem_euclid(400);
        let month = i64::from(self.month);
        let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5
            + i64::from(self.day)
            - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (before it when negative), if it falls between
    /// years 1900 and 2999.
    pub fn from_unix_days(days: i64) -> Option<Self> {
        const YEAR_3000: i64 = 376_200;
        if !(-25_567..YEAR_3000).contains(&days) {
            return None;
        }
        let (year, month, day) = civil_from_days(days);
        Self::new(u16::try_from(year).ok()?, month, day)
    }

    /// The date from milliseconds since the Unix epoch (UTC).
    pub fn from_unix_ms(ms: f64) -> Self {
        let days = (ms / 86_400_000.0).floor() as i64;
        let (year, month, day) = civil_from_days(days);
        CalendarDate {
            year: year.clamp(1900, 2999) as u16,
            month,
            day,
        }
    }
}

/// `2023年2月27日`: Arabic numerals, no zero padding (GB/T 9704-2012 7.3.5.3).
impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}年{}月{}日", self.year, self.month, self.day)
    }
}

impl Serialize for CalendarDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for CalendarDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        CalendarDate::parse_iso(&s)
            .ok_or_else(|| de::Error::custom(format!("“{s}”不是有效日期（应为 YYYY-MM-DD）")))
    }
}

fn is_leap(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Howard Hinnant's days-to-civil algorithm.
fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The report year a new draft is proposed for on `today`: the annual report is written
/// in the first months of the year after the one it is about, so before July it is last
/// year's, from July (when next year's report begins to be prepared) this year's.
pub fn default_report_year(today: CalendarDate) -> u16 {
    if today.month < 7 {
        today.year - 1
    } else {
        today.year
    }
}

/// RFC 3339 UTC timestamp (`2024-02-27T08:30:00Z`) for milliseconds since the epoch.
pub fn rfc3339_from_unix_ms(ms: f64) -> String {
    let date = CalendarDate::from_unix_ms(ms);
    let secs_of_day = ((ms / 1000.0).floor() as i64).rem_euclid(86_400);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        date.iso(),
        secs_of_day / 3600,
        secs_of_day % 3600 / 60,
        secs_of_day % 60
    )
}

/// A date written `2023年2月27日`, found from its 月: the parts present and their bytes.
pub(crate) struct WrittenDate {
    pub year: Option<Range<usize>>,
    pub month: Range<usize>,
    pub day: Option<Range<usize>>,
    /// 日, or the colloquial 号.
    pub suffix: Option<Range<usize>>,
}

impl WrittenDate {
    pub fn bytes(&self) -> Range<usize> {
        let start = self.year.as_ref().unwrap_or(&self.month).start;
        let end = self
            .suffix
            .as_ref()
            .map_or(self.month.end + '月'.len_utf8(), |s| s.end);
        start..end
    }
}

pub(crate) fn written_dates(text: &str) -> impl Iterator<Item = WrittenDate> + '_ {
    text.char_indices()
        .filter(|&(_, c)| c == '月')
        .filter_map(|(i, _)| {
            let before = text[..i].trim_end();
            let month_len = before.bytes().rev().take_while(u8::is_ascii_digit).count();
            if !(1..=2).contains(&month_len) {
                return None;
            }
            let month = before.len() - month_len..before.len();
            let head = text[..month.start].trim_end();
            let year = head.strip_suffix('年').and_then(|head| {
                let head = head.trim_end();
                let len = head.bytes().rev().take_while(u8::is_ascii_digit).count();
                (len == 4).then(|| head.len() - 4..head.len())
            });
            let d = skip_spaces(text, i + '月'.len_utf8());
            let day = digits_at(text, d);
            let s = skip_spaces(text, d + day.len());
            let suffix = char_at(text, s).filter(|c| *c == '日' || *c == '号');
            let (day, suffix) = match suffix {
                Some(c) if (1..=2).contains(&day.len()) => {
                    (Some(d..d + day.len()), Some(s..s + c.len_utf8()))
                }
                _ => (None, None),
            };
            Some(WrittenDate {
                year,
                month,
                day,
                suffix,
            })
        })
}

/// A line holding nothing but a date (成文日期), spaces allowed.
pub(crate) fn is_date_line(line: &str) -> bool {
    parse_date(line).is_some_and(|(_, bytes)| {
        line[..bytes.start].trim().is_empty() && line[bytes.end..].trim().is_empty()
    })
}

/// The first full date in `text` and its bytes: `2023年2月27日` (zero padding and 号
/// tolerated) or, as some bureaus still date their documents, `二〇二三年二月二十七日`.
pub fn parse_date(text: &str) -> Option<(CalendarDate, Range<usize>)> {
    let arabic = written_dates(text).find_map(|d| {
        let number = |r: &Range<usize>| text[r.clone()].parse::<u16>().ok();
        let date = CalendarDate::new(
            number(d.year.as_ref()?)?,
            u8::try_from(number(&d.month)?).ok()?,
            u8::try_from(number(d.day.as_ref()?)?).ok()?,
        )?;
        Some((date, d.bytes()))
    });
    let chinese = chinese_numeral_dates(text).find_map(|d| Some((d.date?, d.bytes)));
    match (arabic, chinese) {
        (Some(a), Some(c)) => Some(if c.1.start < a.1.start { c } else { a }),
        (a, c) => a.or(c),
    }
}

/// A date whose year is written in Chinese digits (`二〇二三年`), with its month and
/// day when they follow (`二〇二三年二月二十日`).
pub(crate) struct ChineseNumeralDate {
    /// From the year to the 日 when it is within eight characters of 年, else to 年.
    pub bytes: Range<usize>,
    /// The date, when year, month and day are all there and make a real date.
    pub date: Option<CalendarDate>,
}

/// Every [`ChineseNumeralDate`] in `text`: four Chinese digits holding a 〇 or 零 (which
/// only a year written digit by digit has) before 年.
pub(crate) fn chinese_numeral_dates(text: &str) -> impl Iterator<Item = ChineseNumeralDate> + '_ {
    text.char_indices().filter_map(|(start, c)| {
        let starts_run = CHINESE_DIGITS.contains(c)
            && !text[..start].ends_with(|p: char| CHINESE_DIGITS.contains(p));
        if !starts_run {
            return None;
        }
        let digits: String = text[start..]
            .chars()
            .take_while(|c| CHINESE_DIGITS.contains(*c))
            .collect();
        let end = start + digits.len();
        let is_year = digits.chars().count() == 4
            && digits.contains(['〇', '零'])
            && char_at(text, end) == Some('年');
        if !is_year {
            return None;
        }
        let tail = &text[end + '年'.len_utf8()..];
        let day_end = tail.find('日').filter(|&i| tail[..i].chars().count() <= 7);
        let bytes = match day_end {
            Some(i) => start..end + '年'.len_utf8() + i + '日'.len_utf8(),
            None => start..end + '年'.len_utf8(),
        };
        let date = day_end.and_then(|i| {
            let year = digits.chars().try_fold(0u16, |year, c| {
                let digit = CHINESE_DIGITS.chars().position(|d| d == c)?;
                // 〇 and 零 are both nought: positions 0 and 1 of the digit list.
                Some(year * 10 + digit.saturating_sub(1) as u16)
            })?;
            let (month, day) = tail[..i].split_once('月')?;
            let number = |t: &str| u8::try_from(parse_chinese_numeral(t)?).ok();
            CalendarDate::new(year, number(month)?, number(day)?)
        });
        Some(ChineseNumeralDate { bytes, date })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_proposed_report_year_turns_in_july() {
        let year_on = |m, d| default_report_year(CalendarDate::new(2026, m, d).unwrap());
        assert_eq!(year_on(1, 1), 2025);
        assert_eq!(year_on(6, 30), 2025);
        assert_eq!(year_on(7, 1), 2026);
        assert_eq!(year_on(12, 31), 2026);
    }

    #[test]
    fn display_has_no_zero_padding() {
        let d = CalendarDate::new(2023, 2, 7).unwrap();
        assert_eq!(d.to_string(), "2023年2月7日");
        assert_eq!(d.iso(), "2023-02-07");
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(CalendarDate::new(2023, 2, 29).is_none());
        assert!(CalendarDate::new(2024, 2, 29).is_some());
        assert!(CalendarDate::new(1900, 2, 29).is_none());
        assert!(CalendarDate::new(2000, 2, 29).is_some());
        assert!(CalendarDate::new(2023, 13, 1).is_none());
        assert!(CalendarDate::new(2023, 4, 31).is_none());
        assert!(CalendarDate::parse_iso("2023-2-27").is_none());
        assert!(CalendarDate::parse_iso("2023-02-27x").is_none());
        assert!(CalendarDate::parse_iso("2023-02-27-01").is_none());
    }

    #[test]
    fn unix_time_conversions() {
        assert_eq!(rfc3339_from_unix_ms(0.0), "1970-01-01T00:00:00Z");
        // 2024-02-29T23:59:59Z, a leap day, in ms.
        assert_eq!(
            rfc3339_from_unix_ms(1_709_251_199_000.0),
            "2024-02-29T23:59:59Z"
        );
        assert_eq!(
            CalendarDate::from_unix_ms(1_677_456_000_000.0),
            CalendarDate::new(2023, 2, 27).unwrap()
        );
        assert_eq!(
            CalendarDate::from_unix_days(20_088),
            CalendarDate::new(2024, 12, 31)
        );
        assert_eq!(
            CalendarDate::from_unix_days(-25_567),
            CalendarDate::new(1900, 1, 1)
        );
        for outside in [-25_568, 376_200, i64::MIN, i64::MAX] {
            assert_eq!(CalendarDate::from_unix_days(outside), None);
        }
    }

    #[test]
    fn day_differences() {
        let d = |y, m, d| CalendarDate::new(y, m, d).unwrap();
        assert_eq!(d(2024, 2, 20).days_until(d(2024, 3, 1)), 10);
        assert_eq!(d(2023, 2, 20).days_until(d(2023, 3, 1)), 9);
        assert_eq!(d(2024, 3, 5).days_until(d(2024, 3, 1)), -4);
        assert_eq!(d(2023, 12, 31).days_until(d(2024, 1, 1)), 1);
        assert_eq!(
            CalendarDate::from_unix_ms(0.0).days_until(d(2023, 2, 27)),
            19_415
        );
    }

    #[test]
    fn dates_in_chinese_numerals_are_read() {
        let d = |y, m, d| CalendarDate::new(y, m, d).unwrap();
        let text = "签发：二〇二三年二月二十日";
        let (date, bytes) = parse_date(text).unwrap();
        assert_eq!(date, d(2023, 2, 20));
        assert_eq!(&text[bytes], "二〇二三年二月二十日");
        assert_eq!(
            parse_date("二零二一年十二月三十一日").unwrap().0,
            d(2021, 12, 31)
        );
        assert_eq!(parse_date("二〇二四年十月一日").unwrap().0, d(2024, 10, 1));
        // The earlier of two dates, whatever their numerals.
        let (first, _) = parse_date("二〇二三年三月一日，2023年2月1日").unwrap();
        assert_eq!(first, d(2023, 3, 1));
        // Not whole, or not real: no date.
        assert!(parse_date("二〇二三年二月").is_none());
        assert!(parse_date("二〇二三年二月三十日").is_none());
        assert!(parse_date("二〇二三年十三月一日").is_none());
        // Not years: no 〇/零, or not four digits.
        assert!(chinese_numeral_dates("一二三四年").next().is_none());
        assert!(chinese_numeral_dates("二〇二年二月一日").next().is_none());
        let year_only = chinese_numeral_dates("二〇二三年工作要点").next().unwrap();
        assert_eq!(year_only.bytes, 0.."二〇二三年".len());
        assert!(year_only.date.is_none());
    }

    #[test]
    fn serde_uses_iso_form() {
        let d = CalendarDate::new(2023, 2, 27).unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2023-02-27\"");
        assert_eq!(
            serde_json::from_str::<CalendarDate>("\"2023-02-27\"").unwrap(),
            d
        );
        assert!(serde_json::from_str::<CalendarDate>("\"2023-02-30\"").is_err());
    }
}
