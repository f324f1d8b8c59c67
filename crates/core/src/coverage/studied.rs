//! Laws a report studied or taught rather than carried out: the 《…》 titles of a clause
//! after a verb of study (专题学习《医师法》, 学习…和新修订的《行政复议法》等) or before a word
//! of it (《民法典》宣传月, 围绕《信访工作条例》作专题辅导), whose words answer no task unless
//! the item asks for study.

/// Verbs of study and teaching that may come before the titles studied (专题学习《…》,
/// 讲授《…》专题法治课), and words that may follow them (《民法典》宣传月).
const STUDY_BEFORE: [&str; 9] = [
    "学习", "学", "讲授", "宣传", "宣讲", "解读", "讲解", "研读", "研学",
];
const STUDY_AFTER: [&str; 7] = ["学习", "宣传", "宣讲", "解读", "培训", "知识", "专题"];
/// Verbs that may stand between the titles and the word of study after them (围绕《…》作
/// 专题辅导, 就《…》开展宣讲), unless a verb of [`WORK_VERBS`] comes right before the titles:
/// 依据《…》开展专题整治 is work under the law.
const STUDY_AFTER_VERBS: [&str; 3] = ["作", "进行", "开展"];
/// Verbs of study that may open a list the titles end (学习习近平法治思想、…和新修订的
/// 《行政复议法》等): two characters, as 学 alone is part of 科学, 医学, 学校.
const STUDY_LIST_OPENERS: [&str; 6] = ["学习", "讲授", "宣讲", "解读", "研读", "研学"];
/// Verbs that turn what a list names into work carried out (学习并贯彻…《…》, 对照…《…》).
const WORK_VERBS: [&str; 8] = [
    "贯彻", "落实", "执行", "实施", "依照", "依据", "按照", "对照",
];
/// What may stand between titles a verb studies together (《医师法》《信访工作条例》和《…》).
const BETWEEN_TITLES: [char; 5] = ['、', '和', '及', '与', '等'];
/// Words right before the titles that say which text of a law is meant (学习新修订的
/// 《行政复议法》): studied with it, and no verb of study or work themselves.
const TITLE_MODIFIERS: [&str; 3] = ["新修订的", "新修改的", "修订后的"];
/// Words that open a clause on what it is about (围绕《…》…进行交流研讨)…
const TOPIC_OPENERS: [&str; 2] = ["围绕", "聚焦"];
/// …and the words of study such a clause may end on (a count after them aside: 2次,
/// 两次), with no verb of work after the titles.
const STUDY_ENDS: [&str; 9] = [
    "学习", "研讨", "宣讲", "解读", "辅导", "培训", "宣传", "讲座", "研学",
];

/// The titles (《…》, brackets included, as character ranges of `words`) that `words`
/// names as things studied or taught: a verb of [`STUDY_BEFORE`] right before the run
/// of titles, one of [`STUDY_LIST_OPENERS`] opening a list the run ends, a word of
/// [`STUDY_AFTER`] after it, or a clause opened on them ([`TOPIC_OPENERS`]) that ends on
/// a word of study ([`STUDY_ENDS`]). The first range of a run takes in the words of
/// [`TITLE_MODIFIERS`] before it. 学习贯彻《…》 studies and carries out: its title is
/// work.
pub(super) fn studied_titles(words: &str) -> Vec<[usize; 2]> {
    if !words.contains('《') {
        return Vec::new();
    }
    let chars: Vec<char> = words.chars().collect();
    let mut titles: Vec<[usize; 2]> = Vec::new();
    let mut k = 0;
    while let Some(open) = chars[k..].iter().position(|&c| c == '《') {
        let open = k + open;
        let Some(close) = chars[open..].iter().position(|&c| c == '》') else {
            break;
        };
        titles.push([open, open + close + 1]);
        k = open + close + 1;
    }
    // Runs of titles with only separators between them, studied together.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (t, title) in titles.iter().enumerate() {
        let joined = t > 0
            && chars[titles[t - 1][1]..title[0]]
                .iter()
                .all(|c| BETWEEN_TITLES.contains(c));
        match runs.last_mut() {
            Some(run) if joined => run.1 = t,
            _ => runs.push((t, t)),
        }
    }
    let mut studied = Vec::new();
    for (first, last) in runs {
        let before: String = chars[..titles[first][0]].iter().collect();
        let modifier = TITLE_MODIFIERS
            .iter()
            .find(|m| before.ends_with(*m))
            .map_or("", |m| m);
        let start = titles[first][0] - modifier.chars().count();
        let before = &before[..before.len() - modifier.len()];
        let rest = &chars[titles[last][1]..];
        let after: String = rest
            .iter()
            .skip_while(|c| BETWEEN_TITLES.contains(c))
            .take(4)
            .collect();
        let worked = WORK_VERBS.iter().any(|w| before.ends_with(w));
        let after = STUDY_AFTER_VERBS
            .iter()
            .filter(|_| !worked)
            .find_map(|verb| after.strip_prefix(verb))
            .unwrap_or(&after);
        let after: String = after.chars().take(2).collect();
        let opens_a_list = opened_by(before, &STUDY_LIST_OPENERS);
        // A clause about the titles (围绕《…》) that ends on a word of study: what it
        // studies is them, whatever stands between (修订等内容进行交流研讨).
        let topic_studied = || {
            let ending: String = rest.iter().collect();
            let ending = ending.trim_end_matches(|c: char| {
                c.is_ascii_digit() || "一二三四五六七八九十两次场期轮 ".contains(c)
            });
            opened_by(before, &TOPIC_OPENERS)
                && !WORK_VERBS.iter().any(|w| ending.contains(w))
                && STUDY_ENDS.iter().any(|w| ending.ends_with(w))
        };
        if STUDY_BEFORE.iter().any(|w| before.ends_with(w))
            || opens_a_list
            || STUDY_AFTER.contains(&after.as_str())
            || topic_studied()
        {
            studied.push([start, titles[first][1]]);
            studied.extend_from_slice(&titles[first + 1..=last]);
        }
    }
    studied
}

/// Whether one of `openers` stands in `before` (the words before the titles) with no
/// verb of work after it: 学习习近平法治思想、…和 opens a list of things studied, 学习并
/// 贯彻 does not.
fn opened_by(before: &str, openers: &[&str]) -> bool {
    openers
        .iter()
        .filter_map(|w| before.rfind(w).map(|at| &before[at..]))
        .any(|opened| !WORK_VERBS.iter().any(|w| opened.contains(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_studied_or_taught_are_told_from_titles_carried_out() {
        let studied = |words: &str| {
            let chars: Vec<char> = words.chars().collect();
            studied_titles(words)
                .into_iter()
                .map(|[start, end]| chars[start..end].iter().collect::<String>())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            studied("专题学习《医师法》《信访工作条例》和《医疗纠纷预防和处理条例》"),
            [
                "《医师法》",
                "《信访工作条例》",
                "《医疗纠纷预防和处理条例》"
            ]
        );
        assert_eq!(studied("讲授《行政复议法》专题法治课"), ["《行政复议法》"]);
        assert_eq!(studied("开展《民法典》宣传月活动"), ["《民法典》"]);
        assert_eq!(
            studied("围绕《行政处罚法》《信访工作条例》作专题辅导1次"),
            ["《行政处罚法》", "《信访工作条例》"]
        );
        assert!(studied("围绕《信访工作条例》开展信访积案化解").is_empty());
        assert!(studied("依据《医疗美容服务管理办法》开展专题整治").is_empty());
        assert!(studied("按照《行政执法人员培训办法》开展培训").is_empty());
        assert_eq!(
            studied("集中宣传《医师法》，严格执行《信访工作条例》"),
            ["《医师法》"]
        );
        assert_eq!(
            studied("学习习近平法治思想、党的二十大报告和新修订的《行政复议法》等"),
            ["新修订的《行政复议法》"]
        );
        assert_eq!(
            studied("集体学习新修订的《行政复议法》等法律法规"),
            ["新修订的《行政复议法》"]
        );
        assert_eq!(
            studied("围绕《信访工作条例》《医疗机构管理条例》修订等内容进行交流研讨"),
            ["《信访工作条例》", "《医疗机构管理条例》"]
        );
        assert_eq!(
            studied("聚焦《民营经济促进法》新增条款组织交流研讨两次"),
            ["《民营经济促进法》"]
        );
        assert_eq!(
            studied("组织宣讲修订后的《传染病防治法》"),
            ["修订后的《传染病防治法》"]
        );
        assert_eq!(
            studied("围绕《民营经济促进法》、新修订的《行政复议法》和《传染病防治法》集中研学6次"),
            [
                "《民营经济促进法》",
                "新修订的《行政复议法》",
                "《传染病防治法》"
            ]
        );
        assert_eq!(studied("专题研学《医师法》"), ["《医师法》"]);
        assert!(studied("围绕《信访工作条例》开展信访积案化解").is_empty());
        assert!(studied("聚焦《医师法》落实开展依法执业培训").is_empty());
        assert!(studied("贯彻新修订的《行政复议法》").is_empty());
        assert!(studied("学习贯彻《信访工作条例》").is_empty());
        assert!(studied("组织学习并严格执行《医疗机构管理条例》").is_empty());
        assert!(studied("加强学校卫生监督，落实《学校卫生工作条例》").is_empty());
        assert!(studied("落实《重大行政决策程序暂行条例》").is_empty());
    }
}
