use super::*;
use crate::analysis::SpeakerKind;

fn run(text: &str) -> Attribution {
    extract(&Document::new(text))
}

/// (kind, text, speaker name) of each quote.
fn quotes(text: &str) -> Vec<(QuoteKind, String, String)> {
    let a = run(text);
    check_invariants(text, &a);
    a.quotes
        .iter()
        .map(|q| {
            let who = q.speaker.map(|s| a.speakers[s].name.clone()).unwrap_or_default();
            (q.kind, q.span.slice(text).to_string(), who)
        })
        .collect()
}

/// The speaker of each quote `quotes` finds, in order.
fn speakers(text: &str) -> Vec<String> {
    quotes(text).into_iter().map(|(_, _, who)| who).collect()
}

/// The text of each quote `quotes` finds, in order.
fn texts(text: &str) -> Vec<String> {
    quotes(text).into_iter().map(|(_, t, _)| t).collect()
}

fn check_invariants(text: &str, a: &Attribution) {
    for (i, q) in a.quotes.iter().enumerate() {
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        assert!(!q.span.slice(text).is_empty());
        if let Some(s) = q.speaker {
            assert!(a.speakers[s].quotes.contains(&i));
        }
        for w in q.parts.windows(2) {
            assert!(w[0].end <= w[1].start);
        }
        for part in &q.parts {
            assert!(q.span.start <= part.start && part.end <= q.span.end && !part.slice(text).is_empty());
        }
    }
    for w in a.quotes.windows(2) {
        assert!(w[0].span.start <= w[1].span.start);
        assert!(!w[0].span.overlaps(w[1].span), "overlapping quotes in {text:?}");
    }
    for (s, sp) in a.speakers.iter().enumerate() {
        for &q in &sp.quotes {
            assert_eq!(a.quotes[q].speaker, Some(s));
        }
    }
}

#[allow(unused_imports)]
use QuoteKind::{Direct, Indirect, Mixed};

fn q(kind: QuoteKind, text: &str, who: &str) -> (QuoteKind, String, String) {
    (kind, text.to_string(), who.to_string())
}

#[test]
fn direct_quote_with_trailing_attribution() {
    assert_eq!(
        quotes("“We are ready to talk,” Kremlin spokesman Dmitry Peskov said on Monday."),
        [q(Direct, "We are ready to talk,", "Dmitry Peskov")]
    );
}

#[test]
fn every_mark_style_is_a_direct_quote() {
    for (open, close) in
        [("“", "”"), ("\"", "\""), ("‘", "’"), ("«", "»"), ("„", "“"), ("‚", "‘"), ("»", "«"), ("「", "」")]
    {
        let text = format!("{open}We are ready to talk to everyone,{close} Putin said.");
        assert_eq!(quotes(&text), [q(Direct, "We are ready to talk to everyone,", "Putin")], "{open}{close}");
    }
}

#[test]
fn apostrophes_inside_single_quotes() {
    let text = "‘Russia’s goals won’t change,’ Peskov said, as quoted by TASS.";
    assert_eq!(quotes(text), [q(Direct, "Russia’s goals won’t change,", "Peskov")]);
}

#[test]
fn nested_quotes_stay_inside() {
    let text = "“They call it a ‘peace plan’ but it is not,” the minister said.";
    assert_eq!(quotes(text), [q(Direct, "They call it a ‘peace plan’ but it is not,", "minister")]);
}

#[test]
fn a_quote_split_by_its_attribution_is_one_statement() {
    let text = "“We will try,” Putin said, “and the sooner it ends, the better.”";
    let a = run(text);
    check_invariants(text, &a);
    assert_eq!(quotes(text), [q(Direct, "We will try,” Putin said, “and the sooner it ends, the better.", "Putin")]);
    let parts: Vec<&str> = a.quotes[0].parts.iter().map(|p| p.slice(text)).collect();
    assert_eq!(parts, ["We will try,", "and the sooner it ends, the better."]);
    assert_eq!(a.quotes[0].cue.map(|c| c.slice(text)), Some("said"));
}

#[test]
fn a_report_split_by_a_parenthetical_cue_is_one_statement() {
    let text =
        "NATO chief Mark Rutte spoke in Brussels. Pressure on Moscow, he argued, is the only way to end the war.";
    let a = run(text);
    check_invariants(text, &a);
    assert_eq!(
        quotes(text),
        [q(Indirect, "Pressure on Moscow, he argued, is the only way to end the war", "Mark Rutte")]
    );
    let parts: Vec<&str> = a.quotes[0].parts.iter().map(|p| p.slice(text)).collect();
    assert_eq!(parts, ["Pressure on Moscow", "is the only way to end the war"]);
    // A clause before the coordinator is not part of it; how the speaker
    // spoke is not either.
    assert_eq!(
        quotes("Talks stalled, but the mood, Peskov noted, is better now."),
        [q(Indirect, "the mood, Peskov noted, is better now", "Peskov")]
    );
    assert_eq!(
        quotes("Asked about the talks, Peskov said, they were useful."),
        [q(Indirect, "they were useful", "Peskov")]
    );
}

#[test]
fn quotes_in_separate_sentences_stay_separate() {
    let text = "“We will try,” Putin said. “The sooner it ends, the better.”";
    let a = run(text);
    check_invariants(text, &a);
    assert_eq!(a.quotes.len(), 2);
    assert!(a.quotes.iter().all(|q| q.parts.is_empty()));
    assert_eq!(a.quotes[0].speaker, a.quotes[1].speaker);
}

#[test]
fn a_multi_paragraph_quote_is_one_quote() {
    let text = "Peskov said: “The talks are over.\n\n“We will continue the operation.”\n\nThe end.";
    let got = quotes(text);
    assert_eq!(got.len(), 1);
    assert!(got[0].1.starts_with("The talks are over.") && got[0].1.ends_with("operation."));
    assert_eq!(got[0].2, "Peskov");
}

#[test]
fn a_missing_closing_mark_ends_at_the_paragraph() {
    let text = "Putin said, ‘I believe that we are working in the right direction.\n\nOther news.";
    assert_eq!(quotes(text), [q(Direct, "I believe that we are working in the right direction.", "Putin")]);
}

#[test]
fn a_scare_quote_is_not_a_quote() {
    assert!(quotes("Moscow still talks about the “regime” in Kyiv.").is_empty());
}

#[test]
fn a_quoted_part_in_reported_speech_is_mixed() {
    let text = "Kislya accused the Russian delegation of ‘ignoring attempts to discuss the substance of the matter.’";
    assert_eq!(
        quotes(text),
        [q(Mixed, "the Russian delegation of ‘ignoring attempts to discuss the substance of the matter.’", "Kislya")]
    );
}

#[test]
fn indirect_speech_forms() {
    assert_eq!(
        quotes("Deputy Foreign Minister Sergey Kislya said that the talks were suspended."),
        [q(Indirect, "the talks were suspended", "Sergey Kislya")]
    );
    assert_eq!(
        quotes("Kremlin spokesman Dmitry Peskov told reporters the talks would resume next week."),
        [q(Indirect, "the talks would resume next week", "Dmitry Peskov")]
    );
    assert_eq!(
        quotes("According to Ukrainian officials, the attack damaged two power plants."),
        [q(Indirect, "the attack damaged two power plants", "Ukrainian officials")]
    );
    assert_eq!(
        quotes("The talks will resume on Monday, a U.S. official said."),
        [q(Indirect, "The talks will resume on Monday", "a U.S. official")]
    );
    assert_eq!(
        quotes("The delegation will travel to Geneva, said Michel Yakovlev."),
        [q(Indirect, "The delegation will travel to Geneva", "Michel Yakovlev")]
    );
    assert_eq!(
        quotes("The operation will continue, Peskov said, as quoted by TASS."),
        [q(Indirect, "The operation will continue", "Peskov")]
    );
}

#[test]
fn organisations_and_groups_speak() {
    let text = "The Pentagon said in a statement that the drills were routine. Analysts say the drills send a signal.";
    let a = run(text);
    check_invariants(text, &a);
    let kinds: Vec<_> = a.speakers.iter().map(|s| (s.name.as_str(), s.kind)).collect();
    assert_eq!(kinds, [("Pentagon", SpeakerKind::Organization), ("Analysts", SpeakerKind::Group)]);
}

#[test]
fn pronouns_and_descriptions_resolve_to_one_speaker() {
    let text = "Kremlin spokesman Dmitry Peskov said the talks were over. He added that the operation would go on.\n\
                “We have no choice,” the spokesman said. Peskov said Moscow was ready.";
    let a = run(text);
    check_invariants(text, &a);
    assert_eq!(a.speakers.len(), 1);
    let s = &a.speakers[0];
    assert_eq!(
        (s.name.as_str(), s.title.as_str(), s.affiliation.as_str()),
        ("Dmitry Peskov", "Kremlin spokesman", "Russia")
    );
    assert_eq!(s.kind, SpeakerKind::Person);
    assert_eq!(s.quotes.len(), 4);
    assert!(s.mentions.len() >= 4);
}

/// A name given only as an object ("have dogged Hillary Clinton") is the
/// fullest name of the person later quoted by surname; its span is one of
/// the speaker's mentions.
#[test]
fn a_surname_speaker_takes_a_full_name_given_elsewhere() {
    let text = "Health worries have dogged Hillary Clinton. Clinton said she was fine.";
    let a = run(text);
    check_invariants(text, &a);
    let names: Vec<&str> = a.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Hillary Clinton"]);
    let full = Span::new(27, 42);
    assert_eq!(full.slice(text), "Hillary Clinton");
    assert!(a.speakers[0].mentions.contains(&full));
}

/// Two names ending in the surname, even one inside a longer run of
/// capitalised words, leave the surname as it is; so do a title (the one
/// full name may be a relative's) and a capitalised word that only starts
/// a sentence.
#[test]
fn a_shared_or_sentence_initial_full_name_is_not_taken() {
    let two = "The crowd cheered Michelle Obama. Volunteers held a Barack Obama Election Day. Obama said it mattered.";
    assert_eq!(speakers(two), ["Obama"]);
    let one = "The crowd cheered Michelle Obama. Obama said it mattered.";
    assert_eq!(speakers(one), ["Michelle Obama"]);
    let titled = "The crowd cheered Michelle Obama. President Obama said turnout mattered.";
    assert_eq!(speakers(titled), ["Obama"]);
    let text = "Many Mexicans are angry. Mexicans said they would not pay.";
    assert!(!speakers(text).iter().any(|s| s == "Many Mexicans"), "{:?}", speakers(text));
}

#[test]
fn an_unresolvable_pronoun_leaves_no_speaker() {
    let text = "“We will not give up,” she said.";
    assert_eq!(quotes(text), [q(Direct, "We will not give up,", "")]);
}

#[test]
fn boilerplate_yields_nothing() {
    let text =
        "Leave a Reply\nSee also: “Talks are over,” Peskov said.\nYou may also like: Putin said the war would end.";
    let a = run(text);
    assert!(a.quotes.is_empty() && a.speakers.is_empty());
}

#[test]
fn many_unmatched_marks_run_in_linear_time() {
    let limit = if cfg!(debug_assertions) { 2.0 } else { 1.0 };
    for mark in ["“", "”", "\"", "‘", "’", "'", "«"] {
        let text = format!("Putin said {} the end.", mark.repeat(100_000));
        let t = std::time::Instant::now();
        let a = run(&text);
        check_invariants(&text, &a);
        assert!(t.elapsed().as_secs_f64() < limit, "{mark}: {:?}", t.elapsed());
    }
    let repeats = if cfg!(debug_assertions) { 3_000 } else { 30_000 };
    let text = "“a” said X, ".repeat(repeats);
    let t = std::time::Instant::now();
    let a = run(&text);
    check_invariants(&text, &a);
    assert!(t.elapsed().as_secs_f64() < limit * 2.0, "{:?}", t.elapsed());
}

#[test]
fn odd_inputs_do_not_panic_and_spans_are_on_char_boundaries() {
    for text in
        ["", "“", "”", "'", "said", "“é” said Ünal.", "X said:", "according to", ", said", "“”", "a\n“\n”\nb said “ü"]
    {
        let a = run(text);
        check_invariants(text, &a);
    }
}

#[test]
fn dialogue_dashes_quote_speech() {
    let text = "- We are ready for talks, but not on these terms - he said.- We will wait - he added.\n\
                Foreign Minister Sergei Lavrov spoke first.";
    let got = quotes(text);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, Direct);
    assert_eq!(got[0].1, "We are ready for talks, but not on these terms");
    // After a comma the attribution dash may lead to a capitalised name.
    let text = "Deputy Foreign Minister Sergei Ryabkov spoke in Moscow.\n\n\
                – The Americans know our position very well, – Ryabkov said.";
    assert_eq!(quotes(text), [q(Direct, "The Americans know our position very well,", "Sergei Ryabkov")]);
}

#[test]
fn passive_and_relative_cues_are_not_reports() {
    assert!(quotes("The plan was announced on Monday.").is_empty());
    let got = quotes("Officials argue these areas, which they claim were annexed, are part of Russia.");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].2, "Officials");
}

#[test]
fn a_title_comes_from_an_apposition() {
    let text = "The war will go on, said President Vladimir Putin’s press secretary, Dmitry Peskov, who stated that talks were impossible.";
    let a = run(text);
    check_invariants(text, &a);
    let peskov = a.speakers.iter().find(|s| s.name == "Dmitry Peskov").expect("Peskov");
    assert_eq!(peskov.title, "President Vladimir Putin’s press secretary");
}

#[test]
fn every_name_occurrence_is_a_mention() {
    let text = "Turkish President Recep Tayyip Erdogan met Putin. “We are not without hope,” Erdogan said.\n\
                Erdogan later left.\nSee also: Erdogan visits Moscow";
    let a = run(text);
    check_invariants(text, &a);
    assert_eq!(a.speakers.len(), 1);
    let s = &a.speakers[0];
    assert_eq!(
        (s.name.as_str(), s.title.as_str(), s.affiliation.as_str()),
        ("Recep Tayyip Erdogan", "Turkish President", "Turkey")
    );
    let mentions: Vec<&str> = s.mentions.iter().map(|m| m.slice(text)).collect();
    assert_eq!(mentions, ["Turkish President Recep Tayyip Erdogan", "Erdogan", "Erdogan"]);
}

#[test]
fn relative_clauses_and_coordinated_subjects_are_not_reports() {
    let text = "Russia struck power plants in what Ukraine and the West have described as a campaign of terror.";
    assert!(quotes(text).is_empty());
}

#[test]
fn random_inputs_never_panic() {
    let pieces = [
        "“",
        "”",
        "‘",
        "’",
        "\"",
        "'",
        "«",
        "»",
        "„",
        "‚",
        "「",
        "」",
        "- ",
        " – ",
        ",",
        ".",
        ":",
        "(",
        ")",
        "\n",
        "\n\n",
        " said",
        " says",
        " told",
        " according to",
        " adding",
        " who",
        " which",
        " he",
        " she",
        " it",
        " they",
        " the",
        " a",
        " Peskov",
        " Dmitry",
        " Kremlin",
        " spokesman",
        " officials",
        " Mr.",
        " U.S.",
        " that",
        " on",
        " Monday",
        " é",
        "ü",
        " 中文",
        " and",
        " in",
        " an interview",
        "Russia.He",
        " of",
        " Ministry",
        " Sen.",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..3000 {
        let mut text = String::new();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let len = (seed % 40) as usize;
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
        }
        let a = run(&text);
        check_invariants(&text, &a);
    }
}

#[test]
fn pronouns_skip_a_speaker_of_the_other_gender() {
    let text = "Foreign Ministry spokeswoman Maria Zakharova said the talks were over. \
                Kremlin spokesman Dmitry Peskov said nothing had changed. She added that Kyiv was to blame.";
    let got = quotes(text);
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[2].2, "Maria Zakharova");
}

#[test]
fn people_sharing_a_surname_stay_apart() {
    let text = "Hillary Clinton said the plan was sound. Bill Clinton said the vote was close. Clinton added that he was tired.";
    let got = quotes(text);
    let who: Vec<&str> = got.iter().map(|q| q.2.as_str()).collect();
    assert_eq!(who, ["Hillary Clinton", "Bill Clinton", "Bill Clinton"]);
}

#[test]
fn clause_subjects_and_content_after_a_mid_sentence_verb() {
    let text = "Craft praised the vote and noted the aid efforts in Ukraine, she said the invasion has shown the weakness of the U.N.";
    let got = quotes(text);
    assert!(got.iter().any(|q| q.1 == "the invasion has shown the weakness of the U.N." && q.2 == "Craft"), "{got:?}");
    let text = "“We will not leave,” he said and appealed to citizens to stay calm.";
    assert_eq!(quotes(text), [q(Direct, "We will not leave,", "")]);
}

#[test]
fn a_report_goes_on_after_a_middle_attribution() {
    let text = "Russian forces launched 138 drones overnight, Ukraine’s air force said, and 21 of them hit targets in 11 locations.";
    let got = quotes(text);
    assert_eq!(
        got,
        [
            q(Indirect, "Russian forces launched 138 drones overnight", "Ukraine’s air force"),
            q(Indirect, "21 of them hit targets in 11 locations", "Ukraine’s air force")
        ]
    );
}

#[test]
fn a_relative_that_after_the_addressee_is_not_the_content() {
    assert_eq!(
        quotes(
            "“We are in a critical situation,” Angela Merkel told reporters after the meeting that was held on a boat."
        ),
        [q(Direct, "We are in a critical situation,", "Angela Merkel")]
    );
}

#[test]
fn straight_and_curly_marks_pair_with_each_other() {
    assert_eq!(
        quotes("\"Oz has a huge bully pulpit,” said David Gorski, a professor of surgery."),
        [q(Direct, "Oz has a huge bully pulpit,", "David Gorski")]
    );
}

#[test]
fn described_sources_and_inverted_openings_are_speakers() {
    assert_eq!(
        quotes("“Republicans are in a frenzy,” said one Democratic source on the panel."),
        [q(Direct, "Republicans are in a frenzy,", "one Democratic source on the panel")]
    );
    assert_eq!(
        quotes("Said Ellis: “I don’t get the sense she’s interested in reform.”"),
        [q(Direct, "I don’t get the sense she’s interested in reform.", "Ellis")]
    );
    assert_eq!(
        quotes("“The impact is still small,” wrote Cameron Easley for Morning Consult."),
        [q(Direct, "The impact is still small,", "Cameron Easley")]
    );
}

#[test]
fn a_possessive_apostrophe_does_not_end_an_apposition() {
    assert_eq!(
        quotes(
            "Rucker Culpepper, who runs the effort for veterans' families, said, \"Trump has been disrespecting our veterans.\""
        ),
        [q(Direct, "Trump has been disrespecting our veterans.", "Rucker Culpepper")]
    );
}

#[test]
fn a_closing_bracket_does_not_make_a_paragraph_a_title() {
    assert_eq!(
        quotes(
            "\"It was a place they found common ground,\" said John D. Podesta, a chief of staff. (He is now the chairman.)"
        ),
        [q(Direct, "It was a place they found common ground,", "John D. Podesta")]
    );
}

#[test]
fn a_parenthesis_after_the_name_in_an_apposition() {
    assert_eq!(
        quotes(
            "“They would just go get them,” Rep. Jim Jordan (R-Ohio), an oversight panel member, said in an interview."
        ),
        [q(Direct, "They would just go get them,", "Jim Jordan")]
    );
}

#[test]
fn a_question_quote_and_its_attribution_are_one_sentence() {
    assert_eq!(
        quotes(
            "“Who would have believed we would get 14 million votes?” Trump said, looking out on the cheering crowd."
        ),
        [q(Direct, "Who would have believed we would get 14 million votes?", "Trump")]
    );
}

#[test]
fn a_participle_after_that_is_still_content() {
    let got = quotes(
        "Glasser said the army had to weigh its actions, adding that, getting closer, “they would enter the suburbs.”",
    );
    assert!(got.iter().any(|(_, t, who)| t.contains("they would enter") && who == "Glasser"), "{got:?}");
}

#[test]
fn a_name_with_the_article_is_an_organisation_not_a_person() {
    let text = "Richard Gowan, the U.N. director of the International Crisis Group, wrote that the council \
                had failed. He told reporters the council still had a role to play.";
    let a = run(text);
    check_invariants(text, &a);
    let speakers: Vec<_> = a.quotes.iter().map(|q| q.speaker.map(|s| a.speakers[s].name.as_str())).collect();
    assert_eq!(speakers, [Some("Richard Gowan"), Some("Richard Gowan")]);
    assert!(a.speakers.iter().all(|s| s.kind == SpeakerKind::Person || s.name != "International Crisis Group"));
}

#[test]
fn an_organisation_apposition_makes_the_name_an_organisation() {
    let text = "Ukrenergo, the state energy transmission operator, said the attack was the second this year. \
                Eight facilities came under attack, it said in a statement.\n\
                “All nuclear power plants were forced to reduce their load,” the statement said.";
    let a = run(text);
    check_invariants(text, &a);
    assert_eq!(a.speakers.len(), 1);
    assert_eq!((a.speakers[0].name.as_str(), a.speakers[0].kind), ("Ukrenergo", SpeakerKind::Organization));
    assert_eq!(a.quotes.len(), 3);
    assert!(a.quotes.iter().all(|q| q.speaker == Some(0)));
}

#[test]
fn a_description_may_have_lower_case_modifiers() {
    assert_eq!(
        quotes("The state grid operator said power cuts would continue."),
        [q(Indirect, "power cuts would continue", "state grid operator")]
    );
    // A person's apposition with "of" is not read as an organisation.
    let text = "“It will be hard,” said John D. Podesta, a chief of staff to President Bill Clinton. \
                “It will be first-order business,” Mr. Podesta said.";
    let who = speakers(text);
    assert_eq!(who, ["John D. Podesta", "John D. Podesta"]);
}

#[test]
fn a_document_adjunct_between_subject_and_verb_is_skipped() {
    let text = "The participants in the Crimea Platform in a joint statement called on Russia to withdraw its troops.";
    let who = speakers(text);
    assert_eq!(who, ["participants in the Crimea Platform"]);
}

#[test]
fn a_generic_organisation_word_refers_to_the_latest_organisation() {
    let text = "The Tax Policy Center said the plan would cut taxes for the rich.\n\
                The top 1 percent would see an average tax cut of $275,000, the group said.";
    let who = speakers(text);
    assert_eq!(who, ["Tax Policy Center", "Tax Policy Center"]);
}

#[test]
fn a_document_with_no_known_author_speaks_for_itself() {
    let text = "“She was back on the campaign trail within days,” the book said.";
    assert_eq!(quotes(text), [q(Direct, "She was back on the campaign trail within days,", "book")]);
    // With an organisation before it, the statement is the organisation's.
    let text = "The ministry said it would respond on Monday.\n“We will not negotiate,” the statement said.";
    let who = speakers(text);
    assert_eq!(who, ["ministry", "ministry"]);
}

#[test]
fn only_a_document_reads() {
    let text = "“We see charter schools offering hope,” the letter reads.";
    assert_eq!(quotes(text), [q(Direct, "We see charter schools offering hope,", "letter")]);
    // A person reading is not speaking.
    assert!(quotes("He reads the letter every morning.").is_empty());
}

#[test]
fn a_month_after_a_first_name_is_a_surname() {
    assert_eq!(
        quotes("British Prime Minister Theresa May said the country would leave."),
        [q(Indirect, "the country would leave", "Theresa May")]
    );
    // Still a month or a modal elsewhere.
    assert_eq!(
        quotes("In May, officials said talks would resume on June 5."),
        [q(Indirect, "talks would resume on June 5", "officials")]
    );
    assert_eq!(quotes("Officials may say the talks failed."), [q(Indirect, "the talks failed", "Officials")]);
}

#[test]
fn the_role_before_of_heads_a_description() {
    assert_eq!(
        quotes("The US Secretary of State said that the United States see signals of escalation."),
        [q(Indirect, "the United States see signals of escalation", "US Secretary of State")]
    );
    let a = run("The Prime Minister of Israel said the talks would go on.");
    assert_eq!(a.speakers.len(), 1);
    assert_eq!((a.speakers[0].kind, a.speakers[0].affiliation.as_str()), (SpeakerKind::Person, "Israel"));
}

#[test]
fn a_long_surname_misspelt_by_one_letter_is_the_same_person() {
    let text = "Secretary of State Antony Blinken said the talks would go on. \
                Blinkken added that Moscow must choose. Obama said it was late. Osama said nothing.";
    let who = speakers(text);
    assert_eq!(who[..2], ["Antony Blinken", "Antony Blinken"]);
    // Short surnames are not merged.
    assert!(run(text).speakers.iter().any(|s| s.name == "Obama"));
}

#[test]
fn people_in_an_organisation_are_the_speaker_and_one_group() {
    assert_eq!(
        quotes("Officials at the Pentagon said the strike was lawful."),
        [q(Indirect, "the strike was lawful", "Officials at the Pentagon")]
    );
    let text = "Crimea Platform participants said they were concerned.\n\
                The participants in the Crimea Platform said the occupation must end.";
    let a = run(text);
    check_invariants(text, &a);
    assert_eq!(a.speakers.len(), 1, "{:?}", a.speakers);
    assert_eq!(a.speakers[0].name, "participants in the Crimea Platform");
    assert_eq!(a.speakers[0].quotes.len(), 2);
}

#[test]
fn a_participle_cue_starts_a_second_report_of_the_same_speaker() {
    assert_eq!(
        quotes(
            "Trump on Monday urged Kyiv to accelerate negotiations, warning that Ukraine had better “come to the table, fast.”"
        ),
        [
            q(Indirect, "Kyiv to accelerate negotiations", "Trump"),
            q(Mixed, "Ukraine had better “come to the table, fast.”", "Trump"),
        ]
    );
}

#[test]
fn agreeing_with_someone_is_not_speech_but_agreeing_that_is() {
    assert!(quotes("Russian officials agreed in principle with Washington’s calls for a compromise.").is_empty());
    assert_eq!(
        quotes("The ministers agreed that the talks should resume in March."),
        [q(Indirect, "the talks should resume in March", "ministers")]
    );
}

#[test]
fn a_name_in_apposition_after_a_description_is_the_subject() {
    let text = "The ministry’s chief spokesman, Oleg Nikolenko, said the talks were over.";
    assert_eq!(quotes(text), [q(Indirect, "the talks were over", "Oleg Nikolenko")]);
    let a = run(text);
    assert_eq!(a.speakers[0].title, "ministry’s chief spokesman");
    // A place or a time before the comma is not a description of the name.
    assert!(quotes("In Kyiv, Oleg Nikolenko, said nothing new.").iter().all(|(_, _, who)| who.is_empty()));
}

#[test]
fn an_organisation_after_descriptive_modifiers_speaks() {
    assert_eq!(
        quotes(
            "The top 1 percent paid a quarter of all taxes, according to the nonpartisan Congressional Budget Office."
        ),
        [q(Indirect, "The top 1 percent paid a quarter of all taxes", "Congressional Budget Office")]
    );
    assert_eq!(
        speakers("Sanctions cost more than they bring, the conservative Heritage Foundation said."),
        ["Heritage Foundation"]
    );
    // A person is not an organisation: no speaker from "the embattled <name>"
    // read after the cue.
    assert!(speakers("According to the embattled Boris Johnson, the war will end.").iter().all(|s| s.is_empty()));
}

#[test]
fn a_cue_after_a_preposition_and_relative_pronoun_reports() {
    assert_eq!(
        quotes("Lavrov gave an interview on Monday, in which he said the talks were over."),
        [q(Indirect, "the talks were over", "Lavrov")]
    );
    // Without the preposition the pronoun is what was said.
    assert!(quotes("The deal, which he called a disaster, was signed.").is_empty());
}

#[test]
fn an_age_used_as_a_noun_is_a_person_and_bounds_the_report() {
    assert_eq!(speakers("Ivanka Trump spoke on Monday. The 34-year-old said the plan was fair."), ["Ivanka Trump"]);
    let found = quotes("Mills said the plan was fair, and when pressed, the 34-year-old said it was about mothers.");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].1, "it was about mothers");
}

#[test]
fn a_subject_before_an_adverb_and_its_verb_is_a_pronoun_candidate() {
    // "Anderson largely agreed": the adverb does not hide the verb, so
    // Anderson, not the earlier speaker, is the "he" of the next quote.
    let text = "Mary Smith said the plan was weak.\n\nAnderson largely agreed with Smith.\n\n\
                “It comes across as pandering,” he said.";
    assert_eq!(speakers(text), ["Mary Smith", "Anderson"]);
    // Without a verb after it, a lone surname is not taken as the subject.
    let text = "Mary Smith said the plan was weak.\n\nAnderson largely with Smith.\n\n\
                “It comes across as pandering,” she said.";
    assert_eq!(speakers(text), ["Mary Smith", "Mary Smith"]);
}

#[test]
fn a_given_name_tells_the_gender_a_pronoun_needs() {
    let text = "Mary Smith said the plan was weak. John Brown said it was fine. She added that it would fail.";
    assert_eq!(speakers(text), ["Mary Smith", "John Brown", "Mary Smith"]);
    // "Mrs. Brown" is not John Brown but someone new.
    let text = "John Brown said the plan was fine. Mrs. Brown said it would fail.";
    let a = run(text);
    assert_eq!(a.speakers.len(), 2, "{:?}", a.speakers);
    // A given name inside a title is another person's.
    let text = "Hillary Clinton's campaign manager Robby Mook said the debate went well. He added that it was fair.";
    assert_eq!(speakers(text), ["Robby Mook", "Robby Mook"]);
}

#[test]
fn a_surname_that_is_also_a_month_speaks_before_a_speech_verb() {
    let text = "The critic is Clifford May, the head of a think tank. \
                May said the council had become dysfunctional.";
    assert_eq!(speakers(text), ["Clifford May"]);
    // A month before other verbs stays a month.
    let text = "May brought rain. Officials said the roads were closed.";
    assert_eq!(speakers(text), ["Officials"]);
}

#[test]
fn a_quoted_sentence_after_a_colon_is_its_own_direct_quote() {
    let text = "May said he could see another way: \"One can imagine an alternative to the council.\"";
    let got = quotes(text);
    let kinds: Vec<(QuoteKind, &str)> = got.iter().map(|(k, t, _)| (*k, t.as_str())).collect();
    assert_eq!(
        kinds,
        [
            (QuoteKind::Indirect, "he could see another way"),
            (QuoteKind::Direct, "One can imagine an alternative to the council."),
        ]
    );
    // Before the cue, the clause ahead of the colon is not speech.
    let text = "Senator Jane Roe scolded him: “The scientific community is against you,” she said.";
    let got = quotes(text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!((got[0].0, got[0].1.as_str()), (QuoteKind::Direct, "The scientific community is against you,"));
    // A quoted word or two after a colon stays inside mixed speech.
    let text = "He said the plan had one flaw: “naivety.”";
    assert_eq!(quotes(text).first().map(|q| q.0), Some(QuoteKind::Mixed));
}

#[test]
fn a_description_quoted_before_the_name_is_that_person() {
    let text = "Moscow has had no good offer, Russia's deputy foreign minister said on Monday. \
                \"Proposals of this nature have not been received,\" Deputy Foreign Minister Mikhail Galuzin told reporters.";
    let a = run(text);
    assert_eq!(a.speakers.len(), 1, "{:?}", a.speakers);
    let galuzin = &a.speakers[0];
    assert_eq!((galuzin.name.as_str(), galuzin.affiliation.as_str()), ("Mikhail Galuzin", "Russia"));
    assert_eq!(galuzin.quotes.len(), 2);
    // "a spokesman" introduces someone who may never be named.
    let text = "Conditions are deteriorating, said a spokesman. Spokesman Yuri Petrov said the evacuation had begun.";
    assert_eq!(speakers(text), ["a spokesman", "Yuri Petrov"]);
}

#[test]
fn subjects_past_dashes_parentheses_and_a_first_verb() {
    // A dashed apposition between the name and the verb.
    let text = "Erdogan – mediating between the two sides – said the talks would resume.";
    assert_eq!(speakers(text), ["Erdogan"]);
    // A dash after an apposition is not the subject's.
    let text = "John Dickey, the chief executive of Ora Media -- a production company -- told me it was fine.";
    assert!(!speakers(text).contains(&"Ora Media".to_string()), "{:?}", quotes(text));
    // A second verb after "but" shares the clause's subject, past a
    // parenthesis and a lower-case title with "of".
    let text = "Jane Roe, like her rivals, has praised the plan but has said she will wait.";
    assert_eq!(speakers(text), ["Jane Roe"]);
    let text = "US secretary of state Marco Rubio sounded sceptical but said the US was going to try.";
    assert_eq!(speakers(text), ["Marco Rubio"]);
}

#[test]
fn sources_familiar_with_the_matter_speak() {
    let text = "Russia could attack before the Games end, multiple sources familiar with the matter told CNN.";
    let got = quotes(text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, "Russia could attack before the Games end");
    assert_eq!(got[0].2, "sources familiar with the matter");
}

#[test]
fn a_wire_dateline_is_not_reported_content() {
    for (text, content) in [
        ("Feb 10 (Reuters) - Moscow has had no offer, a minister said.", "Moscow has had no offer"),
        ("KYIV, Ukraine (AP) — The talks were constructive, Peskov said.", "The talks were constructive"),
        // A dash inside the content is not a dateline's.
        ("Talks in Geneva - a first - went well, Peskov said.", "Talks in Geneva - a first - went well"),
    ] {
        let got = quotes(text);
        assert_eq!(got.first().map(|q| q.1.as_str()), Some(content), "{text}");
    }
}

#[test]
fn findings_and_estimates_with_that_report_their_source() {
    for (text, content, who, kind) in [
        (
            "A poll by the university found that most voters oppose the deal.",
            "most voters oppose the deal",
            "university",
            SpeakerKind::Organization,
        ),
        ("Polls show that few Americans care.", "few Americans care", "Polls", SpeakerKind::Organization),
        (
            "The Brookings Institution estimates that the plan would raise $1 trillion.",
            "the plan would raise $1 trillion",
            "Brookings Institution",
            SpeakerKind::Organization,
        ),
        ("Reuters reports that the talks stalled.", "the talks stalled", "Reuters", SpeakerKind::Organization),
        // The noun: the reports are the speaker, "said" the cue.
        ("Media reports said the talks failed.", "the talks failed", "Media reports", SpeakerKind::Organization),
    ] {
        let a = run(text);
        let got = quotes(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!((got[0].0, got[0].1.as_str(), got[0].2.as_str()), (Indirect, content, who), "{text}");
        let speaker = a.quotes[0].speaker.map(|s| a.speakers[s].kind);
        assert_eq!(speaker, Some(kind), "{text}");
    }
    // Without "that" the verbs are other verbs.
    assert!(quotes("The police found the car near the border.").is_empty());
    assert!(quotes("He shows the documents to reporters.").is_empty());
}

#[test]
fn an_outlet_reporting_before_a_colon_speaks() {
    let text = "The New York Times reports:\n\n\"Fewer donors gave this year.\"";
    assert_eq!(quotes(text), [q(Direct, "Fewer donors gave this year.", "New York Times")]);
}

#[test]
fn professions_and_media_roles_title_a_name() {
    let text = "According to conservative talk radio host Rush Limbaugh, the move reeks of fear.";
    assert_eq!(quotes(text), [q(Indirect, "the move reeks of fear", "Rush Limbaugh")]);
    let a = run("Fox News host Sean Hannity said the debate was rigged.");
    assert_eq!(a.speakers.first().map(|s| s.title.as_str()), Some("Fox News host"));
}

#[test]
fn a_surname_with_a_described_apposition_takes_the_full_name() {
    let text = "Axelrod called on Howard Dean to apologize. Dean, a medical doctor, then said he would “never” \
                diagnose anyone.";
    let a = run(text);
    let dean = a.quotes.last().and_then(|q| q.speaker).map(|s| &a.speakers[s]);
    assert_eq!(dean.map(|s| (s.name.as_str(), s.title.as_str())), Some(("Howard Dean", "medical doctor")));
}

#[test]
fn a_description_passes_by_a_surname_whose_given_name_is_the_other_gender() {
    // "Clinton" alone is a woman by the "Hillary" before it elsewhere, so
    // "the businessman" is Trump.
    let text = "Donald Trump attacked Hillary Clinton again. Clinton says she opposes the deal. \
                The New York businessman says, “She will put the Oval Office up for sale.”";
    assert_eq!(speakers(text), ["Hillary Clinton", "Donald Trump"]);
}

#[test]
fn a_party_member_named_by_the_party_is_the_nearest_person() {
    let text = "Donald Trump spoke in Ohio. The Republican said he was fine.";
    assert_eq!(speakers(text), ["Donald Trump"]);
}

#[test]
fn an_age_takes_no_modifiers_before_it() {
    let text = "Health worries dogged 68-year-old Hillary Clinton all month. Clinton said she was fine.";
    let a = run(text);
    assert_eq!(a.speakers.first().map(|s| (s.name.as_str(), s.title.as_str())), Some(("Hillary Clinton", "")));
}

#[test]
fn a_that_past_a_prepositional_adjunct_starts_the_content() {
    for text in [
        "Peskov said in a statement on Telegram that talks would resume.",
        "Peskov said during a news conference in Moscow that talks would resume.",
    ] {
        assert_eq!(quotes(text), [q(Indirect, "talks would resume", "Peskov")], "{text}");
    }
    // A "that" opening a relative clause inside the adjunct is not the content's.
    let got = quotes("Peskov said in an interview with a paper that was published on Monday.");
    assert!(got.iter().all(|q| !q.1.starts_with("was published")), "{got:?}");
}

#[test]
fn having_said_that_is_a_discourse_phrase_not_a_report() {
    assert_eq!(quotes("Having said that, there are still reasons for hope in the talks."), []);
    assert_eq!(quotes("Taxes matter. Having said this, growth matters more."), []);
}

#[test]
fn a_nationality_among_modifiers_stays_in_the_organisation() {
    assert_eq!(
        speakers("Half of his advice is wrong, according to the top British medical journal."),
        ["British medical journal"]
    );
}

#[test]
fn an_organisation_name_may_join_its_words_with_on_or_for() {
    assert_eq!(
        speakers("He notes that the Commission on Presidential Debates announced that there was an issue."),
        ["Commission on Presidential Debates"]
    );
    assert_eq!(
        speakers("The Center for Strategic Studies said the plan would fail."),
        ["Center for Strategic Studies"]
    );
}

#[test]
fn an_organisation_takes_its_capitalised_name_over_a_description() {
    let text = "The plan is wrong, according to the top British medical journal. \
                The British Medical Journal said the pills do not work.";
    assert_eq!(speakers(text), ["British Medical Journal", "British Medical Journal"]);
}

#[test]
fn people_who_argue_are_the_speakers_of_their_clause() {
    assert_eq!(
        quotes("There are some economists who argue that corporate taxes should be very low."),
        [q(Indirect, "corporate taxes should be very low", "economists")]
    );
    // The clause of a place or an institution is not a person's.
    assert_eq!(speakers("He met a staffer at the State Department who told him to stop."), Vec::<String>::new());
}

#[test]
fn a_described_person_who_says_is_the_name_in_apposition() {
    let text = "The rule hurts defendants, says Gerald Lefcourt, a defense attorney who says he has turned down cases.";
    assert_eq!(speakers(text), ["Gerald Lefcourt", "Gerald Lefcourt"]);
}

#[test]
fn a_title_case_headline_verb_is_not_a_name() {
    let text = "Clinton Hid Health Problems, Former White House Doctor Says.\n\n\
                Secrecy is not a stranger to her health issues, the candidate’s former doctor says.";
    assert!(!speakers(text).iter().any(|s| s == "Says"), "{:?}", speakers(text));
    assert_eq!(quotes(text).len(), 1);
}

#[test]
fn a_described_speaker_takes_in_the_place_after_the_role_word() {
    assert_eq!(speakers("A senior official in Kyiv said the talks had failed."), ["A senior official in Kyiv"]);
    let a = run("A senior official in Kyiv said the talks had failed.");
    assert_eq!(a.speakers[0].kind, SpeakerKind::Person);
    assert_eq!(a.speakers[0].affiliation, "Ukraine");
    // A named institution after the role stays in the apposition's title.
    let a = run("“It is a mess,” said Michael Tanner, an analyst at the Cato Institute.");
    assert_eq!(
        (a.speakers[0].name.as_str(), a.speakers[0].title.as_str()),
        ("Michael Tanner", "analyst at the Cato Institute")
    );
}

#[test]
fn a_role_of_a_determined_complement_describes_a_named_apposition() {
    assert_eq!(
        speakers("The minister of the economy, Mr. Guajardo Villarreal, argues there is little point in responding."),
        ["Guajardo Villarreal"]
    );
}

#[test]
fn lower_case_words_before_a_name_after_according_to_describe_it() {
    let text = "The delegation will leave that evening, according to online Swedish flight tracker Flightradar24.";
    let a = run(text);
    assert_eq!(speakers(text), ["Flightradar24"]);
    assert_eq!(a.speakers[0].kind, SpeakerKind::Organization);
    let a = run("The delegation will leave, according to veteran journalist John Smith.");
    assert_eq!((a.speakers[0].name.as_str(), a.speakers[0].kind), ("John Smith", SpeakerKind::Person));
}

#[test]
fn according_to_inside_a_relative_clause_reports_what_follows() {
    let text =
        "This could dismay Emmanuel Macron, who, according to diplomatic sources, had pressed for talks in Geneva.";
    assert_eq!(quotes(text), [q(Indirect, "had pressed for talks in Geneva", "diplomatic sources")]);
}

#[test]
fn a_speaker_joined_by_and_to_a_plain_noun_speaks() {
    assert_eq!(
        quotes("RT and its defenders say that the network is no more biased than others."),
        [q(Indirect, "the network is no more biased than others", "RT")]
    );
    assert_eq!(quotes("The economy and its problems say little about the vote."), []);
}

#[test]
fn verbs_joined_by_and_do_not_make_a_conjunct_speaker() {
    let text = "They learned of the deals with Mills and Bentel and almost immediately disclosed them to the AP.";
    assert_eq!(speakers(text), Vec::<String>::new());
}

#[test]
fn a_participle_after_a_place_in_commas_has_the_clause_subject() {
    let text = "Hillary Clinton spoke about the death of a man in Tulsa, Oklahoma, arguing that the epidemic must end.";
    assert_eq!(quotes(text), [q(Indirect, "the epidemic must end", "Hillary Clinton")]);
}

#[test]
fn characterising_and_demanding_that_report_a_position() {
    assert_eq!(
        quotes("The Russian side has interpreted this stance as a refusal to engage in talks."),
        [q(Indirect, "this stance as a refusal to engage in talks", "Russian side")]
    );
    assert_eq!(
        quotes("Russia seeks guarantees from NATO, demanding that Ukraine remain neutral."),
        [q(Indirect, "Ukraine remain neutral", "Russia")]
    );
    assert_eq!(quotes("The union demands higher wages for its members."), []);
}

#[test]
fn a_named_organisation_is_the_subject_of_a_participle() {
    assert_eq!(
        quotes("Additionally, Russia seeks security guarantees from NATO, demanding that Ukraine remain neutral."),
        [q(Indirect, "Ukraine remain neutral", "Russia")]
    );
    let heading = "CONGRESS HAS INVESTIGATED HIM — his advice earned him a hearing for saying that coffee cures all.";
    assert!(!speakers(heading).iter().any(|s| s.starts_with("CONGRESS")), "{:?}", speakers(heading));
}

#[test]
fn he_skips_a_woman_known_by_her_given_name() {
    let text =
        "“Who would have believed it?” Trump said.\n\n“I would,” Melanie said to the TV.\n\n“I love you,” he said.";
    assert_eq!(speakers(text), ["Trump", "Melanie", "Trump"]);
}

#[test]
fn a_sentence_in_markdown_bold_is_not_a_title() {
    let text = "**Deadline set, Zelenskyy says**\n**\"The Americans are proposing the parties end the war by summer,\" Zelenskyy said on Friday.**\nThe talks go on.";
    assert_eq!(
        quotes(text),
        [q(Direct, "The Americans are proposing the parties end the war by summer,", "Zelenskyy")]
    );
}

#[test]
fn a_dashed_aside_after_an_apposition_leaves_the_name_the_subject() {
    let text = "John Dickey, the chief executive of Ora Media -- the company that owns the show -- told me, “We sell content.”";
    assert_eq!(quotes(text), [q(Direct, "We sell content.", "John Dickey")]);
}

#[test]
fn a_progressive_cue_is_active_not_passive() {
    assert_eq!(
        quotes("Gary Johnson’s doctor is calling the candidate “extremely physically fit.”"),
        [q(Mixed, "the candidate “extremely physically fit.”", "Gary Johnson’s doctor")]
    );
    assert_eq!(quotes("The claim was called “absurd.”"), []);
}

#[test]
fn attacks_and_promises_report_their_words() {
    assert_eq!(
        quotes("Trump blasted the American media for being “unbelievably dishonest.”"),
        [q(Mixed, "the American media for being “unbelievably dishonest.”", "Trump")]
    );
}

#[test]
fn an_opening_participle_is_not_the_subject() {
    let text = "Chastened by the analyses, as well as complaints over its costs, Trump revised his plan, promising to focus on average Americans.";
    assert_eq!(quotes(text), [q(Indirect, "to focus on average Americans", "Trump")]);
}

#[test]
fn officials_at_a_named_place_are_a_group() {
    let a = run("Officials in California are warning that the rains will cause landslides.");
    assert_eq!(a.speakers.len(), 1);
    assert_eq!((a.speakers[0].name.as_str(), a.speakers[0].kind), ("Officials in California", SpeakerKind::Group));
    // At an institution with a long name: still the people.
    let a = run("Analysts at the Institute for the Study of War said the offensive had stalled.");
    assert_eq!(a.speakers[0].kind, SpeakerKind::Group);
}

#[test]
fn a_cue_after_another_verb_in_the_progressive_is_no_report() {
    let text = "The Pentagon said Defense Secretary Dick Cheney is considering urging Bush to order a callup.";
    assert_eq!(
        quotes(text),
        [q(Indirect, "Defense Secretary Dick Cheney is considering urging Bush to order a callup", "Pentagon")]
    );
}

#[test]
fn a_report_by_an_outlet_is_the_outlets() {
    let text = "According to a new report by Politico, insiders are trying to mobilize voters.";
    assert_eq!(speakers(text), ["Politico"]);
    assert_eq!(run(text).speakers[0].kind, SpeakerKind::Organization);
    assert_eq!(
        speakers("Insiders are trying to mobilize voters, according to a report from the Associated Press."),
        ["Associated Press"]
    );
}

#[test]
fn a_known_organisation_ending_in_a_role_modifier_speaks() {
    assert_eq!(speakers("The voters left, said the Associated Press."), ["Associated Press"]);
}

#[test]
fn a_purpose_infinitive_reports_for_the_clause_subject() {
    assert_eq!(
        quotes("Trump took to Twitter overnight to accuse the campaign of being “duped” by “a con.”"),
        [q(Mixed, "the campaign of being “duped” by “a con.”", "Trump")]
    );
    assert_eq!(quotes("Peskov declined to comment on the talks."), []);
}

#[test]
fn a_passive_cue_with_its_agent_reports_for_the_agent() {
    assert_eq!(
        quotes("The talks were described by the Kremlin as a “constructive” start."),
        [q(Mixed, "a “constructive” start", "Kremlin")]
    );
    assert_eq!(
        quotes("It was announced by the ministry that the talks would resume."),
        [q(Indirect, "the talks would resume", "ministry")]
    );
    // Without an agent the passive still reports nothing.
    assert_eq!(quotes("The talks were described as “constructive”."), []);
}

#[test]
fn a_passive_cue_whose_agent_says_nothing_more_reports_nothing() {
    assert_eq!(quotes("The registration issue was first reported by the Washington Post."), []);
}

#[test]
fn a_number_after_the_article_stays_in_the_description() {
    assert_eq!(
        speakers("The discussions were described by the two rival powers as a “good start”."),
        ["two rival powers"]
    );
}

#[test]
fn analyses_and_statistics_are_documents_and_their_authors_speak() {
    assert_eq!(
        speakers(
            "Some Americans would pay more under the plan, according to an analysis by Lily Batchelder, a former official."
        ),
        ["Lily Batchelder"]
    );
    assert_eq!(
        quotes("About 9.9 million single mothers live in the United States, according to federal statistics."),
        [q(Indirect, "About 9.9 million single mothers live in the United States", "federal statistics")]
    );
}

#[test]
fn people_before_a_relative_clause_without_who_speak() {
    assert_eq!(
        quotes("In her favor, all the experts I interviewed said her proposals were more detailed."),
        [q(Indirect, "her proposals were more detailed", "experts")]
    );
    assert_eq!(speakers("The officials we talked with say the talks stalled."), ["officials"]);
}

#[test]
fn a_negated_cue_before_whether_reports_no_statement() {
    assert_eq!(quotes("Contacted by reporters, the missions could not confirm whether they would take part."), []);
    assert_eq!(quotes("Peskov did not say if the talks would resume."), []);
    assert_eq!(quotes("Peskov didn’t say whether the talks would resume."), []);
    // A negated report of content still reports it.
    assert_eq!(
        quotes("Peskov did not deny that the talks had stalled."),
        [q(Indirect, "the talks had stalled", "Peskov")]
    );
    assert_eq!(
        quotes("Sullivan did not rule out, however, that such an order had been issued."),
        [q(Indirect, "such an order had been issued", "Sullivan")]
    );
}

#[test]
fn a_capitalised_word_before_an_institution_word_is_no_person() {
    let text = "She believed that U.S. Supreme Court Justice Antonin Scalia was murdered.\n\n“Here comes Big Daddy,” she said.";
    assert!(!speakers(text).iter().any(|s| s == "Supreme"), "{:?}", speakers(text));
}

#[test]
fn a_name_right_after_an_organisation_word_is_the_organisations() {
    let text = "She believed Obama was a founder of the terrorist group ISIS.\n\n“Here comes Big Daddy,” she said.";
    assert!(!speakers(text).iter().any(|s| s == "ISIS"), "{:?}", speakers(text));
}

#[test]
fn a_relative_clause_between_subject_and_verb_is_an_aside() {
    assert_eq!(
        quotes("The diplomat, who spoke on condition of anonymity, said a deal was unlikely."),
        vec![q(Indirect, "a deal was unlikely", "diplomat")]
    );
    assert_eq!(
        quotes(
            "Kyiv, which wants to join NATO, said at the time that such conditions would be tantamount to surrender."
        ),
        vec![q(Indirect, "such conditions would be tantamount to surrender", "Kyiv")]
    );
}

#[test]
fn a_speech_verb_in_an_aside_before_the_main_verb_is_background() {
    assert_eq!(
        quotes("A Kellogg officer, who asked not to be named, said the company would not comment."),
        vec![q(Indirect, "the company would not comment", "A Kellogg officer")]
    );
    assert_eq!(
        quotes("The minister, who has long argued for talks, said on Monday that Kyiv was ready."),
        vec![q(Indirect, "Kyiv was ready", "minister")]
    );
    // Without a main verb of its own the clause still reports.
    assert_eq!(
        quotes("He met Smith, who argued that the plan would fail."),
        vec![q(Indirect, "the plan would fail", "Smith")]
    );
}

#[test]
fn a_quotation_in_a_headline_is_not_a_quote() {
    let text = "Zelensky: “We will not trade land for a ceasefire”\n\n\
                Ukrainian President Volodymyr Zelensky said on Wednesday that Kyiv would not give up territory.\n\n\
                “We will not trade land for a ceasefire. It is over.”";
    assert_eq!(
        quotes(text),
        vec![
            q(Indirect, "Kyiv would not give up territory", "Volodymyr Zelensky"),
            q(Direct, "We will not trade land for a ceasefire. It is over.", "Volodymyr Zelensky"),
        ]
    );
}

#[test]
fn the_person_quoted_as_saying_is_the_speaker() {
    assert_eq!(
        quotes("Kremlin aide Yuri Ushakov was quoted by the TASS news agency as saying that no date had been set."),
        vec![q(Indirect, "no date had been set", "Yuri Ushakov")]
    );
    assert_eq!(
        quotes("Interfax quoted Kremlin aide Yuri Ushakov as saying no date had been set."),
        vec![q(Indirect, "no date had been set", "Yuri Ushakov")]
    );
    // Past an apposition after the name.
    assert_eq!(
        quotes("TASS quoted Yuri Ushakov, Putin's foreign policy aide, as saying no date had been set."),
        vec![q(Indirect, "no date had been set", "Yuri Ushakov")]
    );
}

#[test]
fn a_named_organisation_before_an_apposition_speaks() {
    assert_eq!(
        quotes("Amnesty International, a rights group, said that the strikes were unlawful."),
        vec![q(Indirect, "the strikes were unlawful", "Amnesty International")]
    );
}

#[test]
fn a_reflexive_between_subject_and_verb_is_skipped() {
    assert_eq!(
        quotes("Kallas herself has warned that a bad deal would only invite further aggression."),
        vec![q(Indirect, "a bad deal would only invite further aggression", "Kallas")]
    );
}

#[test]
fn a_quotation_after_a_name_and_a_colon_is_the_named_persons() {
    let text = "Jacek Siewiera added that the decision was coordinated with NATO allies.\n\n\
                Prime Minister Donald Tusk: “We support every initiative that leads to a just peace.”";
    assert_eq!(
        quotes(text),
        vec![
            q(Indirect, "the decision was coordinated with NATO allies", "Jacek Siewiera"),
            q(Direct, "We support every initiative that leads to a just peace.", "Donald Tusk"),
        ]
    );
    assert_eq!(speakers("Tusk was blunt: “We will not send troops.”"), ["Tusk"]);
    // Not a label, and not a headline in title case.
    assert_eq!(speakers("The message was clear: “We will not yield to pressure from anyone.”"), [""]);
    assert!(
        quotes("Warren Hammers Wells Fargo CEO: ‘You Should Be Criminally Investigated.’")
            .iter()
            .all(|q| q.2.is_empty())
    );
}

#[test]
fn the_description_before_a_named_apposition_is_not_what_was_said() {
    assert!(
        quotes("The spokesman of the Kremlin, Dmitry Peskov, commented on the words of the Polish president.")
            .is_empty()
    );
    assert_eq!(
        quotes("The talks are over, the spokesman, Dmitry Peskov, said."),
        vec![q(Indirect, "The talks are over", "Dmitry Peskov")]
    );
}

#[test]
fn a_dash_after_a_full_stop_opens_a_reported_sentence() {
    // Translated copy marks speech with en dashes.
    assert_eq!(
        quotes("Dmitry Peskov commented on the talks. – This is the sovereign decision of Poland – Peskov noted."),
        vec![q(Indirect, "This is the sovereign decision of Poland", "Dmitry Peskov")]
    );
}

#[test]
fn relatives_speak_and_take_their_gender() {
    assert_eq!(
        quotes("His mother said the boy had been taken to Russia."),
        vec![q(Indirect, "the boy had been taken to Russia", "mother")]
    );
    assert_eq!(
        speakers(
            "“It will end this year,” said Marek Nowak. His wife, Anna, disagreed: “Nobody believes Putin anymore.”"
        ),
        ["Marek Nowak", "Anna"]
    );
}

#[test]
fn to_after_respond_or_reply_is_not_an_infinitive_report() {
    assert!(quotes("My son responds to music therapy.").is_empty());
    assert_eq!(
        quotes("Peskov responded that the proposal was unacceptable."),
        vec![q(Indirect, "the proposal was unacceptable", "Peskov")]
    );
}

#[test]
fn a_post_on_a_social_network_reports() {
    assert_eq!(
        quotes("Oman's foreign minister, Badr Albusaidi, posted on X that both sides had shown flexibility."),
        vec![q(Indirect, "both sides had shown flexibility", "Badr Albusaidi")]
    );
    assert!(quotes("The company posted a loss on Friday.").is_empty());
}

#[test]
fn a_dateline_of_two_places_is_not_content() {
    assert_eq!(
        quotes(
            "TEHRAN/WASHINGTON, June 3 (Reuters) - Iran will not hold direct talks, Foreign Minister Abbas Araqchi said."
        ),
        vec![q(Indirect, "Iran will not hold direct talks", "Abbas Araqchi")]
    );
}

#[test]
fn the_media_speak_as_a_group() {
    let text = "Russian state media reported that the Defence Ministry had destroyed 17 drones.";
    assert_eq!(quotes(text), vec![q(Indirect, "the Defence Ministry had destroyed 17 drones", "Russian state media")]);
    let a = run(text);
    assert_eq!((a.speakers[0].kind, a.speakers[0].affiliation.as_str()), (SpeakerKind::Group, "Russia"));
}

#[test]
fn a_possessor_after_of_belongs_to_the_description() {
    assert_eq!(
        speakers("The head of Russia's central bank said that inflation would slow."),
        ["head of Russia's central bank"]
    );
    assert_eq!(
        quotes(
            "The head of Ukraine's military intelligence, Kyrylo Budanov, said in an interview that he expected \
             fighting to intensify."
        ),
        vec![q(Indirect, "he expected fighting to intensify", "Kyrylo Budanov")]
    );
    let a = run("The head of Ukraine's military intelligence, Kyrylo Budanov, said that fighting would intensify.");
    assert_eq!(a.speakers[0].title, "head of Ukraine's military intelligence");
    assert_eq!(speakers("Russia's central bank said that inflation would slow."), ["Russia's central bank"]);
}

#[test]
fn an_institution_name_runs_over_for_the_and_of_the() {
    assert_eq!(
        speakers("According to the Institute for the Study of War, the offensive stalled."),
        ["Institute for the Study of War"]
    );
    assert_eq!(
        speakers("According to the Office of the President, the offensive stalled."),
        ["Office of the President"]
    );
    assert_eq!(speakers("According to the Ministry on Monday, the offensive stalled."), ["Ministry"]);
}

#[test]
fn a_dateline_before_a_participle_clause_is_not_its_subject() {
    assert_eq!(
        speakers(
            "KYIV — Ukraine on Tuesday dismissed a proposal from Moscow, calling it a cynical attempt to regroup."
        ),
        ["Ukraine"]
    );
}

#[test]
fn what_a_speaker_urges_someone_to_do_is_one_report() {
    assert_eq!(
        quotes("Erdogan urged Putin to declare a ceasefire."),
        vec![q(Indirect, "Putin to declare a ceasefire", "Erdogan")]
    );
    assert_eq!(
        quotes("Erdogan called on Putin to declare a ceasefire."),
        vec![q(Indirect, "Putin to declare a ceasefire", "Erdogan")]
    );
    assert_eq!(quotes("Trump took to Twitter to accuse Biden of lying."), vec![q(Indirect, "Biden of lying", "Trump")]);
}

#[test]
fn a_speech_verb_is_no_modifier_in_a_title() {
    let text = "In a statement, Turkey's presidency said President Tayyip Erdogan had urged Putin to declare a truce.";
    assert_eq!(
        quotes(text),
        vec![q(Indirect, "President Tayyip Erdogan had urged Putin to declare a truce", "Turkey's presidency")]
    );
    let text = "The ministry said President Tayyip Erdogan had urged Putin to declare a truce.";
    assert_eq!(speakers(text), ["ministry"]);
}

#[test]
fn a_cue_word_after_an_article_or_possessive_is_a_noun() {
    assert_eq!(
        quotes(
            "British Prime Minister Keir Starmer, who will host a video call with leaders on Saturday, urged Putin \
             to come to the table."
        ),
        vec![q(Indirect, "Putin to come to the table", "Keir Starmer")]
    );
    assert!(quotes("Tell me why I should pay an agent who makes money from my writing?").is_empty());
    // A singular subject takes the "-s" form or the past: still verbs.
    assert_eq!(speakers("The plant will close, a spokesman said."), ["a spokesman"]);
    assert_eq!(speakers("A spokesman says the plant will close."), ["A spokesman"]);
}

#[test]
fn a_fellow_of_an_institute_is_a_title() {
    let a = run("\"Both sides are positioning themselves,\" said Tatiana Stanovaya, a senior fellow at the center.");
    assert_eq!(a.speakers[0].title, "senior fellow at the center");
}

#[test]
fn a_document_released_by_someone_is_theirs() {
    assert_eq!(
        speakers("According to a readout released by the Turkish side, the next round could take place in June."),
        ["Turkish side"]
    );
    assert_eq!(
        speakers("According to a statement issued by the ministry, the next round could take place in June."),
        ["ministry"]
    );
    assert_eq!(speakers("According to a readout, the next round could take place in June."), ["readout"]);
}

#[test]
fn two_nationalities_joined_by_and_are_one_description() {
    assert_eq!(
        speakers(
            "Russian and Ukrainian negotiators failed to agree on a ceasefire but said they would swap prisoners."
        ),
        ["Russian and Ukrainian negotiators"]
    );
    assert_eq!(
        speakers("American and European officials said the talks had failed."),
        ["American and European officials"]
    );
}

#[test]
fn a_long_adverbial_after_a_report_ending_at_its_speaker_is_not_content() {
    assert_eq!(
        quotes(
            "Russia remains open to negotiations, but the West is not ready for an equal dialogue, Foreign Minister \
             Sergey Lavrov said at a press conference following talks with his Hungarian counterpart."
        ),
        vec![q(
            Indirect,
            "Russia remains open to negotiations, but the West is not ready for an equal dialogue",
            "Sergey Lavrov"
        )]
    );
}

#[test]
fn according_to_an_object_pronoun_or_a_possessed_description() {
    assert_eq!(
        quotes("Lavrov spoke in Moscow. According to him, any settlement must reflect the new realities."),
        vec![q(Indirect, "any settlement must reflect the new realities", "Lavrov")]
    );
    assert_eq!(speakers("Kallas spoke in Brussels. According to her, the talks failed."), ["Kallas"]);
    assert_eq!(speakers("According to his spokesman, the talks failed."), ["his spokesman"]);
}

#[test]
fn a_description_refers_back_not_to_a_name_later_in_its_sentence() {
    let text = "The Russian leader announced the truce at a meeting with army chief Valery Gerasimov on Saturday.";
    assert_eq!(speakers(text), ["Russian leader"]);
    let text = "Peskov spoke first. He said the truce would hold after a call with army chief Valery Gerasimov.";
    assert_eq!(speakers(text), ["Peskov"]);
}

#[test]
fn in_his_words_reports_for_the_possessor() {
    assert_eq!(
        quotes("Lavrov spoke in Moscow. In his words, the peace formula is a dead end."),
        vec![q(Indirect, "the peace formula is a dead end", "Lavrov")]
    );
    assert_eq!(speakers("Kallas spoke in Brussels. In her opinion, the talks failed."), ["Kallas"]);
    assert_eq!(speakers("In the words of Lavrov, the talks failed."), ["Lavrov"]);
}

#[test]
fn as_someone_put_it_reports_the_main_clause() {
    assert_eq!(
        quotes("Lavrov spoke in Moscow. As the diplomat put it, the Europeans are living in a parallel reality."),
        vec![q(Indirect, "the Europeans are living in a parallel reality", "Lavrov")]
    );
    assert_eq!(
        quotes("As Peskov noted in a statement to my colleague Michael Grynbaum in July, the talks are over."),
        vec![q(Indirect, "the talks are over", "Peskov")]
    );
    assert_eq!(quotes("\"It is over,\" as Peskov put it."), vec![q(Direct, "It is over,", "Peskov")]);
    assert!(quotes("He put it on the table and left.").is_empty());
}

#[test]
fn one_of_a_group_speaks_for_it() {
    assert_eq!(
        quotes("The measures would target tankers, one of the sources said."),
        vec![q(Indirect, "The measures would target tankers", "sources")]
    );
    assert_eq!(
        speakers("A person briefed on the talks said no decision had been made."),
        ["A person briefed on the talks"]
    );
}

#[test]
fn an_inverted_cue_after_a_dash_attributes_the_quote_before_it() {
    assert_eq!(
        quotes("Duda spoke. “Russia understands only the language of strength” – emphasized the president."),
        vec![q(Direct, "Russia understands only the language of strength", "Duda")]
    );
    assert_eq!(
        quotes(
            "– Putin does not want peace. He wants the whole of Ukraine – said Sikorski in an interview. – We must \
             support Kyiv for as long as it takes – he added."
        ),
        vec![
            q(Direct, "Putin does not want peace. He wants the whole of Ukraine", "Sikorski"),
            q(Direct, "We must support Kyiv for as long as it takes", "Sikorski"),
        ]
    );
}

#[test]
fn a_title_without_a_comma_before_a_given_name_is_a_persons() {
    let text = "The spokesman of the government Adam Szłapka informed that the prime minister will meet Zelensky.";
    let a = run(text);
    assert_eq!(quotes(text), vec![q(Indirect, "the prime minister will meet Zelensky", "Adam Szłapka")]);
    assert_eq!(
        (a.speakers[0].kind, a.speakers[0].title.as_str()),
        (SpeakerKind::Person, "spokesman of the government")
    );
    let a = run("A founder of the terrorist group ISIS said that the war would go on.");
    assert_eq!(a.speakers[0].kind, SpeakerKind::Organization);
}

#[test]
fn as_emphasized_by_names_a_source() {
    assert_eq!(
        quotes("Sikorski spoke. As emphasized by the minister, Poland will not send soldiers."),
        vec![q(Indirect, "Poland will not send soldiers", "Sikorski")]
    );
}

#[test]
fn countries_beyond_the_great_powers_are_places() {
    let a = run("Oman, which has mediated the talks, said it was working with both sides.");
    assert_eq!((a.speakers[0].name.as_str(), a.speakers[0].kind), ("Oman", SpeakerKind::Organization));
    let a = run("Egyptian Foreign Minister Sameh Shoukry said the crossing would stay open.");
    assert_eq!(a.speakers[0].affiliation, "Egypt");
    let a = run("An Iraqi official in Baghdad said the sites were off limits.");
    assert_eq!(a.speakers[0].affiliation, "Iraq");
}

#[test]
fn a_modified_venue_after_told_is_no_content() {
    assert_eq!(
        quotes("Baghaei told a weekly news conference: “We have not received any new proposal.”"),
        vec![q(Direct, "We have not received any new proposal.", "Baghaei")]
    );
}

#[test]
fn a_role_of_a_named_institution_is_one_title() {
    let a = run("Andriy Yermak, head of the President's Office, said the talks would resume.");
    assert_eq!(a.speakers[0].title, "head of the President's Office");
    assert_eq!(
        speakers("According to a member of the Security Council, the talks would resume."),
        ["a member of the Security Council"]
    );
    // A name that goes on past the institution word stays out of the title.
    let a = run("Richard Revesz, director of the Institute for Policy Integrity at NYU, said the rule would stand.");
    assert_eq!(a.speakers[0].title, "director");
}

#[test]
fn a_note_from_the_author_is_boilerplate() {
    assert!(quotes("Note from the author: I am the reporter who said this article would be free.").is_empty());
}

#[test]
fn armed_groups_and_news_outlets_are_organisations() {
    for text in [
        "Hamas said Monday it had accepted a ceasefire proposal.",
        "Politico reported that the talks had stalled.",
        "RT said the network was no more biased than others.",
    ] {
        let a = run(text);
        assert_eq!(a.speakers[0].kind, SpeakerKind::Organization, "{text}");
    }
}

#[test]
fn a_cue_and_colon_ending_a_paragraph_introduce_the_next_quotation() {
    assert_eq!(
        quotes("Maria Zakharova wrote on Telegram:\n\n‘The Europeans are once again trying to prolong the war.’"),
        vec![q(Direct, "The Europeans are once again trying to prolong the war.", "Maria Zakharova")]
    );
    assert_eq!(
        quotes(
            "Speaking at a press conference in London, Zelensky said:\n\n‘We will never give our land to the \
             occupiers.’"
        ),
        vec![q(Direct, "We will never give our land to the occupiers.", "Zelensky")]
    );
}

#[test]
fn a_participle_of_speaking_after_a_report_is_not_content() {
    assert_eq!(
        quotes("Zelensky said Ukraine would never recognise the occupation, speaking after talks in London."),
        vec![q(Indirect, "Ukraine would never recognise the occupation", "Zelensky")]
    );
}

#[test]
fn a_verb_of_judging_reports_only_with_as() {
    assert_eq!(
        quotes("Tykhyi dismissed the remarks as “propaganda”."),
        vec![q(Mixed, "the remarks as “propaganda”", "Tykhyi")]
    );
    assert_eq!(
        quotes("Kyiv rejected the proposal as a ploy to regroup."),
        vec![q(Indirect, "the proposal as a ploy to regroup", "Kyiv")]
    );
    assert!(quotes("The president dismissed the minister on Friday.").is_empty());
    assert!(quotes("Kyiv welcomed the decision.").is_empty());
}

#[test]
fn a_determined_name_before_an_auxiliary_is_the_reports_subject() {
    assert_eq!(
        quotes("Kremlin spokesman Dmitry Peskov told reporters the West was “playing with fire.”"),
        vec![q(Mixed, "the West was “playing with fire.”", "Dmitry Peskov")]
    );
    assert_eq!(
        quotes("Peskov told the Associated Press the talks were over."),
        vec![q(Indirect, "the talks were over", "Peskov")]
    );
}

#[test]
fn hyphenated_roles_are_titles() {
    let a = run("NATO Secretary-General Mark Rutte warned that allies must prepare for a long war.");
    assert_eq!((a.speakers[0].name.as_str(), a.speakers[0].title.as_str()), ("Mark Rutte", "NATO Secretary-General"));
}

#[test]
fn a_quotation_labelled_quote_continues_the_lead_report() {
    let text = "Zelensky has stated that he is ready to meet Putin.\n\nSource: Zelensky at a press conference\n\n\
                Quote: “I am ready for any format. But first, the killing must stop.”";
    assert_eq!(
        quotes(text),
        vec![
            q(Indirect, "he is ready to meet Putin", "Zelensky"),
            q(Direct, "I am ready for any format. But first, the killing must stop.", "Zelensky"),
        ]
    );
}

#[test]
fn a_month_after_a_cue_is_no_modal() {
    assert_eq!(
        quotes("“We are ready,” Andriy Yermak said on May 17 in Kyiv."),
        vec![q(Direct, "We are ready,", "Andriy Yermak")]
    );
    assert_eq!(
        quotes("“We are ready,” Andriy Yermak, head of the office, said on May 17."),
        vec![q(Direct, "We are ready,", "Andriy Yermak")]
    );
}

#[test]
fn a_clause_before_that_belongs_to_the_content() {
    assert_eq!(
        quotes("Peskov said Putin had told Erdogan that talks were possible."),
        vec![q(Indirect, "Putin had told Erdogan that talks were possible", "Peskov")]
    );
    assert_eq!(
        quotes("Subcontractors said they were told that orders would be delayed."),
        vec![q(Indirect, "they were told that orders would be delayed", "Subcontractors")]
    );
    // An adjunct before the "that" is no part of it, and a participle cue
    // is followed by the main verb.
    assert_eq!(
        quotes("Lavrov said in an interview on Monday that the talks were over."),
        vec![q(Indirect, "the talks were over", "Lavrov")]
    );
    assert_eq!(
        quotes("A CBS News report citing Jordanian sources said that the message called for talks."),
        vec![q(Indirect, "the message called for talks", "CBS News report")]
    );
}

#[test]
fn an_outlet_reports_after_the_report() {
    assert_eq!(
        quotes("The Russian army lost 1,200 soldiers over the past day, reports Ukrinform."),
        vec![q(Indirect, "The Russian army lost 1,200 soldiers over the past day", "Ukrinform")]
    );
    assert_eq!(
        quotes("Talks will resume next week, the Kyiv Independent reports."),
        vec![q(Indirect, "Talks will resume next week", "Kyiv Independent")]
    );
    // Another cue names the speaker: the outlet only relays, and bounds it.
    let text = "The participants said in a joint statement that talks must resume, Ukrinform reports.";
    assert_eq!(quotes(text), vec![q(Indirect, "talks must resume", "participants")]);
    assert!(run(text).speakers.iter().all(|s| s.name != "Ukrinform"));
    assert_eq!(
        quotes("Kyiv dismissed the plan as a trap, reports Ukrinform."),
        vec![q(Indirect, "the plan as a trap", "Kyiv")]
    );
    // Elsewhere "reports" is the noun.
    assert!(quotes("Media reports of the talks were denied.").is_empty());
    assert_eq!(
        quotes("The talks stalled, media reports said."),
        vec![q(Indirect, "The talks stalled", "media reports")]
    );
}

#[test]
fn a_known_outlet_named_after_a_city_is_one_name() {
    assert_eq!(speakers("Talks will resume next week, the Kyiv Post reported."), vec!["Kyiv Post"]);
    assert_eq!(speakers("The Moscow Times reported that talks will resume."), vec!["Moscow Times"]);
}

#[test]
fn a_short_quotation_before_the_speaker_beats_an_adjunct_after_the_cue() {
    assert_eq!(
        quotes("“We will see,” Trump told reporters aboard Air Force One when asked about sanctions."),
        vec![q(Direct, "We will see,", "Trump")]
    );
    assert_eq!(quotes("“No,” Peskov said when asked whether talks would resume."), vec![q(Direct, "No,", "Peskov")]);
}

#[test]
fn the_quoting_source_is_no_part_of_the_quotation() {
    assert_eq!(
        quotes("“There will be no truce,” the statement quoted Shoigu as saying."),
        vec![q(Direct, "There will be no truce,", "Shoigu")]
    );
    assert_eq!(
        quotes("The talks are over, RIA Novosti quoted Lavrov as saying."),
        vec![q(Indirect, "The talks are over", "Lavrov")]
    );
}

#[test]
fn an_inverted_description_gives_way_to_the_name_after_it() {
    let a = run("“They want a pause to rearm,” said one Russian lawmaker, Leonid Slutsky.");
    assert_eq!(a.speakers.len(), 1);
    assert_eq!(a.quotes[0].speaker, Some(0));
    let s = &a.speakers[0];
    assert_eq!(
        (s.name.as_str(), s.title.as_str(), s.affiliation.as_str()),
        ("Leonid Slutsky", "Russian lawmaker", "Russia")
    );
    let a =
        run("“They want a pause,” said the head of the Duma's foreign affairs committee, Leonid Slutsky, on Tuesday.");
    assert_eq!(a.speakers.len(), 1);
    assert_eq!(
        (a.speakers[0].name.as_str(), a.speakers[0].title.as_str()),
        ("Leonid Slutsky", "head of the Duma's foreign affairs committee")
    );
}

#[test]
fn a_place_possessive_before_a_name_is_its_affiliation() {
    let a = run("Hungary's Orban, a longtime critic of aid to Kyiv, called the plan “a step towards peace”.");
    assert_eq!(
        (a.speakers[0].name.as_str(), a.speakers[0].title.as_str(), a.speakers[0].affiliation.as_str()),
        ("Orban", "", "Hungary")
    );
    // Also when the name is read only in passing.
    let a = run("The king carried a message from Iraq's Saddam, with whom he met. Saddam said the talks were over.");
    assert_eq!((a.speakers[0].name.as_str(), a.speakers[0].affiliation.as_str()), ("Saddam", "Iraq"));
}

#[test]
fn the_military_speaks_as_an_organisation() {
    assert_eq!(
        quotes("The Israeli military said in a statement that it had struck targets in Rafah."),
        vec![q(Indirect, "it had struck targets in Rafah", "Israeli military")]
    );
    assert_eq!(run("The military said the strikes would go on.").speakers[0].kind, SpeakerKind::Organization);
    assert_eq!(
        speakers(
            "A military spokesman said the strikes would go on. Russian military bloggers said the attack failed."
        ),
        vec!["A military spokesman", "Russian military bloggers"]
    );
}

#[test]
fn a_clause_before_a_subordinate_speaker_is_not_its_report() {
    assert!(
        quotes("Ukrainian forces pressed on in the east, while the Kremlin responds with missile strikes.").is_empty()
    );
    assert!(
        quotes("Ukrainian forces pressed on in the east, while Moscow's military responds with missile strikes.")
            .is_empty()
    );
    // Without the conjunction the clause before a trailing cue is reported.
    assert_eq!(
        quotes("“Ukrainian forces pressed on,” the military responded."),
        vec![q(Direct, "Ukrainian forces pressed on,", "military")]
    );
}

#[test]
fn a_belief_inside_a_sourced_report_is_the_sources_content() {
    let text = "According to political analyst Tatiana Stanovaya, the Kremlin believes time is on its side.";
    assert_eq!(quotes(text), [q(Indirect, "the Kremlin believes time is on its side", "Tatiana Stanovaya")]);
    let text = "In her view, Moscow wants a ceasefire only on its terms, Stanovaya said.";
    assert_eq!(speakers(text), ["Stanovaya"]);
    // Without a source, a reported belief is the believer's.
    let text = "The Kremlin believes time is on its side.";
    assert_eq!(quotes(text), [q(Indirect, "time is on its side", "Kremlin")]);
}

#[test]
fn a_belief_before_a_closing_attribution_is_the_attributed_content() {
    let text = "Moscow believes that time is on its side, Stanovaya said.";
    assert_eq!(quotes(text), [q(Indirect, "Moscow believes that time is on its side", "Stanovaya")]);
    // A belief in a clause of its own stays the believer's.
    let text = "Putin believes talks are futile, and Lavrov said the West was lying.";
    assert_eq!(speakers(text), ["Putin", "Lavrov"]);
}

#[test]
fn a_report_of_this_or_so_points_back_and_reports_nothing() {
    assert!(quotes("Zelensky said this in a statement, Ukrinform reports.").is_empty());
    assert!(quotes("Zelensky stated this during a press conference with Donald Tusk in Kyiv.").is_empty());
    assert_eq!(speakers("“We are ready,” Peskov said. He said so again on Monday."), ["Peskov"]);
    // "this" opening the reported clause, or a time adjunct, is no pointer.
    assert_eq!(quotes("Peskov said this was a mistake."), [q(Indirect, "this was a mistake", "Peskov")]);
    assert_eq!(
        quotes("Peskov said this week that talks were possible."),
        [q(Indirect, "talks were possible", "Peskov")]
    );
}

#[test]
fn a_titled_name_of_a_place_is_the_person() {
    let text = "“This is not a blank check,” said Sen. John Thune of South Dakota, the chamber's No. 2 Republican.";
    assert_eq!(speakers(text), ["John Thune"]);
    assert_eq!(speakers("Rep. Adam Schiff of California said the vote was a mistake."), ["Adam Schiff"]);
    // A role word or an institution before "of" is not a name.
    assert_eq!(speakers("Secretary of State Antony Blinken said talks were over."), ["Antony Blinken"]);
    assert_eq!(speakers("Bank of America said rates would rise."), ["Bank of America"]);
}

#[test]
fn plural_office_holders_speak_as_a_group() {
    let a = run("Republican senators insist that any new money must be paired with border measures.");
    let who: Vec<_> = a.speakers.iter().map(|s| (s.name.as_str(), s.kind)).collect();
    assert_eq!(who, [("Republican senators", SpeakerKind::Group)]);
    assert_eq!(speakers("Both presidents expressed their desire to continue the talks."), ["presidents"]);
}

#[test]
fn military_ranks_abbreviated_stay_in_the_title() {
    let a = run("Pentagon spokesman Maj. Gen. Pat Ryder said the money was gone.");
    let who: Vec<_> = a.speakers.iter().map(|s| (s.name.as_str(), s.title.as_str())).collect();
    assert_eq!(who, [("Pat Ryder", "Pentagon spokesman Maj. Gen.")]);
    let a = run("Rear Adm. John Kirby said the call was improper.");
    assert_eq!(a.speakers.first().map(|s| s.title.as_str()), Some("Rear Adm."));
}

#[test]
fn a_republic_in_a_title_is_no_part_of_the_name() {
    let text = "Head of the Donetsk People's Republic Denis Pushilin wrote that Gorlovka had been shelled.";
    let a = run(text);
    let who: Vec<_> = a.speakers.iter().map(|s| (s.name.as_str(), s.title.as_str())).collect();
    assert_eq!(who, [("Denis Pushilin", "Head of the Donetsk People's Republic")]);
}

#[test]
fn a_deputy_is_a_person_before_a_name_or_alone() {
    let a = run("Lavrov's deputy, Sergei Ryabkov, said the talks had stalled.");
    let who: Vec<_> = a.speakers.iter().map(|s| (s.name.as_str(), s.title.as_str())).collect();
    assert_eq!(who, [("Sergei Ryabkov", "Lavrov's deputy")]);
    assert_eq!(speakers("Lavrov's deputy Sergei Ryabkov said the talks had stalled."), ["Sergei Ryabkov"]);
}

#[test]
fn intelligence_services_and_analysts_findings_speak() {
    assert_eq!(
        quotes("Ukrainian intelligence said that Russia was preparing a new offensive."),
        [q(Indirect, "Russia was preparing a new offensive", "Ukrainian intelligence")]
    );
    assert_eq!(
        speakers("Western intelligence agencies say Russia is preparing an offensive."),
        ["Western intelligence agencies"]
    );
    assert_eq!(
        quotes("The Institute for the Study of War assessed that Russia is unlikely to agree."),
        [q(Indirect, "Russia is unlikely to agree", "Institute for the Study of War")]
    );
}

#[test]
fn citing_a_source_reports_nothing_and_a_participle_reports_what_follows() {
    let text = "According to Reuters, citing three sources, the talks could resume next week.";
    assert_eq!(quotes(text), [q(Indirect, "the talks could resume next week", "Reuters")]);
    let text = "The talks could resume next week, Reuters reported, citing three sources.";
    assert_eq!(quotes(text), [q(Indirect, "The talks could resume next week", "Reuters")]);
    let text = "The ministry canceled the visit, citing security concerns.";
    assert_eq!(quotes(text), [q(Indirect, "security concerns", "ministry")]);
}

#[test]
fn countries_speak_past_a_list_of_members_but_not_in_a_relative_clause() {
    let text = "Several countries, including Turkey, said they were ready to host talks.";
    assert_eq!(quotes(text), [q(Indirect, "they were ready to host talks", "countries")]);
    let text = "European leaders, including Macron and Merz, said that Russia must accept the ceasefire.";
    assert_eq!(speakers(text), ["European leaders"]);
    let text = "Blinken said the crisis could undercut the order that the Quad countries have vowed to uphold.";
    assert_eq!(speakers(text), ["Blinken"]);
}

#[test]
fn a_description_with_a_posting_before_a_named_apposition() {
    let text = "Russia's envoy to the UN, Vassily Nebenzia, told the Security Council that Moscow was ready.";
    assert_eq!(speakers(text), ["Vassily Nebenzia"]);
    let text = "An adviser to Zelensky, Mykhailo Podolyak, said talks were possible.";
    assert_eq!(speakers(text), ["Mykhailo Podolyak"]);
}

#[test]
fn an_inverted_speaker_with_a_possessor_and_plain_modifiers() {
    let text = "“It’s the formula we’re discussing,” said Ukraine’s human rights commissioner Dmytro Lubinets.";
    let a = run(text);
    let who: Vec<_> = a.speakers.iter().map(|s| (s.name.as_str(), s.title.as_str())).collect();
    assert_eq!(who, [("Dmytro Lubinets", "Ukraine’s human rights commissioner")]);
    assert_eq!(a.quotes.len(), 1);
}

#[test]
fn an_inverted_description_with_a_possessor_after_of() {
    let text = "“We will respond,” said the commander of Ukraine’s ground forces, Mykhailo Drapatyi.";
    let a = run(text);
    let who: Vec<_> = a.speakers.iter().map(|s| (s.name.as_str(), s.title.as_str())).collect();
    assert_eq!(who, [("Mykhailo Drapatyi", "commander of Ukraine’s ground forces")]);
}

#[test]
fn a_speech_verb_after_a_catenative_is_the_subjects_report() {
    let text = "The ministry continues to insist that its troops were not involved.";
    assert_eq!(quotes(text), [q(Indirect, "its troops were not involved", "ministry")]);
    let text = "Moscow was quick to deny that its troops were involved.";
    assert_eq!(quotes(text), [q(Indirect, "its troops were involved", "Moscow")]);
    // Declining to speak reports nothing.
    let text = "Peskov declined to say whether the talks would resume.";
    assert_eq!(quotes(text), []);
}

#[test]
fn a_floating_quantifier_between_the_subject_and_the_verb() {
    let text = "Senators Jeff Merkley and Sherrod Brown all suggested that the claims were grounds for a case.";
    assert_eq!(speakers(text), ["Sherrod Brown"]);
    let text = "The two leaders both said the talks were useful.";
    assert_eq!(quotes(text), [q(Indirect, "the talks were useful", "leaders")]);
    // After the verb it is content.
    let text = "Peskov said all options were on the table.";
    assert_eq!(quotes(text), [q(Indirect, "all options were on the table", "Peskov")]);
}

#[test]
fn a_ruling_reports_what_was_ruled() {
    let text = "The appeals court ruled that the state's practices were unlawful.";
    assert_eq!(quotes(text), [q(Indirect, "the state's practices were unlawful", "appeals court")]);
    // Not the noun "rules" before a relative clause.
    let text = "Officials drafted rules that could close hundreds of plants.";
    assert_eq!(quotes(text), []);
}

#[test]
fn the_content_starts_at_the_that_after_an_aside() {
    let text = "Peskov said, however, that the talks were over.";
    assert_eq!(quotes(text), [q(Indirect, "the talks were over", "Peskov")]);
    let text = "The nominee insisted, most recently in an interview with ABC News, that he wants to release his taxes.";
    assert_eq!(quotes(text), [q(Indirect, "he wants to release his taxes", "nominee")]);
    // A relative "that" after the aside is not the content's start.
    let text = "Peskov said, referring to the summit, that was held in May, nothing.";
    assert!(quotes(text).iter().all(|(_, t, _)| !t.starts_with("was held")));
}

#[test]
fn an_agency_citing_a_person_as_saying_gives_the_person() {
    let text =
        "Russia’s RIA news agency cited Kremlin aide Yuri Ushakov as saying that Moscow had not received the plan.";
    assert_eq!(quotes(text), [q(Indirect, "Moscow had not received the plan", "Yuri Ushakov")]);
}

#[test]
fn a_report_citing_a_person_as_saying_gives_the_person() {
    let text = "“The plan is a basis for talks,” RIA Novosti reported, citing Kremlin aide Yuri Ushakov as saying.";
    assert_eq!(quotes(text), [q(Direct, "The plan is a basis for talks,", "Yuri Ushakov")]);
    let text = "The plan is a basis for talks, the agency said, quoting Ushakov as saying.";
    assert_eq!(quotes(text), [q(Indirect, "The plan is a basis for talks", "Ushakov")]);
    let text = "RIA Novosti reported, citing Ushakov as saying, that the plan was a basis for talks.";
    assert_eq!(quotes(text), [q(Indirect, "the plan was a basis for talks", "Ushakov")]);
    // Citing sources without their words keeps the report: see
    // `citing_a_source_reports_nothing_and_a_participle_reports_what_follows`.
}

#[test]
fn a_fear_with_a_that_clause_is_reported() {
    let text = "European diplomats privately fear that the plan rewards aggression.";
    assert_eq!(quotes(text), [q(Indirect, "the plan rewards aggression", "European diplomats")]);
    assert_eq!(quotes("There is fear that the talks will fail."), []);
}

#[test]
fn coordinated_subjects_end_the_report_before_the_first() {
    let text = "The talks will resume next week, White House and Republican sources said Monday.";
    assert_eq!(quotes(text), [q(Indirect, "The talks will resume next week", "Republican sources")]);
    // The first subject is no report.
    let text = "Neither the Kremlin nor the State Department responded to requests for comment.";
    assert_eq!(quotes(text), []);
}

#[test]
fn a_participle_after_and_goes_on_from_the_cue_before() {
    let text = "Russia rejected the plan, with Kremlin spokesman Dmitry Peskov dismissing it as “unacceptable” and saying Moscow would not halt its offensive.";
    assert_eq!(speakers(text), ["Dmitry Peskov", "Dmitry Peskov"]);
}

#[test]
fn a_description_with_a_nationality_refers_to_a_speaker_of_that_country() {
    let text = "Lavrov met Turkish Foreign Minister Hakan Fidan. Then Russian Foreign Minister Sergey Lavrov spoke. \
                The Turkish foreign minister said Ankara was ready.";
    assert_eq!(speakers(text), ["Hakan Fidan"]);
    // "counterpart" is a role: it gives a title and a country.
    let text = "Lavrov met his Turkish counterpart Hakan Fidan. “We are ready,” Fidan said. \
                The Turkish foreign minister said Ankara would host the talks.";
    let a = run(text);
    let fidan = a.speakers.iter().find(|s| s.name == "Hakan Fidan").map(|s| (s.title.as_str(), s.affiliation.as_str()));
    assert_eq!(fidan, Some(("Turkish counterpart", "Turkey")));
    assert_eq!(speakers(text), ["Hakan Fidan", "Hakan Fidan"]);
}

#[test]
fn a_paragraph_after_said_colon_without_marks_is_a_block_quotation() {
    let text = "Writing on Telegram, Umerov said:\n\nWe have made significant progress. The next steps will be agreed.\n\nTalks resume on Monday.";
    assert_eq!(
        quotes(text),
        [q(Indirect, "We have made significant progress. The next steps will be agreed.", "Umerov")]
    );
    // Marks make it direct, as before.
    let text = "Umerov said:\n\n“We have made significant progress.”";
    assert_eq!(quotes(text), [q(Direct, "We have made significant progress.", "Umerov")]);
    // Not a short line, nor a paragraph further on.
    assert_eq!(quotes("Umerov said:\n\nThank you.\n\nWe have made significant progress here."), []);
}

#[test]
fn a_spokesman_for_an_organisation_is_one_speaker() {
    let text = "“It’s too early to say,” a spokesperson for the European Commission told Euronews.";
    assert_eq!(quotes(text), [q(Direct, "It’s too early to say,", "a spokesperson for the European Commission")]);
    let text = "“We are ready,” said a spokesman for the Kremlin on Monday.";
    let a = run(text);
    let who: Vec<_> = a.speakers.iter().map(|s| (s.name.as_str(), s.title.as_str(), s.affiliation.as_str())).collect();
    assert_eq!(who, [("a spokesman for the Kremlin", "spokesman for the Kremlin", "Russia")]);
    // A person spoken for is no title's name: the lawyer speaks.
    let text = "A lawyer for Mr. Trump said the case was closed.";
    let a = run(text);
    let who: Vec<_> = a.speakers.iter().map(|s| (s.name.as_str(), s.title.as_str())).collect();
    assert_eq!(who, [("A lawyer for Mr. Trump", "lawyer for Mr. Trump")]);
}

#[test]
fn an_organisation_in_a_named_place_is_the_speaker() {
    let text = "The foreign ministry in Beijing said it firmly opposes the sanctions.";
    let a = run(text);
    let who: Vec<_> = a.speakers.iter().map(|s| (s.name.as_str(), s.affiliation.as_str())).collect();
    assert_eq!(who, [("foreign ministry in Beijing", "China")]);
    // Not a named organisation before "in" and a phrase that is no place.
    let text = "The participants in the Crimea Platform in a joint statement called on Russia to withdraw.";
    assert_eq!(speakers(text), ["participants in the Crimea Platform"]);
}

#[test]
fn a_name_in_apposition_to_a_subject_description_is_a_person_for_later_pronouns() {
    let text = "Her neighbour, Serhiy, disagrees. “People are tired,” he tells me.";
    assert_eq!(speakers(text), ["Serhiy"]);
    // Only right after the description: not a place further on.
    let text = "The vice presidential nominee was speaking Friday in Fort Wayne, Indiana, on Friday. \
                The Indiana governor said the media were to blame.";
    assert!(run(text).speakers.iter().all(|s| s.name != "Indiana"));
}

#[test]
fn a_programme_title_in_the_adjunct_is_not_the_content() {
    let text = "Robby Mook said on CNN’s “State of the Union” that Trump was unfit.";
    assert_eq!(quotes(text), [q(Indirect, "Trump was unfit", "Robby Mook")]);
    let text = "Lavrov told NBC’s “Meet the Press” that Moscow was ready.";
    assert_eq!(quotes(text), [q(Indirect, "Moscow was ready", "Lavrov")]);
}

#[test]
fn speech_cues_of_other_languages_attribute_quotes() {
    let cases = [
        ("«Мы готовы к переговорам», — заявил Песков журналистам.", Direct, "Мы готовы к переговорам", "Песков"),
        ("Песков заявил, что Москва готова к переговорам.", Indirect, "Москва готова к переговорам", "Песков"),
        ("По словам Пескова, Москва готова к переговорам.", Indirect, "Москва готова к переговорам", "Пескова"),
        ("За словами Зеленського, Україна готова.", Indirect, "Україна готова", "Зеленського"),
        (
            "«Ми готові до переговорів», – заявив Зеленський журналістам.",
            Direct,
            "Ми готові до переговорів",
            "Зеленський",
        ),
        ("Зеленський заявив, що Україна готова.", Indirect, "Україна готова", "Зеленський"),
        ("„Wir sind bereit“, sagte Scholz.", Direct, "Wir sind bereit", "Scholz"),
        ("Scholz sagte, dass Deutschland bereit sei.", Indirect, "Deutschland bereit sei", "Scholz"),
        ("« Nous sommes prêts », a déclaré Macron.", Direct, "Nous sommes prêts", "Macron"),
        ("Macron a déclaré que la France était prête.", Indirect, "la France était prête", "Macron"),
        ("Selon Macron, la France est prête.", Indirect, "la France est prête", "Macron"),
        ("“Estamos listos”, dijo Sánchez.", Direct, "Estamos listos", "Sánchez"),
        ("Sánchez dijo que España estaba lista.", Indirect, "España estaba lista", "Sánchez"),
    ];
    for (text, kind, content, who) in cases {
        assert_eq!(quotes(text), [q(kind, content, who)], "{text}");
    }
    // The English "that" after a comma still goes on from before the cue.
    let text = "The pollution had become so bad, Mr. Obama noted, that the embassy's monitor was the most-read page.";
    assert!(quotes(text).iter().all(|(_, t, _)| !t.starts_with("the embassy")));
}

#[test]
fn an_object_before_its_infinitive_is_no_inverted_speaker() {
    let text = "The letter, signed by 40 senators, urged the administration to act.";
    assert!(speakers(text).iter().all(|who| who != "administration"));
    // The subject stands before the participle aside.
    assert_eq!(quotes(text), [q(Indirect, "the administration to act", "letter")]);
    let text = "“We are ready,” said Peskov to reporters.";
    assert_eq!(speakers(text), ["Peskov"]);
}

#[test]
fn the_leaders_of_listed_countries_are_one_group() {
    let text = "In a joint statement, the leaders of France, Germany and Britain said they backed Ukraine.";
    let a = run(text);
    let who: Vec<_> = a.speakers.iter().map(|s| (s.name.as_str(), s.affiliation.as_str(), s.kind)).collect();
    assert_eq!(who, [("leaders of France, Germany and Britain", "", SpeakerKind::Group)]);
    let text = "The leaders of France said they backed Ukraine.";
    let a = run(text);
    let who: Vec<_> = a.speakers.iter().map(|s| (s.name.as_str(), s.affiliation.as_str())).collect();
    assert_eq!(who, [("leaders of France", "France")]);
    // A person's role before "of" and a name: the holder of the post.
    assert_eq!(speakers("The director of AROS said the plan worked."), ["director of AROS"]);
}

#[test]
fn a_capitalised_subject_after_the_addressee_starts_the_content() {
    let text = "Putin told reporters Russia was ready.";
    assert_eq!(quotes(text), [q(Indirect, "Russia was ready", "Putin")]);
    let text = "Peskov told RIA Novosti Moscow was ready.";
    assert_eq!(quotes(text), [q(Indirect, "Moscow was ready", "Peskov")]);
    let text = "Peskov told Fox News Digital the talks were useful.";
    assert_eq!(quotes(text), [q(Indirect, "the talks were useful", "Peskov")]);
}

#[test]
fn a_quantity_after_the_cue_is_content_not_an_adverbial() {
    let text = "Ukrainian officials said at least 26 people were killed.";
    assert_eq!(quotes(text), [q(Indirect, "at least 26 people were killed", "Ukrainian officials")]);
    let text = "The ministry said over 100 drones were shot down.";
    assert_eq!(quotes(text), [q(Indirect, "over 100 drones were shot down", "ministry")]);
    // A place or an occasion still is an adverbial.
    assert_eq!(quotes("Peskov said at the Kremlin."), []);
}

#[test]
fn a_short_quoted_sentence_after_a_quote_goes_on_in_its_paragraph() {
    let text = "“I think we’re close,” Witkoff said of the talks. “Very close.”";
    assert_eq!(speakers(text), ["Witkoff", "Witkoff"]);
    // Not in the next paragraph.
    let text = "“I think we’re close,” Witkoff said of the talks.\n\n“Very close.”";
    assert_eq!(speakers(text), ["Witkoff"]);
}

#[test]
fn his_office_is_named_after_the_person() {
    let text =
        "Ukrainian President Volodymyr Zelensky met the envoys on Monday. His office said the talks were constructive.";
    let a = run(text);
    check_invariants(text, &a);
    let office = a.quotes[0].speaker.map(|s| &a.speakers[s]);
    assert_eq!(office.map(|s| s.name.as_str()), Some("Volodymyr Zelensky's office"));
    assert_eq!(office.map(|s| s.affiliation.as_str()), Some("Ukraine"));
    assert_eq!(office.map(|s| s.kind), Some(SpeakerKind::Organization));
    // "her" does not fit a man; an owner of unknown gender is not guessed.
    let text = "Volodymyr Zelensky met the envoys on Monday. Her office said the talks were constructive.";
    assert_eq!(quotes(text), [q(Indirect, "the talks were constructive", "office")]);
    let text = "Dr. Oz met the envoys on Monday. Her campaign said the talks were constructive.";
    assert_eq!(quotes(text), [q(Indirect, "the talks were constructive", "campaign")]);
}

#[test]
fn manner_and_time_adverbs_stand_before_the_verb() {
    let text = "Moscow has consistently denied targeting civilians.";
    assert_eq!(quotes(text), [q(Indirect, "targeting civilians", "Moscow")]);
    let text = "Kyiv has long argued that sanctions must stay.";
    assert_eq!(quotes(text), [q(Indirect, "sanctions must stay", "Kyiv")]);
    let text = "The ministry still insists that the strike hit a military target.";
    assert_eq!(quotes(text), [q(Indirect, "the strike hit a military target", "ministry")]);
    let text = "Economists largely agree that the president cannot fire the Fed chair.";
    assert_eq!(quotes(text), [q(Indirect, "the president cannot fire the Fed chair", "Economists")]);
    // After the verb, an adverb before a gerund is the content's.
    let text = "Trump has also called for immediately deducting capital investments.";
    assert_eq!(quotes(text), [q(Indirect, "immediately deducting capital investments", "Trump")]);
}

#[test]
fn saying_nothing_about_something_reports_nothing() {
    assert_eq!(quotes("Officials have said little about the timing of the talks."), []);
    assert_eq!(quotes("The Kremlin said nothing about the proposal."), []);
    let text = "The talks are over, Peskov said, adding nothing about the timing.";
    assert_eq!(quotes(text), [q(Indirect, "The talks are over", "Peskov")]);
    // A quantity is content.
    let text = "Officials said little progress had been made.";
    assert_eq!(quotes(text), [q(Indirect, "little progress had been made", "Officials")]);
}

#[test]
fn a_document_issued_by_someone_speaks_for_them() {
    let text = "The statement, issued by the foreign ministry, said the talks were over.";
    assert_eq!(quotes(text), [q(Indirect, "the talks were over", "foreign ministry")]);
    let text = "The report, published by the Institute for the Study of War, said Russian forces had advanced.";
    assert_eq!(quotes(text), [q(Indirect, "Russian forces had advanced", "Institute for the Study of War")]);
    // Without its issuer, the document itself.
    let text = "The statement, issued on Monday, said the talks were over.";
    assert_eq!(quotes(text), [q(Indirect, "the talks were over", "statement")]);
}

#[test]
fn a_writers_aside_after_a_report_is_not_reported() {
    let text = "Russia said it had shot down 40 drones overnight, a claim that could not be independently verified.";
    assert_eq!(quotes(text), [q(Indirect, "it had shot down 40 drones overnight", "Russia")]);
    let text = "The ministry said it had sent a team, a move that angered Moscow.";
    assert_eq!(quotes(text), [q(Indirect, "it had sent a team", "ministry")]);
    let text = "Merz said Europe must be at the table, a view shared by French President Emmanuel Macron.";
    assert_eq!(quotes(text), [q(Indirect, "Europe must be at the table", "Merz")]);
    let text = "Washington demanded that Iran halt all enrichment, a position Tehran has repeatedly rejected.";
    assert_eq!(quotes(text), [q(Indirect, "Iran halt all enrichment", "Washington")]);
    let text = "Russia said it had downed 40 drones, a figure the Ukrainian military disputes.";
    assert_eq!(quotes(text), [q(Indirect, "it had downed 40 drones", "Russia")]);
    let text = "Putin said some leaders lacked courage, an apparent reference to Macron.";
    assert_eq!(quotes(text), [q(Indirect, "some leaders lacked courage", "Putin")]);
    let text = "The board wrote that the nominee was “unfit for the job,” a rare rebuke from the paper.";
    assert_eq!(quotes(text), [q(Mixed, "the nominee was “unfit for the job,”", "board")]);
    // An apposition inside the report stays.
    let text = "The ministry said it had sent a team, a group of ten engineers.";
    assert_eq!(quotes(text), [q(Indirect, "it had sent a team, a group of ten engineers", "ministry")]);
}

#[test]
fn a_description_of_an_according_to_source_is_no_part_of_the_report() {
    let text = "According to Mike Waltz, the U.S. national security adviser, the two sides agreed to work on a deal.";
    assert_eq!(quotes(text), [q(Indirect, "the two sides agreed to work on a deal", "Mike Waltz")]);
    // A relative clause after it makes it the report's subject.
    let text = "According to Waltz, the president, who spoke on Monday, will travel to Kyiv.";
    assert_eq!(quotes(text)[0].1, "the president, who spoke on Monday, will travel to Kyiv");
}

#[test]
fn a_possessive_before_a_trailing_speaker_is_no_part_of_the_report() {
    let text = "Erdogan offered to host the talks, his office said in a statement.";
    assert_eq!(quotes(text), [q(Indirect, "Erdogan offered to host the talks", "office")]);
    let text = "Guanipa is under house arrest, his son Ramon Guanipa said on Tuesday.";
    assert_eq!(quotes(text), [q(Indirect, "Guanipa is under house arrest", "Ramon Guanipa")]);
}

#[test]
fn said_in_a_statement_without_that_starts_the_report_after_it() {
    let text = "Hamas said in a statement it had agreed to the proposal.";
    assert_eq!(quotes(text), [q(Indirect, "it had agreed to the proposal", "Hamas")]);
    let text = "Putin said in an interview the war would end soon.";
    assert_eq!(quotes(text), [q(Indirect, "the war would end soon", "Putin")]);
    // A place is content: "in the state's three largest counties, ...".
    let text = "The court said in the state's largest counties voters were removed from the rolls.";
    assert!(quotes(text)[0].1.starts_with("in the state's"));
}

#[test]
fn an_advisers_title_says_whose_adviser() {
    for (text, title) in [
        (
            "Mykhailo Podolyak, an adviser to President Zelensky, said the offer was a sham.",
            "adviser to President Zelensky",
        ),
        ("An adviser to Zelensky, Mykhailo Podolyak, said the offer was a sham.", "adviser to Zelensky"),
        (
            "Yuri Ushakov, an aide to Russian President Vladimir Putin, said no date was set.",
            "aide to Russian President Vladimir Putin",
        ),
    ] {
        let a = run(text);
        check_invariants(text, &a);
        let speaker = a.quotes[0].speaker.map(|s| &a.speakers[s]);
        assert_eq!(speaker.map(|s| s.title.as_str()), Some(title), "{text}");
    }
    // The principal's country is the adviser's when nothing else says it.
    let a = run("Yuri Ushakov, an aide to Russian President Vladimir Putin, said no date was set.");
    assert_eq!(a.speakers[0].affiliation, "Russia");
}

#[test]
fn others_like_a_named_senator_are_a_group() {
    let text = "Others, like Sen. Rand Paul, have argued the money would be better spent at home.";
    let a = run(text);
    check_invariants(text, &a);
    let speaker = a.quotes[0].speaker.map(|s| &a.speakers[s]);
    assert_eq!(speaker.map(|s| (s.name.as_str(), s.title.as_str(), s.kind)), Some(("Others", "", SpeakerKind::Group)));
}

#[test]
fn an_envoy_to_a_country_is_not_of_that_country() {
    let a = run("Oksana Markarova, the ambassador to the U.S., warned that delays cost lives.");
    assert_eq!(a.speakers[0].title, "ambassador to the U.S.");
    assert_eq!(a.speakers[0].affiliation, "");
}

#[test]
fn a_titled_name_from_a_place_before_an_apposition_speaks() {
    let text = "Rep. Sam Graves of Missouri, the top Republican on the panel, said that Democrats had shut them out.";
    assert_eq!(quotes(text), [q(Indirect, "Democrats had shut them out", "Sam Graves")]);
    let text = "Sen. John Thune of South Dakota, the Republican whip, said the vote would wait.";
    assert_eq!(quotes(text), [q(Indirect, "the vote would wait", "John Thune")]);
}

#[test]
fn an_estimate_or_assessment_speaks_for_its_author() {
    let text = "According to a preliminary estimate by the Congressional Budget Office, the package would add \
                $250 billion to the deficit.";
    assert_eq!(
        quotes(text),
        [q(Indirect, "the package would add $250 billion to the deficit", "Congressional Budget Office")]
    );
    let text = "An internal assessment by the Pentagon found that the drones had failed.";
    assert_eq!(quotes(text), [q(Indirect, "the drones had failed", "Pentagon")]);
}

#[test]
fn a_name_after_a_description_is_the_subject_whatever_precedes_them() {
    let text = "Two people were killed in a strike on Kharkiv, the regional governor, Oleh Syniehubov, said.";
    assert_eq!(quotes(text), [q(Indirect, "Two people were killed in a strike on Kharkiv", "Oleh Syniehubov")]);
    let text = "In a post on X, the EU's foreign policy chief, Kaja Kallas, wrote that Russia wanted no peace.";
    assert_eq!(quotes(text), [q(Indirect, "Russia wanted no peace", "Kaja Kallas")]);
}

#[test]
fn a_title_owned_by_the_group_names_the_groups_organisation() {
    let text = "The Chamber of Commerce said it opposed the tax increases. \"We support investment, but not this way,\" \
                said Neil Bradley, the group's chief policy officer.";
    let a = run(text);
    check_invariants(text, &a);
    let bradley = a.speakers.iter().find(|s| s.name == "Neil Bradley").expect("Bradley");
    assert_eq!((bradley.title.as_str(), bradley.affiliation.as_str()), ("chief policy officer", "Chamber of Commerce"));
}

#[test]
fn a_plurals_possessive_is_part_of_the_speaker() {
    let text = "The United Nations' human rights office said aid deliveries had slowed.";
    assert_eq!(quotes(text), [q(Indirect, "aid deliveries had slowed", "United Nations' human rights office")]);
    let a = run(text);
    assert_eq!(a.speakers[0].affiliation, "United Nations");
}

#[test]
fn an_organisation_named_after_its_description_speaks() {
    let text = "The UN's humanitarian office, OCHA, warned that aid deliveries had slowed.";
    assert_eq!(quotes(text), [q(Indirect, "aid deliveries had slowed", "OCHA")]);
    let a = run(text);
    assert_eq!(a.speakers[0].affiliation, "United Nations");
}

#[test]
fn an_as_clause_with_a_described_name_is_the_attribution() {
    let text = "As the head of the Russian delegation, Vladimir Medinsky, previously stated, Moscow is prepared to \
                hand over the bodies.";
    assert_eq!(quotes(text), [q(Indirect, "Moscow is prepared to hand over the bodies", "Vladimir Medinsky")]);
    // A description with where the role is held.
    let text = "The head of the Russian delegation at the Istanbul talks, Vladimir Medinsky, said Moscow was ready.";
    assert_eq!(quotes(text), [q(Indirect, "Moscow was ready", "Vladimir Medinsky")]);
}

#[test]
fn where_a_role_is_held_goes_into_the_title() {
    for text in [
        "A professor at Harvard University, John Smith, said talks were pointless.",
        "John Smith, a professor at Harvard University, said talks were pointless.",
    ] {
        let a = run(text);
        let smith = a.speakers.iter().find(|s| s.name == "John Smith").expect("Smith");
        assert_eq!(smith.title, "professor at Harvard University", "{text}");
    }
    let a = run("Richard Trumka, the president of the AFL-CIO, told reporters the federation stood behind her.");
    assert_eq!(a.speakers[0].title, "president of the AFL-CIO");
    // A place that modifies what follows is not where the role is held.
    let a =
        run("The split was aimed at liquidity, said Brendan Barba, chairman of the Moonachie, N.J., maker of film.");
    assert_eq!(a.speakers[0].title, "chairman");
}

#[test]
fn a_subject_before_a_parenthesis_is_a_candidate_for_pronouns() {
    let text = "Hillary Clinton spoke in Detroit. Trump, campaigning in Ohio, fired back within hours. \
                He told supporters that Clinton had supported NAFTA.";
    assert_eq!(quotes(text), [q(Indirect, "Clinton had supported NAFTA", "Trump")]);
}

#[test]
fn a_named_person_of_an_organisation_speaks() {
    let text = "Gary Hufbauer of the Peterson Institute for International Economics said neither plan would work.";
    assert_eq!(quotes(text), [q(Indirect, "neither plan would work", "Gary Hufbauer")]);
    let a = run(text);
    assert_eq!(a.speakers[0].affiliation, "Peterson Institute for International Economics");
    // An organisation's own name keeps its "of".
    let text = "The Bank of America said neither plan would work.";
    assert_eq!(quotes(text), [q(Indirect, "neither plan would work", "Bank of America")]);
}

#[test]
fn people_at_a_described_place_speak() {
    let text = "Election officials in several large counties said they were unsure how quickly they could adjust.";
    assert_eq!(
        quotes(text),
        [q(Indirect, "they were unsure how quickly they could adjust", "Election officials in several large counties")]
    );
    // A relative pronoun after the place is no noun.
    let text = "Putin rejected a plan proposed by African leaders from seven countries that called for de-escalation.";
    assert_eq!(quotes(text), []);
}

#[test]
fn a_ruling_participle_reports_the_courts_finding() {
    let text = "The judge blocked the rule, ruling that the state had failed to show it would prevent fraud.";
    assert_eq!(quotes(text), [q(Indirect, "the state had failed to show it would prevent fraud", "judge")]);
    // "rules" before "that" is most often the noun.
    let text = "Obama unveiled a set of Clean Air Act rules that could close hundreds of plants.";
    assert_eq!(quotes(text), []);
}

#[test]
fn an_unnamed_official_is_not_the_named_minister_before_it() {
    let text = "Ukraine's foreign minister, Andrii Sybiha, welcomed the reports. \"Pressure works,\" he wrote on X.\n\n\
                The official, who declined to be named, said a decision was unlikely before the summit.";
    let got = quotes(text);
    assert_eq!(got[1], q(Indirect, "a decision was unlikely before the summit", "official"));
    // A description of another role still refers back ("the senator").
    let text = "Sen. Bernie Sanders spoke in Iowa. The senator said he would introduce legislation.";
    assert_eq!(quotes(text), [q(Indirect, "he would introduce legislation", "Bernie Sanders")]);
}

#[test]
fn an_adverb_may_modify_a_descriptions_modifier() {
    let text = "The message was meant as a suggestion that Sununu resign, one highly placed source said.";
    assert_eq!(
        quotes(text),
        [q(Indirect, "The message was meant as a suggestion that Sununu resign", "one highly placed source")]
    );
}

#[test]
fn british_politics_copy() {
    // A seat of government speaks as an organisation of its country.
    let a = run("Downing Street insisted the reforms would go ahead.");
    assert_eq!((a.speakers[0].kind, a.speakers[0].affiliation.as_str()), (SpeakerKind::Organization, "United Kingdom"));
    // A person with a given name stays a person after a description ending
    // in an organisation, and "told" skips a broadcaster's programme.
    let text = "But the chair of the work and pensions committee, Debbie Abrahams, told the BBC's Today programme \
                the cuts would push people into poverty. She added: \"This is not what Labour governments do.\"";
    assert_eq!(
        quotes(text),
        [
            q(Indirect, "the cuts would push people into poverty", "Debbie Abrahams"),
            q(Direct, "This is not what Labour governments do.", "Debbie Abrahams"),
        ]
    );
    assert_eq!(run(text).speakers[0].kind, SpeakerKind::Person);
    let text = "Abrahams told CNN's State of the Union the cuts would hurt.";
    assert_eq!(quotes(text), [q(Indirect, "the cuts would hurt", "Abrahams")]);
    let text = "One senior backbencher, who asked not to be named, said the leadership had misread the mood.";
    assert_eq!(quotes(text), [q(Indirect, "the leadership had misread the mood", "One senior backbencher")]);
}

#[test]
fn a_progressive_cue_inside_a_report_is_part_of_it() {
    let text = "Labour sources said whips had been warning ministers for weeks that the vote was at risk.";
    assert_eq!(
        quotes(text),
        [q(Indirect, "whips had been warning ministers for weeks that the vote was at risk", "Labour sources")]
    );
}

#[test]
fn a_spokesman_for_a_named_person_named_after_it_speaks() {
    let text = "A spokesman for Senate Minority Leader Mitch McConnell, David Popp, said the Kentucky Republican \
                still supported aid.";
    assert_eq!(quotes(text), [q(Indirect, "the Kentucky Republican still supported aid", "David Popp")]);
    let popp = run(text).speakers.into_iter().find(|s| s.name == "David Popp").expect("Popp");
    assert_eq!(popp.title, "spokesman for Senate Minority Leader Mitch McConnell");
    // A role "of" a place.
    let text = "The governor of Belgorod region, Vyacheslav Gladkov, said two civilians were wounded.";
    assert_eq!(quotes(text), [q(Indirect, "two civilians were wounded", "Vyacheslav Gladkov")]);
}

#[test]
fn asides_on_how_and_where_from_are_not_the_report() {
    let text = "A senior U.S. official, briefing reporters on condition of anonymity, said the deal was close.";
    assert_eq!(quotes(text), [q(Indirect, "the deal was close", "A senior U.S. official")]);
    let text = "Hamas said it had not received any new proposal, according to a statement on its Telegram channel.";
    assert_eq!(quotes(text), [q(Indirect, "it had not received any new proposal", "Hamas")]);
}

#[test]
fn both_sides_and_both_campaigns_speak_as_groups() {
    let text = "Both campaigns said they expected a close race.";
    assert_eq!(quotes(text), [q(Indirect, "they expected a close race", "campaigns")]);
    let text = "Both sides said they were ready to continue the talks.";
    assert_eq!(quotes(text), [q(Indirect, "they were ready to continue the talks", "sides")]);
}

#[test]
fn a_description_before_the_named_speaker_is_not_quoted() {
    let text = "“Nobody wants this war to continue,” Ukraine's president, Volodymyr Zelensky, said.";
    assert_eq!(quotes(text), [q(Direct, "Nobody wants this war to continue,", "Volodymyr Zelensky")]);
    let text = "“Nobody wants this war to continue,” the Vatican's secretary of state, Cardinal Pietro Parolin, \
                told reporters.";
    assert_eq!(quotes(text), [q(Direct, "Nobody wants this war to continue,", "Cardinal Pietro Parolin")]);
}

#[test]
fn verbs_of_speaking_with_an_object_are_other_verbs() {
    // With a thing after it, "concluded" ends an event, not a report.
    assert_eq!(quotes("Putin concluded a two-day visit to Beijing on Friday."), []);
    assert_eq!(quotes("Protesters shouted slogans outside the embassy."), []);
    // Without an object, or before "that", a colon or a quote, they report.
    let text = "Smith protested that the vote was rigged.";
    assert_eq!(quotes(text), [q(Indirect, "the vote was rigged", "Smith")]);
    let text = "“We will win,” Smith concluded.";
    assert_eq!(quotes(text), [q(Direct, "We will win,", "Smith")]);
    let text = "“We will win,” mused Ellis.";
    assert_eq!(quotes(text), [q(Direct, "We will win,", "Ellis")]);
    let text = "Ellis shouted: “We will win.”";
    assert_eq!(quotes(text), [q(Direct, "We will win.", "Ellis")]);
}

#[test]
fn panels_and_parties_speak_as_organisations_and_groups() {
    let kinds = |text: &str| {
        let a = run(text);
        a.speakers.iter().map(|s| (s.name.clone(), s.kind)).collect::<Vec<_>>()
    };
    let text = "The panel concluded that the agency had failed.";
    assert_eq!(kinds(text), [("panel".to_string(), SpeakerKind::Organization)]);
    let text = "Labour said the plans were too little.";
    assert_eq!(kinds(text), [("Labour".to_string(), SpeakerKind::Organization)]);
    let text = "The opposition Greens said the plans were too little.";
    assert_eq!(kinds(text), [("opposition Greens".to_string(), SpeakerKind::Group)]);
    let text = "Unions said the plans were too little.";
    assert_eq!(kinds(text), [("Unions".to_string(), SpeakerKind::Group)]);
}

#[test]
fn a_party_and_state_in_brackets_stand_between_subject_and_verb() {
    let text = "Thomas Massie (R-Ky.) voted against the bill. Massie said he could not support it.";
    assert_eq!(quotes(text), [q(Indirect, "he could not support it", "Thomas Massie")]);
    let text = "Senate Majority Leader John Thune (R-S.D.) told reporters he expected a vote on Wednesday but \
                acknowledged the outcome was uncertain.";
    assert_eq!(
        quotes(text),
        [
            q(Indirect, "he expected a vote on Wednesday", "John Thune"),
            q(Indirect, "the outcome was uncertain", "John Thune")
        ]
    );
}

#[test]
fn a_description_prefers_the_person_whose_title_fits() {
    let text = "Foreign Minister Sergey Lavrov recalled that President Vladimir Putin had stated his openness. \
                “We are ready,” the top diplomat pointed out.";
    assert_eq!(speakers(text), ["Sergey Lavrov", "Sergey Lavrov"]);
    let text = "President Vladimir Putin met Foreign Minister Sergey Lavrov on Monday. “We are ready,” the Russian \
                leader said.";
    assert_eq!(speakers(text), ["Vladimir Putin"]);
    // The description's country picks among titles that fit.
    let text = "Russian President Vladimir Putin spoke on Monday. President Volodymyr Zelensky replied on Tuesday. \
                The Russian leader said the talks were useful.";
    assert_eq!(speakers(text), ["Vladimir Putin"]);
}

#[test]
fn a_quoted_phrase_inside_an_aside_keeps_the_subject() {
    let text = "Keir Starmer, who leads a “coalition of the willing” to back any ceasefire, said on Tuesday that the \
                UK was ready.";
    assert_eq!(quotes(text), [q(Indirect, "the UK was ready", "Keir Starmer")]);
    // A quote before the clause still ends the walk back.
    let text = "“We will win,” Smith, the leader of the party, said.";
    assert_eq!(quotes(text), [q(Direct, "We will win,", "Smith")]);
}

#[test]
fn an_adverb_between_and_and_a_second_cue_ends_the_first_report() {
    let text = "The ministry said the strike hit a depot and also said two soldiers died.";
    assert_eq!(
        quotes(text),
        [q(Indirect, "the strike hit a depot", "ministry"), q(Indirect, "two soldiers died", "ministry")]
    );
    let text = "The ministry denied striking energy facilities and instead accused Ukraine of attacking a gas station.";
    assert_eq!(
        quotes(text),
        [
            q(Indirect, "striking energy facilities", "ministry"),
            q(Indirect, "Ukraine of attacking a gas station", "ministry")
        ]
    );
}

#[test]
fn a_role_of_a_nations_field_is_a_speaker() {
    let text = "“We will not send troops,” said the head of Polish diplomacy in an interview with TVN24.";
    assert_eq!(quotes(text), [q(Direct, "We will not send troops,", "head of Polish diplomacy")]);
    let text = "The head of Polish diplomacy said the troops would stay.";
    assert_eq!(quotes(text), [q(Indirect, "the troops would stay", "head of Polish diplomacy")]);
}

#[test]
fn a_pronoun_with_no_named_person_refers_to_a_described_one() {
    let text = "Speaking to journalists, the Ukrainian president said his team was ready. “We want peace,” he said.";
    assert_eq!(speakers(text), ["Ukrainian president", "Ukrainian president"]);
    // A named person still comes first.
    let text = "Olena Petrenko spoke first. The minister said the team was ready. “We want peace,” she said.";
    assert_eq!(speakers(text), ["Olena Petrenko", "Olena Petrenko"]);
}

#[test]
fn hearsay_about_the_subjects_words_is_the_subjects_report() {
    let text = "Putin is reported to have told aides that the war would last.";
    assert_eq!(quotes(text), [q(Indirect, "the war would last", "Putin")]);
    let text = "Putin is said to have warned Trump that the war would last.";
    assert_eq!(quotes(text), [q(Indirect, "the war would last", "Putin")]);
}

#[test]
fn german_and_french_speakers_after_the_verb_take_adjuncts() {
    let text = "„Wir müssen mehr für unsere Sicherheit tun“, sagte Bundeskanzler Friedrich Merz am Montag in Berlin.";
    assert_eq!(quotes(text), [q(Direct, "Wir müssen mehr für unsere Sicherheit tun", "Friedrich Merz")]);
    let text = "« Il faut que les armes se taisent », a déclaré Macron lundi lors d'une conférence de presse.";
    assert_eq!(quotes(text), [q(Direct, "Il faut que les armes se taisent", "Macron")]);
}

#[test]
fn a_relation_to_someone_describes_a_named_person() {
    let text = "Trump's running mate, Mike Pence, told Fox News that the ticket would win.";
    assert_eq!(quotes(text), [q(Indirect, "the ticket would win", "Mike Pence")]);
    let text = "A close ally of the president said the ticket would win.";
    assert_eq!(quotes(text), [q(Indirect, "the ticket would win", "A close ally of the president")]);
}

#[test]
fn a_description_with_a_modifier_fits_only_a_title_with_it() {
    let text = "One former minister called the plan a betrayal. Speaking in the Commons, the prime minister \
                insisted the decision had been necessary.";
    assert_eq!(speakers(text).last().map(String::as_str), Some("prime minister"));
}

#[test]
fn sir_and_dame_are_forms_of_address_that_a_description_replaces() {
    let a = run("The Liberal Democrat leader, Sir Ed Davey, accused the government of balancing the books.");
    assert_eq!((a.speakers[0].name.as_str(), a.speakers[0].title.as_str()), ("Ed Davey", "Liberal Democrat leader"));
    let a = run("Critics attacked Sir Keir Starmer's plan. Speaking in the Commons, the prime minister insisted the \
                 decision had been necessary.");
    assert_eq!(a.speakers.last().map(|s| s.name.as_str()), Some("Keir Starmer"));
}

#[test]
fn a_with_that_opens_the_next_report_is_not_reported() {
    let text = "Labour MPs criticised the plan to cut aid, with one former minister calling it a betrayal.";
    assert_eq!(
        quotes(text),
        [q(Indirect, "the plan to cut aid", "Labour MPs"), q(Indirect, "it a betrayal", "one former minister")]
    );
}

#[test]
fn a_participle_after_a_described_subjects_clause_reports() {
    let text = "A federal judge on Friday blocked the plan, ruling that the move likely violated federal law.";
    assert_eq!(quotes(text), [q(Indirect, "the move likely violated federal law", "A federal judge")]);
    let text = "Russia's foreign minister drove the point home, saying that Moscow was ready for talks.";
    assert_eq!(quotes(text), [q(Indirect, "Moscow was ready for talks", "Russia's foreign minister")]);
    let text = "Protesters gathered outside the ministry, urging the government to accept the deal.";
    assert_eq!(quotes(text), [q(Indirect, "the government to accept the deal", "Protesters")]);
}

#[test]
fn an_article_after_the_addressee_opens_the_report() {
    let text = "Miller told reporters the Hamas response was under review.";
    assert_eq!(quotes(text), [q(Indirect, "the Hamas response was under review", "Miller")]);
    let text = "Miller told reporters the United States was reviewing the response.";
    assert_eq!(quotes(text), [q(Indirect, "the United States was reviewing the response", "Miller")]);
}

#[test]
fn a_name_with_particles_in_apposition_speaks() {
    let text = "Qatar's Prime Minister, Mohammed bin Abdulrahman Al Thani, said he was cautiously optimistic.";
    assert_eq!(quotes(text), [q(Indirect, "he was cautiously optimistic", "Mohammed bin Abdulrahman Al Thani")]);
}

#[test]
fn whoever_issues_a_statement_saying_something_says_it() {
    let text = "The ministry released a statement saying the cabinet had decided to continue.";
    assert_eq!(quotes(text), [q(Indirect, "the cabinet had decided to continue", "ministry")]);
    // A statement with no publisher still speaks for itself.
    let text = "A statement said the cabinet had decided to continue.";
    assert_eq!(quotes(text), [q(Indirect, "the cabinet had decided to continue", "statement")]);
}

#[test]
fn a_relative_clause_after_a_name_is_no_title() {
    let a = run("“Every day counts,” said Yael Adar, whose son was killed in the attack.");
    assert_eq!((a.speakers[0].name.as_str(), a.speakers[0].title.as_str()), ("Yael Adar", ""));
}

#[test]
fn a_request_for_anonymity_reports_nothing() {
    assert_eq!(
        quotes(
            "The measures would target tankers, the people said, asking not to be identified because the talks are private."
        ),
        vec![q(Indirect, "The measures would target tankers", "people")]
    );
    assert_eq!(quotes("The adviser asked not to be named."), vec![]);
    assert_eq!(quotes("The official requested anonymity to discuss the plan."), vec![]);
    // A request of someone else still reports.
    assert_eq!(
        quotes("The minister asked reporters to leave the room."),
        vec![q(Indirect, "reporters to leave the room", "minister")]
    );
}

#[test]
fn a_that_inside_an_infinitive_after_the_cue_is_the_infinitives() {
    assert_eq!(
        quotes("Trump vowed to renegotiate trade deals that he said had hurt workers."),
        vec![q(Indirect, "to renegotiate trade deals that he said had hurt workers", "Trump")]
    );
    // "to" before an addressee: the "that" opens the content.
    assert_eq!(quotes("Trump promised to voters that he would win."), vec![q(Indirect, "he would win", "Trump")]);
    assert_eq!(quotes("Trump promised to them that he would win."), vec![q(Indirect, "he would win", "Trump")]);
}

#[test]
fn a_report_in_a_relative_clause_ends_with_the_clause() {
    assert_eq!(
        quotes("House Speaker Paul Ryan, who has said he will no longer defend Trump, did not mention the nominee."),
        vec![q(Indirect, "he will no longer defend Trump", "Paul Ryan")]
    );
    assert_eq!(
        quotes("The diplomat, who said the talks were \"doomed,\" left early."),
        vec![q(Mixed, "the talks were \"doomed,\"", "diplomat")]
    );
}

#[test]
fn they_after_an_unnamed_source_of_no_gender_is_the_source() {
    let text = "The Liberal Democrats said they would vote against the bill.\n\n\
                One former cabinet minister said the whips had misjudged the mood. \
                “No 10 thought they could bully people,” they said.";
    assert_eq!(speakers(text), ["Liberal Democrats", "One former cabinet minister", "One former cabinet minister"]);
    // After a named person, "they" is still the group.
    let text = "The Liberal Democrats said they would vote against the bill.\n\n\
                Ed Davey said the whips had misjudged the mood. “It is over,” they said.";
    assert_eq!(speakers(text), ["Liberal Democrats", "Ed Davey", "Liberal Democrats"]);
}

#[test]
fn a_family_name_said_first_is_the_person_named_in_full() {
    let text = "Chinese President Xi Jinping said the talks were useful. Xi said trade would grow.";
    assert_eq!(speakers(text), ["Xi Jinping", "Xi Jinping"]);
    // A known given name alone is not the surname of the person it starts.
    let text = "Donald Trump said the talks were useful. Donald said trade would grow.";
    assert_eq!(speakers(text), ["Donald Trump", "Donald"]);
}

#[test]
fn a_prepositional_adjunct_between_subject_and_verb_is_stepped_over() {
    for text in [
        "Tusk in an interview with Reuters said Poland would help.",
        "Tusk at a news conference in Warsaw said Poland would help.",
        "Tusk in turn noted that Poland would help.",
        // A cue word used as a noun inside the adjunct.
        "Tusk in a call with the Ukrainian president said Poland would help.",
        "Tusk from his office in Warsaw said Poland would help.",
    ] {
        assert_eq!(speakers(text), ["Tusk"], "{text}");
    }
    // An organisation's name with a preposition inside is one subject.
    assert_eq!(
        speakers("The Institute for the Study of War said the attack failed."),
        ["Institute for the Study of War"]
    );
    // A pronoun before the verb is its subject, not the name before an
    // earlier adjunct.
    assert_eq!(
        quotes("Sanders on Tuesday said he wants to attack four provisions in the tax code."),
        vec![q(Indirect, "he wants to attack four provisions in the tax code", "Sanders")]
    );
}

#[test]
fn the_speakers_refusal_to_say_more_ends_the_report() {
    for text in [
        "Peskov said the talks would resume but declined to give details.",
        "Peskov said the talks would resume but did not say when.",
        "Peskov said the talks would resume, but offered no date.",
    ] {
        assert_eq!(quotes(text), vec![q(Indirect, "the talks would resume", "Peskov")], "{text}");
    }
    // What the speaker reported goes on.
    assert_eq!(
        quotes("Peskov said the army had advanced but did not capture the town."),
        vec![q(Indirect, "the army had advanced but did not capture the town", "Peskov")]
    );
}

#[test]
fn an_age_between_a_name_and_its_description_is_stepped_over() {
    for text in [
        "“We are tired,” said Olena Kovalenko, 45, a teacher from Kharkiv.",
        "Olena Kovalenko, 45, a teacher from Kharkiv, said she was tired.",
    ] {
        let a = run(text);
        assert_eq!(a.speakers.first().map(|s| s.title.as_str()), Some("teacher"), "{text}");
    }
}

#[test]
fn reported_content_keeps_the_signs_of_its_numbers() {
    assert_eq!(texts("Pete Smith said unemployment rose to 17%."), ["unemployment rose to 17%"]);
    assert_eq!(texts("Pete Smith said $5 billion had been spent."), ["$5 billion had been spent"]);
    // A sign that touches no number is punctuation as before.
    assert_eq!(texts("Pete Smith said the deal was done $."), ["the deal was done"]);
}

#[test]
fn plural_groups_of_people_and_organisations_speak() {
    assert_eq!(speakers("Aid groups said hundreds of trucks were stuck at the crossing."), ["Aid groups"]);
    assert_eq!(speakers("Rebels said they had taken the town."), ["Rebels"]);
}

#[test]
fn a_country_of_several_words_speaks_as_one() {
    let a = run("Saudi Arabia said it would host the next round. South Africa said it would mediate.");
    let names: Vec<(&str, SpeakerKind, &str)> =
        a.speakers.iter().map(|s| (s.name.as_str(), s.kind, s.title.as_str())).collect();
    assert_eq!(
        names,
        [("Saudi Arabia", SpeakerKind::Organization, ""), ("South Africa", SpeakerKind::Organization, "")]
    );
}

#[test]
fn a_spokesman_for_a_named_person_is_the_speaker() {
    assert_eq!(
        speakers("A spokesman for Hillary Clinton said the vote would fail."),
        ["A spokesman for Hillary Clinton"]
    );
    assert_eq!(speakers("An aide to Sen. Ted Cruz said the vote would fail."), ["An aide to Sen. Ted Cruz"]);
}

#[test]
fn a_state_after_a_city_is_no_name_in_apposition() {
    assert_eq!(speakers("Pete Smith, the mayor of Dayton, Ohio, said he would win."), ["Pete Smith"]);
    assert_eq!(speakers("Pete Smith, a teacher from Dayton, Ohio, said he would win."), ["Pete Smith"]);
}

#[test]
fn a_name_suffix_or_a_company_suffix_keeps_its_period() {
    assert_eq!(
        speakers("Robert Kline Jr. said he planned to vote. Kline said he was sure."),
        ["Robert Kline Jr.", "Robert Kline Jr."]
    );
    let a = run("Apple Inc. said profits fell.");
    assert_eq!(
        a.speakers.iter().map(|s| (s.name.as_str(), s.kind)).collect::<Vec<_>>(),
        [("Apple Inc.", SpeakerKind::Organization)]
    );
    assert_eq!(speakers("“We will win,” said Robert Kline Jr."), ["Robert Kline Jr."]);
    // A company by its first word later.
    assert_eq!(
        speakers("Reed International PLC said profits rose. Reed said it would pay more."),
        ["Reed International PLC", "Reed International PLC"]
    );
}

#[test]
fn a_relative_that_inside_the_content_does_not_start_it() {
    assert_eq!(
        texts("Esmaeil Baghaei said Iran supported a deal that respected the borders of all states."),
        ["Iran supported a deal that respected the borders of all states"]
    );
    // A complementizer after the addressee or an adjunct, as before.
    assert_eq!(texts("Baghaei told the committee that Iran was ready."), ["Iran was ready"]);
    assert_eq!(texts("Baghaei said in a statement that Iran was ready."), ["Iran was ready"]);
    assert_eq!(texts("Baghaei said from the start of the talks that Iran was ready."), ["Iran was ready"]);
}

#[test]
fn where_someone_was_told_is_not_what_they_were_told() {
    assert_eq!(
        texts("Donald J. Trump told supporters in Golden, Colo., that the development was big."),
        ["the development was big"]
    );
    assert_eq!(
        texts("Josh Earnest told reporters aboard the president's plane that the bill was wrong."),
        ["the bill was wrong"]
    );
    assert_eq!(
        texts("Trump told a packed arena in Glendale, Arizona, that the nominee had failed."),
        ["the nominee had failed"]
    );
}

#[test]
fn the_governor_of_a_named_place_is_a_description() {
    let a = run("The regional governor of Kharkiv said power was restored.");
    let who: Vec<_> = a.speakers.iter().map(|s| (s.name.as_str(), s.title.as_str(), s.kind)).collect();
    assert_eq!(who, [("regional governor of Kharkiv", "regional governor of Kharkiv", SpeakerKind::Person)]);
    // Only a person titled for the post is the holder, not the nearest one.
    let text = "Zelensky visited the plant. The governor of Kharkiv said power was restored.";
    assert_eq!(speakers(text), ["governor of Kharkiv"]);
    let text = "Kharkiv Governor Oleh Syniehubov visited the plant. The governor of Kharkiv said power was restored.";
    assert_eq!(speakers(text), ["Oleh Syniehubov"]);
}

#[test]
fn he_is_the_unnamed_person_who_spoke_last() {
    let text = "President Volodymyr Zelenskiy said Ukraine needed more systems. A Ukrainian soldier said his unit \
                had not been rotated. “We were promised relief in March,” he said by phone.";
    assert_eq!(speakers(text), ["Volodymyr Zelenskiy", "A Ukrainian soldier", "A Ukrainian soldier"]);
}

#[test]
fn organisations_with_different_proper_modifiers_are_different() {
    let text = "The Trump campaign said the poll was wrong.\n\nThe Clinton campaign said the poll was right.";
    assert_eq!(speakers(text), ["Trump campaign", "Clinton campaign"]);
    // The same organisation again, and a generic description of it.
    let text =
        "The Trump campaign said the poll was wrong. The campaign said it would sue. The Trump campaign said no more.";
    assert_eq!(speakers(text), ["Trump campaign", "Trump campaign", "Trump campaign"]);
}

#[test]
fn a_second_verb_has_the_name_in_apposition_as_its_subject() {
    let text = "An RSF spokesperson, Al-Fateh Qurashi, said the group was committed to the declaration and accused \
                the army of sabotaging previous peace efforts.";
    assert_eq!(speakers(text), ["Al-Fateh Qurashi", "Al-Fateh Qurashi"]);
}

#[test]
fn the_apposition_of_an_according_to_source_is_no_content() {
    let texts = |text: &str| quotes(text).into_iter().map(|(_, t, who)| (t, who)).collect::<Vec<_>>();
    assert_eq!(
        texts(
            "According to political analyst Tigran Grigoryan, head of the Regional Center for Democracy, the \
             demand could delay the signing for years."
        ),
        [("the demand could delay the signing for years".to_string(), "Tigran Grigoryan".to_string())]
    );
}

#[test]
fn recalling_an_ambassador_is_no_speech() {
    let found =
        texts("Sudan's foreign ministry said Kenya had become a partner and recalled its ambassador from Nairobi.");
    assert_eq!(found.len(), 1);
    assert!(found[0].starts_with("Kenya had become a partner"));
    // Speech still, after the quote or before "that".
    assert_eq!(texts("“It was a different time,” she recalled."), ["It was a different time,"]);
    assert_eq!(texts("She recalled that it was a different time."), ["it was a different time"]);
}

#[test]
fn a_prepositional_phrase_before_a_colon_is_no_report() {
    let kinds = |text: &str| quotes(text).into_iter().map(|(k, t, _)| (k, t)).collect::<Vec<_>>();
    assert_eq!(
        kinds("Pelosi said of Trump: “He is not a well man.”"),
        [(QuoteKind::Direct, "He is not a well man.".to_string())]
    );
    assert_eq!(
        kinds("Warren put it bluntly at the rally in Iowa: “We are not going to win by playing it safe.”"),
        [(QuoteKind::Direct, "We are not going to win by playing it safe.".to_string())]
    );
}

#[test]
fn posts_worries_and_hopes_report_with_a_that_clause() {
    let found = |text: &str| quotes(text).into_iter().map(|(_, t, who)| (t, who)).collect::<Vec<_>>();
    let pair = |t: &str, who: &str| (t.to_string(), who.to_string());
    assert_eq!(
        found("Trump posted on Truth Social that the verdict was a disgrace."),
        [pair("the verdict was a disgrace", "Trump")]
    );
    assert_eq!(found("“It is over,” Trump posted on Truth Social."), [pair("It is over,", "Trump")]);
    assert_eq!(found("The company posted a loss in the third quarter."), []);
    assert_eq!(
        found("The insurer's benefits group, which includes its health unit, posted earnings of $2 million."),
        []
    );
    assert_eq!(
        found("Democrats worried that the campaign was too cautious."),
        [pair("the campaign was too cautious", "Democrats")]
    );
    assert_eq!(found("Democrats hope that the campaign will win."), [pair("the campaign will win", "Democrats")]);
}

#[test]
fn an_honorific_takes_a_full_name_of_its_gender() {
    assert_eq!(
        speakers("Democrats attacked James Comey on Saturday.\n\nMr. Comey said he had no choice."),
        ["James Comey"]
    );
    // Not a relative of the other gender.
    assert_eq!(speakers("Michelle Obama spoke on Saturday.\n\nMr. Obama said he had no choice."), ["Obama"]);
}

#[test]
fn a_known_organisation_with_the_inside_is_one_name() {
    assert_eq!(speakers("Save the Children said nearly half of children were malnourished."), ["Save the Children"]);
}

#[test]
fn a_deputy_prime_minister_is_no_lawmaker() {
    let text = "Yulia Svyrydenko, the deputy prime minister, said the deal was ready.\n\nOleksandr Merezhko, the head \
                of the parliamentary foreign affairs committee, told reporters that Ukraine should be careful. “A \
                ceasefire without guarantees is an invitation,” the lawmaker said.";
    assert_eq!(speakers(text), ["Yulia Svyrydenko", "Oleksandr Merezhko", "Oleksandr Merezhko"]);
}

#[test]
fn a_titled_name_after_to_and_an_aside_is_the_subject() {
    let text =
        "Russia's envoy to the UN Vasily Nebenzya, in turn, said that Western countries had prolonged the conflict.";
    assert_eq!(speakers(text), ["Vasily Nebenzya"]);
}
