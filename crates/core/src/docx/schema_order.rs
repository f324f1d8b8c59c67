//! Child order in every part of the export against the content models of ECMA-376
//! (transitional, as the Open XML SDK and Word validate them), so that a docx-rs
//! upgrade that writes an element out of order fails here, without Python's
//! openxml-audit (scripts/ooxml-audit.sh runs that on every combination).
//!
//! A model is a list of ranks, written as segments so that models sharing a base share
//! its list: each child must be named in some rank, and the ranks of an element's
//! children must not decrease. A rank with several names is a choice whose members
//! come in any order. The lists hold, in schema order, the children the
//! writer can produce; a child missing from its list fails the test and is added here
//! from the schema.

use std::io::{Cursor, Read};

use super::tests::{jiaxing, with_table_and_signers};
use super::*;
use crate::export_options::LayoutProfile;

/// Consecutive ranks of a content model.
type Segment = &'static [&'static [&'static str]];

/// CT_PPrBase (17.3.1.26): the paragraph properties of styles, defaults and numbering.
const PPR_BASE: Segment = &[
    &["w:pStyle"],
    &["w:keepNext"],
    &["w:keepLines"],
    &["w:pageBreakBefore"],
    &["w:framePr"],
    &["w:widowControl"],
    &["w:numPr"],
    &["w:suppressLineNumbers"],
    &["w:pBdr"],
    &["w:shd"],
    &["w:tabs"],
    &["w:suppressAutoHyphens"],
    &["w:kinsoku"],
    &["w:wordWrap"],
    &["w:overflowPunct"],
    &["w:topLinePunct"],
    &["w:autoSpaceDE"],
    &["w:autoSpaceDN"],
    &["w:bidi"],
    &["w:adjustRightInd"],
    &["w:snapToGrid"],
    &["w:spacing"],
    &["w:ind"],
    &["w:contextualSpacing"],
    &["w:mirrorIndents"],
    &["w:suppressOverlap"],
    &["w:jc"],
    &["w:textDirection"],
    &["w:textAlignment"],
    &["w:outlineLvl"],
];

/// EG_RPrBase (17.3.2) in the order the SDK validates, `w:rStyle` aside.
const RPR_BASE: Segment = &[
    &["w:rFonts"],
    &["w:b"],
    &["w:bCs"],
    &["w:i"],
    &["w:iCs"],
    &["w:caps"],
    &["w:smallCaps"],
    &["w:strike"],
    &["w:dstrike"],
    &["w:vanish"],
    &["w:webHidden"],
    &["w:color"],
    &["w:spacing"],
    &["w:w"],
    &["w:kern"],
    &["w:position"],
    &["w:sz"],
    &["w:szCs"],
    &["w:highlight"],
    &["w:u"],
    &["w:effect"],
    &["w:bdr"],
    &["w:shd"],
    &["w:fitText"],
    &["w:vertAlign"],
    &["w:rtl"],
    &["w:cs"],
    &["w:em"],
    &["w:lang"],
    &["w:eastAsianLayout"],
];

const EG_BLOCK: &[&str] = &["w:p", "w:tbl", "w:bookmarkStart", "w:bookmarkEnd"];

/// The content model of `element` inside `parent`, if the test knows it.
fn model(element: &str, parent: &str) -> Option<Vec<Segment>> {
    Some(match (element, parent) {
        // CT_PPr (17.3.1.26): only a paragraph's own properties hold the mark's rPr.
        ("w:pPr", "w:p") => vec![PPR_BASE, &[&["w:rPr"], &["w:sectPr"], &["w:pPrChange"]]],
        ("w:pPr", "w:style") => vec![PPR_BASE, &[&["w:pPrChange"]]],
        ("w:pPr", "w:pPrDefault" | "w:lvl") => vec![PPR_BASE],
        // CT_RPr and CT_ParaRPr (17.3.2.28, 17.3.1.29); styles and defaults lack rStyle.
        ("w:rPr", "w:r") => vec![&[&["w:rStyle"]], RPR_BASE, &[&["w:rPrChange"]]],
        ("w:rPr", "w:pPr") => vec![
            &[&["w:ins"], &["w:del"], &["w:rStyle"]],
            RPR_BASE,
            &[&["w:rPrChange"]],
        ],
        ("w:rPr", "w:style") => vec![RPR_BASE, &[&["w:rPrChange"]]],
        ("w:rPr", "w:rPrDefault" | "w:lvl") => vec![RPR_BASE],
        _ => vec![model_of(element)?],
    })
}

/// The content model of an element wherever it is.
fn model_of(element: &str) -> Option<Segment> {
    Some(match element {
        // CT_Document, CT_Body: blocks, then the last section's properties.
        "w:document" => &[&["w:background"], &["w:body"]],
        "w:body" => &[EG_BLOCK, &["w:sectPr"]],
        "w:ftr" | "w:hdr" => &[EG_BLOCK],
        "w:p" => &[&["w:pPr"], &["w:r", "w:bookmarkStart", "w:bookmarkEnd"]],
        "w:r" => &[
            &["w:rPr"],
            &["w:t", "w:tab", "w:br", "w:fldChar", "w:instrText"],
        ],
        "w:tabs" => &[&["w:tab"]],
        // CT_Tbl, CT_Row, CT_Tc (17.4.38, 17.4.79, 17.4.66).
        "w:tbl" => &[&["w:tblPr"], &["w:tblGrid"], &["w:tr"]],
        "w:tblPr" => &[
            &["w:tblStyle"],
            &["w:tblpPr"],
            &["w:tblOverlap"],
            &["w:bidiVisual"],
            &["w:tblStyleRowBandSize"],
            &["w:tblStyleColBandSize"],
            &["w:tblW"],
            &["w:jc"],
            &["w:tblCellSpacing"],
            &["w:tblInd"],
            &["w:tblBorders"],
            &["w:shd"],
            &["w:tblLayout"],
            &["w:tblCellMar"],
            &["w:tblLook"],
        ],
        "w:tblGrid" => &[&["w:gridCol"]],
        "w:tr" => &[&["w:tblPrEx"], &["w:trPr"], &["w:tc"]],
        // CT_TrPr: its own properties in any order, then tracked changes.
        "w:trPr" => &[
            &[
                "w:cnfStyle",
                "w:gridBefore",
                "w:gridAfter",
                "w:wBefore",
                "w:wAfter",
                "w:trHeight",
                "w:hidden",
                "w:cantSplit",
                "w:tblHeader",
                "w:tblCellSpacing",
                "w:jc",
            ],
            &["w:ins"],
            &["w:del"],
            &["w:trPrChange"],
        ],
        "w:tc" => &[&["w:tcPr"], EG_BLOCK],
        "w:tcPr" => &[
            &["w:cnfStyle"],
            &["w:tcW"],
            &["w:gridSpan"],
            &["w:hMerge"],
            &["w:vMerge"],
            &["w:tcBorders"],
            &["w:shd"],
            &["w:noWrap"],
            &["w:tcMar"],
            &["w:textDirection"],
            &["w:tcFitText"],
            &["w:vAlign"],
            &["w:hideMark"],
        ],
        "w:tblBorders" | "w:tcBorders" | "w:tblCellMar" | "w:tcMar" | "w:pBdr" => &[
            &["w:top"],
            &["w:left"],
            &["w:start"],
            &["w:bottom"],
            &["w:right"],
            &["w:end"],
            &["w:insideH", "w:between"],
            &["w:insideV", "w:bar"],
        ],
        // CT_SectPr (17.6.17): header and footer references in any order first.
        "w:sectPr" => &[
            &["w:headerReference", "w:footerReference"],
            &["w:footnotePr"],
            &["w:endnotePr"],
            &["w:type"],
            &["w:pgSz"],
            &["w:pgMar"],
            &["w:paperSrc"],
            &["w:pgBorders"],
            &["w:lnNumType"],
            &["w:pgNumType"],
            &["w:cols"],
            &["w:formProt"],
            &["w:vAlign"],
            &["w:noEndnote"],
            &["w:titlePg"],
            &["w:textDirection"],
            &["w:bidi"],
            &["w:rtlGutter"],
            &["w:docGrid"],
        ],
        // CT_Styles, CT_DocDefaults, CT_Style (17.7).
        "w:styles" => &[&["w:docDefaults"], &["w:latentStyles"], &["w:style"]],
        "w:docDefaults" => &[&["w:rPrDefault"], &["w:pPrDefault"]],
        "w:rPrDefault" => &[&["w:rPr"]],
        "w:pPrDefault" => &[&["w:pPr"]],
        "w:style" => &[
            &["w:name"],
            &["w:aliases"],
            &["w:basedOn"],
            &["w:next"],
            &["w:link"],
            &["w:autoRedefine"],
            &["w:hidden"],
            &["w:uiPriority"],
            &["w:semiHidden"],
            &["w:unhideWhenUsed"],
            &["w:qFormat"],
            &["w:locked"],
            &["w:personal"],
            &["w:personalCompose"],
            &["w:personalReply"],
            &["w:rsid"],
            &["w:pPr"],
            &["w:rPr"],
            &["w:tblPr"],
            &["w:trPr"],
            &["w:tcPr"],
            &["w:tblStylePr"],
        ],
        // CT_Settings (17.15.1.78): the children the writer can produce, in schema order.
        "w:settings" => &[
            &["w:zoom"],
            &["w:defaultTabStop"],
            &["w:evenAndOddHeaders"],
            &["w:characterSpacingControl"],
            &["w:compat"],
            &["w:docVars"],
            &["w:rsids"],
            &["w14:docId"],
            &["w15:docId"],
        ],
        // CT_Numbering, CT_AbstractNum, CT_Lvl (17.9).
        "w:numbering" => &[&["w:abstractNum"], &["w:num"]],
        "w:abstractNum" => &[&["w:nsid"], &["w:multiLevelType"], &["w:lvl"]],
        "w:lvl" => &[
            &["w:start"],
            &["w:numFmt"],
            &["w:lvlRestart"],
            &["w:pStyle"],
            &["w:isLgl"],
            &["w:suff"],
            &["w:lvlText"],
            &["w:lvlPicBulletId"],
            &["w:legacy"],
            &["w:lvlJc"],
            &["w:pPr"],
            &["w:rPr"],
        ],
        "w:num" => &[&["w:abstractNumId"], &["w:lvlOverride"]],
        // CT_Font (17.8.3.10).
        "w:font" => &[
            &["w:altName"],
            &["w:panose1"],
            &["w:charset"],
            &["w:family"],
            &["w:notTrueType"],
            &["w:pitch"],
            &["w:sig"],
        ],
        _ => return None,
    })
}

/// Elements the test does not look inside: roots of parts whose children it does not
/// model, and other vocabularies (relationships, properties, DrawingML).
fn unchecked(element: &str) -> bool {
    !element.starts_with("w:")
        || matches!(
            element,
            "w:compat" | "w:fonts" | "w:comments" | "w:footnotes" | "w:docVars"
        )
}

/// Every child in `xml` that is out of order or unknown to its parent's model.
fn order_problems(xml: &str) -> Vec<String> {
    // The open elements, each with the rank its last child reached.
    let mut open: Vec<(&str, usize)> = Vec::new();
    let mut problems = Vec::new();
    // The writer escapes `<` in text and attributes, so every `<` starts markup.
    for tag in xml.split('<').skip(1) {
        let tag = &tag[..tag.find('>').expect("a tag ends")];
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(open.pop().map(|(n, _)| n), Some(name.trim()), "nesting");
            continue;
        }
        let name = tag
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or_default();
        let depth = open.len();
        if let Some(&(parent, reached)) = open.last() {
            let outer = if depth > 1 { open[depth - 2].0 } else { "" };
            if !unchecked(parent) {
                let ranks = model(parent, outer).map(|segments| segments.concat());
                match ranks.map(|ranks| ranks.iter().position(|rank| rank.contains(&name))) {
                    None => problems.push(format!("no model for {parent} in {outer}")),
                    Some(None) => problems.push(format!("{name} in {parent} in {outer}")),
                    Some(Some(rank)) if rank < reached => {
                        problems.push(format!("{name} out of order in {parent} in {outer}"))
                    }
                    Some(Some(rank)) => open[depth - 1].1 = rank,
                }
            }
        }
        if !tag.ends_with('/') {
            open.push((name, 0));
        }
    }
    assert!(open.is_empty(), "unclosed {open:?}");
    problems
}

/// Every XML part of the package.
fn xml_parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut entry = zip.by_index(i).unwrap();
            let mut xml = String::new();
            entry.read_to_string(&mut xml).unwrap();
            (entry.name().to_string(), xml)
        })
        .collect()
}

/// Every option combination the app offers, on drafts with and without the attached
/// table, with one and several 签发人, read from reports in other house styles, and
/// hostile (the drafts `scripts/ooxml-audit.sh` adds to these).
fn every_export() -> Vec<(String, Vec<u8>)> {
    let mut several_signers = jiaxing();
    several_signers.meta.signers = with_table_and_signers().meta.signers;
    let mut one_signer_table = with_table_and_signers();
    one_signer_table.meta.signers.truncate(1);
    let fixture = |json: &str| crate::from_json(json).unwrap();
    let drafts = [
        jiaxing(),
        several_signers,
        with_table_and_signers(),
        one_signer_table,
        fixture(include_str!(
            "../../tests/fixtures/draft-text-dev-06-qingdao-city-2022.json"
        )),
        fixture(include_str!(
            "../../tests/fixtures/draft-text-dev-21-qingshanhu-district-2021.json"
        )),
        fixture(include_str!(
            "../../tests/fixtures/draft-text-dev-33-hancheng-city-2022.json"
        )),
        fixture(include_str!("../../tests/fixtures/draft-hostile-text.json")),
    ];
    let mut out = Vec::new();
    for (d, draft) in drafts.iter().enumerate() {
        for profile in [
            LayoutProfile::Portable,
            LayoutProfile::WordGrid,
            LayoutProfile::PrintAccurate,
        ] {
            for (red_header, sealed) in [(true, true), (true, false), (false, true), (false, false)]
            {
                let options = ExportOptions {
                    profile,
                    red_header,
                    sealed,
                    ..ExportOptions::default()
                };
                let bytes = export(draft, &options, tests::NOW).unwrap();
                out.push((format!("draft {d} {options:?}"), bytes));
            }
        }
    }
    out
}

#[test]
fn every_part_writes_its_children_in_schema_order() {
    for (export, bytes) in every_export() {
        for (name, xml) in xml_parts(&bytes) {
            let problems = order_problems(&xml);
            assert!(problems.is_empty(), "{export}, {name}: {problems:?}");
        }
    }
}

#[test]
fn the_order_check_finds_what_docx_rs_0_4_22_wrote() {
    let released = r#"<w:p><w:pPr><w:rPr /><w:jc w:val="right" /><w:ind w:left="0" /><w:spacing w:line="579" /></w:pPr><w:r><w:rPr><w:sz w:val="28" /><w:rFonts w:ascii="宋体" /></w:rPr><w:t>一</w:t></w:r></w:p>"#;
    assert_eq!(
        order_problems(released),
        [
            "w:jc out of order in w:pPr in w:p",
            "w:ind out of order in w:pPr in w:p",
            "w:spacing out of order in w:pPr in w:p",
            "w:rFonts out of order in w:rPr in w:r",
        ]
    );
    let style = r#"<w:style w:styleId="Normal"><w:name w:val="Normal" /><w:rPr /><w:pPr><w:rPr /></w:pPr><w:qFormat /></w:style>"#;
    assert_eq!(
        order_problems(style),
        [
            "w:pPr out of order in w:style in ",
            "w:rPr in w:pPr in w:style",
            "w:qFormat out of order in w:style in ",
        ]
    );
}

/// Every relationship's target is in the package, every part has a content type, and
/// the document relates to a theme.
#[test]
fn the_package_holds_what_it_relates_and_types_what_it_holds() {
    let bytes = export(
        &with_table_and_signers(),
        &ExportOptions::default(),
        tests::NOW,
    )
    .unwrap();
    let parts = xml_parts(&bytes);
    let names: Vec<&str> = parts.iter().map(|(name, _)| name.as_str()).collect();
    let content_types = &parts
        .iter()
        .find(|(n, _)| n == "[Content_Types].xml")
        .unwrap()
        .1;
    for name in names
        .iter()
        .filter(|n| !n.ends_with(".rels") && **n != "[Content_Types].xml")
    {
        assert!(
            content_types.contains(&format!(r#"PartName="/{name}""#)),
            "{name} has no content type"
        );
    }
    let typed = names
        .iter()
        .filter(|n| !n.ends_with(".rels") && **n != "[Content_Types].xml");
    assert_eq!(
        content_types.matches("PartName=").count(),
        typed.count(),
        "one override per part, none for a part the package lacks: {content_types}"
    );
    for (rels, folder) in [
        ("_rels/.rels", ""),
        ("word/_rels/document.xml.rels", "word/"),
    ] {
        let xml = &parts.iter().find(|(n, _)| n == rels).unwrap().1;
        for target in xml.split(r#"Target=""#).skip(1) {
            let target = format!("{folder}{}", &target[..target.find('"').unwrap()]);
            assert!(
                names.contains(&target.as_str()),
                "{rels} relates missing {target}"
            );
        }
    }
    let rels = &parts
        .iter()
        .find(|(n, _)| n == "word/_rels/document.xml.rels")
        .unwrap()
        .1;
    assert!(
        rels.contains(r#"relationships/theme" Target="theme/theme1.xml""#),
        "{rels}"
    );
    assert!(
        !names.contains(&"word/numbering.xml"),
        "unrelated parts are left out"
    );
}
