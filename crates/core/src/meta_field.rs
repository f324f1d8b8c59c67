//! The metadata fields as a form shows them: one text value per field, with the
//! conversion to and from the typed [`Metadata`] kept here, out of the UI.

use crate::date::CalendarDate;
use crate::model::{Metadata, Secrecy, Urgency};
use crate::text::split_names;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetaField {
    IssuerName,
    IssuerMark,
    AgencyCode,
    DocYear,
    DocSerial,
    Signers,
    Title,
    Recipients,
    Signature,
    Date,
    Attachments,
    Annotation,
    Cc,
    Printer,
    PrintDate,
    CopyNumber,
    Secrecy,
    Urgency,
}

/// How a form presents a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    /// One entry per line.
    Lines,
    Number,
    Date,
    /// One of fixed options: `(value, label)` pairs from [`MetaField::options`].
    Choice,
}

impl MetaField {
    /// 基本信息 step: 版头 and title block.
    pub const HEADER: [MetaField; 11] = [
        MetaField::IssuerName,
        MetaField::IssuerMark,
        MetaField::AgencyCode,
        MetaField::DocYear,
        MetaField::DocSerial,
        MetaField::Signers,
        MetaField::Title,
        MetaField::Recipients,
        MetaField::CopyNumber,
        MetaField::Secrecy,
        MetaField::Urgency,
    ];
    /// 落款与版记 step.
    pub const CLOSING: [MetaField; 7] = [
        MetaField::Attachments,
        MetaField::Signature,
        MetaField::Date,
        MetaField::Annotation,
        MetaField::Cc,
        MetaField::Printer,
        MetaField::PrintDate,
    ];

    pub fn label(self) -> &'static str {
        match self {
            MetaField::IssuerName => "发文机关全称",
            MetaField::IssuerMark => "发文机关标志",
            MetaField::AgencyCode => "机关代字",
            MetaField::DocYear => "发文年份",
            MetaField::DocSerial => "发文顺序号",
            MetaField::Signers => "签发人",
            MetaField::Title => "标题",
            MetaField::Recipients => "主送机关",
            MetaField::Signature => "发文机关署名",
            MetaField::Date => "成文日期",
            MetaField::Attachments => "附件说明",
            MetaField::Annotation => "附注",
            MetaField::Cc => "抄送机关",
            MetaField::Printer => "印发机关",
            MetaField::PrintDate => "印发日期",
            MetaField::CopyNumber => "份号（可选）",
            MetaField::Secrecy => "密级（可选）",
            MetaField::Urgency => "紧急程度（可选）",
        }
    }

    /// A hint shown under the field, in the form a reviewer expects.
    pub fn hint(self) -> &'static str {
        match self {
            MetaField::IssuerName => "如：嘉兴市卫生健康委员会",
            MetaField::IssuerMark => "红头文字，如：嘉兴市卫生健康委员会文件",
            MetaField::AgencyCode => "如：嘉卫",
            MetaField::DocYear => "发文当年，如2023年度的报告在2024年报送则填2024",
            MetaField::DocSerial => "不编虚位，不加“第”",
            MetaField::Signers => "多人用顿号“、”分隔",
            MetaField::Title => "如：关于2023年度法治政府建设工作情况的报告",
            MetaField::Recipients => "如：区委、区政府（冒号自动添加）",
            MetaField::Signature => "一般为发文机关全称",
            MetaField::Date => "以负责人签发日期为准",
            MetaField::Attachments => "每行一个附件名称，无附件则留空",
            MetaField::Annotation => "如：联系人及电话",
            MetaField::Cc => "多个机关用逗号“，”分隔（句号自动添加）",
            MetaField::Printer => "一般为发文机关的办公室",
            MetaField::PrintDate => "文件的送印日期",
            MetaField::CopyNumber => "涉密公文须标注，如：000001",
            MetaField::Secrecy => "",
            MetaField::Urgency => "",
        }
    }

    pub fn kind(self) -> FieldKind {
        match self {
            MetaField::DocYear | MetaField::DocSerial => FieldKind::Number,
            MetaField::Date | MetaField::PrintDate => FieldKind::Date,
            MetaField::Attachments => FieldKind::Lines,
            MetaField::Secrecy | MetaField::Urgency => FieldKind::Choice,
            _ => FieldKind::Text,
        }
    }

    /// `(value, label)` pairs for [`FieldKind::Choice`] fields.
    pub fn options(self) -> Vec<(&'static str, &'static str)> {
        match self {
            MetaField::Secrecy => Secrecy::ALL
                .iter()
                .map(|s| (secrecy_value(*s), s.label()))
                .collect(),
            MetaField::Urgency => Urgency::ALL
                .iter()
                .map(|u| (urgency_value(*u), u.label()))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The field's value as the form shows it. Dates use `YYYY-MM-DD`, the value of
    /// `<input type="date">`.
    pub fn get(self, meta: &Metadata) -> String {
        let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
        let date = |d: Option<CalendarDate>| d.map(|d| d.iso()).unwrap_or_default();
        match self {
            MetaField::IssuerName => meta.issuer_name.clone(),
            MetaField::IssuerMark => meta.issuer_mark.clone(),
            MetaField::AgencyCode => meta.doc_number.agency_code.clone(),
            MetaField::DocYear => number(meta.doc_number.year.map(u32::from)),
            MetaField::DocSerial => number(meta.doc_number.serial),
            MetaField::Signers => meta.signers.join("、"),
            MetaField::Title => meta.title.clone(),
            MetaField::Recipients => meta.recipients.clone(),
            MetaField::Signature => meta.signature.clone(),
            MetaField::Date => date(meta.date),
            MetaField::Attachments => meta.attachments.join("\n"),
            MetaField::Annotation => meta.annotation.clone(),
            MetaField::Cc => meta.cc.clone(),
            MetaField::Printer => meta.printer.clone(),
            MetaField::PrintDate => date(meta.print_date),
            MetaField::CopyNumber => meta.copy_number.clone(),
            MetaField::Secrecy => secrecy_value(meta.secrecy).into(),
            MetaField::Urgency => urgency_value(meta.urgency).into(),
        }
    }

    /// Stores a form value. Text is kept as typed (the checker comments on form, it
    /// never rewrites silently); numbers and dates that do not parse clear the field,
    /// which is what an emptied `<input type="number">` or `type="date"` sends.
    pub fn set(self, meta: &mut Metadata, value: &str) {
        let text = || value.to_string();
        let number = || value.trim().parse::<u32>().ok();
        let date = || CalendarDate::parse_iso(value.trim());
        match self {
            MetaField::IssuerName => meta.issuer_name = text(),
            MetaField::IssuerMark => meta.issuer_mark = text(),
            MetaField::AgencyCode => meta.doc_number.agency_code = text(),
            MetaField::DocYear => {
                meta.doc_number.year = number().and_then(|n| u16::try_from(n).ok())
            }
            MetaField::DocSerial => meta.doc_number.serial = number(),
            MetaField::Signers => meta.signers = split_names(value),
            MetaField::Title => meta.title = text(),
            MetaField::Recipients => meta.recipients = text(),
            MetaField::Signature => meta.signature = text(),
            MetaField::Date => meta.date = date(),
            MetaField::Attachments => {
                meta.attachments = value
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from)
                    .collect()
            }
            MetaField::Annotation => meta.annotation = text(),
            MetaField::Cc => meta.cc = text(),
            MetaField::Printer => meta.printer = text(),
            MetaField::PrintDate => meta.print_date = date(),
            MetaField::CopyNumber => meta.copy_number = text(),
            MetaField::Secrecy => {
                if let Some(s) = Secrecy::ALL
                    .into_iter()
                    .find(|s| secrecy_value(*s) == value)
                {
                    meta.secrecy = s;
                }
            }
            MetaField::Urgency => {
                if let Some(u) = Urgency::ALL
                    .into_iter()
                    .find(|u| urgency_value(*u) == value)
                {
                    meta.urgency = u;
                }
            }
        }
    }
}

fn secrecy_value(s: Secrecy) -> &'static str {
    match s {
        Secrecy::None => "none",
        Secrecy::Secret => "secret",
        Secrecy::Confidential => "confidential",
        Secrecy::TopSecret => "top_secret",
    }
}

fn urgency_value(u: Urgency) -> &'static str {
    match u {
        Urgency::None => "none",
        Urgency::Urgent => "urgent",
        Urgency::ExtraUrgent => "extra_urgent",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_round_trips_through_its_form_value() {
        let samples = [
            (MetaField::IssuerName, "嘉兴市卫生健康委员会"),
            (MetaField::IssuerMark, "嘉兴市卫生健康委员会文件"),
            (MetaField::AgencyCode, "嘉卫"),
            (MetaField::DocYear, "2023"),
            (MetaField::DocSerial, "24"),
            (MetaField::Signers, "王伟荣、李明"),
            (MetaField::Title, "关于2022年度法治政府建设工作的报告"),
            (MetaField::Recipients, "中共嘉兴市委、嘉兴市人民政府"),
            (MetaField::Signature, "嘉兴市卫生健康委员会"),
            (MetaField::Date, "2023-02-27"),
            (MetaField::Attachments, "附件一\n附件二"),
            (MetaField::Annotation, "联系人：张三"),
            (MetaField::Cc, "浙江省卫生健康委员会，市委依法治市办"),
            (MetaField::Printer, "嘉兴市卫生健康委员会办公室"),
            (MetaField::PrintDate, "2023-02-27"),
            (MetaField::CopyNumber, "000001"),
            (MetaField::Secrecy, "secret"),
            (MetaField::Urgency, "urgent"),
        ];
        let all: Vec<_> = MetaField::HEADER
            .iter()
            .chain(&MetaField::CLOSING)
            .collect();
        assert_eq!(
            all.len(),
            samples.len(),
            "every field appears in exactly one step"
        );
        let mut meta = Metadata::default();
        for (field, value) in samples {
            field.set(&mut meta, value);
            assert_eq!(field.get(&meta), value, "{field:?}");
        }
        assert_eq!(meta.doc_number.year, Some(2023));
        assert_eq!(meta.signers, ["王伟荣", "李明"]);
    }

    #[test]
    fn lenient_input_is_normalised_and_bad_input_clears() {
        let mut meta = Metadata::default();
        MetaField::Signers.set(&mut meta, " 王伟荣，李明, 赵六 ");
        assert_eq!(MetaField::Signers.get(&meta), "王伟荣、李明、赵六");
        MetaField::DocSerial.set(&mut meta, "024");
        assert_eq!(meta.doc_number.serial, Some(24));
        MetaField::DocSerial.set(&mut meta, "abc");
        assert_eq!(meta.doc_number.serial, None);
        MetaField::DocYear.set(&mut meta, "99999");
        assert_eq!(meta.doc_number.year, None);
        MetaField::Date.set(&mut meta, "2023-02-30");
        assert_eq!(meta.date, None);
        MetaField::Secrecy.set(&mut meta, "bogus");
        assert_eq!(meta.secrecy, Secrecy::None);
        MetaField::Attachments.set(&mut meta, "\n  a \n\n b\n");
        assert_eq!(meta.attachments, ["a", "b"]);
    }
}
