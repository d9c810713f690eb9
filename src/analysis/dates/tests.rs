use super::*;
use crate::analysis::{ReferenceDate, ReferenceSource, TemporalType};

fn reference(s: &str) -> ReferenceDate {
    ReferenceDate::parse(s).expect("a valid reference")
}

/// (text, type, value) of every expression found.
fn run(text: &str, reference_date: Option<&str>) -> Vec<(String, TemporalType, String)> {
    let doc = Document::new(text);
    let r = reference_date.map(reference);
    extract(&doc, r.as_ref()).into_iter().map(|e| (e.span.slice(text).to_owned(), e.kind, e.value)).collect()
}

/// The first value found.
fn first(text: &str, reference_date: &str) -> String {
    run(text, Some(reference_date)).into_iter().next().map(|x| x.2).unwrap_or_default()
}

const REF: &str = "2013-02-12T04:30:00";

#[test]
fn absolute_formats() {
    for (text, want) in [
        ("2015-03-03", "2015-03-03"),
        ("2015-3-3", "2015-03-03"),
        ("3/3/2015", "2015-03-03"),
        ("3/3/15", "2015-03-03"),
        ("March 3 2015", "2015-03-03"),
        ("3 March 2015", "2015-03-03"),
        ("march 3rd 2015", "2015-03-03"),
        ("the first of march", "2013-03-01"),
        ("Mon, February 18", "2013-02-18"),
        ("Aug 8", "2013-08-08"),
        ("2/2013", "2013-02"),
        ("in 2014 A.D.", "2014"),
    ] {
        assert_eq!(first(text, REF), want, "{text}");
    }
}

#[test]
fn relative_expressions_follow_tense() {
    let r = "1998-01-08"; // a Thursday
    assert_eq!(first("The company said on Friday it had sold the unit.", r), "1998-01-02");
    assert_eq!(first("The board will meet on Friday.", r), "1998-01-09");
    assert_eq!(first("Prices fell yesterday.", r), "1998-01-07");
    assert_eq!(first("Sales rose last week.", r), "1998-W01");
    assert_eq!(first("He left two years ago.", r), "1996");
    assert_eq!(first("next Tuesday", REF), "2013-02-19");
    assert_eq!(first("last tuesday", REF), "2013-02-05");
    assert_eq!(first("3 fridays from now", REF), "2013-03-01");
    assert_eq!(first("in 24 hours", REF), "2013-02-13T04:30");
    assert_eq!(first("It opened in March.", r), "1997-03");
    assert_eq!(first("this quarter", REF), "2013-Q1");
    assert_eq!(first("3rd qtr", REF), "2013-Q3");
    assert_eq!(first("Profit rose in the third quarter.", "1989-10-30"), "1989-Q3");
    // A modal of possibility nearer than the reporting verb looks ahead.
    let text = "A source told TASS the next round could take place in early December.";
    assert_eq!(first(text, "2026-11-20"), "2026-12");
    // After a determiner a word is no verb: "a revised version" is not past,
    // "the plan" not future.
    let text = "Officials will meet in Geneva on Sunday to discuss a revised version of the plan.";
    assert_eq!(first(text, "2025-11-22"), "2025-11-23");
    let text = "The president revised the plan on Sunday, officials said.";
    assert_eq!(first(text, "2025-11-20"), "2025-11-16");
}

#[test]
fn durations() {
    assert_eq!(run("He served three years in prison.", None)[0].2, "P3Y");
    assert_eq!(first("for six months", REF), "P6M");
    assert_eq!(first("15.5 minutes", REF), "PT930S");
    assert_eq!(first("one and three quarters hours", REF), "PT105M");
    let got = run("Prices rose over the past several months.", Some("1998-01-08"));
    assert_eq!(got[0], ("the past several months".to_owned(), TemporalType::Duration, "PXM".to_owned()));
    assert_eq!(first("a five-year low", REF), "P5Y");
    assert_eq!(first("The war, now in its eighth month, goes on.", REF), "PRESENT_REF");
    assert!(run("The war, now in its eighth month, goes on.", Some(REF)).iter().any(|x| x.2 == "P8M"));
}

#[test]
fn sets_and_refs() {
    assert_eq!(run("He runs every Sunday.", None)[0].2, "XXXX-WXX-7");
    assert_eq!(run("It meets every two weeks.", None)[0].2, "P2W");
    assert_eq!(run("The paper is published weekly.", None)[0].1, TemporalType::Set);
    assert_eq!(run("on Sundays", None)[0].2, "XXXX-WXX-7");
    assert_eq!(first("He is now the chairman.", REF), "PRESENT_REF");
    assert_eq!(first("It was recently sold.", REF), "PAST_REF");
    assert_eq!(first("in the future", REF), "FUTURE_REF");
}

#[test]
fn holidays() {
    assert_eq!(first("thanksgiving", REF), "2013-11-28");
    assert_eq!(first("black friday", REF), "2013-11-29");
    assert_eq!(first("whit monday", REF), "2013-05-20");
    assert_eq!(first("new year's day", REF), "2014-01-01");
    assert_eq!(first("thanksgiving day 2012", REF), "2012-11-22");
    assert_eq!(first("They met at Christmas.", "2013-02-12"), "2012-12-25");
    // Days away, it is this year's, whatever the tense.
    assert_eq!(first("Putin announced an Easter truce.", "2025-04-19"), "2025-04-20");
    assert_eq!(first("They met at Christmas.", "2013-12-20"), "2013-12-25");
}

#[test]
fn clock_times() {
    for (text, want) in [
        ("3:18am", "2013-02-13T03:18"),
        ("15h15", "2013-02-12T15:15"),
        ("a quarter past 3pm", "2013-02-12T15:15"),
        ("ten thirty am", "2013-02-12T10:30"),
        ("at 1030", "2013-02-12T10:30"),
        ("3:15 in the afternoon", "2013-02-12T15:15"),
        ("at 19h30 on Fri, Sep 20", "2013-09-20T19:30"),
        ("nine fifty nine a m", "2013-02-12T09:59"),
    ] {
        assert_eq!(first(text, REF), want, "{text}");
    }
    assert_eq!(first("this morning", REF), "2013-02-12TMO");
    // A number that may be a year is a time only with a unit or zone.
    assert_eq!(first("The strike came at 2030 hours.", REF), "2013-02-12T20:30");
    assert_eq!(first("The strike came at 2130 GMT.", REF), "2013-02-12T21:30");
    assert_eq!(first("The plan would cut emissions by 2030.", REF), "2030");
    assert_eq!(first("The plan would save money by 2030, he said.", REF), "2030");
}

#[test]
fn datelines() {
    let find = |t: &str| find_dateline(&Document::new(t)).map(|r| (r.date.to_string(), r.source));
    assert_eq!(
        find(" date 2023-11-21 In a recent development"),
        Some(("2023-11-21".into(), ReferenceSource::Dateline))
    );
    assert_eq!(find("Nov. 21, 2023 (Reuters) — Talks began.").map(|x| x.0), Some("2023-11-21".into()));
    assert_eq!(find("WASHINGTON, Nov 21, 2023 (AP) — Talks began.").map(|x| x.0), Some("2023-11-21".into()));
    assert_eq!(find("Published: 21 November 2023\nText.").map(|x| x.0), Some("2023-11-21".into()));
    assert_eq!(find("HEMPSTEAD, N.Y., Sept. 26 (UPI) — Talks began."), None);
    assert_eq!(find("No date here at all."), None);
    let prose = "On February 24, 2022, Russia launched its full-scale invasion of Ukraine, and the war goes on.";
    assert_eq!(find(prose), None);
    // A short headline is a sentence when a preposition governs its date;
    // a short date or byline line is not.
    assert_eq!(find("Putin and Trump to meet in Alaska on August 15, 2025\nText."), None);
    assert_eq!(find("By Jane Doe, March 3, 2024\nText.").map(|x| x.0), Some("2024-03-03".into()));
    assert_eq!(find("Published on 21 November 2023\nText.").map(|x| x.0), Some("2023-11-21".into()));
    let long = "KYIV, Ukraine, Feb. 3, 2026 — Officials met again on Tuesday to discuss an energy truce.";
    assert_eq!(find(long).map(|x| x.0), Some("2026-02-03".into()));
}

#[test]
fn seed_golden() {
    let text = " date 2023-11-21 In a recent development. Since the deployment of Russian troops into Ukraine in \
                February 2022, the region has changed.";
    let doc = Document::new(text);
    let r = find_dateline(&doc).expect("dateline");
    let got = extract(&doc, Some(&r));
    assert!(got.iter().any(|e| e.value == "2022-02" && e.span.slice(text) == "February 2022"));
}

#[test]
fn no_reference() {
    let got = run("The talks on November 12 failed. They resume tomorrow.", None);
    assert_eq!(got[0].2, "XXXX-11-12");
    assert_eq!(got[1].2, "FUTURE_REF");
    assert_eq!(run("It happened on Friday.", None)[0].2, "XXXX-WXX-5");
    assert_eq!(run("It happened last night.", None)[0].2, "XXXX-XX-XXTNI");
    assert_eq!(run("It happened Friday night.", None)[0].2, "XXXX-WXX-5TNI");
}

#[test]
fn extents() {
    let got = run("Sales rose since 2009-2010 and in the 1990s, about three years.", Some("1998-01-08"));
    let texts: Vec<&str> = got.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(texts, ["2009", "2010", "the 1990s", "three years"]);
    assert_eq!(got[2].2, "199");
    let got = run("Earnings fell in early next year and the third quarter.", Some("1998-01-08"));
    assert_eq!(got[0].0, "early next year");
    assert_eq!(got[1].0, "the third quarter");
    let got = run("The Feb. 23 vote ended a three-year period of more than two years in fiscal 1989.", None);
    let texts: Vec<&str> = got.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(texts, ["Feb. 23", "a three-year period", "more than two years", "fiscal 1989"]);
}

#[test]
fn ambiguous_words_need_context() {
    assert!(run("You may go. They march on. The sun is up.", Some(REF)).is_empty());
    assert!(run("The sun is up.", Some(REF)).is_empty());
    assert!(run("Watch the fall of the wall.", Some(REF)).is_empty());
    assert_eq!(first("He arrived in May.", "1998-01-08"), "1997-05");
    // A capitalised "March" after a temporal preposition, as "May" is.
    let text = "Officials spoke on Monday. The talks will resume in March, they said.";
    assert_eq!(run(text, Some("1997-06-01")).get(1).map(|x| x.2.as_str()), Some("1998-03"));
    assert_eq!(first("The vote is expected by March.", "1997-06-01"), "1998-03");
    assert!(run("You may go. They march on in protest. The sun is up.", Some(REF)).is_empty());
    // "the month" and "the week" as "the year": the current one.
    let text = "Officials spoke on Monday. The deadline is the end of the month, they said.";
    assert_eq!(run(text, Some("2024-11-20")).get(1).map(|x| x.2.as_str()), Some("2024-11"));
    let text = "Officials spoke on Monday. Sales rose during the week, they said.";
    assert_eq!(run(text, Some("2024-11-20")).get(1).map(|x| x.2.as_str()), Some("2024-W47"));
    assert_eq!(run("Officials spoke on Monday. He was named employee of the month.", Some(REF)).len(), 1);
}

#[test]
fn pathological_inputs_do_not_panic() {
    for text in [
        "99999999999 years",
        "99999999999999999999999999 years ago",
        "in 9999999999 days",
        "9999-99-99",
        "31/31/31",
        "February 30, 2013",
        "00:99 pm",
        "25:00",
        "the 0th quarter",
        "2999 years from now",
        "thanksgiving 1000",
        "é 3:15 — ünïcode “2015-03-03” 日本 March",
        "",
        "''''s",
        "- - 1 -",
    ] {
        let doc = Document::new(text);
        for r in [None, Some(reference(REF)), Some(reference("9999-12-31")), Some(reference("0001-01-01"))] {
            for e in extract(&doc, r.as_ref()) {
                assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
            }
        }
    }
    assert_eq!(first("99999999999 years", REF), "P99999999999Y");
}

#[test]
fn more_absolute_forms() {
    for (text, want) in [
        ("Q3 2014", "2014-Q3"),
        ("2014-05", "2014-05"),
        ("14/3/2015", "2015-03-14"),
        ("the eighties", "198"),
        ("the 20th century", "19"),
        ("first week of october 2014", "2014-W40"),
        ("last week of september 2014", "2014-W39"),
        ("last day of october 2015", "2015-10-31"),
        ("the week of october 6th", "2013-W40"),
        ("first tuesday in october", "2013-10-01"),
        ("nineteen ninety-six", "1996"),
        ("the 1988 second quarter", "1988-Q2"),
    ] {
        assert_eq!(first(text, REF), want, "{text}");
    }
}

#[test]
fn more_relative_forms() {
    for (text, want) in [
        ("tuesday", "2013-02-19"),
        ("thursday next week", "2013-02-21"),
        ("on the 2nd", "2013-03-02"),
        ("tonight at 8", "2013-02-12T20:00"),
        ("tomorrow morning at 9", "2013-02-13T09:00"),
        ("in half an hour", "2013-02-12T05:00"),
        ("from 3 to 4pm", "2013-02-12T15:00"),
        ("7.30 pm", "2013-02-12T19:30"),
        ("the closest xmas to today", "2012-12-25"),
        ("a year from now", "2014-02"),
        ("two days ago", "2013-02-10T04:00"),
        ("in 1 week", "2013-02-19"),
        ("three months ago", "2012-11-12"),
        ("this weekend", "2013-W07-WE"),
    ] {
        assert_eq!(first(text, REF), want, "{text}");
    }
}

#[test]
fn more_durations_and_sets() {
    assert_eq!(first("an hour and 30 seconds", REF), "PT1H30S");
    assert_eq!(first("two and a quarter of hours", REF), "PT135M");
    assert_eq!(first("a fortnight", REF), "P2W");
    assert_eq!(first("It could take months.", REF), "PXM");
    assert_eq!(first("Prices rose in recent weeks.", REF), "PXW");
    assert_eq!(first("It meets twice a year.", REF), "P1Y");
    assert_eq!(run("It meets twice a year.", Some(REF))[0].1, TemporalType::Set);
    assert!(run("three-quarters of voters", Some(REF)).is_empty());
    let got = run("They earn $60,000 a year and work 60 hours a week for $12-an-hour.", Some(REF));
    let sets: Vec<(&str, &str)> =
        got.iter().filter(|x| x.1 == TemporalType::Set).map(|x| (x.0.as_str(), x.2.as_str())).collect();
    assert_eq!(sets, [("a year", "P1Y"), ("a week", "P1W"), ("an-hour", "PT1H")]);
}

#[test]
fn quarter_context_for_year_ago() {
    let got = run("Third-quarter profit rose 5%, compared with a year ago.", Some("1989-10-30"));
    let values: Vec<&str> = got.iter().map(|x| x.2.as_str()).collect();
    assert_eq!(values, ["1989-Q3", "1988-Q3"]);
    assert_eq!(first("Profit fell from the year-ago quarter.", "1989-11-01"), "1988-Q3");
}

#[test]
fn urls_and_names_are_skipped() {
    let text = "See (https://example.com/world/talks-resume-2026-02-10/) and the Winter Games.";
    assert!(run(text, Some("2026-02-10")).is_empty());
    assert_eq!(run("They met at 3 pm.", Some(REF))[0].0, "3 pm");
    assert_eq!(run("They met at 3 p.m.", Some(REF))[0].0, "3 p.m.");
}

#[test]
fn more_holidays() {
    assert_eq!(first("yom kippur 2023", REF), "2023-09-24");
    assert_eq!(first("eid al-fitr 2024", REF), "2024-04-10");
    assert_eq!(first("orthodox easter 2023", REF), "2023-04-16");
    assert_eq!(first("King's Day 2014", REF), "2014-04-26");
    assert_eq!(first("memorial day", REF), "2013-05-27");
}

#[test]
fn long_inputs_stay_linear() {
    // no sentence breaks, many expressions, nothing to cue the tense
    let text = "the past three months, May 3, 2015 and 3:15 pm on Friday the third quarter ".repeat(2_000);
    let got = run(&text, Some(REF));
    assert!(got.len() >= 8_000);
    let text = "early ".repeat(20_000) + "2014";
    assert_eq!(run(&text, Some(REF)).len(), 1);
}

#[test]
fn random_token_soup_does_not_panic() {
    const PIECES: &[&str] = &[
        "3",
        "12",
        "31",
        "1999",
        "2024",
        "99999999999999999999",
        ":",
        "/",
        "-",
        ".",
        ",",
        "'",
        "’",
        "s",
        "am",
        "p",
        "m",
        "may",
        "march",
        "the",
        "of",
        "in",
        "at",
        "on",
        "last",
        "next",
        "this",
        "quarter",
        "past",
        "to",
        "half",
        "ago",
        "from",
        "now",
        "hours",
        "days",
        "weeks",
        "years",
        "and",
        "a",
        "first",
        "third",
        "monday",
        "Friday",
        "é",
        "日本",
        "thanksgiving",
        "easter",
        "yom kippur",
        "eid al-fitr",
        "o'clock",
        "tonight",
        "every",
        "1st",
        "h",
        "q",
        "4",
        "early",
        "mid",
        "the end of",
        "upcoming",
        "two",
        "twenty",
        "nineteen",
        "ninety",
        "-five",
        "century",
        "th",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let refs = [None, Some(reference(REF)), Some(reference("9999-12-31")), Some(reference("0001-01-01"))];
    for _ in 0..1_500 {
        let mut text = String::new();
        for _ in 0..(next() % 24) {
            text.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            if next() % 3 != 0 {
                text.push(' ');
            }
        }
        let doc = Document::new(&text);
        for r in &refs {
            for e in extract(&doc, r.as_ref()) {
                assert!(e.span.start < e.span.end && e.span.end <= text.len(), "{text:?}");
                assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end), "{text:?}");
            }
        }
        let _ = find_dateline(&doc);
    }
}

#[test]
fn days_relative_to_holidays() {
    assert_eq!(first("christmas 2 years ago", REF), "2011-12-25");
    assert_eq!(first("thanksgiving 9 months from now", REF), "2013-11-28");
    assert_eq!(first("the day after christmas", REF), "2013-12-26");
    assert_eq!(first("two days after thanksgiving", REF), "2013-11-30");
    assert_eq!(first("The vote came two days after the election.", REF), "P2D");
}

#[test]
fn bare_expression_forms() {
    for (text, want) in [
        ("10-31-74", "1974-10-31"),
        ("past week", "2013-W06"),
        ("last Sunday of March 2014", "2014-03-30"),
        ("monday of this week", "2013-02-11"),
        ("20 to 3pm", "2013-02-12T14:40"),
        ("in a quarter of an hour", "2013-02-12T04:45"),
        ("in about half an hour", "2013-02-12T05:00"),
        ("a fortnight ago", "2013-01-29T04:00"),
        ("from 9:30 - 11:00 on Thursday", "2013-02-14T09:30"),
        ("at three", "2013-02-12T15:00"),
        ("an hour and a half", "PT90M"),
    ] {
        assert_eq!(first(text, REF), want, "{text}");
    }
    assert_eq!(first("Prices rose over the past week.", REF), "P1W");
}

#[test]
fn financial_reporting_forms() {
    let r = "1989-11-02";
    assert_eq!(run("Net income rose in the fiscal first quarter.", Some(r))[0].0, "the fiscal first quarter");
    assert_eq!(first("Analysts expect a recession by mid-1990.", r), "1990");
    assert_eq!(first("It will close by year-end.", r), "1989");
    let got = run("The rate was 7.5% for the week ended Oct. 27.", Some(r));
    assert_eq!(got[0].0, "Oct. 27");
    assert_eq!(first("For the full year, it earned $2 a share.", r), "1989");
}

#[test]
fn multi_byte_spaces_before_dates_in_urls_are_safe() {
    // A no-break space is two bytes: the URL check once sliced inside it.
    let text = "Read\u{a0}example.com/news/2023-11-21 and\u{2003}www.x.org/2024-01-05 today.";
    let got = run(text, Some("2024-02-01"));
    assert!(got.iter().all(|(t, _, _)| !t.contains('/')), "{got:?}");
    assert_eq!(first("It happened\u{a0}on 12 March 2024.", "2024-04-01"), "2024-03-12");
}

#[test]
fn skipping_tokens_no_matcher_starts_on_loses_nothing() {
    // Every text of these tests and of the seeds, read both as running text
    // and as a bare expression: at each token `best_at` skips, no matcher
    // would have matched.
    let mut texts: Vec<String> = include_str!("tests.rs").split('"').skip(1).step_by(2).map(str::to_owned).collect();
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for entry in std::fs::read_dir(seeds).into_iter().flatten().flatten() {
        if let Ok(text) = std::fs::read_to_string(entry.path()) {
            texts.push(text);
        }
    }
    assert!(texts.len() > 100);
    for text in &texts {
        let lower = text.to_ascii_lowercase();
        for standalone in [false, true] {
            let parser = Parser::new(tokens::tokenize(&lower), text, &lexicon::ENGLISH, standalone);
            if let Some(i) = parser.skipped_match() {
                panic!("a match at skipped token {i} ({:?}) of {text:?}", parser.toks[i].text);
            }
        }
    }
}

#[test]
fn today_in_the_title_of_a_show_or_paper_is_no_date() {
    for text in [
        "She told the BBC's Today programme.",
        "He told NBC's Today show.",
        "USA Today reported it.",
        "Russia Today said.",
    ] {
        assert_eq!(run(text, Some(REF)), [], "{text}");
    }
    assert_eq!(first("Today, the talks resume.", REF), "2013-02-12");
    assert_eq!(first("The talks resume today.", REF), "2013-02-12");
}

#[test]
fn a_reference_word_bracketed_by_as_is_a_comparison() {
    let texts = |text: &str| run(text, Some(REF)).into_iter().map(|x| x.0).collect::<Vec<_>>();
    assert_eq!(texts("The plan could come as soon as next week."), ["next week"]);
    assert_eq!(texts("He will leave as soon as possible."), Vec::<String>::new());
    assert_eq!(texts("As recently as 2019 he said so."), ["2019"]);
    assert_eq!(first("Talks will resume soon.", REF), "FUTURE_REF");
}

#[test]
fn a_day_before_a_colon_is_a_day_unless_a_clock_follows() {
    assert_eq!(first("Key developments on Nov. 20: Russia attacked Kyiv.", REF), "2012-11-20");
    let texts = run("It happened on Nov 20:30 GMT.", Some(REF)).into_iter().map(|x| x.0).collect::<Vec<_>>();
    assert!(!texts.iter().any(|t| t == "Nov 20"), "{texts:?}");
}

#[test]
fn a_participle_after_be_is_no_past_cue() {
    // "be counted", "be held": passive participles, so "will"/"would" decide.
    let r = "2016-10-05"; // a Wednesday
    let text = "The talks ended on Monday. The votes will be counted on Friday.";
    assert_eq!(run(text, Some(r)).get(1).map(|x| x.2.as_str()), Some("2016-10-07"));
    let text = "The talks ended on Monday. The vote would be held on Friday.";
    assert_eq!(run(text, Some(r)).get(1).map(|x| x.2.as_str()), Some("2016-10-07"));
    // "were" is no form of "be" that makes a participle: past
    assert_eq!(first("The votes were counted on Friday.", r), "2016-09-30");
}

#[test]
fn plan_is_a_future_cue_only_before_to() {
    let r = "2016-10-05";
    // the noun "plan" says nothing of the future: "released" decides
    let text = "The talks ended on Monday. The senator released the tax plan in August.";
    assert_eq!(run(text, Some(r)).get(1).map(|x| x.2.as_str()), Some("2016-08"));
    // the verb before "to" still looks ahead
    let text = "The talks ended on Monday. The senator plans to meet them on Friday.";
    assert_eq!(run(text, Some(r)).get(1).map(|x| x.2.as_str()), Some("2016-10-07"));
    let text = "The talks ended on Monday. The vote is set to take place on Friday.";
    assert_eq!(run(text, Some(r)).get(1).map(|x| x.2.as_str()), Some("2016-10-07"));
}

#[test]
fn date_words_inside_proper_names_are_no_dates() {
    // after an article's first sentence, as in running text
    let texts = |text: &str| {
        let text = format!("The talks ended on Monday. {text}");
        run(&text, Some("2024-06-14")).into_iter().skip(1).map(|x| x.0).collect::<Vec<_>>()
    };
    // newspapers, shows, agreements and people named with date words
    assert_eq!(texts("The New York Daily News ran the cover on Friday."), ["Friday"]);
    assert_eq!(texts("The Weekly Standard ran the cover on Friday."), ["Friday"]);
    assert_eq!(texts("He wrote in The Sunday Times last week."), ["last week"]);
    assert_eq!(texts("The Good Friday Agreement, signed in 1998, held."), ["1998"]);
    assert_eq!(texts("Washington Post columnist April Ryan wrote on Tuesday."), ["Tuesday"]);
    assert_eq!(texts("Fans watched Monday Night Football."), Vec::<String>::new());
    // the same words as dates
    assert_eq!(texts("They met on Good Friday."), ["Good Friday"]);
    assert_eq!(texts("They met Tuesday March 3."), ["Tuesday March 3"]);
    assert_eq!(texts("They met on Friday Oct. 3."), ["Friday Oct. 3"]);
    assert_eq!(texts("In April Congress passed the bill."), ["April"]);
    assert_eq!(texts("On Sunday Trump said he would go."), ["Sunday"]);
    assert_eq!(texts("Officials said Tuesday Democrats had won."), ["Tuesday"]);
    assert_eq!(texts("Daily, he runs. Prices are set weekly."), ["Daily", "weekly"]);
    assert_eq!(texts("The Friday meeting ended."), ["Friday"]);
}

#[test]
fn a_four_digit_clock_before_a_time_zone_is_a_time() {
    let got = |text: &str| {
        let text = format!("The talks ended on Monday. {text}");
        run(&text, Some("2024-06-14")).into_iter().skip(1).map(|x| (x.0, x.2)).collect::<Vec<_>>()
    };
    let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
    assert_eq!(
        got("The blast happened at 2 a.m. local time (2300 GMT)."),
        [pair("2 a.m. local time", "2024-06-14T02:00"), pair("2300 GMT", "2024-06-14T23:00")]
    );
    assert_eq!(got("Polls close at 1430 UTC."), [pair("1430 UTC", "2024-06-14T14:30")]);
    assert_eq!(got("The strike began 0600 local time."), [pair("0600 local time", "2024-06-14T06:00")]);
    // not minutes under 60 and hours under 24, or no zone: no clock
    assert_eq!(got("He was born in 1975 in Ohio."), [pair("1975", "1975")]);
    assert_eq!(got("It holds 2375 GMT staff."), []);
}

#[test]
fn a_year_and_the_next_in_two_digits_is_a_span_of_years() {
    let got = |text: &str| {
        let text = format!("The talks ended on Monday. {text}");
        run(&text, Some("2024-06-14")).into_iter().skip(1).map(|x| (x.0, x.2)).collect::<Vec<_>>()
    };
    let pair = |a: &str, b: &str| vec![(a.to_owned(), b.to_owned())];
    // the start year, as "2004-2005" gives 2004
    assert_eq!(got("Rovers last won the league in the 2004-05 season."), pair("2004", "2004"));
    assert_eq!(got("Its 2023/24 budget grew."), pair("2023", "2023"));
    assert_eq!(got("It was the 1999-00 season."), pair("1999", "1999"));
    assert_eq!(got("Sales rose in 2004-2005."), pair("2004", "2004"));
    // a month when the two digits are no next year, and full dates
    assert_eq!(got("Sales rose in 2004-06."), pair("2004-06", "2004-06"));
    assert_eq!(got("It opened on 2004-05-06."), pair("2004-05-06", "2004-05-06"));
    assert_eq!(first("2014-05", REF), "2014-05");
}

#[test]
fn anaphoric_days_count_from_the_last_day_named() {
    let r = "2024-06-14";
    let last = |text: &str| run(text, Some(r)).last().map(|x| (x.0.clone(), x.2.clone())).unwrap_or_default();
    let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
    let narrative = "The talks collapsed on May 3.";
    for (then, want) in [
        ("He resigned the next day.", pair("the next day", "2024-05-04")),
        ("He resigned the following day.", pair("the following day", "2024-05-04")),
        ("He resigned two days later.", pair("two days later", "2024-05-05")),
        ("He had met them the previous day.", pair("the previous day", "2024-05-02")),
        ("He had met them the day before.", pair("the day before", "2024-05-02")),
        // deictic words stay with the reference date
        ("He resigned yesterday.", pair("yesterday", "2024-06-13")),
        ("He will resign tomorrow.", pair("tomorrow", "2024-06-15")),
    ] {
        assert_eq!(last(&format!("{narrative} {then}")), want, "{then}");
    }
    // chained: each counts from the one before
    let text = "The talks collapsed on May 3. He resigned the next day. Two days later he left.";
    assert_eq!(last(text), pair("Two days later", "2024-05-06"));
    // with no day named before, the reference date
    assert_eq!(last("Officials said he resigned the next day."), pair("the next day", "2024-06-15"));
}
